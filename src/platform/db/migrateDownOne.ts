import { sql } from '@payloadcms/db-postgres'
import {
  commitTransaction,
  createLocalReq,
  getMigrations,
  initTransaction,
  killTransaction,
  type MigrationData,
  type Payload,
} from 'payload'

import { committedMigrations } from './committedMigrations'

import { dbFor } from './sql'

type Drizzle = Awaited<ReturnType<typeof dbFor>>

export type RolledBack = { name: string; remaining: number } | null

/**
 * Reverts exactly one migration: the newest applied one.
 *
 * `payload migrate:down` reverts the whole last *batch*, and every migration
 * applied by one `payload migrate` run shares a batch: on a database created
 * in one go that is all of them, `initial` included. This is the one-step
 * rollback operators want. It runs the migration's `down` and removes its
 * row in one transaction, as Payload's own migrate:down does, so a failing
 * down leaves the database as it was.
 */
const migrationsTableExists = async (db: Drizzle) => {
  const [row] = (await db.execute(sql`select to_regclass('payload_migrations') is not null as "exists"`)).rows
  return Boolean(row?.exists)
}

export const migrateDownOne = async (payload: Payload): Promise<RolledBack> => {
  // an empty database, or one whose initial migration was rolled back
  if (!(await migrationsTableExists((payload.db as unknown as { drizzle: Drizzle }).drizzle))) return null
  const files = committedMigrations
  // newest batch first, then newest name: the order Payload's migrate:down uses
  const { existingMigrations } = await getMigrations({ payload })
  const latest = existingMigrations[0] as (MigrationData & { id: number | string }) | undefined
  if (!latest) return null
  const file = files.find((candidate) => candidate.name === latest.name)
  if (!file) {
    throw new Error(
      `Migration ${latest.name} is applied but is not in migrations/index.ts: ` +
        'roll back with the version of the code that added it.',
    )
  }
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const db = await dbFor(req)
    await file.down({ db, payload, req } as never)
    // the initial migration's down drops the migrations table itself
    if (await migrationsTableExists(db)) {
      // overrideAccess: the operator's command acts as the system
      await payload.delete({ id: latest.id, collection: 'payload-migrations', overrideAccess: true, req })
    }
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
  return { name: latest.name, remaining: existingMigrations.length - 1 }
}
