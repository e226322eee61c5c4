/**
 * Generic identifier rules: what a pack instantiates, with arguments, to define a national number
 * as DATA (the Dutch KvK-nummer, RSIN, BSN) instead of code. A rule is normalisation + allowed
 * lengths and/or a safe pattern + one check-digit algorithm from a closed, tested family + an
 * optional value range. National types that need more than this (dates inside the number, letter
 * tables, several check digits) stay code in this folder.
 */
import { defineIdentifier, digitAt, fail, isDigits, luhnRemainder, ok, weightedSum } from './helpers';
import { unsafePatternReason } from './safe-pattern';
import type { IdentifierResult, IdentifierType } from './types';

/** Longest normalised value a generic rule looks at (longer input fails before any pattern runs). */
export const MAX_RULE_VALUE_LENGTH = 64;

export type CheckDigitRule =
  | { algorithm: 'none' }
  | { algorithm: 'weighted_mod11'; weights: number[] }
  | { algorithm: 'weighted_mod10'; weights: number[] }
  | { algorithm: 'luhn' }
  | { algorithm: 'iso7064_mod97_10' }
  | { algorithm: 'iso7064_mod11_10' }
  | { algorithm: 'iso7064_mod11_2' };

export type StripCharacter = 'spaces' | 'dots' | 'dashes' | 'slashes';

export interface IdentifierRuleDefinition {
  normalize: { strip: StripCharacter[]; upperCase: boolean; prefix?: string };
  lengths?: number[];
  pattern?: string;
  checkDigit: CheckDigitRule;
  valueCheck?: { ranges: { min: string; max: string }[] };
}

export type CheckDigitAlgorithm = CheckDigitRule['algorithm'];

/** What every algorithm checks and which parameters it takes: served to ops at GET /v1/ops/countries/identifier-types. */
export const CHECK_DIGIT_ALGORITHMS: Readonly<Record<CheckDigitAlgorithm, { checks: string; parameters: Record<string, string>; example: CheckDigitRule }>> = {
  none: { checks: 'No check digit: only the normalisation, lengths, pattern and value ranges apply (e.g. the Dutch KvK-nummer).', parameters: {}, example: { algorithm: 'none' } },
  weighted_mod11: {
    checks:
      'Digits only; Σ weightᵢ·digitᵢ over ALL digits (the check digit included) must be divisible by 11. The Dutch 11-test is weights 9,8,7,6,5,4,3,2,1 (RSIN); the BSN variant ends in -1 (9,8,7,6,5,4,3,2,-1). A check digit computed as 11 − (Σ mod 11) is the same test with the last weight 1; Σ mod 11 = check digit is the same test with the last weight -1.',
    parameters: { weights: 'integers from -99 to 99, one per digit (the value must have exactly as many digits)' },
    example: { algorithm: 'weighted_mod11', weights: [9, 8, 7, 6, 5, 4, 3, 2, 1] },
  },
  weighted_mod10: {
    checks: 'Digits only; Σ weightᵢ·digitᵢ over ALL digits (the check digit included) must be divisible by 10 (e.g. a US ABA routing number: 3,7,1,3,7,1,3,7,1).',
    parameters: { weights: 'integers from -99 to 99, one per digit (the value must have exactly as many digits)' },
    example: { algorithm: 'weighted_mod10', weights: [3, 7, 1, 3, 7, 1, 3, 7, 1] },
  },
  luhn: { checks: 'Digits only; the Luhn (mod 10, doubling every second digit from the right) sum over all digits is divisible by 10 (partita IVA, SIREN).', parameters: {}, example: { algorithm: 'luhn' } },
  iso7064_mod97_10: {
    checks: 'Digits and letters (A=10 … Z=35); the whole value read as a number is ≡ 1 (mod 97), as in IBAN check digits and the LEI.',
    parameters: {},
    example: { algorithm: 'iso7064_mod97_10' },
  },
  iso7064_mod11_10: { checks: 'Digits only; the last digit is the ISO 7064 MOD 11,10 (hybrid) check digit of the others (the German USt-IdNr).', parameters: {}, example: { algorithm: 'iso7064_mod11_10' } },
  iso7064_mod11_2: {
    checks: 'Digits with a last character 0–9 or X; ISO 7064 MOD 11-2 (pure): the value is ≡ 1 (mod 11) with weights 2ⁿ (ORCID, ISNI).',
    parameters: {},
    example: { algorithm: 'iso7064_mod11_2' },
  },
};

const STRIP: Readonly<Record<StripCharacter, string>> = {
  spaces: '\\s\\u00A0\\u200B-\\u200D\\u2060\\uFEFF',
  dots: '.\\u00B7',
  dashes: '\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63',
  slashes: '/\\\\\\u2215',
};

/** Σ wᵢ·dᵢ with exactly one weight per digit. */
function strictWeightedSum(value: string, weights: readonly number[]): number | null {
  return value.length === weights.length ? weightedSum(value, weights) : null;
}

const mod = (n: number, m: number) => ((n % m) + m) % m;

function mod97(value: string): number {
  let rest = 0;
  for (const c of value) {
    const v = /[0-9]/.test(c) ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    rest = (v >= 10 ? rest * 100 + v : rest * 10 + v) % 97;
  }
  return rest;
}

