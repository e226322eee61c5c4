/**
 * United Kingdom: VAT registration number and UTR (stdnum-js), Companies House number (format
 * only). GB is not in the EU: GB VAT numbers are validated here, never by `eu.vat`.
 */
import { stdnum } from 'stdnum';
import { defineIdentifier, fail, fromStdnum, ok } from './helpers';
import type { IdentifierType } from './types';

/**
 * VAT: 9 digits (12 for a branch trader), Σ(8,7,6,5,4,3,2,10,1 · d) mod 97 ∈ {0, 42, 55}
 * (55 only from 100 00000 on), or `GD`/`HA` + 3 digits for government departments/health authorities.
 */
export const gbVat = defineIdentifier({
  code: 'gb.vat',
  country: 'GB',
  example: '980780684',
  prefix: { letters: ['GB'], bodyLengths: [5, 9, 11, 12] },
  check: (value) => fromStdnum(stdnum.GB.vat, value),
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
