export type { IdentifierFailure, IdentifierKind, IdentifierResult, IdentifierType } from './types';
export { IDENTIFIER_TYPES, UnknownIdentifierTypeError, validateIdentifier } from './registry';
export { normalizeIdentifierInput } from './helpers';
export { mersisMatchesVkn } from './tr';
export { EU_VAT_EXAMPLES, EU_VAT_PREFIXES, euVatPrefixOf } from './eu-vat';
