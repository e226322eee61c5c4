import { describe, expect, it } from '@jest/globals';
import { IDENTIFIER_TYPES } from '../identifiers';
import { checkPack } from '../pack/pack-checks';
import { CountryPackDocument } from '../pack/schema';
import { SEED_PACKS } from './index';

describe.each(SEED_PACKS.map((p) => [p.country, p] as const))('seed pack %s', (_country, pack) => {
  const parsed = CountryPackDocument.safeParse(pack);

  it('matches the pack schema', () => {
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('uses only identifier types the code knows', () => {
    const unknown = pack.legalForms.flatMap((f) => f.identifiers.map((i) => i.type)).filter((t) => !IDENTIFIER_TYPES.has(t));
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
    expect(new RegExp(pack.address.postalCode.pattern).test(pack.address.postalCode.example)).toBe(true);
  });

  it('passes every pre-publication check: its samples are accepted or rejected exactly as declared by the engine', () => {
    const { problems } = checkPack(pack);
    expect(problems.map((p) => `${p.field} ${p.code} ${JSON.stringify(p.params)}`)).toEqual([]);
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
