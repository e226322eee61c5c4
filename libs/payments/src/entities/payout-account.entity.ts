import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RequirementsSnapshot } from '../ports';
import type { PayoutStatus } from '../status';

/** A seller's payout setup on one rail. One per seller. */
@Entity('payout_accounts')
@Check('ck_payout_accounts_rail', `"rail" IN ('stripe_connect', 'bank_transfer')`)
@Check('ck_payout_accounts_status', `"status" IN ('not_started', 'action_required', 'under_review', 'restricted', 'enabled', 'rejected', 'disconnected')`)
export class PayoutAccountEntity {
  @PrimaryColumn('uuid', { name: 'seller_id' })
  sellerId: string;

  @Column('char', { length: 2 })
  country: string;

  @Column('varchar', { length: 20 })
  rail: 'stripe_connect' | 'bank_transfer';

  @Column('varchar', { length: 20 })
  status: PayoutStatus;

  @Column('char', { length: 3 })
  currency: string;

  /** Idempotency key for creating the processor account: the same across retries and crashes. */
  @Column('uuid', { name: 'setup_key' })
  setupKey: string;

  @Index('uq_payout_accounts_stripe_account_id', { unique: true, where: '"stripe_account_id" IS NOT NULL' })
  @Column('varchar', { name: 'stripe_account_id', length: 64, nullable: true })
  stripeAccountId: string | null;

  @Column('jsonb', { nullable: true })
  requirements: RequirementsSnapshot | null;

  @Column('jsonb', { name: 'future_requirements', nullable: true })
  futureRequirements: RequirementsSnapshot | null;

  @Column('boolean', { name: 'payouts_enabled', default: false })
  payoutsEnabled: boolean;

  @Column('varchar', { name: 'disabled_reason', length: 80, nullable: true })
  disabledReason: string | null;

  /** `created` (unix seconds) of the newest processor event applied: older snapshots never win. */
  @Column('bigint', { name: 'last_event_created', default: 0, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  lastEventCreated: number;

  @Column('varchar', { name: 'last_payout_failure', length: 80, nullable: true })
  lastPayoutFailure: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
