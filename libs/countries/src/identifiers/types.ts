/** Why an identifier was rejected. Mirrors the error classes of python-stdnum / stdnum-js. */
export type IdentifierFailure = 'INVALID_LENGTH' | 'INVALID_FORMAT' | 'INVALID_CHECKSUM' | 'INVALID_COMPONENT';

export type IdentifierKind = 'individual' | 'company';

export type IdentifierResult =
  /** `kind` is only set when the number itself tells (e.g. a 10-digit RU INN is a company, 12 digits a person). */
  | { valid: true; normalized: string; kind?: IdentifierKind }
  | { valid: false; code: IdentifierFailure; normalized?: string };

export interface IdentifierType {
  /** Registry key, `<country>.<name>` in lower case (`ru.inn`), or a bare name for cross-country types (`iban`). */
  code: string;
  /** ISO 3166-1 alpha-2, or null for cross-country types (`iban`, `eu.vat`). */
  country: string | null;
  /** Offline check only (format and checksum); never throws. Existence needs the online registries. */
  validate(raw: string): IdentifierResult;
  /** A valid example value (published or synthetic), for docs and UI placeholders. */
  example: string;
}
