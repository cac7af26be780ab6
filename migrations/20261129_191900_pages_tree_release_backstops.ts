import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * What the collection config cannot say (see pages_tree_seo_defaults_release_derivation):
 * - a release's version, status and pre-release flag are derived from its
 *   name unless set (hooks/downloads/deriveVersion.ts), so the fields are
 *   optional in the config; the hook always fills them, and the columns stay
 *   NOT NULL beneath it;
 * - existing pages get their parent: the nearest page above them by path
 *   (hooks/pages/pageTree.ts keeps it from now on).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    UPDATE "releases" SET "version" = 'PYTHON3' WHERE "version" IS NULL;
    UPDATE "releases" SET "status" = 'BUGFIX' WHERE "status" IS NULL;
    UPDATE "releases" SET "pre_release" = false WHERE "pre_release" IS NULL;
    ALTER TABLE "releases" ALTER COLUMN "version" SET NOT NULL;
    ALTER TABLE "releases" ALTER COLUMN "status" SET NOT NULL;
    ALTER TABLE "releases" ALTER COLUMN "pre_release" SET NOT NULL;
    UPDATE "pages" AS "child" SET "parent_id" = (
      SELECT "above"."id" FROM "pages" AS "above"
      WHERE starts_with("child"."path", "above"."path" || '/')
      ORDER BY length("above"."path") DESC LIMIT 1
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  // back to the optional columns the generated migration before this one left (parents stay: that migration drops them)
  await db.execute(sql`
    ALTER TABLE "releases" ALTER COLUMN "version" DROP NOT NULL;
    ALTER TABLE "releases" ALTER COLUMN "status" DROP NOT NULL;
    ALTER TABLE "releases" ALTER COLUMN "pre_release" DROP NOT NULL;
  `)
}
