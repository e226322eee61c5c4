/**
 * The SHAPE of each built-in identifier type as a machine-readable pattern, for front ends that
 * want to pre-check a field while the seller types: it applies to the value after the normalisation
 * every type does (`normalizeIdentifierInput`: spaces, dots, dashes and slashes removed, letters
 * upper-cased). Check digits, dates and office codes are NOT in the pattern: the server still
 * decides (`POST /v1/countries/{cc}/identifiers/validate`). Where a type accepts its VAT-style
 * country prefix, the pattern makes it optional. `formats.spec.ts` runs every example through it.
 */
export const IDENTIFIER_PATTERNS: Readonly<Record<string, string>> = {
  'br.cnpj': '^[0-9A-Z]{12}\\d{2}$',
  'br.cpf': '^\\d{11}$',
  'de.vat': '^(DE)?\\d{9}$',
  'de.stnr': '^\\d{10,13}$',
  'de.hrn': '^[A-Z]{2,4}\\d{1,7}[A-Z]{0,2}$',
  'es.nif': '^[0-9A-Z]\\d{7}[0-9A-Z]$',
  'es.dni': '^\\d{8}[A-Z]$',
  'es.nie': '^[XYZ]\\d{7}[A-Z]$',
  'es.cif': '^[A-Z]\\d{7}[0-9A-J]$',
  'eu.vat': '^[A-Z]{2}[0-9A-Z+*]{2,13}$',
  'fr.siren': '^\\d{9}$',
  'fr.siret': '^\\d{14}$',
  'fr.tva': '^(FR)?[0-9A-Z]{2}\\d{9}$',
  'gb.vat': '^(GB|XI)?(\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3})$',
  'gb.utr': '^(K)?\\d{10}(K)?$',
  'gb.crn': '^(\\d{8}|[A-Z]{2}\\d{6})$',
  iban: '^[A-Z]{2}\\d{2}[0-9A-Z]{11,30}$',
  'it.piva': '^(IT)?\\d{11}$',
  'it.cf': '^([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|\\d{11})$',
  'it.rea': '^[A-Z]{2}\\d{1,7}$',
  'kz.iin': '^\\d{12}$',
  'kz.bin': '^\\d{12}$',
  'pl.nip': '^(PL)?\\d{10}$',
  'pl.regon': '^(\\d{9}|\\d{14})$',
  'pl.krs': '^\\d{10}$',
  'pl.pesel': '^\\d{11}$',
  'pt.nif': '^(PT)?\\d{9}$',
  'pt.nipc': '^(PT)?\\d{9}$',
  'ru.inn': '^(\\d{10}|\\d{12})$',
  'ru.ogrn': '^\\d{13}$',
  'ru.ogrnip': '^\\d{15}$',
  'ru.kpp': '^\\d{4}[0-9A-Z]{2}\\d{3}$',
  'ru.bik': '^\\d{9}$',
  'ru.bank_account': '^\\d{9}/?\\d{20}$',
  'tr.vkn': '^\\d{10}$',
  'tr.tckn': '^[1-9]\\d{10}$',
  'tr.mersis': '^\\d{16}$',
  'us.ein': '^\\d{9}$',
  'us.ssn': '^\\d{9}$',
  'us.itin': '^9\\d{8}$',
};

/** What a front end must do to a raw value before testing it against a pattern (stated in the spec). */
export const IDENTIFIER_NORMALIZATION = { strip: ['spaces', 'dots', 'dashes', 'slashes'], upperCase: true } as const;
