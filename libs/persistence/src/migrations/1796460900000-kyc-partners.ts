import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KYC persons may be partners (sellers of type partnership). Written by hand: TypeORM compares
 * check constraints by name only, so changing the expression of `ck_kyc_persons_role` is not generated.
 */
export class KycPartners1796460900000 implements MigrationInterface {
  name = 'KycPartners1796460900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "kyc_persons" DROP CONSTRAINT "ck_kyc_persons_role"');
    await queryRunner.query(`ALTER TABLE "kyc_persons" ADD CONSTRAINT "ck_kyc_persons_role" CHECK ("role" IN ('representative', 'owner', 'director', 'partner'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "kyc_persons" DROP CONSTRAINT "ck_kyc_persons_role"');
    await queryRunner.query(`ALTER TABLE "kyc_persons" ADD CONSTRAINT "ck_kyc_persons_role" CHECK ("role" IN ('representative', 'owner', 'director'))`);
  }
}
