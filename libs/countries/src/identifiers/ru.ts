/**
 * Russia: ИНН, ОГРН, ОГРНИП, КПП, БИК and bank account (расчётный / корреспондентский счёт).
 * INN comes from stdnum-js; stdnum-js has no OGRN/OGRNIP/KPP/BIK, and python-stdnum's OGRNIP
 * check is wrong when the remainder is 10–12 (see country-rules.md §2.1), so those are in-house.
 */
import { stdnum } from 'stdnum';
import {
  checkDigitsShape,
  defineIdentifier,
  digitAt,
  fail,
  fromStdnum,
  isDigits,
  modOfDigits,
  normalizeIdentifierInput,
  ok,
  weightedSum,
} from './helpers';
import type { IdentifierResult, IdentifierType } from './types';

export const ruInn = defineIdentifier({
  code: 'ru.inn',
  country: 'RU',
  example: '7707083893',
  check(value) {
    const result = fromStdnum(stdnum.RU.inn, value);
    if (!result.valid) return result;
    return ok(result.normalized, result.normalized.length === 10 ? 'company' : 'individual');
  },
});

/**
 * ОГРН (13) and ОГРНИП (15): `С ГГ КК ХХХХХХХ(ХХ) Ч`. The check digit is the last digit of
 * (the leading 12 / 14 digits as an integer) mod 11 / mod 13, i.e. (N mod m) mod 10; for an
 * OGRNIP a remainder of 10, 11 or 12 gives 0, 1 or 2 (Приказ Минфина № 165н, p. 7).
 * Region `КК` = 00 does not exist. Other region codes are not checked: codes of merged or new
 * subjects (80–88, 90–95) appear in genuinely issued numbers.
 */
function checkGrn(value: string, length: 13 | 15, signs: string): IdentifierResult {
  const shape = checkDigitsShape(value, length);
  if (shape) return shape;
  if (!signs.includes(value[0]) || value.slice(3, 5) === '00') return fail('INVALID_COMPONENT', value);
  const modulus = length === 13 ? 11 : 13;
  const expected = modOfDigits(value.slice(0, -1), modulus) % 10;
  if (digitAt(value, length - 1) !== expected) return fail('INVALID_CHECKSUM', value);
  return ok(value);
}

/** ОГРН of a legal entity: 13 digits, first digit 1 or 5 (2, 6–9 are ГРН of register records). */
export const ruOgrn = defineIdentifier({
  code: 'ru.ogrn',
  country: 'RU',
  example: '1027700132195',
  check: (value) => checkGrn(value, 13, '15'),
});

/** ОГРНИП of an individual entrepreneur: 15 digits, first digit 3 (4 is a ГРН of an ЕГРИП record). */
export const ruOgrnip = defineIdentifier({
  code: 'ru.ogrnip',
  country: 'RU',
  example: '304500116000157',
  check: (value) => checkGrn(value, 15, '3'),
});

/** КПП: `NNNN PP XXX`, no checksum. Since 2013 the reason code PP may be alphanumeric. */
export const ruKpp = defineIdentifier({
  code: 'ru.kpp',
  country: 'RU',
  example: '773601001',
  check(value) {
    if (value.length !== 9) return fail('INVALID_LENGTH', value);
    if (!/^\d{4}[0-9A-Z]{2}\d{3}$/.test(value)) return fail('INVALID_FORMAT', value);
    return ok(value);
  },
});

/** БИК: 9 digits; every Russian BIK starts with the country code 04. No checksum. */
function checkBik(value: string): IdentifierResult {
  const shape = checkDigitsShape(value, 9);
  if (shape) return shape;
  if (!value.startsWith('04')) return fail('INVALID_COMPONENT', value);
  return ok(value);
}

export const ruBik = defineIdentifier({
  code: 'ru.bik',
  country: 'RU',
  example: '044525225',
  check: checkBik,
});

const ACCOUNT_WEIGHTS = [7, 1, 3] as const;

/**
 * Control key of a 20-digit account (Bank of Russia rules, Положение 579-П): the 23 digits
 * `prefix + account`, weighted 7,1,3 repeating, must sum to 0 mod 10. The prefix is the last 3
 * BIK digits for a client account at a credit institution; for a correspondent account opened
 * at the Bank of Russia (balance account 30101) it is `0` + BIK digits 5–6.
 */
export function isRuAccountKeyValid(bik: string, account: string): boolean {
  const prefix = account.startsWith('30101') ? `0${bik.slice(4, 6)}` : bik.slice(6, 9);
  return weightedSum(prefix + account, ACCOUNT_WEIGHTS) % 10 === 0;
}

/**
 * Splits on `/` before the shared normalisation (which would drop it) and re-joins the
 * normalised parts, so `044525225 / 4070 2810 2000 0000 0001` becomes `044525225/40702810200000000001`.
 */
function normalizeBankAccountInput(raw: string): string {
  return raw.normalize('NFKC').split('/').map(normalizeIdentifierInput).join('/');
}

/**
 * Russian bank account, validated together with the bank's БИК since the key depends on it.
 *
 * Input form: `"<BIK>/<account>"`, e.g. `044525225/40702810200000000001` (spaces and dashes
 * inside either part are ignored). The 29 digits BIK + account written without the slash are
 * accepted too. The normalised value is always `<BIK>/<account>`.
 */
export const ruBankAccount = defineIdentifier({
  code: 'ru.bank_account',
  country: 'RU',
  example: '044525225/40702810200000000001',
  normalize: normalizeBankAccountInput,
  check(value) {
    let parts = value.split('/');
    if (parts.length === 1 && isDigits(value) && value.length === 29) parts = [value.slice(0, 9), value.slice(9)];
    if (parts.length !== 2) return fail('INVALID_FORMAT', value);
    const [bik, account] = parts;
    const bikResult = checkBik(bik);
    if (!bikResult.valid) return fail('INVALID_COMPONENT', value);
    const shape = checkDigitsShape(account, 20);
    if (shape && !shape.valid) return fail(shape.code, value);
    const normalized = `${bik}/${account}`;
    if (!isRuAccountKeyValid(bik, account)) return fail('INVALID_CHECKSUM', normalized);
    return ok(normalized);
  },
});

export const RU_IDENTIFIERS: readonly IdentifierType[] = [ruInn, ruOgrn, ruOgrnip, ruKpp, ruBik, ruBankAccount];
