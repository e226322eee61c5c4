import { describe, expect, it } from '@jest/globals';
import { expectEverySubstitutionInvalid, expectInvalid, expectSubstitutionsMatchReference, expectValid } from './spec-helpers';

/** Luhn over a digit string, written independently for the reference below. */
function luhn(value: string): boolean {
  let sum = 0;
  [...value].reverse().forEach((c, i) => {
    const d = Number(c) * (i % 2 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return sum % 10 === 0;
}

/** INSEE rule: Luhn, except La Poste establishments (SIREN 356000000) whose digit sum is a multiple of 5. */
function referenceSiret(value: string): boolean {
  if (value.startsWith('356000000') && value !== '35600000000048') {
    return [...value].reduce((s, c) => s + Number(c), 0) % 5 === 0;
  }
  return luhn(value);
}

describe('fr.siren', () => {
  it.each([
    ['552 008 443', '552008443'], // stdnum-js tests
    ['732829320', '732829320'],
    ['356000000', '356000000'], // La Poste
  ])('accepts %s', (raw, normalized) => expectValid('fr.siren', raw, normalized));

  it.each([
    ['552 008 442', 'INVALID_CHECKSUM'],
    ['12345678', 'INVALID_LENGTH'],
    ['5520084430', 'INVALID_LENGTH'],
    ['55200844A', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('fr.siren', value, code));

  it.each(['552008443', '732829320'])('rejects every single-digit substitution of %s (Luhn)', (value) =>
    expectEverySubstitutionInvalid('fr.siren', value),
  );
});

describe('fr.siret', () => {
  it.each([
    ['73282932000074', '73282932000074'], // stdnum-js tests
    ['732 829 320 00074', '73282932000074'],
    ['356 000 000 09075', '35600000009075'], // La Poste: digit sum multiple of 5
    ['35600000000048', '35600000000048'], // La Poste head office (Luhn)
    ['35600000049837', '35600000049837'],
  ])('accepts %s', (raw, normalized) => expectValid('fr.siret', raw, normalized));

  it.each([
    ['35600000049838', 'INVALID_CHECKSUM'],
    ['73282932000075', 'INVALID_CHECKSUM'],
    ['7328293200007', 'INVALID_LENGTH'],
    ['7328293200007A', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('fr.siret', value, code));

  it('rejects every single-digit substitution of 73282932000074 (Luhn)', () =>
    expectEverySubstitutionInvalid('fr.siret', '73282932000074'));

  it('agrees with the reference for La Poste numbers (a ±5 change keeps the sum a multiple of 5)', () => {
    expect(expectSubstitutionsMatchReference('fr.siret', '35600000049837', referenceSiret)).toBeGreaterThan(0);
  });
});

describe('fr.tva', () => {
  it.each([
    ['Fr 40 303 265 045', '40303265045'], // stdnum-js tests
    ['23334175221', '23334175221'],
    ['K7399859412', 'K7399859412'], // alphanumeric key
    ['4Z123456782', '4Z123456782'],
    ['FR04494887854', '04494887854'],
    ['FR 84 323 140 392', '84323140392'],
    ['FR16000063601', '16000063601'], // Monaco: no SIREN check
  ])('accepts %s', (raw, normalized) => expectValid('fr.tva', raw, normalized));

  it.each([
    ['84 323 140 391', 'INVALID_CHECKSUM'],
    ['FR 21 326 565 603', 'INVALID_CHECKSUM'],
    ['12345678', 'INVALID_LENGTH'],
    ['FR000076090', 'INVALID_LENGTH'],
    ['IO303265045', 'INVALID_FORMAT'], // I and O are not key characters
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('fr.tva', value, code));

  // Numeric key: a key digit change breaks (12 + 3·(SIREN mod 97)) mod 97, a SIREN digit change breaks its Luhn.
  it.each(['40303265045', '84323140392'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('fr.tva', value),
  );
});
