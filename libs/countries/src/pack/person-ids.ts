import { unsafePatternReason } from '../identifiers/safe-pattern';
import type { IdentifierResult } from '../identifiers';
import { packIdentifierType } from './identifier-types';
import type { CountryPackDocument, PersonIdDocumentRule } from './schema';

/** ICAO 9303 document numbers are at most 9 characters; national practice uses 6 to 9 letters and digits. */
export const PASSPORT_PATTERN = '^[A-Z0-9]{6,9}$';

/**
 * The identity documents persons may identify with when a pack lists none: the national ID card of
 * their nationality (checked by that country's `personIdNumber`) or a passport.
 */
export const DEFAULT_PERSON_ID_DOCUMENTS: readonly PersonIdDocumentRule[] = [
  {
    code: 'national_id',
    label: { en: 'National identity card', ru: 'Национальное удостоверение личности', tr: 'Ulusal kimlik kartı', it: "Carta d'identità nazionale", es: 'Documento nacional de identidad' },
    check: { by: 'nationality' },
  },
  {
    code: 'passport',
    label: { en: 'Passport', ru: 'Паспорт', tr: 'Pasaport', it: 'Passaporto', es: 'Pasaporte' },
    check: { by: 'pattern', pattern: PASSPORT_PATTERN, example: 'AB1234567' },
  },
];

/** The identity documents of a pack (its own list, or the default one). */
export const personIdDocumentsOf = (pack: Pick<CountryPackDocument, 'personIdDocuments'>): readonly PersonIdDocumentRule[] => pack.personIdDocuments ?? DEFAULT_PERSON_ID_DOCUMENTS;

/** The document kind a person without an explicit `idDocumentType` is taken to identify with (the behaviour before kinds existed). */
export const DEFAULT_PERSON_ID_DOCUMENT = 'national_id';

/**
 * Checks a person's ID number by the rule of its document kind. `nationalRule` is the nationality's
 * `personIdNumber` check (for `by: nationality`; undefined accepts any number).
 */
export function checkPersonIdNumber(
  pack: CountryPackDocument,
  doc: PersonIdDocumentRule,
  raw: string,
  nationalRule: ((raw: string) => IdentifierResult) | undefined,
): IdentifierResult {
  const compact = raw.normalize('NFKC').replace(/[\s.\-/]+/g, '').toUpperCase();
  switch (doc.check.by) {
    case 'nationality':
      return nationalRule ? nationalRule(raw) : { valid: true, normalized: compact };
    case 'identifier': {
      const results = doc.check.types.map((t) => packIdentifierType(pack, t)?.validate(raw));
      return results.find((r) => r?.valid) ?? results.find((r) => r) ?? { valid: false, code: 'INVALID_FORMAT' };
    }
    case 'pattern':
      return compact.length <= 64 && unsafePatternReason(doc.check.pattern) === null && new RegExp(doc.check.pattern).test(compact) ? { valid: true, normalized: compact } : { valid: false, code: 'INVALID_FORMAT' };
  }
}
