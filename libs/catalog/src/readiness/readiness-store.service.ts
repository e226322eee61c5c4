import { Inject, Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { In } from 'typeorm';
import { CLOCK } from '@app/kernel';
import type { Clock } from '@app/kernel';
import { Outbox } from '@app/jobs';
import { Tx, UnitOfWork } from '@app/persistence';
import { SellerDirectory } from '@app/sellers';
import { evaluateReadiness, statusOf } from '../compliance/evaluate';
import type { Issue, ReadinessStatus } from '../compliance/evaluate';
import { readinessInput } from '../compliance/input';
import { ComplianceRulesService } from '../compliance/rules-admin.service';
import { SELLER_GATES, sellerGateIssues } from '../compliance/seller-gates';
import type { SellerGates } from '../compliance/seller-gates';
import { MarketsService } from '../markets/markets.service';
import { PricesService } from '../prices/prices.service';
import { ProductEntity, ProductTranslationEntity, VariantEntity } from '../products/product.entity';
import { ListingReadinessEntity, SellerMarketEntity } from './readiness.entity';
import { ListingBlockedEvent, ListingReadyEvent, SellerReadyInMarketEvent } from '../events';

const ready = (s: ReadinessStatus | undefined) => s === 'READY' || s === 'READY_WITH_WARNINGS';


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

  /** The seller's products (or only `productIds`): returns how many stored rows changed. */
  async refreshSeller(sellerId: string, productIds?: string[]): Promise<number> {
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
      const products = await tx.find(ProductEntity, { where: { sellerId, ...(productIds ? { id: In(productIds) } : {}) } });
      const live = products.filter((p) => p.status !== 'archived');
      const liveIds = live.map((p) => p.id);
      const variants = liveIds.length ? await tx.find(VariantEntity, { where: { productId: In(liveIds) }, order: { position: 'ASC' } }) : [];
      const translations = liveIds.length ? await tx.find(ProductTranslationEntity, { where: { productId: In(liveIds) } }) : [];
      // each variant's price in each market: the FX rates, stored prices and fixed prices as committed now
      const priceFindings = await this.prices.readinessFindings(tx, variants, markets);
      const stored = await tx.find(ListingReadinessEntity, { where: productIds ? { sellerId, productId: In(productIds) } : { sellerId } });
      const before = new Map(stored.map((r) => [`${r.variantId}|${r.market}`, r]));
      const now = this.clock.now();
      const writes: ListingReadinessEntity[] = [];
      const seen = new Set<string>();
      const gatesOf = new Map(markets.map((m) => [m.code, sellerGateIssues(facts, { code: m.code, chosen: chosenCodes.has(m.code) })]));
      for (const product of live) {
        const own = variants.filter((v) => v.productId === product.id);
        if (!own.length) continue;
        const input = readinessInput(product, own, translations.filter((t) => t.productId === product.id));
        for (const market of markets) {
          const found = priceFindings.get(market.code)!;
          const report = evaluateReadiness(input, seller.country, { code: market.code, version: market.version, document: market.document }, rules, (v) => (v.id ? found.get(v.id) : undefined));
          const gates = gatesOf.get(market.code)!;
          for (const v of report.variants) {
            const issues: Issue[] = [...report.issues, ...v.issues, ...gates];
            const key = `${v.variantId}|${market.code}`;
            seen.add(key);
            const old = before.get(key);
            const status = statusOf(issues);
            if (old && old.status === status && old.marketVersion === market.version && old.ruleSetVersion === ruleSet.version && isDeepStrictEqual(old.issues, JSON.parse(JSON.stringify(issues)))) continue;
            writes.push(Object.assign(new ListingReadinessEntity(), {
              variantId: v.variantId!, market: market.code, productId: product.id, sellerId, status, issues, marketVersion: market.version, ruleSetVersion: ruleSet.version, evaluatedAt: now,
            }));
            if (old?.status !== status) await this.statusChanged(tx, sellerId, product.id, v.variantId!, v.sku, market.code, old?.status, status, issues);
          }
        }
      }
      for (let i = 0; i < writes.length; i += 500) await tx.upsert(ListingReadinessEntity, writes.slice(i, i + 500) as never, ['variantId', 'market']);
      const gone = stored.filter((r) => !seen.has(`${r.variantId}|${r.market}`));
      for (const r of gone) {
        await tx.delete(ListingReadinessEntity, { variantId: r.variantId, market: r.market });
      }
      await this.markLive(tx, sellerId, chosen, now);
      return writes.length + gone.length;
    });
  }

  private async statusChanged(tx: Tx, sellerId: string, productId: string, variantId: string, sku: string, market: string, from: ReadinessStatus | undefined, to: ReadinessStatus, issues: Issue[]) {
    // a new listing that starts BLOCKED changes nothing a buyer could see: no event
    if (!from && !ready(to)) return;
    const blocking = [...new Set(issues.filter((i) => i.severity === 'BLOCKER').map((i) => i.code))];
    await this.outbox.add(tx, ready(to) ? ListingReadyEvent : ListingBlockedEvent, `${variantId}:${market}`, {
      sellerId, productId, variantId, sku, market, from: from ?? null, to, ...(blocking.length ? { blockingCodes: blocking } : {}),
    });
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
