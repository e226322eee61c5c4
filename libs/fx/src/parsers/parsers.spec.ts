import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { crossRate } from '../rates';
import { FxFormatError, parseCbr, parseEcb, parseFxFile, parseTcmb } from './index';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'test/fixtures/fx', name));
const formatError = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FxFormatError) return e.message;
    throw e;
  }
  throw new Error('expected an FxFormatError');
};

describe('ECB reference rates', () => {
  it('parses the daily XML (single-quoted attributes, three levels of Cube) as EUR-based quotes, keeping decimal strings', () => {
    const f = parseEcb(fixture('ecb-daily.xml'));
    expect(f).toMatchObject({ source: 'ecb', pivot: 'EUR', quoteStyle: 'currency_per_pivot', rateKind: 'reference' });
    expect(f.days).toHaveLength(1);
    expect(f.days[0].rateDate).toBe('2026-10-02');
    expect(f.days[0].quotes.USD).toEqual({ value: '1.1225', unit: 1 });
    expect(f.days[0].quotes.JPY).toEqual({ value: '176.99', unit: 1 });
    expect(f.days[0].quotes.TRY).toEqual({ value: '55.1650', unit: 1 }); // trailing zero as published
    expect(Object.keys(f.days[0].quotes)).toHaveLength(29);
    expect(f.days[0].quotes.RUB).toBeUndefined(); // scenario 11: no RUB since March 2022
  });

  it('parses the 90-day history: many days in one file, newest first', () => {
    const f = parseEcb(fixture('ecb-hist-90d.xml'));
    expect(f.days.map((d) => d.rateDate)).toEqual(['2026-10-02', '2026-10-01', '2026-09-30', '2026-09-29', '2026-09-28', '2026-09-25', '2026-09-24', '2026-09-23']);
    expect(f.days.every((d) => Object.keys(d.quotes).length === 9)).toBe(true);
  });

  it('refuses files that are not ECB reference rates', () => {
    expect(formatError(() => parseEcb(fixture('cbr-daily.xml')))).toMatch(/gesmes:Envelope/);
    expect(formatError(() => parseEcb(fixture('not-xml.csv')))).toMatch(/not an XML document/);
    expect(formatError(() => parseEcb(Buffer.from("<gesmes:Envelope xmlns:gesmes='x'><Cube><Cube time='2026-10-02'><Cube currency='USD' rate='1,12'/></Cube></Cube></gesmes:Envelope>")))).toMatch(/not a positive decimal/);
    expect(formatError(() => parseEcb(Buffer.from("<gesmes:Envelope xmlns:gesmes='x'><Cube><Cube time='2026-02-30'><Cube currency='USD' rate='1.12'/></Cube></Cube></gesmes:Envelope>")))).toMatch(/not a valid date/);
    expect(formatError(() => parseEcb(Buffer.from("<gesmes:Envelope><Cube><Cube time='2026-10-02'>")))).toMatch(/malformed XML/);
  });
});

describe('Bank of Russia XML_daily', () => {
  it('scenario 11: decodes windows-1251 by the declaration, "78,1234" → 78.1234, Nominal 100 kept for JPY', () => {
    const f = parseCbr(fixture('cbr-daily.xml'));
    expect(f).toMatchObject({ source: 'cbr', pivot: 'RUB', quoteStyle: 'pivot_per_currency' });
    expect(f.days[0].rateDate).toBe('2026-10-02');
    expect(f.days[0].quotes.USD).toEqual({ value: '78.1234', unit: 1 });
    expect(f.days[0].quotes.EUR).toEqual({ value: '91.4567', unit: 1 });
    expect(f.days[0].quotes.JPY).toEqual({ value: '51.6734', unit: 100 });
    expect(f.days[0].quotes.TRY).toEqual({ value: '16.5788', unit: 10 });
    expect(f.days[0].quotes.VND).toEqual({ value: '29.6721', unit: 10000 });
  });

  it('parses the older format without VunitRate (CRLF lines), and refuses a VunitRate that contradicts Value/Nominal', () => {
    const f = parseCbr(fixture('cbr-daily-2022-03-01-no-vunitrate.xml'));
    expect(f.days[0]).toEqual({ rateDate: '2022-03-01', quotes: { USD: { value: '95.6618', unit: 1 }, EUR: { value: '106.1009', unit: 1 }, TRY: { value: '68.5443', unit: 10 }, JPY: { value: '83.1195', unit: 100 } } });
    const bad = iconv.encode('<?xml version="1.0" encoding="windows-1251"?><ValCurs Date="02.10.2026" name="Foreign Currency Market"><Valute ID="R01820"><NumCode>392</NumCode><CharCode>JPY</CharCode><Nominal>100</Nominal><Name>Японских иен</Name><Value>51,6734</Value><VunitRate>51,6734</VunitRate></Valute></ValCurs>', 'windows-1251');
    expect(formatError(() => parseCbr(bad))).toMatch(/VunitRate/);
  });

  it('refuses other formats and decimal points where the CBR writes commas', () => {
    expect(formatError(() => parseCbr(fixture('ecb-daily.xml')))).toMatch(/ValCurs/);
    expect(formatError(() => parseCbr(Buffer.from('<ValCurs Date="02.10.2026"><Valute><CharCode>USD</CharCode><Nominal>1</Nominal><Value>78.1234</Value></Valute></ValCurs>')))).toMatch(/not a positive decimal/);
    expect(formatError(() => parseCbr(Buffer.from('<ValCurs Date="2026-10-02"></ValCurs>')))).toMatch(/DD.MM.YYYY/);
    expect(formatError(() => parseCbr(Buffer.from('<ValCurs Date="02.10.2026"><Valute><CharCode>USD</CharCode><Nominal>0</Nominal><Value>78,1</Value></Valute></ValCurs>')))).toMatch(/whole number/);
  });
});

