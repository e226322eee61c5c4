/**
 * IBAN, validated with ibantools (registry length and BBAN layout, mod-97, and the national
 * check digits it knows: ES, FR, PL, PT, BE, …) plus the two national rules it misses:
 * the Italian/Sammarinese CIN letter and the Turkish reserved digit.
 */
import { getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { defineIdentifier, fail, ok } from './helpers';
import { italianCheckChar } from './it';
import type { IdentifierFailure, IdentifierType } from './types';

const COUNTRY_SPECS = getCountrySpecifications();

/** ibantools error codes in order of precedence: the first one reported wins. */
const IBANTOOLS_ERRORS: ReadonlyArray<[ValidationErrorsIBAN, IdentifierFailure]> = [
  [ValidationErrorsIBAN.NoIBANCountry, 'INVALID_COMPONENT'],
  [ValidationErrorsIBAN.WrongBBANLength, 'INVALID_LENGTH'],
  [ValidationErrorsIBAN.WrongBBANFormat, 'INVALID_FORMAT'],
  [ValidationErrorsIBAN.ChecksumNotNumber, 'INVALID_FORMAT'],
  [ValidationErrorsIBAN.WrongIBANChecksum, 'INVALID_CHECKSUM'],
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum, 'INVALID_CHECKSUM'],
];

/**
 * CIN of an Italian (or San Marino) BBAN `K AAAAA CCCCC NNNNNNNNNNNN`: the letter K is the
 * codice-fiscale check character of ABI + CAB + account number.
 */
export function hasValidItalianCin(bban: string): boolean {
  return italianCheckChar(bban.slice(1, 23)) === bban[0];
}

export const iban = defineIdentifier({
  code: 'iban',
  country: null,
  example: 'DE89370400440532013000',
  check(value) {
    if (value.length < 5 || value.length > 34) return fail('INVALID_LENGTH', value);
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(value)) return fail('INVALID_FORMAT', value);
    const country = value.slice(0, 2);
    if (!COUNTRY_SPECS[country]?.chars) return fail('INVALID_COMPONENT', value);
    const { valid, errorCodes } = validateIBAN(value);
    if (!valid) {
      const found = IBANTOOLS_ERRORS.find(([error]) => errorCodes.includes(error));
      return fail(found ? found[1] : 'INVALID_FORMAT', value);
    }
    const bban = value.slice(4);
    if ((country === 'IT' || country === 'SM') && !hasValidItalianCin(bban)) return fail('INVALID_CHECKSUM', value);
    // TR BBAN: 5-digit bank code, then a reserved digit that is always 0, then 16 account chars.
    if (country === 'TR' && bban[5] !== '0') return fail('INVALID_FORMAT', value);
    return ok(value);
  },
});

export const IBAN_IDENTIFIERS: readonly IdentifierType[] = [iban];
