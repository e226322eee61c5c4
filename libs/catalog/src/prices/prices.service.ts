import { Inject, Injectable, Logger } from '@nestjs/common';
import { In } from 'typeorm';
import { AppError, CLOCK, fromMinorUnits, MoneyError, targetDaysBetween, Translator } from '@app/kernel';
import type { Clock, Locale } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import type { Reader, Tx } from '@app/persistence';
import { FxErrorCode, FxService } from '@app/fx';
import type { FxSource } from '@app/fx';
import { MarketsService } from '../markets/markets.service';
import type { PublishedMarket } from '../markets/markets.service';
import { ProductEntity, VariantEntity } from '../products/product.entity';
import { computeMarketPrice, fxInputFromRate, PricingError } from '../pricing/pipeline';
import type { FxInput, MarketPrice, PreviousPrice, PriceIssue, PriceStep } from '../pricing/pipeline';
import { parseRoundingRules } from '../pricing/rounding';
import { formatMinorUnits } from '../pricing/format';
import { MarketPriceEntity, PriceOverrideEntity } from './market-price.entity';

/** Issues of a market price: the pipeline's, and the FX lookups around it. */
export type MarketPriceIssueCode = PriceIssue['code'] | 'PRICE_FX_MISSING' | 'PRICE_FX_RATE_UNAVAILABLE' | 'PRICE_RULE_INVALID';
export interface MarketPriceIssue {
  code: MarketPriceIssueCode;
  severity: 'BLOCKER' | 'WARNING';
  params: Record<string, string>;
}

type FxLookup = { fx: FxInput } | { issue: MarketPriceIssue };

/** Rates of one pricing run, per source and currency pair (one snapshot per source for the run). */
class FxCache {
  private readonly answers = new Map<string, Promise<FxLookup>>();
  constructor(
    private readonly fx: FxService,
    private readonly tx: Reader,
  ) {}

