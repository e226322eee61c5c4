import { MigrationInterface, QueryRunner } from 'typeorm';

export class KycIdentityVerification1795451182371 implements MigrationInterface {
  name = 'KycIdentityVerification1795451182371';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kyc_cases\" ADD \"identity_provider\" character varying(40)");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" ADD \"identity_applicant_id\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" ADD \"identity_result\" character varying(16)");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" ADD \"identity_reason_code\" character varying(64)");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" ADD \"identity_decided_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" ADD CONSTRAINT \"ck_kyc_cases_identity_result\" CHECK (\"identity_result\" IN ('approved', 'rejected', 'retry'))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kyc_cases\" DROP CONSTRAINT \"ck_kyc_cases_identity_result\"");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" DROP COLUMN \"identity_decided_at\"");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" DROP COLUMN \"identity_reason_code\"");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" DROP COLUMN \"identity_result\"");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" DROP COLUMN \"identity_applicant_id\"");
    await queryRunner.query("ALTER TABLE \"kyc_cases\" DROP COLUMN \"identity_provider\"");
  }
}
