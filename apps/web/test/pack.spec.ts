import { describe, expect, it } from '@jest/globals';
import { clonePack, describe as describePath, findLabels, placeOf, problemPath, setIn } from '../src/ops/pack';

/** The country-pack editor's document helpers: labels found, problems placed, a pack cloned to another country. */
const L = (en: string) => ({ en, ru: `${en} ru`, tr: `${en} tr`, it: `${en} it`, es: `${en} es` });
const NL = {
  country: 'NL',
  seedRevision: 3,
  name: L('Netherlands'),
  identifierTypes: [{ code: 'nl.kvk', name: L('KvK'), example: '69599084' }],
  legalForms: [
    {
      code: 'nl.bv',
      label: L('B.V.'),
      identifiers: [
        { type: 'nl.kvk', required: true, purpose: 'registry', label: L('KvK-nummer') },
        { type: 'eu.vat', required: false, purpose: 'vat', prefix: 'NL', label: L('btw-id') },
      ],
      documents: [{ type: 'nl.kvk_extract', required: true, condition: 'always' }],
    },
  ],
  documentTypes: [{ code: 'nl.kvk_extract', label: L('Extract (uittreksel KvK), nl.kvk style') }],
  bank: { type: 'iban', ibanCountry: 'NL', example: 'NL91ABNA0417164300' },
  obligations: { shipFromCountries: ['NL', 'DE'] },
  personIdNumber: { types: ['nl.bsn'], label: L('BSN') },
  sources: [{ title: 'KvK', url: 'https://www.kvk.nl/' }],
  samples: [
    {
      name: 'a B.V.',
      expect: 'reject',
      rejectFields: ['identifiers[nl.kvk]'],
      registration: { legalForm: 'nl.bv', identifiers: { 'nl.kvk': '1', 'eu.vat': 'NL004495445B01' }, registeredAddress: { city: 'Amsterdam', country: 'NL' } },
    },
  ],
};

describe('country-pack editor helpers', () => {
  it('find every label, never inside samples or sources', () => {
    expect(findLabels(NL).map((p) => p.join('.'))).toEqual([
      'name',
      'identifierTypes.0.name',
      'legalForms.0.label',
      'legalForms.0.identifiers.0.label',
      'legalForms.0.identifiers.1.label',
      'documentTypes.0.label',
      'personIdNumber.label',
    ]);
    expect(describePath(NL, ['legalForms', 0, 'identifiers', 1, 'label'])).toBe('legalForms › nl.bv › identifiers › eu.vat › label');
  });

  it('map the API problem fields to the place in the form', () => {
    expect(problemPath(NL, 'legalForms[nl.bv].identifiers[eu.vat].prefix')).toBe('legalForms.0.identifiers.1.prefix');
    expect(problemPath(NL, 'legalForms.0.identifiers.1.label.ru')).toBe('legalForms.0.identifiers.1.label.ru');
    expect(problemPath(NL, 'samples[0]')).toBe('samples.0');
    expect(problemPath(NL, 'personIdNumber.types[nl.bsn]')).toBe('personIdNumber.types.0');
    const places = new Set(['legalForms.0', 'legalForms.0.identifiers.1', 'bank.example']);
    expect(placeOf('legalForms.0.identifiers.1.prefix', places)).toBe('legalForms.0.identifiers.1');
    expect(placeOf('legalForms.0.code', places)).toBe('legalForms.0');
    expect(placeOf('risk.fourEyesReview', places)).toBeUndefined();
  });

  it('clone a pack to another country: codes, IBAN country, VAT prefix and addresses renamed, labels and URLs kept', () => {
    const be = clonePack(NL, 'BE') as typeof NL;
    expect(be.country).toBe('BE');
    expect(be).not.toHaveProperty('seedRevision');
    expect(be.identifierTypes[0].code).toBe('be.kvk');
    expect(be.legalForms[0].code).toBe('be.bv');
    expect(be.legalForms[0].identifiers.map((i) => i.type)).toEqual(['be.kvk', 'eu.vat']);
    expect(be.legalForms[0].identifiers[1].prefix).toBe('BE');
    expect(be.legalForms[0].documents[0].type).toBe('be.kvk_extract');
    expect(be.documentTypes[0]).toEqual({ code: 'be.kvk_extract', label: L('Extract (uittreksel KvK), nl.kvk style') });
    expect(be.bank.ibanCountry).toBe('BE');
    expect(be.obligations.shipFromCountries).toEqual(['BE', 'DE']);
    expect(be.personIdNumber.types).toEqual(['be.bsn']);
    expect(be.sources[0].url).toBe('https://www.kvk.nl/');
    expect(be.samples[0].rejectFields).toEqual(['identifiers[be.kvk]']);
    expect(be.samples[0].registration.identifiers).toEqual({ 'be.kvk': '1', 'eu.vat': 'NL004495445B01' });
    expect(be.samples[0].registration.registeredAddress.country).toBe('BE');
    // Greece's VAT numbers start with EL
    expect((clonePack(NL, 'GR') as typeof NL).legalForms[0].identifiers[1].prefix).toBe('EL');
    // the source is untouched
    expect(NL.legalForms[0].code).toBe('nl.bv');
  });

  it('change one value by path without touching the original; undefined removes array items', () => {
    const renamed = setIn(NL, ['name', 'en'], 'Holland');
    expect(renamed.name.en).toBe('Holland');
    expect(NL.name.en).toBe('Netherlands');
    const fewer = setIn(NL, ['legalForms', 0, 'identifiers', 0], undefined);
    expect(fewer.legalForms[0].identifiers.map((i) => i.type)).toEqual(['eu.vat']);
    expect(NL.legalForms[0].identifiers).toHaveLength(2);
  });
});
