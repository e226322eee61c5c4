import { describe, expect, it } from '@jest/globals';
import { CURRENCY_EXPONENTS, currencyExponent, displayDigits, fromMinorUnits, isCurrencyCode, MoneyError, toMinorUnits } from './currencies';

const moneyError = (fn: () => unknown): MoneyError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof MoneyError) return e;
    throw e;
  }
  throw new Error('expected a MoneyError');
};

describe('ISO 4217 table', () => {
  it.each([
    ['JPY', 0], ['KRW', 0], ['CLP', 0], ['ISK', 0], ['VND', 0], ['XAF', 0],
    ['EUR', 2], ['USD', 2], ['RUB', 2], ['TRY', 2], ['GBP', 2], ['IDR', 2], ['HUF', 2], ['COP', 2],
    ['KWD', 3], ['BHD', 3], ['OMR', 3], ['JOD', 3], ['IQD', 3], ['TND', 3], ['LYD', 3],
    ['CLF', 4], ['UYW', 4],
  ])('%s has exponent %i (the research names it)', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it('holds the active codes only, each with a 0-4 exponent', () => {
    const codes = Object.keys(CURRENCY_EXPONENTS);
    expect(codes.length).toBeGreaterThan(150);
    expect(codes.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    expect(new Set(Object.values(CURRENCY_EXPONENTS))).toEqual(new Set([0, 2, 3, 4]));
    for (const gone of ['BGN', 'HRK', 'ANG', 'XAU', 'XDR', 'XXX']) expect(isCurrencyCode(gone)).toBe(false);
  });

  it('keeps withdrawn BGN readable for history (exponent 2) but unknown codes fail', () => {
    expect(currencyExponent('BGN')).toBe(2);
    expect(moneyError(() => currencyExponent('XYZ')).code).toBe('UNKNOWN_CURRENCY');
    expect(moneyError(() => currencyExponent('__proto__')).code).toBe('UNKNOWN_CURRENCY');
  });

  it('pins CLDR display digits that match the running Intl for every active code', () => {
    for (const code of Object.keys(CURRENCY_EXPONENTS)) {
      let intl: number;
      try {
        intl = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
      } catch {
        continue;
      }
      expect(`${code}:${displayDigits(code)}`).toBe(`${code}:${Math.min(intl, currencyExponent(code))}`);
    }
    expect([displayDigits('HUF'), displayDigits('IDR'), displayDigits('COP'), displayDigits('IQD')]).toEqual([0, 0, 0, 0]);
    expect([displayDigits('EUR'), displayDigits('KWD'), displayDigits('JPY')]).toEqual([2, 3, 0]);
  });
});

describe('decimal string <-> minor units', () => {
  it.each([
    ['1990.00', 'RUB', 199000n],
    ['21.76', 'EUR', 2176n],
    ['3230', 'JPY', 3230n],
    ['1980.0', 'JPY', 1980n],
    ['3.065', 'KWD', 3065n],
    ['3.0650', 'KWD', 3065n],
    ['0.5', 'CLF', 5000n],
    ['-0.05', 'EUR', -5n],
    ['-0', 'EUR', 0n],
    ['12345678901234567890.12', 'USD', 1234567890123456789012n],
  ])('%s %s -> %s', (amount, currency, minor) => {
    expect(toMinorUnits(amount, currency)).toBe(minor);
  });

  it('refuses a JPY "1980.5" with PRICE_PRECISION_EXCEEDED (scenario 4)', () => {
    const e = moneyError(() => toMinorUnits('1980.5', 'JPY'));
    expect(e.code).toBe('PRICE_PRECISION_EXCEEDED');
    expect(e.params).toMatchObject({ currency: 'JPY', exponent: 0 });
    expect(moneyError(() => toMinorUnits('19.999', 'EUR')).code).toBe('PRICE_PRECISION_EXCEEDED');
    expect(moneyError(() => toMinorUnits('3.0651', 'KWD')).code).toBe('PRICE_PRECISION_EXCEEDED');
  });

  it.each(['1,990.00', '1 990', '1e3', '.5', '5.', '', 'NaN', '0x10', '+1'])('refuses %p as INVALID_AMOUNT', (amount) => {
    expect(moneyError(() => toMinorUnits(amount, 'EUR')).code).toBe('INVALID_AMOUNT');
  });

  it.each([
    [3230n, 'JPY', '3230'],
    [2176n, 'EUR', '21.76'],
    [5n, 'EUR', '0.05'],
    [-5n, 'EUR', '-0.05'],
    [3065n, 'KWD', '3.065'],
    [1n, 'CLF', '0.0001'],
    ['123500', 'HUF', '1235.00'],
  ])('%s %s -> %s', (minor, currency, decimal) => {
    expect(fromMinorUnits(minor, currency)).toBe(decimal);
  });
});
