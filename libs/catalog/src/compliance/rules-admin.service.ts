import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Outbox } from '@app/jobs';
import { ComplianceRulesPublishedEvent } from '../events';
import { diffPacks } from '@app/countries';
import type { PackChange } from '@app/countries';
import { CLOCK, systemContext } from '@app/kernel';
import type { Clock, ErrorDetail, RequestContext } from '@app/kernel';
import { Reader, Tx, UnitOfWork, VersionedDocuments, versionSummary } from '@app/persistence';
import type { VersionSummary } from '@app/persistence';
import { catalogError, CatalogErrorCode } from '../errors';
import { checkRuleSet } from './checks';
import { ComplianceRuleSetVersionEntity } from './rule-set.entity';
import type { ComplianceRuleSetDocument, ComplianceRuleSetInput } from './schema';

export interface RuleSetVersionSummary extends VersionSummary {
  rules: number;
}

const summary = (v: ComplianceRuleSetVersionEntity): RuleSetVersionSummary => ({ ...versionSummary(v), rules: v.document.rules.length });

/** The rule set's versions (one document, no key), with the mechanics every versioned document shares. */
const VERSIONS = new VersionedDocuments<ComplianceRuleSetDocument, ComplianceRuleSetVersionEntity>(ComplianceRuleSetVersionEntity, {
  table: 'compliance_rule_set_versions',
  lockName: 'compliance-rule-set',
});

export interface PublishedRuleSet {
  version: number;
  document: ComplianceRuleSetDocument;
}

/** The compliance rule set: read side for readiness, and ops' drafts, checks and publication (audited), like markets. */
@Injectable()
export class ComplianceRulesService {
  private readonly logger = new Logger('ComplianceRules');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The published rule set readiness evaluates against, read outside any transaction; none published yet: no rules (version 0). */
  getPublished(): Promise<PublishedRuleSet> {
    return this.published(this.uow.reader);
  }

  async published(tx: Reader): Promise<PublishedRuleSet> {
    const row = await VERSIONS.published(tx);
    return row ? { version: row.version as number, document: row.document } : { version: 0, document: { rules: [] } };
  }

  async draft(): Promise<ComplianceRuleSetVersionEntity> {
    const draft = await VERSIONS.draft(this.uow.reader);
    if (!draft) throw catalogError(CatalogErrorCode.COMPLIANCE_DRAFT_NOT_FOUND);
    return draft;
  }

  async saveDraft(ctx: RequestContext, body: unknown): Promise<RuleSetVersionSummary> {
    const { ruleSet, problems } = checkRuleSet(body);
    const schemaProblems = problems.filter((p) => p.code === 'SCHEMA');
    if (!ruleSet || schemaProblems.length) throw catalogError(CatalogErrorCode.COMPLIANCE_RULES_INVALID, {}, schemaProblems);
    return this.uow.run(async (tx) => {
      await VERSIONS.lock(tx);
      const { draft, base } = await VERSIONS.saveDraft(tx, undefined, ruleSet, ctx.actor?.accountId ?? null, this.clock.now());
      await this.audit.record(tx, ctx, {
        action: 'compliance_rules.draft_saved',
        targetType: 'compliance_rule_set',
        targetId: 'draft',
        changes: { against: base?.version ?? null, changes: diffPacks(byId(base?.document), byId(ruleSet)).slice(0, 200) },
      });
      return summary(draft);
    });
  }

  async validateDraft(): Promise<ErrorDetail[]> {
    const draft = await this.draft();
    return checkRuleSet(draft.document, (await this.published(this.uow.reader)).document).problems;
  }

  async publish(ctx: RequestContext): Promise<RuleSetVersionSummary> {
    return this.uow.run(async (tx) => {
      await VERSIONS.lock(tx);
      const draft = await VERSIONS.draft(tx);
      if (!draft) throw catalogError(CatalogErrorCode.COMPLIANCE_DRAFT_NOT_FOUND);
      const { ruleSet, problems } = checkRuleSet(draft.document, (await this.published(tx)).document);
      if (!ruleSet || problems.length) throw catalogError(CatalogErrorCode.COMPLIANCE_RULES_INVALID, {}, problems);
      return this.publishDocument(tx, ctx, ruleSet, draft.id);
    });
  }

  private async publishDocument(tx: Tx, ctx: RequestContext, ruleSet: ComplianceRuleSetDocument, draftId?: string): Promise<RuleSetVersionSummary> {
    const { published, previous, version: next } = await VERSIONS.publish(tx, undefined, ruleSet, ctx.actor?.accountId ?? null, this.clock.now(), draftId);
    await this.audit.record(tx, ctx, {
      action: 'compliance_rules.published',
      targetType: 'compliance_rule_set',
      targetId: String(next),
      changes: { version: next, previousVersion: previous?.version ?? null, changes: diffPacks(byId(previous?.document), byId(ruleSet)).slice(0, 200) },
    });
    // stored readiness was evaluated under the previous version: the worker re-evaluates it
    if (previous) await this.outbox.add(tx, ComplianceRulesPublishedEvent, String(next), { version: next });
    return summary(published);
  }

  async versions(): Promise<RuleSetVersionSummary[]> {
    return (await VERSIONS.all(this.uow.reader)).map(summary);
  }

  /** `from`/`to` are version numbers or `draft`; rules are compared by id (`rules.<id>.<path>`). */
  async diff(from: string, to: string): Promise<PackChange[]> {
    const load = async (v: string) => {
      if (v === 'draft') return (await this.draft()).document;
      const row = await VERSIONS.numbered(this.uow.reader, Number(v));
      if (!row) throw catalogError(CatalogErrorCode.COMPLIANCE_VERSION_NOT_FOUND, { version: v });
      return row.document;
    };
    return diffPacks(byId(await load(from)), byId(await load(to)));
  }

  /** Publishes the rule set shipped in the repository as version 1 when there is none at all (by the system, audited). */
  async seed(input: ComplianceRuleSetInput): Promise<boolean> {
    const { ruleSet, problems } = checkRuleSet(input);
    if (!ruleSet || problems.length) throw new Error(`seed compliance rules are invalid: ${problems.map((p) => `${p.field} ${p.code}`).join('; ')}`);
    const seeded = await this.uow.run(async (tx) => {
      await VERSIONS.lock(tx);
      if ((await VERSIONS.count(tx)) > 0) return false;
      await this.publishDocument(tx, systemContext('seed'), ruleSet);
      return true;
    });
    if (seeded) this.logger.log(`seeded compliance rules: ${ruleSet.rules.length}`);
    return seeded;
  }
}

/** Rules compared by id, so a diff says `rules[us.hs].national.severity`, not `rules[11].national.severity` (the differ keys arrays by `code`). */
const byId = (doc: ComplianceRuleSetDocument | undefined) => ({
  ...(doc?.notes !== undefined ? { notes: doc.notes } : {}),
  rules: (doc?.rules ?? []).map((r) => ({ code: r.id, ...r })),
});
