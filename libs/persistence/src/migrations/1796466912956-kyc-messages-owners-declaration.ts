import { MigrationInterface, QueryRunner } from 'typeorm';

export class KycMessagesOwnersDeclaration1796466912956 implements MigrationInterface {
  name = 'KycMessagesOwnersDeclaration1796466912956';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"kyc_case_messages\" (\"id\" uuid NOT NULL, \"case_id\" uuid NOT NULL, \"author_account_id\" uuid NOT NULL, \"body\" text NOT NULL, \"sent_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_239335fae86d63c66fdd53f9937\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_kyc_case_messages_case\" ON \"kyc_case_messages\"  (\"case_id\") ");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" ADD \"no_owners_declared_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" ADD \"no_owners_threshold_percent\" smallint");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kyc_cases\" DROP COLUMN \"no_owners_threshold_percent\"");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" DROP COLUMN \"no_owners_declared_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_kyc_case_messages_case\"");
    await queryRunner.query("DROP TABLE \"kyc_case_messages\"");
  }
}
