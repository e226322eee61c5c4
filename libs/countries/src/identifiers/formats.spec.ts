import { describe, expect, it } from '@jest/globals';
import { IDENTIFIER_PATTERNS } from './formats';
import { normalizeIdentifierInput } from './helpers';
import { IDENTIFIER_TYPES } from './registry';

describe('identifier patterns (the shape a front end may pre-check)', () => {
  it('exist for every built-in type and are anchored', () => {
    expect(Object.keys(IDENTIFIER_PATTERNS).sort()).toEqual([...IDENTIFIER_TYPES.keys()].sort());
    for (const pattern of Object.values(IDENTIFIER_PATTERNS)) expect(pattern).toMatch(/^\^.*\$$/);
  });

  it.each([...IDENTIFIER_TYPES.values()].map((t) => [t.code, t.example]))('%s: the example (normalised) matches the pattern', (code, example) => {
    expect(normalizeIdentifierInput(example)).toMatch(new RegExp(IDENTIFIER_PATTERNS[code]));
  });

  it('accept the written forms sellers type, once normalised', () => {
    const matches = (code: string, raw: string) => new RegExp(IDENTIFIER_PATTERNS[code]).test(normalizeIdentifierInput(raw));
    expect(matches('es.cif', 'B-79110482')).toBe(true);
    expect(matches('it.piva', 'IT 00743110157')).toBe(true);
    expect(matches('ru.inn', '7707 083 893')).toBe(true);
    expect(matches('tr.tckn', '07291716060')).toBe(false);
    expect(matches('gb.crn', 'SC123456')).toBe(true);
  });
});
