/**
 * ISO 4217 "list one" currencies in use, with their minor-unit exponent (the STORAGE precision of an
 * amount in integer minor units). Pinned here as data on purpose: `Intl` reports CLDR display digits,
 * which differ (HUF, IDR, COP show 0 decimals but have 2; IQD shows 0 but has 3), and npm tables have
 * shipped wrong digits before. Snapshot of the SIX list as of 2026-01 (BGN withdrawn after Bulgaria
 * adopted the euro; HRK in 2023; ANG replaced by XCG; ZWL by ZWG). Funds and precious metals (XAU…)
 * and the testing codes are left out.
 */
const EXPONENT_0 = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const EXPONENT_3 = 'BHD IQD JOD KWD LYD OMR TND';
const EXPONENT_4 = 'CLF UYW';
const EXPONENT_2 =
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP ' +
  'COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR ' +
  'JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN ' +
  'NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL ' +
  'THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';

export const CURRENCY_TABLE_VERSION = '2026-01';

const table = new Map<string, number>();
for (const [codes, exponent] of [[EXPONENT_0, 0], [EXPONENT_2, 2], [EXPONENT_3, 3], [EXPONENT_4, 4]] as const) {
  for (const code of codes.split(' ')) table.set(code, exponent);
}

/** The ISO 4217 minor-unit exponent (JPY 0, EUR 2, KWD 3, CLF 4), or undefined for an unknown code. */
export const currencyExponent = (code: string): number | undefined => table.get(code);

export const isCurrencyCode = (value: unknown): value is string => typeof value === 'string' && table.has(value);

export const currencyCodes = (): string[] => [...table.keys()].sort();

export type MinorUnitsResult = { ok: true; minor: bigint } | { ok: false; code: 'UNKNOWN_CURRENCY' | 'INVALID_AMOUNT' | 'PRICE_PRECISION_EXCEEDED' };

/**
 * A decimal amount in major units ("19.99", "1980") as integer minor units of `currency`, exactly (no
 * floats, no rounding): more decimals than the currency has is PRICE_PRECISION_EXCEEDED (JPY "1980.5"),
 * never silently rounded. Trailing zeros beyond the exponent are fine ("1980.00" JPY is 1980).
 */
export function toMinorUnits(amount: string, currency: string): MinorUnitsResult {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return { ok: false, code: 'UNKNOWN_CURRENCY' };
  const m = /^(\d{1,18})(?:\.(\d{1,12}))?$/.exec(amount);
  if (!m) return { ok: false, code: 'INVALID_AMOUNT' };
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return { ok: false, code: 'PRICE_PRECISION_EXCEEDED' };
  return { ok: true, minor: BigInt(m[1] + fraction.padEnd(exponent, '0')) };
}

/** Integer minor units as a decimal string in major units with the currency's exponent (1998n EUR → "19.98"). */
export function fromMinorUnits(minor: bigint | string, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) throw new Error(`unknown currency ${currency}`);
  const value = BigInt(minor);
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(exponent + 1, '0');
  return exponent === 0 ? sign + digits : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
