import { describe, it } from '@jest/globals';
import { expectEverySubstitutionInvalid, expectInvalid, expectValid } from './spec-helpers';

describe('de.vat', () => {
  it.each([
    ['136695976', '136695976'], // stdnum-js tests
    ['DE136695976', '136695976'],
    ['DE 811 125 440', '811125440'], // python-stdnum eu.vat list
    ['DE129390950', '129390950'],
    ['DE 221.304.969', '221304969'],
  ])('accepts %s', (raw, normalized) => expectValid('de.vat', raw, normalized));

  it.each([
    ['136695978', 'INVALID_CHECKSUM'], // stdnum-js tests
    ['DE 125014855', 'INVALID_CHECKSUM'], // python-stdnum (mangled)
    ['011125440', 'INVALID_FORMAT'], // first digit 0 (python-stdnum)
    ['12345678', 'INVALID_LENGTH'],
    ['DE13669597', 'INVALID_LENGTH'],
    ['1366959761', 'INVALID_LENGTH'],
    ['13669597X', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('de.vat', value, code));

  // ISO 7064 MOD 11,10 detects every single-digit substitution.
  it.each(['136695976', '811125440', '129390950'])('rejects every single-digit substitution of %s', (value) =>
    expectEverySubstitutionInvalid('de.vat', value),
  );
});

describe('de.stnr', () => {
  // stdnum-js tests (state layouts and the 13-digit ELSTER form).
  it.each([
    ['18181508155', '18181508155'],
    ['181/815/0815 5', '18181508155'],
    ['10863924976', '10863924976'],
    ['36574261809', '36574261809'],
    ['121/5752/5373', '12157525373'],
    ['14/203/31601', '1420331601'],
  ])('accepts %s', (raw, normalized) => expectValid('de.stnr', raw, normalized));

  it.each([
    ['1234567890', 'INVALID_COMPONENT'], // no repeated digit in the first ten
    ['0472480661811', 'INVALID_FORMAT'], // matches no state layout
    ['123456789', 'INVALID_LENGTH'],
    ['123456789012', 'INVALID_LENGTH'],
    ['1818150815A', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('de.stnr', value, code));
});

describe('de.hrn', () => {
  it.each([
    ['HRB 12345', 'HRB12345'],
    ['HRA 1234', 'HRA1234'],
    ['hrb 123456 B', 'HRB123456B'], // Berlin (Charlottenburg) suffix
    ['HRB 5000 FL', 'HRB5000FL'],
    ['HRB1', 'HRB1'],
  ])('accepts %s', (raw, normalized) => expectValid('de.hrn', raw, normalized));

  it.each([
    ['HRC 12345', 'INVALID_FORMAT'],
    ['VR 12345', 'INVALID_FORMAT'], // Vereinsregister: not a trade register number
    ['12345', 'INVALID_FORMAT'],
    ['HRB', 'INVALID_FORMAT'],
    ['HRB 12345 ABC', 'INVALID_FORMAT'],
    ['HRB 1234567', 'INVALID_LENGTH'],
    ['HRB 0', 'INVALID_COMPONENT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('de.hrn', value, code));
});
