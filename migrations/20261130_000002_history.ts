import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum__pages_v_version_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum__code_samples_v_version_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum__success_stories_v_version_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum__minutes_v_version_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TABLE "_pages_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_title" varchar NOT NULL,
  	"version_path" varchar NOT NULL,
  	"version_parent_id" uuid,
  	"version_order" numeric DEFAULT 0,
  	"version_keywords" varchar,
  	"version_description" varchar,
  	"version_content" varchar,
  	"version_content_type" "enum__pages_v_version_content_type" DEFAULT 'RESTRUCTUREDTEXT' NOT NULL,
  	"version_content_html" varchar,
  	"version_is_published" boolean DEFAULT false,
  	"version_template_name" varchar,
  	"version_legacy_id" numeric,
  	"version_creator_id" uuid,
  	"version_last_modified_by_id" uuid,
  	"version_created" timestamp(3) with time zone,
  	"version_updated" timestamp(3) with time zone,
  	"version_meta_title" varchar,
  	"version_meta_description" varchar,
  	"version_meta_image_id" uuid,
  	"version_meta_generated_title" varchar,
  	"version_meta_generated_description" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_code_samples_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_title" varchar,
  	"version_slug" varchar NOT NULL,
  	"version_code" varchar NOT NULL,
  	"version_description" varchar,
  	"version_content_type" "enum__code_samples_v_version_content_type" DEFAULT 'MARKDOWN' NOT NULL,
  	"version_description_html" varchar,
  	"version_is_published" boolean DEFAULT false,
  	"version_creator_id" uuid,
  	"version_legacy_id" numeric,
  	"version_last_modified_by_id" uuid,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_success_stories_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_name" varchar NOT NULL,
  	"version_slug" varchar NOT NULL,
  	"version_company_name" varchar NOT NULL,
  	"version_company_url" varchar,
  	"version_category_id" uuid NOT NULL,
  	"version_content" varchar,
  	"version_content_type" "enum__success_stories_v_version_content_type" DEFAULT 'RESTRUCTUREDTEXT' NOT NULL,
  	"version_content_html" varchar,
  	"version_is_published" boolean DEFAULT false,
  	"version_featured" boolean DEFAULT false,
  	"version_image" varchar,
  	"version_creator_id" uuid,
  	"version_last_modified_by_id" uuid,
  	"version_created" timestamp(3) with time zone,
  	"version_updated" timestamp(3) with time zone,
  	"version_legacy_id" numeric,
  	"version_meta_title" varchar,
  	"version_meta_description" varchar,
  	"version_meta_image_id" uuid,
  	"version_meta_generated_title" varchar,
  	"version_meta_generated_description" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_minutes_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_date" timestamp(3) with time zone NOT NULL,
  	"version_slug" varchar NOT NULL,
  	"version_content" varchar,
  	"version_content_type" "enum__minutes_v_version_content_type" DEFAULT 'RESTRUCTUREDTEXT' NOT NULL,
  	"version_content_html" varchar,
  	"version_is_published" boolean DEFAULT false,
  	"version_creator_id" uuid,
  	"version_legacy_id" numeric,
  	"version_last_modified_by_id" uuid,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "code_samples" ADD COLUMN "last_modified_by_id" uuid;
  ALTER TABLE "minutes" ADD COLUMN "last_modified_by_id" uuid;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_parent_id_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_parent_id_pages_id_fk" FOREIGN KEY ("version_parent_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_creator_id_users_id_fk" FOREIGN KEY ("version_creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_last_modified_by_id_users_id_fk" FOREIGN KEY ("version_last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_meta_image_id_page_images_id_fk" FOREIGN KEY ("version_meta_image_id") REFERENCES "public"."page_images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_code_samples_v" ADD CONSTRAINT "_code_samples_v_parent_id_code_samples_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."code_samples"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_code_samples_v" ADD CONSTRAINT "_code_samples_v_version_creator_id_users_id_fk" FOREIGN KEY ("version_creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_code_samples_v" ADD CONSTRAINT "_code_samples_v_version_last_modified_by_id_users_id_fk" FOREIGN KEY ("version_last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_success_stories_v" ADD CONSTRAINT "_success_stories_v_parent_id_success_stories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."success_stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_success_stories_v" ADD CONSTRAINT "_success_stories_v_version_category_id_story_categories_id_fk" FOREIGN KEY ("version_category_id") REFERENCES "public"."story_categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_success_stories_v" ADD CONSTRAINT "_success_stories_v_version_creator_id_users_id_fk" FOREIGN KEY ("version_creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_success_stories_v" ADD CONSTRAINT "_success_stories_v_version_last_modified_by_id_users_id_fk" FOREIGN KEY ("version_last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_success_stories_v" ADD CONSTRAINT "_success_stories_v_version_meta_image_id_page_images_id_fk" FOREIGN KEY ("version_meta_image_id") REFERENCES "public"."page_images"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_minutes_v" ADD CONSTRAINT "_minutes_v_parent_id_minutes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."minutes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_minutes_v" ADD CONSTRAINT "_minutes_v_version_creator_id_users_id_fk" FOREIGN KEY ("version_creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_minutes_v" ADD CONSTRAINT "_minutes_v_version_last_modified_by_id_users_id_fk" FOREIGN KEY ("version_last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "_pages_v_parent_idx" ON "_pages_v" USING btree ("parent_id");
  CREATE INDEX "_pages_v_version_version_path_idx" ON "_pages_v" USING btree ("version_path");
  CREATE INDEX "_pages_v_version_version_parent_idx" ON "_pages_v" USING btree ("version_parent_id");
  CREATE INDEX "_pages_v_version_version_order_idx" ON "_pages_v" USING btree ("version_order");
  CREATE INDEX "_pages_v_version_version_is_published_idx" ON "_pages_v" USING btree ("version_is_published");
  CREATE INDEX "_pages_v_version_version_legacy_id_idx" ON "_pages_v" USING btree ("version_legacy_id");
  CREATE INDEX "_pages_v_version_version_creator_idx" ON "_pages_v" USING btree ("version_creator_id");
  CREATE INDEX "_pages_v_version_version_last_modified_by_idx" ON "_pages_v" USING btree ("version_last_modified_by_id");
  CREATE INDEX "_pages_v_version_meta_version_meta_image_idx" ON "_pages_v" USING btree ("version_meta_image_id");
  CREATE INDEX "_pages_v_version_version_updated_at_idx" ON "_pages_v" USING btree ("version_updated_at");
  CREATE INDEX "_pages_v_version_version_created_at_idx" ON "_pages_v" USING btree ("version_created_at");
  CREATE INDEX "_pages_v_created_at_idx" ON "_pages_v" USING btree ("created_at");
  CREATE INDEX "_pages_v_updated_at_idx" ON "_pages_v" USING btree ("updated_at");
  CREATE INDEX "_code_samples_v_parent_idx" ON "_code_samples_v" USING btree ("parent_id");
  CREATE INDEX "_code_samples_v_version_version_slug_idx" ON "_code_samples_v" USING btree ("version_slug");
  CREATE INDEX "_code_samples_v_version_version_is_published_idx" ON "_code_samples_v" USING btree ("version_is_published");
  CREATE INDEX "_code_samples_v_version_version_creator_idx" ON "_code_samples_v" USING btree ("version_creator_id");
  CREATE INDEX "_code_samples_v_version_version_legacy_id_idx" ON "_code_samples_v" USING btree ("version_legacy_id");
  CREATE INDEX "_code_samples_v_version_version_last_modified_by_idx" ON "_code_samples_v" USING btree ("version_last_modified_by_id");
  CREATE INDEX "_code_samples_v_version_version_updated_at_idx" ON "_code_samples_v" USING btree ("version_updated_at");
  CREATE INDEX "_code_samples_v_version_version_created_at_idx" ON "_code_samples_v" USING btree ("version_created_at");
  CREATE INDEX "_code_samples_v_created_at_idx" ON "_code_samples_v" USING btree ("created_at");
  CREATE INDEX "_code_samples_v_updated_at_idx" ON "_code_samples_v" USING btree ("updated_at");
  CREATE INDEX "_success_stories_v_parent_idx" ON "_success_stories_v" USING btree ("parent_id");
  CREATE INDEX "_success_stories_v_version_version_slug_idx" ON "_success_stories_v" USING btree ("version_slug");
  CREATE INDEX "_success_stories_v_version_version_category_idx" ON "_success_stories_v" USING btree ("version_category_id");
  CREATE INDEX "_success_stories_v_version_version_is_published_idx" ON "_success_stories_v" USING btree ("version_is_published");
  CREATE INDEX "_success_stories_v_version_version_featured_idx" ON "_success_stories_v" USING btree ("version_featured");
  CREATE INDEX "_success_stories_v_version_version_creator_idx" ON "_success_stories_v" USING btree ("version_creator_id");
  CREATE INDEX "_success_stories_v_version_version_last_modified_by_idx" ON "_success_stories_v" USING btree ("version_last_modified_by_id");
  CREATE INDEX "_success_stories_v_version_version_legacy_id_idx" ON "_success_stories_v" USING btree ("version_legacy_id");
  CREATE INDEX "_success_stories_v_version_meta_version_meta_image_idx" ON "_success_stories_v" USING btree ("version_meta_image_id");
  CREATE INDEX "_success_stories_v_version_version_updated_at_idx" ON "_success_stories_v" USING btree ("version_updated_at");
  CREATE INDEX "_success_stories_v_version_version_created_at_idx" ON "_success_stories_v" USING btree ("version_created_at");
  CREATE INDEX "_success_stories_v_created_at_idx" ON "_success_stories_v" USING btree ("created_at");
  CREATE INDEX "_success_stories_v_updated_at_idx" ON "_success_stories_v" USING btree ("updated_at");
  CREATE INDEX "_minutes_v_parent_idx" ON "_minutes_v" USING btree ("parent_id");
  CREATE INDEX "_minutes_v_version_version_date_idx" ON "_minutes_v" USING btree ("version_date");
  CREATE INDEX "_minutes_v_version_version_slug_idx" ON "_minutes_v" USING btree ("version_slug");
  CREATE INDEX "_minutes_v_version_version_is_published_idx" ON "_minutes_v" USING btree ("version_is_published");
  CREATE INDEX "_minutes_v_version_version_creator_idx" ON "_minutes_v" USING btree ("version_creator_id");
  CREATE INDEX "_minutes_v_version_version_legacy_id_idx" ON "_minutes_v" USING btree ("version_legacy_id");
  CREATE INDEX "_minutes_v_version_version_last_modified_by_idx" ON "_minutes_v" USING btree ("version_last_modified_by_id");
  CREATE INDEX "_minutes_v_version_version_updated_at_idx" ON "_minutes_v" USING btree ("version_updated_at");
  CREATE INDEX "_minutes_v_version_version_created_at_idx" ON "_minutes_v" USING btree ("version_created_at");
  CREATE INDEX "_minutes_v_created_at_idx" ON "_minutes_v" USING btree ("created_at");
  CREATE INDEX "_minutes_v_updated_at_idx" ON "_minutes_v" USING btree ("updated_at");
  ALTER TABLE "code_samples" ADD CONSTRAINT "code_samples_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "minutes" ADD CONSTRAINT "minutes_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "code_samples_last_modified_by_idx" ON "code_samples" USING btree ("last_modified_by_id");
  CREATE INDEX "minutes_last_modified_by_idx" ON "minutes" USING btree ("last_modified_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "_pages_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_code_samples_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_success_stories_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_minutes_v" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "_pages_v" CASCADE;
  DROP TABLE "_code_samples_v" CASCADE;
  DROP TABLE "_success_stories_v" CASCADE;
  DROP TABLE "_minutes_v" CASCADE;
  ALTER TABLE "code_samples" DROP CONSTRAINT IF EXISTS "code_samples_last_modified_by_id_users_id_fk";
  
  ALTER TABLE "minutes" DROP CONSTRAINT IF EXISTS "minutes_last_modified_by_id_users_id_fk";
  
  DROP INDEX "code_samples_last_modified_by_idx";
  DROP INDEX "minutes_last_modified_by_idx";
  ALTER TABLE "code_samples" DROP COLUMN "last_modified_by_id";
  ALTER TABLE "minutes" DROP COLUMN "last_modified_by_id";
  DROP TYPE "public"."enum__pages_v_version_content_type";
  DROP TYPE "public"."enum__code_samples_v_version_content_type";
  DROP TYPE "public"."enum__success_stories_v_version_content_type";
  DROP TYPE "public"."enum__minutes_v_version_content_type";`)
}