  get(source: FxSource, from: string, to: string): Promise<FxLookup> {
    const key = `${source}:${from}:${to}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.fx.rate({ source, from, to }, this.tx).then(
        (rate): FxLookup => ({ fx: fxInputFromRate(rate) }),
        (e: unknown): FxLookup => {
          if (e instanceof AppError && e.code === FxErrorCode.NO_SNAPSHOT) {
            return { issue: { code: 'PRICE_FX_MISSING', severity: 'BLOCKER', params: { source: source.toUpperCase(), currency: to } } };
          }
          if (e instanceof AppError && e.code === FxErrorCode.RATE_UNAVAILABLE) {
            return { issue: { code: 'PRICE_FX_RATE_UNAVAILABLE', severity: 'BLOCKER', params: { source: source.toUpperCase(), missing: String(e.params.currency ?? from), rateDate: String(e.params.rateDate ?? ''), from, to } } };
          }
          throw e;
        },
      );
      this.answers.set(key, answer);
    }
    return answer;
  }
}

export const ruleVersionOf = (market: PublishedMarket) => `market:${market.code}@${market.version}`;

export class PriceIssueView {
  code: string;
  severity: 'BLOCKER' | 'WARNING';
  params: Record<string, string>;
  message: string;
}

export interface MarketPriceView {
  outcome: string;
  amountMinor: string | null;
  amount: string | null;
  currency: string;
  formatted: string | null;
  source: string;
  breakdown: PriceStep[];
  fxSnapshotId: string | null;
  fxSource: string | null;
  fxPath: string[];
  ruleVersion: string;
  /** When the stored price (the `previous` of this computation) was computed; null: never stored. */
  storedAt: string | null;
  issues: PriceIssueView[];
}

/**
 * Market prices of variants (issue #11 items 6–7): the pure pipeline fed with the variant's price,
 * the market's currency, tax display, price endings and the rate of the market's OWN FX source
 * (never another source's). The stored row of a variant × market is the pipeline's `previous`.
 *
 * Staleness: the market's `fx.maxAgeDays` is counted in TARGET business days, like the FX context's
 * `FX_MAX_AGE_TARGET_DAYS`, so "4" means the same thing in both places.
 */
@Injectable()
export class PricesService {
  private readonly logger = new Logger('Prices');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly markets: MarketsService,
    private readonly fx: FxService,
    private readonly translator: Translator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Rates read in `tx` (the caller's transaction, or the reader). */
  newFxCache(tx: Reader): FxCache {
    return new FxCache(this.fx, tx);
  }

  /** Computes (does not store) the prices of a product's variants in one market. */
  async compute(
    market: PublishedMarket,
    product: Pick<ProductEntity, 'id'>,
    variants: VariantEntity[],
    stored: Map<string, MarketPriceEntity>,
    overrides: Map<string, PriceOverrideEntity>,
    cache: FxCache,
  ): Promise<MarketPriceEntity[]> {
    const doc = market.document;
    const now = this.clock.now();
    const ruleVersion = ruleVersionOf(market);
    const rows: MarketPriceEntity[] = [];
    for (const v of variants) {
      const fixed = overrides.get(v.id);
      const before = stored.get(v.id);
      const base = { variantId: v.id, marketCode: market.code, productId: product.id, currency: doc.currency, ruleVersion, sourceAmountMinor: v.priceMinor, sourceCurrency: v.currency, computedAt: now };
      const blocked = (issue: MarketPriceIssue, source = 'converted'): MarketPriceEntity => ({
        ...base,
        amountMinor: null,
        outcome: 'blocked',
        source,
        breakdown: [],
        issues: [issue],
        fxSnapshotId: null,
        fxSource: null,
        fxPath: [],
        pipelineVersion: 'pricing:1',
      });
      let fx: FxInput | undefined;
      if (!fixed && v.currency !== doc.currency) {
        const lookup = await cache.get(doc.fx.source, v.currency, doc.currency);
        if ('issue' in lookup) {
          rows.push(blocked(lookup.issue));
          continue;
        }
        fx = lookup.fx;
      }
      // Inputs unchanged since the stored price (same snapshot, rule version, seller price, fixed price) and
      // the snapshot still fresh: the stored price stands as computed (a redelivered event changes nothing).
      if (
        before &&
        before.outcome !== 'blocked' &&
        before.currency === doc.currency &&
        before.ruleVersion === ruleVersion &&
        before.sourceAmountMinor === v.priceMinor &&
        before.sourceCurrency === v.currency &&
        (fixed ? before.source === 'fixed' && before.amountMinor === fixed.amountMinor : before.source !== 'fixed') &&
        (before.fxSnapshotId ?? null) === (fx?.snapshotId ?? null) &&
        (!fx || targetDaysBetween(fx.rateDate, now) <= doc.fx.maxAgeDays)
      ) {
        rows.push(before);
        continue;
      }
      let previous: PreviousPrice | undefined;
      if (before && before.amountMinor !== null && before.currency === doc.currency) {
        const fromFixed = before.source === 'fixed';
        previous = {
          amountMinor: BigInt(before.amountMinor),
          currency: before.currency,
          // a price that was fixed, or came from another source currency, is never damped
          sourceAmountMinor: fromFixed || before.sourceCurrency !== v.currency ? -1n : BigInt(before.sourceAmountMinor),
          ruleVersion: fromFixed ? 'fixed' : before.ruleVersion,
        };
      }
      let price: MarketPrice;
      try {
        price = computeMarketPrice({
          source: { amountMinor: BigInt(v.priceMinor), currency: v.currency },
          targetCurrency: doc.currency,
          tax: doc.taxDisplay.mode === 'gross' ? { mode: 'gross', vatRate: doc.taxDisplay.vatRate } : { mode: 'net' },
          fx,
          rounding: doc.priceEndings[doc.currency] ? parseRoundingRules(doc.priceEndings[doc.currency]) : undefined,
          fixedPrice: fixed ? { amountMinor: BigInt(fixed.amountMinor), currency: fixed.currency } : undefined,
          previous,
          fxMaxAgeTargetDays: doc.fx.maxAgeDays,
          now,
          ruleVersion,
        });
      } catch (e) {
        if (!(e instanceof PricingError)) throw e;
        this.logger.warn({ market: market.code, ruleVersion, code: e.code }, `market ${market.code} cannot be priced: ${e.message}`);
        rows.push(blocked({ code: 'PRICE_RULE_INVALID', severity: 'BLOCKER', params: { market: market.code } }, fixed ? 'fixed' : 'converted'));
        continue;
      }
      rows.push({
        ...base,
        amountMinor: price.amountMinor === null ? null : price.amountMinor.toString(),
        outcome: price.outcome,
        source: price.source,
        breakdown: price.breakdown,
        issues: price.issues.map((i) => (fx ? { ...i, params: { source: fx.source.toUpperCase(), ...i.params } } : i)),
        fxSnapshotId: price.fxSnapshotId,
        fxSource: price.fxSnapshotId ? doc.fx.source : null,
        fxPath: price.fxPath,
        pipelineVersion: price.pipelineVersion,
      });
    }
    return rows;
  }

  /** Recomputes and stores a product's prices in the given markets (default: every enabled market). In the caller's transaction. */
  async repriceProduct(tx: Tx, productId: string, marketCodes?: string[], cache: FxCache = this.newFxCache(tx)): Promise<number> {
    const variants = await tx.find(VariantEntity, { where: { productId }, order: { position: 'ASC' } });
    if (!variants.length) return 0;
    const all = await this.markets.list(tx);
    const markets = marketCodes ? all.filter((m) => marketCodes.includes(m.code)) : all.filter((m) => m.status === 'enabled');
    if (!markets.length) return 0;
    const codes = markets.map((m) => m.code);
    const stored = await tx.find(MarketPriceEntity, { where: { productId, marketCode: In(codes) } });
    const overrides = await tx.find(PriceOverrideEntity, { where: { productId, marketCode: In(codes) } });
    const rows: MarketPriceEntity[] = [];
    for (const market of markets) {
      const byVariant = new Map(stored.filter((s) => s.marketCode === market.code).map((s) => [s.variantId, s]));
      const fixed = new Map(overrides.filter((o) => o.marketCode === market.code).map((o) => [o.variantId, o]));
      rows.push(...(await this.compute(market, { id: productId }, variants, byVariant, fixed, cache)));
    }
    await tx.upsert(MarketPriceEntity, rows as never[], ['variantId', 'marketCode']);
    return rows.length;
  }

  /**
   * Re-prices every product that has a stored price in one of the markets, a product per
   * transaction (a failure leaves the others priced; the job is retried and idempotent).
   */
  async repriceMarkets(codes: string[]): Promise<{ products: number; prices: number }> {
    if (!codes.length) return { products: 0, prices: 0 };
    const rows: { product_id: string }[] = await this.uow.reader.query('SELECT DISTINCT product_id FROM catalog_market_prices WHERE market_code = ANY($1) ORDER BY product_id', [codes]);
    const cache = this.newFxCache(this.uow.reader);
    let prices = 0;
    // one pool connection at a time: rates are read (and cached) before each product's transaction
    const markets = (await this.markets.list(this.uow.reader)).filter((m) => codes.includes(m.code));
    for (const m of markets) for (const c of await this.sourceCurrencies(m.code)) if (c !== m.document.currency) await cache.get(m.document.fx.source, c, m.document.currency);
    for (const { product_id } of rows) {
      prices += await this.uow.run(async (tx) => {
        const locked = await tx.findOne(ProductEntity, { where: { id: product_id }, lock: { mode: 'pessimistic_write' } });
        return locked ? this.repriceProduct(tx, product_id, codes, cache) : 0;
      });
    }
    return { products: rows.length, prices };
  }

  private async sourceCurrencies(market: string): Promise<string[]> {
    const rows: { currency: string }[] = await this.uow.reader.query('SELECT DISTINCT source_currency AS currency FROM catalog_market_prices WHERE market_code = $1', [market]);
    return rows.map((r) => r.currency);
  }

  /** Markets that convert with rates of this FX source. */
  async marketsUsingSource(source: string): Promise<string[]> {
    return (await this.markets.list(this.uow.reader)).filter((m) => m.document.fx.source === source).map((m) => m.code);
  }

  /** The prices of a product in a market as a listing shows them: computed now, the stored price as `previous`. */
  async forListing(tx: Reader, market: PublishedMarket, productId: string, variants: VariantEntity[], locale: Locale, displayLocale: string): Promise<Map<string, MarketPriceView>> {
    const stored = new Map((await tx.find(MarketPriceEntity, { where: { productId, marketCode: market.code } })).map((s) => [s.variantId, s]));
    const overrides = new Map((await tx.find(PriceOverrideEntity, { where: { productId, marketCode: market.code } })).map((o) => [o.variantId, o]));
    const rows = await this.compute(market, { id: productId }, variants, stored, overrides, this.newFxCache(tx));
    return new Map(rows.map((r) => [r.variantId, this.view(r, stored.get(r.variantId) ?? null, locale, displayLocale)]));
  }

  view(row: MarketPriceEntity, stored: MarketPriceEntity | null, locale: Locale, displayLocale: string): MarketPriceView {
    let formatted: string | null = null;
    if (row.amountMinor !== null) {
      try {
        formatted = formatMinorUnits(row.amountMinor, row.currency, displayLocale);
      } catch (e) {
        if (!(e instanceof MoneyError)) throw e;
      }
    }
    return {
      outcome: row.outcome,
      amountMinor: row.amountMinor,
      amount: row.amountMinor === null ? null : fromMinorUnits(row.amountMinor, row.currency),
      currency: row.currency,
      formatted,
      source: row.source,
      breakdown: row.breakdown as PriceStep[],
      fxSnapshotId: row.fxSnapshotId,
      fxSource: row.fxSource,
      fxPath: row.fxPath,
      ruleVersion: row.ruleVersion,
      storedAt: stored ? stored.computedAt.toISOString() : null,
      issues: (row.issues as MarketPriceIssue[]).map((i) => ({ ...i, message: this.translator.t(locale, `catalog.price.${i.code}`, i.params) })),
    };
  }
}
