import { describe, expect, it } from '@jest/globals';
import { stdnum } from 'stdnum';
import {
  MAX_RAW_INPUT_LENGTH,
  checkDigitsShape,
  daysInMonth,
  defineIdentifier,
  fail,
  fromStdnum,
  isDigits,
  isLuhnValid,
  isRepeatedChar,
  isValidDate,
  luhnRemainder,
  modOfDigits,
  normalizeIdentifierInput,
  ok,
  stripCountryPrefix,
  weightedSum,
} from './helpers';
import type { Validator } from 'stdnum';

describe('normalizeIdentifierInput', () => {
  it.each([
    [' it 007.431-101/57 ', 'IT00743110157'],
    ['es-b 79.110.482', 'ESB79110482'],
    ['7707\u00a0083\u202f893', '7707083893'], // no-break spaces
    ['77\u200b07\u2060083\ufeff893', '7707083893'], // zero-width characters
    ['77–07—083‑893', '7707083893'], // en dash, em dash, non-breaking hyphen
    ['77\t07\n083\r893', '7707083893'],
    ['(0)468.561,072', '0468561072'],
    ['ｉｔ００７４３１１０１５７', 'IT00743110157'], // full-width forms (NFKC)
    ['RU:044525225', 'RU044525225'],
    ['a_b\\c|d', 'ABCD'],
    ['٧٧٠٧ ٠٨٣ ٨٩٣', '7707083893'], // Arabic-Indic digits
    ['۷۷۰۷۰۸۳۸۹۳', '7707083893'], // Persian digits
    ['७७०७०८३८९३', '7707083893'], // Devanagari digits
    ['𝟕𝟕𝟎𝟕𝟎𝟖𝟑𝟖𝟗𝟑', '7707083893'], // mathematical bold digits (NFKC)
    ['', ''],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normalizeIdentifierInput(raw)).toBe(expected);
  });

  it('upper-cases ASCII letters only', () => {
    // A Turkish dotless ı or a German ß must not turn into I / SS and pass a format check.
    expect(normalizeIdentifierInput('ıt')).toBe('ıT');
    expect(normalizeIdentifierInput('ß1')).toBe('ß1');
  });

  it('returns an empty string for non-string input', () => {
    expect(normalizeIdentifierInput(undefined as unknown as string)).toBe('');
    expect(normalizeIdentifierInput(42 as unknown as string)).toBe('');
  });
});

describe('checksum primitives', () => {
  it('recognises digit strings', () => {
    expect(isDigits('0123456789')).toBe(true);
    expect(isDigits('')).toBe(false);
    expect(isDigits('12a')).toBe(false);
    expect(isDigits('１２')).toBe(false);
  });

  it('computes Luhn', () => {
    expect(isLuhnValid('79927398713')).toBe(true); // the textbook example
    expect(luhnRemainder('79927398710')).toBe(7);
    expect(isLuhnValid('79927398714')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
  });

  it('computes weighted sums with repeating weights', () => {
    expect(weightedSum('123', [1])).toBe(6);
    expect(weightedSum('1234', [7, 1, 3])).toBe(1 * 7 + 2 + 3 * 3 + 4 * 7);
  });

  it('reduces long digit strings modulo m without losing precision', () => {
    const value = '123456789012345678901234567890';
    expect(modOfDigits(value, 97)).toBe(Number(BigInt(value) % 97n));
    expect(modOfDigits(value, 13)).toBe(Number(BigInt(value) % 13n));
  });

  it('validates calendar dates', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(2024, 4, 31)).toBe(false);
    expect(isValidDate(2024, 13, 1)).toBe(false);
    expect(isValidDate(2024, 1, 0)).toBe(false);
    expect(daysInMonth(2024, 12)).toBe(31);
  });

  it('detects repeated characters', () => {
    expect(isRepeatedChar('1111')).toBe(true);
    expect(isRepeatedChar('1112')).toBe(false);
    expect(isRepeatedChar('')).toBe(false);
  });

  it('gates length then digits', () => {
    expect(checkDigitsShape('123', 3)).toBeNull();
    expect(checkDigitsShape('12', [3, 4])).toEqual({ valid: false, code: 'INVALID_LENGTH', normalized: '12' });
    expect(checkDigitsShape('12A', 3)).toEqual({ valid: false, code: 'INVALID_FORMAT', normalized: '12A' });
  });
});

