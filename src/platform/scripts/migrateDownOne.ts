/**
 * `npm run migrate:down-one`: reverts the newest applied migration, and only
 * that one (see src/platform/db/migrateDownOne.ts for why not `payload migrate:down`).
 */
import { getPayload } from 'payload'

// read by the database settings when the config is imported: migrations get the migration timeouts
process.env.PAYLOAD_MIGRATING = 'true'

const { default: config } = await import('../../../payload.config')
const { migrateDownOne } = await import('../db/migrateDownOne')

const payload = await getPayload({ config, disableOnInit: true })
let exitCode = 0
try {
  const result = await migrateDownOne(payload)
  if (!result) payload.logger.info('No migrations to roll back.')
  else payload.logger.info(`Rolled back ${result.name}; ${result.remaining} migration(s) remain applied.`)
} catch (err) {
  payload.logger.error({ err, msg: 'Rolling back the newest migration failed; the database is unchanged.' })
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)
