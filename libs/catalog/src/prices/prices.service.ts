import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError, CLOCK, fromMinorUnits, MoneyError, targetDaysBetween, Translator } from '@app/kernel';
import type { Clock, Locale } from '@app/kernel';
import { COPY_NULL, copyInto, copyText, UnitOfWork } from '@app/persistence';
import type { Reader, Tx } from '@app/persistence';
import { FxErrorCode, FxService } from '@app/fx';
import type { FxSource } from '@app/fx';
import { MarketsService } from '../markets/markets.service';
import type { PublishedMarket } from '../markets/markets.service';
import { ProductEntity, VariantEntity } from '../products/product.entity';
import { computeMarketPrice, fxInputFromRate, PricingError } from '../pricing/pipeline';
import type { FxInput, MarketPrice, PreviousPrice, PriceIssue, PriceStep, TaxDisplay } from '../pricing/pipeline';
import { parseRoundingRules } from '../pricing/rounding';
import { formatMinorUnits } from '../pricing/format';
import { compareAtFor, isOmnibusMarket, OMNIBUS_DAYS } from '../pricing/omnibus';
import type { CompareAt, PricePoint } from '../pricing/omnibus';
import { PriceOverrideEntity } from './market-price.entity';
import type { MarketPriceRow } from './market-price.entity';
import { freezeShape, joinBreakdown, splitBreakdown } from './breakdown';
import type { BreakdownShape } from './breakdown';
import { fxState, priceFinding } from './price-readiness';
import type { FxState, PriceFinding, PriceMarket } from './price-readiness';

/** Issues of a market price: the pipeline's, and the FX lookups around it. */
export type MarketPriceIssueCode = PriceIssue['code'] | 'PRICE_FX_MISSING' | 'PRICE_FX_RATE_UNAVAILABLE' | 'PRICE_RULE_INVALID' | 'OMNIBUS_PRIOR_PRICE';
export interface MarketPriceIssue {
  code: MarketPriceIssueCode;
  severity: 'BLOCKER' | 'WARNING';
  params: Record<string, string>;
}

export type FxLookup = { fx: FxInput } | { issue: MarketPriceIssue };

/** What pricing needs of a variant. */
export interface PricedVariant {
  id: string;
  productId: string;
  /** Integer minor units of `currency`, as a string. */
  priceMinor: string;
  currency: string;
  /** The seller's floor in minor units of `currency` (null: none). */
  floorMinor?: string | null;
}

/** The floor a stored price was checked against (its breakdown's floor_guard step), as a decimal string; null: none. */
const storedFloor = (row: MarketPriceRow): string | null => {
  const step = (row.breakdown as PriceStep[]).find((s) => s.step === 'floor_guard');
  return step?.detail?.floor ?? null;
};

/** Rows per chunk of COPY data. */
const COPY_CHUNK = 1000;
/** Stored breakdown shapes kept in memory (immutable: a cache entry never goes stale). */
const MAX_SHAPES = 10_000;
/** Products per transaction when a market is re-priced. */
const REPRICE_CHUNK = 500;

interface StoredPriceRow {
  variant_id: string;
  market_code: string;
  product_id: string;
  amount_minor: string | null;
  currency: string;
  outcome: string;
  source: string;
  breakdown_id: string | null;
  breakdown_values: string[];
  breakdown_details: (Record<string, string> | null)[] | null;
  issues: unknown[];
  fx_snapshot_id: string | null;
  fx_source: string | null;
  fx_path: string[];
  rule_version: string;
  pipeline_version: string;
  source_amount_minor: string;
  source_currency: string;
  computed_at: Date;
}

/** A price to store, with the stored row it replaces (none: new). */
export interface PriceChange {
  row: MarketPriceRow;
  before: MarketPriceRow | undefined;
}

/** The stored columns of a market price, in COPY order. */
const STAGE_COLUMNS =
  'variant_id, market_code, product_id, amount_minor, currency, outcome, source, breakdown_id, breakdown_values, breakdown_details, issues, fx_snapshot_id, fx_source, fx_path, rule_version, pipeline_version, source_amount_minor, source_currency, computed_at';
/**
 * The session's staging table for `store`: the price table's columns and types (no indexes), and whether
 * the row goes to the price history too; emptied at every commit.
 */
