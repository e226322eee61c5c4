/** Poland: NIP, REGON and PESEL from stdnum-js; KRS is format only. */
import { stdnum } from 'stdnum';
import { checkDigitsShape, defineIdentifier, fail, fromStdnum, ok } from './helpers';
import type { IdentifierType } from './types';

/** NIP: 10 digits, Σ(6,5,7,2,3,4,5,6,7 · d) mod 11 = d10 (a remainder of 10 is never issued). */
export const plNip = defineIdentifier({
  code: 'pl.nip',
  country: 'PL',
  example: '8567346215',
  prefix: { letters: ['PL'], bodyLengths: [10] },
  check: (value) => fromStdnum(stdnum.PL.nip, value),
});

/** REGON: 9 digits (weights 8,9,2,3,4,5,6,7) or 14 digits (+ local units, second check digit). */
export const plRegon = defineIdentifier({
  code: 'pl.regon',
  country: 'PL',
  example: '192598184',
  check: (value) => fromStdnum(stdnum.PL.regon, value),
});

/** KRS: 10 digits with leading zeros (`0000123456`), no checksum. */
export const plKrs = defineIdentifier({
  code: 'pl.krs',
  country: 'PL',
  example: '0000123456',
  check(value) {
    const shape = checkDigitsShape(value, 10);
    if (shape) return shape;
    if (/^0+$/.test(value)) return fail('INVALID_COMPONENT', value);
    return ok(value);
  },
});

/** PESEL: YYMMDD (month + 20/40/60/80 for other centuries) + serial + check digit (1,3,7,9 weights). */
export const plPesel = defineIdentifier({
  code: 'pl.pesel',
  country: 'PL',
  example: '44051401359',
  check: (value) => fromStdnum(stdnum.PL.pesel, value),
});

export const PL_IDENTIFIERS: readonly IdentifierType[] = [plNip, plRegon, plKrs, plPesel];
