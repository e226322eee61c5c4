import { MigrationInterface, QueryRunner } from 'typeorm';

export class BankTransferRail1795433138298 implements MigrationInterface {
  name = 'BankTransferRail1795433138298';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"payout_bank_accounts\" (\"seller_id\" uuid NOT NULL, \"country\" character(2) NOT NULL, \"kind\" character varying(16) NOT NULL, \"holder_name\" character varying(200) NOT NULL, \"currency\" character(3) NOT NULL, \"number_encrypted\" text NOT NULL, \"number_masked\" character varying(64) NOT NULL, \"status\" character varying(16) NOT NULL, \"rejection_reason\" character varying(64), \"submitted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"reviewed_by\" uuid, \"reviewed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_payout_bank_accounts_status\" CHECK (\"status\" IN ('pending_review', 'verified', 'rejected')), CONSTRAINT \"PK_b5bdf4accba37e5bdce02b38b9c\" PRIMARY KEY (\"seller_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_payout_bank_accounts_status\" ON \"payout_bank_accounts\"  (\"status\", \"submitted_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_payout_bank_accounts_status\"");
    await queryRunner.query("DROP TABLE \"payout_bank_accounts\"");
  }
}
