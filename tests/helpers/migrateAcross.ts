/**
 * Runs the committed migrations on DATABASE_URL up to (not including) the
 * first whose name is MIGRATE_BEFORE or later, then the SQL in SQL_BETWEEN
 * (rows as an older version of the system wrote them), then the remaining
 * migrations, and prints the rows SQL_AFTER selects: `ROWS <json>`. For
 * tests that data written before a migration survives it as intended.
 */
import '../../src/platform/scripts/holdOpen'
import pg from 'pg'
import { getPayload } from 'payload'

import { committedMigrations as files } from '../../src/platform/db/committedMigrations'

process.env.PAYLOAD_MIGRATING = 'true'
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config, disableOnInit: true })
const before = process.env.MIGRATE_BEFORE!
const first = files.findIndex((file) => file.name >= before)
if (first < 1) throw new Error(`no migration named ${before} or later after the first`)
await payload.db.migrate({ migrations: files.slice(0, first) })
const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
await client.connect()
await client.query(process.env.SQL_BETWEEN!)
await payload.db.migrate({ migrations: files })
const { rows } = await client.query(process.env.SQL_AFTER!)
await client.end()
process.stdout.write(`ROWS ${JSON.stringify(rows)}\n`, () => process.exit(0))
