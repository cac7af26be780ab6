import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_pages_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum_releases_version" AS ENUM('PYTHON1', 'PYTHON2', 'PYTHON3', 'PYMANAGER');
  CREATE TYPE "public"."enum_releases_status" AS ENUM('PRERELEASE', 'BUGFIX', 'SECURITY', 'EOL');
  CREATE TYPE "public"."enum_releases_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum_jobs_status" AS ENUM('DRAFT', 'REVIEW', 'APPROVED', 'REJECTED', 'ARCHIVED', 'EXPIRED');
  CREATE TYPE "public"."enum_community_posts_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum_success_stories_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum_code_samples_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum_minutes_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum_banners_banner_type" AS ENUM('INFO', 'SUCCESS', 'WARNING', 'ERROR');
  CREATE TYPE "public"."enum_banners_target" AS ENUM('FRONTEND', 'API');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expireJobs';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'fetchFeeds';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'fetchFeed';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expireJobs';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'fetchFeeds';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'fetchFeed';
  CREATE TABLE "pages" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar NOT NULL,
  	"path" varchar NOT NULL,
  	"keywords" varchar,
  	"description" varchar,
  	"content" varchar,
  	"content_type" "enum_pages_content_type" DEFAULT 'RESTRUCTUREDTEXT' NOT NULL,
  	"content_html" varchar,
  	"is_published" boolean DEFAULT false,
  	"template_name" varchar,
  	"legacy_id" numeric,
  	"creator_id" uuid,
  	"last_modified_by_id" uuid,
  	"created" timestamp(3) with time zone,
  	"updated" timestamp(3) with time zone,
  	"meta_title" varchar,
  	"meta_description" varchar,
  	"meta_image_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "page_images" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"page_id" uuid NOT NULL,
  	"alt" varchar,
  	"caption" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_medium_url" varchar,
  	"sizes_medium_width" numeric,
  	"sizes_medium_height" numeric,
  	"sizes_medium_mime_type" varchar,
  	"sizes_medium_filesize" numeric,
  	"sizes_medium_filename" varchar,
  	"sizes_large_url" varchar,
  	"sizes_large_width" numeric,
  	"sizes_large_height" numeric,
  	"sizes_large_mime_type" varchar,
  	"sizes_large_filesize" numeric,
  	"sizes_large_filename" varchar
  );
  
  CREATE TABLE "page_documents" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"page_id" uuid NOT NULL,
  	"title" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "download_os" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"legacy_id" numeric,
  	"creator_id" uuid,
  	"last_modified_by_id" uuid,
  	"created" timestamp(3) with time zone,
  	"updated" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "releases" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"version" "enum_releases_version" DEFAULT 'PYTHON3' NOT NULL,
  	"status" "enum_releases_status" DEFAULT 'BUGFIX' NOT NULL,
  	"is_latest" boolean DEFAULT false,
  	"is_published" boolean DEFAULT false,
  	"pre_release" boolean DEFAULT false,
  	"show_on_download_page" boolean DEFAULT true,
  	"release_date" timestamp(3) with time zone,
  	"eol_date" timestamp(3) with time zone,
  	"release_page_id" uuid,
  	"release_notes_url" varchar,
  	"content" varchar,
  	"content_type" "enum_releases_content_type" DEFAULT 'RESTRUCTUREDTEXT' NOT NULL,
  	"content_html" varchar,
  	"version_number" varchar,
  	"version_series" varchar,
  	"version_sort_key" varchar,
  	"legacy_id" numeric,
  	"creator_id" uuid,
  	"last_modified_by_id" uuid,
  	"created" timestamp(3) with time zone,
  	"updated" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "release_files" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"release_id" uuid NOT NULL,
  	"os_id" uuid NOT NULL,
  	"description" varchar,
  	"is_source" boolean DEFAULT false,
  	"url" varchar NOT NULL,
  	"gpg_signature_file" varchar,
  	"sigstore_signature_file" varchar,
  	"sigstore_cert_file" varchar,
  	"sigstore_bundle_file" varchar,
  	"sbom_spdx2_file" varchar,
  	"md5_sum" varchar,
  	"sha256_sum" varchar,
  	"filesize" numeric DEFAULT 0,
  	"download_button" boolean DEFAULT false,
  	"legacy_id" numeric,
  	"creator_id" uuid,
  	"last_modified_by_id" uuid,
  	"created" timestamp(3) with time zone,
  	"updated" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "download_statistics" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"release_file_id" uuid NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"download_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "jobs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"job_title" varchar NOT NULL,
  	"company_name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"status" "enum_jobs_status" DEFAULT 'DRAFT' NOT NULL,
  	"city" varchar,
  	"region" varchar,
  	"country" varchar NOT NULL,
  	"description" varchar NOT NULL,
  	"description_html" varchar,
  	"requirements" varchar,
  	"requirements_html" varchar,
  	"contact" varchar,
  	"url" varchar,
  	"email" varchar NOT NULL,
  	"category_id" uuid,
  	"telecommuting" boolean DEFAULT false,
  	"agencies" boolean DEFAULT true,
  	"is_featured" boolean DEFAULT false,
  	"expires" timestamp(3) with time zone,
  	"creator_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "jobs_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"job_types_id" uuid
  );
  
  CREATE TABLE "job_types" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "job_categories" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "job_review_comments" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"job_id" uuid NOT NULL,
  	"comment" varchar NOT NULL,
  	"creator_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feeds" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"website_url" varchar,
  	"feed_url" varchar NOT NULL,
  	"is_active" boolean DEFAULT true,
  	"priority" numeric DEFAULT 0,
  	"last_fetched" timestamp(3) with time zone,
  	"last_error" varchar,
  	"last_error_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "blog_entries" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"feed_id" uuid NOT NULL,
  	"title" varchar NOT NULL,
  	"summary" varchar,
  	"content" varchar,
  	"url" varchar NOT NULL,
  	"pub_date" timestamp(3) with time zone NOT NULL,
  	"guid" varchar NOT NULL,
  	"is_featured" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feed_aggregates" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feed_aggregates_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"feeds_id" uuid
  );
  
  CREATE TABLE "related_blogs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"feed_id" uuid NOT NULL,
  	"blog_name" varchar,
  	"blog_website" varchar,
  	"last_entry_published" timestamp(3) with time zone,
  	"last_entry_title" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "community_posts" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"content" varchar,
  	"content_type" "enum_community_posts_content_type" DEFAULT 'MARKDOWN' NOT NULL,
  	"content_html" varchar,
  	"is_published" boolean DEFAULT false,
  	"creator_id" uuid,
  	"last_modified_by_id" uuid,
  	"created" timestamp(3) with time zone,
  	"updated" timestamp(3) with time zone,
  	"meta_title" varchar,
  	"meta_description" varchar,
  	"meta_image_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "community_photos" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"post_id" uuid NOT NULL,
  	"caption" varchar,
  	"click_through_url" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_large_url" varchar,
  	"sizes_large_width" numeric,
  	"sizes_large_height" numeric,
  	"sizes_large_mime_type" varchar,
  	"sizes_large_filesize" numeric,
  	"sizes_large_filename" varchar
  );
  
  CREATE TABLE "community_videos" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"post_id" uuid NOT NULL,
  	"video_url" varchar NOT NULL,
  	"caption" varchar,
  	"click_through_url" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "community_links" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"post_id" uuid NOT NULL,
  	"url" varchar NOT NULL,
  	"caption" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "success_stories" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"company_name" varchar NOT NULL,
  	"company_url" varchar,
  	"category_id" uuid NOT NULL,
  	"content" varchar,
  	"content_type" "enum_success_stories_content_type" DEFAULT 'RESTRUCTUREDTEXT' NOT NULL,
  	"content_html" varchar,
  	"is_published" boolean DEFAULT false,
  	"featured" boolean DEFAULT false,
  	"image" varchar,
  	"creator_id" uuid,
  	"last_modified_by_id" uuid,
  	"created" timestamp(3) with time zone,
  	"updated" timestamp(3) with time zone,
  	"meta_title" varchar,
  	"meta_description" varchar,
  	"meta_image_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "story_categories" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "code_samples" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"slug" varchar NOT NULL,
  	"code" varchar NOT NULL,
  	"description" varchar,
  	"content_type" "enum_code_samples_content_type" DEFAULT 'MARKDOWN' NOT NULL,
  	"description_html" varchar,
  	"is_published" boolean DEFAULT false,
  	"creator_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "minutes" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"slug" varchar NOT NULL,
  	"content" varchar,
  	"content_type" "enum_minutes_content_type" DEFAULT 'RESTRUCTUREDTEXT' NOT NULL,
  	"content_html" varchar,
  	"is_published" boolean DEFAULT false,
  	"creator_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "banners" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"title" varchar NOT NULL,
  	"message" varchar NOT NULL,
  	"link" varchar,
  	"link_text" varchar,
  	"banner_type" "enum_banners_banner_type" DEFAULT 'INFO' NOT NULL,
  	"target" "enum_banners_target" DEFAULT 'FRONTEND' NOT NULL,
  	"paths" varchar,
  	"is_active" boolean DEFAULT false,
  	"is_dismissible" boolean DEFAULT true,
  	"is_sitewide" boolean DEFAULT false,
  	"start_date" timestamp(3) with time zone,
  	"end_date" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "work_groups" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"purpose" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"url" varchar,
  	"creator_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "pages_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "page_images_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "page_documents_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "download_os_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "release_files_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "download_statistics_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "jobs_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "job_types_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "job_categories_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "job_review_comments_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "feeds_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "blog_entries_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "feed_aggregates_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "related_blogs_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "community_posts_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "community_photos_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "community_videos_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "community_links_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "success_stories_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "story_categories_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "code_samples_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "minutes_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "banners_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "work_groups_id" uuid;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_meta_image_id_page_images_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."page_images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "page_images" ADD CONSTRAINT "page_images_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "page_documents" ADD CONSTRAINT "page_documents_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "download_os" ADD CONSTRAINT "download_os_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "download_os" ADD CONSTRAINT "download_os_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_release_page_id_pages_id_fk" FOREIGN KEY ("release_page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "release_files" ADD CONSTRAINT "release_files_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "release_files" ADD CONSTRAINT "release_files_os_id_download_os_id_fk" FOREIGN KEY ("os_id") REFERENCES "public"."download_os"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "release_files" ADD CONSTRAINT "release_files_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "release_files" ADD CONSTRAINT "release_files_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "download_statistics" ADD CONSTRAINT "download_statistics_release_file_id_release_files_id_fk" FOREIGN KEY ("release_file_id") REFERENCES "public"."release_files"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "jobs" ADD CONSTRAINT "jobs_category_id_job_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."job_categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "jobs" ADD CONSTRAINT "jobs_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "jobs_rels" ADD CONSTRAINT "jobs_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "jobs_rels" ADD CONSTRAINT "jobs_rels_job_types_fk" FOREIGN KEY ("job_types_id") REFERENCES "public"."job_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "job_review_comments" ADD CONSTRAINT "job_review_comments_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "job_review_comments" ADD CONSTRAINT "job_review_comments_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "blog_entries" ADD CONSTRAINT "blog_entries_feed_id_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."feeds"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "feed_aggregates_rels" ADD CONSTRAINT "feed_aggregates_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."feed_aggregates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "feed_aggregates_rels" ADD CONSTRAINT "feed_aggregates_rels_feeds_fk" FOREIGN KEY ("feeds_id") REFERENCES "public"."feeds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "related_blogs" ADD CONSTRAINT "related_blogs_feed_id_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."feeds"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_meta_image_id_page_images_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."page_images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_photos" ADD CONSTRAINT "community_photos_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_videos" ADD CONSTRAINT "community_videos_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_links" ADD CONSTRAINT "community_links_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "success_stories" ADD CONSTRAINT "success_stories_category_id_story_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."story_categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "success_stories" ADD CONSTRAINT "success_stories_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "success_stories" ADD CONSTRAINT "success_stories_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "success_stories" ADD CONSTRAINT "success_stories_meta_image_id_page_images_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."page_images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "code_samples" ADD CONSTRAINT "code_samples_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "minutes" ADD CONSTRAINT "minutes_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "work_groups" ADD CONSTRAINT "work_groups_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "pages_path_idx" ON "pages" USING btree ("path");
  CREATE INDEX "pages_is_published_idx" ON "pages" USING btree ("is_published");
  CREATE UNIQUE INDEX "pages_legacy_id_idx" ON "pages" USING btree ("legacy_id");
  CREATE INDEX "pages_creator_idx" ON "pages" USING btree ("creator_id");
  CREATE INDEX "pages_last_modified_by_idx" ON "pages" USING btree ("last_modified_by_id");
  CREATE INDEX "pages_meta_meta_image_idx" ON "pages" USING btree ("meta_image_id");
  CREATE INDEX "pages_updated_at_idx" ON "pages" USING btree ("updated_at");
  CREATE INDEX "pages_created_at_idx" ON "pages" USING btree ("created_at");
  CREATE INDEX "page_images_page_idx" ON "page_images" USING btree ("page_id");
  CREATE INDEX "page_images_updated_at_idx" ON "page_images" USING btree ("updated_at");
  CREATE INDEX "page_images_created_at_idx" ON "page_images" USING btree ("created_at");
  CREATE UNIQUE INDEX "page_images_filename_idx" ON "page_images" USING btree ("filename");
  CREATE INDEX "page_images_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "page_images" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "page_images_sizes_medium_sizes_medium_filename_idx" ON "page_images" USING btree ("sizes_medium_filename");
  CREATE INDEX "page_images_sizes_large_sizes_large_filename_idx" ON "page_images" USING btree ("sizes_large_filename");
  CREATE INDEX "page_documents_page_idx" ON "page_documents" USING btree ("page_id");
  CREATE INDEX "page_documents_updated_at_idx" ON "page_documents" USING btree ("updated_at");
  CREATE INDEX "page_documents_created_at_idx" ON "page_documents" USING btree ("created_at");
  CREATE UNIQUE INDEX "page_documents_filename_idx" ON "page_documents" USING btree ("filename");
  CREATE UNIQUE INDEX "download_os_slug_idx" ON "download_os" USING btree ("slug");
  CREATE UNIQUE INDEX "download_os_legacy_id_idx" ON "download_os" USING btree ("legacy_id");
  CREATE INDEX "download_os_creator_idx" ON "download_os" USING btree ("creator_id");
  CREATE INDEX "download_os_last_modified_by_idx" ON "download_os" USING btree ("last_modified_by_id");
  CREATE INDEX "download_os_updated_at_idx" ON "download_os" USING btree ("updated_at");
  CREATE INDEX "download_os_created_at_idx" ON "download_os" USING btree ("created_at");
  CREATE UNIQUE INDEX "releases_slug_idx" ON "releases" USING btree ("slug");
  CREATE INDEX "releases_version_idx" ON "releases" USING btree ("version");
  CREATE INDEX "releases_status_idx" ON "releases" USING btree ("status");
  CREATE INDEX "releases_is_latest_idx" ON "releases" USING btree ("is_latest");
  CREATE INDEX "releases_is_published_idx" ON "releases" USING btree ("is_published");
  CREATE INDEX "releases_pre_release_idx" ON "releases" USING btree ("pre_release");
  CREATE INDEX "releases_show_on_download_page_idx" ON "releases" USING btree ("show_on_download_page");
  CREATE INDEX "releases_release_date_idx" ON "releases" USING btree ("release_date");
  CREATE INDEX "releases_release_page_idx" ON "releases" USING btree ("release_page_id");
  CREATE INDEX "releases_version_number_idx" ON "releases" USING btree ("version_number");
  CREATE INDEX "releases_version_series_idx" ON "releases" USING btree ("version_series");
  CREATE INDEX "releases_version_sort_key_idx" ON "releases" USING btree ("version_sort_key");
  CREATE UNIQUE INDEX "releases_legacy_id_idx" ON "releases" USING btree ("legacy_id");
  CREATE INDEX "releases_creator_idx" ON "releases" USING btree ("creator_id");
  CREATE INDEX "releases_last_modified_by_idx" ON "releases" USING btree ("last_modified_by_id");
  CREATE INDEX "releases_updated_at_idx" ON "releases" USING btree ("updated_at");
  CREATE INDEX "releases_created_at_idx" ON "releases" USING btree ("created_at");
  CREATE UNIQUE INDEX "release_files_slug_idx" ON "release_files" USING btree ("slug");
  CREATE INDEX "release_files_release_idx" ON "release_files" USING btree ("release_id");
  CREATE INDEX "release_files_os_idx" ON "release_files" USING btree ("os_id");
  CREATE UNIQUE INDEX "release_files_url_idx" ON "release_files" USING btree ("url");
  CREATE UNIQUE INDEX "release_files_legacy_id_idx" ON "release_files" USING btree ("legacy_id");
  CREATE INDEX "release_files_creator_idx" ON "release_files" USING btree ("creator_id");
  CREATE INDEX "release_files_last_modified_by_idx" ON "release_files" USING btree ("last_modified_by_id");
  CREATE INDEX "release_files_updated_at_idx" ON "release_files" USING btree ("updated_at");
  CREATE INDEX "release_files_created_at_idx" ON "release_files" USING btree ("created_at");
  CREATE INDEX "download_statistics_release_file_idx" ON "download_statistics" USING btree ("release_file_id");
  CREATE INDEX "download_statistics_date_idx" ON "download_statistics" USING btree ("date");
  CREATE INDEX "download_statistics_updated_at_idx" ON "download_statistics" USING btree ("updated_at");
  CREATE INDEX "download_statistics_created_at_idx" ON "download_statistics" USING btree ("created_at");
  CREATE UNIQUE INDEX "releaseFile_date_idx" ON "download_statistics" USING btree ("release_file_id","date");
  CREATE UNIQUE INDEX "jobs_slug_idx" ON "jobs" USING btree ("slug");
  CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status");
  CREATE INDEX "jobs_city_idx" ON "jobs" USING btree ("city");
  CREATE INDEX "jobs_region_idx" ON "jobs" USING btree ("region");
  CREATE INDEX "jobs_country_idx" ON "jobs" USING btree ("country");
  CREATE INDEX "jobs_category_idx" ON "jobs" USING btree ("category_id");
  CREATE INDEX "jobs_telecommuting_idx" ON "jobs" USING btree ("telecommuting");
  CREATE INDEX "jobs_is_featured_idx" ON "jobs" USING btree ("is_featured");
  CREATE INDEX "jobs_expires_idx" ON "jobs" USING btree ("expires");
  CREATE INDEX "jobs_creator_idx" ON "jobs" USING btree ("creator_id");
  CREATE INDEX "jobs_updated_at_idx" ON "jobs" USING btree ("updated_at");
  CREATE INDEX "jobs_created_at_idx" ON "jobs" USING btree ("created_at");
  CREATE INDEX "jobs_rels_order_idx" ON "jobs_rels" USING btree ("order");
  CREATE INDEX "jobs_rels_parent_idx" ON "jobs_rels" USING btree ("parent_id");
  CREATE INDEX "jobs_rels_path_idx" ON "jobs_rels" USING btree ("path");
  CREATE INDEX "jobs_rels_job_types_id_idx" ON "jobs_rels" USING btree ("job_types_id");
  CREATE UNIQUE INDEX "job_types_slug_idx" ON "job_types" USING btree ("slug");
  CREATE INDEX "job_types_updated_at_idx" ON "job_types" USING btree ("updated_at");
  CREATE INDEX "job_types_created_at_idx" ON "job_types" USING btree ("created_at");
  CREATE UNIQUE INDEX "job_categories_slug_idx" ON "job_categories" USING btree ("slug");
  CREATE INDEX "job_categories_updated_at_idx" ON "job_categories" USING btree ("updated_at");
  CREATE INDEX "job_categories_created_at_idx" ON "job_categories" USING btree ("created_at");
  CREATE INDEX "job_review_comments_job_idx" ON "job_review_comments" USING btree ("job_id");
  CREATE INDEX "job_review_comments_creator_idx" ON "job_review_comments" USING btree ("creator_id");
  CREATE INDEX "job_review_comments_updated_at_idx" ON "job_review_comments" USING btree ("updated_at");
  CREATE INDEX "job_review_comments_created_at_idx" ON "job_review_comments" USING btree ("created_at");
  CREATE UNIQUE INDEX "feeds_feed_url_idx" ON "feeds" USING btree ("feed_url");
  CREATE INDEX "feeds_is_active_idx" ON "feeds" USING btree ("is_active");
  CREATE INDEX "feeds_priority_idx" ON "feeds" USING btree ("priority");
  CREATE INDEX "feeds_updated_at_idx" ON "feeds" USING btree ("updated_at");
  CREATE INDEX "feeds_created_at_idx" ON "feeds" USING btree ("created_at");
  CREATE INDEX "blog_entries_feed_idx" ON "blog_entries" USING btree ("feed_id");
  CREATE INDEX "blog_entries_url_idx" ON "blog_entries" USING btree ("url");
  CREATE INDEX "blog_entries_pub_date_idx" ON "blog_entries" USING btree ("pub_date");
  CREATE UNIQUE INDEX "blog_entries_guid_idx" ON "blog_entries" USING btree ("guid");
  CREATE INDEX "blog_entries_is_featured_idx" ON "blog_entries" USING btree ("is_featured");
  CREATE INDEX "blog_entries_updated_at_idx" ON "blog_entries" USING btree ("updated_at");
  CREATE INDEX "blog_entries_created_at_idx" ON "blog_entries" USING btree ("created_at");
  CREATE UNIQUE INDEX "feed_aggregates_slug_idx" ON "feed_aggregates" USING btree ("slug");
  CREATE INDEX "feed_aggregates_updated_at_idx" ON "feed_aggregates" USING btree ("updated_at");
  CREATE INDEX "feed_aggregates_created_at_idx" ON "feed_aggregates" USING btree ("created_at");
  CREATE INDEX "feed_aggregates_rels_order_idx" ON "feed_aggregates_rels" USING btree ("order");
  CREATE INDEX "feed_aggregates_rels_parent_idx" ON "feed_aggregates_rels" USING btree ("parent_id");
  CREATE INDEX "feed_aggregates_rels_path_idx" ON "feed_aggregates_rels" USING btree ("path");
  CREATE INDEX "feed_aggregates_rels_feeds_id_idx" ON "feed_aggregates_rels" USING btree ("feeds_id");
  CREATE UNIQUE INDEX "related_blogs_feed_idx" ON "related_blogs" USING btree ("feed_id");
  CREATE INDEX "related_blogs_updated_at_idx" ON "related_blogs" USING btree ("updated_at");
  CREATE INDEX "related_blogs_created_at_idx" ON "related_blogs" USING btree ("created_at");
  CREATE UNIQUE INDEX "community_posts_slug_idx" ON "community_posts" USING btree ("slug");
  CREATE INDEX "community_posts_is_published_idx" ON "community_posts" USING btree ("is_published");
  CREATE INDEX "community_posts_creator_idx" ON "community_posts" USING btree ("creator_id");
  CREATE INDEX "community_posts_last_modified_by_idx" ON "community_posts" USING btree ("last_modified_by_id");
  CREATE INDEX "community_posts_meta_meta_image_idx" ON "community_posts" USING btree ("meta_image_id");
  CREATE INDEX "community_posts_updated_at_idx" ON "community_posts" USING btree ("updated_at");
  CREATE INDEX "community_posts_created_at_idx" ON "community_posts" USING btree ("created_at");
  CREATE INDEX "community_photos_post_idx" ON "community_photos" USING btree ("post_id");
  CREATE INDEX "community_photos_updated_at_idx" ON "community_photos" USING btree ("updated_at");
  CREATE INDEX "community_photos_created_at_idx" ON "community_photos" USING btree ("created_at");
  CREATE UNIQUE INDEX "community_photos_filename_idx" ON "community_photos" USING btree ("filename");
  CREATE INDEX "community_photos_sizes_thumbnail_sizes_thumbnail_filenam_idx" ON "community_photos" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "community_photos_sizes_large_sizes_large_filename_idx" ON "community_photos" USING btree ("sizes_large_filename");
  CREATE INDEX "community_videos_post_idx" ON "community_videos" USING btree ("post_id");
  CREATE INDEX "community_videos_updated_at_idx" ON "community_videos" USING btree ("updated_at");
  CREATE INDEX "community_videos_created_at_idx" ON "community_videos" USING btree ("created_at");
  CREATE INDEX "community_links_post_idx" ON "community_links" USING btree ("post_id");
  CREATE INDEX "community_links_updated_at_idx" ON "community_links" USING btree ("updated_at");
  CREATE INDEX "community_links_created_at_idx" ON "community_links" USING btree ("created_at");
  CREATE UNIQUE INDEX "success_stories_slug_idx" ON "success_stories" USING btree ("slug");
  CREATE INDEX "success_stories_category_idx" ON "success_stories" USING btree ("category_id");
  CREATE INDEX "success_stories_is_published_idx" ON "success_stories" USING btree ("is_published");
  CREATE INDEX "success_stories_featured_idx" ON "success_stories" USING btree ("featured");
  CREATE INDEX "success_stories_creator_idx" ON "success_stories" USING btree ("creator_id");
  CREATE INDEX "success_stories_last_modified_by_idx" ON "success_stories" USING btree ("last_modified_by_id");
  CREATE INDEX "success_stories_meta_meta_image_idx" ON "success_stories" USING btree ("meta_image_id");
  CREATE INDEX "success_stories_updated_at_idx" ON "success_stories" USING btree ("updated_at");
  CREATE INDEX "success_stories_created_at_idx" ON "success_stories" USING btree ("created_at");
  CREATE UNIQUE INDEX "story_categories_slug_idx" ON "story_categories" USING btree ("slug");
  CREATE INDEX "story_categories_updated_at_idx" ON "story_categories" USING btree ("updated_at");
  CREATE INDEX "story_categories_created_at_idx" ON "story_categories" USING btree ("created_at");
  CREATE UNIQUE INDEX "code_samples_slug_idx" ON "code_samples" USING btree ("slug");
  CREATE INDEX "code_samples_is_published_idx" ON "code_samples" USING btree ("is_published");
  CREATE INDEX "code_samples_creator_idx" ON "code_samples" USING btree ("creator_id");
  CREATE INDEX "code_samples_updated_at_idx" ON "code_samples" USING btree ("updated_at");
  CREATE INDEX "code_samples_created_at_idx" ON "code_samples" USING btree ("created_at");
  CREATE INDEX "minutes_date_idx" ON "minutes" USING btree ("date");
  CREATE UNIQUE INDEX "minutes_slug_idx" ON "minutes" USING btree ("slug");
  CREATE INDEX "minutes_is_published_idx" ON "minutes" USING btree ("is_published");
  CREATE INDEX "minutes_creator_idx" ON "minutes" USING btree ("creator_id");
  CREATE INDEX "minutes_updated_at_idx" ON "minutes" USING btree ("updated_at");
  CREATE INDEX "minutes_created_at_idx" ON "minutes" USING btree ("created_at");
  CREATE INDEX "banners_banner_type_idx" ON "banners" USING btree ("banner_type");
  CREATE INDEX "banners_target_idx" ON "banners" USING btree ("target");
  CREATE INDEX "banners_is_active_idx" ON "banners" USING btree ("is_active");
  CREATE INDEX "banners_is_sitewide_idx" ON "banners" USING btree ("is_sitewide");
  CREATE INDEX "banners_start_date_idx" ON "banners" USING btree ("start_date");
  CREATE INDEX "banners_end_date_idx" ON "banners" USING btree ("end_date");
  CREATE INDEX "banners_updated_at_idx" ON "banners" USING btree ("updated_at");
  CREATE INDEX "banners_created_at_idx" ON "banners" USING btree ("created_at");
  CREATE UNIQUE INDEX "work_groups_slug_idx" ON "work_groups" USING btree ("slug");
  CREATE INDEX "work_groups_active_idx" ON "work_groups" USING btree ("active");
  CREATE INDEX "work_groups_creator_idx" ON "work_groups" USING btree ("creator_id");
  CREATE INDEX "work_groups_updated_at_idx" ON "work_groups" USING btree ("updated_at");
  CREATE INDEX "work_groups_created_at_idx" ON "work_groups" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_page_images_fk" FOREIGN KEY ("page_images_id") REFERENCES "public"."page_images"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_page_documents_fk" FOREIGN KEY ("page_documents_id") REFERENCES "public"."page_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_download_os_fk" FOREIGN KEY ("download_os_id") REFERENCES "public"."download_os"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_release_files_fk" FOREIGN KEY ("release_files_id") REFERENCES "public"."release_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_download_statistics_fk" FOREIGN KEY ("download_statistics_id") REFERENCES "public"."download_statistics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_jobs_fk" FOREIGN KEY ("jobs_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_job_types_fk" FOREIGN KEY ("job_types_id") REFERENCES "public"."job_types"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_job_categories_fk" FOREIGN KEY ("job_categories_id") REFERENCES "public"."job_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_job_review_comments_fk" FOREIGN KEY ("job_review_comments_id") REFERENCES "public"."job_review_comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_feeds_fk" FOREIGN KEY ("feeds_id") REFERENCES "public"."feeds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_blog_entries_fk" FOREIGN KEY ("blog_entries_id") REFERENCES "public"."blog_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_feed_aggregates_fk" FOREIGN KEY ("feed_aggregates_id") REFERENCES "public"."feed_aggregates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_related_blogs_fk" FOREIGN KEY ("related_blogs_id") REFERENCES "public"."related_blogs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_community_posts_fk" FOREIGN KEY ("community_posts_id") REFERENCES "public"."community_posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_community_photos_fk" FOREIGN KEY ("community_photos_id") REFERENCES "public"."community_photos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_community_videos_fk" FOREIGN KEY ("community_videos_id") REFERENCES "public"."community_videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_community_links_fk" FOREIGN KEY ("community_links_id") REFERENCES "public"."community_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_success_stories_fk" FOREIGN KEY ("success_stories_id") REFERENCES "public"."success_stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_story_categories_fk" FOREIGN KEY ("story_categories_id") REFERENCES "public"."story_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_code_samples_fk" FOREIGN KEY ("code_samples_id") REFERENCES "public"."code_samples"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_minutes_fk" FOREIGN KEY ("minutes_id") REFERENCES "public"."minutes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_banners_fk" FOREIGN KEY ("banners_id") REFERENCES "public"."banners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_work_groups_fk" FOREIGN KEY ("work_groups_id") REFERENCES "public"."work_groups"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_pages_id_idx" ON "payload_locked_documents_rels" USING btree ("pages_id");
  CREATE INDEX "payload_locked_documents_rels_page_images_id_idx" ON "payload_locked_documents_rels" USING btree ("page_images_id");
  CREATE INDEX "payload_locked_documents_rels_page_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("page_documents_id");
  CREATE INDEX "payload_locked_documents_rels_download_os_id_idx" ON "payload_locked_documents_rels" USING btree ("download_os_id");
  CREATE INDEX "payload_locked_documents_rels_release_files_id_idx" ON "payload_locked_documents_rels" USING btree ("release_files_id");
  CREATE INDEX "payload_locked_documents_rels_download_statistics_id_idx" ON "payload_locked_documents_rels" USING btree ("download_statistics_id");
  CREATE INDEX "payload_locked_documents_rels_jobs_id_idx" ON "payload_locked_documents_rels" USING btree ("jobs_id");
  CREATE INDEX "payload_locked_documents_rels_job_types_id_idx" ON "payload_locked_documents_rels" USING btree ("job_types_id");
  CREATE INDEX "payload_locked_documents_rels_job_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("job_categories_id");
  CREATE INDEX "payload_locked_documents_rels_job_review_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("job_review_comments_id");
  CREATE INDEX "payload_locked_documents_rels_feeds_id_idx" ON "payload_locked_documents_rels" USING btree ("feeds_id");
  CREATE INDEX "payload_locked_documents_rels_blog_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("blog_entries_id");
  CREATE INDEX "payload_locked_documents_rels_feed_aggregates_id_idx" ON "payload_locked_documents_rels" USING btree ("feed_aggregates_id");
  CREATE INDEX "payload_locked_documents_rels_related_blogs_id_idx" ON "payload_locked_documents_rels" USING btree ("related_blogs_id");
  CREATE INDEX "payload_locked_documents_rels_community_posts_id_idx" ON "payload_locked_documents_rels" USING btree ("community_posts_id");
  CREATE INDEX "payload_locked_documents_rels_community_photos_id_idx" ON "payload_locked_documents_rels" USING btree ("community_photos_id");
  CREATE INDEX "payload_locked_documents_rels_community_videos_id_idx" ON "payload_locked_documents_rels" USING btree ("community_videos_id");
  CREATE INDEX "payload_locked_documents_rels_community_links_id_idx" ON "payload_locked_documents_rels" USING btree ("community_links_id");
  CREATE INDEX "payload_locked_documents_rels_success_stories_id_idx" ON "payload_locked_documents_rels" USING btree ("success_stories_id");
  CREATE INDEX "payload_locked_documents_rels_story_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("story_categories_id");
  CREATE INDEX "payload_locked_documents_rels_code_samples_id_idx" ON "payload_locked_documents_rels" USING btree ("code_samples_id");
  CREATE INDEX "payload_locked_documents_rels_minutes_id_idx" ON "payload_locked_documents_rels" USING btree ("minutes_id");
  CREATE INDEX "payload_locked_documents_rels_banners_id_idx" ON "payload_locked_documents_rels" USING btree ("banners_id");
  CREATE INDEX "payload_locked_documents_rels_work_groups_id_idx" ON "payload_locked_documents_rels" USING btree ("work_groups_id");`)
}

// down: the payload_locked_documents_rels foreign keys already went with their tables (DROP TABLE ... CASCADE), hence IF EXISTS
export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "pages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "page_images" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "page_documents" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "download_os" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "releases" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "release_files" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "download_statistics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "jobs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "jobs_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "job_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "job_categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "job_review_comments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feeds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "blog_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feed_aggregates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feed_aggregates_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "related_blogs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "community_posts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "community_photos" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "community_videos" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "community_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "success_stories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "story_categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "code_samples" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "minutes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "banners" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "work_groups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "pages" CASCADE;
  DROP TABLE "page_images" CASCADE;
  DROP TABLE "page_documents" CASCADE;
  DROP TABLE "download_os" CASCADE;
  DROP TABLE "releases" CASCADE;
  DROP TABLE "release_files" CASCADE;
  DROP TABLE "download_statistics" CASCADE;
  DROP TABLE "jobs" CASCADE;
  DROP TABLE "jobs_rels" CASCADE;
  DROP TABLE "job_types" CASCADE;
  DROP TABLE "job_categories" CASCADE;
  DROP TABLE "job_review_comments" CASCADE;
  DROP TABLE "feeds" CASCADE;
  DROP TABLE "blog_entries" CASCADE;
  DROP TABLE "feed_aggregates" CASCADE;
  DROP TABLE "feed_aggregates_rels" CASCADE;
  DROP TABLE "related_blogs" CASCADE;
  DROP TABLE "community_posts" CASCADE;
  DROP TABLE "community_photos" CASCADE;
  DROP TABLE "community_videos" CASCADE;
  DROP TABLE "community_links" CASCADE;
  DROP TABLE "success_stories" CASCADE;
  DROP TABLE "story_categories" CASCADE;
  DROP TABLE "code_samples" CASCADE;
  DROP TABLE "minutes" CASCADE;
  DROP TABLE "banners" CASCADE;
  DROP TABLE "work_groups" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_pages_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_page_images_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_page_documents_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_download_os_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_release_files_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_download_statistics_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_jobs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_job_types_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_job_categories_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_job_review_comments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_feeds_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_blog_entries_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_feed_aggregates_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_related_blogs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_community_posts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_community_photos_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_community_videos_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_community_links_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_success_stories_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_story_categories_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_code_samples_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_minutes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_banners_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_work_groups_fk";
  
  -- jobs of the tasks this migration introduced cannot exist in the older enum
  DELETE FROM "payload_jobs_log" WHERE "task_slug"::text NOT IN ('inline', 'sendEmail');
  DELETE FROM "payload_jobs" WHERE "task_slug"::text NOT IN ('inline', 'sendEmail');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_pages_id_idx";
  DROP INDEX "payload_locked_documents_rels_page_images_id_idx";
  DROP INDEX "payload_locked_documents_rels_page_documents_id_idx";
  DROP INDEX "payload_locked_documents_rels_download_os_id_idx";
  DROP INDEX "payload_locked_documents_rels_release_files_id_idx";
  DROP INDEX "payload_locked_documents_rels_download_statistics_id_idx";
  DROP INDEX "payload_locked_documents_rels_jobs_id_idx";
  DROP INDEX "payload_locked_documents_rels_job_types_id_idx";
  DROP INDEX "payload_locked_documents_rels_job_categories_id_idx";
  DROP INDEX "payload_locked_documents_rels_job_review_comments_id_idx";
  DROP INDEX "payload_locked_documents_rels_feeds_id_idx";
  DROP INDEX "payload_locked_documents_rels_blog_entries_id_idx";
  DROP INDEX "payload_locked_documents_rels_feed_aggregates_id_idx";
  DROP INDEX "payload_locked_documents_rels_related_blogs_id_idx";
  DROP INDEX "payload_locked_documents_rels_community_posts_id_idx";
  DROP INDEX "payload_locked_documents_rels_community_photos_id_idx";
  DROP INDEX "payload_locked_documents_rels_community_videos_id_idx";
  DROP INDEX "payload_locked_documents_rels_community_links_id_idx";
  DROP INDEX "payload_locked_documents_rels_success_stories_id_idx";
  DROP INDEX "payload_locked_documents_rels_story_categories_id_idx";
  DROP INDEX "payload_locked_documents_rels_code_samples_id_idx";
  DROP INDEX "payload_locked_documents_rels_minutes_id_idx";
  DROP INDEX "payload_locked_documents_rels_banners_id_idx";
  DROP INDEX "payload_locked_documents_rels_work_groups_id_idx";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "pages_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "page_images_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "page_documents_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "download_os_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "release_files_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "download_statistics_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "jobs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "job_types_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "job_categories_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "job_review_comments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "feeds_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "blog_entries_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "feed_aggregates_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "related_blogs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "community_posts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "community_photos_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "community_videos_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "community_links_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "success_stories_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "story_categories_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "code_samples_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "minutes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "banners_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "work_groups_id";
  DROP TYPE "public"."enum_pages_content_type";
  DROP TYPE "public"."enum_releases_version";
  DROP TYPE "public"."enum_releases_status";
  DROP TYPE "public"."enum_releases_content_type";
  DROP TYPE "public"."enum_jobs_status";
  DROP TYPE "public"."enum_community_posts_content_type";
  DROP TYPE "public"."enum_success_stories_content_type";
  DROP TYPE "public"."enum_code_samples_content_type";
  DROP TYPE "public"."enum_minutes_content_type";
  DROP TYPE "public"."enum_banners_banner_type";
  DROP TYPE "public"."enum_banners_target";`)
}