function mod11_10(value: string): boolean {
  let p = 10;
  for (let i = 0; i < value.length - 1; i++) {
    let s = (digitAt(value, i) + p) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  return (11 - p) % 10 === digitAt(value, value.length - 1);
}

function mod11_2(value: string): boolean {
  let s = 0;
  for (let i = 0; i < value.length; i++) s = (s * 2 + (value[i] === 'X' ? 10 : digitAt(value, i))) % 11;
  return s === 1;
}

/** Runs one check-digit algorithm on a normalised value. */
export function runCheckDigit(rule: CheckDigitRule, value: string): IdentifierResult {
  switch (rule.algorithm) {
    case 'none':
      return ok(value);
    case 'weighted_mod11':
    case 'weighted_mod10': {
      if (!isDigits(value)) return fail('INVALID_FORMAT', value);
      const sum = strictWeightedSum(value, rule.weights);
      if (sum === null) return fail('INVALID_LENGTH', value);
      return mod(sum, rule.algorithm === 'weighted_mod11' ? 11 : 10) === 0 ? ok(value) : fail('INVALID_CHECKSUM', value);
    }
    case 'luhn':
      if (!isDigits(value)) return fail('INVALID_FORMAT', value);
      return luhnRemainder(value) === 0 ? ok(value) : fail('INVALID_CHECKSUM', value);
    case 'iso7064_mod97_10':
      if (!/^[0-9A-Z]+$/.test(value)) return fail('INVALID_FORMAT', value);
      return mod97(value) === 1 ? ok(value) : fail('INVALID_CHECKSUM', value);
    case 'iso7064_mod11_10':
      if (!isDigits(value) || value.length < 2) return fail('INVALID_FORMAT', value);
      return mod11_10(value) ? ok(value) : fail('INVALID_CHECKSUM', value);
    case 'iso7064_mod11_2':
      if (!/^[0-9]+[0-9X]$/.test(value)) return fail('INVALID_FORMAT', value);
      return mod11_2(value) ? ok(value) : fail('INVALID_CHECKSUM', value);
  }
}

/** Compares two digit strings as non-negative integers. */
function compareNumeric(a: string, b: string): number {
  const x = a.replace(/^0+(?=.)/, '');
  const y = b.replace(/^0+(?=.)/, '');
  return x.length !== y.length ? x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Problems of a rule definition that the schema cannot see: an unsafe pattern, weights that fit none
 * of the allowed lengths, ranges that are not numbers. Empty when the rule is usable.
 */
export function ruleDefinitionProblems(rule: IdentifierRuleDefinition): { path: string; reason: string }[] {
  const out: { path: string; reason: string }[] = [];
  if (!rule.lengths?.length && !rule.pattern) out.push({ path: 'lengths', reason: 'LENGTHS_OR_PATTERN_REQUIRED' });
  if (rule.pattern) {
    const reason = unsafePatternReason(rule.pattern);
    if (reason) out.push({ path: 'pattern', reason });
  }
  const c = rule.checkDigit;
  if ((c.algorithm === 'weighted_mod11' || c.algorithm === 'weighted_mod10') && rule.lengths?.some((l) => l !== c.weights.length)) {
    out.push({ path: 'checkDigit.weights', reason: 'WEIGHTS_LENGTH_MISMATCH' });
  }
  rule.valueCheck?.ranges.forEach((r, i) => {
    if (!isDigits(r.min) || !isDigits(r.max)) out.push({ path: `valueCheck.ranges[${i}]`, reason: 'RANGE_NOT_NUMERIC' });
    else if (compareNumeric(r.min, r.max) > 0) out.push({ path: `valueCheck.ranges[${i}]`, reason: 'RANGE_EMPTY' });
  });
  return out;
}

/** The normaliser of a rule: NFKC, the chosen separators stripped, optional upper-casing and fixed prefix. */
export function ruleNormalizer(rule: IdentifierRuleDefinition): (raw: string) => string {
  const strip = rule.normalize.strip.length ? new RegExp(`[${rule.normalize.strip.map((s) => STRIP[s]).join('')}]`, 'gu') : null;
  const prefix = rule.normalize.prefix;
  return (raw) => {
    let value = raw.normalize('NFKC').trim();
    if (strip) value = value.replace(strip, '');
    if (rule.normalize.upperCase) value = value.replace(/[a-z]+/g, (s) => s.toUpperCase());
    if (prefix && value.startsWith(prefix)) value = value.slice(prefix.length);
    return value;
  };
}

/** The check of a rule on a normalised value: lengths, pattern, check digit, value ranges — in that order. */
export function ruleCheck(rule: IdentifierRuleDefinition): (value: string) => IdentifierResult {
  if (ruleDefinitionProblems(rule).length) throw new Error('unusable identifier rule'); // pack checks refuse these before publication
  const pattern = rule.pattern ? new RegExp(rule.pattern, 'u') : null;
  return (value) => {
    if (value.length > MAX_RULE_VALUE_LENGTH) return fail('INVALID_LENGTH', value);
    if (rule.lengths?.length && !rule.lengths.includes(value.length)) return fail('INVALID_LENGTH', value);
    if (pattern && !pattern.test(value)) return fail('INVALID_FORMAT', value);
    const checked = runCheckDigit(rule.checkDigit, value);
    if (!checked.valid) return checked;
    if (rule.valueCheck && !rule.valueCheck.ranges.some((r) => isDigits(value) && compareNumeric(value, r.min) >= 0 && compareNumeric(value, r.max) <= 0)) {
      return fail('INVALID_COMPONENT', value);
    }
    return ok(value);
  };
}

/** An identifier type defined by a pack: same contract as the built-in ones (`validate` never throws). */
export function identifierTypeFromRule(code: string, country: string, example: string, rule: IdentifierRuleDefinition): IdentifierType {
  return defineIdentifier({ code, country, example, normalize: ruleNormalizer(rule), check: ruleCheck(rule) });
}
