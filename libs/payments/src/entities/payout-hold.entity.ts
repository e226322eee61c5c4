import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Payments' stored copy of the KYC side of the payout gate, one row per seller (whether or not a
 * payout account exists yet), kept by the `kyc.*` outbox events (ComplianceHoldJob). Whatever
 * pays out reads `held` here together with the payout account, without asking KYC; the seller's
 * view derives the same gate from the live KYC state so it never lags behind an event.
 */
@Entity('payout_holds')
@Check('ck_payout_holds_reason', `"held" = ("reason" IS NOT NULL)`)
export class PayoutHoldEntity {
  @PrimaryColumn('uuid', { name: 'seller_id' })
  sellerId: string;

  /** Status of the seller's current KYC case when the hold was last evaluated (`none`: no case yet). */
  @Column('varchar', { name: 'kyc_status', length: 20 })
  kycStatus: string;

  @Column('uuid', { name: 'kyc_case_id', nullable: true })
  kycCaseId: string | null;

  @Column('boolean')
  held: boolean;

  /** A KYC blocking code (KYC_PENDING, KYC_UNDER_REVIEW, …) while held. */
  @Column('varchar', { length: 40, nullable: true })
  reason: string | null;

  /** The outbox event that last re-evaluated the hold. */
  @Column('uuid', { name: 'last_event_id', nullable: true })
  lastEventId: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
