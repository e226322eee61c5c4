import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored readiness (`catalog_listing_readiness`) made cheaper to keep and to read, three columns the worker writes
 * with `issues`:
 * - `seller_gates`: the codes of the seller's gates counted in the row's status (business profile, KYC, payouts,
 *   market chosen). They were whole issue documents inside `issues`, the same on every row of the seller (about half
 *   the JSON of a seller not yet verified); `issues` now holds the product's and the variant's only. Moved here.
 * - `blocking_codes`: the row's BLOCKER issue codes (the gates aside), what the go-live checklist's top blocking codes
 *   count (it used to unpack every BLOCKED row's JSON on every request). Filled here from the stored issues.
 * - `issues_digest`: the SHA-256 of what the worker wrote (issues and gates), so a refresh compares a new report with the
 *   stored one without reading the document back. A trigger keeps it honest: an UPDATE that changes `issues` or
 *   `seller_gates` but not the digest (a hand edit, a repair script) clears it, and the next refresh rewrites the row.
 */
export class ListingReadinessDigest1796490361377 implements MigrationInterface {
  name = 'ListingReadinessDigest1796490361377';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" ADD \"issues_digest\" character varying(64)");
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" ADD \"blocking_codes\" text array NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" ADD \"seller_gates\" text array NOT NULL DEFAULT '{}'");
    await queryRunner.query(`UPDATE "catalog_listing_readiness" SET
      "seller_gates" = ARRAY(SELECT i->>'code' FROM jsonb_array_elements("issues") WITH ORDINALITY AS e(i, n) WHERE i->>'category' = 'SELLER' ORDER BY n),
      "issues" = (SELECT coalesce(jsonb_agg(i ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements("issues") WITH ORDINALITY AS e(i, n) WHERE i->>'category' <> 'SELLER')
      WHERE jsonb_path_exists("issues", '$[*] ? (@.category == "SELLER")')`);
    await queryRunner.query(`UPDATE "catalog_listing_readiness" SET "blocking_codes" = ARRAY(
      SELECT DISTINCT i->>'code' FROM jsonb_array_elements("issues") i WHERE i->>'severity' = 'BLOCKER' ORDER BY 1)
      WHERE "status" = 'BLOCKED'`);
    await queryRunner.query(`CREATE FUNCTION ltg_readiness_digest_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.issues_digest := NULL;
  RETURN NEW;
END
$$`);
    await queryRunner.query(`CREATE TRIGGER tr_catalog_listing_readiness_digest BEFORE UPDATE OF issues, seller_gates ON catalog_listing_readiness FOR EACH ROW
      WHEN (NEW.issues_digest IS NOT DISTINCT FROM OLD.issues_digest AND (NEW.issues IS DISTINCT FROM OLD.issues OR NEW.seller_gates IS DISTINCT FROM OLD.seller_gates))
      EXECUTE FUNCTION ltg_readiness_digest_stale()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // the gates' codes alone cannot be made whole issues again: the next refresh rewrites every row with them
    await queryRunner.query('DROP TRIGGER tr_catalog_listing_readiness_digest ON catalog_listing_readiness');
    await queryRunner.query('DROP FUNCTION ltg_readiness_digest_stale()');
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" DROP COLUMN \"seller_gates\"");
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" DROP COLUMN \"blocking_codes\"");
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" DROP COLUMN \"issues_digest\"");
  }
}
