import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_events_content_type" AS ENUM('MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML');
  CREATE TYPE "public"."enum_events_import_status" AS ENUM('IN_FEED', 'REMOVED');
  CREATE TYPE "public"."enum_event_recurring_rules_by_weekday" AS ENUM('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');
  CREATE TYPE "public"."enum_event_recurring_rules_frequency" AS ENUM('YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'importCalendars';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'importCalendar';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'importCalendars';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'importCalendar';
  CREATE TABLE "calendars" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"description" varchar,
  	"time_zone" varchar,
  	"ics_url" varchar,
  	"rss" varchar,
  	"embed" varchar,
  	"twitter" varchar,
  	"last_imported" timestamp(3) with time zone,
  	"last_import_error" varchar,
  	"last_import_summary" jsonb,
  	"legacy_id" numeric,
  	"creator_id" uuid,
  	"last_modified_by_id" uuid,
  	"created" timestamp(3) with time zone,
  	"updated" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "events" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"calendar_id" uuid NOT NULL,
  	"venue_id" uuid,
  	"description" varchar,
  	"content_type" "enum_events_content_type" DEFAULT 'RESTRUCTUREDTEXT' NOT NULL,
  	"description_html" varchar,
  	"is_published" boolean DEFAULT false,
  	"featured" boolean DEFAULT false,
  	"uid" varchar,
  	"time_zone" varchar,
  	"import_status" "enum_events_import_status",
  	"legacy_id" numeric,
  	"creator_id" uuid,
  	"last_modified_by_id" uuid,
  	"created" timestamp(3) with time zone,
  	"updated" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "events_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"event_categories_id" uuid
  );
  
  CREATE TABLE "event_categories" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"calendar_id" uuid NOT NULL,
  	"legacy_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "event_locations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"address" varchar,
  	"url" varchar,
  	"time_zone" varchar,
  	"calendar_id" uuid,
  	"legacy_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "event_occurrences" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"event_id" uuid NOT NULL,
  	"all_day" boolean DEFAULT false,
  	"dt_start" timestamp(3) with time zone NOT NULL,
  	"dt_end" timestamp(3) with time zone NOT NULL,
  	"legacy_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "event_recurring_rules_by_weekday" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_event_recurring_rules_by_weekday",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "event_recurring_rules" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"event_id" uuid NOT NULL,
  	"begin" timestamp(3) with time zone NOT NULL,
  	"finish" timestamp(3) with time zone,
  	"count" numeric,
  	"duration" numeric DEFAULT 60 NOT NULL,
  	"interval" numeric DEFAULT 1 NOT NULL,
  	"frequency" "enum_event_recurring_rules_frequency" DEFAULT 'WEEKLY' NOT NULL,
  	"week_of_month" numeric,
  	"by_month_day" numeric,
  	"all_day" boolean DEFAULT false,
  	"legacy_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "calendars_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "events_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "event_categories_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "event_locations_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "event_occurrences_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "event_recurring_rules_id" uuid;
  ALTER TABLE "calendars" ADD CONSTRAINT "calendars_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "calendars" ADD CONSTRAINT "calendars_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_venue_id_event_locations_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."event_locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_event_categories_fk" FOREIGN KEY ("event_categories_id") REFERENCES "public"."event_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "event_categories" ADD CONSTRAINT "event_categories_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_locations" ADD CONSTRAINT "event_locations_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_recurring_rules_by_weekday" ADD CONSTRAINT "event_recurring_rules_by_weekday_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."event_recurring_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "event_recurring_rules" ADD CONSTRAINT "event_recurring_rules_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "calendars_slug_idx" ON "calendars" USING btree ("slug");
  CREATE UNIQUE INDEX "calendars_legacy_id_idx" ON "calendars" USING btree ("legacy_id");
  CREATE INDEX "calendars_creator_idx" ON "calendars" USING btree ("creator_id");
  CREATE INDEX "calendars_last_modified_by_idx" ON "calendars" USING btree ("last_modified_by_id");
  CREATE INDEX "calendars_updated_at_idx" ON "calendars" USING btree ("updated_at");
  CREATE INDEX "calendars_created_at_idx" ON "calendars" USING btree ("created_at");
  CREATE UNIQUE INDEX "events_slug_idx" ON "events" USING btree ("slug");
  CREATE INDEX "events_calendar_idx" ON "events" USING btree ("calendar_id");
  CREATE INDEX "events_venue_idx" ON "events" USING btree ("venue_id");
  CREATE INDEX "events_is_published_idx" ON "events" USING btree ("is_published");
  CREATE INDEX "events_featured_idx" ON "events" USING btree ("featured");
  CREATE INDEX "events_uid_idx" ON "events" USING btree ("uid");
  CREATE INDEX "events_import_status_idx" ON "events" USING btree ("import_status");
  CREATE UNIQUE INDEX "events_legacy_id_idx" ON "events" USING btree ("legacy_id");
  CREATE INDEX "events_creator_idx" ON "events" USING btree ("creator_id");
  CREATE INDEX "events_last_modified_by_idx" ON "events" USING btree ("last_modified_by_id");
  CREATE INDEX "events_updated_at_idx" ON "events" USING btree ("updated_at");
  CREATE INDEX "events_created_at_idx" ON "events" USING btree ("created_at");
  CREATE UNIQUE INDEX "calendar_uid_idx" ON "events" USING btree ("calendar_id","uid");
  CREATE INDEX "events_rels_order_idx" ON "events_rels" USING btree ("order");
  CREATE INDEX "events_rels_parent_idx" ON "events_rels" USING btree ("parent_id");
  CREATE INDEX "events_rels_path_idx" ON "events_rels" USING btree ("path");
  CREATE INDEX "events_rels_event_categories_id_idx" ON "events_rels" USING btree ("event_categories_id");
  CREATE UNIQUE INDEX "event_categories_slug_idx" ON "event_categories" USING btree ("slug");
  CREATE INDEX "event_categories_calendar_idx" ON "event_categories" USING btree ("calendar_id");
  CREATE UNIQUE INDEX "event_categories_legacy_id_idx" ON "event_categories" USING btree ("legacy_id");
  CREATE INDEX "event_categories_updated_at_idx" ON "event_categories" USING btree ("updated_at");
  CREATE INDEX "event_categories_created_at_idx" ON "event_categories" USING btree ("created_at");
  CREATE INDEX "event_locations_name_idx" ON "event_locations" USING btree ("name");
  CREATE UNIQUE INDEX "event_locations_slug_idx" ON "event_locations" USING btree ("slug");
  CREATE INDEX "event_locations_calendar_idx" ON "event_locations" USING btree ("calendar_id");
  CREATE UNIQUE INDEX "event_locations_legacy_id_idx" ON "event_locations" USING btree ("legacy_id");
  CREATE INDEX "event_locations_updated_at_idx" ON "event_locations" USING btree ("updated_at");
  CREATE INDEX "event_locations_created_at_idx" ON "event_locations" USING btree ("created_at");
  CREATE INDEX "event_occurrences_event_idx" ON "event_occurrences" USING btree ("event_id");
  CREATE INDEX "event_occurrences_dt_start_idx" ON "event_occurrences" USING btree ("dt_start");
  CREATE INDEX "event_occurrences_dt_end_idx" ON "event_occurrences" USING btree ("dt_end");
  CREATE UNIQUE INDEX "event_occurrences_legacy_id_idx" ON "event_occurrences" USING btree ("legacy_id");
  CREATE INDEX "event_occurrences_updated_at_idx" ON "event_occurrences" USING btree ("updated_at");
  CREATE INDEX "event_occurrences_created_at_idx" ON "event_occurrences" USING btree ("created_at");
  CREATE INDEX "event_recurring_rules_by_weekday_order_idx" ON "event_recurring_rules_by_weekday" USING btree ("order");
  CREATE INDEX "event_recurring_rules_by_weekday_parent_idx" ON "event_recurring_rules_by_weekday" USING btree ("parent_id");
  CREATE INDEX "event_recurring_rules_event_idx" ON "event_recurring_rules" USING btree ("event_id");
  CREATE INDEX "event_recurring_rules_begin_idx" ON "event_recurring_rules" USING btree ("begin");
  CREATE INDEX "event_recurring_rules_finish_idx" ON "event_recurring_rules" USING btree ("finish");
  CREATE UNIQUE INDEX "event_recurring_rules_legacy_id_idx" ON "event_recurring_rules" USING btree ("legacy_id");
  CREATE INDEX "event_recurring_rules_updated_at_idx" ON "event_recurring_rules" USING btree ("updated_at");
  CREATE INDEX "event_recurring_rules_created_at_idx" ON "event_recurring_rules" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_calendars_fk" FOREIGN KEY ("calendars_id") REFERENCES "public"."calendars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_events_fk" FOREIGN KEY ("events_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_categories_fk" FOREIGN KEY ("event_categories_id") REFERENCES "public"."event_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_locations_fk" FOREIGN KEY ("event_locations_id") REFERENCES "public"."event_locations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_occurrences_fk" FOREIGN KEY ("event_occurrences_id") REFERENCES "public"."event_occurrences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_recurring_rules_fk" FOREIGN KEY ("event_recurring_rules_id") REFERENCES "public"."event_recurring_rules"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_calendars_id_idx" ON "payload_locked_documents_rels" USING btree ("calendars_id");
  CREATE INDEX "payload_locked_documents_rels_events_id_idx" ON "payload_locked_documents_rels" USING btree ("events_id");
  CREATE INDEX "payload_locked_documents_rels_event_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("event_categories_id");
  CREATE INDEX "payload_locked_documents_rels_event_locations_id_idx" ON "payload_locked_documents_rels" USING btree ("event_locations_id");
  CREATE INDEX "payload_locked_documents_rels_event_occurrences_id_idx" ON "payload_locked_documents_rels" USING btree ("event_occurrences_id");
  CREATE INDEX "payload_locked_documents_rels_event_recurring_rules_id_idx" ON "payload_locked_documents_rels" USING btree ("event_recurring_rules_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "calendars" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "event_categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "event_locations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "event_occurrences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "event_recurring_rules_by_weekday" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "event_recurring_rules" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "calendars" CASCADE;
  DROP TABLE "events" CASCADE;
  DROP TABLE "events_rels" CASCADE;
  DROP TABLE "event_categories" CASCADE;
  DROP TABLE "event_locations" CASCADE;
  DROP TABLE "event_occurrences" CASCADE;
  DROP TABLE "event_recurring_rules_by_weekday" CASCADE;
  DROP TABLE "event_recurring_rules" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_calendars_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_event_categories_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_event_locations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_event_occurrences_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_event_recurring_rules_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'expireJobs', 'fetchFeeds', 'fetchFeed');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'expireJobs', 'fetchFeeds', 'fetchFeed');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_calendars_id_idx";
  DROP INDEX "payload_locked_documents_rels_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_event_categories_id_idx";
  DROP INDEX "payload_locked_documents_rels_event_locations_id_idx";
  DROP INDEX "payload_locked_documents_rels_event_occurrences_id_idx";
  DROP INDEX "payload_locked_documents_rels_event_recurring_rules_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "calendars_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "event_categories_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "event_locations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "event_occurrences_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "event_recurring_rules_id";
  DROP TYPE "public"."enum_events_content_type";
  DROP TYPE "public"."enum_events_import_status";
  DROP TYPE "public"."enum_event_recurring_rules_by_weekday";
  DROP TYPE "public"."enum_event_recurring_rules_frequency";`)
}
