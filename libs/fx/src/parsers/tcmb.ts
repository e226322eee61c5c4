import { asArray, CURRENCY, decodeXml, dottedDate, parseXml, positiveDecimal, positiveInteger } from './xml';
import { FxFormatError, ParsedFxFile } from './types';

type Currency = { '@Kod'?: string; '@CurrencyCode'?: string; Unit?: string } & Record<string, unknown>;

/**
 * The rate column taken from TCMB files. ForexBuying (döviz alış kuru) is the one Turkish tax rules
 * use to value foreign-currency amounts; it is recorded on every snapshot as `rateKind`.
 */
export const TCMB_RATE_KIND = 'ForexBuying';

/**
 * Central Bank of the Republic of Türkiye `today.xml` (and `/kurlar/YYYYMM/DDMMYYYY.xml`): UTF-8 or
 * ISO-8859-9 as declared, `<Tarih_Date Tarih="DD.MM.YYYY">`, one `<Currency>` per code with `Unit`
 * (JPY 100) and four rates with dots; some are empty (`<ForexSelling/>`), those codes are skipped.
 */
export function parseTcmb(bytes: Buffer, rateKind: string = TCMB_RATE_KIND): ParsedFxFile {
  const what = 'TCMB today.xml';
  const doc = parseXml(decodeXml(bytes, what), what, ['Currency']);
  const root = doc.Tarih_Date as { '@Tarih'?: string; Currency?: Currency[] } | undefined;
  if (!root || typeof root !== 'object') throw new FxFormatError(`${what}: the root element must be Tarih_Date`);
  const rateDate = dottedDate(root['@Tarih'], what);
  const quotes: Record<string, { value: string; unit: number }> = {};
  const skipped: string[] = [];
  for (const c of asArray(root.Currency)) {
    const code = String(c?.['@CurrencyCode'] ?? c?.['@Kod'] ?? '').trim();
    if (!CURRENCY.test(code)) throw new FxFormatError(`${what}: a Currency without a valid CurrencyCode`);
    if (quotes[code] || skipped.includes(code)) throw new FxFormatError(`${what}: ${code} appears twice`);
    const raw = c[rateKind];
    if (raw === undefined || raw === '' || (typeof raw === 'object' && raw !== null)) {
      skipped.push(code);
      continue;
    }
    quotes[code] = { value: positiveDecimal(raw, '.', `${what} ${code} ${rateKind}`), unit: positiveInteger(c.Unit, `${what} ${code} Unit`) };
  }
  if (!Object.keys(quotes).length) throw new FxFormatError(`${what}: the file has no ${rateKind} rates`);
  return { source: 'tcmb', pivot: 'TRY', quoteStyle: 'pivot_per_currency', rateKind, days: [{ rateDate, quotes }], skipped };
}
