import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { In } from 'typeorm';
import { CLOCK } from '@app/kernel';
import type { Clock } from '@app/kernel';
import { Outbox } from '@app/jobs';
import { copyBytes, CopyRows, Tx, UnitOfWork } from '@app/persistence';
import { SellerDirectory } from '@app/sellers';
import { MarketReadiness, statusOf } from '../compliance/evaluate';
import type { Issue, ReadinessStatus } from '../compliance/evaluate';
import { byProduct, readinessInput } from '../compliance/input';
import { ComplianceRulesService } from '../compliance/rules-admin.service';
import { SELLER_GATES, sellerGateIssues } from '../compliance/seller-gates';
import type { SellerGates } from '../compliance/seller-gates';
import { MarketsService } from '../markets/markets.service';
import { PricesService } from '../prices/prices.service';
import { ProductEntity, ProductTranslationEntity, VariantEntity } from '../products/product.entity';
import { SellerMarketEntity } from './readiness.entity';
import { ListingBlockedEvent, ListingReadyEvent, SellerReadyInMarketEvent } from '../events';

const ready = (s: ReadinessStatus | undefined) => s === 'READY' || s === 'READY_WITH_WARNINGS';

/** Products per transaction of a refresh. */
const REFRESH_CHUNK = 1000;

interface StatusChange {
  productId: string;
  variantId: string;
  sku: string;
  market: string;
  from: ReadinessStatus | undefined;
  to: ReadinessStatus;
  issues: Issue[];
}

/**
 * A stored row as the refresh compares it: the digest of its issues, not the document (reading a million ~1 KB
 * documents back cost more than evaluating them); a plain read, no TypeORM hydration.
 */
interface StoredRow {
  variant_id: string;
  market: string;
  status: ReadinessStatus;
  market_version: number;
  rule_set_version: number;
  issues_digest: string | null;
}

/** A row to write, its issues as JSON text, and the digest of that text and the gates. */
interface ReadinessWrite {
  variantId: string;
  market: string;
  productId: string;
  status: ReadinessStatus;
  issues: string;
  digest: string;
  /** Issue codes (A–Z, digits, _: no quoting in an array literal). */
  blockingCodes: string[];
  /** The seller's gates' codes (as above). */
  gates: string[];
  marketVersion: number;
  ruleSetVersion: number;
}

/** The digest of a row's issues text and gates (change detection; SHA-256: allowed under FIPS, where md5 is not, and as fast here). */
const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex');

const STAGE = 'CREATE TEMP TABLE IF NOT EXISTS catalog_listing_readiness_stage (LIKE catalog_listing_readiness) ON COMMIT DELETE ROWS';
const STAGE_COPY = 'COPY catalog_listing_readiness_stage (variant_id, market, product_id, seller_id, status, issues, issues_digest, blocking_codes, seller_gates, market_version, rule_set_version, evaluated_at) FROM STDIN';
/** Rows per COPY buffer (a few hundred bytes each). */
const STAGE_ROWS = 5000;

/**
 * Stored readiness rows written (inserted or replaced): COPYed into a stage (COPY text needs no escaping of JSON's
 * quotes, unlike an array parameter), then one INSERT … ON CONFLICT from it.
 */
async function upsertReadiness(tx: Tx, sellerId: string, at: Date, rows: readonly ReadinessWrite[]): Promise<void> {
  if (!rows.length) return;
  await tx.query(STAGE);
  const when = at.toISOString();
  const parts: Buffer[] = [];
  for (let i = 0; i < rows.length; i += STAGE_ROWS) {
    const out = new CopyRows();
    for (const r of rows.slice(i, i + STAGE_ROWS)) {
      out.raw(r.variantId).text(r.market).raw(r.productId).raw(sellerId).text(r.status).text(r.issues).raw(r.digest).raw(`{${r.blockingCodes.join(',')}}`).raw(`{${r.gates.join(',')}}`).raw(r.marketVersion).raw(r.ruleSetVersion).raw(when).end();
    }
    parts.push(out.bytes());
  }
  await copyBytes(tx, STAGE_COPY, parts);
  await tx.query(
    `INSERT INTO catalog_listing_readiness (variant_id, market, product_id, seller_id, status, issues, issues_digest, blocking_codes, seller_gates, market_version, rule_set_version, evaluated_at)
     SELECT variant_id, market, product_id, seller_id, status, issues, issues_digest, blocking_codes, seller_gates, market_version, rule_set_version, evaluated_at FROM catalog_listing_readiness_stage
     ON CONFLICT (variant_id, market) DO UPDATE SET product_id = EXCLUDED.product_id, seller_id = EXCLUDED.seller_id, status = EXCLUDED.status, issues = EXCLUDED.issues,
       issues_digest = EXCLUDED.issues_digest, blocking_codes = EXCLUDED.blocking_codes, seller_gates = EXCLUDED.seller_gates,
       market_version = EXCLUDED.market_version, rule_set_version = EXCLUDED.rule_set_version, evaluated_at = EXCLUDED.evaluated_at`,
  );
  await tx.query('TRUNCATE catalog_listing_readiness_stage');
}

