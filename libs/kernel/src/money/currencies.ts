/**
 * ISO 4217 currencies and their minor-unit exponents, pinned in the repository (SIX "list one",
 * amendment of 2025: XCG replaced ANG, ZWG replaced ZWL, SLE replaced SLL; Bulgaria joined the euro
 * on 2026-01-01). The storage exponent is NEVER taken from `Intl`: CLDR display digits differ
 * (HUF, IDR, COP, IQD…), see {@link displayDigits}.
 *
 * Codes whose ISO minor unit is "N.A." (precious metals XAU/XAG/XPT/XPD, XDR, XSU, XUA, the bond
 * units XBA–XBD, XTS, XXX) are not priceable and are deliberately absent.
 */
export const ISO4217_TABLE_VERSION = 'iso4217:2025-list-one';

const EXPONENT_0 = ['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'] as const;
const EXPONENT_3 = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'] as const;
const EXPONENT_4 = ['CLF', 'UYW'] as const;
const EXPONENT_2 = [
  'AED', 'AFN', 'ALL', 'AMD', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BMD', 'BND', 'BOB', 'BOV', 'BRL', 'BSD',
  'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHE', 'CHF', 'CHW', 'CNY', 'COP', 'COU', 'CRC', 'CUP', 'CVE', 'CZK', 'DKK', 'DOP',
  'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'HUF',
  'IDR', 'ILS', 'INR', 'IRR', 'JMD', 'KES', 'KGS', 'KHR', 'KPW', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'MAD', 'MDL',
  'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MXV', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR',
  'NZD', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'RSD', 'RUB', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP',
  'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'USD',
  'USN', 'UYU', 'UZS', 'VED', 'VES', 'WST', 'XCD', 'XCG', 'YER', 'ZAR', 'ZMW', 'ZWG',
] as const;

/**
 * Withdrawn codes kept so that history (old prices, old FX snapshots) stays readable; they are not
 * active, so no new price may be set in them.
 */
export const WITHDRAWN_CURRENCIES: Readonly<Record<string, { exponent: number; withdrawnOn: string; replacedBy: string }>> = {
  BGN: { exponent: 2, withdrawnOn: '2026-01-01', replacedBy: 'EUR' },
  HRK: { exponent: 2, withdrawnOn: '2023-01-01', replacedBy: 'EUR' },
  ANG: { exponent: 2, withdrawnOn: '2025-03-31', replacedBy: 'XCG' },
  SLL: { exponent: 2, withdrawnOn: '2024-01-01', replacedBy: 'SLE' },
  ZWL: { exponent: 2, withdrawnOn: '2024-06-25', replacedBy: 'ZWG' },
};

export type CurrencyCode = (typeof EXPONENT_0)[number] | (typeof EXPONENT_2)[number] | (typeof EXPONENT_3)[number] | (typeof EXPONENT_4)[number];

/** Active ISO 4217 code → storage exponent (digits of the minor unit). */
export const CURRENCY_EXPONENTS: Readonly<Record<CurrencyCode, number>> = Object.freeze(
  Object.fromEntries([
    ...EXPONENT_0.map((c) => [c, 0] as const),
    ...EXPONENT_2.map((c) => [c, 2] as const),
    ...EXPONENT_3.map((c) => [c, 3] as const),
    ...EXPONENT_4.map((c) => [c, 4] as const),
  ]) as Record<CurrencyCode, number>,
);

/**
 * CLDR display digits where they are FEWER than the ISO exponent (what `Intl.NumberFormat` shows
 * with `style: 'currency'`, pinned here so pricing does not change with the ICU build; a unit test
 * compares this with the running `Intl`). A price in one of these currencies must be rounded to the
 * display precision, or the buyer sees "1 235 Ft" and is charged 1 234,56.
 */
const FEWER_DISPLAY_DIGITS: Readonly<Record<string, number>> = {
  AFN: 0, ALL: 0, COP: 0, HUF: 0, IDR: 0, IQD: 0, IRR: 0, KPW: 0, LAK: 0, LBP: 0, MGA: 0, MMK: 0, PKR: 0, SOS: 0, SYP: 0, YER: 0,
};

export type MoneyErrorCode = 'UNKNOWN_CURRENCY' | 'INVALID_AMOUNT' | 'PRICE_PRECISION_EXCEEDED';

/** A money value that cannot be represented; `code` is stable for callers to map to their errors. */
export class MoneyError extends Error {
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

/** True for an active ISO 4217 code with a minor unit. */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, code);
}

/** True for an active code or a withdrawn one kept for history (BGN, HRK…). */
export function isKnownCurrency(code: unknown): boolean {
  return isCurrencyCode(code) || (typeof code === 'string' && Object.prototype.hasOwnProperty.call(WITHDRAWN_CURRENCIES, code));
}

/** ISO 4217 exponent (storage digits) of an active or withdrawn code; throws UNKNOWN_CURRENCY otherwise. */
export function currencyExponent(code: string): number {
  if (isCurrencyCode(code)) return CURRENCY_EXPONENTS[code];
  const old = WITHDRAWN_CURRENCIES[code];
  if (old && Object.prototype.hasOwnProperty.call(WITHDRAWN_CURRENCIES, code)) return old.exponent;
  throw new MoneyError('UNKNOWN_CURRENCY', `${String(code).slice(0, 8)} is not an ISO 4217 currency with a minor unit`, { currency: String(code).slice(0, 8) });
}

/** Digits a buyer sees (CLDR), never more than the ISO exponent. */
export function displayDigits(code: string): number {
  const iso = currencyExponent(code);
  const fewer = FEWER_DISPLAY_DIGITS[code];
  return fewer !== undefined && fewer < iso ? fewer : iso;
}

const DECIMAL = /^(-)?(\d{1,30})(?:\.(\d{1,30}))?$/;

/**
 * A decimal string ("1990.00", "1980", "-0.5") → integer minor units of the currency. Trailing zeros
 * beyond the exponent are accepted ("1980.0" JPY); a non-zero digit beyond it is
 * PRICE_PRECISION_EXCEEDED ("1980.5" JPY). No floats, no exponent notation, no separators.
 */
export function toMinorUnits(amount: string, currency: string): bigint {
  const exponent = currencyExponent(currency);
  const m = typeof amount === 'string' ? DECIMAL.exec(amount.trim()) : null;
  if (!m) throw new MoneyError('INVALID_AMOUNT', 'the amount must be a decimal number with a dot, like 1990.00', { currency });
  const [, sign, whole, frac = ''] = m;
  const kept = frac.slice(0, exponent);
  const dropped = frac.slice(exponent);
  if (/[1-9]/.test(dropped)) {
    throw new MoneyError('PRICE_PRECISION_EXCEEDED', `${currency} has ${exponent} decimal place(s)`, { currency, exponent, amount: amount.slice(0, 40) });
  }
  const minor = BigInt(whole + kept.padEnd(exponent, '0'));
  return sign && minor !== 0n ? -minor : minor;
}

/** Integer minor units → the decimal string with exactly the ISO exponent's digits (3230n JPY → "3230", 2176n EUR → "21.76"). */
export function fromMinorUnits(minor: bigint | string, currency: string): string {
  const exponent = currencyExponent(currency);
  if (typeof minor === 'string' && !/^-?\d{1,40}$/.test(minor)) throw new MoneyError('INVALID_AMOUNT', 'minor units must be an integer', { currency });
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const body = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return negative ? `-${body}` : body;
}
