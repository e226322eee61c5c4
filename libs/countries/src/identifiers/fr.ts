/** France: SIREN, SIRET and TVA intracommunautaire, all from stdnum-js. */
import { stdnum } from 'stdnum';
import { defineIdentifier, fromStdnum } from './helpers';
import type { IdentifierType } from './types';

/** SIREN: 9 digits, Luhn. */
export const frSiren = defineIdentifier({
  code: 'fr.siren',
  country: 'FR',
  example: '552008443',
  check: (value) => fromStdnum(stdnum.FR.siren, value),
});

/** SIRET: SIREN + 5-digit NIC, Luhn over 14 digits (La Poste, SIREN 356000000: digit sum ≡ 0 mod 5). */
export const frSiret = defineIdentifier({
  code: 'fr.siret',
  country: 'FR',
  example: '73282932000074',
  check: (value) => fromStdnum(stdnum.FR.siret, value),
});

/**
 * TVA: 2-char key + SIREN. Numeric key = (12 + 3·(SIREN mod 97)) mod 97; new-style alphanumeric
 * keys use a mod-11 scheme. `000…` (Monaco) bodies are not SIREN-checked. The `FR` prefix is only
 * stripped from 13-char input, since an alphanumeric key may itself be `FR`.
 */
export const frTva = defineIdentifier({
  code: 'fr.tva',
  country: 'FR',
  example: '40303265045',
  prefix: { letters: ['FR'], bodyLengths: [11] },
  check: (value) => fromStdnum(stdnum.FR.tva, value),
});

export const FR_IDENTIFIERS: readonly IdentifierType[] = [frSiren, frSiret, frTva];
