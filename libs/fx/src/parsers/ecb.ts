import { asArray, CURRENCY, decodeXml, isoDate, parseXml, positiveDecimal } from './xml';
import { FxDay, FxFormatError, ParsedFxFile } from './types';

type Cube = { '@time'?: string; '@currency'?: string; '@rate'?: string; Cube?: Cube[] };

/**
 * ECB euro reference rates: `eurofxref-daily.xml` (one day) and `eurofxref-hist-90d.xml` /
 * `eurofxref-hist.xml` (many days). Three levels of `<Cube>`, told apart by their attributes
 * (`time`; `currency` + `rate`), single-quoted in the live feed; "1 EUR = rate".
 */
export function parseEcb(bytes: Buffer): ParsedFxFile {
  const what = 'ECB reference rates';
  const doc = parseXml(decodeXml(bytes, what), what, ['Cube']);
  const envelope = doc.Envelope as { Cube?: Cube[] } | undefined;
  if (!envelope || typeof envelope !== 'object') throw new FxFormatError(`${what}: the root element must be gesmes:Envelope`);
  const outer = asArray(envelope.Cube)[0];
  const dayCubes = asArray(outer?.Cube).filter((c) => c && typeof c === 'object' && '@time' in c);
  if (!dayCubes.length) throw new FxFormatError(`${what}: no <Cube time='…'> day found`);
  const seen = new Set<string>();
  const days: FxDay[] = dayCubes.map((day) => {
    const rateDate = isoDate(day['@time'], what);
    if (seen.has(rateDate)) throw new FxFormatError(`${what}: the day ${rateDate} appears twice`);
    seen.add(rateDate);
    const quotes: FxDay['quotes'] = {};
    for (const cube of asArray(day.Cube)) {
      const currency = cube?.['@currency'];
      if (typeof currency !== 'string' || !CURRENCY.test(currency)) throw new FxFormatError(`${what} ${rateDate}: a rate without a valid currency code`);
      if (quotes[currency]) throw new FxFormatError(`${what} ${rateDate}: ${currency} appears twice`);
      quotes[currency] = { value: positiveDecimal(cube['@rate'], '.', `${what} ${rateDate} ${currency}`), unit: 1 };
    }
    if (!Object.keys(quotes).length) throw new FxFormatError(`${what} ${rateDate}: the day has no rates`);
    return { rateDate, quotes };
  });
  days.sort((a, b) => (a.rateDate < b.rateDate ? 1 : -1));
  return { source: 'ecb', pivot: 'EUR', quoteStyle: 'currency_per_pivot', rateKind: 'reference', days, skipped: [] };
}
