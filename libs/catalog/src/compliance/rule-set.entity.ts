import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ComplianceRuleSetDocument } from './schema';

export type RuleSetVersionState = 'draft' | 'published' | 'retired';

/**
 * Every version of the compliance rule set, kept forever: a readiness report names the rule-set
 * version (and each issue the rule version) it was evaluated under. At most one draft (version
 * null) and one published version.
 */
@Entity('compliance_rule_set_versions')
@Index('uq_compliance_rule_set_versions_version', ['version'], { unique: true })
// at most one draft and one published version at a time
@Index('uq_compliance_rule_set_versions_live', ['state'], { unique: true, where: `"state" IN ('draft', 'published')` })
@Check('ck_compliance_rule_set_versions_state', `"state" IN ('draft', 'published', 'retired')`)
@Check('ck_compliance_rule_set_versions_numbered', `("state" = 'draft') = ("version" IS NULL)`)
export class ComplianceRuleSetVersionEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** 1, 2, 3 … assigned at publication; null while a draft. */
  @Column('integer', { nullable: true })
  version: number | null;

  @Column('varchar', { length: 16 })
  state: RuleSetVersionState;

  @Column('jsonb')
  document: ComplianceRuleSetDocument;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;
}
