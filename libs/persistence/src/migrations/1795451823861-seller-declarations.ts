import { MigrationInterface, QueryRunner } from 'typeorm';

export class SellerDeclarations1795451823861 implements MigrationInterface {
  name = 'SellerDeclarations1795451823861';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"seller_business_profiles\" ADD \"brands\" jsonb NOT NULL DEFAULT '[]'::jsonb");
    await queryRunner.query("ALTER TABLE \"seller_business_profiles\" ADD \"vat_registered\" boolean");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"seller_business_profiles\" DROP COLUMN \"vat_registered\"");
    await queryRunner.query("ALTER TABLE \"seller_business_profiles\" DROP COLUMN \"brands\"");
  }
}
