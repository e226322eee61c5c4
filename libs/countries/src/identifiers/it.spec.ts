import { describe, expect, it } from '@jest/globals';
import { italianCheckChar } from './it';
import { validateIdentifier } from './registry';
import { DIGITS, LETTERS, expectEverySubstitutionInvalid, expectInvalid, expectValid } from './spec-helpers';

describe('it.piva', () => {
  // python-stdnum eu.vat test list (numbers found online) and stdnum-js tests.
  it.each([
    '00743110157',
    '01404480202',
    '00618280499',
    '00595000217',
    '00118439991',
    '00193180932',
    '00520800319',
    '02087050155',
    '02331250163',
    '12920760159',
    '09596821000',
  ])('accepts %s', (value) => expectValid('it.piva', value, value));

  it.each([
    ['IT00743110157', '00743110157'],
    ['IT 00743110157', '00743110157'],
    ['it-007.431.101-57', '00743110157'],
  ])('strips the country prefix and separators: %s', (raw, normalized) => expectValid('it.piva', raw, normalized));

  it.each([
    ['00743110158', 'INVALID_CHECKSUM'],
    ['00118439992', 'INVALID_CHECKSUM'], // validator.js isVAT accepts it (regex only)
    ['00687129980', 'INVALID_COMPONENT'], // office code 998
    ['00000000018', 'INVALID_COMPONENT'], // Luhn and office 001 are fine, but the number part is 0000000
    ['0074311015', 'INVALID_LENGTH'],
    ['IT0074311015', 'INVALID_LENGTH'],
    ['007431101570', 'INVALID_LENGTH'],
    ['0074311015A', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('it.piva', value, code));

  // Luhn detects every single-digit substitution.
  it.each(['00743110157', '12920760159', '09596821000'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('it.piva', value),
  );
});

describe('it.cf', () => {
  // python-stdnum it.codicefiscale test list (incl. omocodia: the last five are one person).
  it.each([
    'MRTNTN23M02D969P',
    'RCCMNL83S18D969H',
    'MRSMSR81D60Z611H', // woman: day 60 = 20
    'CNTCHR83T41D969D', // woman: day 41 = 1
    'FOXDRA26C24H872Y',
    'MAILCU91A25F839D',
    'RSSMRA45C12F205C',
    'RSSMRA45C12F20RX',
    'RSSMRA45C12F2L5N',
    'RSSMRA45C12F2LRI', // omocodic; validator.js rejects it
    'RSSMRAQRCMNFNLRG', // fully omocodic
  ])('accepts the personal code %s', (value) => expectValid('it.cf', value, value, 'individual'));

  it('accepts the 11-digit entity form (same as the P.IVA) as a company', () => {
    expectValid('it.cf', '00743110157', '00743110157', 'company');
    expectValid('it.cf', 'IT 00743110157', '00743110157', 'company');
    expectInvalid('it.cf', '00743110158', 'INVALID_CHECKSUM');
  });

  it('normalises case and separators', () => {
    expectValid('it.cf', ' rccmnl 83s18 d969h ', 'RCCMNL83S18D969H', 'individual');
  });

  it.each([
    ['RSSMRA80D31H501D', 'INVALID_COMPONENT'], // 31 April; stdnum-js accepts it
    ['CNTCHR83T32D969H', 'INVALID_COMPONENT'], // day 32 (python-stdnum tests)
    ['FOXDRA26C24H872A', 'INVALID_CHECKSUM'],
    ['CSTNGL22I10D086I', 'INVALID_FORMAT'], // I is not a month letter
    ['RCCMNL83S18D969', 'INVALID_LENGTH'],
    ['RCCMNL83S18D969HH', 'INVALID_LENGTH'],
    ['RCCMNL83S18D96AH', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('it.cf', value, code));

  // Synthetic codes for one "Mario Rossi", check letters computed by hand from the tables.
  it.each([
    ['RSSMRA84B29H501U', true], // 29 Feb 84 (leap year)
    ['RSSMRA83B29H501T', false], // 29 Feb 83
    ['RSSMRA84B30H501B', false], // 30 Feb
    ['RSSMRA00B69H501C', true], // woman, 29 Feb 2000
    ['RSSMRA80A71H501B', true], // woman, 31 Jan
    ['RSSMRA80A72H501G', false], // day 72
    ['RSSMRA80A40H501Z', false], // day 40
    ['RSSMRA80A00H501V', false], // day 00
    ['RSSMRA80D30H501E', true], // 30 April
    ['RSSMRA80D70H501I', true], // woman, 30 April
    ['RSSMRA80D71H501H', false], // woman, 31 April
    ['RSSMRA80D3LH501H', true], // omocodic day 3L = 30
    ['RSSMRA80D3MH501V', false], // omocodic day 3M = 31 (April)
    ['RSSMRA80T31H501K', true], // 31 December
  ] as const)('checks the birth date of %s (valid: %s)', (value, valid) => {
    const result = validateIdentifier('it.cf', value);
    const expected = valid
      ? { valid: true, normalized: value, kind: 'individual' }
      : { valid: false, code: 'INVALID_COMPONENT', normalized: value };
    expect(result).toEqual(expected);
  });

  it('computes the check letter from the odd/even tables', () => {
    expect(italianCheckChar('RCCMNL83S18D969')).toBe('H');
    expect(italianCheckChar('BNCSFN85T58G702')).toBe('W'); // python-stdnum docs
    expect(italianCheckChar('RCDLSN84S16D969')).toBe('Z');
  });

  // Each table is injective on the characters a position allows, so any substitution is caught
  // (by the check letter, or by the format for a character the position does not allow).
  it.each(['RCCMNL83S18D969H', 'RSSMRA45C12F2LRI', 'MRSMSR81D60Z611H', 'RSSMRAQRCMNFNLRG'])(
    'rejects every single-character substitution of %s',
    (value) => expectEverySubstitutionInvalid('it.cf', value, { alphabet: DIGITS + LETTERS, positions: [...value].map((_, i) => i) }),
  );
});

describe('it.rea', () => {
  it.each([
    ['MI-1234567', 'MI1234567'],
    ['RM 1234567', 'RM1234567'],
    ['REA MI 1234567', 'MI1234567'],
    ['rm-123456', 'RM123456'],
    ['RE 123456', 'RE123456'], // Reggio Emilia, not the "REA" prefix
    ['TO1', 'TO1'],
    ['SU-10001', 'SU10001'],
    ['BT 123', 'BT123'],
    ['MB 1891234', 'MB1891234'],
  ])('accepts %s', (raw, normalized) => expectValid('it.rea', raw, normalized));

  it.each([
    ['XX-1234567', 'INVALID_COMPONENT'], // no such province
    ['OT-123456', 'INVALID_COMPONENT'], // Olbia-Tempio, abolished; never a chamber of commerce
    ['MI-0000000', 'INVALID_COMPONENT'],
    ['MI-12345678', 'INVALID_LENGTH'],
    ['1234567', 'INVALID_FORMAT'],
    ['MI-', 'INVALID_FORMAT'],
    ['MI-12A4567', 'INVALID_FORMAT'],
    ['M-1234567', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('it.rea', value, code));
});
