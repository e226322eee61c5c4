import { describe, expect, it } from '@jest/globals';
import { identifierTypeFromRule, ruleDefinitionProblems, runCheckDigit } from './rules';
import type { CheckDigitRule, IdentifierRuleDefinition } from './rules';
import { unsafePatternReason } from './safe-pattern';
import { BUILT_IN_CHECKS } from './checks';
import { IDENTIFIER_TYPES } from './registry';

const NL_11_TEST = [9, 8, 7, 6, 5, 4, 3, 2, 1];
const BSN_VARIANT = [9, 8, 7, 6, 5, 4, 3, 2, -1];
const valid = (rule: CheckDigitRule, value: string) => runCheckDigit(rule, value).valid;

describe('check-digit algorithms', () => {
  it('weighted_mod11: the Dutch 11-test and its BSN/RSIN variant (last weight -1)', () => {
    // BSN: 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−1·3 = 66 ≡ 0 (mod 11)
    expect(valid({ algorithm: 'weighted_mod11', weights: BSN_VARIANT }, '111222333')).toBe(true);
    expect(valid({ algorithm: 'weighted_mod11', weights: BSN_VARIANT }, '123456782')).toBe(true);
    expect(valid({ algorithm: 'weighted_mod11', weights: BSN_VARIANT }, '123456783')).toBe(false);
    // the RSIN inside the published btw-id NL004495445B01
    expect(valid({ algorithm: 'weighted_mod11', weights: BSN_VARIANT }, '004495445')).toBe(true);
    // the plain 11-test (weights 9…1): a Norwegian organisasjonsnummer is the same test with weights 3,2,7,6,5,4,3,2,1
    expect(valid({ algorithm: 'weighted_mod11', weights: NL_11_TEST }, '123456789')).toBe(true); // Σ = 165
    expect(valid({ algorithm: 'weighted_mod11', weights: NL_11_TEST }, '123456788')).toBe(false);
    expect(valid({ algorithm: 'weighted_mod11', weights: [3, 2, 7, 6, 5, 4, 3, 2, 1] }, '974760673')).toBe(true);
    expect(valid({ algorithm: 'weighted_mod11', weights: [3, 2, 7, 6, 5, 4, 3, 2, 1] }, '974760674')).toBe(false);
    // weights must cover every digit
    expect(runCheckDigit({ algorithm: 'weighted_mod11', weights: NL_11_TEST }, '12345678')).toMatchObject({ valid: false, code: 'INVALID_LENGTH' });
    expect(runCheckDigit({ algorithm: 'weighted_mod11', weights: NL_11_TEST }, '12345678A')).toMatchObject({ valid: false, code: 'INVALID_FORMAT' });
  });

  it('weighted_mod10 (a US ABA routing number, weights 3,7,1)', () => {
    expect(valid({ algorithm: 'weighted_mod10', weights: [3, 7, 1, 3, 7, 1, 3, 7, 1] }, '011000015')).toBe(true);
    expect(valid({ algorithm: 'weighted_mod10', weights: [3, 7, 1, 3, 7, 1, 3, 7, 1] }, '011000016')).toBe(false);
  });

  it('luhn (a partita IVA, a SIREN)', () => {
    expect(valid({ algorithm: 'luhn' }, '00743110157')).toBe(true);
    expect(valid({ algorithm: 'luhn' }, '732829320')).toBe(true);
    expect(valid({ algorithm: 'luhn' }, '00743110158')).toBe(false);
  });

  it('ISO 7064 MOD 97-10 (an LEI), MOD 11,10 (a USt-IdNr body), MOD 11-2 (ORCID, with X)', () => {
    expect(valid({ algorithm: 'iso7064_mod97_10' }, '5493001KJTIIGC8Y1R12')).toBe(true);
    expect(valid({ algorithm: 'iso7064_mod97_10' }, '5493001KJTIIGC8Y1R13')).toBe(false);
    expect(valid({ algorithm: 'iso7064_mod11_10' }, '136695976')).toBe(true);
    expect(valid({ algorithm: 'iso7064_mod11_10' }, '136695978')).toBe(false);
    expect(valid({ algorithm: 'iso7064_mod11_2' }, '0000000218250097')).toBe(true);
    expect(valid({ algorithm: 'iso7064_mod11_2' }, '000000021694233X')).toBe(true);
    expect(valid({ algorithm: 'iso7064_mod11_2' }, '0000000218250098')).toBe(false);
    expect(valid({ algorithm: 'iso7064_mod11_2' }, '00000002182500X7')).toBe(false);
  });

  it('none', () => {
    expect(valid({ algorithm: 'none' }, 'anything')).toBe(true);
  });
});

