import { describe, expect, it } from '@jest/globals';
import { SUPPORTED_LOCALES, Translator } from '@app/kernel';
import type { Locale } from '@app/kernel';
import { countryError, CountryErrorCode } from '../errors';
import { COUNTRIES_MESSAGES } from '../i18n';
import { IDENTIFIER_TYPES } from '../identifiers';
import { IDENTIFIER_NAMES } from '../identifiers/names';
import { SEED_PACKS } from '../packs';
import { checkRegistration } from './registration';
import { CountryPackDocument } from './schema';

const translator = new Translator([COUNTRIES_MESSAGES]);
const pack = (country: string) => CountryPackDocument.parse(SEED_PACKS.find((p) => p.country === country));
const accepted = (country: string, legalForm: string) =>
  structuredClone(SEED_PACKS.find((p) => p.country === country)!.samples!.find((s) => s.expect === 'accept' && s.registration.legalForm === legalForm)!.registration) as Record<string, unknown> & { identifiers: Record<string, string> };
const messages = (country: string, registration: unknown, locale: Locale) =>
  checkRegistration(pack(country), registration).problems.map((p) => `${p.field} ${p.code}: ${translator.render(locale, p.messageKey, p.params)}`);

describe('VAT number against the national number of the same registration', () => {
  it('accepts ES + the CIF given beside it', () => {
    expect(messages('ES', accepted('ES', 'es.sl'), 'en')).toEqual([]);
  });

  it('refuses a valid Spanish VAT number of another company, on the VAT field, in every language', () => {
    const registration = accepted('ES', 'es.sl');
    registration.identifiers['eu.vat'] = 'ESA08370314';
    expect(messages('ES', registration, 'en')).toEqual([
      'identifiers[eu.vat] VAT_NATIONAL_MISMATCH: EU VAT number (ROI) must be ES followed by the Company tax number (NIF, formerly CIF) given above.',
    ]);
    expect(messages('ES', registration, 'es')).toEqual([
      'identifiers[eu.vat] VAT_NATIONAL_MISMATCH: NIF-IVA intracomunitario (ROI): debe ser ES seguido del NIF de la sociedad (antes CIF) indicado arriba.',
    ]);
    for (const locale of SUPPORTED_LOCALES) {
      const [message] = messages('ES', registration, locale);
      expect(message).not.toMatch(/\{\{|eu\.vat:|es\.cif/);
    }
  });

  it.each([
    ['PT', 'pt.lda', 'eu.vat', 'PT502448911'],
    ['PL', 'pl.spzoo', 'eu.vat', 'PL5261025421'],
    ['FR', 'fr.sas', 'eu.vat', 'FR40303265045'],
  ])('refuses in %s a VAT number built from another national number', (country, form, field, otherVat) => {
    const registration = accepted(country, form);
    expect(registration.identifiers[field]).toBeDefined();
    expect(messages(country, registration, 'en')).toEqual([]);
    registration.identifiers[field] = otherVat;
    expect(checkRegistration(pack(country), registration).problems.map((p) => `${p.field} ${p.code}`)).toEqual(['identifiers[eu.vat] VAT_NATIONAL_MISMATCH']);
  });
});

describe('identifier messages name the number by its label, never by its code', () => {
  it('uses the RU label of the form for a missing or malformed INN', () => {
    const registration = accepted('RU', 'ru.ooo');
    delete registration.identifiers['ru.inn'];
    registration.identifiers['ru.kpp'] = 42 as never;
    expect(messages('RU', registration, 'ru')).toEqual([
      'identifiers[ru.inn] REQUIRED: ИНН организации (10 цифр): обязательное поле.',
      'identifiers[ru.kpp] WRONG_TYPE: КПП (код причины постановки на учёт): значение должно быть строкой.',
    ]);
  });

  it('names an identifier the legal form does not use and lists the expected ones by label', () => {
    const registration = accepted('ES', 'es.sl');
    registration.identifiers['ru.inn'] = '7707083893';
    expect(messages('ES', registration, 'es')).toEqual([
      'identifiers[ru.inn] IDENTIFIER_NOT_USED: INN: no se usa para esta forma jurídica; se esperaba: NIF de la sociedad (antes CIF), NIF-IVA intracomunitario (ROI).',
    ]);
  });

  it('names a wrong VAT prefix by the label', () => {
    const registration = accepted('ES', 'es.sl');
    registration.identifiers['eu.vat'] = 'IT00743110157';
    expect(messages('ES', registration, 'it')).toEqual(['identifiers[eu.vat] WRONG_PREFIX: Partita IVA UE (ROI): il numero deve iniziare con ES.']);
  });

  it('has a name in every language for every identifier type', () => {
    const real = [...IDENTIFIER_TYPES.keys()].filter((code) => !code.startsWith('test.'));
    for (const code of real) {
      expect({ code, locales: Object.keys(IDENTIFIER_NAMES[code] ?? {}).sort() }).toEqual({ code, locales: [...SUPPORTED_LOCALES].sort() });
    }
  });
});

describe('country errors name countries and identifiers in the caller language', () => {
  const render = (locale: Locale, error: ReturnType<typeof countryError>) => translator.render(locale, `error.${error.code}`, error.params);

  it('uses the localised country name, not the code', () => {
    expect(render('it', countryError(CountryErrorCode.NOT_ENABLED, { country: 'PT' }))).toBe('Al momento i venditori del paese Portogallo non possono registrarsi.');
    expect(render('ru', countryError(CountryErrorCode.NOT_ENABLED, { country: 'ES' }))).toBe('Продавцы из страны Испания сейчас не могут зарегистрироваться.');
    expect(render('tr', countryError(CountryErrorCode.NOT_FOUND, { country: 'XQ' }))).toBe('XQ ülkesi için kural yok.');
  });

  it('uses the identifier name, not the type code', () => {
    expect(render('es', countryError(CountryErrorCode.IDENTIFIER_IN_USE, { type: 'es.cif' }))).toBe('Este CIF ya está registrado por otro vendedor.');
    expect(render('ru', countryError(CountryErrorCode.IDENTIFIER_TYPE_UNKNOWN, { type: 'ru.inn', country: 'ES' }))).toBe(
      'ИНН не является идентификатором, используемым в стране Испания.',
    );
  });
});