const STAGE_TABLE = 'CREATE TEMP TABLE IF NOT EXISTS catalog_market_prices_stage (LIKE catalog_market_prices, history boolean NOT NULL) ON COMMIT DELETE ROWS';

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
/** A text[] literal (decimal strings go bare, anything else quoted). */
const textArray = (values: readonly string[]): string => `{${values.map((v) => (DECIMAL.test(v) ? v : `"${v.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
const nullable = (v: string | null): string => (v === null ? COPY_NULL : copyText(v));

/** COPY text-format lines of `rows`, COPY_CHUNK rows a chunk, collecting their breakdown shapes into `shapes`. */
function* copyLines(changes: readonly PriceChange[], shapes: Map<string, BreakdownShape>): Generator<string> {
  let lastDate: Date | undefined;
  let lastIso = '';
  for (let i = 0; i < changes.length; i += COPY_CHUNK) {
    let chunk = '';
    for (let j = i; j < Math.min(i + COPY_CHUNK, changes.length); j++) {
      const { row: r, before } = changes[j];
      // a price whose amount changed (or is new) is appended to the history: the Omnibus lowest-30-day price
      const history = r.amountMinor !== null && (!before || before.amountMinor !== r.amountMinor || before.currency !== r.currency);
      const b = splitBreakdown(r.breakdown as PriceStep[], shapes);
      if (r.computedAt !== lastDate) {
        lastDate = r.computedAt;
        lastIso = r.computedAt.toISOString();
      }
      chunk +=
        `${r.variantId}\t${copyText(r.marketCode)}\t${r.productId}\t${r.amountMinor ?? COPY_NULL}\t${copyText(r.currency)}\t${copyText(r.outcome)}\t${copyText(r.source)}\t` +
        `${b.shapeId ?? COPY_NULL}\t${copyText(textArray(b.values))}\t${b.details ? copyText(JSON.stringify(b.details)) : COPY_NULL}\t${r.issues.length ? copyText(JSON.stringify(r.issues)) : '[]'}\t` +
        `${r.fxSnapshotId ?? COPY_NULL}\t${nullable(r.fxSource)}\t${copyText(JSON.stringify(r.fxPath))}\t${copyText(r.ruleVersion)}\t${copyText(r.pipelineVersion)}\t` +
        `${r.sourceAmountMinor}\t${copyText(r.sourceCurrency)}\t${lastIso}\t${history ? 't' : 'f'}\n`;
    }
    yield chunk;
  }
}

