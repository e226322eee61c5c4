import { MigrationInterface, QueryRunner } from 'typeorm';

export class KycDocumentCipherKey1795437749540 implements MigrationInterface {
  name = 'KycDocumentCipherKey1795437749540';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kyc_documents\" ADD \"cipher_key_id\" character varying(32)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kyc_documents\" DROP COLUMN \"cipher_key_id\"");
  }
}