/** A BLOCKED row's blocking codes as the checklist counts them: its BLOCKER issues (the seller's gates aside), each once, sorted. */
function blockingCodes(issues: readonly Issue[]): string[] {
  const codes = new Set<string>();
  for (const i of issues) if (i.severity === 'BLOCKER') codes.add(i.code);
  return [...codes].sort();
}



/**
 * Stored readiness per variant × enabled market (`catalog_listing_readiness`), with the seller's
 * gates and the variant's price in the market (FX rate, stored price, fixed price) counted. One seller at a time under an advisory lock, so concurrent jobs for one seller
 * serialise and each reads what the previous committed; `listing.ready` / `listing.blocked` and
 * `seller.ready_in_market` go to the outbox in the transaction that changes the stored state.
 * Idempotent: re-running with unchanged inputs writes and emits nothing.
 */
@Injectable()
export class ReadinessStore {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly markets: MarketsService,
    private readonly prices: PricesService,
    private readonly rules: ComplianceRulesService,
    @Inject(SELLER_GATES) private readonly gates: SellerGates,
    private readonly sellers: SellerDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every seller with products (a rule set, market version or market status changed). */
  async refreshAll(): Promise<{ sellers: number; changed: number }> {
    const rows: { seller_id: string }[] = await this.uow.reader.query('SELECT DISTINCT seller_id FROM catalog_products ORDER BY seller_id');
    let changed = 0;
    for (const { seller_id } of rows) changed += await this.refreshSeller(seller_id);
    return { sellers: rows.length, changed };
  }

  /**
   * The seller's products (or only `productIds`): returns how many stored rows changed. {@link REFRESH_CHUNK} products
   * per transaction, in id order, so a seller with 100,000 variants is neither read into memory at once nor held in
   * one long transaction; each transaction takes the seller's lock and reads every input again.
   */
  async refreshSeller(sellerId: string, productIds?: string[]): Promise<number> {
    const ids = productIds
      ? [...new Set(productIds)].sort()
      : ((await this.uow.reader.query('SELECT id FROM catalog_products WHERE seller_id = $1 ORDER BY id', [sellerId])) as { id: string }[]).map((r) => r.id);
    let changed = 0;
    // a seller without products still has its markets' live state kept (one empty pass)
    for (let i = 0; i === 0 || i < ids.length; i += REFRESH_CHUNK) {
      changed += await this.refreshChunk(sellerId, ids.slice(i, i + REFRESH_CHUNK), i + REFRESH_CHUNK >= ids.length);
    }
    return changed;
  }

