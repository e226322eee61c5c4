import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SEED_PACKS } from '@app/countries';
import { SUPPORTED_LOCALES, Translator } from '@app/kernel';
import type { Locale } from '@app/kernel';
import { signup, startTestApp, TestApp } from '../support/app';
import { PDF } from '../support/files';
import { acceptedRegistration, uniqueItalianCompany } from '../support/registrations';

/*
 * What a seller reads, in each of the five languages: the seller-facing message catalogue, the
 * seeded country specs and the errors of real requests must never show a field path
 * (`registeredAddress.postalCode`, `persons[0].dateOfBirth`), an internal code (`tr.vergi_levhasi`,
 * `external_account`, `KYC_CASE_LOCKED`) or English text where another language was asked for.
 */

const LANGS = SUPPORTED_LOCALES as readonly Locale[];
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Addresses, links and emails may contain dots and underscores; local terms are quoted in their own
 * language in parentheses ("(articles of organization)"), and a few proper names are what they are.
 */
const PROPER_NAMES = /Secretary of State|eGov/g;
const withoutLinks = (s: string) => s.replace(PROPER_NAMES, ' ').replace(/https?:\/\/\S*/g, ' ').replace(/\S+@\S+/g, ' ').replace(/\b[\w-]+\.(com|it|es|ru|tr|com\.tr)\b/g, ' ');

/** What must not appear in a sentence a seller reads. */
function leaks(text: string): string[] {
  const s = withoutLinks(text);
  const found: string[] = [];
  const path = s.match(/\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+\b|\b[a-z][a-zA-Z]*\[[^\]]*\]/);
  if (path) found.push(`path ${path[0]}`);
  const code = s.match(/\b[a-z]{2}\.[a-z_]{2,}\b|\b[a-z]+_[a-z_]+\b|\b[A-Z]{2,}_[A-Z_]+\b/);
  if (code) found.push(`code ${code[0]}`);
  const camel = s.match(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
  if (camel) found.push(`identifier ${camel[0]}`);
  return found;
}

/** English prose where another language was asked: the same sentence as in English, or English function words. */
function english(text: string, inEnglish: string | undefined, lang: Locale): string | undefined {
  if (lang === 'en') return undefined;
  const words = text.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w));
  if (inEnglish !== undefined && text === inEnglish && words.length >= 3) return 'same as English';
  const stop = withoutLinks(text).replace(/\([^)]*\)/g, ' ').match(/\b(the|and|or|is|are|must|with|your|please|this|not|for|of)\b/);
  return stop ? `English word "${stop[0]}"` : undefined;
}

/** The message keys a seller can read (operators' pack and warning messages, screening and FX imports are not). */
const SELLER_FACING = /^(error\.(COMMON|AUTH|SELLER|COUNTRY|KYC|PAYOUT)_|validation\.|type\.|country\.check\.|kyc\.|payouts\.|auth\.)/;
const OPS_ONLY = /^error\.(COUNTRY_(PACK_INVALID|DRAFT_NOT_FOUND|VERSION_NOT_FOUND|PACK_MISMATCH|NO_PUBLISHED_PACK|IDENTIFIER_TYPE_UNKNOWN)|KYC_(SAME_REVIEWER|FEEDBACK_REQUIRED|VENDOR_NOT_CONFIGURED|VENDOR_SIGNATURE_INVALID)|PAYOUT_BANK_ACCOUNT_NOT_PENDING)$/;

