import { displayDigits, fromMinorUnits, MoneyError } from '@app/kernel';

/**
 * Display only: formats ALREADY-ROUNDED minor units with `Intl.NumberFormat(locale, {style:
 * 'currency'})`. The value is handed to Intl as an exact decimal string (never a float), and an
 * amount the currency's display digits cannot show (HUF 1 234,56 where buyers see whole forints)
 * is refused instead of silently rounded: the charged amount must equal what is shown.
 */
/** Formatters are costly to build (CLDR lookups); a listing formats hundreds with a handful of locale × currency pairs. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(amountMinor: bigint | string, currency: string, locale: string): { nf: Intl.NumberFormat; value: string } {
  const digits = displayDigits(currency);
  const value = fromMinorUnits(amountMinor, currency);
  const [, frac = ''] = value.split('.');
  if (/[1-9]/.test(frac.slice(digits))) {
    throw new MoneyError('PRICE_PRECISION_EXCEEDED', `${currency} is displayed with ${digits} decimal place(s)`, { currency, exponent: digits });
  }
  const key = `${locale}|${currency}`;
  let nf = formatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    if (formatters.size > 2000) formatters.clear();
    formatters.set(key, nf);
  }
  return { nf, value };
}

export function formatMinorUnits(amountMinor: bigint | string, currency: string, locale: string): string {
  const { nf, value } = formatter(amountMinor, currency, locale);
  return nf.format(value as unknown as number);
}

export function formatMinorUnitsToParts(amountMinor: bigint | string, currency: string, locale: string): Intl.NumberFormatPart[] {
  const { nf, value } = formatter(amountMinor, currency, locale);
  return nf.formatToParts(value as unknown as number);
}