describe('TCMB today.xml', () => {
  it('parses UTF-8 with Unit ≠ 1, takes ForexBuying and records it, skips empty fields', () => {
    const f = parseTcmb(fixture('tcmb-today.xml'));
    expect(f).toMatchObject({ source: 'tcmb', pivot: 'TRY', quoteStyle: 'pivot_per_currency', rateKind: 'ForexBuying' });
    expect(f.days[0].rateDate).toBe('2026-10-02');
    expect(f.days[0].quotes.USD).toEqual({ value: '49.1412', unit: 1 });
    expect(f.days[0].quotes.JPY).toEqual({ value: '27.7812', unit: 100 });
    expect(f.days[0].quotes.XDR).toEqual({ value: '67.1234', unit: 1 }); // its ForexSelling is empty
    expect(f.skipped).toEqual(['IRR']);
    expect(parseTcmb(fixture('tcmb-today.xml'), 'ForexSelling').skipped).toEqual(['IRR', 'XDR']);
  });

  it('decodes ISO-8859-9 as its declaration says', () => {
    const f = parseTcmb(fixture('tcmb-2022-01-03-iso-8859-9.xml'));
    expect(f.days[0].rateDate).toBe('2022-01-03');
    expect(f.days[0].quotes.RUB).toEqual({ value: '0.17816', unit: 1 });
    expect(Object.keys(f.days[0].quotes)).toEqual(['USD', 'EUR', 'CHF', 'JPY', 'RUB', 'XDR']);
  });

  it('refuses other formats', () => {
    expect(formatError(() => parseFxFile('tcmb', fixture('cbr-daily.xml')))).toMatch(/Tarih_Date/);
    expect(formatError(() => parseFxFile('tcmb', Buffer.from([0x3c, 0x61, 0xff, 0xfe, 0x3e])))).toMatch(/UTF-8/);
  });
});

describe('cross rates inside one snapshot', () => {
  const ecb = { pivot: 'EUR', quoteStyle: 'currency_per_pivot' as const, quotes: { USD: { value: '1.0850', unit: 1 }, TRY: { value: '35.1234', unit: 1 } } };
  const cbr = () => ({ pivot: 'RUB', quoteStyle: 'pivot_per_currency' as const, quotes: parseCbr(fixture('cbr-daily.xml')).days[0].quotes });

  it('ECB: TRY→USD goes through EUR (scenario 6 rates): 1.0850 / 35.1234', () => {
    const r = crossRate(ecb, 'TRY', 'USD')!;
    expect(r).toMatchObject({ numerator: '1.085', denominator: '35.1234', path: ['TRY', 'EUR', 'USD'] });
    expect(r.rate).toBe('0.0308910868538');
    expect(crossRate(ecb, 'EUR', 'USD')).toMatchObject({ numerator: '1.085', denominator: '1', rate: '1.085', path: ['EUR', 'USD'] });
    expect(crossRate(ecb, 'USD', 'EUR')).toMatchObject({ numerator: '1', denominator: '1.085', path: ['USD', 'EUR'] });
    expect(crossRate(ecb, 'RUB', 'EUR')).toBeNull(); // the ECB has no RUB since March 2022
  });

  it('CBR: RUB→EUR = 1/91.4567 (scenario 1), JPY per 100 and TRY per 10 handled', () => {
    expect(crossRate(cbr(), 'RUB', 'EUR')).toMatchObject({ numerator: '1', denominator: '91.4567', path: ['RUB', 'EUR'] });
    expect(crossRate(cbr(), 'JPY', 'RUB')).toMatchObject({ rate: '0.516734', path: ['JPY', 'RUB'] });
    expect(crossRate(cbr(), 'TRY', 'RUB')!.rate).toBe('1.65788');
    // TRY→JPY through RUB: (16.5788/10) / (51.6734/100)
    expect(crossRate(cbr(), 'TRY', 'JPY')).toMatchObject({ rate: '3.20838187539', path: ['TRY', 'RUB', 'JPY'] });
  });
});