/** Every string a seller reads in a spec: labels, messages, help and sentences, keyed by their JSON position. */
function readable(value: unknown, at = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((v, i) => readable(v, `${at}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && ['label', 'message', 'help', 'text'].includes(k)) out.set(`${at}.${k}`, v);
      else readable(v, `${at}.${k}`, out);
    }
  }
  return out;
}

describe('what a seller reads (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('the checker finds what the sellers found', () => {
    expect(leaks('registeredAddress.postalCode geçerli bir posta kodu değil')).toEqual(['path registeredAddress.postalCode', 'identifier registeredAddress']);
    expect(leaks('Beklenen: tr.vergi_levhasi, representative_id')[0]).toBe('code tr.vergi_levhasi');
    expect(leaks('external_account')).toEqual(['code external_account']);
    expect(leaks('persons[0].dateOfBirth ha un formato non valido')[0]).toBe('path persons[0]');
    expect(english('El campo ◇ is required.', undefined, 'es')).toBe('English word "is"');
    expect(english('E.164 or national', 'E.164 or national', 'tr')).toBe('English word "or"');
    expect(english('Company tax number (VKN)', 'Company tax number (VKN)', 'tr')).toBe('same as English');
    expect(leaks('Escribe una dirección como nombre@ejemplo.es, ver https://www.boe.es/a_b.')).toEqual([]);
  });

  it('the seller-facing catalogue names no paths or codes, and speaks the language asked', () => {
    const translator = t.app.get(Translator);
    const keys = translator.resourceKeys('en').filter((k) => SELLER_FACING.test(k) && !OPS_ONLY.test(k));
    expect(keys.length).toBeGreaterThan(150);
    const problems: string[] = [];
    for (const key of keys) {
      // placeholders stand for labels and values; what is left is the sentence itself
      const params = new Proxy({}, { get: () => '◇', has: () => true, ownKeys: () => [], getOwnPropertyDescriptor: () => undefined });
      const en = translator.t('en', key, params as Record<string, string>).replace(/\{\{\w+\}\}/g, '◇');
      for (const lang of LANGS) {
        const text = translator.t(lang, key, params as Record<string, string>).replace(/\{\{\w+\}\}/g, '◇');
        for (const leak of leaks(text)) problems.push(`${lang} ${key}: ${leak} in "${text}"`);
        const eng = /^type\./.test(key) ? undefined : english(text, en, lang);
        if (eng) problems.push(`${lang} ${key}: ${eng} in "${text}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the seeded country specs name no paths or codes, and speak the language asked', async () => {
    const problems: string[] = [];
    for (const pack of SEED_PACKS) {
      const en = readable((await request(t.http).get(`/v1/countries/${pack.country}`).set('Accept-Language', 'en')).body);
      for (const lang of LANGS) {
        const res = await request(t.http).get(`/v1/countries/${pack.country}`).set('Accept-Language', lang);
        expect(res.status).toBe(200);
        for (const [at, text] of readable(res.body)) {
          for (const leak of leaks(text)) problems.push(`${pack.country} ${lang} ${at}: ${leak} in "${text}"`);
          const eng = english(text, en.get(at), lang);
          if (eng && !at.startsWith('.sources') && !/options\[\d+\]\.label$|regions/.test(at)) problems.push(`${pack.country} ${lang} ${at}: ${eng} in "${text}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('registration errors name each field by its label in every language', async () => {
    const problems: string[] = [];
    const bodies: [string, unknown][] = SEED_PACKS.flatMap((p) => [
      [p.country, {}],
      [p.country, { legalForm: 'xx.nope', registeredAddress: { line1: '', city: 7, postalCode: '!', country: 'ZZ' }, shipFrom: { line1: 'a' }, phone: '12', website: 'ftp://x', representative: { firstName: '' }, brands: [''], vatRegistered: 'yes' }],
      ...(p.samples ?? []).filter((s) => s.expect === 'reject').map((s) => [p.country, s.registration] as [string, unknown]),
    ]);
    for (const [cc, body] of bodies) {
      const en = (await request(t.http).post(`/v1/countries/${cc}/registrations/validate`).set('Accept-Language', 'en').send(body as object)).body.errors as { field: string; code: string; message: string }[];
      for (const lang of LANGS) {
        const errors = (await request(t.http).post(`/v1/countries/${cc}/registrations/validate`).set('Accept-Language', lang).send(body as object)).body.errors as { field: string; code: string; message: string }[];
        expect(errors.length).toBeGreaterThan(0);
        errors.forEach((e, i) => {
          if (e.code === 'UNKNOWN_FIELD') return; // names the key the caller sent
          for (const leak of leaks(e.message)) problems.push(`${cc} ${lang} ${e.field}: ${leak} in "${e.message}"`);
          const eng = english(e.message, en[i]?.message, lang);
          if (eng) problems.push(`${cc} ${lang} ${e.field}: ${eng} in "${e.message}"`);
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it('KYC errors name persons’ fields and documents by their labels, and dates by their format', async () => {
    const { token } = await signup(t.http, { country: 'IT', locale: 'it' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueItalianCompany()).expect(200);
    for (const lang of LANGS) {
      const persons = await request(t.http)
        .put('/v1/sellers/me/kyc/persons')
        .set(bearer(token!))
        .set('Accept-Language', lang)
        .send({ persons: [{ role: 'representative', fullName: 'Maria Rossi', dateOfBirth: '15/01/1980', nationality: 'IT' }] });
      expect(persons.status).toBe(400);
      const date = persons.body.error.details.find((d: { field: string }) => d.field === 'persons[0].dateOfBirth');
      expect(date.message).toContain('2026-11-02');
      expect(leaks(date.message)).toEqual([]);

      const partner = await request(t.http)
        .put('/v1/sellers/me/kyc/persons')
        .set(bearer(token!))
        .set('Accept-Language', lang)
        .send({ persons: [{ role: 'representative', fullName: 'Maria Rossi', dateOfBirth: '1980-01-15', nationality: 'IT' }, { role: 'partner', fullName: 'Luca Bianchi', dateOfBirth: '1981-02-03', nationality: 'IT' }] });
      expect(partner.status).toBe(422);
      for (const d of partner.body.error.details as { field: string; message: string }[]) expect(leaks(d.message)).toEqual([]);

      const wrongDocument = await request(t.http)
        .post('/v1/sellers/me/kyc/documents')
        .set(bearer(token!))
        .set('Accept-Language', lang)
        .field('type', 'tr.vergi_levhasi')
        .attach('file', PDF, { filename: 'd.pdf', contentType: 'application/pdf' });
      expect(wrongDocument.status).toBe(422);
      expect(wrongDocument.body.error.message).not.toMatch(/it\.|representative_id|trademark_certificate/);
      expect(leaks(wrongDocument.body.error.message)).toEqual([]);
    }
    const es = await request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token!)).set('Accept-Language', 'es').field('type', 'tr.vergi_levhasi').attach('file', PDF, { filename: 'd.pdf', contentType: 'application/pdf' });
    expect(es.body.error.message).toBe(
      'Este no es uno de los documentos que pedimos para tu forma jurídica; sube uno de estos: Extracto de la cámara de comercio (visura camerale), de no más de 3 meses; Escritura de constitución y estatutos (atto costitutivo e statuto); Documento de identidad o pasaporte del titular o del representante legal; Tarjeta sanitaria o tarjeta del código fiscal del titular o del representante legal; Certificado de registro de marca.',
    );
  });
});

describe('identity documents of persons (e2e)', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = (await signup(t.http, { country: 'ES', locale: 'es' })).token!;
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token)).send(acceptedRegistration('ES', 'es.sl')).expect(200);
  });
  afterAll(async () => t?.close());

  const declare = (person: Record<string, string>) =>
    request(t.http)
      .put('/v1/sellers/me/kyc/persons')
      .set(bearer(token))
      .set('Accept-Language', 'es')
      .send({ persons: [{ role: 'representative', fullName: 'Lucía Fernández García', dateOfBirth: '1985-04-12', nationality: 'ES', ...person }] });

  it('accepts a Spanish representative who identifies with a passport: the DNI rule applies to DNIs only', async () => {
    const res = await declare({ idDocumentType: 'passport', idDocumentNumber: 'PAA123456' });
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ role: 'representative', nationality: 'ES', idDocumentType: 'passport' });
    expect(JSON.stringify(res.body)).not.toContain('PAA123456');
    const stored = await t.sql.query('SELECT id_document_type, id_number_encrypted FROM kyc_persons ORDER BY id_document_type');
    expect(stored.rows).toEqual([{ id_document_type: 'passport', id_number_encrypted: expect.not.stringContaining('PAA123456') }]);
  });

  it('checks a national ID by the rule of the nationality, a NIE by its own rule, a passport by the passport rule', async () => {
    expect((await declare({ idDocumentNumber: '12345678Z' })).status).toBe(200); // national_id by default
    const badDni = await declare({ idDocumentType: 'national_id', idDocumentNumber: '12345678A' });
    expect(badDni.status).toBe(422);
    expect(badDni.body.error.details).toEqual([
      { field: 'persons[0].idDocumentNumber', code: 'ID_NUMBER_INVALID', message: 'Número del documento de identidad (persona 1): no es un número válido (Número del Documento Nacional de Identidad (DNI)); comprueba que no tenga errores.' },
    ]);
    expect((await declare({ idDocumentType: 'es.nie', idDocumentNumber: 'X2482300W' })).status).toBe(200);
    expect((await declare({ idDocumentType: 'es.nie', idDocumentNumber: '12345678Z' })).status).toBe(422);
    expect((await declare({ idDocumentType: 'passport', idDocumentNumber: 'P-1' })).status).toBe(422);
    // an Italian with a carta d'identità: Italy has no public check of the number
    expect((await declare({ nationality: 'IT', idDocumentNumber: 'CA12345AB' })).status).toBe(200);
  });

  it('refuses a kind of document the country does not list, naming the ones it does', async () => {
    const res = await declare({ idDocumentType: 'driving_licence', idDocumentNumber: 'B1234567' });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([
      {
        field: 'persons[0].idDocumentType',
        code: 'NOT_ALLOWED',
        message: 'Documento de identidad (persona 1): elige uno de: Documento nacional de identidad (DNI para españoles), Número de identidad de extranjero (NIE), Pasaporte.',
      },
    ]);
  });
});
