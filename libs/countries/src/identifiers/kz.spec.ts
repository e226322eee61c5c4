import { describe, expect, it } from '@jest/globals';
import { kzCheckDigit } from './kz';
import { expectInvalid, expectSubstitutionsMatchReference, expectValid, singleSubstitutions } from './spec-helpers';
import { validateIdentifier } from './registry';

/** Check digit per Постановление РК № 565, written independently of kz.ts. */
function referenceCheckDigit(value: string): number | undefined {
  const digits = [...value.slice(0, 11)].map(Number);
  const first = digits.reduce((sum, d, i) => sum + d * (i + 1), 0) % 11;
  if (first !== 10) return first;
  const second = digits.reduce((sum, d, i) => sum + d * (((i + 2) % 11) + 1), 0) % 11; // 3…11, 1, 2
  return second === 10 ? undefined : second;
}

function referenceIin(value: string): boolean {
  const century = { 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 }[value[6]];
  if (!century) return false;
  const [yy, mm, dd] = [0, 2, 4].map((i) => Number(value.slice(i, i + 2)));
  const date = new Date(Date.UTC(century + yy, mm - 1, dd));
  if (date.getUTCMonth() !== mm - 1 || date.getUTCDate() !== dd) return false;
  return referenceCheckDigit(value) === Number(value[11]);
}

function referenceBin(value: string): boolean {
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12 || !'456'.includes(value[4]) || !'0123'.includes(value[5])) return false;
  return referenceCheckDigit(value) === Number(value[11]);
}

describe('kz.iin', () => {
  it.each([
    '061211600012', // ZhymabekRoman/kz-iin-validator README (takes the second weight set)
    '791028302728', // tlgtaa/py-kz-validators README
    '900101300811', // synthetic: first sum ≡ 10, second weights give 1
  ])('accepts %s', (value) => expectValid('kz.iin', value, value));

  it.each([
    ['791028302729', 'INVALID_CHECKSUM'], // published as invalid
    ['061211600013', 'INVALID_CHECKSUM'],
    ['791328302728', 'INVALID_COMPONENT'], // month 13
    ['790230302728', 'INVALID_COMPONENT'], // 30 February
    ['791028702728', 'INVALID_COMPONENT'], // century/sex digit 7
    ['791028002728', 'INVALID_COMPONENT'], // century/sex digit 0
    ['971240001315', 'INVALID_COMPONENT'], // a BIN
    ['79102830272', 'INVALID_LENGTH'],
    ['7910283027281', 'INVALID_LENGTH'],
    ['79102830272A', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('kz.iin', value, code));

  it('rejects every check digit when both weight sets give 10 (never issued)', () => {
    expect(kzCheckDigit('90010130080')).toBeNull();
    for (let d = 0; d <= 9; d++) expectInvalid('kz.iin', `90010130080${d}`, 'INVALID_CHECKSUM');
  });

  it('rejects every substitution of the check digit', () => {
    for (const value of ['061211600012', '791028302728']) {
      const accepted = singleSubstitutions(value, { positions: [11] }).filter((v) => validateIdentifier('kz.iin', v).valid);
      expect(accepted).toEqual([]);
    }
  });

  // A substitution that moves the first sum to 10 switches to the second weights, which may
  // reproduce the check digit: detection is not guaranteed, so compare with the reference.
  it.each([
    ['061211600012', 6],
    ['791028302728', 10],
  ])('agrees with the reference on every digit substitution of %s', (value, acceptedByReference) => {
    expect(expectSubstitutionsMatchReference('kz.iin', value, referenceIin)).toBe(acceptedByReference);
  });
});

describe('kz.bin', () => {
  it.each([
    '971240001315', // АО Kaspi Bank (published bank details)
    '940140000385', // АО Halyk Bank (published bank details)
    '150540000801', // synthetic: first sum ≡ 10, second weights give 1
  ])('accepts %s', (value) => expectValid('kz.bin', value, value));

  it.each([
    ['971240001316', 'INVALID_CHECKSUM'],
    ['971340001315', 'INVALID_COMPONENT'], // month 13
    ['971270001315', 'INVALID_COMPONENT'], // type 7
    ['971244001315', 'INVALID_COMPONENT'], // division 4
    ['791028302728', 'INVALID_COMPONENT'], // an IIN
    ['97124000131', 'INVALID_LENGTH'],
    ['97124000131X', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('kz.bin', value, code));

  it.each([
    ['971240001315', 10],
    ['940140000385', 10],
  ])('agrees with the reference on every digit substitution of %s', (value, acceptedByReference) => {
    expect(expectSubstitutionsMatchReference('kz.bin', value, referenceBin)).toBe(acceptedByReference);
  });
});
