import { MigrationInterface, QueryRunner } from 'typeorm';

export class KycPersonIdDocumentType1796469504239 implements MigrationInterface {
  name = 'KycPersonIdDocumentType1796469504239';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kyc_persons\" ADD \"id_document_type\" character varying(40)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kyc_persons\" DROP COLUMN \"id_document_type\"");
  }
}
