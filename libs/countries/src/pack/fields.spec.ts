import { describe, expect, it } from '@jest/globals';
import { SEED_PACKS } from '../packs';
import { CountryPackDocument } from './schema';
import { registrationFieldLabel } from './fields';
import { checkRegistration } from './registration';
import { checkPersonIdNumber, personIdDocumentsOf } from './person-ids';

const pack = (cc: string) => CountryPackDocument.parse(SEED_PACKS.find((p) => p.country === cc));

describe('registration field labels', () => {
  it('name every field of the body by the label the spec shows, the pack’s own where it has one', () => {
    const es = pack('ES');
    expect(registrationFieldLabel(es, 'registeredAddress.postalCode')?.es).toBe('Código postal (Domicilio social)');
    expect(registrationFieldLabel(es, 'shipFrom.region')?.it).toBe('Provincia (Indirizzo di spedizione)');
    expect(registrationFieldLabel(es, 'identifiers[es.cif]', 'es.sl')?.en).toBe('Company tax number (NIF, formerly CIF)');
    expect(registrationFieldLabel(es, 'brands[2]')?.tr).toBe('Marka 3');
    expect(registrationFieldLabel(es, 'representative.lastName')?.ru).toBe('Фамилия представителя');
    expect(registrationFieldLabel(es, 'colour')).toBeUndefined();
  });

  it('are what registration messages name, never the path', () => {
    const { problems } = checkRegistration(pack('TR'), { legalForm: 'tr.ltd', registeredAddress: { line1: 'x' } });
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems) expect(p.params?.field).toEqual({ text: expect.objectContaining({ tr: expect.any(String) }) });
  });
});

describe('identity documents of persons', () => {
  const es = pack('ES');
  const kind = (code: string) => personIdDocumentsOf(es).find((d) => d.code === code)!;
  const dni = (raw: string) => (/^\d{8}[A-Z]$/.test(raw) && raw === '12345678Z' ? { valid: true as const, normalized: raw } : { valid: false as const, code: 'INVALID_CHECKSUM' as const });

  it('checks a national ID by the nationality’s rule only', () => {
    expect(checkPersonIdNumber(es, kind('national_id'), '12345678Z', dni).valid).toBe(true);
    expect(checkPersonIdNumber(es, kind('national_id'), 'PAA123456', dni).valid).toBe(false);
    expect(checkPersonIdNumber(es, kind('national_id'), 'anything', undefined).valid).toBe(true);
  });

  it('checks a passport by the passport rule and a NIE by its identifier type, whatever the nationality', () => {
    expect(checkPersonIdNumber(es, kind('passport'), 'paa 123456', dni)).toEqual({ valid: true, normalized: 'PAA123456' });
    expect(checkPersonIdNumber(es, kind('passport'), 'P1', dni).valid).toBe(false);
    expect(checkPersonIdNumber(es, kind('es.nie'), 'X2482300W', dni).valid).toBe(true);
    expect(checkPersonIdNumber(es, kind('es.nie'), '12345678Z', dni).valid).toBe(false);
  });

  it('default to a national ID card or a passport where a pack lists none', () => {
    expect(personIdDocumentsOf(pack('IT')).map((d) => d.code)).toEqual(['national_id', 'passport']);
  });
});
