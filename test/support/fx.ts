import request from 'supertest';
import { targetDaysBetween } from '@app/kernel';
import type { TestApp } from './app';

/**
 * FX files for e2e specs, dated relative to the app's clock (the system clock) so that a snapshot is as
 * fresh or as stale as a scenario needs on any day the suite runs. Rates are fixtures, not quotes.
 */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The latest weekday whose rates are `targetDays` TARGET working days old now (0: today's, or Friday's at the weekend). */
export function rateDayAged(targetDays: number, now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  for (let i = 0; i < 40; i++, d.setUTCDate(d.getUTCDate() - 1)) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && targetDaysBetween(isoDay(d), now) === targetDays) return isoDay(d);
  }
  throw new Error(`no day ${targetDays} TARGET days old`);
}

/** An ECB daily file (1 EUR = rate), e.g. `ecbFile(rateDayAged(0), { TRY: '55.1650', USD: '1.1225' })`. */
export const ecbFile = (date: string, rates: Record<string, string>) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject><gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube><Cube time='${date}'>
${Object.entries(rates).map(([c, r]) => `    <Cube currency='${c}' rate='${r}'/>`).join('\n')}
  </Cube></Cube>
</gesmes:Envelope>`);

/** A TCMB today.xml (TRY per `unit` units; the ForexBuying column is the one imported). */
export const tcmbFile = (date: string, rates: Record<string, { buying: string; unit?: number }>) => {
  const [y, m, d] = date.split('-');
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Tarih_Date Tarih="${d}.${m}.${y}" Date="${m}/${d}/${y}" Bulten_No="${y}/1">\n` +
      Object.entries(rates)
        .map(([c, r]) => `  <Currency Kod="${c}" CurrencyCode="${c}"><Unit>${r.unit ?? 1}</Unit><ForexBuying>${r.buying}</ForexBuying><ForexSelling>${r.buying}</ForexSelling></Currency>`)
        .join('\n') +
      '\n</Tarih_Date>',
  );
};

/** Imports a file through the ops API (`POST /v1/ops/fx/imports`) as an ops admin; returns the response. */
export const importFx = (t: Pick<TestApp, 'http'>, adminToken: string, source: 'ecb' | 'cbr' | 'tcmb', file: Buffer) =>
  request(t.http).post('/v1/ops/fx/imports').set('Authorization', `Bearer ${adminToken}`).field('source', source).attach('file', file, { filename: 'rates.xml', contentType: 'text/xml' });
