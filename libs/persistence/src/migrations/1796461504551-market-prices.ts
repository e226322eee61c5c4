import { MigrationInterface, QueryRunner } from 'typeorm';

export class MarketPrices1796461504551 implements MigrationInterface {
  name = 'MarketPrices1796461504551';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"catalog_market_prices\" (\"variant_id\" uuid NOT NULL, \"market_code\" character varying(16) NOT NULL, \"product_id\" uuid NOT NULL, \"amount_minor\" bigint, \"currency\" character(3) NOT NULL, \"outcome\" character varying(10) NOT NULL, \"source\" character varying(16) NOT NULL, \"breakdown\" jsonb NOT NULL DEFAULT '[]', \"issues\" jsonb NOT NULL DEFAULT '[]', \"fx_snapshot_id\" uuid, \"fx_source\" character varying(16), \"fx_path\" jsonb NOT NULL DEFAULT '[]', \"rule_version\" character varying(40) NOT NULL, \"pipeline_version\" character varying(20) NOT NULL, \"source_amount_minor\" bigint NOT NULL, \"source_currency\" character(3) NOT NULL, \"computed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_41e6ee6d84b576737280057b346\" PRIMARY KEY (\"variant_id\", \"market_code\"))");
    await queryRunner.query("CREATE INDEX \"ix_catalog_market_prices_market\" ON \"catalog_market_prices\"  (\"market_code\", \"product_id\") ");
    await queryRunner.query("CREATE TABLE \"catalog_price_overrides\" (\"variant_id\" uuid NOT NULL, \"market_code\" character varying(16) NOT NULL, \"product_id\" uuid NOT NULL, \"amount_minor\" bigint NOT NULL, \"currency\" character(3) NOT NULL, \"set_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_fb8d51d9dd6cf4ddf1e9431bff6\" PRIMARY KEY (\"variant_id\", \"market_code\"))");
    await queryRunner.query("CREATE INDEX \"ix_catalog_price_overrides_product\" ON \"catalog_price_overrides\"  (\"product_id\", \"market_code\") ");
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" ADD CONSTRAINT \"fk_catalog_market_prices_variant\" FOREIGN KEY (\"variant_id\") REFERENCES \"catalog_variants\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_price_overrides\" ADD CONSTRAINT \"fk_catalog_price_overrides_variant\" FOREIGN KEY (\"variant_id\") REFERENCES \"catalog_variants\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_price_overrides\" DROP CONSTRAINT \"fk_catalog_price_overrides_variant\"");
    await queryRunner.query("ALTER TABLE \"catalog_market_prices\" DROP CONSTRAINT \"fk_catalog_market_prices_variant\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_catalog_price_overrides_product\"");
    await queryRunner.query("DROP TABLE \"catalog_price_overrides\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_catalog_market_prices_market\"");
    await queryRunner.query("DROP TABLE \"catalog_market_prices\"");
  }
}
