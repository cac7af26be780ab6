/**
 * `npm run import:sponsor-catalogue -- path/to/sponsors.json`: loads
 * python.org's sponsorship catalogue (`manage.py dumpdata sponsors`) as
 * sponsorship levels and legal clauses. Safe to run again: rows are matched
 * by their python.org id.
 */
import '../src/platform/scripts/holdOpen'
import fs from 'node:fs'

import { getPayload } from 'payload'

import config from '../payload.config'
import type { DjangoRow } from '../src/platform/djangoImport'
import { importSponsorCatalogue } from '../src/sponsors/importCatalogue'

const file = process.argv[2]
if (!file) {
  process.stderr.write('usage: npm run import:sponsor-catalogue -- path/to/sponsors.json\n')
  process.exit(2)
}
const rows = JSON.parse(fs.readFileSync(file, 'utf8')) as DjangoRow[]
const payload = await getPayload({ config })
try {
  const summary = await importSponsorCatalogue(payload, rows, (message) =>
    process.stdout.write(`[sponsors] ${message}\n`),
  )
  process.stdout.write(
    `[sponsors] created ${JSON.stringify(summary.created)}, updated ${JSON.stringify(summary.updated)}\n`,
  )
  for (const skip of summary.skipped) {
    process.stdout.write(`[sponsors] not carried: ${skip.model} ${String(skip.pk)} ${skip.field} (${skip.why})\n`)
  }
} finally {
  await payload.destroy()
}
process.exit(0)
