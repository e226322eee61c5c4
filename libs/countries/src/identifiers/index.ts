export type { IdentifierFailure, IdentifierKind, IdentifierResult, IdentifierType } from './types';
export { IDENTIFIER_TYPES, UnknownIdentifierTypeError, validateIdentifier } from './registry';
export { normalizeIdentifierInput } from './helpers';
export { mersisMatchesVkn } from './tr';
export { EU_VAT_PREFIXES } from './eu-vat';
