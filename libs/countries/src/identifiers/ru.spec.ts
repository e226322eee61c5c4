import { describe, expect, it } from '@jest/globals';
import { validateIdentifier } from './registry';
import { isRuAccountKeyValid } from './ru';
import {
  expectEverySubstitutionInvalid,
  expectInvalid,
  expectSubstitutionsMatchReference,
  expectValid,
} from './spec-helpers';

describe('ru.inn', () => {
  it.each([
    ['7707083893', 'company'], // ПАО Сбербанк
    ['1234567894', 'company'], // python-stdnum / stdnum-js docs
    ['123456789047', 'individual'], // python-stdnum / stdnum-js docs
    ['366220664163', 'individual'], // stdnum-js tests
  ] as const)('accepts %s (%s)', (value, kind) => {
    expectValid('ru.inn', value, value, kind);
  });

  it('normalises separators', () => {
    expectValid('ru.inn', ' 7707 083 893 ', '7707083893', 'company');
  });

  it.each([
    ['123456789037', 'INVALID_CHECKSUM'],
    ['1234567895', 'INVALID_CHECKSUM'],
    ['770708389', 'INVALID_LENGTH'],
    ['77070838931', 'INVALID_LENGTH'],
    ['1234567890123', 'INVALID_LENGTH'],
    ['77070A3893', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => {
    expectInvalid('ru.inn', value, code);
  });

  // d = (Σ w·d mod 11) mod 10 with weights non-zero mod 11: every substitution changes the
  // remainder, and as long as the check digits are 1–9 (not the 0/10 collision) it shows.
  it.each(['7707083893', '1234567894', '123456789047', '366220664163'])(
    'rejects every single-digit substitution of %s',
    (value) => expectEverySubstitutionInvalid('ru.inn', value),
  );
});

describe('ru.ogrn', () => {
  it.each([
    '1027700132195', // ПАО Сбербанк
    '1022200525819', // python-stdnum docs
    '1022500001325', // python-stdnum docs
    '5077746887312', // first digit 5 (synthetic: 507774688731 mod 11 = 2)
  ])('accepts %s', (value) => expectValid('ru.ogrn', value, value));

  it.each([
    ['1022500001328', 'INVALID_CHECKSUM'], // python-stdnum docs
    ['10277395526422', 'INVALID_LENGTH'],
    ['102250000', 'INVALID_LENGTH'],
    ['0022500001325', 'INVALID_COMPONENT'], // starts with 0
    ['2027700132194', 'INVALID_COMPONENT'], // 2 = ГРН of a record, not an OGRN (checksum is right)
    ['1020000132195', 'INVALID_COMPONENT'], // region 00 (checksum is right)
    ['102770013219X', 'INVALID_FORMAT'],
    ['304500116000157', 'INVALID_LENGTH'], // an OGRNIP
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('ru.ogrn', value, code));

  // (N mod 11) mod 10 with check digit 1–9; 10^k mod 11 = ±1 so any digit change moves N mod 11.
  it.each(['1027700132195', '1022200525819', '1022500001325'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('ru.ogrn', value),
  );
});

describe('ru.ogrnip', () => {
  /** Reference from Приказ Минфина 165н: last digit of (first 14 digits mod 13), first digit 3. */
  const reference = (v: string) => v[0] === '3' && v.slice(3, 5) !== '00' && Number(BigInt(v.slice(0, 14)) % 13n) % 10 === Number(v[14]);

  it.each([
    '304500116000157', // ru.wikipedia example
    '385768585948949', // python-stdnum docs
    '324774600123450', // remainder 10 → check digit 0; python-stdnum wrongly rejects it
  ])('accepts %s', (value) => expectValid('ru.ogrnip', value, value));

  it('accepts remainders 11 and 12 (check digits 1 and 2)', () => {
    // 32477460012346 mod 13 = 11, 32477460012347 mod 13 = 12 (each step +1 on the prefix).
    expectValid('ru.ogrnip', '324774600123461');
    expectValid('ru.ogrnip', '324774600123472');
    expectInvalid('ru.ogrnip', '324774600123460', 'INVALID_CHECKSUM');
  });

  it.each([
    ['324774600123451', 'INVALID_CHECKSUM'],
    ['304500116000158', 'INVALID_CHECKSUM'],
    ['404500116000154', 'INVALID_COMPONENT'], // 4 = ГРН of an ЕГРИП record (checksum is right)
    ['1027700132195', 'INVALID_LENGTH'],
    ['30450011600015', 'INVALID_LENGTH'],
    ['30450011600015O', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('ru.ogrnip', value, code));

  it.each(['304500116000157', '385768585948949'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('ru.ogrnip', value),
  );

  it('agrees with the reference on every substitution of 324774600123450 (remainder 10 collides with 0)', () => {
    const accepted = expectSubstitutionsMatchReference('ru.ogrnip', '324774600123450', reference);
    expect(accepted).toBeGreaterThan(0); // mutants with remainder 0 are valid numbers too
  });
});

describe('ru.kpp', () => {
  it.each(['773601001', '770201001', '7736AB001', ' 7736 01 001 '])('accepts %s', (value) => expectValid('ru.kpp', value));

  it.each([
    ['77360100', 'INVALID_LENGTH'],
    ['7736010011', 'INVALID_LENGTH'],
    ['A73601001', 'INVALID_FORMAT'],
    ['773601A01', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('ru.kpp', value, code));
});

describe('ru.bik', () => {
  it.each(['044525225', '044525974', '040349602'])('accepts %s', (value) => expectValid('ru.bik', value, value));

  it.each([
    ['144525225', 'INVALID_COMPONENT'],
    ['034525225', 'INVALID_COMPONENT'],
    ['04452522', 'INVALID_LENGTH'],
    ['04452522X', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('ru.bik', value, code));
});

describe('ru.bank_account', () => {
  /** Written from the Bank of Russia rule, independently of ru.ts. */
  const reference = (input: string) => {
    const [bik, account] = input.split('/');
    if (!/^04\d{7}$/.test(bik) || !/^\d{20}$/.test(account)) return false;
    const prefix = account.startsWith('30101') ? '0' + bik.slice(4, 6) : bik.slice(6);
    const digits = prefix + account;
    let sum = 0;
    for (let i = 0; i < 23; i++) sum += Number(digits[i]) * [7, 1, 3][i % 3];
    return sum % 10 === 0;
  };

  it.each([
    // Sberbank's correspondent account at the Bank of Russia (published bank details).
    '044525225/30101810400000000225',
    // T-Bank's correspondent account (published bank details).
    '044525974/30101810145250000974',
    // Synthetic settlement account: key digit 2 makes 2·7+2·1+5·3+4·7+7·3+2·1+8·3+1·7+2·3+1·1 = 120.
    '044525225/40702810200000000001',
  ])('accepts %s', (value) => {
    expect(reference(value)).toBe(true);
    expectValid('ru.bank_account', value, value);
  });

  it('normalises spaces and dashes inside both parts, and the 29-digit form', () => {
    expectValid('ru.bank_account', ' 044 525 225 / 40702-810-2-0000-0000001 ', '044525225/40702810200000000001');
    expectValid('ru.bank_account', '04452522540702810200000000001', '044525225/40702810200000000001');
  });

  it.each([
    ['044525225/40702810400000000001', 'INVALID_CHECKSUM'], // key digit 4 gives a sum of 126
    ['044525974/40702810200000000001', 'INVALID_CHECKSUM'], // right account, other bank
    ['044525225/30101810400000000226', 'INVALID_CHECKSUM'],
    ['044525225', 'INVALID_FORMAT'],
    ['044525225/40702810200000000001/1', 'INVALID_FORMAT'],
    ['044525225/4070281020000000000', 'INVALID_LENGTH'],
    ['044525225/407028102000000000011', 'INVALID_LENGTH'],
    ['044525225/4070281020000000000A', 'INVALID_FORMAT'],
    ['144525225/40702810200000000001', 'INVALID_COMPONENT'],
    ['04452522/40702810200000000001', 'INVALID_COMPONENT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('ru.bank_account', value, code));

  it('exposes the key check on its own', () => {
    expect(isRuAccountKeyValid('044525225', '40702810200000000001')).toBe(true);
    expect(isRuAccountKeyValid('044525225', '40702810400000000001')).toBe(false);
  });

  // Weights 7, 1, 3 are coprime to 10, so a change in any digit that enters the key is caught.
  it('rejects every substitution in the account and in the BIK digits that enter the key', () => {
    const settlement = '044525225/40702810200000000001';
    const account = Array.from({ length: 20 }, (_, i) => 10 + i);
    expectEverySubstitutionInvalid('ru.bank_account', settlement, { positions: [6, 7, 8, ...account] });
    // For a correspondent account only digits after the 30101 balance account are guaranteed:
    // changing 30101 itself switches the key prefix to the settlement rule.
    const correspondent = '044525225/30101810400000000225';
    expectEverySubstitutionInvalid('ru.bank_account', correspondent, { positions: [4, 5, ...account.slice(5)] });
  });

  it('agrees with the reference for BIK digits outside the key', () => {
    const settlement = '044525225/40702810200000000001';
    // BIK digits 3–6 do not enter a settlement account's key: those mutants stay valid.
    expect(expectSubstitutionsMatchReference('ru.bank_account', settlement, reference, { positions: [2, 3, 4, 5] })).toBe(36);
    // Digits 1–2 must be "04".
    expect(expectSubstitutionsMatchReference('ru.bank_account', settlement, reference, { positions: [0, 1] })).toBe(0);
    // Changing the 30101 prefix of a correspondent account switches the rule; the reference decides.
    const correspondent = '044525225/30101810400000000225';
    expectSubstitutionsMatchReference('ru.bank_account', correspondent, reference, { positions: [10, 11, 12, 13, 14] });
  });

  it('returns the normalised pair on a checksum failure', () => {
    expect(validateIdentifier('ru.bank_account', '044525225 / 40702810400000000001')).toEqual({
      valid: false,
      code: 'INVALID_CHECKSUM',
      normalized: '044525225/40702810400000000001',
    });
  });
});
