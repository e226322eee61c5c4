import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CheckResult } from '../codes';

/** One automated check of a submission, with its evidence and the rule/list version it used. */
@Entity('kyc_checks')
export class KycCheckEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('ix_kyc_checks_case')
  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** completeness · identifiers · duplicate_seller · sanctions · risk_policy · identity (with a vendor) */
  @Column('varchar', { length: 40 })
  kind: string;

  @Column('varchar', { length: 10 })
  result: CheckResult;

  /** Internal evidence for ops (never shown to the seller). */
  @Column('jsonb')
  evidence: Record<string, unknown>;

  /** e.g. `pack:ES@2` or `sanctions:ofac_sdn@2026-11-20`. */
  @Column('varchar', { name: 'rule_version', length: 100 })
  ruleVersion: string;

  @Column('timestamptz', { name: 'checked_at' })
  checkedAt: Date;
}
