/** The identifier type registry: every type by its code, and the lookup used by callers. */
import { BR_IDENTIFIERS } from './br';
import { DE_IDENTIFIERS } from './de';
import { ES_IDENTIFIERS } from './es';
import { EU_VAT_IDENTIFIERS } from './eu-vat';
import { FR_IDENTIFIERS } from './fr';
import { GB_IDENTIFIERS } from './gb';
import { IBAN_IDENTIFIERS } from './iban';
import { IT_IDENTIFIERS } from './it';
import { KZ_IDENTIFIERS } from './kz';
import { PL_IDENTIFIERS } from './pl';
import { PT_IDENTIFIERS } from './pt';
import { RU_IDENTIFIERS } from './ru';
import { TR_IDENTIFIERS } from './tr';
import { US_IDENTIFIERS } from './us';
import type { IdentifierResult, IdentifierType } from './types';

export class UnknownIdentifierTypeError extends Error {
  constructor(readonly identifierType: string) {
    super(`Unknown identifier type: ${JSON.stringify(identifierType)}`);
    this.name = 'UnknownIdentifierTypeError';
  }
}

function buildRegistry(types: readonly IdentifierType[]): ReadonlyMap<string, IdentifierType> {
  const registry = new Map<string, IdentifierType>();
  for (const type of types) {
    if (registry.has(type.code)) throw new Error(`Duplicate identifier type ${type.code}`);
    registry.set(type.code, type);
  }
  return registry;
}

export const IDENTIFIER_TYPES: ReadonlyMap<string, IdentifierType> = buildRegistry([
  ...RU_IDENTIFIERS,
  ...TR_IDENTIFIERS,
  ...IT_IDENTIFIERS,
  ...ES_IDENTIFIERS,
  ...EU_VAT_IDENTIFIERS,
  ...IBAN_IDENTIFIERS,
  ...KZ_IDENTIFIERS,
  ...GB_IDENTIFIERS,
  ...US_IDENTIFIERS,
  ...DE_IDENTIFIERS,
  ...FR_IDENTIFIERS,
  ...PL_IDENTIFIERS,
  ...PT_IDENTIFIERS,
  ...BR_IDENTIFIERS,
]);

/**
 * Validates `raw` as an identifier of type `code` (e.g. `ru.inn`). Never throws for bad input;
 * throws {@link UnknownIdentifierTypeError} when `code` is not a registered type (a caller bug).
 */
export function validateIdentifier(code: string, raw: string): IdentifierResult {
  const type = typeof code === 'string' ? IDENTIFIER_TYPES.get(code) : undefined;
  if (!type) throw new UnknownIdentifierTypeError(String(code));
  return type.validate(raw);
}
