/**
 * Test-only helpers shared by the identifier specs (not exported from the module's index).
 */
import { expect } from '@jest/globals';
import { validateIdentifier } from './registry';
import type { IdentifierFailure, IdentifierKind } from './types';

export const DIGITS = '0123456789';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface SubstitutionOptions {
  /** Positions to mutate (0-based); default: every position whose character is in `alphabet`. */
  positions?: readonly number[];
  /** Replacement characters; default: the ten digits. */
  alphabet?: string;
}

/** Every string obtained by replacing one character of `value` with another character of the alphabet. */
export function singleSubstitutions(value: string, options: SubstitutionOptions = {}): string[] {
  const alphabet = options.alphabet ?? DIGITS;
  const positions = options.positions ?? [...value].flatMap((char, i) => (alphabet.includes(char) ? [i] : []));
  const mutants: string[] = [];
  for (const position of positions) {
    for (const char of alphabet) {
      if (char !== value[position]) mutants.push(value.slice(0, position) + char + value.slice(position + 1));
    }
  }
  return mutants;
}

export function expectValid(code: string, raw: string, normalized?: string, kind?: IdentifierKind): void {
  const result = validateIdentifier(code, raw);
  expect({ raw, result }).toMatchObject({ raw, result: { valid: true } });
  if (normalized !== undefined && result.valid) expect(result.normalized).toBe(normalized);
  if (kind !== undefined && result.valid) expect(result.kind).toBe(kind);
}

export function expectInvalid(code: string, raw: string, failure?: IdentifierFailure): void {
  const result = validateIdentifier(code, raw);
  expect({ raw, result }).toMatchObject({ raw, result: failure ? { valid: false, code: failure } : { valid: false } });
}

/**
 * Asserts that every single-character substitution of a valid value is rejected. Only use this
 * where the check algorithm guarantees the detection (Luhn, MOD 11-10, weights coprime to the
 * modulus, …); otherwise use {@link expectSubstitutionsMatchReference}.
 */
export function expectEverySubstitutionInvalid(code: string, value: string, options?: SubstitutionOptions): void {
  expect(validateIdentifier(code, value).valid).toBe(true);
  const mutants = singleSubstitutions(value, options);
  expect(mutants.length).toBeGreaterThan(0);
  const accepted = mutants.filter((mutant) => validateIdentifier(code, mutant).valid);
  expect(accepted).toEqual([]);
}

/**
 * For checksums that do not catch every substitution: the validator must agree, mutant by mutant,
 * with an independent reference written in the spec from the published algorithm.
 * Returns the number of mutants the reference accepts, so the caller can assert it.
 */
export function expectSubstitutionsMatchReference(
  code: string,
  value: string,
  reference: (candidate: string) => boolean,
  options?: SubstitutionOptions,
): number {
  const mutants = singleSubstitutions(value, options);
  const disagreements = mutants.filter((mutant) => validateIdentifier(code, mutant).valid !== reference(mutant));
  expect(disagreements).toEqual([]);
  return mutants.filter(reference).length;
}
