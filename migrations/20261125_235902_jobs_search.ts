import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** Full-text search over a job's title, company and description (GET /api/jobs/search). */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE INDEX IF NOT EXISTS "jobs_search_idx" ON "jobs" USING gin (
      to_tsvector('english', coalesce("job_title", '') || ' ' || coalesce("company_name", '') || ' ' || coalesce("description", ''))
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP INDEX IF EXISTS "jobs_search_idx";`)
}
