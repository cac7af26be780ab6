import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_nominees_acceptance" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED');
  CREATE TABLE "elections" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"description" varchar,
  	"description_html" varchar,
  	"nominations_open" timestamp(3) with time zone NOT NULL,
  	"nominations_close" timestamp(3) with time zone NOT NULL,
  	"voting_open" timestamp(3) with time zone NOT NULL,
  	"voting_close" timestamp(3) with time zone NOT NULL,
  	"legacy_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "nominees" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"election_id" uuid NOT NULL,
  	"user_id" uuid NOT NULL,
  	"nominee_name" varchar,
  	"acceptance" "enum_nominees_acceptance" DEFAULT 'PENDING' NOT NULL,
  	"accepted" boolean DEFAULT false,
  	"legacy_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "nominations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"election_id" uuid NOT NULL,
  	"nominee_user_id" uuid NOT NULL,
  	"nominee_id" uuid NOT NULL,
  	"nominator_id" uuid NOT NULL,
  	"nominator_name" varchar,
  	"statement" varchar NOT NULL,
  	"statement_html" varchar,
  	"employer" varchar,
  	"other_affiliations" varchar,
  	"previous_board_service" varchar,
  	"legacy_id" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "elections_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "nominees_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "nominations_id" uuid;
  ALTER TABLE "nominees" ADD CONSTRAINT "nominees_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominees" ADD CONSTRAINT "nominees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominations" ADD CONSTRAINT "nominations_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominations" ADD CONSTRAINT "nominations_nominee_user_id_users_id_fk" FOREIGN KEY ("nominee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominations" ADD CONSTRAINT "nominations_nominee_id_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."nominees"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "nominations" ADD CONSTRAINT "nominations_nominator_id_users_id_fk" FOREIGN KEY ("nominator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "elections_slug_idx" ON "elections" USING btree ("slug");
  CREATE INDEX "elections_nominations_open_idx" ON "elections" USING btree ("nominations_open");
  CREATE INDEX "elections_nominations_close_idx" ON "elections" USING btree ("nominations_close");
  CREATE INDEX "elections_voting_open_idx" ON "elections" USING btree ("voting_open");
  CREATE INDEX "elections_voting_close_idx" ON "elections" USING btree ("voting_close");
  CREATE UNIQUE INDEX "elections_legacy_id_idx" ON "elections" USING btree ("legacy_id");
  CREATE INDEX "elections_updated_at_idx" ON "elections" USING btree ("updated_at");
  CREATE INDEX "elections_created_at_idx" ON "elections" USING btree ("created_at");
  CREATE INDEX "nominees_election_idx" ON "nominees" USING btree ("election_id");
  CREATE INDEX "nominees_user_idx" ON "nominees" USING btree ("user_id");
  CREATE INDEX "nominees_nominee_name_idx" ON "nominees" USING btree ("nominee_name");
  CREATE INDEX "nominees_acceptance_idx" ON "nominees" USING btree ("acceptance");
  CREATE INDEX "nominees_accepted_idx" ON "nominees" USING btree ("accepted");
  CREATE UNIQUE INDEX "nominees_legacy_id_idx" ON "nominees" USING btree ("legacy_id");
  CREATE INDEX "nominees_updated_at_idx" ON "nominees" USING btree ("updated_at");
  CREATE INDEX "nominees_created_at_idx" ON "nominees" USING btree ("created_at");
  CREATE UNIQUE INDEX "election_user_idx" ON "nominees" USING btree ("election_id","user_id");
  CREATE INDEX "nominations_election_idx" ON "nominations" USING btree ("election_id");
  CREATE INDEX "nominations_nominee_user_idx" ON "nominations" USING btree ("nominee_user_id");
  CREATE INDEX "nominations_nominee_idx" ON "nominations" USING btree ("nominee_id");
  CREATE INDEX "nominations_nominator_idx" ON "nominations" USING btree ("nominator_id");
  CREATE UNIQUE INDEX "nominations_legacy_id_idx" ON "nominations" USING btree ("legacy_id");
  CREATE INDEX "nominations_updated_at_idx" ON "nominations" USING btree ("updated_at");
  CREATE INDEX "nominations_created_at_idx" ON "nominations" USING btree ("created_at");
  CREATE UNIQUE INDEX "nominee_nominator_idx" ON "nominations" USING btree ("nominee_id","nominator_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_elections_fk" FOREIGN KEY ("elections_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_nominees_fk" FOREIGN KEY ("nominees_id") REFERENCES "public"."nominees"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_nominations_fk" FOREIGN KEY ("nominations_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_elections_id_idx" ON "payload_locked_documents_rels" USING btree ("elections_id");
  CREATE INDEX "payload_locked_documents_rels_nominees_id_idx" ON "payload_locked_documents_rels" USING btree ("nominees_id");
  CREATE INDEX "payload_locked_documents_rels_nominations_id_idx" ON "payload_locked_documents_rels" USING btree ("nominations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "elections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "nominees" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "nominations" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "elections" CASCADE;
  DROP TABLE "nominees" CASCADE;
  DROP TABLE "nominations" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_elections_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_nominees_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_nominations_fk";
  
  DROP INDEX "payload_locked_documents_rels_elections_id_idx";
  DROP INDEX "payload_locked_documents_rels_nominees_id_idx";
  DROP INDEX "payload_locked_documents_rels_nominations_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "elections_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "nominees_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "nominations_id";
  DROP TYPE "public"."enum_nominees_acceptance";`)
}
