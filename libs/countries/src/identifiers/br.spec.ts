import { describe, it } from '@jest/globals';
import { expectEverySubstitutionInvalid, expectInvalid, expectValid } from './spec-helpers';

describe('br.cnpj', () => {
  it.each([
    ['16.727.230/0001-97', '16727230000197'], // python-stdnum / stdnum-js docs
    ['11.222.333/0001-81', '11222333000181'], // widely used example
    ['12.ABC.345/01DE-35', '12ABC34501DE35'], // alphanumeric CNPJ (from July 2026)
    ['12abc34501de35', '12ABC34501DE35'],
  ])('accepts %s', (raw, normalized) => expectValid('br.cnpj', raw, normalized));

  it.each([
    ['16.727.230/0001-98', 'INVALID_CHECKSUM'],
    ['12.ABC.345/01DE-99', 'INVALID_CHECKSUM'],
    ['12.ABC.345/01DE-AB', 'INVALID_FORMAT'], // check digits are always digits
    ['00.000.000/0000-00', 'INVALID_COMPONENT'], // passes both checks, never issued
    ['660-3', 'INVALID_LENGTH'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('br.cnpj', value, code));

  // First check digit 9 and 8 (i.e. 11 − r with r ≥ 2): no 10/11 → 0 collision, all weights non-zero mod 11.
  it.each(['16727230000197', '11222333000181'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('br.cnpj', value),
  );
});

describe('br.cpf', () => {
  it.each([
    ['390.533.447-05', '39053344705'], // stdnum-js tests
    ['111.444.777-35', '11144477735'], // widely used example
    ['216.957.050-09', '21695705009'], // stdnum-js tests (format)
  ])('accepts %s', (raw, normalized) => expectValid('br.cpf', raw, normalized));

  it.each([
    ['231.002.999-00', 'INVALID_CHECKSUM'], // stdnum-js tests
    ['111.111.111-11', 'INVALID_COMPONENT'], // passes both checks, never issued
    ['000.000.000-00', 'INVALID_COMPONENT'],
    ['660-3', 'INVALID_LENGTH'],
    ['390.533.447-0A', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('br.cpf', value, code));

  it('rejects every single-digit substitution of 11144477735 (first check digit 3)', () =>
    expectEverySubstitutionInvalid('br.cpf', '11144477735'));
});
