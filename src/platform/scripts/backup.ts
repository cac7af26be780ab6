/**
 * `npm run backup [-- --output FILE]`: the database, the uploaded files and
 * PAYLOAD_SECRET in one .tar.gz (see src/platform/backup.ts).
 * Default file: .data/backups/pythondotorg-<UTC time>.tar.gz.
 */
import './holdOpen'
import path from 'node:path'
import { parseArgs } from 'node:util'

import pg from 'pg'

import { createBackup } from '../backup'
import { resolveDatabaseUrl } from '../db/databaseUrl'
import { clientOptions } from '../db/settings'
import { dataRoot } from '../paths'
import { resolvePayloadSecret } from '../secret'
import { secretReadsApiKey } from '../startup'

// a whole-table COPY may take longer than a web request's statement timeout
process.env.PAYLOAD_MIGRATING = 'true'

const log = (line: string) => process.stdout.write(`[backup] ${line}\n`)

/** The secret being archived must be the one the database's API keys were made with. */
const checkSecret = async (databaseUrl: string, secret: string) => {
  const client = new pg.Client(clientOptions(databaseUrl))
  await client.connect()
  try {
    const { rows } = await client.query<{ api_key: string; api_key_index: string }>(
      `select api_key, api_key_index from users where api_key is not null and api_key_index is not null`,
    )
    const unreadable = rows.filter((row) => !secretReadsApiKey(secret, row.api_key, row.api_key_index)).length
    if (unreadable) {
      throw new Error(
        `This PAYLOAD_SECRET cannot read ${unreadable} of the ${rows.length} API keys of the database: ` +
          'run the backup with the secret the site runs with.',
      )
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}

const main = async () => {
  const { values } = parseArgs({ options: { output: { short: 'o', type: 'string' } } })
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z')
  const file = path.resolve(values.output ?? path.join(dataRoot(), 'backups', `pythondotorg-${stamp}.tar.gz`))
  const databaseUrl = resolveDatabaseUrl()
  const secret = resolvePayloadSecret()
  await checkSecret(databaseUrl, secret)
  await createBackup({ databaseUrl, file, log, secret })
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(`Backup failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  },
)
