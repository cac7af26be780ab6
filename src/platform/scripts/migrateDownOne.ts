/**
 * `npm run migrate:down-one`: reverts the newest applied migration, and only
 * that one (see src/platform/db/migrateDownOne.ts for why not `payload migrate:down`).
 */
import './holdOpen'
import { getPayload } from 'payload'

// read by the database settings when the config is imported: migrations get the migration timeouts
process.env.PAYLOAD_MIGRATING = 'true'

const { default: config } = await import('../../../payload.config')
const { migrateDownOne } = await import('../db/migrateDownOne')

// the command's answer, whatever LOG_LEVEL says; on a pipe stdout is written asynchronously, and
// process.exit would drop a line still queued
const say = (line: string) =>
  new Promise<void>((resolve) => process.stdout.write(`[migrate:down-one] ${line}\n`, () => resolve()))

const payload = await getPayload({ config, disableOnInit: true })
let exitCode = 0
try {
  const result = await migrateDownOne(payload)
  if (!result) await say('No migrations to roll back.')
  else await say(`Rolled back ${result.name}; ${result.remaining} migration(s) remain applied.`)
} catch (err) {
  payload.logger.error({ err }, 'migrate:down-one failed')
  await say('Rolling back the newest migration failed; the database is unchanged.')
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)
