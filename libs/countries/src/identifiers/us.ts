/** United States: EIN and SSN (stdnum-js), ITIN (IRS group ranges). None has a checksum. */
import { stdnum } from 'stdnum';
import { checkDigitsShape, defineIdentifier, fail, fromStdnum, ok } from './helpers';
import type { IdentifierType } from './types';

/** EIN `NN-NNNNNNN`: the 2-digit prefix must be an IRS campus code (`07`, `08`, `00` … are not). */
export const usEin = defineIdentifier({
  code: 'us.ein',
  country: 'US',
  example: '536904399',
  check: (value) => checkDigitsShape(value, 9) ?? fromStdnum(stdnum.US.ein, value),
});

/** SSN `AAA-GG-SSSS`: area not 000, 666 or 9xx, group not 00, serial not 0000, no advertising numbers. */
export const usSsn = defineIdentifier({
  code: 'us.ssn',
  country: 'US',
  example: '536904399',
  check(value) {
    const shape = checkDigitsShape(value, 9);
    if (shape) return shape;
    if (value.endsWith('0000')) return fail('INVALID_COMPONENT', value);
    return fromStdnum(stdnum.US.ssn, value);
  },
});

/** ITIN `9NN-GG-NNNN` with group 50–65, 70–88, 90–92 or 94–99. */
export const usItin = defineIdentifier({
  code: 'us.itin',
  country: 'US',
  example: '912903456',
  check(value) {
    const shape = checkDigitsShape(value, 9);
    if (shape) return shape;
    if (!/^9\d{2}(5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])\d{4}$/.test(value)) return fail('INVALID_COMPONENT', value);
    return ok(value);
  },
});

export const US_IDENTIFIERS: readonly IdentifierType[] = [usEin, usSsn, usItin];
