/**
 * EU VAT number (VIES): 2-letter member-state prefix + national number. The prefix is required.
 * Greece is `EL` (`GR` is accepted and mapped to `EL`); `XI` (Northern Ireland, goods) is in VIES
 * and validated as a UK number; `GB` is rejected since the UK left the EU.
 * National checks come from stdnum-js except ES, IT, DE and XI (GB rules), which reuse the stricter in-house rules.
 */
import { stdnum } from 'stdnum';
import { checkGermanVat } from './de';
import { checkSpanishVatBody } from './es';
import { checkGbVat } from './gb';
import { defineIdentifier, fail, fromStdnum, ok } from './helpers';
import { checkPartitaIva } from './it';
import type { IdentifierResult, IdentifierType } from './types';

type BodyCheck = (body: string) => IdentifierResult;

const viaStdnum = (country: string, name: string): BodyCheck => (body) => fromStdnum(stdnum[country][name], body);

/**
 * stdnum-js `BG.vat` only accepts 10-digit (natural person) numbers starting with 0–3 or 9, but
 * an ЕГН starts with any birth-year digit: fall back to the ЕГН and ЛНЧ (PNF) checks.
 */
const checkBulgarianVat: BodyCheck = (body) => {
  const result = fromStdnum(stdnum.BG.vat, body);
  if (result.valid || body.length !== 10) return result;
  const personal = [stdnum.BG.egn, stdnum.BG.pnf].map((validator) => fromStdnum(validator, body));
  return personal.find((r) => r.valid) ?? result;
};

const MEMBER_STATES: Readonly<Record<string, BodyCheck>> = {
  AT: viaStdnum('AT', 'uid'),
  BE: viaStdnum('BE', 'vat'),
  BG: checkBulgarianVat,
  CY: viaStdnum('CY', 'vat'),
  CZ: viaStdnum('CZ', 'dic'),
  DE: checkGermanVat,
  DK: viaStdnum('DK', 'cvr'),
  EE: viaStdnum('EE', 'kmkr'),
  EL: viaStdnum('GR', 'vat'),
  ES: checkSpanishVatBody,
  FI: viaStdnum('FI', 'alv'),
  FR: viaStdnum('FR', 'tva'),
  HR: viaStdnum('HR', 'oib'),
  HU: viaStdnum('HU', 'anum'),
  IE: viaStdnum('IE', 'vat'),
  IT: checkPartitaIva,
  LT: viaStdnum('LT', 'pvm'),
  LU: viaStdnum('LU', 'tva'),
  LV: viaStdnum('LV', 'pvn'),
  MT: viaStdnum('MT', 'vat'),
  NL: viaStdnum('NL', 'btw'),
  PL: viaStdnum('PL', 'nip'),
  PT: viaStdnum('PT', 'nif'),
  RO: viaStdnum('RO', 'cif'),
  SE: viaStdnum('SE', 'vat'),
  SI: viaStdnum('SI', 'ddv'),
  SK: viaStdnum('SK', 'dph'),
  XI: checkGbVat,
};

/** ISO codes that are not VIES prefixes, mapped to the one that is. */
const PREFIX_ALIASES: Readonly<Record<string, string>> = { GR: 'EL' };

/** VIES prefixes accepted by `eu.vat`. */
export const EU_VAT_PREFIXES: readonly string[] = Object.keys(MEMBER_STATES);

/**
 * One valid number per VIES prefix, shown as the example of a country's `eu.vat` field (an
 * Italian number is no example for a Spanish seller). Published values from the python-stdnum
 * `test_eu_vat.doctest` list and the module docstrings.
 */
export const EU_VAT_EXAMPLES: Readonly<Record<string, string>> = {
  AT: 'ATU13585627',
  BE: 'BE0428759497',
  BG: 'BG175074752',
  CY: 'CY10259033P',
  CZ: 'CZ25123891',
  DE: 'DE136695976',
  DK: 'DK28107773',
  EE: 'EE101256753',
  EL: 'EL094501040',
  ES: 'ESA08370314',
  FI: 'FI18261444',
  FR: 'FR40303265045',
  HR: 'HR94577403194',
  HU: 'HU12078503',
  IE: 'IE6433435F',
  IT: 'IT00743110157',
  LT: 'LT119511515',
  LU: 'LU10059929',
  LV: 'LV40003189718',
  MT: 'MT17025737',
  NL: 'NL004495445B01',
  PL: 'PL8567346215',
  PT: 'PT501964843',
  RO: 'RO16241790',
  SE: 'SE556043606401',
  SI: 'SI50223054',
  SK: 'SK2022193459',
  XI: 'XI980780684',
};

/** The VIES prefix of an ISO 3166-1 country (`GR` → `EL`), or undefined when it is not an EU member state. */
export function euVatPrefixOf(country: string): string | undefined {
  if (country === 'XI' || country === 'EL') return undefined; // VIES prefixes, not ISO country codes
  const prefix = PREFIX_ALIASES[country] ?? country;
  return EU_VAT_PREFIXES.includes(prefix) ? prefix : undefined;
}

export const euVat = defineIdentifier({
  code: 'eu.vat',
  country: null,
  example: 'IT00743110157',
  check(value) {
    if (value.length < 4) return fail('INVALID_LENGTH', value);
    const written = value.slice(0, 2);
    if (!/^[A-Z]{2}$/.test(written)) return fail('INVALID_FORMAT', value);
    const prefix = PREFIX_ALIASES[written] ?? written;
    const checkBody = Object.prototype.hasOwnProperty.call(MEMBER_STATES, prefix) ? MEMBER_STATES[prefix] : undefined;
    if (!checkBody) return fail('INVALID_COMPONENT', value);
    const result = checkBody(value.slice(2));
    if (!result.valid) return fail(result.code, value);
    return ok(prefix + result.normalized);
  },
});

export const EU_VAT_IDENTIFIERS: readonly IdentifierType[] = [euVat];
