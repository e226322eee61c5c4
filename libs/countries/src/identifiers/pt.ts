/** Portugal: NIF (any taxpayer) and NIPC (legal persons), mod-11 check from stdnum-js. */
import { stdnum } from 'stdnum';
import { defineIdentifier, fail, fromStdnum, ok } from './helpers';
import type { CountryPrefix } from './helpers';
import type { IdentifierResult, IdentifierType } from './types';

const PT_PREFIX: CountryPrefix = { letters: ['PT'], bodyLengths: [9] };

/** First digits of natural persons' NIFs: 1–3 and 45 (non-residents). */
function isPersonalNif(nif: string): boolean {
  return '123'.includes(nif[0]) || nif.startsWith('45');
}

function checkNif(value: string): IdentifierResult {
  return fromStdnum(stdnum.PT.nif, value);
}

export const ptNif = defineIdentifier({
  code: 'pt.nif',
  country: 'PT',
  example: '501964843',
  prefix: PT_PREFIX,
  check(value) {
    const result = checkNif(value);
    if (!result.valid) return result;
    return ok(result.normalized, isPersonalNif(result.normalized) ? 'individual' : 'company');
  },
});

/** NIPC: a NIF of a legal person or other entity, i.e. one not starting with 1–3 or 45. */
export const ptNipc = defineIdentifier({
  code: 'pt.nipc',
  country: 'PT',
  example: '501964843',
  prefix: PT_PREFIX,
  check(value) {
    const result = checkNif(value);
    if (result.valid && isPersonalNif(result.normalized)) return fail('INVALID_COMPONENT', value);
    return result;
  },
});

export const PT_IDENTIFIERS: readonly IdentifierType[] = [ptNif, ptNipc];