describe('a pack-defined identifier type', () => {
  const kvk: IdentifierRuleDefinition = {
    normalize: { strip: ['spaces', 'dots', 'dashes'], upperCase: true },
    lengths: [8],
    pattern: '^\\d{8}$',
    checkDigit: { algorithm: 'none' },
    valueCheck: { ranges: [{ min: '00000001', max: '99999999' }] },
  };
  const type = identifierTypeFromRule('nl.kvk', 'NL', '69599084', kvk);

  it('normalises, then checks lengths, pattern and ranges, with the failure codes of the built-in types', () => {
    expect(type.validate(' 6959.90-84 ')).toEqual({ valid: true, normalized: '69599084' });
    expect(type.validate('6959908')).toMatchObject({ valid: false, code: 'INVALID_LENGTH' });
    expect(type.validate('6959908A')).toMatchObject({ valid: false, code: 'INVALID_FORMAT' });
    expect(type.validate('00000000')).toMatchObject({ valid: false, code: 'INVALID_COMPONENT' });
    expect(type.validate('x'.repeat(300))).toMatchObject({ valid: false, code: 'INVALID_LENGTH' });
    expect(type.validate(42 as unknown as string)).toMatchObject({ valid: false });
  });

  it('strips only the separators it names, and an optional fixed prefix', () => {
    const noSpaces = identifierTypeFromRule('nl.x', 'NL', '12345678', { ...kvk, normalize: { strip: ['dots'], upperCase: true, prefix: 'KVK' } });
    expect(noSpaces.validate('1234 5678').valid).toBe(false);
    expect(noSpaces.validate('kvk1234.5678')).toEqual({ valid: true, normalized: '12345678' });
  });

  it('refuses unusable definitions: no length or pattern, weights that fit no length, unsafe patterns, bad ranges', () => {
    expect(ruleDefinitionProblems({ normalize: { strip: [], upperCase: false }, checkDigit: { algorithm: 'none' } })).toEqual([{ path: 'lengths', reason: 'LENGTHS_OR_PATTERN_REQUIRED' }]);
    expect(ruleDefinitionProblems({ ...kvk, checkDigit: { algorithm: 'weighted_mod11', weights: NL_11_TEST } })).toEqual([{ path: 'checkDigit.weights', reason: 'WEIGHTS_LENGTH_MISMATCH' }]);
    expect(ruleDefinitionProblems({ ...kvk, pattern: '^(\\d+)+$' })).toEqual([{ path: 'pattern', reason: 'NESTED_QUANTIFIER' }]);
    expect(ruleDefinitionProblems({ ...kvk, valueCheck: { ranges: [{ min: '9', max: '1' }, { min: 'a', max: '1' }] } })).toEqual([
      { path: 'valueCheck.ranges[0]', reason: 'RANGE_EMPTY' },
      { path: 'valueCheck.ranges[1]', reason: 'RANGE_NOT_NUMERIC' },
    ]);
    expect(() => identifierTypeFromRule('nl.x', 'NL', '1', { ...kvk, pattern: '^(a|aa)*$' })).toThrow();
  });
});

describe('safe patterns', () => {
  it.each([
    ['^\\d{8}$'],
    ['^(\\d{3}\\.){2}\\d{3}$'],
    ['^(HRA|HRB)\\d{1,6}$'],
    ['^(0[1-9]|[1-4]\\d|5[0-2])\\d{3}$'],
    ['^[1-9]\\d{3}[A-Z]{2}$'],
    ['^[A-Z]{2}\\d+$'],
    ['^(?:DE)?\\d{9}$'],
    ['^[\\w-]{2,10}$'],
  ])('accepts %s', (pattern) => expect(unsafePatternReason(pattern)).toBeNull());

  it.each([
    ['^(a+)+$', 'NESTED_QUANTIFIER'],
    ['^(a*)*b$', 'NESTED_QUANTIFIER'],
    ['^(a|aa)+$', 'NESTED_QUANTIFIER'],
    ['^(\\d?){20}$', 'NESTED_QUANTIFIER'],
    ['^((ab)+c)*$', 'NESTED_QUANTIFIER'],
    ['^(?:x\\d{1,3})+$', 'NESTED_QUANTIFIER'],
    ['^\\d+\\d+\\d+\\d+$', 'TOO_MANY_UNBOUNDED'],
    ['^(a)\\1$', 'BACKREFERENCE'],
    ['^(?=a)a$', 'LOOKAROUND'],
    ['^(?<!a)b$', 'LOOKAROUND'],
    ['\\d{8}', 'NOT_ANCHORED'],
    ['^\\d{8}\\$', 'NOT_ANCHORED'],
    ['^[a-$', 'SYNTAX'],
    [`^${'a'.repeat(250)}$`, 'TOO_LONG'],
  ])('refuses %s (%s)', (pattern, reason) => expect(unsafePatternReason(pattern)).toBe(reason));

  it('keeps every accepted pattern fast on hostile input', () => {
    const hostile = 'a'.repeat(64) + '!';
    for (const pattern of ['^[a-z]+[a-z]+[a-z]+$', '^(?:ab){1,30}a*$', '^a{1,60}a{1,60}$']) {
      expect(unsafePatternReason(pattern)).toBeNull();
      const started = process.hrtime.bigint();
      new RegExp(pattern, 'u').test(hostile);
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
    }
  });
});

describe('built-in identifier types for ops', () => {
  it('say what each of them checks (GET /v1/ops/countries/identifier-types lists only described types)', () => {
    const real = [...IDENTIFIER_TYPES.keys()].filter((code) => !code.startsWith('test.'));
    expect(real.filter((code) => !BUILT_IN_CHECKS[code])).toEqual([]);
    expect(Object.keys(BUILT_IN_CHECKS).filter((code) => !IDENTIFIER_TYPES.has(code))).toEqual([]);
  });
});
