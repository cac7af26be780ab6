import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Pages get python.org's integer ids (`legacyId`) like the downloads do:
 * python.org's API addresses a page as /api/v1/pages/page/<integer id>/.
 * The column comes with the collection config (content_domains); this adds
 * the sequence that hands the ids out, and numbers any page that has none.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE SEQUENCE IF NOT EXISTS "pages_legacy_id_seq";
    WITH "base" AS (SELECT COALESCE(MAX("legacy_id"), 0) AS "top" FROM "pages"),
      "numbered" AS (SELECT "id", ROW_NUMBER() OVER (ORDER BY "created_at", "id") AS "n" FROM "pages" WHERE "legacy_id" IS NULL)
    UPDATE "pages" SET "legacy_id" = "base"."top" + "numbered"."n" FROM "base", "numbered" WHERE "pages"."id" = "numbered"."id";
    SELECT setval('pages_legacy_id_seq', (SELECT MAX("legacy_id") FROM "pages")::bigint) WHERE EXISTS (SELECT 1 FROM "pages" WHERE "legacy_id" IS NOT NULL);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP SEQUENCE IF EXISTS "pages_legacy_id_seq";
  `)
}
