import { describe, expect, it } from '@jest/globals';
import { validateIdentifier } from './registry';
import { mersisMatchesVkn } from './tr';
import { expectEverySubstitutionInvalid, expectInvalid, expectValid } from './spec-helpers';

describe('tr.vkn', () => {
  it.each([
    '4540536920', // python-stdnum / stdnum-js docs
    '1234567890', // synthetic, check digit computed by hand with the GİB algorithm
    '9876543217', // synthetic, likewise
  ])('accepts %s', (value) => expectValid('tr.vkn', value, value));

  it('normalises separators and reports no kind (the type already says company)', () => {
    expect(validateIdentifier('tr.vkn', '454 053 6920')).toEqual({ valid: true, normalized: '4540536920' });
  });

  it.each([
    ['4540536921', 'INVALID_CHECKSUM'],
    ['454053692', 'INVALID_LENGTH'],
    ['45405369201', 'INVALID_LENGTH'],
    ['454053692O', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('tr.vkn', value, code));

  // For a fixed position the digit → term map is a bijection onto 0…9, so any change shows.
  it.each(['4540536920', '1234567890', '9876543217'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('tr.vkn', value),
  );
});

describe('tr.tckn', () => {
  it.each([
    '17291716060', // python-stdnum / stdnum-js docs
    '64211142102', // stdnum-js tests
    '62345678900', // stdnum-js tests
    '10000000146', // widely used test number
  ])('accepts %s', (value) => expectValid('tr.tckn', value, value));

  it.each([
    ['17291716050', 'INVALID_CHECKSUM'],
    ['07291716092', 'INVALID_FORMAT'], // must not start with 0
    ['1729171606', 'INVALID_LENGTH'],
    ['172917160600', 'INVALID_LENGTH'],
    ['1729171606A', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('tr.tckn', value, code));

  // d10 weighs odd digits 7 and even digits −1 (both units mod 10); d11 is the plain digit sum.
  it.each(['17291716060', '64211142102', '10000000146'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('tr.tckn', value),
  );
});

describe('tr.mersis', () => {
  it.each(['0454053692000015', '0454-0536-9200-0015', '1234567890123456'])('accepts %s', (value) =>
    expectValid('tr.mersis', value),
  );

  it.each([
    ['045405369200001', 'INVALID_LENGTH'],
    ['04540536920000150', 'INVALID_LENGTH'],
    ['045405369200001A', 'INVALID_FORMAT'],
    ['0000000000000000', 'INVALID_COMPONENT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('tr.mersis', value, code));

  it('cross-checks a MERSİS number against the VKN (heuristic)', () => {
    expect(mersisMatchesVkn('0454 0536 9200 0015', '4540536920')).toBe(true);
    expect(mersisMatchesVkn('0454053692000015', '1234567890')).toBe(false);
    expect(mersisMatchesVkn('045405369200001', '4540536920')).toBe(false);
  });
});
