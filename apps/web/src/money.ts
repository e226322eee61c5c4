/**
 * Money in the UI: the API sends integer minor units as strings; people read and type decimals.
 * Conversions here work on strings (never floats), with the currency's ISO 4217 exponent.
 */

/** The ISO 4217 minor-unit exponent: the API's when it said (a market's `currencyExponent`), else Intl's. */
export function exponentOf(currency: string, known?: number): number {
  if (known !== undefined) return known;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "4499" with exponent 2 → "44.99"; "-5" → "-0.05"; exponent 0 → unchanged. */
export function minorToDecimal(minor: string, exponent: number): string {
  const negative = minor.startsWith('-');
  const digits = (negative ? minor.slice(1) : minor).replace(/^0+(?=\d)/, '');
  if (exponent === 0) return `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(exponent + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/**
 * What a person typed ("44,99", "44.9", " 1 990 ", "1990") → a canonical decimal string with at most `exponent`
 * decimals, or null when it is no amount (letters, two separators, too many decimals for the currency).
 */
export function parseDecimal(input: string, exponent: number): string | null {
  const compact = input.replace(/[\s\u00a0\u202f']/g, '');
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(compact);
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  if (fraction.length > exponent) return null;
  const units = whole.replace(/^0+(?=\d)/, '');
  return fraction ? `${units}.${fraction}` : units;
}

/** A decimal (from parseDecimal) → integer minor units as a string. */
export function decimalToMinor(decimal: string, exponent: number): string {
  const [whole, fraction = ''] = decimal.split('.');
  return `${whole}${fraction.padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '');
}
