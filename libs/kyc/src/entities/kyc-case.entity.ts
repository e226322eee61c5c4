import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { KycStatus } from '../codes';

/** One KYC/KYB case per seller at a time (a new one on re-verification), pinned to a country-pack version. */
@Entity('kyc_cases')
@Index('ix_kyc_cases_queue', ['status', 'submittedAt'])
@Index('uq_kyc_cases_open_per_seller', ['sellerId'], { unique: true, where: `"status" <> 'superseded'` })
@Check('ck_kyc_cases_identity_result', `"identity_result" IN ('approved', 'rejected', 'retry')`)
@Check('ck_kyc_cases_status', `"status" IN ('collecting', 'submitted', 'in_review', 'approved', 'rejected', 'action_required', 'suspended', 'superseded')`)
export class KycCaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('ix_kyc_cases_seller')
  @Column('uuid', { name: 'seller_id' })
  sellerId: string;

  @Column('char', { length: 2 })
  country: string;

  @Column('varchar', { name: 'legal_form', length: 64 })
  legalForm: string;

  /** The country-pack version the case was opened under: it decides the required documents. */
  @Column('integer', { name: 'pack_version' })
  packVersion: number;

  @Column('varchar', { length: 20 })
  status: KycStatus;

  /** A reason code the seller is shown (in their language), e.g. DOCUMENTS_UNREADABLE or SANCTIONS_HIT. */
  @Column('varchar', { name: 'reason_code', length: 64, nullable: true })
  reasonCode: string | null;

  /** Two different reviewers must approve (the pack's four-eyes risk flag). */
  @Column('boolean', { name: 'four_eyes', default: false })
  fourEyes: boolean;

  /** The first approval of a four-eyes case, waiting for a second reviewer. */
  @Column('uuid', { name: 'first_approval_by', nullable: true })
  firstApprovalBy: string | null;

  /**
   * An approved case re-screening found a possible (fuzzy) new sanctions match for: it stays
   * approved (payouts continue) but is in the ops queue (`?status=approved&flagged=true`) until a
   * reviewer clears it with an `approve` decision (four-eyes where the case has it).
   */
  @Column('timestamptz', { name: 'review_requested_at', nullable: true })
  reviewRequestedAt: Date | null;

  /**
   * Identity verification by a vendor (KYC_PROVIDER other than `manual`): the provider and its
   * applicant for this case, set when the seller first asks for the hosted link.
   */
  @Column('varchar', { name: 'identity_provider', length: 40, nullable: true })
  identityProvider: string | null;

  @Column('varchar', { name: 'identity_applicant_id', length: 100, nullable: true })
  identityApplicantId: string | null;

  /**
   * The vendor's latest result that counted (approved · retry · rejected) with its own decision
   * time and the reason code the seller is shown; submission's `identity` check reads it.
   */
  @Column('varchar', { name: 'identity_result', length: 16, nullable: true })
  identityResult: 'approved' | 'rejected' | 'retry' | null;

  @Column('varchar', { name: 'identity_reason_code', length: 64, nullable: true })
  identityReasonCode: string | null;

  @Column('timestamptz', { name: 'identity_decided_at', nullable: true })
  identityDecidedAt: Date | null;

  /**
   * The seller declared that no person holds the pack's ownership threshold or more (companies must
   * either declare such owners or make this declaration); cleared when owners are declared.
   */
  @Column('timestamptz', { name: 'no_owners_declared_at', nullable: true })
  noOwnersDeclaredAt: Date | null;

  /** The threshold the declaration was made against: it covers a pack version whose threshold is the same or higher. */
  @Column('smallint', { name: 'no_owners_threshold_percent', nullable: true })
  noOwnersThresholdPercent: number | null;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
