import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * What the elections collections cannot declare: sequences for python.org's
 * integer ids (legacyId); the database's own guarantee that an election's
 * dates are in order and that a nominee's `accepted` agrees with its
 * `acceptance`; and python.org's ON DELETE CASCADE from an election, a
 * nominee or a user to the nominees and nominations that need them (the
 * generated SET NULL could only fail on these NOT NULL columns).
 * One nominee per (election, user) is the generated unique index election_user_idx.
 */
const CASCADES: [table: string, column: string, target: string][] = [
  ['nominees', 'election_id', 'elections'],
  ['nominees', 'user_id', 'users'],
  ['nominations', 'election_id', 'elections'],
  ['nominations', 'nominee_user_id', 'users'],
  ['nominations', 'nominee_id', 'nominees'],
  ['nominations', 'nominator_id', 'users'],
]

const constraint = (table: string, column: string, target: string) => `${table}_${column}_${target}_id_fk`

const foreignKeys = (onDelete: 'CASCADE' | 'SET NULL') =>
  CASCADES.map(
    ([table, column, target]) => `
    ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${constraint(table, column, target)}";
    ALTER TABLE "${table}" ADD CONSTRAINT "${constraint(table, column, target)}"
      FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete};`,
  ).join('')

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE SEQUENCE IF NOT EXISTS "elections_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "nominees_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "nominations_legacy_id_seq";
    ALTER TABLE "elections" ADD CONSTRAINT "elections_dates_in_order" CHECK (
      "nominations_open" <= "nominations_close" AND "nominations_close" <= "voting_open" AND "voting_open" <= "voting_close"
    );
    ALTER TABLE "nominees" ADD CONSTRAINT "nominees_accepted_is_acceptance" CHECK (
      "accepted" IS NOT DISTINCT FROM ("acceptance" = 'ACCEPTED')
    );
  `)
  await db.execute(sql.raw(foreignKeys('CASCADE')))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(foreignKeys('SET NULL')))
  await db.execute(sql`
    ALTER TABLE "nominees" DROP CONSTRAINT IF EXISTS "nominees_accepted_is_acceptance";
    ALTER TABLE "elections" DROP CONSTRAINT IF EXISTS "elections_dates_in_order";
    DROP SEQUENCE IF EXISTS "nominations_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "nominees_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "elections_legacy_id_seq";
  `)
}
