import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two columns derived from `catalog_listing_readiness.issues`, both written by the worker with it:
 * - `issues_digest`: the md5 of the issues text the worker wrote, so a refresh compares a new report with the stored
 *   one without reading the document back. A trigger keeps it honest: an UPDATE that changes `issues` but not the
 *   digest (a hand edit, a repair script) clears it, and the next refresh rewrites the row.
 * - `blocking_codes`: the row's blocking issue codes other than the seller's gates, what the go-live checklist counts
 *   (its top blocking codes used to unpack every BLOCKED row's JSON on every request). Filled here from the stored
 *   issues.
 */
export class ListingReadinessDigest1796490361377 implements MigrationInterface {
  name = 'ListingReadinessDigest1796490361377';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" ADD \"issues_digest\" character varying(32)");
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" ADD \"blocking_codes\" text array NOT NULL DEFAULT '{}'");
    await queryRunner.query(`UPDATE "catalog_listing_readiness" SET "blocking_codes" = ARRAY(
      SELECT DISTINCT i->>'code' FROM jsonb_array_elements("issues") i WHERE i->>'severity' = 'BLOCKER' AND i->>'category' <> 'SELLER' ORDER BY 1)
      WHERE "status" = 'BLOCKED'`);
    await queryRunner.query(`CREATE FUNCTION ltg_readiness_digest_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.issues_digest := NULL;
  RETURN NEW;
END
$$`);
    await queryRunner.query(`CREATE TRIGGER tr_catalog_listing_readiness_digest BEFORE UPDATE OF issues ON catalog_listing_readiness FOR EACH ROW
      WHEN (NEW.issues_digest IS NOT DISTINCT FROM OLD.issues_digest AND NEW.issues IS DISTINCT FROM OLD.issues)
      EXECUTE FUNCTION ltg_readiness_digest_stale()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tr_catalog_listing_readiness_digest ON catalog_listing_readiness');
    await queryRunner.query('DROP FUNCTION ltg_readiness_digest_stale()');
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" DROP COLUMN \"blocking_codes\"");
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" DROP COLUMN \"issues_digest\"");
  }
}
