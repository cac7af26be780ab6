import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "releases" ALTER COLUMN "version" DROP DEFAULT;
  ALTER TABLE "releases" ALTER COLUMN "version" DROP NOT NULL;
  ALTER TABLE "releases" ALTER COLUMN "status" DROP DEFAULT;
  ALTER TABLE "releases" ALTER COLUMN "status" DROP NOT NULL;
  ALTER TABLE "releases" ALTER COLUMN "pre_release" DROP DEFAULT;
  ALTER TABLE "pages" ADD COLUMN "parent_id" uuid;
  ALTER TABLE "pages" ADD COLUMN "order" numeric DEFAULT 0;
  ALTER TABLE "pages" ADD COLUMN "meta_generated_title" varchar;
  ALTER TABLE "pages" ADD COLUMN "meta_generated_description" varchar;
  ALTER TABLE "community_posts" ADD COLUMN "meta_generated_title" varchar;
  ALTER TABLE "community_posts" ADD COLUMN "meta_generated_description" varchar;
  ALTER TABLE "success_stories" ADD COLUMN "meta_generated_title" varchar;
  ALTER TABLE "success_stories" ADD COLUMN "meta_generated_description" varchar;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_parent_id_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "pages_parent_idx" ON "pages" USING btree ("parent_id");
  CREATE INDEX "pages_order_idx" ON "pages" USING btree ("order");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "pages" DROP CONSTRAINT IF EXISTS "pages_parent_id_pages_id_fk";
  
  DROP INDEX "pages_parent_idx";
  DROP INDEX "pages_order_idx";
  ALTER TABLE "releases" ALTER COLUMN "version" SET DEFAULT 'PYTHON3';
  ALTER TABLE "releases" ALTER COLUMN "version" SET NOT NULL;
  ALTER TABLE "releases" ALTER COLUMN "status" SET DEFAULT 'BUGFIX';
  ALTER TABLE "releases" ALTER COLUMN "status" SET NOT NULL;
  ALTER TABLE "releases" ALTER COLUMN "pre_release" SET DEFAULT false;
  ALTER TABLE "pages" DROP COLUMN "parent_id";
  ALTER TABLE "pages" DROP COLUMN "order";
  ALTER TABLE "pages" DROP COLUMN "meta_generated_title";
  ALTER TABLE "pages" DROP COLUMN "meta_generated_description";
  ALTER TABLE "community_posts" DROP COLUMN "meta_generated_title";
  ALTER TABLE "community_posts" DROP COLUMN "meta_generated_description";
  ALTER TABLE "success_stories" DROP COLUMN "meta_generated_title";
  ALTER TABLE "success_stories" DROP COLUMN "meta_generated_description";`)
}
