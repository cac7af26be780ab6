import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Rich text beside the source content types (the content type enums gained
 * RICHTEXT in the migration before: a new enum value is usable only once
 * the transaction that added it has committed). Existing rows keep their
 * content type: the models that had none (jobs, elections, nominations)
 * were Markdown, so their rows get MARKDOWN before the column's default
 * becomes RICHTEXT, which only new documents take. Version rows (history)
 * get the same columns as their documents.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TYPE "public"."enum_jobs_content_type" AS ENUM('RICHTEXT', 'MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum_elections_content_type" AS ENUM('RICHTEXT', 'MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum_nominations_content_type" AS ENUM('RICHTEXT', 'MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "pages" ALTER COLUMN "content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "_pages_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "code_samples" ALTER COLUMN "content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "_code_samples_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "releases" ALTER COLUMN "content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "events" ALTER COLUMN "content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "jobs" ALTER COLUMN "description" DROP NOT NULL;
  ALTER TABLE "success_stories" ALTER COLUMN "content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "_success_stories_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "community_posts" ALTER COLUMN "content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "minutes" ALTER COLUMN "content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "_minutes_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "nominations" ALTER COLUMN "statement" DROP NOT NULL;
  ALTER TABLE "pages" ADD COLUMN "content_rich" jsonb;
  ALTER TABLE "_pages_v" ADD COLUMN "version_content_rich" jsonb;
  ALTER TABLE "code_samples" ADD COLUMN "description_rich" jsonb;
  ALTER TABLE "_code_samples_v" ADD COLUMN "version_description_rich" jsonb;
  ALTER TABLE "releases" ADD COLUMN "content_rich" jsonb;
  ALTER TABLE "events" ADD COLUMN "description_rich" jsonb;
  ALTER TABLE "jobs" ADD COLUMN "content_type" "enum_jobs_content_type" DEFAULT 'MARKDOWN' NOT NULL;
  ALTER TABLE "jobs" ALTER COLUMN "content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "jobs" ADD COLUMN "description_rich" jsonb;
  ALTER TABLE "jobs" ADD COLUMN "requirements_rich" jsonb;
  ALTER TABLE "success_stories" ADD COLUMN "content_rich" jsonb;
  ALTER TABLE "_success_stories_v" ADD COLUMN "version_content_rich" jsonb;
  ALTER TABLE "community_posts" ADD COLUMN "content_rich" jsonb;
  ALTER TABLE "minutes" ADD COLUMN "content_rich" jsonb;
  ALTER TABLE "_minutes_v" ADD COLUMN "version_content_rich" jsonb;
  ALTER TABLE "elections" ADD COLUMN "content_type" "enum_elections_content_type" DEFAULT 'MARKDOWN' NOT NULL;
  ALTER TABLE "elections" ALTER COLUMN "content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "elections" ADD COLUMN "description_rich" jsonb;
  ALTER TABLE "nominations" ADD COLUMN "content_type" "enum_nominations_content_type" DEFAULT 'MARKDOWN' NOT NULL;
  ALTER TABLE "nominations" ALTER COLUMN "content_type" SET DEFAULT 'RICHTEXT';
  ALTER TABLE "nominations" ADD COLUMN "statement_rich" jsonb;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  -- rich text rows keep their content as the HTML it rendered to (RICHTEXT then leaves the enums)
  UPDATE "pages" SET "content" = "content_html", "content_type" = 'HTML' WHERE "content_type" = 'RICHTEXT';
  UPDATE "_pages_v" SET "version_content" = "version_content_html", "version_content_type" = 'HTML' WHERE "version_content_type" = 'RICHTEXT';
  UPDATE "releases" SET "content" = "content_html", "content_type" = 'HTML' WHERE "content_type" = 'RICHTEXT';
  UPDATE "community_posts" SET "content" = "content_html", "content_type" = 'HTML' WHERE "content_type" = 'RICHTEXT';
  UPDATE "success_stories" SET "content" = "content_html", "content_type" = 'HTML' WHERE "content_type" = 'RICHTEXT';
  UPDATE "_success_stories_v" SET "version_content" = "version_content_html", "version_content_type" = 'HTML' WHERE "version_content_type" = 'RICHTEXT';
  UPDATE "code_samples" SET "description" = "description_html", "content_type" = 'HTML' WHERE "content_type" = 'RICHTEXT';
  UPDATE "_code_samples_v" SET "version_description" = "version_description_html", "version_content_type" = 'HTML' WHERE "version_content_type" = 'RICHTEXT';
  UPDATE "minutes" SET "content" = "content_html", "content_type" = 'HTML' WHERE "content_type" = 'RICHTEXT';
  UPDATE "_minutes_v" SET "version_content" = "version_content_html", "version_content_type" = 'HTML' WHERE "version_content_type" = 'RICHTEXT';
  UPDATE "events" SET "description" = "description_html", "content_type" = 'HTML' WHERE "content_type" = 'RICHTEXT';
  UPDATE "jobs" SET "description" = coalesce("description_html", ''), "requirements" = "requirements_html" WHERE "content_type" = 'RICHTEXT';
  UPDATE "elections" SET "description" = "description_html" WHERE "content_type" = 'RICHTEXT';
  UPDATE "nominations" SET "statement" = coalesce("statement_html", '') WHERE "content_type" = 'RICHTEXT';
  ALTER TABLE "pages" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT';
  ALTER TABLE "_pages_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RESTRUCTUREDTEXT';
  ALTER TABLE "code_samples" ALTER COLUMN "content_type" SET DEFAULT 'MARKDOWN';
  ALTER TABLE "_code_samples_v" ALTER COLUMN "version_content_type" SET DEFAULT 'MARKDOWN';
  ALTER TABLE "releases" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT';
  ALTER TABLE "events" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT';
  ALTER TABLE "success_stories" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT';
  ALTER TABLE "_success_stories_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RESTRUCTUREDTEXT';
  ALTER TABLE "community_posts" ALTER COLUMN "content_type" SET DEFAULT 'MARKDOWN';
  ALTER TABLE "minutes" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT';
  ALTER TABLE "_minutes_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RESTRUCTUREDTEXT';
  ALTER TABLE "jobs" ALTER COLUMN "description" SET NOT NULL;
  ALTER TABLE "nominations" ALTER COLUMN "statement" SET NOT NULL;
  ALTER TABLE "pages" DROP COLUMN "content_rich";
  ALTER TABLE "_pages_v" DROP COLUMN "version_content_rich";
  ALTER TABLE "code_samples" DROP COLUMN "description_rich";
  ALTER TABLE "_code_samples_v" DROP COLUMN "version_description_rich";
  ALTER TABLE "releases" DROP COLUMN "content_rich";
  ALTER TABLE "events" DROP COLUMN "description_rich";
  ALTER TABLE "jobs" DROP COLUMN "content_type";
  ALTER TABLE "jobs" DROP COLUMN "description_rich";
  ALTER TABLE "jobs" DROP COLUMN "requirements_rich";
  ALTER TABLE "success_stories" DROP COLUMN "content_rich";
  ALTER TABLE "_success_stories_v" DROP COLUMN "version_content_rich";
  ALTER TABLE "community_posts" DROP COLUMN "content_rich";
  ALTER TABLE "minutes" DROP COLUMN "content_rich";
  ALTER TABLE "_minutes_v" DROP COLUMN "version_content_rich";
  ALTER TABLE "elections" DROP COLUMN "content_type";
  ALTER TABLE "elections" DROP COLUMN "description_rich";
  ALTER TABLE "nominations" DROP COLUMN "content_type";
  ALTER TABLE "nominations" DROP COLUMN "statement_rich";
  DROP TYPE "public"."enum_jobs_content_type";
  DROP TYPE "public"."enum_elections_content_type";
  DROP TYPE "public"."enum_nominations_content_type";
  `)
}
