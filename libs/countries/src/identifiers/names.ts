/**
 * The name of every identifier type in each supported language: what a message calls the
 * number when no pack label applies (the identifier check endpoint without a legal form, "this
 * CIF is already registered", "INN is not used in Spain"). Pack labels, which are longer and
 * legal-form specific, win wherever there is one.
 */
import type { LocalizedTextParam } from '@app/kernel';
import { IDENTIFIER_TYPES } from './registry';

type Name = Readonly<Record<'en' | 'ru' | 'tr' | 'it' | 'es', string>>;

const same = (name: string): Name => ({ en: name, ru: name, tr: name, it: name, es: name });
/** Latin acronym everywhere, Cyrillic in Russian (ИНН, ОГРН, …). */
const cyrillic = (latin: string, ru: string): Name => ({ ...same(latin), ru });
const L = (en: string, ru: string, tr: string, it: string, es: string): Name => ({ en, ru, tr, it, es });

export const IDENTIFIER_NAMES: Readonly<Record<string, Name>> = {
  'br.cnpj': same('CNPJ'),
  'br.cpf': same('CPF'),
  'de.vat': same('USt-IdNr.'),
  'de.stnr': same('Steuernummer'),
  'de.hrn': same('Handelsregisternummer'),
  'es.nif': same('NIF'),
  'es.dni': same('DNI'),
  'es.nie': same('NIE'),
  'es.cif': same('CIF'),
  'eu.vat': L('EU VAT number', 'Номер НДС ЕС', 'AB KDV numarası', 'Partita IVA UE', 'NIF-IVA intracomunitario'),
  'fr.siren': same('SIREN'),
  'fr.siret': same('SIRET'),
  'fr.tva': L('French VAT number (TVA)', 'Номер НДС Франции (TVA)', 'Fransa KDV numarası (TVA)', 'Partita IVA francese (TVA)', 'Número de IVA francés (TVA)'),
  'gb.vat': L('UK VAT number', 'Номер НДС Великобритании', 'Birleşik Krallık KDV numarası', 'Partita IVA del Regno Unito', 'Número de IVA del Reino Unido'),
  'gb.utr': same('UTR'),
  'gb.crn': L('Company number (CRN)', 'Номер компании (CRN)', 'Şirket numarası (CRN)', 'Numero della società (CRN)', 'Número de sociedad (CRN)'),
  iban: same('IBAN'),
  'it.piva': same('Partita IVA'),
  'it.cf': same('Codice fiscale'),
  'it.rea': same('REA'),
  'kz.iin': cyrillic('IIN', 'ИИН'),
  'kz.bin': cyrillic('BIN', 'БИН'),
  'pl.nip': same('NIP'),
  'pl.regon': same('REGON'),
  'pl.krs': same('KRS'),
  'pl.pesel': same('PESEL'),
  'pt.nif': same('NIF'),
  'pt.nipc': same('NIPC'),
  'ru.inn': cyrillic('INN', 'ИНН'),
  'ru.ogrn': cyrillic('OGRN', 'ОГРН'),
  'ru.ogrnip': cyrillic('OGRNIP', 'ОГРНИП'),
  'ru.kpp': cyrillic('KPP', 'КПП'),
  'ru.bik': cyrillic('BIK', 'БИК'),
  'ru.bank_account': L('Bank account (BIK and account number)', 'Банковский счёт (БИК и расчётный счёт)', 'Banka hesabı (BIK ve hesap numarası)', 'Conto bancario (BIK e numero di conto)', 'Cuenta bancaria (BIK y número de cuenta)'),
  'tr.vkn': same('VKN'),
  'tr.tckn': L('TCKN', 'TCKN', 'T.C. Kimlik No', 'TCKN', 'TCKN'),
  'tr.mersis': L('MERSIS number', 'Номер MERSİS', 'MERSİS No', 'Numero MERSIS', 'Número MERSIS'),
  'us.ein': same('EIN'),
  'us.ssn': same('SSN'),
  'us.itin': same('ITIN'),
};

/** The localised name of a registered identifier type, as a message parameter; anything else stays as given. */
export function identifierName(code: string): LocalizedTextParam | string {
  return IDENTIFIER_TYPES.has(code) && Object.prototype.hasOwnProperty.call(IDENTIFIER_NAMES, code) ? { text: IDENTIFIER_NAMES[code] } : code;
}
