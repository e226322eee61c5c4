import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The case history: every transition and decision, with who made it. Internal notes stay here. */
@Entity('kyc_case_events')
export class KycCaseEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('ix_kyc_case_events_case')
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('varchar', { name: 'from_status', length: 20, nullable: true })
  fromStatus: string | null;

  @Column('varchar', { name: 'to_status', length: 20 })
  toStatus: string;

  /** seller · system · ops_reviewer · ops_admin */
  @Column('varchar', { name: 'actor_role', length: 20 })
  actorRole: string;

  @Column('uuid', { name: 'actor_account_id', nullable: true })
  actorAccountId: string | null;

  @Column('varchar', { name: 'reason_code', length: 64, nullable: true })
  reasonCode: string | null;

  @Column('text', { name: 'internal_note', nullable: true })
  internalNote: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;
}
