import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { diffPacks } from '@app/countries';
import type { PackChange } from '@app/countries';
import { CLOCK, systemContext } from '@app/kernel';
import type { Clock, ErrorDetail, RequestContext } from '@app/kernel';
import { Outbox } from '@app/jobs';
import { Tx, UnitOfWork, VersionedDocuments, versionSummary } from '@app/persistence';
import type { VersionSummary } from '@app/persistence';
import { catalogError, CatalogErrorCode } from '../errors';
import { MarketEntity, MarketVersionEntity } from './market.entity';
import { checkMarket } from './market-checks';
import type { MarketDocument, MarketInput } from './schema';
import { MarketPublishedEvent, MarketStatusChangedEvent } from '../events';

export type MarketVersionSummary = VersionSummary;

/** Every market's versions (draft → published → retired), with the mechanics every versioned document shares. */
const VERSIONS = new VersionedDocuments<MarketDocument, MarketVersionEntity>(MarketVersionEntity, {
  table: 'market_versions',
  key: { property: 'market', column: 'market' },
  lockName: 'market',
});

/** Ops' side of markets: drafts, checks, publication, enabling — every change audited. Same shape as country packs. */
@Injectable()
export class MarketsAdminService {
  private readonly logger = new Logger('Markets');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async overview(): Promise<{ code: string; status: string | null; publishedVersion: number | null; hasDraft: boolean; name: string }[]> {
    const rows: { code: string; status: string | null; published_version: number | null; has_draft: boolean; name: string }[] = await this.uow.reader.query(
      `SELECT v.market AS code, m.status, m.published_version,
              bool_or(v.state = 'draft') AS has_draft,
              (array_agg(v.document->'name'->>'en' ORDER BY v.version DESC NULLS FIRST))[1] AS name
         FROM market_versions v LEFT JOIN markets m ON m.code = v.market
        GROUP BY v.market, m.status, m.published_version ORDER BY v.market`,
    );
    return rows.map((r) => ({ code: r.code, status: r.status, publishedVersion: r.published_version, hasDraft: r.has_draft, name: r.name }));
  }

  async saveDraft(ctx: RequestContext, code: string, body: unknown): Promise<MarketVersionSummary> {
    const named = (body as { code?: unknown } | null)?.code;
    if (typeof named === 'string' && named !== code) throw catalogError(CatalogErrorCode.MARKET_MISMATCH, { market: code, named: named.slice(0, 20) });
    const { market, problems } = checkMarket(body);
    // a draft must at least parse; everything else is reported by validate and refused by publish
    const schemaProblems = problems.filter((p) => p.code === 'SCHEMA');
    if (!market || schemaProblems.length) throw catalogError(CatalogErrorCode.MARKET_INVALID, {}, schemaProblems);
    return this.uow.run(async (tx) => {
      await VERSIONS.lock(tx, code);
      const { draft, base } = await VERSIONS.saveDraft(tx, code, market, ctx.actor?.accountId ?? null, this.clock.now());
      await this.audit.record(tx, ctx, {
        action: 'market.draft_saved',
        targetType: 'market',
        targetId: code,
        changes: { against: base?.version ?? null, changes: diffPacks(base?.document ?? {}, market).slice(0, 200) },
      });
      return versionSummary(draft);
    });
  }

  async draft(code: string): Promise<MarketVersionEntity> {
    const draft = await VERSIONS.draft(this.uow.reader, code);
    if (!draft) throw catalogError(CatalogErrorCode.MARKET_DRAFT_NOT_FOUND, { market: code });
    return draft;
  }

  async discardDraft(ctx: RequestContext, code: string): Promise<void> {
    await this.uow.run(async (tx) => {
      await VERSIONS.lock(tx, code);
      if (!(await VERSIONS.discardDraft(tx, code))) throw catalogError(CatalogErrorCode.MARKET_DRAFT_NOT_FOUND, { market: code });
      await this.audit.record(tx, ctx, { action: 'market.draft_discarded', targetType: 'market', targetId: code });
    });
  }

  async validateDraft(code: string): Promise<ErrorDetail[]> {
    return checkMarket((await this.draft(code)).document).problems;
  }

