import { describe, expect, it } from '@jest/globals';
import { validateIdentifier } from '@app/countries';
import { newItalianVatNumber, uniqueItalianCompany } from './registrations';

describe('test data: generated Italian VAT numbers', () => {
  it('are valid and distinct', () => {
    const numbers = Array.from({ length: 50 }, () => newItalianVatNumber());
    for (const n of numbers) expect(validateIdentifier('it.piva', n)).toEqual({ valid: true, normalized: n });
    expect(new Set(numbers).size).toBe(50);
  });

  it('make registrations whose every identifier is valid', () => {
    const { identifiers } = uniqueItalianCompany() as { identifiers: Record<string, string> };
    for (const [type, value] of Object.entries(identifiers)) expect({ type, valid: validateIdentifier(type, value).valid }).toEqual({ type, valid: true });
  });
});
