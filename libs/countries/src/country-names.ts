import { isISO31661Alpha2 } from 'class-validator';
import { SUPPORTED_LOCALES } from '@app/kernel';
import type { LocalizedTextParam } from '@app/kernel';

/**
 * An assigned ISO 3166-1 alpha-2 code (validator.js's list, through class-validator): not `UK`
 * (the United Kingdom is GB), `EU`, `EL` or a user-assigned code such as `XX`.
 */
export const isAssignedCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && isISO31661Alpha2(code);

const regionNames = new Map(SUPPORTED_LOCALES.map((locale) => [locale, new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })]));

/**
 * A country as a message parameter: its name in every supported language (Intl.DisplayNames,
 * so "Portogallo" for an Italian caller, "Португалия" for a Russian one); a code that is not an
 * assigned country (a typo in a URL, `UK`) stays as it was written.
 */
export function countryName(code: string): LocalizedTextParam | string {
  if (!isAssignedCountryCode(code)) return code;
  return { text: Object.fromEntries([...regionNames].map(([locale, names]) => [locale, names.of(code) ?? code])) };
}
