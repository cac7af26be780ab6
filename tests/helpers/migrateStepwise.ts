/**
 * Applies the committed migrations to DATABASE_URL one at a time (each its
 * own batch, through Payload's own migrate) and prints the schema before the
 * first and after each: `STEPS <json SchemaSnapshot[]>`. One process instead
 * of one `payload migrate` per migration.
 */
import '../../src/platform/scripts/holdOpen'
import { getPayload } from 'payload'

import { committedMigrations as files } from '../../src/platform/db/committedMigrations'

import { schemaSnapshot } from './schema'

process.env.PAYLOAD_MIGRATING = 'true'
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config, disableOnInit: true })
const url = process.env.DATABASE_URL!
const steps = [await schemaSnapshot(url)]
for (let k = 1; k <= files.length; k += 1) {
  await payload.db.migrate({ migrations: files.slice(0, k) })
  steps.push(await schemaSnapshot(url))
}
// exit only once the (large) line is out
process.stdout.write(`STEPS ${JSON.stringify({ names: files.map((file) => file.name), steps })}\n`, () =>
  process.exit(0),
)
