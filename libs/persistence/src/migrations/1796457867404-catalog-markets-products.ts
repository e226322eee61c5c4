import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogMarketsProducts1796457867404 implements MigrationInterface {
  name = 'CatalogMarketsProducts1796457867404';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"market_versions\" (\"id\" uuid NOT NULL, \"market\" character varying(16) NOT NULL, \"version\" integer, \"state\" character varying(16) NOT NULL, \"document\" jsonb NOT NULL, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"published_by\" uuid, \"published_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_market_versions_numbered\" CHECK ((\"state\" = 'draft') = (\"version\" IS NULL)), CONSTRAINT \"ck_market_versions_state\" CHECK (\"state\" IN ('draft', 'published', 'retired')), CONSTRAINT \"PK_befd38f53ab2349c5ac85b5f333\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_market_versions_draft\" ON \"market_versions\"  (\"market\") WHERE \"state\" = 'draft'");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_market_versions_version\" ON \"market_versions\"  (\"market\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"markets\" (\"code\" character varying(16) NOT NULL, \"status\" character varying(16) NOT NULL, \"published_version\" integer NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_markets_status\" CHECK (\"status\" IN ('enabled', 'disabled')), CONSTRAINT \"PK_eee173bc5f1c64176563c31a429\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE TABLE \"catalog_products\" (\"id\" uuid NOT NULL, \"seller_id\" uuid NOT NULL, \"status\" character varying(16) NOT NULL, \"source_locale\" character varying(35) NOT NULL, \"currency\" character(3) NOT NULL, \"title\" character varying(200) NOT NULL, \"description\" text, \"attributes\" jsonb NOT NULL DEFAULT '[]', \"category\" character varying(64) NOT NULL, \"hs_code\" character(6), \"hs_national\" jsonb NOT NULL DEFAULT '{}', \"origin_country\" character(2), \"brand\" character varying(100), \"gpsr\" jsonb, \"safety_information\" text, \"search_text\" text NOT NULL DEFAULT '', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_catalog_products_status\" CHECK (\"status\" IN ('draft', 'active', 'archived')), CONSTRAINT \"PK_9f7a978657257a0bb575a174f0a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_catalog_products_seller_created\" ON \"catalog_products\"  (\"seller_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"catalog_variants\" (\"id\" uuid NOT NULL, \"product_id\" uuid NOT NULL, \"seller_id\" uuid NOT NULL, \"sku\" character varying(64) COLLATE \"C\" NOT NULL, \"position\" integer NOT NULL, \"attributes\" jsonb NOT NULL DEFAULT '[]', \"price_minor\" bigint NOT NULL, \"currency\" character(3) NOT NULL, \"weight_g\" integer, \"length_mm\" integer, \"width_mm\" integer, \"height_mm\" integer, CONSTRAINT \"ck_catalog_variants_price\" CHECK (\"price_minor\" >= 0), CONSTRAINT \"PK_89e838e339de69ff130f5e16f0c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_catalog_variants_product\" ON \"catalog_variants\"  (\"product_id\", \"position\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_catalog_variants_seller_sku\" ON \"catalog_variants\"  (\"seller_id\", \"sku\") ");
    await queryRunner.query("CREATE TABLE \"catalog_product_translations\" (\"id\" uuid NOT NULL, \"product_id\" uuid NOT NULL, \"locale\" character varying(35) NOT NULL, \"field\" character varying(120) NOT NULL, \"value\" text NOT NULL, \"status\" character varying(16) NOT NULL, \"source_hash\" character(64) NOT NULL, \"updated_by\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_catalog_product_translations_status\" CHECK (\"status\" IN ('machine', 'translated', 'reviewed')), CONSTRAINT \"ck_catalog_product_translations_value\" CHECK (length(btrim(\"value\")) > 0), CONSTRAINT \"PK_0bb2e6fae45c7075f066d0f85b4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_catalog_product_translations_field\" ON \"catalog_product_translations\"  (\"product_id\", \"locale\", \"field\") ");
    await queryRunner.query("ALTER TABLE \"catalog_products\" ADD CONSTRAINT \"fk_catalog_products_seller\" FOREIGN KEY (\"seller_id\") REFERENCES \"sellers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_variants\" ADD CONSTRAINT \"fk_catalog_variants_product\" FOREIGN KEY (\"product_id\") REFERENCES \"catalog_products\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_product_translations\" ADD CONSTRAINT \"fk_catalog_product_translations_product\" FOREIGN KEY (\"product_id\") REFERENCES \"catalog_products\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_product_translations\" DROP CONSTRAINT \"fk_catalog_product_translations_product\"");
    await queryRunner.query("ALTER TABLE \"catalog_variants\" DROP CONSTRAINT \"fk_catalog_variants_product\"");
    await queryRunner.query("ALTER TABLE \"catalog_products\" DROP CONSTRAINT \"fk_catalog_products_seller\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_catalog_product_translations_field\"");
    await queryRunner.query("DROP TABLE \"catalog_product_translations\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_catalog_variants_seller_sku\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_catalog_variants_product\"");
    await queryRunner.query("DROP TABLE \"catalog_variants\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_catalog_products_seller_created\"");
    await queryRunner.query("DROP TABLE \"catalog_products\"");
    await queryRunner.query("DROP TABLE \"markets\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_market_versions_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_market_versions_draft\"");
    await queryRunner.query("DROP TABLE \"market_versions\"");
  }
}
