import Decimal from 'decimal.js';
import type { FxQuote, QuoteStyle } from './parsers';

/** Exact decimal arithmetic for rates (a private clone: nobody else's settings apply). */
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 60 });

export interface SnapshotRates {
  pivot: string;
  quoteStyle: QuoteStyle;
  quotes: Record<string, FxQuote>;
}

export interface CrossRate {
  /** 1 `from` = numerator / denominator `to`; both exact decimal strings. */
  numerator: string;
  denominator: string;
  /** The same rate to 12 significant digits, for display. */
  rate: string;
  /** ['TRY', 'RUB'] direct against the pivot, or ['TRY', 'EUR', 'USD'] through it. */
  path: string[];
}

/** How many units of the pivot one unit of `currency` is worth, as an exact fraction. */
function pivotPerUnit(s: SnapshotRates, currency: string): [Decimal, Decimal] | null {
  if (currency === s.pivot) return [new D(1), new D(1)];
  if (!Object.prototype.hasOwnProperty.call(s.quotes, currency)) return null;
  const q = s.quotes[currency];
  // CBR/TCMB: `unit` CUR = value PIVOT; ECB: 1 EUR = value CUR (unit 1), so 1 CUR = unit/value EUR
  return s.quoteStyle === 'pivot_per_currency' ? [new D(q.value), new D(q.unit)] : [new D(q.unit), new D(q.value)];
}

/**
 * The rate from one currency to another inside ONE snapshot, through the snapshot's own pivot (EUR
 * for the ECB, RUB for the CBR, TRY for the TCMB); null when the snapshot does not quote either.
 * Never mixes sources: a cross rate uses both legs of the same file.
 */
export function crossRate(s: SnapshotRates, from: string, to: string): CrossRate | null {
  const a = pivotPerUnit(s, from);
  const b = pivotPerUnit(s, to);
  if (!a || !b) return null;
  // from→to = (pivot per from) / (pivot per to) = (aN/aD) / (bN/bD)
  const numerator = a[0].times(b[1]);
  const denominator = a[1].times(b[0]);
  const path = from === to ? [from] : from === s.pivot || to === s.pivot ? [from, to] : [from, s.pivot, to];
  return { numerator: numerator.toFixed(), denominator: denominator.toFixed(), rate: numerator.div(denominator).toSignificantDigits(12).toFixed(), path };
}
