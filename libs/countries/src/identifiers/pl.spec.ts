import { describe, it } from '@jest/globals';
import { expectEverySubstitutionInvalid, expectInvalid, expectValid } from './spec-helpers';

describe('pl.nip', () => {
  it.each([
    ['8567346215', '8567346215'], // stdnum-js tests
    ['PL 8567346215', '8567346215'],
    ['PL5261025421', '5261025421'], // python-stdnum eu.vat list
    ['584-030-44-72', '5840304472'],
    ['7780104605', '7780104605'],
  ])('accepts %s', (raw, normalized) => expectValid('pl.nip', raw, normalized));

  it.each([
    ['PL 8567346216', 'INVALID_CHECKSUM'],
    ['0000002000', 'INVALID_CHECKSUM'], // stdnum-js tests
    ['12345678', 'INVALID_LENGTH'],
    ['85673462151', 'INVALID_LENGTH'],
    ['856734621X', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('pl.nip', value, code));

  // Weights 6,5,7,2,3,4,5,6,7 are non-zero mod 11; a remainder of 10 is never a valid check digit.
  it.each(['8567346215', '5261025421', '7780104605'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('pl.nip', value),
  );
});

describe('pl.regon', () => {
  it.each(['192598184', '123456785', '12345678512347'])('accepts %s (python-stdnum / stdnum-js docs)', (value) =>
    expectValid('pl.regon', value, value),
  );

  it.each([
    ['192598183', 'INVALID_CHECKSUM'],
    ['12345678612342', 'INVALID_CHECKSUM'], // first check digit wrong
    ['12345678512348', 'INVALID_CHECKSUM'], // last check digit wrong
    ['12345678', 'INVALID_LENGTH'],
    ['1234567851234', 'INVALID_LENGTH'],
    ['19259818X', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('pl.regon', value, code));

  // mod 11 mod 10: guaranteed when the check digits are non-zero (no 0/10 collision).
  it.each(['192598184', '123456785', '12345678512347'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('pl.regon', value),
  );
});

describe('pl.krs', () => {
  it.each([
    ['0000123456', '0000123456'],
    ['0000 123 456', '0000123456'],
    ['0000019193', '0000019193'],
  ])('accepts %s', (raw, normalized) => expectValid('pl.krs', raw, normalized));

  it.each([
    ['123456', 'INVALID_LENGTH'],
    ['00001234567', 'INVALID_LENGTH'],
    ['000012345A', 'INVALID_FORMAT'],
    ['0000000000', 'INVALID_COMPONENT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('pl.krs', value, code));
});

describe('pl.pesel', () => {
  it.each([
    '44051401359', // stdnum-js tests
    '09222509560', // stdnum-js tests (born 2009: month + 20)
    '02070803628', // widely used example
  ])('accepts %s', (value) => expectValid('pl.pesel', value, value));

  it.each([
    ['44051401358', 'INVALID_CHECKSUM'],
    ['44131401350', 'INVALID_COMPONENT'], // month 13 (check digit right)
    ['44023001356', 'INVALID_COMPONENT'], // 30 February (check digit right)
    ['12345678', 'INVALID_LENGTH'],
    ['4405140135X', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('pl.pesel', value, code));

  // Weights 1,3,7,9 are coprime to 10.
  it.each(['44051401359', '09222509560', '02070803628'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('pl.pesel', value),
  );
});
