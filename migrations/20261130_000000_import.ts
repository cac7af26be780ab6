import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "users" ADD COLUMN "django_password_hash" varchar;
  ALTER TABLE "memberships" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "user_groups" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "page_images" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "page_documents" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "jobs" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "job_types" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "job_categories" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "job_review_comments" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "feeds" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "blog_entries" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "feed_aggregates" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "related_blogs" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "community_posts" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "community_photos" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "community_videos" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "community_links" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "success_stories" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "story_categories" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "code_samples" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "minutes" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "banners" ADD COLUMN "legacy_id" numeric;
  ALTER TABLE "work_groups" ADD COLUMN "legacy_id" numeric;
  CREATE UNIQUE INDEX "users_legacy_id_idx" ON "users" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "memberships_legacy_id_idx" ON "memberships" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "user_groups_legacy_id_idx" ON "user_groups" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "page_images_legacy_id_idx" ON "page_images" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "page_documents_legacy_id_idx" ON "page_documents" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "jobs_legacy_id_idx" ON "jobs" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "job_types_legacy_id_idx" ON "job_types" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "job_categories_legacy_id_idx" ON "job_categories" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "job_review_comments_legacy_id_idx" ON "job_review_comments" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "feeds_legacy_id_idx" ON "feeds" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "blog_entries_legacy_id_idx" ON "blog_entries" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "feed_aggregates_legacy_id_idx" ON "feed_aggregates" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "related_blogs_legacy_id_idx" ON "related_blogs" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "community_posts_legacy_id_idx" ON "community_posts" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "community_photos_legacy_id_idx" ON "community_photos" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "community_videos_legacy_id_idx" ON "community_videos" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "community_links_legacy_id_idx" ON "community_links" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "success_stories_legacy_id_idx" ON "success_stories" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "story_categories_legacy_id_idx" ON "story_categories" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "code_samples_legacy_id_idx" ON "code_samples" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "minutes_legacy_id_idx" ON "minutes" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "banners_legacy_id_idx" ON "banners" USING btree ("legacy_id");
  CREATE UNIQUE INDEX "work_groups_legacy_id_idx" ON "work_groups" USING btree ("legacy_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "users_legacy_id_idx";
  DROP INDEX "memberships_legacy_id_idx";
  DROP INDEX "user_groups_legacy_id_idx";
  DROP INDEX "page_images_legacy_id_idx";
  DROP INDEX "page_documents_legacy_id_idx";
  DROP INDEX "jobs_legacy_id_idx";
  DROP INDEX "job_types_legacy_id_idx";
  DROP INDEX "job_categories_legacy_id_idx";
  DROP INDEX "job_review_comments_legacy_id_idx";
  DROP INDEX "feeds_legacy_id_idx";
  DROP INDEX "blog_entries_legacy_id_idx";
  DROP INDEX "feed_aggregates_legacy_id_idx";
  DROP INDEX "related_blogs_legacy_id_idx";
  DROP INDEX "community_posts_legacy_id_idx";
  DROP INDEX "community_photos_legacy_id_idx";
  DROP INDEX "community_videos_legacy_id_idx";
  DROP INDEX "community_links_legacy_id_idx";
  DROP INDEX "success_stories_legacy_id_idx";
  DROP INDEX "story_categories_legacy_id_idx";
  DROP INDEX "code_samples_legacy_id_idx";
  DROP INDEX "minutes_legacy_id_idx";
  DROP INDEX "banners_legacy_id_idx";
  DROP INDEX "work_groups_legacy_id_idx";
  ALTER TABLE "users" DROP COLUMN "legacy_id";
  ALTER TABLE "users" DROP COLUMN "django_password_hash";
  ALTER TABLE "memberships" DROP COLUMN "legacy_id";
  ALTER TABLE "user_groups" DROP COLUMN "legacy_id";
  ALTER TABLE "page_images" DROP COLUMN "legacy_id";
  ALTER TABLE "page_documents" DROP COLUMN "legacy_id";
  ALTER TABLE "jobs" DROP COLUMN "legacy_id";
  ALTER TABLE "job_types" DROP COLUMN "legacy_id";
  ALTER TABLE "job_categories" DROP COLUMN "legacy_id";
  ALTER TABLE "job_review_comments" DROP COLUMN "legacy_id";
  ALTER TABLE "feeds" DROP COLUMN "legacy_id";
  ALTER TABLE "blog_entries" DROP COLUMN "legacy_id";
  ALTER TABLE "feed_aggregates" DROP COLUMN "legacy_id";
  ALTER TABLE "related_blogs" DROP COLUMN "legacy_id";
  ALTER TABLE "community_posts" DROP COLUMN "legacy_id";
  ALTER TABLE "community_photos" DROP COLUMN "legacy_id";
  ALTER TABLE "community_videos" DROP COLUMN "legacy_id";
  ALTER TABLE "community_links" DROP COLUMN "legacy_id";
  ALTER TABLE "success_stories" DROP COLUMN "legacy_id";
  ALTER TABLE "story_categories" DROP COLUMN "legacy_id";
  ALTER TABLE "code_samples" DROP COLUMN "legacy_id";
  ALTER TABLE "minutes" DROP COLUMN "legacy_id";
  ALTER TABLE "banners" DROP COLUMN "legacy_id";
  ALTER TABLE "work_groups" DROP COLUMN "legacy_id";`)
}
