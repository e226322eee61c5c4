/**
 * EU Omnibus prior price (Directive 98/6/EC art. 6a, inserted by Directive (EU) 2019/2161; in force
 * since 28 May 2022): an announced price reduction must show, as the prior price, the LOWEST price
 * applied during at least the 30 days before the reduction (research §4.4, scenario 15).
 * Pure: the price history and the moment of the reduction come from the caller.
 */

/** EU member states, where art. 6a applies (EEA states transpose on their own schedule: not assumed). */
export const OMNIBUS_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
]);
export const OMNIBUS_DAYS = 30;
const DAY_MS = 86_400_000;

/** A market whose buyers are in the EU shows reductions under the Omnibus rule. */
export const isOmnibusMarket = (countries: readonly string[]): boolean => countries.some((c) => OMNIBUS_COUNTRIES.has(c));

/** One published price of a variant in a market, from `effectiveFrom` until the next one. */
export interface PricePoint {
  amountMinor: bigint;
  effectiveFrom: Date;
}

/**
 * The lowest price applied in the `days` before `reductionAt`: the price in force when the window
 * opened and every price published inside it (the reduced price itself, published at or after
 * `reductionAt`, does not count). Null when no price was applied in the window.
 */
export function lowestPriorPrice(history: readonly PricePoint[], reductionAt: Date, days = OMNIBUS_DAYS): bigint | null {
  const end = reductionAt.getTime();
  const start = end - days * DAY_MS;
  const sorted = [...history].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  let lowest: bigint | null = null;
  for (const [i, p] of sorted.entries()) {
    const from = p.effectiveFrom.getTime();
    if (from >= end) break;
    const until = sorted[i + 1]?.effectiveFrom.getTime() ?? Infinity;
    if (until <= start) continue; // replaced before the window opened
    if (lowest === null || p.amountMinor < lowest) lowest = p.amountMinor;
  }
  return lowest;
}

export type CompareAtReason = 'replaced_by_lowest_30d' | 'no_prior_price' | 'not_a_reduction';

export interface CompareAt {
  /** The prior price shown beside the sale price; null: no reduction may be announced (no sale badge). */
  amountMinor: bigint | null;
  /** seller: the seller's compare-at as declared (outside the EU); lowest_30d: the Omnibus prior price. */
  source: 'seller' | 'lowest_30d' | null;
  declaredMinor: bigint;
  /** Set when the seller's compare-at could not be shown as declared (issue OMNIBUS_PRIOR_PRICE). */
  reason?: CompareAtReason;
  lowest30dMinor: bigint | null;
}

/**
 * The prior price a sale shows. In an Omnibus market it is the lowest price of the 30 days before
 * the sale started, whatever the seller declared; when there is no such price, or it is not above
 * the sale price, no reduction is announced. Elsewhere the seller's compare-at stands when it is
 * above the sale price (research §2.5: `compareAt > price`, otherwise dropped).
 */
export function compareAtFor(input: { salePriceMinor: bigint; declaredMinor: bigint; history: readonly PricePoint[]; saleStartedAt: Date; omnibus: boolean }): CompareAt {
  const { salePriceMinor, declaredMinor } = input;
  if (!input.omnibus) {
    return declaredMinor > salePriceMinor
      ? { amountMinor: declaredMinor, source: 'seller', declaredMinor, lowest30dMinor: null }
      : { amountMinor: null, source: null, declaredMinor, reason: 'not_a_reduction', lowest30dMinor: null };
  }
  const lowest = lowestPriorPrice(input.history, input.saleStartedAt);
  if (lowest === null) return { amountMinor: null, source: null, declaredMinor, reason: 'no_prior_price', lowest30dMinor: null };
  if (lowest <= salePriceMinor) return { amountMinor: null, source: null, declaredMinor, reason: 'not_a_reduction', lowest30dMinor: lowest };
  return { amountMinor: lowest, source: 'lowest_30d', declaredMinor, lowest30dMinor: lowest, ...(lowest !== declaredMinor ? { reason: 'replaced_by_lowest_30d' as const } : {}) };
}
