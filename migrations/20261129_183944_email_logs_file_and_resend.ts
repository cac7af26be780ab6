import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_email_logs_status" ADD VALUE 'FILE';
  ALTER TABLE "email_logs" ADD COLUMN "resend_of_id" uuid;
  ALTER TABLE "email_logs" ADD COLUMN "resent_by_id" uuid;
  ALTER TABLE "email_logs" ADD CONSTRAINT "email_logs_resend_of_id_email_logs_id_fk" FOREIGN KEY ("resend_of_id") REFERENCES "public"."email_logs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_logs" ADD CONSTRAINT "email_logs_resent_by_id_users_id_fk" FOREIGN KEY ("resent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "email_logs_resend_of_idx" ON "email_logs" USING btree ("resend_of_id");
  CREATE INDEX "email_logs_resent_by_idx" ON "email_logs" USING btree ("resent_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "email_logs" DROP CONSTRAINT IF EXISTS "email_logs_resend_of_id_email_logs_id_fk";
  
  ALTER TABLE "email_logs" DROP CONSTRAINT IF EXISTS "email_logs_resent_by_id_users_id_fk";
  
  ALTER TABLE "email_logs" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "email_logs" ALTER COLUMN "status" SET DEFAULT 'QUEUED'::text;
  -- the old type has no FILE: such mail counted as sent before this migration
  UPDATE "email_logs" SET "status" = 'SENT' WHERE "status" = 'FILE';
  DROP TYPE "public"."enum_email_logs_status";
  CREATE TYPE "public"."enum_email_logs_status" AS ENUM('QUEUED', 'SENT', 'FAILED');
  ALTER TABLE "email_logs" ALTER COLUMN "status" SET DEFAULT 'QUEUED'::"public"."enum_email_logs_status";
  ALTER TABLE "email_logs" ALTER COLUMN "status" SET DATA TYPE "public"."enum_email_logs_status" USING "status"::"public"."enum_email_logs_status";
  DROP INDEX "email_logs_resend_of_idx";
  DROP INDEX "email_logs_resent_by_idx";
  ALTER TABLE "email_logs" DROP COLUMN "resend_of_id";
  ALTER TABLE "email_logs" DROP COLUMN "resent_by_id";`)
}
