import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * What the collection config cannot declare (partial indexes lose their
 * WHERE through the adapter): the database itself guarantees
 * - one latest release per Python version,
 * - one download-button file per (release, OS),
 * and sequences hand out python.org-style integer ids (legacyId). Deletes
 * cascade from a release to its files and from a file to its statistics;
 * an operating system that files use cannot be deleted.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE SEQUENCE IF NOT EXISTS "download_os_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "releases_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "release_files_legacy_id_seq";
    CREATE UNIQUE INDEX IF NOT EXISTS "releases_one_latest_per_version" ON "releases" ("version") WHERE "is_latest";
    CREATE UNIQUE INDEX IF NOT EXISTS "release_files_one_download_button" ON "release_files" ("release_id", "os_id") WHERE "download_button";
    -- a release's files and a file's statistics go with it (python.org's CASCADE)
    ALTER TABLE "release_files" DROP CONSTRAINT IF EXISTS "release_files_release_id_releases_id_fk";
    ALTER TABLE "release_files" ADD CONSTRAINT "release_files_release_id_releases_id_fk"
      FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE;
    ALTER TABLE "download_statistics" DROP CONSTRAINT IF EXISTS "download_statistics_release_file_id_release_files_id_fk";
    ALTER TABLE "download_statistics" ADD CONSTRAINT "download_statistics_release_file_id_release_files_id_fk"
      FOREIGN KEY ("release_file_id") REFERENCES "release_files"("id") ON DELETE CASCADE;
    -- os_id is NOT NULL: the generated SET NULL could only fail, and late
    ALTER TABLE "release_files" DROP CONSTRAINT IF EXISTS "release_files_os_id_download_os_id_fk";
    ALTER TABLE "release_files" ADD CONSTRAINT "release_files_os_id_download_os_id_fk"
      FOREIGN KEY ("os_id") REFERENCES "download_os"("id") ON DELETE RESTRICT;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP INDEX IF EXISTS "release_files_one_download_button";
    DROP INDEX IF EXISTS "releases_one_latest_per_version";
    DROP SEQUENCE IF EXISTS "release_files_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "releases_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "download_os_legacy_id_seq";
    -- back to the foreign keys the collection config generates
    ALTER TABLE "release_files" DROP CONSTRAINT IF EXISTS "release_files_release_id_releases_id_fk";
    ALTER TABLE "release_files" ADD CONSTRAINT "release_files_release_id_releases_id_fk"
      FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE SET NULL;
    ALTER TABLE "download_statistics" DROP CONSTRAINT IF EXISTS "download_statistics_release_file_id_release_files_id_fk";
    ALTER TABLE "download_statistics" ADD CONSTRAINT "download_statistics_release_file_id_release_files_id_fk"
      FOREIGN KEY ("release_file_id") REFERENCES "release_files"("id") ON DELETE SET NULL;
    ALTER TABLE "release_files" DROP CONSTRAINT IF EXISTS "release_files_os_id_download_os_id_fk";
    ALTER TABLE "release_files" ADD CONSTRAINT "release_files_os_id_download_os_id_fk"
      FOREIGN KEY ("os_id") REFERENCES "download_os"("id") ON DELETE SET NULL;
  `)
}
