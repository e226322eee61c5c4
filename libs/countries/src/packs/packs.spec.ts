import { describe, expect, it } from '@jest/globals';
import { IDENTIFIER_TYPES } from '../identifiers';
import { identifierExample } from '../pack/examples';
import { kindOfSellerType, packIdentifierType } from '../pack/identifier-types';
import { checkPack } from '../pack/pack-checks';
import { CountryPackDocument } from '../pack/schema';
import { SEED_PACKS } from './index';

describe.each(SEED_PACKS.map((p) => [p.country, p] as const))('seed pack %s', (_country, pack) => {
  const parsed = CountryPackDocument.safeParse(pack);
  const doc = parsed.data as CountryPackDocument;

  it('matches the pack schema', () => {
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('uses only identifier types the code knows', () => {
    const unknown = doc.legalForms.flatMap((f) => f.identifiers.map((i) => i.type)).filter((t) => !packIdentifierType(doc, t));
    expect(unknown).toEqual([]);
  });

  it('declares every document type its legal forms require', () => {
    const declared = new Set(pack.documentTypes.map((d) => d.code));
    const missing = pack.legalForms.flatMap((f) => f.documents.map((d) => d.type)).filter((t) => !declared.has(t));
    expect(missing).toEqual([]);
  });

  it('has unique legal-form codes and at least one eligible legal form', () => {
    const codes = pack.legalForms.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(pack.legalForms.some((f) => f.eligibility.allowed)).toBe(true);
  });

  it('accepts its own postal-code example', () => {
    expect(new RegExp(pack.address.postalCode.pattern, 'u').test(pack.address.postalCode.example)).toBe(true);
  });

  it('passes every pre-publication check: its samples are accepted or rejected exactly as declared by the engine', () => {
    const { problems } = checkPack(pack);
    expect(problems.map((p) => `${p.field} ${p.code} ${JSON.stringify(p.params)}`)).toEqual([]);
  });

  it('shows for every identifier an example that passes its own type, in this country, for this kind of seller', () => {
    const wrong = doc.legalForms.flatMap((form) =>
      form.identifiers.flatMap((rule) => {
        const example = identifierExample(rule, doc);
        const type = packIdentifierType(doc, rule.type);
        const result = type && example !== undefined ? type.validate(example) : undefined;
        const fits =
          result?.valid &&
          (type?.country === pack.country || type?.country === null) &&
          (rule.type !== 'eu.vat' || result.normalized.startsWith(pack.country === 'GR' ? 'EL' : pack.country)) &&
          (!rule.prefix || result.normalized.startsWith(rule.prefix)) &&
          (!result.kind || result.kind === kindOfSellerType(form.sellerType));
        return fits ? [] : [`${form.code} ${rule.type} ${example}`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('has samples to accept and to reject', () => {
    expect(pack.samples?.some((s) => s.expect === 'accept')).toBe(true);
    expect(pack.samples?.some((s) => s.expect === 'reject')).toBe(true);
  });
});

describe('seed packs', () => {
  it('cover the seed and second-tier countries, once each', () => {
    const countries = SEED_PACKS.map((p) => p.country);
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries).toEqual(expect.arrayContaining(['RU', 'TR', 'IT', 'ES', 'DE', 'FR', 'PL', 'PT', 'GB', 'US', 'KZ']));
  });
});

describe('seed pack examples', () => {
  const es = CountryPackDocument.parse(SEED_PACKS.find((p) => p.country === 'ES'));
  const example = (form: string, type: string) => identifierExample(es.legalForms.find((f) => f.code === form)!.identifiers.find((i) => i.type === type)!, es);

  it('show a Spanish VAT number for ES, a DNI for an autónomo and an E-NIF for a comunidad de bienes', () => {
    expect(example('es.sl', 'eu.vat')).toMatch(/^ES/);
    expect(IDENTIFIER_TYPES.get('es.dni')!.validate(example('es.autonomo', 'es.nif')!).valid).toBe(true);
    expect(example('es.cb', 'es.cif')).toMatch(/^E\d{8}$/);
  });
});

describe('the NL seed pack', () => {
  const nl = SEED_PACKS.find((p) => p.country === 'NL')!;

  it('is pure data: it survives JSON unchanged and its national numbers are generic rules, not code', () => {
    expect(JSON.parse(JSON.stringify(nl))).toEqual(nl);
    const doc = CountryPackDocument.parse(nl);
    const used = new Set([...doc.legalForms.flatMap((f) => f.identifiers.map((i) => i.type)), ...(doc.personIdNumber?.types ?? [])]);
    const builtIn = [...used].filter((t) => IDENTIFIER_TYPES.has(t));
    expect(builtIn).toEqual(['eu.vat']);
    expect([...IDENTIFIER_TYPES.values()].filter((t) => t.country === 'NL')).toEqual([]);
    expect(doc.identifierTypes.map((d) => d.code).sort()).toEqual(['nl.bsn', 'nl.kvk', 'nl.rsin']);
  });

  it('checks KvK, RSIN (11-test) and BSN (11-test, last weight -1) through its own rules', () => {
    const doc = CountryPackDocument.parse(nl);
    const check = (type: string, value: string) => packIdentifierType(doc, type)!.validate(value);
    expect(check('nl.kvk', '6959 9084')).toEqual({ valid: true, normalized: '69599084' });
    expect(check('nl.kvk', '695990841')).toMatchObject({ valid: false, code: 'INVALID_LENGTH' });
    expect(check('nl.rsin', '0044.95.445')).toEqual({ valid: true, normalized: '004495445' });
    expect(check('nl.rsin', '004495446')).toMatchObject({ valid: false, code: 'INVALID_CHECKSUM' });
    expect(check('nl.bsn', '123456782')).toEqual({ valid: true, normalized: '123456782' });
    expect(check('nl.bsn', '123456789')).toMatchObject({ valid: false, code: 'INVALID_CHECKSUM' }); // passes the plain 11-test, not the BSN one
    expect(check('nl.bsn', '000000000')).toMatchObject({ valid: false, code: 'INVALID_COMPONENT' });
  });
});

describe('partnerships', () => {
  it('are seller type partnership wherever a pack has one (V.O.F., S.n.c./S.a.s., Kollektif Şirket, полное товарищество, OHG)', () => {
    const forms = SEED_PACKS.flatMap((p) => p.legalForms.filter((f) => f.sellerType === 'partnership').map((f) => f.code));
    expect(forms.sort()).toEqual(['de.ohg', 'it.sas', 'it.snc', 'nl.vof', 'ru.pt', 'tr.kollektif']);
  });
});
