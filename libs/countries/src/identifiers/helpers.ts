/**
 * Shared building blocks for the identifier validators: input normalisation, result constructors,
 * checksum primitives, the stdnum adapter and {@link defineIdentifier}, which wraps every type's
 * check so that `validate()` never throws.
 */
import type { Validator } from 'stdnum';
import type { IdentifierFailure, IdentifierKind, IdentifierResult, IdentifierType } from './types';

/** Longer raw input is rejected before any work is done (no identifier here is longer than ~40 chars). */
export const MAX_RAW_INPUT_LENGTH = 256;

/**
 * Characters people type between the parts of a number: whitespace (incl. NBSP and zero-width
 * spaces), dots, commas, colons, dashes of every kind, slashes, underscores, quotes, brackets.
 * Applied after NFKC, which already folds full-width forms (`１２３`, `－`, `／`) to ASCII.
 */
const SEPARATORS = /[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF.,:;_'"`´·|\\/()[\]{}\-\u2010-\u2015\u2212\u2043\u2044\u2215\uFE58\uFE63]/gu;

const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;

/**
 * ASCII value of a Unicode decimal digit (Arabic-Indic `٣`, Devanagari `३`, …). Unicode keeps
 * every decimal digit set as 10 contiguous code points from 0 to 9, so the value is the offset
 * from the first digit of its contiguous run, mod 10.
 */
function asciiDigit(char: string): string {
  const code = char.codePointAt(0) as number;
  let zero = code;
  while (IS_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((code - zero) % 10);
}

/**
 * Shared normalisation: Unicode NFKC, decimal digits of any script to ASCII, strip separators,
 * upper-case ASCII letters. Non-ASCII letters are left alone (and then fail the format checks),
 * so that e.g. a Turkish dotless `ı` is not silently turned into `I`. Returns '' for non-string input.
 */
export function normalizeIdentifierInput(raw: string): string {
  if (typeof raw !== 'string') return '';
  return raw
    .normalize('NFKC')
    .replace(NON_ASCII_DIGIT, asciiDigit)
    .replace(SEPARATORS, '')
    .replace(/[a-z]+/g, (s) => s.toUpperCase());
}

export function ok(normalized: string, kind?: IdentifierKind): IdentifierResult {
  return kind ? { valid: true, normalized, kind } : { valid: true, normalized };
}

export function fail(code: IdentifierFailure, normalized?: string): IdentifierResult {
  return normalized ? { valid: false, code, normalized } : { valid: false, code };
}

// ---------------------------------------------------------------------------------------------
// Checksum primitives

const DIGITS_RE = /^[0-9]+$/;

/** True when `value` is a non-empty string of ASCII digits. */
export function isDigits(value: string): boolean {
  return DIGITS_RE.test(value);
}

export function digitAt(value: string, index: number): number {
  return value.charCodeAt(index) - 48;
}

/** Σ dᵢ·wᵢ over the digits of `value`; the weights repeat when shorter than the value. */
export function weightedSum(value: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < value.length; i++) sum += digitAt(value, i) * weights[i % weights.length];
  return sum;
}

/** The digit string read as a (big) integer, modulo `modulus` (Horner; no precision limits). */
export function modOfDigits(value: string, modulus: number): number {
  let rest = 0;
  for (let i = 0; i < value.length; i++) rest = (rest * 10 + digitAt(value, i)) % modulus;
  return rest;
}

/** Luhn (mod 10, doubling every second digit from the right) over a digit string: 0 when valid. */
export function luhnRemainder(value: string): number {
  let sum = 0;
  for (let i = value.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digitAt(value, i);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10;
}

export function isLuhnValid(value: string): boolean {
  return isDigits(value) && luhnRemainder(value) === 0;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True when every character is the same (`00000000`, `11111111111`): placeholders, never issued. */
export function isRepeatedChar(value: string): boolean {
  return value.length > 0 && value.split('').every((c) => c === value[0]);
}

/**
 * Standard "length, then digits-only" gate used by most purely numeric identifiers.
 * Returns a failure, or null when the value is `lengths`-long and all digits.
 */
export function checkDigitsShape(value: string, lengths: number | readonly number[]): IdentifierResult | null {
  const allowed = typeof lengths === 'number' ? [lengths] : lengths;
  if (!allowed.includes(value.length)) return fail('INVALID_LENGTH', value);
  if (!isDigits(value)) return fail('INVALID_FORMAT', value);
  return null;
}

// ---------------------------------------------------------------------------------------------
// stdnum (koblas/stdnum-js) adapter

const STDNUM_ERRORS: Readonly<Record<string, IdentifierFailure>> = {
  InvalidLength: 'INVALID_LENGTH',
  InvalidFormat: 'INVALID_FORMAT',
  InvalidChecksum: 'INVALID_CHECKSUM',
  InvalidComponent: 'INVALID_COMPONENT',
};

/**
 * Runs a stdnum-js validator on an already normalised value and maps its answer. Some stdnum
 * validators throw on odd input (e.g. `NL.btw` on ''), so this catches too.
 */
export function fromStdnum(validator: Validator, value: string): IdentifierResult {
  try {
    const result = validator.validate(value);
    if (result.isValid) return ok(result.compact);
    return fail(STDNUM_ERRORS[result.error?.name ?? ''] ?? 'INVALID_FORMAT', value);
  } catch {
    return fail('INVALID_FORMAT', value);
  }
}

// ---------------------------------------------------------------------------------------------
// Type definition

export interface CountryPrefix {
  /** Prefixes that may precede the national number (`['IT']`, `['EL', 'GR']`). */
  letters: readonly string[];
  /** Lengths of the national number: the prefix is only stripped when what is left has one of them. */
  bodyLengths: readonly number[];
}

export interface IdentifierSpec {
  code: string;
  country: string | null;
  example: string;
  /** VAT-style country prefix to strip before `check` (e.g. `IT00743110157` for `it.piva`). */
  prefix?: CountryPrefix;
  /** Replaces {@link normalizeIdentifierInput} when the raw form carries structure (see `ru.bank_account`). */
  normalize?: (raw: string) => string;
  /** Validates the normalised value. May throw: the wrapper turns that into INVALID_FORMAT. */
  check(value: string): IdentifierResult;
}

export function stripCountryPrefix(value: string, prefix: CountryPrefix | undefined): string {
  if (!prefix) return value;
  for (const letters of prefix.letters) {
    if (value.startsWith(letters) && prefix.bodyLengths.includes(value.length - letters.length)) {
      return value.slice(letters.length);
    }
  }
  return value;
}

/**
 * Builds an {@link IdentifierType} whose `validate` normalises, strips the country prefix, runs
 * the check and never throws, whatever it is given. Failures carry the normalised value.
 */
export function defineIdentifier(spec: IdentifierSpec): IdentifierType {
  const normalize = spec.normalize ?? normalizeIdentifierInput;
  return {
    code: spec.code,
    country: spec.country,
    example: spec.example,
    validate(raw: string): IdentifierResult {
      if (typeof raw !== 'string') return fail('INVALID_FORMAT');
      if (raw.length > MAX_RAW_INPUT_LENGTH) return fail('INVALID_LENGTH');
      let value: string;
      try {
        value = stripCountryPrefix(normalize(raw), spec.prefix);
      } catch {
        return fail('INVALID_FORMAT');
      }
      if (value.length === 0) return fail('INVALID_LENGTH');
      try {
        const result = spec.check(value);
        if (result.valid || result.normalized !== undefined) return result;
        return fail(result.code, value);
      } catch {
        return fail('INVALID_FORMAT', value);
      }
    },
  };
}
