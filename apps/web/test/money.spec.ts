import { describe, expect, it } from '@jest/globals';
import { decimalToMinor, exponentOf, minorToDecimal, parseDecimal } from '../src/money';

/** Money in the UI: strings in, strings out, the currency's exponent respected, never a float. */
describe('web money helpers', () => {
  it('knows the ISO 4217 exponent, preferring the one the API sent', () => {
    expect(exponentOf('EUR')).toBe(2);
    expect(exponentOf('JPY')).toBe(0);
    expect(exponentOf('KWD')).toBe(3);
    expect(exponentOf('EUR', 3)).toBe(3);
  });

  it('turns minor units into a decimal exactly', () => {
    expect(minorToDecimal('4499', 2)).toBe('44.99');
    expect(minorToDecimal('5', 2)).toBe('0.05');
    expect(minorToDecimal('-5', 2)).toBe('-0.05');
    expect(minorToDecimal('1990', 0)).toBe('1990');
    expect(minorToDecimal('1234567890123456789', 2)).toBe('12345678901234567.89');
  });

  it('reads what people type, with comma or point, and refuses what is no amount for the currency', () => {
    expect(parseDecimal('44,99', 2)).toBe('44.99');
    expect(parseDecimal(' 1 990.5 ', 2)).toBe('1990.5');
    expect(parseDecimal('0007', 2)).toBe('7');
    expect(parseDecimal('44.999', 2)).toBeNull();
    expect(parseDecimal('10.5', 0)).toBeNull();
    expect(parseDecimal('1e3', 2)).toBeNull();
    expect(parseDecimal('-1', 2)).toBeNull();
    expect(parseDecimal('', 2)).toBeNull();
    expect(decimalToMinor('1990.5', 2)).toBe('199050');
    expect(decimalToMinor('0.07', 2)).toBe('7');
    expect(decimalToMinor('0.1', 3)).toBe('100');
    expect(decimalToMinor('12345678901234567.89', 2)).toBe('1234567890123456789');
  });
});
