import { Check, Entity, Index } from 'typeorm';
import { DocumentVersionColumns } from '@app/persistence';
import type { DocumentVersionState } from '@app/persistence';
import type { ComplianceRuleSetDocument } from './schema';

export type RuleSetVersionState = DocumentVersionState;

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
export class ComplianceRuleSetVersionEntity extends DocumentVersionColumns<ComplianceRuleSetDocument> {}
