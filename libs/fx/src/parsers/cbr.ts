import { asArray, CURRENCY, decodeXml, dottedDate, parseXml, positiveDecimal, positiveInteger } from './xml';
import { FxFormatError, ParsedFxFile } from './types';

type Valute = { CharCode?: string; Nominal?: string; Value?: string; VunitRate?: string };

/**
 * Bank of Russia `XML_daily.asp`: windows-1251 (decoded as the declaration says), decimal COMMAS,
 * `Value` is RUB per `Nominal` units (JPY per 100). `VunitRate` (RUB per 1 unit, newer files) is
 * checked against Value/Nominal when present; the stored quote is the exact Value and Nominal.
 */
export function parseCbr(bytes: Buffer): ParsedFxFile {
  const what = 'Bank of Russia XML_daily';
  const doc = parseXml(decodeXml(bytes, what), what, ['Valute']);
  const root = doc.ValCurs as { '@Date'?: string; Valute?: Valute[] } | undefined;
  if (!root || typeof root !== 'object') throw new FxFormatError(`${what}: the root element must be ValCurs`);
  const rateDate = dottedDate(root['@Date'], what);
  const quotes: Record<string, { value: string; unit: number }> = {};
  for (const v of asArray(root.Valute)) {
    const code = typeof v?.CharCode === 'string' ? v.CharCode.trim() : '';
    if (!CURRENCY.test(code)) throw new FxFormatError(`${what}: a Valute without a valid CharCode`);
    if (quotes[code]) throw new FxFormatError(`${what}: ${code} appears twice`);
    const value = positiveDecimal(v.Value, ',', `${what} ${code} Value`);
    const unit = positiveInteger(v.Nominal, `${what} ${code} Nominal`);
    if (v.VunitRate !== undefined && v.VunitRate !== '') {
      const perUnit = positiveDecimal(v.VunitRate, ',', `${what} ${code} VunitRate`);
      if (!consistent(value, unit, perUnit)) throw new FxFormatError(`${what}: ${code} VunitRate ${perUnit} is not Value/Nominal (${value}/${unit})`);
    }
    quotes[code] = { value, unit };
  }
  if (!Object.keys(quotes).length) throw new FxFormatError(`${what}: the file has no Valute rates`);
  return { source: 'cbr', pivot: 'RUB', quoteStyle: 'pivot_per_currency', rateKind: 'reference', days: [{ rateDate, quotes }], skipped: [] };
}

/** |value/unit − perUnit| ≤ half a unit in perUnit's last published digit (exact, in scaled bigints). */
function consistent(value: string, unit: number, perUnit: string): boolean {
  const scale = (s: string) => (s.split('.')[1] ?? '').length;
  const digits = Math.max(scale(perUnit), scale(value)) + 2;
  const big = (s: string, d: number) => BigInt(s.replace('.', '') + '0'.repeat(d - scale(s)));
  // compare value*10^d / unit with perUnit*10^d, tolerance half a unit of perUnit's last digit
  const lhs = big(value, digits);
  const rhs = big(perUnit, digits) * BigInt(unit);
  const tolerance = (10n ** BigInt(digits - scale(perUnit)) * BigInt(unit)) / 2n;
  const diff = lhs > rhs ? lhs - rhs : rhs - lhs;
  return diff <= tolerance;
}
