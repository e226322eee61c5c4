import { MigrationInterface, QueryRunner } from 'typeorm';

export class SellerTradingName1796471899969 implements MigrationInterface {
  name = 'SellerTradingName1796471899969';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"seller_business_profiles\" ADD \"trading_name\" character varying(200)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"seller_business_profiles\" DROP COLUMN \"trading_name\"");
  }
}
