import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A message the review team wrote to the seller about a case: seller-visible, so it is kept apart
 * from the internal notes of the case history (which never reach the seller).
 */
@Entity('kyc_case_messages')
export class KycCaseMessageEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('ix_kyc_case_messages_case')
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** The ops account that wrote it (never shown to the seller: they read "the review team"). */
  @Column('uuid', { name: 'author_account_id' })
  authorAccountId: string;

  @Column('text')
  body: string;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt: Date;
}
