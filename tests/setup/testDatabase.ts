import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../../src/platform/paths'

/** The template database is named after the migrations it was built from. */
export const templateDatabaseName = (): string => {
  const dir = path.join(projectRoot, 'migrations')
  const hash = crypto.createHash('sha256')
  for (const file of fs.readdirSync(dir).sort()) hash.update(file).update(fs.readFileSync(path.join(dir, file)))
  return `pdo_template_${hash.digest('hex').slice(0, 12)}`
}

/** Replaces the database name in a PostgreSQL URL. */
export const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}