/** Rates of one pricing run, per source and currency pair (one snapshot per source for the run). */
export class FxCache {
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
  /** A sale's prior price (a fixed price with a compare-at); null: no reduction is shown. */
  compareAt: { amountMinor: string; amount: string; formatted: string | null; source: 'seller' | 'lowest_30d'; declared: string } | null;
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
  /** Breakdown shapes read so far, by id. */
  private readonly shapeCache = new Map<string, readonly PriceStep[]>();
  /** Transactions whose stage has had rows. */
  private readonly staged = new WeakSet<Tx>();

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
    stored: Map<string, MarketPriceRow>,
    overrides: Map<string, PriceOverrideEntity>,
    cache: FxCache,
  ): Promise<MarketPriceRow[]> {
    const items = variants.map((v) => ({ id: v.id, productId: product.id, priceMinor: v.priceMinor, currency: v.currency }));
    return this.computeMany(market, items, stored, overrides, await this.ratesFor(market, items, overrides, cache));
  }

  /** One FX lookup per source currency of `variants` that needs one (not fixed, not the market's own currency). */
  async ratesFor(market: PublishedMarket, variants: readonly PricedVariant[], overrides: Map<string, PriceOverrideEntity>, cache: FxCache): Promise<Map<string, FxLookup>> {
    const doc = market.document;
    const currencies = new Set<string>();
    // a fixed price needs no rate, except to check it against the variant's floor
    for (const v of variants) if (v.currency !== doc.currency && (!overrides.has(v.id) || v.floorMinor)) currencies.add(v.currency);
    const out = new Map<string, FxLookup>();
    for (const c of currencies) out.set(c, await cache.get(doc.fx.source, c, doc.currency));
    return out;
  }

  /**
   * The prices of many variants (of any products) in one market, with the market's rules prepared
   * once and the FX rates looked up beforehand (`ratesFor`). Pure apart from the clock: no I/O.
   * A variant whose inputs are unchanged since its stored price gets the stored row itself (same
   * object), so callers can skip writing it.
   */
  computeMany(market: PublishedMarket, variants: readonly PricedVariant[], stored: Map<string, MarketPriceRow>, overrides: Map<string, PriceOverrideEntity>, rates: Map<string, FxLookup>): MarketPriceRow[] {
    const doc = market.document;
    const now = this.clock.now();
    const ruleVersion = ruleVersionOf(market);
    const tax: TaxDisplay = doc.taxDisplay.mode === 'gross' ? { mode: 'gross', vatRate: doc.taxDisplay.vatRate } : { mode: 'net' };
    const endings = doc.priceEndings[doc.currency];
    const rounding = endings ? parseRoundingRules(endings) : undefined;
    const fresh = new Map<string, boolean>();
    const isFresh = (fx: FxInput) => {
      let f = fresh.get(fx.rateDate);
      if (f === undefined) fresh.set(fx.rateDate, (f = targetDaysBetween(fx.rateDate, now) <= doc.fx.maxAgeDays));
      return f;
    };
    const rows: MarketPriceRow[] = [];
    let ruleInvalid = false;
    for (const v of variants) {
      const fixed = overrides.get(v.id);
      const before = stored.get(v.id);
      // rows are built field by field (an object spread per row costs more than the pipeline here)
      const row = (r: Pick<MarketPriceRow, 'amountMinor' | 'outcome' | 'source' | 'breakdown' | 'issues' | 'fxSnapshotId' | 'fxSource' | 'fxPath' | 'pipelineVersion'>): MarketPriceRow => ({
        variantId: v.id,
        marketCode: market.code,
        productId: v.productId,
        amountMinor: r.amountMinor,
        currency: doc.currency,
        outcome: r.outcome,
        source: r.source,
        breakdown: r.breakdown,
        issues: r.issues,
        fxSnapshotId: r.fxSnapshotId,
        fxSource: r.fxSource,
        fxPath: r.fxPath,
        ruleVersion,
        pipelineVersion: r.pipelineVersion,
        sourceAmountMinor: v.priceMinor,
        sourceCurrency: v.currency,
        computedAt: now,
      });
      const blocked = (issue: MarketPriceIssue, source = 'converted'): MarketPriceRow =>
        row({ amountMinor: null, outcome: 'blocked', source, breakdown: [], issues: [issue], fxSnapshotId: null, fxSource: null, fxPath: [], pipelineVersion: 'pricing:1' });
      let fx: FxInput | undefined;
      if (v.currency !== doc.currency && (!fixed || v.floorMinor)) {
        const lookup = rates.get(v.currency);
        if (!lookup) throw new Error(`no FX lookup for ${v.currency}→${doc.currency} (call ratesFor first)`);
        if ('issue' in lookup) {
          // a fixed price stands without a rate (its floor is then checked when a rate is there)
          if (!fixed) {
            rows.push(blocked(lookup.issue));
            continue;
          }
        } else fx = lookup.fx;
      }
      const floor = v.floorMinor ? fromMinorUnits(v.floorMinor, v.currency) : null;
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
        (before.fxSnapshotId ?? null) === (fixed ? null : (fx?.snapshotId ?? null)) &&
        (fixed || !fx || isFresh(fx)) &&
        storedFloor(before) === floor
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
          tax,
          fx,
          rounding,
          fixedPrice: fixed ? { amountMinor: BigInt(fixed.amountMinor), currency: fixed.currency } : undefined,
          floorMinor: v.floorMinor ? BigInt(v.floorMinor) : undefined,
          previous,
          fxMaxAgeTargetDays: doc.fx.maxAgeDays,
          now,
          ruleVersion,
        });
      } catch (e) {
        if (!(e instanceof PricingError)) throw e;
        if (!ruleInvalid) this.logger.warn({ market: market.code, ruleVersion, code: e.code }, `market ${market.code} cannot be priced: ${e.message}`);
        ruleInvalid = true;
        rows.push(blocked({ code: 'PRICE_RULE_INVALID', severity: 'BLOCKER', params: { market: market.code } }, fixed ? 'fixed' : 'converted'));
        continue;
      }
      rows.push(
        row({
          amountMinor: price.amountMinor === null ? null : price.amountMinor.toString(),
          outcome: price.outcome,
          source: price.source,
          breakdown: price.breakdown,
          issues: price.issues.length ? price.issues.map((i) => (fx ? { ...i, params: { source: fx.source.toUpperCase(), ...i.params } } : i)) : [],
          fxSnapshotId: price.fxSnapshotId,
          fxSource: price.fxSnapshotId ? doc.fx.source : null,
          fxPath: price.fxPath,
          pipelineVersion: price.pipelineVersion,
        }),
      );
    }
    return rows;
  }

  /**
   * Listing readiness of many variants' prices in markets: per market, the finding of each variant
   * whose price cannot be shown as is (see `priceFinding`; a variant without one can be priced). No
   * pipeline run: one FX lookup per market × source currency, then ONE read of the stored prices that
   * matter (blocked ones, and in a market with a stale rate the published ones a frozen price keeps)
   * and, only where a rate is missing or stale, one of the fixed prices.
   */
  async readinessFindings(
    tx: Reader,
    variants: readonly { id: string; productId: string; currency: string }[],
    markets: readonly PublishedMarket[],
    cache: FxCache = this.newFxCache(tx),
  ): Promise<Map<string, Map<string, PriceFinding>>> {
    const out = new Map<string, Map<string, PriceFinding>>(markets.map((m) => [m.code, new Map()]));
    if (!variants.length || !markets.length) return out;
    const now = this.clock.now();
    const currencies = [...new Set(variants.map((v) => v.currency))];
    const fx = new Map<string, Map<string, FxState>>();
    const stale: string[] = [];
    const troubled: string[] = [];
    for (const m of markets) {
      const states = new Map<string, FxState>();
      for (const c of currencies) if (c !== m.document.currency) states.set(c, fxState(await cache.get(m.document.fx.source, c, m.document.currency), m.document.fx.maxAgeDays, now));
      fx.set(m.code, states);
      const kinds = new Set([...states.values()].map((s) => s.state));
      if (kinds.has('stale')) stale.push(m.code);
      if (kinds.has('stale') || kinds.has('missing')) troubled.push(m.code);
    }
    const productIds = [...new Set(variants.map((v) => v.productId))];
    const codes = markets.map((m) => m.code);
    const records: { variant_id: string; market_code: string; amount_minor: string | null; currency: string; outcome: string; issues: unknown[] }[] = await tx.query(
      `SELECT variant_id, market_code, amount_minor::text AS amount_minor, currency, outcome, issues FROM catalog_market_prices
        WHERE product_id = ANY($1::uuid[]) AND market_code = ANY($2::text[]) AND (outcome = 'blocked' OR market_code = ANY($3::text[]))`,
      [productIds, codes, stale],
    );
    const recordOf = new Map(records.map((r) => [`${r.variant_id}|${r.market_code}`, { amountMinor: r.amount_minor, currency: r.currency, outcome: r.outcome, issues: r.issues }]));
    const fixed = new Set<string>();
    if (troubled.length) {
      const rows: { variant_id: string; market_code: string }[] = await tx.query(
        'SELECT variant_id, market_code FROM catalog_price_overrides WHERE product_id = ANY($1::uuid[]) AND market_code = ANY($2::text[])',
        [productIds, troubled],
      );
      for (const r of rows) fixed.add(`${r.variant_id}|${r.market_code}`);
    }
    for (const m of markets) {
      const market: PriceMarket = { code: m.code, currency: m.document.currency, fxSource: m.document.fx.source };
      const states = fx.get(m.code)!;
      const found = out.get(m.code)!;
      for (const v of variants) {
        const key = `${v.id}|${m.code}`;
        const f = priceFinding({ currency: v.currency, fixed: fixed.has(key) }, market, states.get(v.currency), recordOf.get(key));
        if (f) found.set(v.id, f);
      }
    }
    return out;
  }

  /**
   * `readinessFindings` for variants that are not saved (a readiness dry run): their prices computed
   * now as a new listing would get them (no stored price, no fixed price), by `variants[i].id`.
   */
  async draftFindings(market: PublishedMarket, variants: readonly PricedVariant[], cache: FxCache): Promise<Map<string, PriceFinding>> {
    const none = new Map<string, PriceOverrideEntity>();
    const rates = await this.ratesFor(market, variants, none, cache);
    const rows = this.computeMany(market, variants, new Map(), none, rates);
    const now = this.clock.now();
    const target: PriceMarket = { code: market.code, currency: market.document.currency, fxSource: market.document.fx.source };
    const out = new Map<string, PriceFinding>();
    variants.forEach((v, i) => {
      const lookup = rates.get(v.currency);
      const f = priceFinding({ currency: v.currency, fixed: false }, target, lookup ? fxState(lookup, market.document.fx.maxAgeDays, now) : undefined, rows[i]);
      if (f) out.set(v.id, f);
    });
    return out;
  }

  /** Recomputes and stores a product's prices in the given markets (default: every enabled market). In the caller's transaction. */
  async repriceProduct(tx: Tx, productId: string, marketCodes?: string[], cache: FxCache = this.newFxCache(tx)): Promise<number> {
    return this.repriceProducts(tx, [productId], marketCodes, cache);
  }

  /**
   * Recomputes and stores the prices of many products' variants in the given markets (default: every
   * enabled market), in the caller's transaction: three reads for all of them (variants, stored
   * prices, overrides), one FX lookup per market × source currency, and multi-row upserts of the
   * prices that changed. Returns the number of variant × market prices computed.
   */
  async repriceProducts(tx: Tx, productIds: readonly string[], marketCodes?: string[], cache: FxCache = this.newFxCache(tx)): Promise<number> {
    if (!productIds.length) return 0;
    const ids = [...new Set(productIds)];
    const variants: PricedVariant[] = (
      await tx.query('SELECT id, product_id, price_minor::text AS price_minor, currency, floor_minor::text AS floor_minor FROM catalog_variants WHERE product_id = ANY($1::uuid[]) ORDER BY product_id, position', [ids])
    ).map((r: { id: string; product_id: string; price_minor: string; currency: string; floor_minor: string | null }) => ({ id: r.id, productId: r.product_id, priceMinor: r.price_minor, currency: r.currency, floorMinor: r.floor_minor }));
    if (!variants.length) return 0;
    const all = await this.markets.list(tx);
    const markets = marketCodes ? all.filter((m) => marketCodes.includes(m.code)) : all.filter((m) => m.status === 'enabled');
    if (!markets.length) return 0;
    const codes = markets.map((m) => m.code);
    const stored = await this.storedPrices(tx, ids, codes);
    const overrides = await this.overridesOf(tx, ids, codes);
    const changed: PriceChange[] = [];
    let computed = 0;
    for (const market of markets) {
      const byVariant = stored.get(market.code) ?? new Map<string, MarketPriceRow>();
      const fixed = overrides.get(market.code) ?? new Map<string, PriceOverrideEntity>();
      const rows = this.computeMany(market, variants, byVariant, fixed, await this.ratesFor(market, variants, fixed, cache));
      computed += rows.length;
      // a row returned as stored is unchanged: nothing to write
      for (const r of rows) {
        const before = byVariant.get(r.variantId);
        if (before !== r) changed.push({ row: r, before });
      }
    }
    await this.store(tx, changed);
    return computed;
  }

  /** Stored prices of products in markets, by market and variant (one query, raw rows: no entity hydration). */
  async storedPrices(tx: Reader, productIds: readonly string[], codes: readonly string[]): Promise<Map<string, Map<string, MarketPriceRow>>> {
    const rows: StoredPriceRow[] = await tx.query(
      `SELECT variant_id, market_code, product_id, amount_minor::text AS amount_minor, currency, outcome, source, breakdown_id, breakdown_values, breakdown_details, issues, fx_snapshot_id, fx_source, fx_path,
              rule_version, pipeline_version, source_amount_minor::text AS source_amount_minor, source_currency, computed_at
         FROM catalog_market_prices WHERE product_id = ANY($1::uuid[]) AND market_code = ANY($2::text[])`,
      [productIds, codes],
    );
    const shapes = await this.shapes(tx, rows);
    const out = new Map<string, Map<string, MarketPriceRow>>();
    for (const r of rows) {
      let m = out.get(r.market_code);
      if (!m) out.set(r.market_code, (m = new Map()));
      m.set(r.variant_id, {
        variantId: r.variant_id,
        marketCode: r.market_code,
        productId: r.product_id,
        amountMinor: r.amount_minor,
        currency: r.currency,
        outcome: r.outcome,
        source: r.source,
        breakdown: joinBreakdown(r.breakdown_id === null ? null : shapes.get(r.breakdown_id)!, r.breakdown_values, r.breakdown_details),
        issues: r.issues,
        fxSnapshotId: r.fx_snapshot_id,
        fxSource: r.fx_source,
        fxPath: r.fx_path,
        ruleVersion: r.rule_version,
        pipelineVersion: r.pipeline_version,
        sourceAmountMinor: r.source_amount_minor,
        sourceCurrency: r.source_currency,
        computedAt: r.computed_at,
      });
    }
    return out;
  }

  /** Fixed prices of products in markets, by market and variant (one query). */
  async overridesOf(tx: Reader, productIds: readonly string[], codes: readonly string[]): Promise<Map<string, Map<string, PriceOverrideEntity>>> {
    const rows: { variant_id: string; market_code: string; product_id: string; amount_minor: string; currency: string; compare_at_minor: string | null; set_at: Date }[] = await tx.query(
      'SELECT variant_id, market_code, product_id, amount_minor::text AS amount_minor, currency, compare_at_minor::text AS compare_at_minor, set_at FROM catalog_price_overrides WHERE product_id = ANY($1::uuid[]) AND market_code = ANY($2::text[])',
      [productIds, codes],
    );
    const out = new Map<string, Map<string, PriceOverrideEntity>>();
    for (const r of rows) {
      let m = out.get(r.market_code);
      if (!m) out.set(r.market_code, (m = new Map()));
      m.set(r.variant_id, { variantId: r.variant_id, marketCode: r.market_code, productId: r.product_id, amountMinor: r.amount_minor, currency: r.currency, compareAtMinor: r.compare_at_minor, setAt: r.set_at });
    }
    return out;
  }

  /** The breakdown shapes of stored rows, by id: from memory, the ones not met yet in one query. */
  private async shapes(tx: Reader, rows: readonly { breakdown_id: string | null }[]): Promise<Map<string, readonly PriceStep[]>> {
    const out = new Map<string, readonly PriceStep[]>();
    const missing = new Set<string>();
    for (const r of rows) {
      if (r.breakdown_id === null || out.has(r.breakdown_id)) continue;
      const known = this.shapeCache.get(r.breakdown_id);
      if (known) out.set(r.breakdown_id, known);
      else missing.add(r.breakdown_id);
    }
    if (missing.size) {
      const found: { id: string; steps: PriceStep[] }[] = await tx.query('SELECT id, steps FROM catalog_price_breakdowns WHERE id = ANY($1::uuid[])', [[...missing]]);
      if (found.length !== missing.size) throw new Error(`stored prices refer to ${missing.size - found.length} missing breakdown shape(s)`);
      if (this.shapeCache.size + found.length > MAX_SHAPES) this.shapeCache.clear();
      for (const f of found) {
        const shape = freezeShape(f.steps);
        this.shapeCache.set(f.id, shape);
        out.set(f.id, shape);
      }
    }
    return out;
  }

  /**
   * Stores computed prices: the rows are COPYed into a session temp table (`ON COMMIT DELETE ROWS`),
   * then ONE statement writes the breakdown shapes they use (`catalog_price_breakdowns`, by content,
   * existing ones kept), appends the prices whose amount changed from `before` (or are new) to
   * `catalog_price_history` (the Omnibus lowest-30-day price) and upserts `catalog_market_prices`.
   * `before` is the stored row read in this transaction after the product was locked (every caller
   * locks it), so it is the row the upsert replaces. Measured on 500,000 prices: binding the rows as a
   * JSON parameter (`jsonb_to_recordset`) cost PostgreSQL more than writing them, and comparing with
   * the stored rows in SQL (a join the planner, without statistics on the stage, got wrong) about as much.
   */
  async store(tx: Tx, changes: readonly PriceChange[]): Promise<void> {
    if (!changes.length) return;
    // the stage is empty at the start of every transaction; a second store in the same one empties it first
    await tx.query(this.staged.has(tx) ? `${STAGE_TABLE}; TRUNCATE catalog_market_prices_stage` : STAGE_TABLE);
    this.staged.add(tx);
    const shapes = new Map<string, BreakdownShape>();
    await copyInto(tx, `COPY catalog_market_prices_stage (${STAGE_COLUMNS}, history) FROM STDIN`, copyLines(changes, shapes));
    await tx.query(
      `WITH shapes AS (
         INSERT INTO catalog_price_breakdowns (id, steps)
         SELECT id, steps FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, steps jsonb) ORDER BY id
         ON CONFLICT (id) DO NOTHING
       ), history AS (
         INSERT INTO catalog_price_history (variant_id, market_code, effective_from, amount_minor, currency)
         SELECT variant_id, market_code, computed_at, amount_minor, currency FROM catalog_market_prices_stage WHERE history
         ON CONFLICT DO NOTHING
       )
       INSERT INTO catalog_market_prices (${STAGE_COLUMNS})
       SELECT ${STAGE_COLUMNS} FROM catalog_market_prices_stage
       ON CONFLICT (variant_id, market_code) DO UPDATE SET
         product_id = EXCLUDED.product_id, amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency, outcome = EXCLUDED.outcome, source = EXCLUDED.source,
         breakdown_id = EXCLUDED.breakdown_id, breakdown_values = EXCLUDED.breakdown_values, breakdown_details = EXCLUDED.breakdown_details, issues = EXCLUDED.issues,
         fx_snapshot_id = EXCLUDED.fx_snapshot_id, fx_source = EXCLUDED.fx_source, fx_path = EXCLUDED.fx_path, rule_version = EXCLUDED.rule_version,
         pipeline_version = EXCLUDED.pipeline_version, source_amount_minor = EXCLUDED.source_amount_minor, source_currency = EXCLUDED.source_currency,
         computed_at = EXCLUDED.computed_at`,
      [`[${[...shapes.values()].map((sh) => `{"id":"${sh.id}","steps":${sh.json}}`).join(',')}]`],
    );
  }

  /**
   * Re-prices every product that has a stored price in one of the markets, REPRICE_CHUNK products
   * per transaction (their rows locked, in id order), so a failure leaves the earlier chunks priced;
   * the job is retried and idempotent. One FX lookup per market × source currency for the whole run.
   */
  async repriceMarkets(codes: string[], chunk = REPRICE_CHUNK): Promise<{ products: number; prices: number }> {
    if (!codes.length) return { products: 0, prices: 0 };
    const cache = this.newFxCache(this.uow.reader);
    // rates are read (and cached) before the transactions: one pool connection at a time
    const markets = (await this.markets.list(this.uow.reader)).filter((m) => codes.includes(m.code));
    for (const m of markets) for (const c of await this.sourceCurrencies(m.code)) if (c !== m.document.currency) await cache.get(m.document.fx.source, c, m.document.currency);
    let products = 0;
    let prices = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { product_id: string }[] = await this.uow.reader.query(
        'SELECT DISTINCT product_id FROM catalog_market_prices WHERE market_code = ANY($1::text[]) AND product_id > $2 ORDER BY product_id LIMIT $3',
        [codes, after, chunk],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].product_id;
      const ids = rows.map((r) => r.product_id);
      prices += await this.uow.run(async (tx) => {
        const locked: { id: string }[] = await tx.query('SELECT id FROM catalog_products WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
        return this.repriceProducts(tx, locked.map((l) => l.id), codes, cache);
      });
      products += rows.length;
      if (rows.length < chunk) break;
    }
    return { products, prices };
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
    return this.forListings(tx, market, variants.map((v) => ({ id: v.id, productId, priceMinor: v.priceMinor, currency: v.currency, floorMinor: v.floorMinor })), locale, displayLocale);
  }

  /** `forListing` for the variants of many products at once: two reads, one FX lookup per source currency. */
  async forListings(tx: Reader, market: PublishedMarket, variants: readonly PricedVariant[], locale: Locale, displayLocale: string, cache: FxCache = this.newFxCache(tx)): Promise<Map<string, MarketPriceView>> {
    const productIds = [...new Set(variants.map((v) => v.productId))];
    const stored = (await this.storedPrices(tx, productIds, [market.code])).get(market.code) ?? new Map<string, MarketPriceRow>();
    const overrides = (await this.overridesOf(tx, productIds, [market.code])).get(market.code) ?? new Map<string, PriceOverrideEntity>();
    const rows = this.computeMany(market, variants, stored, overrides, await this.ratesFor(market, variants, overrides, cache));
    const sales = await this.compareAts(tx, market, rows, overrides);
    return new Map(rows.map((r) => [r.variantId, this.view(r, stored.get(r.variantId) ?? null, locale, displayLocale, sales.get(r.variantId))]));
  }

  /**
   * The prior price of every sale among `rows` (a fixed price with a compare-at): in an EU market the
   * lowest price of the 30 days before the sale started (one history read for all of them).
   */
  private async compareAts(tx: Reader, market: PublishedMarket, rows: readonly MarketPriceRow[], overrides: Map<string, PriceOverrideEntity>): Promise<Map<string, CompareAt>> {
    const sales = rows.filter((r) => r.source === 'fixed' && r.amountMinor !== null && overrides.get(r.variantId)?.compareAtMinor);
    const out = new Map<string, CompareAt>();
    if (!sales.length) return out;
    const omnibus = isOmnibusMarket(market.document.countries);
    const history = new Map<string, PricePoint[]>();
    if (omnibus) {
      const points: { variant_id: string; amount_minor: string; currency: string; effective_from: Date }[] = await tx.query(
        'SELECT variant_id, amount_minor::text AS amount_minor, currency, effective_from FROM catalog_price_history WHERE variant_id = ANY($1::uuid[]) AND market_code = $2 ORDER BY effective_from',
        [sales.map((r) => r.variantId), market.code],
      );
      for (const p of points) {
        if (p.currency !== market.document.currency) continue;
        const list = history.get(p.variant_id) ?? [];
        list.push({ amountMinor: BigInt(p.amount_minor), effectiveFrom: p.effective_from });
        history.set(p.variant_id, list);
      }
    }
    for (const r of sales) {
      const o = overrides.get(r.variantId)!;
      out.set(r.variantId, compareAtFor({ salePriceMinor: BigInt(r.amountMinor!), declaredMinor: BigInt(o.compareAtMinor!), history: history.get(r.variantId) ?? [], saleStartedAt: o.setAt, omnibus }));
    }
    return out;
  }

  view(row: MarketPriceRow, stored: MarketPriceRow | null, locale: Locale, displayLocale: string, sale?: CompareAt): MarketPriceView {
    const format = (minor: string | null): string | null => {
      if (minor === null) return null;
      try {
        return formatMinorUnits(minor, row.currency, displayLocale);
      } catch (e) {
        if (!(e instanceof MoneyError)) throw e;
        return null;
      }
    };
    const formatted = format(row.amountMinor);
    const issues = [...(row.issues as MarketPriceIssue[])];
    let compareAt: MarketPriceView['compareAt'] = null;
    if (sale) {
      if (sale.amountMinor !== null && sale.source) {
        const minor = sale.amountMinor.toString();
        compareAt = { amountMinor: minor, amount: fromMinorUnits(minor, row.currency), formatted: format(minor), source: sale.source, declared: fromMinorUnits(sale.declaredMinor, row.currency) };
      }
      if (sale.reason) {
        const params: Record<string, string> = { reason: sale.reason, declared: fromMinorUnits(sale.declaredMinor, row.currency), currency: row.currency, days: String(OMNIBUS_DAYS) };
        if (sale.lowest30dMinor !== null) params.lowest = fromMinorUnits(sale.lowest30dMinor, row.currency);
        issues.push({ code: 'OMNIBUS_PRIOR_PRICE', severity: 'WARNING', params });
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
      compareAt,
      issues: issues.map((i) => ({ ...i, message: this.translator.t(locale, `catalog.price.${i.code}`, i.params) })),
    };
  }
}
