import { isAssignedCountryCode } from '@app/countries';
import { contentLocaleParents, currencyExponent, displayDigits, isContentLocale, isCurrencyCode } from '@app/kernel';
import type { ContentLocale, ErrorDetail } from '@app/kernel';
import { MarketDocument } from './schema';

export type MarketProblemCode =
  | 'SCHEMA' | 'UNKNOWN_COUNTRY' | 'UNKNOWN_CURRENCY' | 'INVALID_LOCALE' | 'DUPLICATE'
  | 'CHAIN_OWN_LANGUAGE_FIRST' | 'CHAIN_LOCALE_NOT_DISPLAYED' | 'ENDING_NOT_BELOW_STEP' | 'BANDS_OVERLAP' | 'STEP_NOT_DISPLAYABLE';

const problem = (field: string, code: MarketProblemCode, params: Record<string, string | number> = {}): ErrorDetail => ({
  field,
  code,
  messageKey: `market.check.${code}`,
  params: { field, ...params },
});

function duplicates(values: readonly string[], at: string): ErrorDetail[] {
  const seen = new Set<string>();
  return values.flatMap((v, i) => {
    if (seen.has(v)) return [problem(`${at}[${i}]`, 'DUPLICATE', { value: v })];
    seen.add(v);
    return [];
  });
}

/**
 * Everything a market must pass before it is published: the schema (a name in every language),
 * assigned country codes, ISO 4217 currencies of the pinned table, canonical BCP 47 locales, a
 * fallback chain that starts with the market's own language and names only languages the market
 * shows (so a buyer never silently gets a language nobody asked for), and price-ending bands that
 * make sense (ending below step, ordered, not overlapping).
 */
export function checkMarket(input: unknown): { market?: MarketDocument; problems: ErrorDetail[] } {
  const parsed = MarketDocument.safeParse(input);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => problem(i.path.map(String).join('.') || '(root)', 'SCHEMA', { reason: i.message })) };
  }
  const market = parsed.data;
  const problems: ErrorDetail[] = [];
  market.countries.forEach((c, i) => {
    if (!isAssignedCountryCode(c)) problems.push(problem(`countries[${i}]`, 'UNKNOWN_COUNTRY', { value: c }));
  });
  problems.push(...duplicates(market.countries, 'countries'));
  if (!isCurrencyCode(market.currency)) problems.push(problem('currency', 'UNKNOWN_CURRENCY', { value: market.currency }));
  for (const key of ['displayLocales', 'fallbackChain', 'legalLocales'] as const) {
    market[key].forEach((l, i) => {
      if (!isContentLocale(l)) problems.push(problem(`${key}[${i}]`, 'INVALID_LOCALE', { value: l }));
    });
    problems.push(...duplicates(market[key], key));
  }
  if (market.fallbackChain[0] !== market.displayLocales[0]) {
    problems.push(problem('fallbackChain[0]', 'CHAIN_OWN_LANGUAGE_FIRST', { expected: market.displayLocales[0] }));
  }
  const shown = new Set(market.displayLocales.filter(isContentLocale).flatMap((l) => contentLocaleParents(l as ContentLocale)));
  market.fallbackChain.forEach((l, i) => {
    if (isContentLocale(l) && !shown.has(l)) problems.push(problem(`fallbackChain[${i}]`, 'CHAIN_LOCALE_NOT_DISPLAYED', { value: l }));
  });
  for (const [currency, bands] of Object.entries(market.priceEndings)) {
    const at = `priceEndings.${currency}`;
    if (!isCurrencyCode(currency)) problems.push(problem(at, 'UNKNOWN_CURRENCY', { value: currency }));
    // a price the buyer sees must be the price charged: where fewer digits are shown than stored
    // (HUF shows whole forints), steps and endings are whole display units
    const digits = isCurrencyCode(currency) ? displayDigits(currency) : 0;
    const unit = isCurrencyCode(currency) ? 10n ** BigInt(currencyExponent(currency) - digits) : 1n;
    bands.forEach((b, i) => {
      if (BigInt(b.step) % unit !== 0n || BigInt(b.ending) % unit !== 0n) {
        problems.push(problem(`${at}[${i}]`, 'STEP_NOT_DISPLAYABLE', { unit: unit.toString(), currency, digits }));
      }
      if (BigInt(b.step) === 0n || BigInt(b.ending) >= BigInt(b.step)) problems.push(problem(`${at}[${i}]`, 'ENDING_NOT_BELOW_STEP'));
      const next = bands[i + 1];
      const overlaps =
        (b.toMinor !== undefined && BigInt(b.toMinor) <= BigInt(b.fromMinor)) ||
        (next !== undefined && (b.toMinor === undefined || BigInt(next.fromMinor) < BigInt(b.toMinor)));
      if (overlaps) problems.push(problem(`${at}[${i}]`, 'BANDS_OVERLAP'));
    });
  }
  return { market, problems };
}
