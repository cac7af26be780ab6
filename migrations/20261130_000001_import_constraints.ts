import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** The collections that got python.org's integer ids (legacyId) with the importer. */
const TABLES = [
  'users',
  'memberships',
  'user_groups',
  'page_images',
  'page_documents',
  'jobs',
  'job_types',
  'job_categories',
  'job_review_comments',
  'feeds',
  'blog_entries',
  'feed_aggregates',
  'related_blogs',
  'community_posts',
  'community_photos',
  'community_videos',
  'community_links',
  'success_stories',
  'story_categories',
  'code_samples',
  'minutes',
  'banners',
  'work_groups',
]

/**
 * For the python.org importer (seed/import/):
 * - a sequence per table that hands out legacy ids (fields/legacyId.ts), and a
 *   number for every row that has none yet;
 * - `pythondotorg_import_rows`: which python.org row the importer wrote, and a hash
 *   of what it wrote, so that an unchanged row is not written again and a
 *   document created here is told apart from one imported.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const table of TABLES) {
    const sequence = `${table}_legacy_id_seq`
    await db.execute(sql`CREATE SEQUENCE IF NOT EXISTS ${sql.identifier(sequence)}`)
    await db.execute(sql`
      WITH "base" AS (SELECT COALESCE(MAX("legacy_id"), 0) AS "top" FROM ${sql.identifier(table)}),
        "numbered" AS (SELECT "id", ROW_NUMBER() OVER (ORDER BY "created_at", "id") AS "n"
                       FROM ${sql.identifier(table)} WHERE "legacy_id" IS NULL)
      UPDATE ${sql.identifier(table)} AS "t" SET "legacy_id" = "base"."top" + "numbered"."n"
        FROM "base", "numbered" WHERE "t"."id" = "numbered"."id"
    `)
    await db.execute(sql`
      SELECT setval(${sequence}::regclass, (SELECT MAX("legacy_id") FROM ${sql.identifier(table)})::bigint)
        WHERE EXISTS (SELECT 1 FROM ${sql.identifier(table)} WHERE "legacy_id" IS NOT NULL)
    `)
  }
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS "pythondotorg_import_rows" (
      "model" varchar NOT NULL,
      "pk" varchar NOT NULL,
      "data_hash" varchar NOT NULL,
      "imported_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
      PRIMARY KEY ("model", "pk")
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "pythondotorg_import_rows";`)
  for (const table of TABLES) {
    await db.execute(sql`DROP SEQUENCE IF EXISTS ${sql.identifier(`${table}_legacy_id_seq`)};`)
  }
}
