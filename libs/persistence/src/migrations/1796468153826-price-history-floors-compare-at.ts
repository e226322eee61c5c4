import { MigrationInterface, QueryRunner } from 'typeorm';

export class PriceHistoryFloorsCompareAt1796468153826 implements MigrationInterface {
  name = 'PriceHistoryFloorsCompareAt1796468153826';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"catalog_price_history\" (\"variant_id\" uuid NOT NULL, \"market_code\" character varying(16) NOT NULL, \"effective_from\" TIMESTAMP WITH TIME ZONE NOT NULL, \"amount_minor\" bigint NOT NULL, \"currency\" character(3) NOT NULL, CONSTRAINT \"PK_d4c95e5df0beee4dfdcb870e6aa\" PRIMARY KEY (\"variant_id\", \"market_code\", \"effective_from\"))");
    await queryRunner.query("ALTER TABLE \"catalog_variants\" ADD \"floor_minor\" bigint");
    await queryRunner.query("ALTER TABLE \"catalog_price_overrides\" ADD \"compare_at_minor\" bigint");
    await queryRunner.query("ALTER TABLE \"catalog_price_history\" ADD CONSTRAINT \"fk_catalog_price_history_variant\" FOREIGN KEY (\"variant_id\") REFERENCES \"catalog_variants\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_price_history\" DROP CONSTRAINT \"fk_catalog_price_history_variant\"");
    await queryRunner.query("ALTER TABLE \"catalog_price_overrides\" DROP COLUMN \"compare_at_minor\"");
    await queryRunner.query("ALTER TABLE \"catalog_variants\" DROP COLUMN \"floor_minor\"");
    await queryRunner.query("DROP TABLE \"catalog_price_history\"");
  }
}
