import { MigrationInterface, QueryRunner } from 'typeorm';

const OWN = "('hysteresis', 'floor_guard', 'fx_stale_freeze')";
/** Stored breakdowns split into a shape (values blanked, per-price details emptied) and the price's own part, per price. */
const SPLIT = `split AS (
  SELECT p.variant_id, p.market_code,
         jsonb_agg(CASE WHEN e.s->>'step' IN ${OWN} AND e.s ? 'detail' THEN e.s || '{"value": "", "detail": {}}'::jsonb ELSE e.s || '{"value": ""}'::jsonb END ORDER BY e.i) AS shape,
         array_agg(e.s->>'value' ORDER BY e.i) AS vals,
         CASE WHEN bool_or(e.s->>'step' IN ${OWN} AND e.s ? 'detail')
              THEN jsonb_agg(CASE WHEN e.s->>'step' IN ${OWN} AND e.s ? 'detail' THEN e.s->'detail' ELSE 'null'::jsonb END ORDER BY e.i) END AS details
    FROM "catalog_market_prices" p CROSS JOIN LATERAL jsonb_array_elements(p."breakdown") WITH ORDINALITY AS e(s, i)
   GROUP BY p.variant_id, p.market_code
)`;

/**
 * Stored price breakdowns in two parts (libs/catalog/src/prices/breakdown.ts): the shape shared by every
 * price of a market version, FX snapshot and currency pair once in `catalog_price_breakdowns`, each
 * price's values and own details in its row. Existing breakdowns are split (shape ids here are an md5 of
 * the shape; the application's are a digest of its own JSON: the same shape may be stored twice, harmless).
 */
export class PriceBreakdownShapes1796477481633 implements MigrationInterface {
  name = 'PriceBreakdownShapes1796477481633';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"catalog_price_breakdowns\" (\"id\" uuid NOT NULL, \"steps\" jsonb NOT NULL, CONSTRAINT \"PK_d93d849ffa62bfbb29ed2412c0f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" ADD \"breakdown_id\" uuid");
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" ADD \"breakdown_values\" text array NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" ADD \"breakdown_details\" jsonb");
    await queryRunner.query(`WITH ${SPLIT} INSERT INTO "catalog_price_breakdowns" ("id", "steps") SELECT DISTINCT md5(shape::text)::uuid, shape FROM split ON CONFLICT DO NOTHING`);
    await queryRunner.query(
      `WITH ${SPLIT} UPDATE "catalog_market_prices" p SET "breakdown_id" = md5(split.shape::text)::uuid, "breakdown_values" = split.vals, "breakdown_details" = split.details
         FROM split WHERE p.variant_id = split.variant_id AND p.market_code = split.market_code`,
    );
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" DROP COLUMN \"breakdown\"");
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" ADD CONSTRAINT \"fk_catalog_market_prices_breakdown\" FOREIGN KEY (\"breakdown_id\") REFERENCES \"catalog_price_breakdowns\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" DROP CONSTRAINT \"fk_catalog_market_prices_breakdown\"");
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" ADD \"breakdown\" jsonb NOT NULL DEFAULT '[]'");
    await queryRunner.query(
      `UPDATE "catalog_market_prices" p SET "breakdown" = (
         SELECT jsonb_agg(e.s || jsonb_build_object('value', p."breakdown_values"[e.i])
                          || CASE WHEN jsonb_typeof(p."breakdown_details" -> (e.i::int - 1)) = 'object' THEN jsonb_build_object('detail', p."breakdown_details" -> (e.i::int - 1)) ELSE '{}'::jsonb END
                          ORDER BY e.i)
           FROM "catalog_price_breakdowns" b CROSS JOIN LATERAL jsonb_array_elements(b."steps") WITH ORDINALITY AS e(s, i) WHERE b."id" = p."breakdown_id")
       WHERE p."breakdown_id" IS NOT NULL`,
    );
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" DROP COLUMN \"breakdown_details\"");
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" DROP COLUMN \"breakdown_values\"");
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" DROP COLUMN \"breakdown_id\"");
    await queryRunner.query("DROP TABLE \"catalog_price_breakdowns\"");
  }
}
