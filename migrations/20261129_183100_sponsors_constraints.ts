import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * What the sponsors collections cannot declare themselves:
 * - one application in progress per sponsor: a partial unique index over
 *   APPLIED and APPROVED sponsorships (the workflow hook answers first, with
 *   a 409; this holds whatever writes the rows);
 * - a FINALIZED sponsorship always has an EXECUTED contract: a constraint
 *   trigger checked at commit (executing the contract and finalizing the
 *   sponsorship happen in one transaction, in either order), also when a
 *   contract is changed or deleted later;
 * - a sponsor with sponsorships, contracts or contract documents cannot be
 *   deleted from under them (the generated SET NULL could only fail on the
 *   NOT NULL column);
 * - sequences for python.org-style integer ids (legacyId).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE SEQUENCE IF NOT EXISTS "sponsors_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "sponsorships_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "sponsorship_levels_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "sponsor_contracts_legacy_id_seq";
    CREATE SEQUENCE IF NOT EXISTS "sponsor_legal_clauses_legacy_id_seq";

    CREATE UNIQUE INDEX IF NOT EXISTS "sponsorships_one_open_per_sponsor" ON "sponsorships" ("sponsor_id")
      WHERE "status" IN ('APPLIED', 'APPROVED');

    CREATE OR REPLACE FUNCTION "sponsorship_finalized_needs_executed_contract"() RETURNS trigger AS $$
    DECLARE
      target uuid;
    BEGIN
      IF TG_TABLE_NAME = 'sponsorships' THEN
        target := NEW.id;
      ELSE
        target := OLD.sponsorship_id;
      END IF;
      IF EXISTS (
        SELECT 1 FROM "sponsorships" s
        WHERE s.id = target AND s.status = 'FINALIZED'
          AND NOT EXISTS (SELECT 1 FROM "sponsor_contracts" c WHERE c.sponsorship_id = s.id AND c.status = 'EXECUTED')
      ) THEN
        RAISE EXCEPTION 'sponsorship % is FINALIZED without an EXECUTED contract', target
          USING ERRCODE = 'check_violation', CONSTRAINT = 'sponsorships_finalized_needs_executed_contract';
      END IF;
      RETURN NULL;
    END
    $$ LANGUAGE plpgsql;

    DROP TRIGGER IF EXISTS "sponsorships_finalized_needs_executed_contract" ON "sponsorships";
    CREATE CONSTRAINT TRIGGER "sponsorships_finalized_needs_executed_contract"
      AFTER INSERT OR UPDATE ON "sponsorships" DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.status = 'FINALIZED')
      EXECUTE FUNCTION "sponsorship_finalized_needs_executed_contract"();
    DROP TRIGGER IF EXISTS "sponsor_contracts_finalized_needs_executed_contract" ON "sponsor_contracts";
    CREATE CONSTRAINT TRIGGER "sponsor_contracts_finalized_needs_executed_contract"
      AFTER UPDATE OR DELETE ON "sponsor_contracts" DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION "sponsorship_finalized_needs_executed_contract"();

    ALTER TABLE "sponsorships" DROP CONSTRAINT IF EXISTS "sponsorships_sponsor_id_sponsors_id_fk";
    ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_sponsor_id_sponsors_id_fk"
      FOREIGN KEY ("sponsor_id") REFERENCES "sponsors"("id") ON DELETE RESTRICT;
    ALTER TABLE "sponsor_contracts" DROP CONSTRAINT IF EXISTS "sponsor_contracts_sponsor_id_sponsors_id_fk";
    ALTER TABLE "sponsor_contracts" ADD CONSTRAINT "sponsor_contracts_sponsor_id_sponsors_id_fk"
      FOREIGN KEY ("sponsor_id") REFERENCES "sponsors"("id") ON DELETE RESTRICT;
    ALTER TABLE "sponsor_contract_documents" DROP CONSTRAINT IF EXISTS "sponsor_contract_documents_sponsor_id_sponsors_id_fk";
    ALTER TABLE "sponsor_contract_documents" ADD CONSTRAINT "sponsor_contract_documents_sponsor_id_sponsors_id_fk"
      FOREIGN KEY ("sponsor_id") REFERENCES "sponsors"("id") ON DELETE RESTRICT;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  // back to the keys the generated sponsors migration made
  await db.execute(sql`
    ALTER TABLE "sponsorships" DROP CONSTRAINT IF EXISTS "sponsorships_sponsor_id_sponsors_id_fk";
    ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_sponsor_id_sponsors_id_fk"
      FOREIGN KEY ("sponsor_id") REFERENCES "sponsors"("id") ON DELETE SET NULL;
    ALTER TABLE "sponsor_contracts" DROP CONSTRAINT IF EXISTS "sponsor_contracts_sponsor_id_sponsors_id_fk";
    ALTER TABLE "sponsor_contracts" ADD CONSTRAINT "sponsor_contracts_sponsor_id_sponsors_id_fk"
      FOREIGN KEY ("sponsor_id") REFERENCES "sponsors"("id") ON DELETE SET NULL;
    ALTER TABLE "sponsor_contract_documents" DROP CONSTRAINT IF EXISTS "sponsor_contract_documents_sponsor_id_sponsors_id_fk";
    ALTER TABLE "sponsor_contract_documents" ADD CONSTRAINT "sponsor_contract_documents_sponsor_id_sponsors_id_fk"
      FOREIGN KEY ("sponsor_id") REFERENCES "sponsors"("id") ON DELETE SET NULL;
    DROP TRIGGER IF EXISTS "sponsor_contracts_finalized_needs_executed_contract" ON "sponsor_contracts";
    DROP TRIGGER IF EXISTS "sponsorships_finalized_needs_executed_contract" ON "sponsorships";
    DROP FUNCTION IF EXISTS "sponsorship_finalized_needs_executed_contract"();
    DROP INDEX IF EXISTS "sponsorships_one_open_per_sponsor";
    DROP SEQUENCE IF EXISTS "sponsor_legal_clauses_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "sponsor_contracts_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "sponsorship_levels_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "sponsorships_legacy_id_seq";
    DROP SEQUENCE IF EXISTS "sponsors_legacy_id_seq";
  `)
}