  /** Draft → the published version listings use; the previous one is retired (and kept). */
  async publish(ctx: RequestContext, code: string): Promise<MarketVersionSummary> {
    return this.uow.run(async (tx) => {
      await VERSIONS.lock(tx, code);
      const draft = await VERSIONS.draft(tx, code);
      if (!draft) throw catalogError(CatalogErrorCode.MARKET_DRAFT_NOT_FOUND, { market: code });
      const { market, problems } = checkMarket(draft.document);
      if (!market || problems.length) throw catalogError(CatalogErrorCode.MARKET_INVALID, {}, problems);
      return this.publishDocument(tx, ctx, code, market, draft.id);
    });
  }

  private async publishDocument(tx: Tx, ctx: RequestContext, code: string, market: MarketDocument, draftId?: string): Promise<MarketVersionSummary> {
    const now = this.clock.now();
    const { published, previous, version: next } = await VERSIONS.publish(tx, code, market, ctx.actor?.accountId ?? null, now, draftId);
    await tx.query(
      `INSERT INTO markets (code, status, published_version, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET status = EXCLUDED.status, published_version = EXCLUDED.published_version, updated_at = EXCLUDED.updated_at`,
      [code, market.status, next, now],
    );
    await this.audit.record(tx, ctx, {
      action: 'market.published',
      targetType: 'market',
      targetId: code,
      changes: { version: next, previousVersion: previous?.version ?? null, status: market.status, changes: diffPacks(previous?.document ?? {}, market).slice(0, 200) },
    });
    // Stored prices of this market carry the old rule version: the catalog re-prices them.
    if (previous) await this.outbox.add(tx, MarketPublishedEvent, code, { market: code, version: next });
    return versionSummary(published);
  }

  async setStatus(ctx: RequestContext, code: string, status: 'enabled' | 'disabled'): Promise<{ code: string; status: string }> {
    return this.uow.run(async (tx) => {
      await VERSIONS.lock(tx, code);
      const market = await tx.findOne(MarketEntity, { where: { code } });
      if (!market) throw catalogError(CatalogErrorCode.MARKET_NOT_PUBLISHED, { market: code });
      if (market.status !== status) {
        await tx.update(MarketEntity, { code }, { status });
        await this.audit.record(tx, ctx, {
          action: status === 'enabled' ? 'market.enabled' : 'market.disabled',
          targetType: 'market',
          targetId: code,
          changes: { status: { from: market.status, to: status } },
        });
        await this.outbox.add(tx, MarketStatusChangedEvent, code, { market: code, status });
      }
      return { code, status };
    });
  }

  async versions(code: string): Promise<MarketVersionSummary[]> {
    const rows = await VERSIONS.all(this.uow.reader, code);
    if (!rows.length) throw catalogError(CatalogErrorCode.MARKET_NOT_FOUND, { market: code });
    return rows.map(versionSummary);
  }

  /** `from`/`to` are version numbers or `draft`. */
  async diff(code: string, from: string, to: string): Promise<PackChange[]> {
    const load = async (v: string) => {
      if (v === 'draft') return (await this.draft(code)).document;
      const row = await VERSIONS.numbered(this.uow.reader, Number(v), code);
      if (!row) throw catalogError(CatalogErrorCode.MARKET_VERSION_NOT_FOUND, { market: code, version: v });
      return row.document;
    };
    return diffPacks(await load(from), await load(to));
  }

  /**
   * Publishes the seed markets shipped in the repository as version 1 of every market that has no
   * version at all (by the system, audited). Later versions come from ops. Safe from several processes.
   */
  async seed(markets: readonly MarketInput[]): Promise<string[]> {
    const ctx = systemContext('seed');
    const seeded: string[] = [];
    for (const input of markets) {
      const { market, problems } = checkMarket(input);
      if (!market || problems.length) {
        throw new Error(`seed market ${input.code} is invalid: ${problems.map((p) => `${p.field} ${p.code} ${JSON.stringify(p.params)}`).join('; ')}`);
      }
      await this.uow.run(async (tx) => {
        await VERSIONS.lock(tx, market.code);
        if ((await VERSIONS.count(tx, market.code)) > 0) return;
        await this.publishDocument(tx, ctx, market.code, market);
        seeded.push(market.code);
      });
    }
    if (seeded.length) this.logger.log(`seeded markets: ${seeded.join(', ')}`);
    return seeded;
  }
}
