/**
 * Italy: Partita IVA, Codice Fiscale (personal 16-char and entity 11-digit forms) and REA number.
 * P.IVA comes from stdnum-js. The Codice Fiscale is in-house: stdnum-js skips the birth-date
 * check and rejects the 11-digit entity form (country-rules.md §2.3).
 */
import { stdnum } from 'stdnum';
import { defineIdentifier, fail, fromStdnum, isValidDate, ok } from './helpers';
import type { IdentifierResult, IdentifierType } from './types';

/** Values of the characters in odd (1st, 3rd, …) positions; index = digit value or A=0 … Z=25. */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charIndex(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65;
}

/**
 * Check letter shared by the Codice Fiscale and the Italian IBAN CIN: odd positions go through
 * the "odd" table, even positions count their digit value or A=0 … Z=25; the sum mod 26 is a
 * letter. `chars` must be upper-case ASCII letters and digits.
 */
export function italianCheckChar(chars: string): string {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    const index = charIndex(chars[i]);
    sum += i % 2 === 0 ? ODD_VALUES[index] : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/**
 * Partita IVA: 11 digits = 7-digit number (not all zeros) + 3-digit office code (001–100, 120,
 * 121, 888, 999) + Luhn check digit. stdnum-js checks the office code and the Luhn digit.
 */
export function checkPartitaIva(value: string): IdentifierResult {
  const result = fromStdnum(stdnum.IT.iva, value);
  if (result.valid && /^0{7}/.test(result.normalized)) return fail('INVALID_COMPONENT', value);
  return result;
}

export const itPiva = defineIdentifier({
  code: 'it.piva',
  country: 'IT',
  example: '00743110157',
  prefix: { letters: ['IT'], bodyLengths: [11] },
  check: checkPartitaIva,
});

/** `CCCNNN YY M DD LLLL K`; digits in YY, DD and LLL may be replaced by omocodia letters. */
const CF_PERSONAL_RE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const OMOCODIA = 'LMNPQRSTUV';
const MONTHS = 'ABCDEHLMPRST';

function omocodiaDigit(char: string): number {
  const letter = OMOCODIA.indexOf(char);
  return letter >= 0 ? letter : char.charCodeAt(0) - 48;
}

/**
 * Birth date in a personal code: day + 40 for women (so 1–31 or 41–71). The century is not
 * encoded, so 29 February is accepted for every year divisible by 4 (00 included, as 2000 was).
 */
function hasValidBirthDate(code: string): boolean {
  const year = omocodiaDigit(code[6]) * 10 + omocodiaDigit(code[7]);
  const month = MONTHS.indexOf(code[8]) + 1;
  const encodedDay = omocodiaDigit(code[9]) * 10 + omocodiaDigit(code[10]);
  const day = encodedDay > 40 ? encodedDay - 40 : encodedDay;
  if (encodedDay > 71 || (encodedDay > 31 && encodedDay < 41)) return false;
  return isValidDate(2000 + year, month, day);
}

export const itCodiceFiscale = defineIdentifier({
  code: 'it.cf',
  country: 'IT',
  example: 'RCCMNL83S18D969H',
  prefix: { letters: ['IT'], bodyLengths: [11] },
  check(value) {
    if (value.length === 11) {
      const result = checkPartitaIva(value);
      return result.valid ? ok(result.normalized, 'company') : result;
    }
    if (value.length !== 16) return fail('INVALID_LENGTH', value);
    if (!CF_PERSONAL_RE.test(value)) return fail('INVALID_FORMAT', value);
    if (italianCheckChar(value.slice(0, 15)) !== value[15]) return fail('INVALID_CHECKSUM', value);
    if (!hasValidBirthDate(value)) return fail('INVALID_COMPONENT', value);
    return ok(value, 'individual');
  },
});

/** Sigle of the 107 provinces: the REA number is kept by the chamber of commerce of the province. */
const PROVINCES = new Set(
  (
    'AG AL AN AO AP AQ AR AT AV BA BG BI BL BN BO BR BS BT BZ CA CB CE CH CL CN CO CR CS CT CZ ' +
    'EN FC FE FG FI FM FR GE GO GR IM IS KR LC LE LI LO LT LU MB MC ME MI MN MO MS MT NA NO NU ' +
    'OR PA PC PD PE PG PI PN PO PR PT PU PV PZ RA RC RE RG RI RM RN RO SA SI SO SP SR SS SU SV ' +
    'TA TE TN TO TP TR TS TV UD VA VB VC VE VI VR VT VV'
  ).split(' '),
);

/**
 * REA (Repertorio Economico Amministrativo): province sigla + number of up to 7 digits, written
 * `MI-1234567`, `RM 1234567` or `REA MI 1234567`; no checksum. Normalised to `MI1234567`.
 */
export const itRea = defineIdentifier({
  code: 'it.rea',
  country: 'IT',
  example: 'MI1234567',
  check(value) {
    const match = /^(?:REA)?([A-Z]{2})(\d+)$/.exec(value);
    if (!match) return fail('INVALID_FORMAT', value);
    const [, province, number] = match;
    if (number.length > 7) return fail('INVALID_LENGTH', value);
    if (!PROVINCES.has(province) || /^0+$/.test(number)) return fail('INVALID_COMPONENT', value);
    return ok(province + number);
  },
});

export const IT_IDENTIFIERS: readonly IdentifierType[] = [itPiva, itCodiceFiscale, itRea];
