import { MigrationInterface, QueryRunner } from 'typeorm';

export class PayoutComplianceHold1795434016745 implements MigrationInterface {
  name = 'PayoutComplianceHold1795434016745';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"payout_accounts\" ADD \"paused_reason\" character varying(40)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"payout_accounts\" DROP COLUMN \"paused_reason\"");
  }
}
