import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * What the collection config cannot declare: the sequences that hand out
 * python.org-style integer ids (legacyId) for the events domain, and
 * database-level cascades from an event to its occurrences and rules (the
 * collection's beforeDelete hook does the same through the Local API; this
 * holds for deletes that bypass it).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE SEQUENCE IF NOT EXISTS "calendars_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "events_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "event_categories_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "event_locations_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "event_occurrences_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "event_recurring_rules_legacy_id_seq";
    ALTER TABLE "event_occurrences" DROP CONSTRAINT IF EXISTS "event_occurrences_event_id_events_id_fk";
    ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_event_id_events_id_fk"
      FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE;
    ALTER TABLE "event_recurring_rules" DROP CONSTRAINT IF EXISTS "event_recurring_rules_event_id_events_id_fk";
    ALTER TABLE "event_recurring_rules" ADD CONSTRAINT "event_recurring_rules_event_id_events_id_fk"
      FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  // back to the keys the generated events migration made
  await db.execute(sql`
    ALTER TABLE "event_occurrences" DROP CONSTRAINT IF EXISTS "event_occurrences_event_id_events_id_fk";
    ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_event_id_events_id_fk"
      FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL;
    ALTER TABLE "event_recurring_rules" DROP CONSTRAINT IF EXISTS "event_recurring_rules_event_id_events_id_fk";
    ALTER TABLE "event_recurring_rules" ADD CONSTRAINT "event_recurring_rules_event_id_events_id_fk"
      FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL;
    DROP SEQUENCE IF EXISTS "event_recurring_rules_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "event_occurrences_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "event_locations_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "event_categories_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "events_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "calendars_legacy_id_seq";
  `)
}
