import { AppError, ErrorCatalogue, ErrorDetail, errorFactory, MessageParam, registerErrorCatalogue } from '@app/kernel';
import { countryName } from './country-names';
import { identifierName } from './identifiers/names';

/** Codes are UPPER_SNAKE, prefixed by their context (COUNTRY_NOT_ENABLED): see README, Errors. */
export enum CountryErrorCode {
  NOT_FOUND = 'COUNTRY_NOT_FOUND',
  NOT_ENABLED = 'COUNTRY_NOT_ENABLED',
  IDENTIFIER_TYPE_UNKNOWN = 'COUNTRY_IDENTIFIER_TYPE_UNKNOWN',
  REGISTRATION_INVALID = 'COUNTRY_REGISTRATION_INVALID',
  IDENTIFIER_IN_USE = 'COUNTRY_IDENTIFIER_IN_USE',
  PACK_INVALID = 'COUNTRY_PACK_INVALID',
  DRAFT_NOT_FOUND = 'COUNTRY_DRAFT_NOT_FOUND',
  VERSION_NOT_FOUND = 'COUNTRY_VERSION_NOT_FOUND',
  PACK_MISMATCH = 'COUNTRY_PACK_MISMATCH',
  NO_PUBLISHED_PACK = 'COUNTRY_NO_PUBLISHED_PACK',
}

export const COUNTRY_ERRORS: ErrorCatalogue<CountryErrorCode> = registerErrorCatalogue({
  [CountryErrorCode.NOT_FOUND]: { status: 404, description: 'No rule pack has been published for this country code.' },
  [CountryErrorCode.NOT_ENABLED]: { status: 422, description: 'The country exists but is disabled (or has no pack): no new sign-ups or profiles.' },
  [CountryErrorCode.IDENTIFIER_TYPE_UNKNOWN]: { status: 422, description: 'The identifier type is not one this country uses.' },
  [CountryErrorCode.REGISTRATION_INVALID]: { status: 422, description: "The business profile breaks the country's rules; details[] lists every field." },
  [CountryErrorCode.IDENTIFIER_IN_USE]: { status: 409, description: 'Another seller of this country registered the same identifier (who is not revealed).' },
  [CountryErrorCode.PACK_INVALID]: { status: 422, description: 'A draft pack fails the schema or its checks; details[] lists every problem.' },
  [CountryErrorCode.DRAFT_NOT_FOUND]: { status: 404, description: 'The country has no draft pack.' },
  [CountryErrorCode.VERSION_NOT_FOUND]: { status: 404, description: 'No such version of the country pack.' },
  [CountryErrorCode.PACK_MISMATCH]: { status: 422, description: 'The pack body names a different country than the URL.' },
  [CountryErrorCode.NO_PUBLISHED_PACK]: { status: 422, description: 'Enable/disable needs a published pack.' },
});

const buildCountryError = errorFactory(COUNTRY_ERRORS);

/**
 * Raw codes never reach a message: `country`/`packCountry` become the country's name and `type`
 * the identifier's name, both in the caller's language (rendered at the edge).
 */
function localisedParams(params: Record<string, MessageParam>): Record<string, MessageParam> {
  const out = { ...params };
  for (const key of ['country', 'packCountry']) {
    const value = out[key];
    if (typeof value === 'string') out[key] = countryName(value);
  }
  if (typeof out.type === 'string') out.type = identifierName(out.type);
  return out;
}

export const countryError = (
  code: CountryErrorCode,
  params: Record<string, MessageParam> = {},
  details: ErrorDetail[] = [],
  headers: Record<string, string> = {},
): AppError => buildCountryError(code, localisedParams(params), details, headers);
