import { describe, expect, it } from '@jest/globals';
import { currencyExponent, fromMinorUnits, isCurrencyCode, toMinorUnits } from './currencies';

describe('ISO 4217 exponents (pinned)', () => {
  it('has the exponents the price code depends on, not the CLDR display digits', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('HUF')).toBe(2);
    expect(currencyExponent('IDR')).toBe(2);
    expect(currencyExponent('KZT')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('IQD')).toBe(3);
    expect(currencyExponent('CLF')).toBe(4);
    expect(currencyExponent('BGN')).toBeUndefined();
    expect(isCurrencyCode('XXX')).toBe(false);
    expect(isCurrencyCode('eur')).toBe(false);
  });
});

describe('toMinorUnits / fromMinorUnits', () => {
  it('converts exactly', () => {
    expect(toMinorUnits('19.99', 'EUR')).toEqual({ ok: true, minor: 1999n });
    expect(toMinorUnits('1990', 'RUB')).toEqual({ ok: true, minor: 199000n });
    expect(toMinorUnits('1980', 'JPY')).toEqual({ ok: true, minor: 1980n });
    expect(toMinorUnits('1980.00', 'JPY')).toEqual({ ok: true, minor: 1980n });
    expect(toMinorUnits('3.065', 'KWD')).toEqual({ ok: true, minor: 3065n });
    expect(toMinorUnits('0.1', 'EUR')).toEqual({ ok: true, minor: 10n });
  });

  it('refuses more decimals than the currency has (golden scenario 4: JPY "1980.5")', () => {
    expect(toMinorUnits('1980.5', 'JPY')).toEqual({ ok: false, code: 'PRICE_PRECISION_EXCEEDED' });
    expect(toMinorUnits('19.999', 'EUR')).toEqual({ ok: false, code: 'PRICE_PRECISION_EXCEEDED' });
    expect(toMinorUnits('1.23456', 'CLF')).toEqual({ ok: false, code: 'PRICE_PRECISION_EXCEEDED' });
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', '-1', '1,5', '1e3', ' 1', '1.', '.5', 'NaN']) expect(toMinorUnits(bad, 'EUR')).toEqual({ ok: false, code: 'INVALID_AMOUNT' });
    expect(toMinorUnits('1', 'XYZ')).toEqual({ ok: false, code: 'UNKNOWN_CURRENCY' });
  });

  it('formats minor units with the ISO exponent', () => {
    expect(fromMinorUnits(1999n, 'EUR')).toBe('19.99');
    expect(fromMinorUnits('5', 'EUR')).toBe('0.05');
    expect(fromMinorUnits(3230n, 'JPY')).toBe('3230');
    expect(fromMinorUnits(3065n, 'KWD')).toBe('3.065');
    expect(fromMinorUnits(123500n, 'HUF')).toBe('1235.00');
  });
});
