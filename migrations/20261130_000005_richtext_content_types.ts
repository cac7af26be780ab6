import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * RICHTEXT joins the content types of the models that already had one. By
 * hand and on its own: PostgreSQL lets a transaction use a new enum value
 * only after the one that added it has committed, and the next migration
 * (richtext) makes it the columns' default.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TYPE "public"."enum_pages_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  ALTER TYPE "public"."enum_releases_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  ALTER TYPE "public"."enum_community_posts_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  ALTER TYPE "public"."enum_success_stories_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  ALTER TYPE "public"."enum_code_samples_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  ALTER TYPE "public"."enum_minutes_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  ALTER TYPE "public"."enum_events_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  ALTER TYPE "public"."enum__pages_v_version_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  ALTER TYPE "public"."enum__success_stories_v_version_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  ALTER TYPE "public"."enum__code_samples_v_version_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  ALTER TYPE "public"."enum__minutes_v_version_content_type" ADD VALUE 'RICHTEXT' BEFORE 'MARKDOWN';
  `)
}

/** An enum value cannot be dropped: the types are made again without it (no row uses it any more). */
export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "pages" ALTER COLUMN "content_type" SET DATA TYPE text;
  ALTER TABLE "pages" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::text;
  DROP TYPE "public"."enum_pages_content_type";
  CREATE TYPE "public"."enum_pages_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "pages" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::"public"."enum_pages_content_type";
  ALTER TABLE "pages" ALTER COLUMN "content_type" SET DATA TYPE "public"."enum_pages_content_type" USING "content_type"::"public"."enum_pages_content_type";
  ALTER TABLE "releases" ALTER COLUMN "content_type" SET DATA TYPE text;
  ALTER TABLE "releases" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::text;
  DROP TYPE "public"."enum_releases_content_type";
  CREATE TYPE "public"."enum_releases_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "releases" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::"public"."enum_releases_content_type";
  ALTER TABLE "releases" ALTER COLUMN "content_type" SET DATA TYPE "public"."enum_releases_content_type" USING "content_type"::"public"."enum_releases_content_type";
  ALTER TABLE "community_posts" ALTER COLUMN "content_type" SET DATA TYPE text;
  ALTER TABLE "community_posts" ALTER COLUMN "content_type" SET DEFAULT 'MARKDOWN'::text;
  DROP TYPE "public"."enum_community_posts_content_type";
  CREATE TYPE "public"."enum_community_posts_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "community_posts" ALTER COLUMN "content_type" SET DEFAULT 'MARKDOWN'::"public"."enum_community_posts_content_type";
  ALTER TABLE "community_posts" ALTER COLUMN "content_type" SET DATA TYPE "public"."enum_community_posts_content_type" USING "content_type"::"public"."enum_community_posts_content_type";
  ALTER TABLE "success_stories" ALTER COLUMN "content_type" SET DATA TYPE text;
  ALTER TABLE "success_stories" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::text;
  DROP TYPE "public"."enum_success_stories_content_type";
  CREATE TYPE "public"."enum_success_stories_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "success_stories" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::"public"."enum_success_stories_content_type";
  ALTER TABLE "success_stories" ALTER COLUMN "content_type" SET DATA TYPE "public"."enum_success_stories_content_type" USING "content_type"::"public"."enum_success_stories_content_type";
  ALTER TABLE "code_samples" ALTER COLUMN "content_type" SET DATA TYPE text;
  ALTER TABLE "code_samples" ALTER COLUMN "content_type" SET DEFAULT 'MARKDOWN'::text;
  DROP TYPE "public"."enum_code_samples_content_type";
  CREATE TYPE "public"."enum_code_samples_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "code_samples" ALTER COLUMN "content_type" SET DEFAULT 'MARKDOWN'::"public"."enum_code_samples_content_type";
  ALTER TABLE "code_samples" ALTER COLUMN "content_type" SET DATA TYPE "public"."enum_code_samples_content_type" USING "content_type"::"public"."enum_code_samples_content_type";
  ALTER TABLE "minutes" ALTER COLUMN "content_type" SET DATA TYPE text;
  ALTER TABLE "minutes" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::text;
  DROP TYPE "public"."enum_minutes_content_type";
  CREATE TYPE "public"."enum_minutes_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "minutes" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::"public"."enum_minutes_content_type";
  ALTER TABLE "minutes" ALTER COLUMN "content_type" SET DATA TYPE "public"."enum_minutes_content_type" USING "content_type"::"public"."enum_minutes_content_type";
  ALTER TABLE "events" ALTER COLUMN "content_type" SET DATA TYPE text;
  ALTER TABLE "events" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::text;
  DROP TYPE "public"."enum_events_content_type";
  CREATE TYPE "public"."enum_events_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "events" ALTER COLUMN "content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::"public"."enum_events_content_type";
  ALTER TABLE "events" ALTER COLUMN "content_type" SET DATA TYPE "public"."enum_events_content_type" USING "content_type"::"public"."enum_events_content_type";
  ALTER TABLE "_pages_v" ALTER COLUMN "version_content_type" SET DATA TYPE text;
  ALTER TABLE "_pages_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::text;
  DROP TYPE "public"."enum__pages_v_version_content_type";
  CREATE TYPE "public"."enum__pages_v_version_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "_pages_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::"public"."enum__pages_v_version_content_type";
  ALTER TABLE "_pages_v" ALTER COLUMN "version_content_type" SET DATA TYPE "public"."enum__pages_v_version_content_type" USING "version_content_type"::"public"."enum__pages_v_version_content_type";
  ALTER TABLE "_success_stories_v" ALTER COLUMN "version_content_type" SET DATA TYPE text;
  ALTER TABLE "_success_stories_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::text;
  DROP TYPE "public"."enum__success_stories_v_version_content_type";
  CREATE TYPE "public"."enum__success_stories_v_version_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "_success_stories_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::"public"."enum__success_stories_v_version_content_type";
  ALTER TABLE "_success_stories_v" ALTER COLUMN "version_content_type" SET DATA TYPE "public"."enum__success_stories_v_version_content_type" USING "version_content_type"::"public"."enum__success_stories_v_version_content_type";
  ALTER TABLE "_code_samples_v" ALTER COLUMN "version_content_type" SET DATA TYPE text;
  ALTER TABLE "_code_samples_v" ALTER COLUMN "version_content_type" SET DEFAULT 'MARKDOWN'::text;
  DROP TYPE "public"."enum__code_samples_v_version_content_type";
  CREATE TYPE "public"."enum__code_samples_v_version_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "_code_samples_v" ALTER COLUMN "version_content_type" SET DEFAULT 'MARKDOWN'::"public"."enum__code_samples_v_version_content_type";
  ALTER TABLE "_code_samples_v" ALTER COLUMN "version_content_type" SET DATA TYPE "public"."enum__code_samples_v_version_content_type" USING "version_content_type"::"public"."enum__code_samples_v_version_content_type";
  ALTER TABLE "_minutes_v" ALTER COLUMN "version_content_type" SET DATA TYPE text;
  ALTER TABLE "_minutes_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::text;
  DROP TYPE "public"."enum__minutes_v_version_content_type";
  CREATE TYPE "public"."enum__minutes_v_version_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  ALTER TABLE "_minutes_v" ALTER COLUMN "version_content_type" SET DEFAULT 'RESTRUCTUREDTEXT'::"public"."enum__minutes_v_version_content_type";
  ALTER TABLE "_minutes_v" ALTER COLUMN "version_content_type" SET DATA TYPE "public"."enum__minutes_v_version_content_type" USING "version_content_type"::"public"."enum__minutes_v_version_content_type";
  `)
}
