/**
 * United Kingdom: VAT registration number and UTR (stdnum-js), Companies House number (format
 * only). GB is not in the EU: GB VAT numbers are validated here, never by `eu.vat`.
 */
import { stdnum } from 'stdnum';
import { defineIdentifier, fail, fromStdnum, isDigits, ok, weightedSum } from './helpers';
import type { IdentifierResult, IdentifierType } from './types';

/** `GD` + 000–499 is a government department, `HA` + 500–999 a health authority. */
function isGovernmentOrHealthAuthority(letters: string, number: number): boolean {
  return (letters === 'GD' && number < 500) || (letters === 'HA' && number >= 500);
}

/**
 * The rules of python-stdnum `gb.vat`, on a value without its `GB` prefix:
 * - 9 digits (12 for a branch trader; the 3 branch digits are not checked):
 *   Σ(8,7,6,5,4,3,2,10,1 · d) mod 97 is 0, or 42/55 for numbers from 100 0000 00 on;
 * - `GD`/`HA` + 3 digits: a government department (000–499) or health authority (500–999);
 * - the long form `GD8888`/`HA8888` + those 3 digits + 2 check digits (the 3 digits mod 97).
 * Anything else is refused: stdnum-js 1.12 accepts every 5-character value with a numeric tail
 * whose letters are not GD/HA (`XY123`).
 */
export function checkGbVat(value: string): IdentifierResult {
  if (value.length === 5) {
    if (!isDigits(value.slice(2))) return fail('INVALID_FORMAT', value);
    if (!isGovernmentOrHealthAuthority(value.slice(0, 2), Number(value.slice(2)))) return fail('INVALID_COMPONENT', value);
    return ok(value);
  }
  if (value.length === 11 && (value.startsWith('GD8888') || value.startsWith('HA8888'))) {
    if (!isDigits(value.slice(6))) return fail('INVALID_FORMAT', value);
    const number = Number(value.slice(6, 9));
    if (!isGovernmentOrHealthAuthority(value.slice(0, 2), number)) return fail('INVALID_COMPONENT', value);
    if (number % 97 !== Number(value.slice(9))) return fail('INVALID_CHECKSUM', value);
    return ok(value);
  }
  if (value.length !== 9 && value.length !== 12) return fail('INVALID_LENGTH', value);
  if (!isDigits(value)) return fail('INVALID_FORMAT', value);
  const sum = weightedSum(value.slice(0, 9), [8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97;
  const accepted = Number(value.slice(0, 3)) >= 100 ? [0, 42, 55] : [0];
  return accepted.includes(sum) ? ok(value) : fail('INVALID_CHECKSUM', value);
}

/** VAT registration number (see {@link checkGbVat}); `GB` in front is optional. */
export const gbVat = defineIdentifier({
  code: 'gb.vat',
  country: 'GB',
  example: '980780684',
  prefix: { letters: ['GB'], bodyLengths: [5, 9, 11, 12] },
  check: checkGbVat,
});

/**
 * UTR: 10 digits, first digit is a check digit over the other nine. A trailing `K` (as printed
 * on some HMRC letters) is ignored.
 */
export const gbUtr = defineIdentifier({
  code: 'gb.utr',
  country: 'GB',
  example: '1955839661',
  check: (value) => fromStdnum(stdnum.GB.utr, value.length === 11 && value.endsWith('K') ? value.slice(0, 10) : value),
});

/**
 * Companies House prefixes: SC/SO/SL… Scotland, NI/NC/NL… Northern Ireland, OC LLPs, LP limited
 * partnerships, FC/BR overseas companies and UK establishments, OE overseas entities, IP/SP/NP
 * and RS registered societies, RC/SR/NR royal charters, CE/CS/NO charitable incorporated
 * organisations, IC/SI/NV open-ended investment companies, SE/ES/NO/GE/GS/GN European forms,
 * ZC/SZ/NZ unregistered, AC/SA/NA assurance, FE/SF/NF further overseas forms.
 */
const CRN_PREFIXES = new Set(
  (
    'AC BR CE CS ES FC FE GE GN GS IC IP LP NA NC NF NI NL NO NP NR NV NZ OC OE PC RC RS ' +
    'SA SC SE SF SG SI SL SO SP SR SZ ZC'
  ).split(' '),
);

/**
 * Company registration number: 8 digits (England & Wales), 2-letter prefix + 6 digits, or the
 * pre-1922 Northern Ireland form `R0` + 6 digits. No checksum.
 */
export const gbCrn = defineIdentifier({
  code: 'gb.crn',
  country: 'GB',
  example: '00445790',
  check(value) {
    if (value.length !== 8) return fail('INVALID_LENGTH', value);
    if (!/^(\d{8}|[A-Z]{2}\d{6}|R0\d{6})$/.test(value)) return fail('INVALID_FORMAT', value);
    const prefix = value.slice(0, 2);
    if (/^[A-Z]{2}$/.test(prefix) && !CRN_PREFIXES.has(prefix)) return fail('INVALID_COMPONENT', value);
    if (/^\D*0+$/.test(value)) return fail('INVALID_COMPONENT', value);
    return ok(value);
  },
});

export const GB_IDENTIFIERS: readonly IdentifierType[] = [gbVat, gbUtr, gbCrn];
