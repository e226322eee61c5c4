import { describe, expect, it } from '@jest/globals';
import { SEED_PACKS } from '../packs';
import { checkPack, isAssignedCountryCode } from './pack-checks';
import type { CountryPackInput } from './schema';

/** A deep copy that does not share objects between legal forms (the ES forms share their identifier rules). */
const seed = (country: string): CountryPackInput => JSON.parse(JSON.stringify(SEED_PACKS.find((p) => p.country === country))) as CountryPackInput;
const problemsOf = (pack: unknown) => checkPack(pack).problems.map((p) => `${p.field} ${p.code}`);
const form = (pack: CountryPackInput, code: string) => pack.legalForms.find((f) => f.code === code)!;

describe('pack checks: countries', () => {
  it.each(['XX', 'EU', 'UK', 'EL', 'ZZ', 'QQ'])('refuses the pack country %s (not an assigned ISO 3166-1 alpha-2 code)', (country) => {
    expect(problemsOf({ ...seed('ES'), country })).toEqual(['country UNKNOWN_COUNTRY']);
  });

  it('knows the assigned codes from the validator.js list, not a hand-written one', () => {
    expect(['GB', 'ES', 'NL', 'GR', 'KZ', 'BR'].every(isAssignedCountryCode)).toBe(true);
    expect(['UK', 'EU', 'XX', 'es', 'E', 'ESP'].some(isAssignedCountryCode)).toBe(false);
  });

  it('refuses unassigned ship-from and IBAN countries', () => {
    const pack = seed('ES');
    pack.obligations.shipFromCountries = ['ES', 'UK'];
    pack.bank = { type: 'iban', ibanCountry: 'XX', example: 'ES9121000418450200051332' };
    expect(problemsOf(pack)).toEqual(expect.arrayContaining(['obligations.shipFromCountries[1] UNKNOWN_COUNTRY', 'bank.ibanCountry UNKNOWN_COUNTRY']));
  });
});

describe('pack checks: codes of another country', () => {
  it("refuses a legal form that is not named after the pack's country", () => {
    const pack = seed('ES');
    pack.legalForms.push({ ...structuredClone(form(pack, 'es.sa')), code: 'nl.bv' }, { ...structuredClone(form(pack, 'es.sa')), code: 'sociedad' });
    expect(problemsOf(pack)).toEqual(['legalForms[nl.bv].code FOREIGN_LEGAL_FORM', 'legalForms[sociedad].code FOREIGN_LEGAL_FORM']);
  });

  it("refuses another country's identifier type", () => {
    const pack = seed('ES');
    form(pack, 'es.sl').identifiers.push({ type: 'ru.inn', required: false, purpose: 'tax_id', label: form(pack, 'es.sl').identifiers[0].label });
    expect(problemsOf(pack)).toEqual(['legalForms[es.sl].identifiers[ru.inn] FOREIGN_IDENTIFIER_TYPE']);
  });

  it('refuses eu.vat outside the EU, and an EU VAT prefix of another member state', () => {
    const gb = seed('GB');
    const ltd = form(gb, 'gb.ltd');
    ltd.identifiers.push({ type: 'eu.vat', required: false, purpose: 'vat', prefix: 'XI', label: ltd.identifiers[0].label });
    expect(problemsOf(gb)).toEqual(['legalForms[gb.ltd].identifiers[eu.vat] FOREIGN_IDENTIFIER_TYPE']);

    const es = seed('ES');
    const vat = form(es, 'es.sa').identifiers.find((i) => i.type === 'eu.vat')!;
    vat.prefix = 'IT';
    expect(problemsOf(es)).toEqual(['legalForms[es.sa].identifiers[eu.vat].prefix VAT_PREFIX_MISMATCH']);
    delete vat.prefix;
    expect(problemsOf(es)).toEqual(['legalForms[es.sa].identifiers[eu.vat].prefix VAT_PREFIX_MISMATCH']);
  });

  it("accepts the country's own types, iban and eu.vat of a member state (GR uses EL)", () => {
    expect(problemsOf(seed('GB'))).toEqual([]);
    const gr = seed('ES');
    gr.country = 'GR';
    gr.legalForms = [{ ...form(gr, 'es.sl'), code: 'gr.ae', documents: [], identifiers: [{ ...form(gr, 'es.sl').identifiers[1], prefix: 'EL' }] }];
    gr.documentTypes = [];
    gr.address.regionRequired = false;
    gr.address.postalCode = { ...gr.address.postalCode, pattern: '^\\d{5}$', example: '10431' };
    gr.phone.example = '+30 691 234 5678';
    gr.bank = { type: 'iban', ibanCountry: 'GR', example: 'GR1601101250000000012300695' };
    gr.samples = [];
    delete gr.personIdNumber; // the Spanish DNI rule is not a Greek one (see the ID number rule checks below)
    delete gr.personIdDocuments; // nor is the Spanish NIE
    expect(problemsOf(gr)).toEqual([]);
  });

  it("refuses a document type named after another country, but not one without a country", () => {
    const pack = seed('ES');
    pack.documentTypes.push({ code: 'it.visura_camerale', label: pack.documentTypes[0].label }, { code: 'bank_statement', label: pack.documentTypes[0].label });
    expect(problemsOf(pack)).toEqual(['documentTypes[it.visura_camerale] FOREIGN_DOCUMENT_TYPE']);
  });
});

