/**
 * Spain: NIF in all its forms — DNI, NIE, K/L/M and the entity NIF (ex-CIF).
 * In-house rather than stdnum-js: stdnum-js accepts either control form for every CIF entity
 * letter (e.g. the S.L. `B7911048B`) and accepts K/L/M numbers in `ES.dni` without any check.
 */
import { defineIdentifier, fail, ok } from './helpers';
import type { CountryPrefix } from './helpers';
import type { IdentifierResult, IdentifierType } from './types';

const ES_PREFIX: CountryPrefix = { letters: ['ES'], bodyLengths: [9] };
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** DNI control letter: the number mod 23 indexes `TRWAGMYFPDXBNJZSQVHLCKE`. */
export function dniLetter(digits: string): string {
  return DNI_LETTERS[Number(digits) % 23];
}

function checkLetterForm(value: string, pattern: RegExp, digits: string): IdentifierResult {
  if (value.length !== 9) return fail('INVALID_LENGTH', value);
  if (!pattern.test(value)) return fail('INVALID_FORMAT', value);
  if (dniLetter(digits) !== value[8]) return fail('INVALID_CHECKSUM', value);
  return ok(value, 'individual');
}

/** DNI: 8 digits (leading zeros required) + control letter. */
function checkDni(value: string): IdentifierResult {
  return checkLetterForm(value, /^\d{8}[A-Z]$/, value.slice(0, 8));
}

/** NIE: X/Y/Z + 7 digits + letter; X, Y, Z count as 0, 1, 2 in front of the digits. */
function checkNie(value: string): IdentifierResult {
  return checkLetterForm(value, /^[XYZ]\d{7}[A-Z]$/, 'XYZ'.indexOf(value[0]) + value.slice(1, 8));
}

/** K (minors), L (residents abroad), M (foreigners without NIE): the DNI rule on the 7 digits. */
function checkKlm(value: string): IdentifierResult {
  return checkLetterForm(value, /^[KLM]\d{7}[A-Z]$/, value.slice(1, 8));
}

const CIF_ENTITY_LETTERS = 'ABCDEFGHJNPQRSUVW';
const CIF_LETTER_CONTROLS = 'JABCDEFGHI';
/** Entities whose control character must be a letter (also required when the province is 00). */
const CIF_LETTER_ONLY = 'NPQRSW';
/** Entities whose control character must be a digit (S.A., S.L., comunidades de bienes, …). */
const CIF_DIGIT_ONLY = 'ABEH';

/**
 * Control value of an entity NIF over its 7 digits: A = sum of the digits in even positions,
 * B = Σ over odd positions of the digit sum of 2·d, c = (10 − (A + B) mod 10) mod 10.
 */
export function cifControlValue(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = digits.charCodeAt(i) - 48;
    sum += i % 2 === 1 ? d : Math.floor((2 * d) / 10) + ((2 * d) % 10);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Entity NIF (ex-CIF): entity letter + 2-digit province + 5 digits + control. The control is the
 * digit c or the letter `JABCDEFGHI`[c]; which form is allowed depends on the entity letter
 * (es.wikipedia "Código de identificación fiscal"). The wrong form is an INVALID_FORMAT.
 */
function checkCif(value: string): IdentifierResult {
  if (value.length !== 9) return fail('INVALID_LENGTH', value);
  if (!/^[A-Z]\d{7}[0-9A-J]$/.test(value)) return fail('INVALID_FORMAT', value);
  const entity = value[0];
  if (!CIF_ENTITY_LETTERS.includes(entity)) return fail('INVALID_COMPONENT', value);
  const control = value[8];
  const isLetter = control >= 'A';
  const mustBeLetter = CIF_LETTER_ONLY.includes(entity) || value.slice(1, 3) === '00';
  if ((mustBeLetter && !isLetter) || (CIF_DIGIT_ONLY.includes(entity) && isLetter)) {
    return fail('INVALID_FORMAT', value);
  }
  const c = cifControlValue(value.slice(1, 8));
  if (control !== (isLetter ? CIF_LETTER_CONTROLS[c] : String(c))) return fail('INVALID_CHECKSUM', value);
  return ok(value, 'company');
}

/** Any NIF: dispatches on the first character. */
function checkNif(value: string): IdentifierResult {
  const first = value[0];
  if (first >= '0' && first <= '9') return checkDni(value);
  if ('XYZ'.includes(first)) return checkNie(value);
  if ('KLM'.includes(first)) return checkKlm(value);
  return checkCif(value);
}

/** Drops `kind` for the single-kind types (DNI, NIE and CIF always name the same kind). */
function withoutKind(result: IdentifierResult): IdentifierResult {
  return result.valid ? ok(result.normalized) : result;
}

export const esNif = defineIdentifier({
  code: 'es.nif',
  country: 'ES',
  example: 'B79110482',
  prefix: ES_PREFIX,
  check: checkNif,
});

export const esDni = defineIdentifier({
  code: 'es.dni',
  country: 'ES',
  example: '54362315K',
  prefix: ES_PREFIX,
  check: (value) => withoutKind(checkDni(value)),
});

export const esNie = defineIdentifier({
  code: 'es.nie',
  country: 'ES',
  example: 'X2482300W',
  prefix: ES_PREFIX,
  check: (value) => withoutKind(checkNie(value)),
});

export const esCif = defineIdentifier({
  code: 'es.cif',
  country: 'ES',
  example: 'A08370314',
  prefix: ES_PREFIX,
  check: (value) => withoutKind(checkCif(value)),
});

/** The national part of an `ES…` VAT number (used by `eu.vat`). */
export const checkSpanishVatBody = checkNif;

export const ES_IDENTIFIERS: readonly IdentifierType[] = [esNif, esDni, esNie, esCif];
