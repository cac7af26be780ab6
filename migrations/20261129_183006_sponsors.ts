import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sponsorships_status" AS ENUM('APPLIED', 'REJECTED', 'APPROVED', 'FINALIZED');
  CREATE TYPE "public"."enum_sponsor_contracts_status" AS ENUM('DRAFT', 'OUTDATED', 'AWAITING_SIGNATURE', 'EXECUTED', 'NULLIFIED');
  CREATE TABLE "sponsors" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"description" varchar NOT NULL,
  	"landing_page_url" varchar,
  	"twitter_handle" varchar,
  	"linked_in_page_url" varchar,
  	"web_logo_id" uuid,
  	"print_logo_id" uuid,
  	"contact_name" varchar,
  	"contact_email" varchar,
  	"primary_phone" varchar NOT NULL,
  	"mailing_address_line1" varchar NOT NULL,
  	"mailing_address_line2" varchar,
  	"city" varchar NOT NULL,
  	"state" varchar,
  	"postal_code" varchar NOT NULL,
  	"country" varchar NOT NULL,
  	"country_of_incorporation" varchar,
  	"state_of_incorporation" varchar,
  	"legacy_id" numeric,
  	"creator_id" uuid,
  	"last_modified_by_id" uuid,
  	"created" timestamp(3) with time zone,
  	"updated" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsor_logos" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"alt" varchar,
  	"creator_id" uuid,
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
  	"sizes_small_url" varchar,
  	"sizes_small_width" numeric,
  	"sizes_small_height" numeric,
  	"sizes_small_mime_type" varchar,
  	"sizes_small_filesize" numeric,
  	"sizes_small_filename" varchar,
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
  
  CREATE TABLE "sponsorships" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"sponsor_id" uuid NOT NULL,
  	"level_id" uuid NOT NULL,
  	"status" "enum_sponsorships_status" DEFAULT 'APPLIED' NOT NULL,
  	"locked" boolean DEFAULT false,
  	"start_date" timestamp(3) with time zone,
  	"end_date" timestamp(3) with time zone,
  	"sponsorship_fee" numeric,
  	"year" numeric,
  	"for_modified_package" boolean DEFAULT false,
  	"renewal" boolean DEFAULT false,
  	"applied_on" timestamp(3) with time zone,
  	"approved_on" timestamp(3) with time zone,
  	"rejected_on" timestamp(3) with time zone,
  	"finalized_on" timestamp(3) with time zone,
  	"overlapped_by_id" uuid,
  	"submitted_by_id" uuid,
  	"legacy_id" numeric,
  	"creator_id" uuid,
  	"last_modified_by_id" uuid,
  	"created" timestamp(3) with time zone,
  	"updated" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsorship_levels" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"order" numeric DEFAULT 0 NOT NULL,
  	"sponsorship_amount" numeric NOT NULL,
  	"year" numeric,
  	"logo_dimension" numeric DEFAULT 175,
  	"advertise" boolean DEFAULT false,
  	"benefits" varchar,
  	"legacy_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsorship_levels_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"sponsor_legal_clauses_id" uuid
  );
  
  CREATE TABLE "sponsor_contracts_legal_clauses" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"clause" varchar NOT NULL
  );
  
  CREATE TABLE "sponsor_contracts" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"sponsorship_id" uuid NOT NULL,
  	"sponsor_id" uuid NOT NULL,
  	"status" "enum_sponsor_contracts_status" DEFAULT 'DRAFT' NOT NULL,
  	"revision" numeric DEFAULT 0,
  	"document_id" uuid,
  	"sent_on" timestamp(3) with time zone,
  	"sponsor_name" varchar NOT NULL,
  	"sponsor_info" varchar,
  	"sponsor_address" varchar,
  	"sponsor_contact" varchar,
  	"level_name" varchar,
  	"sponsorship_fee" numeric,
  	"year" numeric,
  	"start_date" timestamp(3) with time zone,
  	"end_date" timestamp(3) with time zone,
  	"benefits_list" varchar,
  	"legacy_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsor_contract_documents" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"contract_id" uuid NOT NULL,
  	"sponsor_id" uuid NOT NULL,
  	"revision" numeric,
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
  
  CREATE TABLE "sponsor_legal_clauses" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"internal_name" varchar NOT NULL,
  	"clause" varchar NOT NULL,
  	"notes" varchar,
  	"order" numeric DEFAULT 0 NOT NULL,
  	"legacy_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "email_logs" ADD COLUMN "attachments" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsors_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsor_logos_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorships_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorship_levels_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsor_contracts_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsor_contract_documents_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsor_legal_clauses_id" uuid;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_web_logo_id_sponsor_logos_id_fk" FOREIGN KEY ("web_logo_id") REFERENCES "public"."sponsor_logos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_print_logo_id_sponsor_logos_id_fk" FOREIGN KEY ("print_logo_id") REFERENCES "public"."sponsor_logos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_logos" ADD CONSTRAINT "sponsor_logos_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_level_id_sponsorship_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."sponsorship_levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_overlapped_by_id_sponsorships_id_fk" FOREIGN KEY ("overlapped_by_id") REFERENCES "public"."sponsorships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_last_modified_by_id_users_id_fk" FOREIGN KEY ("last_modified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorship_levels_rels" ADD CONSTRAINT "sponsorship_levels_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sponsorship_levels"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsorship_levels_rels" ADD CONSTRAINT "sponsorship_levels_rels_sponsor_legal_clauses_fk" FOREIGN KEY ("sponsor_legal_clauses_id") REFERENCES "public"."sponsor_legal_clauses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsor_contracts_legal_clauses" ADD CONSTRAINT "sponsor_contracts_legal_clauses_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sponsor_contracts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsor_contracts" ADD CONSTRAINT "sponsor_contracts_sponsorship_id_sponsorships_id_fk" FOREIGN KEY ("sponsorship_id") REFERENCES "public"."sponsorships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_contracts" ADD CONSTRAINT "sponsor_contracts_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_contracts" ADD CONSTRAINT "sponsor_contracts_document_id_sponsor_contract_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."sponsor_contract_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_contract_documents" ADD CONSTRAINT "sponsor_contract_documents_contract_id_sponsor_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."sponsor_contracts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_contract_documents" ADD CONSTRAINT "sponsor_contract_documents_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "sponsors_slug_idx" ON "sponsors" USING btree ("slug");
  CREATE INDEX "sponsors_web_logo_idx" ON "sponsors" USING btree ("web_logo_id");
  CREATE INDEX "sponsors_print_logo_idx" ON "sponsors" USING btree ("print_logo_id");
  CREATE UNIQUE INDEX "sponsors_legacy_id_idx" ON "sponsors" USING btree ("legacy_id");
  CREATE INDEX "sponsors_creator_idx" ON "sponsors" USING btree ("creator_id");
  CREATE INDEX "sponsors_last_modified_by_idx" ON "sponsors" USING btree ("last_modified_by_id");
  CREATE INDEX "sponsors_updated_at_idx" ON "sponsors" USING btree ("updated_at");
  CREATE INDEX "sponsors_created_at_idx" ON "sponsors" USING btree ("created_at");
  CREATE INDEX "sponsor_logos_creator_idx" ON "sponsor_logos" USING btree ("creator_id");
  CREATE INDEX "sponsor_logos_updated_at_idx" ON "sponsor_logos" USING btree ("updated_at");
  CREATE INDEX "sponsor_logos_created_at_idx" ON "sponsor_logos" USING btree ("created_at");
  CREATE UNIQUE INDEX "sponsor_logos_filename_idx" ON "sponsor_logos" USING btree ("filename");
  CREATE INDEX "sponsor_logos_sizes_small_sizes_small_filename_idx" ON "sponsor_logos" USING btree ("sizes_small_filename");
  CREATE INDEX "sponsor_logos_sizes_medium_sizes_medium_filename_idx" ON "sponsor_logos" USING btree ("sizes_medium_filename");
  CREATE INDEX "sponsor_logos_sizes_large_sizes_large_filename_idx" ON "sponsor_logos" USING btree ("sizes_large_filename");
  CREATE INDEX "sponsorships_sponsor_idx" ON "sponsorships" USING btree ("sponsor_id");
  CREATE INDEX "sponsorships_level_idx" ON "sponsorships" USING btree ("level_id");
  CREATE INDEX "sponsorships_status_idx" ON "sponsorships" USING btree ("status");
  CREATE INDEX "sponsorships_year_idx" ON "sponsorships" USING btree ("year");
  CREATE INDEX "sponsorships_overlapped_by_idx" ON "sponsorships" USING btree ("overlapped_by_id");
  CREATE INDEX "sponsorships_submitted_by_idx" ON "sponsorships" USING btree ("submitted_by_id");
  CREATE UNIQUE INDEX "sponsorships_legacy_id_idx" ON "sponsorships" USING btree ("legacy_id");
  CREATE INDEX "sponsorships_creator_idx" ON "sponsorships" USING btree ("creator_id");
  CREATE INDEX "sponsorships_last_modified_by_idx" ON "sponsorships" USING btree ("last_modified_by_id");
  CREATE INDEX "sponsorships_updated_at_idx" ON "sponsorships" USING btree ("updated_at");
  CREATE INDEX "sponsorships_created_at_idx" ON "sponsorships" USING btree ("created_at");
  CREATE INDEX "sponsorship_levels_order_idx" ON "sponsorship_levels" USING btree ("order");
  CREATE INDEX "sponsorship_levels_year_idx" ON "sponsorship_levels" USING btree ("year");
  CREATE UNIQUE INDEX "sponsorship_levels_legacy_id_idx" ON "sponsorship_levels" USING btree ("legacy_id");
  CREATE INDEX "sponsorship_levels_updated_at_idx" ON "sponsorship_levels" USING btree ("updated_at");
  CREATE INDEX "sponsorship_levels_created_at_idx" ON "sponsorship_levels" USING btree ("created_at");
  CREATE INDEX "sponsorship_levels_rels_order_idx" ON "sponsorship_levels_rels" USING btree ("order");
  CREATE INDEX "sponsorship_levels_rels_parent_idx" ON "sponsorship_levels_rels" USING btree ("parent_id");
  CREATE INDEX "sponsorship_levels_rels_path_idx" ON "sponsorship_levels_rels" USING btree ("path");
  CREATE INDEX "sponsorship_levels_rels_sponsor_legal_clauses_id_idx" ON "sponsorship_levels_rels" USING btree ("sponsor_legal_clauses_id");
  CREATE INDEX "sponsor_contracts_legal_clauses_order_idx" ON "sponsor_contracts_legal_clauses" USING btree ("_order");
  CREATE INDEX "sponsor_contracts_legal_clauses_parent_id_idx" ON "sponsor_contracts_legal_clauses" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "sponsor_contracts_sponsorship_idx" ON "sponsor_contracts" USING btree ("sponsorship_id");
  CREATE INDEX "sponsor_contracts_sponsor_idx" ON "sponsor_contracts" USING btree ("sponsor_id");
  CREATE INDEX "sponsor_contracts_status_idx" ON "sponsor_contracts" USING btree ("status");
  CREATE INDEX "sponsor_contracts_document_idx" ON "sponsor_contracts" USING btree ("document_id");
  CREATE UNIQUE INDEX "sponsor_contracts_legacy_id_idx" ON "sponsor_contracts" USING btree ("legacy_id");
  CREATE INDEX "sponsor_contracts_updated_at_idx" ON "sponsor_contracts" USING btree ("updated_at");
  CREATE INDEX "sponsor_contracts_created_at_idx" ON "sponsor_contracts" USING btree ("created_at");
  CREATE INDEX "sponsor_contract_documents_contract_idx" ON "sponsor_contract_documents" USING btree ("contract_id");
  CREATE INDEX "sponsor_contract_documents_sponsor_idx" ON "sponsor_contract_documents" USING btree ("sponsor_id");
  CREATE INDEX "sponsor_contract_documents_updated_at_idx" ON "sponsor_contract_documents" USING btree ("updated_at");
  CREATE INDEX "sponsor_contract_documents_created_at_idx" ON "sponsor_contract_documents" USING btree ("created_at");
  CREATE UNIQUE INDEX "sponsor_contract_documents_filename_idx" ON "sponsor_contract_documents" USING btree ("filename");
  CREATE INDEX "sponsor_legal_clauses_order_idx" ON "sponsor_legal_clauses" USING btree ("order");
  CREATE UNIQUE INDEX "sponsor_legal_clauses_legacy_id_idx" ON "sponsor_legal_clauses" USING btree ("legacy_id");
  CREATE INDEX "sponsor_legal_clauses_updated_at_idx" ON "sponsor_legal_clauses" USING btree ("updated_at");
  CREATE INDEX "sponsor_legal_clauses_created_at_idx" ON "sponsor_legal_clauses" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsors_fk" FOREIGN KEY ("sponsors_id") REFERENCES "public"."sponsors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsor_logos_fk" FOREIGN KEY ("sponsor_logos_id") REFERENCES "public"."sponsor_logos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorships_fk" FOREIGN KEY ("sponsorships_id") REFERENCES "public"."sponsorships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorship_levels_fk" FOREIGN KEY ("sponsorship_levels_id") REFERENCES "public"."sponsorship_levels"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsor_contracts_fk" FOREIGN KEY ("sponsor_contracts_id") REFERENCES "public"."sponsor_contracts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsor_contract_documents_fk" FOREIGN KEY ("sponsor_contract_documents_id") REFERENCES "public"."sponsor_contract_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsor_legal_clauses_fk" FOREIGN KEY ("sponsor_legal_clauses_id") REFERENCES "public"."sponsor_legal_clauses"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_sponsors_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsors_id");
  CREATE INDEX "payload_locked_documents_rels_sponsor_logos_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsor_logos_id");
  CREATE INDEX "payload_locked_documents_rels_sponsorships_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorships_id");
  CREATE INDEX "payload_locked_documents_rels_sponsorship_levels_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorship_levels_id");
  CREATE INDEX "payload_locked_documents_rels_sponsor_contracts_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsor_contracts_id");
  CREATE INDEX "payload_locked_documents_rels_sponsor_contract_documents_idx" ON "payload_locked_documents_rels" USING btree ("sponsor_contract_documents_id");
  CREATE INDEX "payload_locked_documents_rels_sponsor_legal_clauses_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsor_legal_clauses_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sponsors" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsor_logos" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorships" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_levels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsorship_levels_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsor_contracts_legal_clauses" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsor_contracts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsor_contract_documents" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsor_legal_clauses" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sponsors" CASCADE;
  DROP TABLE "sponsor_logos" CASCADE;
  DROP TABLE "sponsorships" CASCADE;
  DROP TABLE "sponsorship_levels" CASCADE;
  DROP TABLE "sponsorship_levels_rels" CASCADE;
  DROP TABLE "sponsor_contracts_legal_clauses" CASCADE;
  DROP TABLE "sponsor_contracts" CASCADE;
  DROP TABLE "sponsor_contract_documents" CASCADE;
  DROP TABLE "sponsor_legal_clauses" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_sponsors_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_sponsor_logos_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_sponsorships_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_sponsorship_levels_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_sponsor_contracts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_sponsor_contract_documents_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_sponsor_legal_clauses_fk";
  
  DROP INDEX "payload_locked_documents_rels_sponsors_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsor_logos_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsorships_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsorship_levels_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsor_contracts_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsor_contract_documents_idx";
  DROP INDEX "payload_locked_documents_rels_sponsor_legal_clauses_id_idx";
  ALTER TABLE "email_logs" DROP COLUMN "attachments";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsors_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsor_logos_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorships_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorship_levels_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsor_contracts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsor_contract_documents_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsor_legal_clauses_id";
  DROP TYPE "public"."enum_sponsorships_status";
  DROP TYPE "public"."enum_sponsor_contracts_status";`)
}
