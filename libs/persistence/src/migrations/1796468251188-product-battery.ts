import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProductBattery1796468251188 implements MigrationInterface {
  name = 'ProductBattery1796468251188';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_products\" ADD \"battery\" jsonb");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_products\" DROP COLUMN \"battery\"");
  }
}
