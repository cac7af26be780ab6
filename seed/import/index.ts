/**
 * `npm run import:pythondotorg -- [--media DIR] [--time-zone ZONE] FILE...`
 *
 * Imports python.org's data from `manage.py dumpdata` JSON files (docs/import.md):
 * every file is imported whole or not at all, in the order their foreign keys
 * need; running it again updates what changed and leaves the rest alone.
 * Exits 1 when a file could not be imported.
 */
import '../../src/platform/scripts/holdOpen'
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import config from '../../payload.config'
import { importPythondotorg } from './importer'
import { formatSummary } from './summary'

const usage = 'usage: npm run import:pythondotorg -- [--media DIR] [--time-zone ZONE] FILE...\n'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    help: { short: 'h', type: 'boolean' },
    media: { type: 'string' },
    'time-zone': { type: 'string' },
  },
})
if (values.help || !positionals.length) {
  process.stderr.write(usage)
  process.exit(values.help ? 0 : 2)
}

const payload = await getPayload({ config })
let failed = false
try {
  const summary = await importPythondotorg(payload, {
    files: positionals,
    log: (line) => process.stdout.write(`[import] ${line}\n`),
    media: values.media,
    progress: process.stderr,
    siteTimeZone: values['time-zone'] ?? 'UTC',
  })
  process.stdout.write(formatSummary(summary))
  failed = summary.files.some((file) => file.status === 'failed')
} finally {
  await payload.destroy()
}
process.exit(failed ? 1 : 0)
