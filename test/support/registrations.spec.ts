import { describe, expect, it } from '@jest/globals';
import { validateIdentifier } from '@app/countries';
import { newItalianVatNumber, newTurkishVkn, uniqueItalianCompany, uniqueTurkishCompany } from './registrations';

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

describe('test data: generated Turkish tax numbers', () => {
  it('are valid VKNs, distinct, and make registrations with valid identifiers', () => {
    const numbers = Array.from({ length: 50 }, () => newTurkishVkn());
    for (const n of numbers) expect(validateIdentifier('tr.vkn', n)).toEqual({ valid: true, normalized: n });
    expect(new Set(numbers).size).toBe(50);
    const { identifiers } = uniqueTurkishCompany() as { identifiers: Record<string, string> };
    for (const [type, value] of Object.entries(identifiers)) expect({ type, valid: validateIdentifier(type, value).valid }).toEqual({ type, valid: true });
  });
});
