import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * A document's versions go with it in the database too: Payload deletes them
 * when a document is deleted through its API, but a delete that bypasses it
 * (the seed's --reset, an operator's SQL) would leave versions behind, still
 * naming the users who wrote them.
 */
const TABLES = [
  ['_pages_v', 'pages'],
  ['_success_stories_v', 'success_stories'],
  ['_minutes_v', 'minutes'],
  ['_code_samples_v', 'code_samples'],
] as const

const parentKeys = (onDelete: 'CASCADE' | 'SET NULL') =>
  TABLES.map(
    ([versions, parent]) => `
    ALTER TABLE "${versions}" DROP CONSTRAINT IF EXISTS "${versions}_parent_id_${parent}_id_fk";
    ALTER TABLE "${versions}" ADD CONSTRAINT "${versions}_parent_id_${parent}_id_fk"
      FOREIGN KEY ("parent_id") REFERENCES "${parent}"("id") ON DELETE ${onDelete};`,
  ).join('\n')

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql.raw(parentKeys('CASCADE')))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(parentKeys('SET NULL')))
}
