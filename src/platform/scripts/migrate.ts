/**
 * The migrations step of `npm start`, `npm run dev`, `npm run migrate` and
 * `npm run seed` (run.ts runs it under the migration lock): Payload's own
 * migrate, given the committed list (src/platform/db/committedMigrations.ts
 * says why not the folder).
 */
import './holdOpen'
import { getPayload } from 'payload'

// read by the database settings when the config is imported: migrations get the migration timeouts
process.env.PAYLOAD_MIGRATING = 'true'

const { default: config } = await import('../../../payload.config')
const { committedMigrations } = await import('../db/committedMigrations')

const payload = await getPayload({ config, disableOnInit: true })
let exitCode = 0
try {
  await payload.db.migrate({ migrations: committedMigrations })
  payload.logger.info('Done.')
} catch (err) {
  payload.logger.error({ err }, 'Applying the migrations failed')
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)
