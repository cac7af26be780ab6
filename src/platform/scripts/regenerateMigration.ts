/**
 * `npm run migrate:regen -- NAME`: while a change is under development,
 * rewrites ITS migration (migrations/*_NAME.*) from the current collection
 * config instead of piling up one migration per edit. Never use it on a
 * migration that has been released.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { writeMigrationIndex } from 'payload'

import { withLock } from '../db/embeddedPostgres'
import { dataRoot, projectRoot } from '../paths'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write('usage: npm run migrate:regen -- NAME (lowercase letters, digits, _)\n')
  process.exit(2)
}

const dir = path.join(projectRoot, 'migrations')
fs.mkdirSync(dataRoot(), { recursive: true })
await withLock(path.join(dataRoot(), 'migrate-regen.lock'), async () => {
  for (const file of fs.readdirSync(dir)) {
    if (file.endsWith(`_${name}.ts`) || file.endsWith(`_${name}.json`)) fs.rmSync(path.join(dir, file))
  }
  // migrate:create diffs the config against the last snapshot; it needs no database
  const result = spawnSync(
    path.join(projectRoot, 'node_modules/.bin/payload'),
    ['migrate:create', name, '--skip-empty'],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://unused@127.0.0.1:1/unused',
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'migration-generation',
      },
      stdio: 'inherit',
    },
  )
  if (result.status !== 0) process.exit(result.status ?? 1)
  // with no schema change nothing is written: the index must still forget the removed file
  writeMigrationIndex({ migrationsDir: dir })
})
