/**
 * What an FX importer yields: plain data, decimal strings only (never floats), one entry per rate
 * date found in the file (the ECB 90-day history holds ~60 of them).
 */
export const FX_SOURCES = ['ecb', 'cbr', 'tcmb'] as const;
export type FxSource = (typeof FX_SOURCES)[number];

/**
 * How a quote reads:
 *  - `currency_per_pivot` (ECB): 1 EUR = `value` units of the currency (`unit` is always 1);
 *  - `pivot_per_currency` (CBR, TCMB): `unit` units of the currency = `value` units of the pivot
 *    (CBR JPY: 100 JPY = 53,1234 RUB).
 */
export type QuoteStyle = 'currency_per_pivot' | 'pivot_per_currency';

export interface FxQuote {
  /** Decimal string with a dot, as published (no re-rounding). */
  value: string;
  /** The nominal the value refers to (CBR `Nominal`, TCMB `Unit`); 1 for the ECB. */
  unit: number;
}

export interface FxDay {
  /** `YYYY-MM-DD`: the date the rates are for (ECB `time`, CBR `Date`, TCMB `Tarih`). */
  rateDate: string;
  quotes: Record<string, FxQuote>;
}

export interface ParsedFxFile {
  source: FxSource;
  pivot: 'EUR' | 'RUB' | 'TRY';
  quoteStyle: QuoteStyle;
  /** Which published rate was taken: `reference` (ECB, CBR) or the TCMB column (`ForexBuying`). */
  rateKind: string;
  /** Newest first. */
  days: FxDay[];
  /** Currencies present in the file but without a usable rate of `rateKind` (TCMB empty fields). */
  skipped: string[];
}

/** The file is not a well-formed file of the named format; `message` says why (shown to ops). */
export class FxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FxFormatError';
  }
}
