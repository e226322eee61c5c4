import { MigrationInterface, QueryRunner } from 'typeorm';

export class KycReviewRequested1795450905877 implements MigrationInterface {
  name = 'KycReviewRequested1795450905877';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kyc_cases\" ADD \"review_requested_at\" TIMESTAMP WITH TIME ZONE");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kyc_cases\" DROP COLUMN \"review_requested_at\"");
  }
}