describe('pack checks: identifier examples', () => {
  it('refuses an example that fails its own type', () => {
    const pack = seed('ES');
    form(pack, 'es.sl').identifiers[0].example = 'B79110483';
    expect(problemsOf(pack)).toEqual(['legalForms[es.sl].identifiers[es.cif].example EXAMPLE_FAILS_RULE']);
  });

  it('refuses an example of the wrong kind of seller (a company NIF for an autónomo)', () => {
    const pack = seed('ES');
    form(pack, 'es.autonomo').identifiers[0].example = 'B79110482';
    expect(problemsOf(pack)).toEqual(['legalForms[es.autonomo].identifiers[es.nif].example EXAMPLE_FAILS_RULE']);
  });

  it("refuses a VAT example of another member state", () => {
    const pack = seed('ES');
    form(pack, 'es.sl').identifiers.find((i) => i.type === 'eu.vat')!.example = 'IT00743110157';
    expect(problemsOf(pack)).toEqual(['legalForms[es.sl].identifiers[eu.vat].example EXAMPLE_FAILS_RULE']);
  });

  it("derives an eu.vat example from the member state when the pack gives none", () => {
    const pack = seed('PL');
    expect(problemsOf(pack)).toEqual([]);
  });
});

describe('pack checks: the ID number rule for citizens', () => {
  it('accepts the seed rules (TR T.C. Kimlik No, ES DNI, KZ IIN) and packs without one', () => {
    expect(['TR', 'ES', 'KZ'].map((c) => seed(c).personIdNumber?.types)).toEqual([['tr.tckn'], ['es.dni'], ['kz.iin']]);
    for (const country of ['TR', 'ES', 'KZ', 'IT']) expect(problemsOf(seed(country))).toEqual([]);
    expect(seed('IT').personIdNumber).toBeUndefined();
  });

  it('refuses an unknown identifier type and one that is not a national type of the country', () => {
    const pack = seed('TR');
    pack.personIdNumber = { ...pack.personIdNumber!, types: ['tr.kimlik_kart', 'es.dni', 'iban', 'tr.tckn'] };
    expect(problemsOf(pack)).toEqual([
      'personIdNumber.types[tr.kimlik_kart] UNKNOWN_IDENTIFIER_TYPE',
      'personIdNumber.types[es.dni] PERSON_ID_TYPE_NOT_NATIONAL',
      'personIdNumber.types[iban] PERSON_ID_TYPE_NOT_NATIONAL',
    ]);
  });

  it('refuses a rule without a label in every language or without types', () => {
    const pack = seed('TR');
    pack.personIdNumber = { types: [], label: { en: 'TCKN' } as never };
    expect(problemsOf(pack)).toEqual(expect.arrayContaining(['personIdNumber.types SCHEMA', 'personIdNumber.label.ru SCHEMA']));
  });
});