describe('stripCountryPrefix', () => {
  const prefix = { letters: ['EL', 'GR'], bodyLengths: [9] };
  it('strips a prefix only when the rest has a national length', () => {
    expect(stripCountryPrefix('EL094259216', prefix)).toBe('094259216');
    expect(stripCountryPrefix('GR094259216', prefix)).toBe('094259216');
    expect(stripCountryPrefix('EL09425921', prefix)).toBe('EL09425921');
    expect(stripCountryPrefix('094259216', prefix)).toBe('094259216');
    expect(stripCountryPrefix('EL094259216', undefined)).toBe('EL094259216');
  });
});

describe('fromStdnum', () => {
  it.each([
    ['7707083893', { valid: true, normalized: '7707083893' }],
    ['7707083894', { valid: false, code: 'INVALID_CHECKSUM', normalized: '7707083894' }],
    ['770708389', { valid: false, code: 'INVALID_LENGTH', normalized: '770708389' }],
    ['77070838AB', { valid: false, code: 'INVALID_FORMAT', normalized: '77070838AB' }],
  ])('maps stdnum results for %s', (value, expected) => {
    expect(fromStdnum(stdnum.RU.inn, value)).toEqual(expected);
  });

  it('maps InvalidComponent', () => {
    expect(fromStdnum(stdnum.US.ein, '071144442')).toMatchObject({ valid: false, code: 'INVALID_COMPONENT' });
  });

  it('catches validators that throw (stdnum-js NL.btw throws on an empty string)', () => {
    expect(() => stdnum.NL.btw.validate('')).toThrow();
    expect(fromStdnum(stdnum.NL.btw, '')).toEqual({ valid: false, code: 'INVALID_FORMAT' });
  });

  it('falls back to INVALID_FORMAT for an unknown error class', () => {
    const odd = { validate: () => ({ isValid: false, error: new Error('?') }) } as unknown as Validator;
    expect(fromStdnum(odd, 'X')).toEqual({ valid: false, code: 'INVALID_FORMAT', normalized: 'X' });
  });
});

describe('defineIdentifier', () => {
  const throwing = defineIdentifier({
    code: 'test.throwing',
    country: null,
    example: 'X',
    check() {
      throw new Error('boom');
    },
  });
  const echo = defineIdentifier({
    code: 'test.echo',
    country: 'XX',
    example: 'X',
    prefix: { letters: ['XX'], bodyLengths: [3] },
    check: (value) => (value === 'BAD' ? fail('INVALID_CHECKSUM') : ok(value)),
  });

  it('never lets an exception escape', () => {
    expect(throwing.validate('anything')).toEqual({ valid: false, code: 'INVALID_FORMAT', normalized: 'ANYTHING' });
    const badNormalizer = defineIdentifier({
      code: 'test.normalizer',
      country: null,
      example: 'X',
      normalize: () => {
        throw new Error('boom');
      },
      check: (value) => ok(value),
    });
    expect(badNormalizer.validate('x')).toEqual({ valid: false, code: 'INVALID_FORMAT' });
  });

  it('rejects empty, non-string and oversized input up front', () => {
    expect(echo.validate('')).toEqual({ valid: false, code: 'INVALID_LENGTH' });
    expect(echo.validate(' -. ')).toEqual({ valid: false, code: 'INVALID_LENGTH' });
    expect(echo.validate(null as unknown as string)).toEqual({ valid: false, code: 'INVALID_FORMAT' });
    expect(echo.validate('A'.repeat(MAX_RAW_INPUT_LENGTH + 1))).toEqual({ valid: false, code: 'INVALID_LENGTH' });
    expect(echo.validate('A'.repeat(MAX_RAW_INPUT_LENGTH))).toMatchObject({ valid: true });
  });

  it('strips the prefix and fills in the normalised value on failures', () => {
    expect(echo.validate('xx-abc')).toEqual({ valid: true, normalized: 'ABC' });
    expect(echo.validate('xx bad')).toEqual({ valid: false, code: 'INVALID_CHECKSUM', normalized: 'BAD' });
  });

  it('omits kind unless given', () => {
    expect(ok('A')).toEqual({ valid: true, normalized: 'A' });
    expect(ok('A', 'company')).toEqual({ valid: true, normalized: 'A', kind: 'company' });
    expect(fail('INVALID_LENGTH', '')).toEqual({ valid: false, code: 'INVALID_LENGTH' });
  });
});
