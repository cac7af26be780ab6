import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * No delete fails in the database: the generated keys answer a delete with
 * SET NULL even where the column cannot be null. A dependent goes with what
 * it belongs to (CASCADE: the API deletes dependents first through
 * hooks/shared/deleteDependents.ts, so their files go too; this is the
 * backstop for deletes that bypass it); a reference that must keep its
 * target refuses (RESTRICT: a beforeDelete hook answers 409 first). A
 * version's category is history: a deleted category leaves it empty.
 */
const CASCADE: [table: string, column: string, target: string][] = [
  ['blog_entries', 'feed_id', 'feeds'],
  ['related_blogs', 'feed_id', 'feeds'],
  ['community_links', 'post_id', 'community_posts'],
  ['community_photos', 'post_id', 'community_posts'],
  ['community_videos', 'post_id', 'community_posts'],
  ['event_categories', 'calendar_id', 'calendars'],
  ['events', 'calendar_id', 'calendars'],
  ['job_review_comments', 'job_id', 'jobs'],
  ['memberships', 'user_id', 'users'],
  ['page_documents', 'page_id', 'pages'],
  ['page_images', 'page_id', 'pages'],
  ['sponsor_contract_documents', 'contract_id', 'sponsor_contracts'],
  ['sponsor_contracts', 'sponsorship_id', 'sponsorships'],
]
const RESTRICT: [table: string, column: string, target: string][] = [
  ['sponsorships', 'level_id', 'sponsorship_levels'],
  ['success_stories', 'category_id', 'story_categories'],
]

const key = ([table, column, target]: [string, string, string], onDelete: string) => `
  ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${table}_${column}_${target}_id_fk";
  ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${column}_${target}_id_fk"
    FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete};`

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(
    sql.raw(
      [
        ...CASCADE.map((ref) => key(ref, 'CASCADE')),
        ...RESTRICT.map((ref) => key(ref, 'RESTRICT')),
        'ALTER TABLE "_success_stories_v" ALTER COLUMN "version_category_id" DROP NOT NULL;',
      ].join('\n'),
    ),
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(
    sql.raw(
      [
        ...[...CASCADE, ...RESTRICT].map((ref) => key(ref, 'SET NULL')),
        // rows may have lost their category meanwhile: NOT NULL comes back only where it still holds
        `DO $$ BEGIN
           IF NOT EXISTS (SELECT 1 FROM "_success_stories_v" WHERE "version_category_id" IS NULL) THEN
             ALTER TABLE "_success_stories_v" ALTER COLUMN "version_category_id" SET NOT NULL;
           END IF;
         END $$;`,
      ].join('\n'),
    ),
  )
}
