import { MigrationInterface, QueryRunner } from 'typeorm';

export class SellerMarketsListingReadiness1796466844950 implements MigrationInterface {
  name = 'SellerMarketsListingReadiness1796466844950';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"catalog_seller_markets\" (\"seller_id\" uuid NOT NULL, \"market\" character varying(16) NOT NULL, \"chosen_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"live_since\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_2be330001a19fb7984f581e2ffc\" PRIMARY KEY (\"seller_id\", \"market\"))");
    await queryRunner.query("CREATE TABLE \"catalog_listing_readiness\" (\"variant_id\" uuid NOT NULL, \"market\" character varying(16) NOT NULL, \"product_id\" uuid NOT NULL, \"seller_id\" uuid NOT NULL, \"status\" character varying(24) NOT NULL, \"issues\" jsonb NOT NULL, \"market_version\" integer NOT NULL, \"rule_set_version\" integer NOT NULL, \"evaluated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_catalog_listing_readiness_status\" CHECK (\"status\" IN ('READY', 'READY_WITH_WARNINGS', 'BLOCKED')), CONSTRAINT \"PK_3637d564b69b4bf8db0c8376bab\" PRIMARY KEY (\"variant_id\", \"market\"))");
    await queryRunner.query("CREATE INDEX \"ix_catalog_listing_readiness_product\" ON \"catalog_listing_readiness\"  (\"product_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_catalog_listing_readiness_seller_market\" ON \"catalog_listing_readiness\"  (\"seller_id\", \"market\", \"status\") ");
    await queryRunner.query("ALTER TABLE \"catalog_seller_markets\" ADD CONSTRAINT \"fk_catalog_seller_markets_seller\" FOREIGN KEY (\"seller_id\") REFERENCES \"sellers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_seller_markets\" ADD CONSTRAINT \"fk_catalog_seller_markets_market\" FOREIGN KEY (\"market\") REFERENCES \"markets\"(\"code\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" ADD CONSTRAINT \"fk_catalog_listing_readiness_variant\" FOREIGN KEY (\"variant_id\") REFERENCES \"catalog_variants\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" ADD CONSTRAINT \"fk_catalog_listing_readiness_product\" FOREIGN KEY (\"product_id\") REFERENCES \"catalog_products\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" DROP CONSTRAINT \"fk_catalog_listing_readiness_product\"");
    await queryRunner.query("ALTER TABLE \"catalog_listing_readiness\" DROP CONSTRAINT \"fk_catalog_listing_readiness_variant\"");
    await queryRunner.query("ALTER TABLE \"catalog_seller_markets\" DROP CONSTRAINT \"fk_catalog_seller_markets_market\"");
    await queryRunner.query("ALTER TABLE \"catalog_seller_markets\" DROP CONSTRAINT \"fk_catalog_seller_markets_seller\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_catalog_listing_readiness_seller_market\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_catalog_listing_readiness_product\"");
    await queryRunner.query("DROP TABLE \"catalog_listing_readiness\"");
    await queryRunner.query("DROP TABLE \"catalog_seller_markets\"");
  }
}
