import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { diffPacks } from '@app/countries';
import type { PackChange } from '@app/countries';
import { CLOCK, systemContext } from '@app/kernel';
import type { Clock, ErrorDetail, RequestContext } from '@app/kernel';
import { Reader, Tx, UnitOfWork } from '@app/persistence';
import { catalogError, CatalogErrorCode } from '../errors';
import { checkRuleSet } from './checks';
import { ComplianceRuleSetVersionEntity } from './rule-set.entity';
import type { ComplianceRuleSetDocument, ComplianceRuleSetInput } from './schema';

export interface RuleSetVersionSummary {
  version: number | null;
  state: string;
  rules: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

const summary = (v: ComplianceRuleSetVersionEntity): RuleSetVersionSummary => ({
  version: v.version,
  state: v.state,
  rules: v.document.rules.length,
  createdBy: v.createdBy,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
  publishedBy: v.publishedBy,
  publishedAt: v.publishedAt?.toISOString() ?? null,
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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private lock(tx: Tx): Promise<unknown> {
    return tx.query("SELECT pg_advisory_xact_lock(hashtext('compliance-rule-set'))");
  }

  /** The published rule set readiness evaluates against; none published yet: no rules (version 0). */
  /** The published rule set, read outside any transaction. */
  getPublished(): Promise<PublishedRuleSet> {
    return this.published(this.uow.reader);
  }

  async published(tx: Reader): Promise<PublishedRuleSet> {
    const row = await tx.findOne(ComplianceRuleSetVersionEntity, { where: { state: 'published' } });
    return row ? { version: row.version as number, document: row.document } : { version: 0, document: { rules: [] } };
  }

  async draft(): Promise<ComplianceRuleSetVersionEntity> {
    const draft = await this.uow.reader.findOne(ComplianceRuleSetVersionEntity, { where: { state: 'draft' } });
    if (!draft) throw catalogError(CatalogErrorCode.COMPLIANCE_DRAFT_NOT_FOUND);
    return draft;
  }

  async saveDraft(ctx: RequestContext, body: unknown): Promise<RuleSetVersionSummary> {
    const { ruleSet, problems } = checkRuleSet(body);
    const schemaProblems = problems.filter((p) => p.code === 'SCHEMA');
    if (!ruleSet || schemaProblems.length) throw catalogError(CatalogErrorCode.COMPLIANCE_RULES_INVALID, {}, schemaProblems);
    return this.uow.run(async (tx) => {
      await this.lock(tx);
      const now = this.clock.now();
      const existing = await tx.findOne(ComplianceRuleSetVersionEntity, { where: { state: 'draft' } });
      if (existing) {
        await tx.update(ComplianceRuleSetVersionEntity, { id: existing.id }, { document: ruleSet as never, updatedAt: now, createdBy: ctx.actor?.accountId ?? null });
      } else {
        await tx.insert(ComplianceRuleSetVersionEntity, { id: randomUUID(), version: null, state: 'draft', document: ruleSet as never, createdBy: ctx.actor?.accountId ?? null, updatedAt: now });
      }
      const base = await tx.findOne(ComplianceRuleSetVersionEntity, { where: { state: 'published' } });
      await this.audit.record(tx, ctx, {
        action: 'compliance_rules.draft_saved',
        targetType: 'compliance_rule_set',
        targetId: 'draft',
        changes: { against: base?.version ?? null, changes: diffPacks(byId(base?.document), byId(ruleSet)).slice(0, 200) },
      });
      return summary(await tx.findOneOrFail(ComplianceRuleSetVersionEntity, { where: { state: 'draft' } }));
    });
  }

  async validateDraft(): Promise<ErrorDetail[]> {
    const draft = await this.draft();
    return checkRuleSet(draft.document, (await this.published(this.uow.reader)).document).problems;
  }

  async publish(ctx: RequestContext): Promise<RuleSetVersionSummary> {
    return this.uow.run(async (tx) => {
      await this.lock(tx);
      const draft = await tx.findOne(ComplianceRuleSetVersionEntity, { where: { state: 'draft' } });
      if (!draft) throw catalogError(CatalogErrorCode.COMPLIANCE_DRAFT_NOT_FOUND);
      const { ruleSet, problems } = checkRuleSet(draft.document, (await this.published(tx)).document);
      if (!ruleSet || problems.length) throw catalogError(CatalogErrorCode.COMPLIANCE_RULES_INVALID, {}, problems);
      return this.publishDocument(tx, ctx, ruleSet, draft.id);
    });
  }

  private async publishDocument(tx: Tx, ctx: RequestContext, ruleSet: ComplianceRuleSetDocument, draftId?: string): Promise<RuleSetVersionSummary> {
    const now = this.clock.now();
    const previous = await tx.findOne(ComplianceRuleSetVersionEntity, { where: { state: 'published' } });
    const [{ next }] = await tx.query('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM compliance_rule_set_versions');
    if (previous) await tx.update(ComplianceRuleSetVersionEntity, { id: previous.id }, { state: 'retired' });
    const id = draftId ?? randomUUID();
    const fields = { version: next as number, state: 'published' as const, document: ruleSet as never, publishedBy: ctx.actor?.accountId ?? null, publishedAt: now, updatedAt: now };
    if (draftId) await tx.update(ComplianceRuleSetVersionEntity, { id }, fields);
    else await tx.insert(ComplianceRuleSetVersionEntity, { id, createdBy: ctx.actor?.accountId ?? null, ...fields });
    await this.audit.record(tx, ctx, {
      action: 'compliance_rules.published',
      targetType: 'compliance_rule_set',
      targetId: String(next),
      changes: { version: next, previousVersion: previous?.version ?? null, changes: diffPacks(byId(previous?.document), byId(ruleSet)).slice(0, 200) },
    });
    return summary(await tx.findOneOrFail(ComplianceRuleSetVersionEntity, { where: { id } }));
  }

  async versions(): Promise<RuleSetVersionSummary[]> {
    return (await this.uow.reader.find(ComplianceRuleSetVersionEntity, { order: { version: 'DESC' } })).map(summary);
  }

  /** `from`/`to` are version numbers or `draft`; rules are compared by id (`rules.<id>.<path>`). */
  async diff(from: string, to: string): Promise<PackChange[]> {
    const load = async (v: string) => {
      if (v === 'draft') return (await this.draft()).document;
      const row = await this.uow.reader.findOne(ComplianceRuleSetVersionEntity, { where: { version: Number(v) } });
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
      await this.lock(tx);
      if ((await tx.count(ComplianceRuleSetVersionEntity)) > 0) return false;
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
