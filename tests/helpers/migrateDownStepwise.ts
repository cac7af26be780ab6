/**
 * Reverts the newest applied migration of DATABASE_URL MIGRATE_DOWN_STEPS
 * times with the code of `npm run migrate:down-one` (one transaction each),
 * and prints what each step left: `DOWN <json [{ name, applied, schema }]>`.
 * One process instead of one command per migration.
 */
import '../../src/platform/scripts/holdOpen'
import { getPayload } from 'payload'

import { appliedMigrations, schemaSnapshot } from './schema'

process.env.PAYLOAD_MIGRATING = 'true'
const { default: config } = await import('../../payload.config')
const { migrateDownOne } = await import('../../src/platform/db/migrateDownOne')
const payload = await getPayload({ config, disableOnInit: true })
const url = process.env.DATABASE_URL!
const steps = []
for (let k = 0; k < Number(process.env.MIGRATE_DOWN_STEPS); k += 1) {
  const result = await migrateDownOne(payload)
  steps.push({ applied: await appliedMigrations(url), name: result?.name ?? null, schema: await schemaSnapshot(url) })
}
await payload.destroy()
// exit only once the (large) line is out
process.stdout.write(`DOWN ${JSON.stringify(steps)}\n`, () => process.exit(0))
