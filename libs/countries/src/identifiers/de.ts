/**
 * Germany: USt-IdNr (VAT), Steuernummer and Handelsregisternummer.
 * USt-IdNr and Steuernummer come from stdnum-js; the register number is format only.
 */
import { stdnum } from 'stdnum';
import { defineIdentifier, fail, fromStdnum, ok } from './helpers';
import type { IdentifierResult, IdentifierType } from './types';

/** USt-IdNr body: 9 digits, first not 0, ISO 7064 MOD 11,10 check digit. */
export function checkGermanVat(value: string): IdentifierResult {
  if (value.length === 9 && value[0] === '0') return fail('INVALID_FORMAT', value);
  return fromStdnum(stdnum.DE.vat, value);
}

export const deVat = defineIdentifier({
  code: 'de.vat',
  country: 'DE',
  example: '136695976',
  prefix: { letters: ['DE'], bodyLengths: [9] },
  check: checkGermanVat,
});

/**
 * Steuernummer: the 10/11-digit state layouts (`181/815/08155`) or the 13-digit unified
 * ELSTER form; stdnum-js checks the layouts of all 16 states.
 */
export const deStnr = defineIdentifier({
  code: 'de.stnr',
  country: 'DE',
  example: '18181508155',
  check: (value) => fromStdnum(stdnum.DE.stnr, value),
});

/**
 * Handelsregisternummer, format only: `HRA` (sole traders e.K., partnerships) or `HRB`
 * (GmbH, UG, AG) + up to 6 digits, optionally followed by a 1–2 letter court suffix
 * (`HRB 12345 B` in Berlin). The court name is a separate field and is not part of the value.
 */
export const deHrn = defineIdentifier({
  code: 'de.hrn',
  country: 'DE',
  example: 'HRB12345',
  check(value) {
    const match = /^HR[AB](\d+)[A-Z]{0,2}$/.exec(value);
    if (!match) return fail('INVALID_FORMAT', value);
    if (match[1].length > 6) return fail('INVALID_LENGTH', value);
    if (/^0+$/.test(match[1])) return fail('INVALID_COMPONENT', value);
    return ok(value);
  },
});

export const DE_IDENTIFIERS: readonly IdentifierType[] = [deVat, deStnr, deHrn];
