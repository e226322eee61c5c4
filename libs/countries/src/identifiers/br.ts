/** Brazil: CNPJ (incl. the alphanumeric CNPJ from July 2026) and CPF, from stdnum-js. */
import { stdnum } from 'stdnum';
import { defineIdentifier, fail, fromStdnum, isRepeatedChar } from './helpers';
import type { Validator } from 'stdnum';
import type { IdentifierResult, IdentifierType } from './types';

/** Numbers made of one repeated digit pass both mod-11 checks but are never issued. */
function checkNotRepeated(validator: Validator, value: string): IdentifierResult {
  const result = fromStdnum(validator, value);
  if (result.valid && isRepeatedChar(result.normalized)) return fail('INVALID_COMPONENT', value);
  return result;
}

/**
 * CNPJ `NN.NNN.NNN/NNNN-NN`: 12 base characters (digits, or since 2026 also letters valued
 * ASCII − 48) + 2 mod-11 check digits.
 */
export const brCnpj = defineIdentifier({
  code: 'br.cnpj',
  country: 'BR',
  example: '16727230000197',
  check: (value) => checkNotRepeated(stdnum.BR.cnpj, value),
});

/** CPF `NNN.NNN.NNN-NN`: 9 digits + 2 mod-11 check digits. */
export const brCpf = defineIdentifier({
  code: 'br.cpf',
  country: 'BR',
  example: '39053344705',
  check: (value) => checkNotRepeated(stdnum.BR.cpf, value),
});

export const BR_IDENTIFIERS: readonly IdentifierType[] = [brCnpj, brCpf];
