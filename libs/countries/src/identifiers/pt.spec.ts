import { describe, expect, it } from '@jest/globals';
import { expectEverySubstitutionInvalid, expectInvalid, expectSubstitutionsMatchReference, expectValid } from './spec-helpers';

function referenceNif(value: string): boolean {
  if (!/^[1-9]\d{8}$/.test(value)) return false;
  const sum = [9, 8, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(value[i]), 0) % 11;
  return ((11 - sum) % 11) % 10 === Number(value[8]);
}

describe('pt.nif', () => {
  it.each([
    ['PT 501 964 843', '501964843', 'company'], // stdnum-js tests
    ['507104560', '507104560', 'company'],
    ['506035220', '506035220', 'company'],
    ['PT502448911', '502448911', 'company'], // python-stdnum eu.vat list
    ['123456789', '123456789', 'individual'], // synthetic: Σ = 156, 156 mod 11 = 2, 11 − 2 = 9
    ['451234561', '451234561', 'individual'], // synthetic non-resident person
  ] as const)('accepts %s', (raw, normalized, kind) => expectValid('pt.nif', raw, normalized, kind));

  it.each([
    ['PT 501 964 842', 'INVALID_CHECKSUM'],
    ['012345678', 'INVALID_FORMAT'], // first digit 0
    ['12345678', 'INVALID_LENGTH'],
    ['5019648430', 'INVALID_LENGTH'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('pt.nif', value, code));

  it.each(['501964843', '502448911'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('pt.nif', value),
  );

  it('agrees with the reference on 509284930 (check digit 0: remainder 0 and 1 collide)', () => {
    expect(expectSubstitutionsMatchReference('pt.nif', '509284930', referenceNif)).toBe(7);
  });
});

describe('pt.nipc', () => {
  it.each([
    ['501964843', '501964843'],
    ['PT 509 284 930', '509284930'],
    ['999999990', '999999990'], // synthetic
  ])('accepts %s', (raw, normalized) => expectValid('pt.nipc', raw, normalized));

  it.each([
    ['123456789', 'INVALID_COMPONENT'], // a natural person's NIF
    ['451234561', 'INVALID_COMPONENT'],
    ['501964842', 'INVALID_CHECKSUM'],
    ['50196484', 'INVALID_LENGTH'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('pt.nipc', value, code));
});
