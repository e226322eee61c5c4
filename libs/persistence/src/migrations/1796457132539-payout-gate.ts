import { MigrationInterface, QueryRunner } from 'typeorm';

export class PayoutGate1796457132539 implements MigrationInterface {
  name = 'PayoutGate1796457132539';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"payout_holds\" (\"seller_id\" uuid NOT NULL, \"kyc_status\" character varying(20) NOT NULL, \"kyc_case_id\" uuid, \"held\" boolean NOT NULL, \"reason\" character varying(40), \"last_event_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_payout_holds_reason\" CHECK (\"held\" = (\"reason\" IS NOT NULL)), CONSTRAINT \"PK_f1c8e00991efbd67485083f53f9\" PRIMARY KEY (\"seller_id\"))");
    // the stored hold starts from each seller's current KYC case (it replaces paused_reason, which only a suspension set)
    await queryRunner.query(
      `INSERT INTO payout_holds (seller_id, kyc_status, kyc_case_id, held, reason)
       SELECT c.seller_id, c.status, c.id, c.status <> 'approved',
              CASE
                WHEN c.status = 'approved' THEN NULL
                WHEN c.status IN ('submitted', 'in_review') THEN 'KYC_PENDING'
                WHEN c.status = 'suspended' THEN 'KYC_UNDER_REVIEW'
                WHEN c.status = 'rejected' THEN 'KYC_REJECTED'
                WHEN EXISTS (SELECT 1 FROM kyc_cases s WHERE s.seller_id = c.seller_id AND s.status = 'superseded') THEN 'KYC_REVERIFICATION'
                WHEN c.status = 'action_required' THEN 'KYC_ACTION_REQUIRED'
                ELSE 'KYC_NOT_STARTED'
              END
         FROM kyc_cases c WHERE c.status <> 'superseded'`,
    );
    await queryRunner.query("ALTER TABLE \"payout_accounts\" DROP COLUMN \"paused_reason\"");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"payout_accounts\" ADD \"paused_reason\" character varying(40)");
    await queryRunner.query(`UPDATE payout_accounts a SET paused_reason = 'KYC_SUSPENDED' FROM payout_holds h WHERE h.seller_id = a.seller_id AND h.kyc_status = 'suspended'`);
    await queryRunner.query("DROP TABLE \"payout_holds\"");
  }
}
