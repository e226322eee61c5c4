import { describe, expect, it } from '@jest/globals';
import { cifControlValue, dniLetter } from './es';
import { validateIdentifier } from './registry';
import {
  DIGITS,
  LETTERS,
  expectEverySubstitutionInvalid,
  expectInvalid,
  expectSubstitutionsMatchReference,
  expectValid,
} from './spec-helpers';

const ALNUM = DIGITS + LETTERS;
const allPositions = (value: string) => [...value].map((_, i) => i);

describe('es.dni', () => {
  it.each([
    ['54362315K', '54362315K'], // python-stdnum / stdnum-js docs
    ['54362315-K', '54362315K'],
    ['11111111H', '11111111H'], // python-stdnum tests
    ['07654321J', '07654321J'],
    ['ES 54362315K', '54362315K'], // an autónomo's VAT number is ES + DNI
  ])('accepts %s', (raw, normalized) => expectValid('es.dni', raw, normalized));

  it.each([
    ['54362315Z', 'INVALID_CHECKSUM'],
    ['11111111T', 'INVALID_CHECKSUM'],
    ['7654321J', 'INVALID_LENGTH'], // leading zero dropped; validator.js accepts it
    ['54362315', 'INVALID_LENGTH'],
    ['543623150K', 'INVALID_LENGTH'],
    ['X2482300W', 'INVALID_FORMAT'], // a NIE
    ['M1234567L', 'INVALID_FORMAT'], // a K/L/M NIF; stdnum-js ES.dni accepts these unchecked
    ['A11111119', 'INVALID_FORMAT'], // a CIF
    ['543623151', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('es.dni', value, code));

  it('computes the letter as number mod 23', () => {
    expect(dniLetter('54362315')).toBe('K');
    expect(dniLetter('00000023')).toBe('T');
  });

  // 10^k is invertible mod 23 and the 23 letters are distinct: every substitution is caught.
  it.each(['54362315K', '07654321J'])('rejects every single-character substitution of %s', (value) =>
    expectEverySubstitutionInvalid('es.dni', value, { alphabet: ALNUM, positions: allPositions(value) }),
  );
});

describe('es.nie', () => {
  it.each([
    ['x-2482300w', 'X2482300W'], // stdnum-js tests
    ['X1111111G', 'X1111111G'], // python-stdnum tests
    ['X5253868R', 'X5253868R'],
    ['X5277343Q', 'X5277343Q'], // python-stdnum eu.vat list: X/Y/Z with the same digits
    ['Y5277343F', 'Y5277343F'],
    ['Z5277343K', 'Z5277343K'],
    ['ES-x-2482300w', 'X2482300W'],
  ])('accepts %s', (raw, normalized) => expectValid('es.nie', raw, normalized));

  it.each([
    ['x-2482300a', 'INVALID_CHECKSUM'],
    ['X1111111A', 'INVALID_CHECKSUM'],
    ['X2482300', 'INVALID_LENGTH'],
    ['A2482300W', 'INVALID_FORMAT'],
    ['54362315K', 'INVALID_FORMAT'],
    ['X24823001', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('es.nie', value, code));

  it.each(['X2482300W', 'Y5277343F', 'Z5277343K'])('rejects every single-character substitution of %s', (value) =>
    expectEverySubstitutionInvalid('es.nie', value, { alphabet: ALNUM, positions: allPositions(value) }),
  );
});

describe('es.cif', () => {
  // stdnum-js tests, python-stdnum tests and its eu.vat list (numbers found online).
  it.each([
    'J99216582',
    'B86670460',
    'Q2876031B',
    'N0112768G',
    'W8265365J',
    'A08370314',
    'A11111119',
    'B58378431',
    'B64717838',
    'B79110482',
    'Q0818001J',
    'F13005293',
    'R9600075G',
    'U99216426',
    'U99216632',
    'V99218067',
    'W4003922D',
    'A28184661',
  ])('accepts %s', (value) => expectValid('es.cif', value, value));

  it.each([
    ['ESB79110482', 'B79110482'],
    ['ES B-58378431', 'B58378431'],
    ['Es-a58951310', 'A58951310'],
  ])('strips the ES prefix: %s', (raw, normalized) => expectValid('es.cif', raw, normalized));

  it('allows both control forms for letters with no rule (C, D, F, G, J, U, V)', () => {
    // control values computed by hand: 9921658 → 2, 9921642 → 6, 9921806 → 7
    expectValid('es.cif', 'J99216582');
    expectValid('es.cif', 'J9921658B');
    expectValid('es.cif', 'U99216426');
    expectValid('es.cif', 'U9921642F');
    expectValid('es.cif', 'V99218067');
    expectValid('es.cif', 'V9921806G');
  });

  it.each([
    ['B7911048B', 'INVALID_FORMAT'], // S.L. with a letter control; python-stdnum and stdnum-js accept it
    ['A0837031D', 'INVALID_FORMAT'], // S.A. with a letter control
    ['Q28760312', 'INVALID_FORMAT'], // public body with a digit control
    ['W82653650', 'INVALID_FORMAT'],
    ['C00123455', 'INVALID_FORMAT'], // province 00 requires a letter ...
    ['B64717839', 'INVALID_CHECKSUM'],
    ['A11111118', 'INVALID_CHECKSUM'],
    ['J9921658C', 'INVALID_CHECKSUM'],
    ['X13585626', 'INVALID_COMPONENT'], // X is not an entity letter
    ['O1234567A', 'INVALID_COMPONENT'], // O is not an entity letter
    ['J992165831', 'INVALID_LENGTH'],
    ['B-583784312', 'INVALID_LENGTH'],
    ['B7911048K', 'INVALID_FORMAT'], // K is not a control letter
    ['54362315K', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('es.cif', value, code));

  it('accepts province 00 with a letter control', () => {
    expectValid('es.cif', 'C0012345E'); // ... 0012345 → 5 → E
  });

  it('computes the control value', () => {
    expect(cifControlValue('7911048')).toBe(2);
    expect(cifControlValue('8667046')).toBe(0); // B86670460 (stdnum-js tests)
  });

  // The control value is a Luhn-style sum (doubling is a permutation of 0–9), so any change in
  // the 7 digits or the control character is caught. The entity letter does not enter the sum.
  it.each(['B79110482', 'Q2876031B', 'N0112768G', 'A08370314'])('rejects every substitution after the entity letter of %s', (value) =>
    expectEverySubstitutionInvalid('es.cif', value, { alphabet: ALNUM, positions: [1, 2, 3, 4, 5, 6, 7, 8] }),
  );

  it('accepts only the letter twin of the control digit when the entity allows both forms', () => {
    expectEverySubstitutionInvalid('es.cif', 'J99216582', { alphabet: ALNUM, positions: [1, 2, 3, 4, 5, 6, 7] });
    const accepted = expectSubstitutionsMatchReference('es.cif', 'J99216582', (v) => v === 'J9921658B', {
      alphabet: ALNUM,
      positions: [8],
    });
    expect(accepted).toBe(1);
  });

  it('accepts another entity letter when the control form still fits it', () => {
    // B79110482 has a digit control: valid for A, E, H (digit only) and C, D, F, G, J, U, V (either).
    const accepted = expectSubstitutionsMatchReference('es.cif', 'B79110482', (v) => 'ACDEFGHJUV'.includes(v[0]), {
      alphabet: LETTERS,
      positions: [0],
    });
    expect(accepted).toBe(10);
  });
});

describe('es.nif', () => {
  it.each([
    ['11111111H', 'individual'], // python-stdnum es.nif tests: DNI
    ['X1111111G', 'individual'], // NIE
    ['L1111111G', 'individual'], // K/L/M
    ['M1234567L', 'individual'], // stdnum-js tests
    ['A11111119', 'company'], // CIF
    ['ES B-58378431', 'company'],
    ['ESB79110482', 'company'],
  ] as const)('accepts %s (%s)', (value, kind) => expectValid('es.nif', value, undefined, kind));

  it.each([
    ['11111111T', 'INVALID_CHECKSUM'],
    ['A11111118', 'INVALID_CHECKSUM'],
    ['X1111111A', 'INVALID_CHECKSUM'],
    ['L1111111C', 'INVALID_CHECKSUM'],
    ['B64717839', 'INVALID_CHECKSUM'],
    ['B7911048B', 'INVALID_FORMAT'],
    ['54362315', 'INVALID_LENGTH'],
    ['I1234567A', 'INVALID_COMPONENT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('es.nif', value, code));

  it('reports no kind for the single-form types', () => {
    expect(validateIdentifier('es.dni', '11111111H')).toEqual({ valid: true, normalized: '11111111H' });
    expect(validateIdentifier('es.cif', 'A11111119')).toEqual({ valid: true, normalized: 'A11111119' });
  });
});