  private refreshChunk(sellerId: string, productIds: string[], last: boolean): Promise<number> {
    return this.uow.run(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('catalog-readiness'), hashtext($1))", [sellerId]);
      // every input is read under the lock: a job that waited sees what the one before it committed, so
      // two events handled out of order (kyc.approved, then kyc.suspended) still end in the later state
      const facts = await this.gates.facts(sellerId, tx);
      const markets = (await this.markets.list(tx)).filter((m) => m.status === 'enabled');
      const ruleSet = await this.rules.published(tx);
      const rules = { version: ruleSet.version, rules: ruleSet.document.rules };
      const seller = await this.sellers.standing(sellerId, tx);
      if (!seller) return 0;
      const chosen = await tx.find(SellerMarketEntity, { where: { sellerId } });
      const chosenCodes = new Set(chosen.map((c) => c.market));
      const products = productIds.length ? await tx.find(ProductEntity, { where: { sellerId, id: In(productIds) } }) : [];
      const live = products.filter((p) => p.status !== 'archived');
      const liveIds = live.map((p) => p.id);
      const variants = liveIds.length ? await tx.find(VariantEntity, { where: { productId: In(liveIds) }, order: { position: 'ASC' } }) : [];
      const translations = liveIds.length ? await tx.find(ProductTranslationEntity, { where: { productId: In(liveIds) } }) : [];
      const variantsOf = byProduct(variants);
      const translationsOf = byProduct(translations);
      // each variant's price in each market: the FX rates, stored prices and fixed prices as committed now
      const priceFindings = await this.prices.readinessFindings(tx, variants, markets);
      const stored: StoredRow[] = productIds.length
        ? await tx.query(
            `SELECT variant_id, market, status, market_version, rule_set_version, issues_digest
               FROM catalog_listing_readiness WHERE seller_id = $1 AND product_id = ANY($2::uuid[])`,
            [sellerId, productIds],
          )
        : [];
      const before = new Map(stored.map((r) => [`${r.variant_id}|${r.market}`, r]));
      // a row's issues are mostly shared objects (the product's in a market, the seller's gates): each written once
      const json = new WeakMap<Issue, string>();
      const jsonOf = (i: Issue) => {
        let t = json.get(i);
        if (t === undefined) json.set(i, (t = JSON.stringify(i)));
        return t;
      };
      const now = this.clock.now();
      const writes: ReadinessWrite[] = [];
      const events: StatusChange[] = [];
      const seen = new Set<string>();
      const perMarket = markets.map((m) => {
        const gates = sellerGateIssues(facts, { code: m.code, chosen: chosenCodes.has(m.code) });
        const gateCodes = gates.map((g) => g.code);
        // stored as codes beside the issues (the same on every row of the seller in the market), in the digest too
        return { market: m, evaluator: new MarketReadiness({ code: m.code, version: m.version, document: m.document }, rules), gates, gateCodes, gatesText: `|${gateCodes.join(',')}`, found: priceFindings.get(m.code)! };
      });
      for (const product of live) {
        const own = variantsOf.get(product.id);
        if (!own) continue;
        const input = readinessInput(product, own, translationsOf.get(product.id) ?? []);
        for (const { market, evaluator, gates, gateCodes, gatesText, found } of perMarket) {
          const report = evaluator.evaluate(input, seller.country, (v) => (v.id ? found.get(v.id) : undefined));
          for (const v of report.variants) {
            const listing: Issue[] = [...report.issues, ...v.issues];
            const key = `${v.variantId}|${market.code}`;
            seen.add(key);
            const old = before.get(key);
            const status = statusOf(gates.length ? [...listing, ...gates] : listing);
            const text = `[${listing.map(jsonOf).join(',')}]`;
            const digest = digestOf(text + gatesText);
            if (old && old.status === status && old.market_version === market.version && old.rule_set_version === ruleSet.version && old.issues_digest === digest) continue;
            writes.push({
              variantId: v.variantId!, market: market.code, productId: product.id, status, issues: text, digest, gates: gateCodes,
              blockingCodes: status === 'BLOCKED' ? blockingCodes(listing) : [], marketVersion: market.version, ruleSetVersion: ruleSet.version,
            });
            if (old?.status !== status) events.push({ productId: product.id, variantId: v.variantId!, sku: v.sku, market: market.code, from: old?.status, to: status, issues: [...listing, ...gates] });
          }
        }
      }
      await upsertReadiness(tx, sellerId, now, writes);
      const gone = stored.filter((r) => !seen.has(`${r.variant_id}|${r.market}`));
      if (gone.length) {
        await tx.query('DELETE FROM catalog_listing_readiness r USING unnest($1::uuid[], $2::varchar[]) AS g(variant_id, market) WHERE r.variant_id = g.variant_id AND r.market = g.market', [
          gone.map((r) => r.variant_id),
          gone.map((r) => r.market),
        ]);
      }
      await this.statusChanged(tx, sellerId, events);
      // the markets' live state follows a status change, and is checked once per pass
      if (last || events.length) await this.markLive(tx, sellerId, chosen, now);
      return writes.length + gone.length;
    });
  }

  /** `listing.ready` / `listing.blocked` for each change; a new listing that starts BLOCKED changes nothing a buyer could see. */
  private async statusChanged(tx: Tx, sellerId: string, changes: readonly StatusChange[]): Promise<void> {
    const toEvent = (c: StatusChange) => {
      const blocking = [...new Set(c.issues.filter((i) => i.severity === 'BLOCKER').map((i) => i.code))];
      return {
        aggregateId: `${c.variantId}:${c.market}`,
        payload: { sellerId, productId: c.productId, variantId: c.variantId, sku: c.sku, market: c.market, from: c.from ?? null, to: c.to, ...(blocking.length ? { blockingCodes: blocking } : {}) },
      };
    };
    const shown = changes.filter((c) => c.from || ready(c.to));
    // in the order they were found, each type in one statement (per variant × market only one event per pass)
    await this.outbox.addMany(tx, ListingReadyEvent, shown.filter((c) => ready(c.to)).map(toEvent));
    await this.outbox.addMany(tx, ListingBlockedEvent, shown.filter((c) => !ready(c.to)).map(toEvent));
  }

  /** A chosen market goes live with its first ready listing (seller.ready_in_market) and back when none is left. */
  private async markLive(tx: Tx, sellerId: string, chosen: SellerMarketEntity[], now: Date) {
    if (!chosen.length) return;
    const counts: { market: string; ready: string }[] = await tx.query(
      `SELECT market, count(*) FILTER (WHERE status <> 'BLOCKED') AS ready FROM catalog_listing_readiness WHERE seller_id = $1 GROUP BY market`,
      [sellerId],
    );
    const readyIn = new Map(counts.map((c) => [c.market, Number(c.ready)]));
    for (const c of chosen) {
      const n = readyIn.get(c.market) ?? 0;
      if (n > 0 && !c.liveSince) {
        await tx.update(SellerMarketEntity, { sellerId, market: c.market }, { liveSince: now });
        await this.outbox.add(tx, SellerReadyInMarketEvent, sellerId, { sellerId, market: c.market, readyListings: n });
      } else if (n === 0 && c.liveSince) {
        await tx.update(SellerMarketEntity, { sellerId, market: c.market }, { liveSince: null });
      }
    }
  }
}
