import { targetDaysBetween } from '@app/kernel';

/**
 * What listing readiness needs to know of a variant's price in a market: whether the price pipeline
 * can show one, decided the way `PricesService.computeMany` decides it (pure; no pipeline run):
 *
 * - a variant priced in the market's currency, or with a fixed price there, needs no rate;
 * - otherwise the market's OWN FX source must quote the pair: no snapshot of that source, or a latest
 *   snapshot without the currency, leaves no price (`PRICE_UNAVAILABLE`, BLOCKER);
 * - a snapshot older than the market's `fx.maxAgeDays` (TARGET days) blocks a new price and freezes a
 *   published one (`PRICE_FX_STALE`: BLOCKER without an earlier price in the market's currency,
 *   WARNING when the earlier price is still shown) — scenario 12;
 * - with a usable rate, the stored price's guards still apply: a price below the seller's floor, not
 *   above zero, a fixed price finer than the currency's display digits, or market price endings that
 *   cannot be applied (`PRICE_BLOCKED`, BLOCKER, the pricing code as `reason`).
 */
export type PriceFindingCode = 'PRICE_UNAVAILABLE' | 'PRICE_FX_STALE' | 'PRICE_BLOCKED';

export interface PriceFinding {
  code: PriceFindingCode;
  severity: 'BLOCKER' | 'WARNING';
  fields: string[];
  params: Record<string, string | number>;
  /** The market setting it follows from: `fx` (its FX source and maximum age) or `prices` (its price rules and the seller's guards). */
  rule: 'fx' | 'prices';
}

/** The rate a market converts one source currency with, as readiness needs it. */
export type FxState =
  | { state: 'fresh' }
  | { state: 'stale'; rateDate: string; ageTargetDays: number; maxAgeTargetDays: number }
  | { state: 'missing'; cause: 'PRICE_FX_MISSING' | 'PRICE_FX_RATE_UNAVAILABLE' };

/** The FX answer of a pricing run (`FxCache.get`: a rate or the issue why there is none) as readiness reads it; stale as the pipeline counts it (TARGET days after the rate date). */
export function fxState(lookup: { fx: { rateDate: string } } | { issue: { code: string } }, maxAgeTargetDays: number, now: Date): FxState {
  if ('issue' in lookup) return { state: 'missing', cause: lookup.issue.code === 'PRICE_FX_MISSING' ? 'PRICE_FX_MISSING' : 'PRICE_FX_RATE_UNAVAILABLE' };
  const age = targetDaysBetween(lookup.fx.rateDate, now);
  return age > maxAgeTargetDays ? { state: 'stale', rateDate: lookup.fx.rateDate, ageTargetDays: age, maxAgeTargetDays } : { state: 'fresh' };
}

/** What readiness reads of a stored (or, for a draft, just computed) market price. */
export interface PriceRecord {
  amountMinor: string | null;
  currency: string;
  outcome: string;
  issues: readonly unknown[];
}

/** The market as a price finding names it. */
export interface PriceMarket {
  code: string;
  currency: string;
  /** The market's FX source (`ecb`, `cbr`, `tcmb`). */
  fxSource: string;
}

/** Pricing BLOCKERs no FX rate lifts (a `PRICE_BLOCKED` finding's `reason`): the guards after the pipeline and the market's own rules. */
export type PriceBlockedReason = 'PRICE_BELOW_FLOOR' | 'PRICE_NOT_POSITIVE' | 'PRICE_FIXED_PRECISION' | 'PRICE_RULE_INVALID';

/** Each guard with the fields a seller fixes (none: operations fix the market's rules). */
const GUARDS: Readonly<Record<PriceBlockedReason, string[]>> = {
  PRICE_BELOW_FLOOR: ['price', 'floorMinor'],
  PRICE_NOT_POSITIVE: ['price'],
  PRICE_FIXED_PRECISION: ['fixedPrice'],
  PRICE_RULE_INVALID: [],
};

export const PRICE_BLOCKED_REASONS: readonly PriceBlockedReason[] = Object.keys(GUARDS) as PriceBlockedReason[];
const isGuard = (code: string): code is PriceBlockedReason => Object.prototype.hasOwnProperty.call(GUARDS, code);

const guardOf = (record: PriceRecord | undefined): { code: PriceBlockedReason; params: Record<string, string> } | undefined => {
  if (!record || record.outcome !== 'blocked') return undefined;
  for (const i of record.issues) {
    const issue = i as { code?: unknown; severity?: unknown; params?: unknown };
    if (typeof issue?.code === 'string' && issue.severity === 'BLOCKER' && isGuard(issue.code)) {
      const params = issue.params && typeof issue.params === 'object' ? (issue.params as Record<string, unknown>) : {};
      return { code: issue.code, params: Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string')) };
    }
  }
  return undefined;
};

/**
 * The finding of one variant's price in one market; null when a price can be shown. `fx`: the state of
 * the market's rate for the variant's currency (needed unless the currency is the market's or the
 * variant has a fixed price there); `record`: its stored price (none: never priced in this market).
 */
export function priceFinding(variant: { currency: string; fixed: boolean }, market: PriceMarket, fx: FxState | undefined, record: PriceRecord | undefined): PriceFinding | null {
  // a fixed price stands without a rate and whatever the rate's age (the pipeline's scenario 9)
  if (variant.currency !== market.currency && !variant.fixed) {
    if (!fx) throw new Error(`no FX state for ${variant.currency}→${market.currency} in ${market.code}`);
    const pair = { from: variant.currency, to: market.currency, source: market.fxSource.toUpperCase(), market: market.code };
    if (fx.state === 'missing') return { code: 'PRICE_UNAVAILABLE', severity: 'BLOCKER', fields: ['price'], params: pair, rule: 'fx' };
    if (fx.state === 'stale') {
      // frozen: the price published before (in the market's currency) stays shown; without one there is none
      const shown = record !== undefined && record.amountMinor !== null && record.currency === market.currency;
      return {
        code: 'PRICE_FX_STALE',
        severity: shown ? 'WARNING' : 'BLOCKER',
        fields: ['price'],
        params: { ...pair, rateDate: fx.rateDate, ageTargetDays: fx.ageTargetDays, maxAgeTargetDays: fx.maxAgeTargetDays },
        rule: 'fx',
      };
    }
  }
  const guard = guardOf(record);
  if (guard) return { code: 'PRICE_BLOCKED', severity: 'BLOCKER', fields: GUARDS[guard.code], params: { ...guard.params, reason: guard.code, market: market.code }, rule: 'prices' };
  return null;
}
