import { describe, expect, it } from '@jest/globals';
import { expectEverySubstitutionInvalid, expectInvalid, expectSubstitutionsMatchReference, expectValid } from './spec-helpers';

/** HMRC VAT check (python-stdnum gb.vat), independent of the stdnum-js implementation. */
function referenceGbVat(value: string): boolean {
  if (!/^\d{9}(\d{3})?$/.test(value)) return false;
  const sum = [8, 7, 6, 5, 4, 3, 2, 10, 1].reduce((acc, w, i) => acc + w * Number(value[i]), 0) % 97;
  return (Number(value.slice(0, 3)) >= 100 ? [0, 42, 55] : [0]).includes(sum);
}

/** UTR check digit "21987654321"[Σ(6,7,8,9,10,5,4,3,2 · d2…d10) mod 11]. */
function referenceUtr(value: string): boolean {
  const sum = [6, 7, 8, 9, 10, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(value[i + 1]), 0) % 11;
  return /^\d{10}$/.test(value) && '21987654321'[sum] === value[0];
}

describe('gb.vat', () => {
  it.each([
    ['GB980780684', '980780684'], // compact form; validator.js isVAT rejects it
    ['GB 980 7806 84', '980780684'], // stdnum-js tests
    ['980780684', '980780684'],
    ['GB340804329', '340804329'], // stdnum-js tests (sum ≡ 42)
    ['GB346270013', '346270013'],
    ['980780684001', '980780684001'], // branch trader
    ['GD001', 'GD001'], // government department
    ['HA500', 'HA500'], // health authority
    ['GBGD499', 'GD499'],
    ['GD888800101', 'GD888800101'], // long government form: 001 mod 97 = 01
    ['HA888859917', 'HA888859917'], // long health-authority form: 599 mod 97 = 17
  ])('accepts %s', (raw, normalized) => expectValid('gb.vat', raw, normalized));

  it.each([
    ['802311781', 'INVALID_CHECKSUM'], // stdnum-js tests
    ['980780685', 'INVALID_CHECKSUM'],
    ['GD500', 'INVALID_COMPONENT'],
    ['HA499', 'INVALID_COMPONENT'],
    ['12345678', 'INVALID_LENGTH'],
    ['9807806841', 'INVALID_LENGTH'],
    ['98078068A', 'INVALID_FORMAT'],
    // python-stdnum gb.vat: a 5-character number is GD/HA + 3 digits, nothing else
    // (stdnum-js 1.12 lets every other pair of letters through)
    ['XY123', 'INVALID_COMPONENT'],
    ['GBXY123', 'INVALID_COMPONENT'],
    ['12345', 'INVALID_COMPONENT'],
    ['GDABC', 'INVALID_FORMAT'],
    ['GD888850015', 'INVALID_COMPONENT'], // 500 is not a government department
    ['HA888849905', 'INVALID_COMPONENT'], // 499 is not a health authority
    ['GD888800102', 'INVALID_CHECKSUM'],
    ['GD8888001AB', 'INVALID_FORMAT'],
    ['XY888800101', 'INVALID_LENGTH'],
    ['XY1234567', 'INVALID_FORMAT'],
    ['012345678', 'INVALID_CHECKSUM'], // below 100 only residue 0 counts
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('gb.vat', value, code));

  // Two residues are accepted (0 and 42): a substitution that adds ±42 mod 97 slips through,
  // so detection is not guaranteed. Counts computed independently.
  it.each([
    ['980780684', 2],
    ['340804329', 0],
    ['346270013', 0],
  ])('agrees with the reference on every digit substitution of %s', (value, accepted) => {
    expect(expectSubstitutionsMatchReference('gb.vat', value, referenceGbVat)).toBe(accepted);
  });
});

describe('gb.utr', () => {
  it.each([
    ['1955839661', '1955839661'], // stdnum-js tests
    ['19558 39661', '1955839661'],
    ['1955839661K', '1955839661'], // trailing K as printed by HMRC
    ['8876543210', '8876543210'], // synthetic, check digit computed by hand
  ])('accepts %s', (raw, normalized) => expectValid('gb.utr', raw, normalized));

  it.each([
    ['2955839661', 'INVALID_CHECKSUM'], // stdnum-js tests
    ['195583966', 'INVALID_LENGTH'],
    ['19558396611', 'INVALID_LENGTH'],
    ['195583966A', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('gb.utr', value, code));

  // The check alphabet repeats "1" and "2", so only numbers with another check digit are
  // guaranteed to catch every substitution.
  it('rejects every digit substitution of 8876543210', () => expectEverySubstitutionInvalid('gb.utr', '8876543210'));

  it('agrees with the reference on every digit substitution of 1955839661 (check digit 1)', () => {
    expect(expectSubstitutionsMatchReference('gb.utr', '1955839661', referenceUtr)).toBe(9);
  });
});

describe('gb.crn', () => {
  it.each([
    ['00445790', '00445790'], // Tesco PLC
    ['SC123456', 'SC123456'],
    ['sc 123456', 'SC123456'],
    ['NI012345', 'NI012345'],
    ['OC300001', 'OC300001'],
    ['LP012345', 'LP012345'],
    ['FC012345', 'FC012345'],
    ['R0000123', 'R0000123'],
    ['12345678', '12345678'],
  ])('accepts %s', (raw, normalized) => expectValid('gb.crn', raw, normalized));

  it.each([
    ['XX123456', 'INVALID_COMPONENT'],
    ['00000000', 'INVALID_COMPONENT'],
    ['SC000000', 'INVALID_COMPONENT'],
    ['1234567', 'INVALID_LENGTH'],
    ['123456789', 'INVALID_LENGTH'],
    ['SC12345A', 'INVALID_FORMAT'],
    ['S1234567', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('gb.crn', value, code));
});
