import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * `npm run seed` records every row it creates here, under the natural key
 * it knows the row by (a slug, a path, a username...). A second run skips
 * what is recorded, and `npm run seed -- --reset` deletes exactly these rows,
 * so data the seed did not create is never touched. Not a collection: no
 * API reads or writes it, only the seed (seed/registry.ts).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS "seed_records" (
      "collection" varchar NOT NULL,
      "key" varchar NOT NULL,
      "doc_id" uuid NOT NULL,
      "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
      PRIMARY KEY ("collection", "key")
    );
    CREATE INDEX IF NOT EXISTS "seed_records_doc_idx" ON "seed_records" ("collection", "doc_id");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TABLE IF EXISTS "seed_records";
  `)
}
