import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type BankAccountStatus = 'pending_review' | 'verified' | 'rejected';

/** Bank details for the bank-transfer rail. The number is stored encrypted; only the mask is readable. */
@Entity('payout_bank_accounts')
@Index('ix_payout_bank_accounts_status', ['status', 'submittedAt'])
@Check('ck_payout_bank_accounts_status', `"status" IN ('pending_review', 'verified', 'rejected')`)
export class BankAccountEntity {
  @PrimaryColumn('uuid', { name: 'seller_id' })
  sellerId: string;

  @Column('char', { length: 2 })
  country: string;

  /** iban · ru_account · us_aba (the pack's bank rule). */
  @Column('varchar', { length: 16 })
  kind: string;

  @Column('varchar', { name: 'holder_name', length: 200 })
  holderName: string;

  @Column('char', { length: 3 })
  currency: string;

  /** AES-256-GCM ciphertext of the normalised number (FieldCipher, context `bank-account:<sellerId>`). */
  @Column('text', { name: 'number_encrypted' })
  numberEncrypted: string;

  @Column('varchar', { name: 'number_masked', length: 64 })
  numberMasked: string;

  @Column('varchar', { length: 16 })
  status: BankAccountStatus;

  @Column('varchar', { name: 'rejection_reason', length: 64, nullable: true })
  rejectionReason: string | null;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;

  @Column('uuid', { name: 'reviewed_by', nullable: true })
  reviewedBy: string | null;

  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;
}
