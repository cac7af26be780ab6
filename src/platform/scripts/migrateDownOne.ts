/**
 * `npm run migrate:down-one`: reverts the newest applied migration, and only
 * that one (see src/platform/db/migrateDownOne.ts for why not `payload migrate:down`).
 */
import { getPayload } from 'payload'

// read by the database settings when the config is imported: migrations get the migration timeouts
process.env.PAYLOAD_MIGRATING = 'true'

const { default: config } = await import('../../../payload.config')
const { migrateDownOne } = await import('../db/migrateDownOne')

// the command's answer, whatever LOG_LEVEL says
const say = (line: string) => process.stdout.write(`[migrate:down-one] ${line}\n`)

const payload = await getPayload({ config, disableOnInit: true })
let exitCode = 0
try {
  const result = await migrateDownOne(payload)
  if (!result) say('No migrations to roll back.')
  else say(`Rolled back ${result.name}; ${result.remaining} migration(s) remain applied.`)
} catch (err) {
  payload.logger.error({ err }, 'migrate:down-one failed')
  say('Rolling back the newest migration failed; the database is unchanged.')
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)
