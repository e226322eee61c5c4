import { MigrationInterface, QueryRunner } from 'typeorm';

export class KycDocumentDates1795435681948 implements MigrationInterface {
  name = 'KycDocumentDates1795435681948';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kyc_documents\" ADD \"issued_on\" date");
    await queryRunner.query("ALTER TABLE \"kyc_documents\" ADD \"expires_on\" date");
    await queryRunner.query("CREATE INDEX \"ix_kyc_documents_expires_on\" ON \"kyc_documents\"  (\"expires_on\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_kyc_documents_expires_on\"");
    await queryRunner.query("ALTER TABLE \"kyc_documents\" DROP COLUMN \"expires_on\"");
    await queryRunner.query("ALTER TABLE \"kyc_documents\" DROP COLUMN \"issued_on\"");
  }
}
