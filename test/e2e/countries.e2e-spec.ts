import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { login, signup, startTestApp, TestApp, uniqueEmail } from '../support/app';
import { CountryPacksAdminService, SEED_PACKS, checkPack } from '@app/countries';
import { nlPack, validNlRegistration, validVofRegistration } from '../fixtures/nl-pack';
import { acceptedRegistration } from '../support/registrations';

const ADMIN = { email: 'countries.admin@ops.example.com', password: 'Countries-Admin-Pass-1' };

const esRegistration = (cif: string) => ({
  legalForm: 'es.sl',
  legalName: 'Cerámicas Triana S.L.',
  identifiers: { 'es.cif': cif },
  registeredAddress: { line1: 'Calle de Alcalá 45', city: 'Madrid', region: 'Madrid', postalCode: '28014', country: 'ES' },
  phone: '+34 612 34 56 78',
  representative: { firstName: 'Lucía', lastName: 'Fernández García' },
});

describe('country rule packs (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let reviewer: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    const reviewerEmail = uniqueEmail('reviewer');
    await request(t.http).post('/v1/ops/accounts').set(bearer(admin)).send({ email: reviewerEmail, password: 'Reviewer-Pass-123', role: 'ops_reviewer' }).expect(201);
    reviewer = await login(t.http, reviewerEmail, 'Reviewer-Pass-123');
    // a database without the NL seed: ops publish the very same pack through the API below
    await t.sql.query("DELETE FROM country_pack_versions WHERE country = 'NL'");
    await t.sql.query("DELETE FROM countries WHERE code = 'NL'");
    await t.sql.query("DELETE FROM audit_log WHERE target_type = 'country' AND target_id = 'NL'");
  });
  afterAll(async () => t?.close());

  describe('public spec API', () => {
    it('lists the seeded countries with their status', async () => {
      const res = await request(t.http).get('/v1/countries').set('Accept-Language', 'it');
      expect(res.status).toBe(200);
      const es = res.body.find((c: { country: string }) => c.country === 'ES');
      expect(es).toEqual({ country: 'ES', name: 'Spagna', status: 'enabled', packVersion: 1 });
    });

    it('shows in Spanish that an autónomo may not sell in Spain and an S.L. may', async () => {
      const res = await request(t.http).get('/v1/countries/es').set('Accept-Language', 'es');
      expect(res.status).toBe(200);
      expect(res.headers['content-language']).toBe('es');
      expect(res.body).toMatchObject({ country: 'ES', name: 'España', status: 'enabled', packVersion: 1 });
      const forms = Object.fromEntries(res.body.legalForms.map((f: { code: string }) => [f.code, f]));
      expect(forms['es.autonomo']).toMatchObject({
        eligible: false,
        sellerType: 'individual',
        ineligibility: { reason: 'ONLY_INCORPORATED_COMPANIES', message: expect.stringContaining('solo las sociedades mercantiles') },
      });
      expect(forms['es.sl']).toMatchObject({ eligible: true, sellerType: 'company', label: 'Sociedad Limitada (S.L.)' });
      expect(forms['es.sl'].identifiers[0]).toMatchObject({ type: 'es.cif', required: true, label: 'NIF de la sociedad (antes CIF)' });
      expect(forms['es.sl'].documents.map((d: { label: string }) => d.label)).toContain('Escritura de constitución');
      expect(res.body.address.fields.find((f: { name: string }) => f.name === 'postalCode')).toMatchObject({ label: 'Código postal', example: '28013' });
      expect(res.body.payouts).toEqual({ available: true, rails: ['stripe_connect', 'bank_transfer'] });
    });

    it('shows identifier examples of the right type and country: a Spanish VAT number, a DNI for an autónomo, an E-NIF for a C.B.', async () => {
      const res = await request(t.http).get('/v1/countries/ES');
      const example = (form: string, type: string) =>
        res.body.legalForms.find((f: { code: string }) => f.code === form).identifiers.find((i: { type: string }) => i.type === type).example;
      expect(example('es.sl', 'eu.vat')).toBe('ESA08370314');
      expect(example('es.sa', 'eu.vat')).toBe('ESA08370314');
      expect(example('es.autonomo', 'es.nif')).toBe('54362315K');
      expect(example('es.cb', 'es.cif')).toBe('E28123453');
      // every example shown validates with its own type in this country
      for (const form of res.body.legalForms) {
        for (const id of form.identifiers) {
          const check = await request(t.http).post('/v1/countries/ES/identifiers/validate').send({ type: id.type, value: id.example });
          expect({ form: form.code, type: id.type, valid: check.body.valid }).toEqual({ form: form.code, type: id.type, valid: true });
        }
      }
    });

    it('answers an unknown country with 404 in the envelope', async () => {
      const res = await request(t.http).get('/v1/countries/XQ').set('Accept-Language', 'tr');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('COUNTRY_NOT_FOUND');
      expect(res.body.error.message).toBe('XQ ülkesi için kural yok.');
    });

    it('validates identifiers with check digits, with a localised reason', async () => {
      const ok = await request(t.http).post('/v1/countries/ES/identifiers/validate').send({ type: 'es.cif', value: 'b-7911048.2' });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ valid: true, normalized: 'B79110482' });
      const bad = await request(t.http).post('/v1/countries/ES/identifiers/validate').set('Accept-Language', 'it').send({ type: 'es.cif', value: 'B79110483' });
      expect(bad.status).toBe(200);
      expect(bad.body).toMatchObject({ valid: false, code: 'INVALID_CHECKSUM' });
      // ES labels the CIF of an S.L. and of a C.B. differently: without a legal form the message says "CIF"
      expect(bad.body.message).toBe('CIF: le cifre di controllo non corrispondono; controlla che non ci siano errori di battitura.');
      const wrongKind = await request(t.http).post('/v1/countries/ES/identifiers/validate').send({ type: 'es.cif', value: 'B7911048B' });
      expect(wrongKind.body).toMatchObject({ valid: false, code: 'INVALID_FORMAT' });
    });

    it('answers an identifier type the country does not use with 422, and a missing value with 400', async () => {
      const res = await request(t.http).post('/v1/countries/ES/identifiers/validate').send({ type: 'ru.inn', value: '7707083893' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('COUNTRY_IDENTIFIER_TYPE_UNKNOWN');
      expect(res.body.error.message).toBe('INN is not an identifier used in Spain.');
      expect((await request(t.http).post('/v1/countries/ES/identifiers/validate').send({ type: 'es.cif' })).status).toBe(400);
      expect((await request(t.http).post('/v1/countries/QQ/identifiers/validate').send({ type: 'es.cif', value: 'x' })).status).toBe(404);
    });

    it('names identifiers by their localised label or name, never by their code', async () => {
      const dni = await request(t.http).post('/v1/countries/ES/identifiers/validate').set('Accept-Language', 'es').send({ type: 'es.dni', value: '54362315A' });
      expect(dni.body).toMatchObject({ valid: false, code: 'INVALID_CHECKSUM' });
      expect(dni.body.message).toBe('DNI: los dígitos de control no coinciden; revisa el número por si hay errores.');
      // RU labels a person's and an organisation's INN differently: without a legal form the message says "ИНН"
      const inn = await request(t.http).post('/v1/countries/RU/identifiers/validate').set('Accept-Language', 'ru').send({ type: 'ru.inn', value: '7707083894' });
      expect(inn.body.message).toBe('ИНН: контрольные цифры не совпадают; проверьте номер на опечатки.');
      const vat = await request(t.http).post('/v1/countries/ES/identifiers/validate').set('Accept-Language', 'tr').send({ type: 'eu.vat', value: 'IT00743110157' });
      expect(vat.body).toMatchObject({ valid: false, code: 'WRONG_PREFIX', message: 'AB KDV numarası (ROI), ES ile başlamalıdır.' });
    });

    it('validates an Italian EU VAT number through the IT pack, with the IT prefix only', async () => {
      const good = await request(t.http).post('/v1/countries/IT/identifiers/validate').send({ type: 'eu.vat', value: 'IT00743110157' });
      expect(good.status).toBe(200);
      expect(good.body).toEqual({ valid: true, normalized: 'IT00743110157' });
      const french = await request(t.http).post('/v1/countries/IT/identifiers/validate').set('Accept-Language', 'it').send({ type: 'eu.vat', value: 'FR00743110157' });
      expect(french.status).toBe(200);
      expect(french.body.valid).toBe(false);
      const spanish = await request(t.http).post('/v1/countries/IT/identifiers/validate').send({ type: 'eu.vat', value: 'ESB79110482' });
      expect(spanish.body).toMatchObject({ valid: false, code: 'WRONG_PREFIX' });
      for (const cc of ['DE', 'ES', 'FR', 'PL', 'PT', 'IT']) {
        const spec = await request(t.http).get(`/v1/countries/${cc}`);
        const withVat = spec.body.legalForms.filter((f: { identifiers: { type: string }[] }) => f.identifiers.some((i) => i.type === 'eu.vat'));
        expect({ cc, forms: withVat.length }).toEqual({ cc, forms: spec.body.legalForms.length });
      }
      // the VAT number must be the partita IVA given beside it
      const mismatch = await request(t.http)
        .post('/v1/countries/IT/registrations/validate')
        .send({ ...acceptedRegistration('IT'), identifiers: { ...(acceptedRegistration('IT').identifiers as Record<string, string>), 'eu.vat': 'IT00743110157' } });
      expect(mismatch.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toContain('identifiers[eu.vat] VAT_NATIONAL_MISMATCH');
    });

    it('cross-checks the Spanish VAT number against the CIF of the same registration', async () => {
      const expected = {
        en: 'EU VAT number (ROI) must be ES followed by the Company tax number (NIF, formerly CIF) given above.',
        ru: 'Номер плательщика НДС ЕС (ROI): номер должен состоять из ES и указанного выше номера (Налоговый номер компании (NIF, ранее CIF)).',
        tr: 'AB KDV numarası (ROI), ES ve ardından yukarıda girilen Şirket vergi numarası (NIF, eski adıyla CIF) olmalıdır.',
        it: 'Partita IVA UE (ROI): deve essere ES seguito dal numero indicato sopra (Codice fiscale della società (NIF, già CIF)).',
        es: 'NIF-IVA intracomunitario (ROI): debe ser ES seguido del NIF de la sociedad (antes CIF) indicado arriba.',
      };
      for (const [locale, message] of Object.entries(expected)) {
        const res = await request(t.http)
          .post('/v1/countries/ES/registrations/validate')
          .set('Accept-Language', locale)
          .send({ ...esRegistration('B79110482'), identifiers: { 'es.cif': 'B79110482', 'eu.vat': 'ESA08370314' } });
        expect(res.body).toEqual({ valid: false, packVersion: 1, errors: [{ field: 'identifiers[eu.vat]', code: 'VAT_NATIONAL_MISMATCH', message }] });
      }
      const same = await request(t.http).post('/v1/countries/ES/registrations/validate').send({ ...esRegistration('B79110482'), identifiers: { 'es.cif': 'B79110482', 'eu.vat': 'ES-B79110482' } });
      expect(same.body).toEqual({ valid: true, packVersion: 1, errors: [] });
    });

    it('dry-runs a registration and reports every field at once, localised', async () => {
      const res = await request(t.http)
        .post('/v1/countries/ES/registrations/validate')
        .set('Accept-Language', 'ru')
        .send({
          legalForm: 'es.sl',
          legalName: '',
          identifiers: { 'es.cif': 'B79110483', 'ru.inn': '1' },
          registeredAddress: { line1: 'Calle Mayor 1', city: 'Madrid', postalCode: '99999', country: 'ES' },
          phone: '12',
          representative: { firstName: 'Lucía' },
          nickname: 'x',
        });
      expect(res.status).toBe(200);
      expect(res.body.valid).toBe(false);
      const byField = Object.fromEntries(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]));
      expect(byField).toEqual({
        nickname: 'UNKNOWN_FIELD',
        legalName: 'REQUIRED',
        'identifiers[ru.inn]': 'IDENTIFIER_NOT_USED',
        'identifiers[es.cif]': 'INVALID_CHECKSUM',
        'registeredAddress.region': 'REQUIRED',
        'registeredAddress.postalCode': 'INVALID_POSTAL_CODE',
        phone: 'TOO_SHORT',
        'representative.lastName': 'REQUIRED',
      });
      const postal = res.body.errors.find((e: { field: string }) => e.field === 'registeredAddress.postalCode');
      expect(postal.message).toBe('Поле Почтовый индекс (Юридический адрес) не является допустимым почтовым индексом; пример: 28013.');
    });

    it('accepts a valid registration and names in any script', async () => {
      const res = await request(t.http)
        .post('/v1/countries/ES/registrations/validate')
        .send({ ...esRegistration('B79110482'), representative: { firstName: 'Алёна', lastName: 'Şahin-Öztürk' } });
      expect(res.body).toEqual({ valid: true, packVersion: 1, errors: [] });
    });
  });

  describe('seller business profile', () => {
    it('stores a valid profile pinned to the pack version, refuses a bad one with 422 (400 when misshapen) and every field', async () => {
      const { token } = await signup(t.http, { country: 'ES', locale: 'es' });
      const bad = await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send({ ...esRegistration('B79110483'), legalForm: 'es.autonomo', identifiers: { 'es.nif': '12345678Z' } });
      expect(bad.status).toBe(422);
      expect(bad.body.error.code).toBe('COUNTRY_REGISTRATION_INVALID');
      expect(bad.headers['content-language']).toBe('es');
      expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['legalForm']);
      expect(bad.body.error.details[0].message).toContain('En España solo las sociedades mercantiles');

      // a body of the wrong shape is a 400 like on every route, still listing every problem
      const shape = await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send({ ...esRegistration('A08370314'), nickname: 'x', phone: 612345678 });
      expect(shape.status).toBe(400);
      expect(shape.body.error.code).toBe('COMMON_VALIDATION_FAILED');
      expect(shape.body.error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`).sort()).toEqual(['nickname:UNKNOWN_FIELD', 'phone:WRONG_TYPE']);
      const nul = await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send({ ...esRegistration('A08370314'), website: 'https://a\u0000.es' });
      expect(nul.status).toBe(400);
      expect(nul.body.error.details).toEqual([{ field: 'website', code: 'INVALID_CHARACTERS', message: 'El campo website contiene caracteres no permitidos.' }]);
      expect((await request(t.http).get('/v1/sellers/me/business').set(bearer(token!))).status).toBe(404);

      const ok = await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(esRegistration('A08370314'));
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ country: 'ES', legalForm: 'es.sl', sellerType: 'company', packVersion: 1, phone: '+34612345678', identifiers: { 'es.cif': 'A08370314' } });
      expect((await request(t.http).get('/v1/sellers/me/business').set(bearer(token!))).body.packVersion).toBe(1);
    });

    it('refuses an identifier another seller of the country registered, without saying who', async () => {
      const first = await signup(t.http, { country: 'ES' });
      // this seller chose English (without a choice a Spanish seller reads Spanish: sellerLocales)
      const second = await signup(t.http, { country: 'ES', locale: 'en' });
      await request(t.http).put('/v1/sellers/me/business').set(bearer(first.token!)).send(esRegistration('B79110482')).expect(200);
      const dup = await request(t.http).put('/v1/sellers/me/business').set(bearer(second.token!)).send(esRegistration('B-79110482'));
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe('COUNTRY_IDENTIFIER_IN_USE');
      expect(dup.body.error.message).toBe('This CIF is already registered by another seller.');
      expect(JSON.stringify(dup.body)).not.toContain(first.payload.email);
      // the owner can resubmit its own number
      await request(t.http).put('/v1/sellers/me/business').set(bearer(first.token!)).send(esRegistration('B79110482')).expect(200);
    });

    it('names the identifier that clashed, also when two registrations race; the same seller racing itself never clashes', async () => {
      /** A valid partita IVA (office 015, Luhn-style check digit). */
      const piva = (serial: number) => {
        const d = `${String(serial).padStart(7, '0')}015`.split('').map(Number);
        const sum = d.reduce((s, x, i) => s + (i % 2 === 0 ? x : x * 2 > 9 ? x * 2 - 9 : x * 2), 0);
        return d.join('') + ((10 - (sum % 10)) % 10);
      };
      const srl = (serial: number, rea: string) => ({
        ...acceptedRegistration('IT', 'it.srl'),
        identifiers: { 'it.piva': piva(serial), 'it.cf': piva(serial), 'it.rea': rea },
      });
      const put = (token: string, body: object) => request(t.http).put('/v1/sellers/me/business').set(bearer(token)).send(body);

      // the clash is on the REA number, the third identifier: the 409 says so
      const a = await signup(t.http, { country: 'IT' });
      const b = await signup(t.http, { country: 'IT' });
      await put(a.token!, srl(1234501, 'MI-1234501')).expect(200);
      const clash = await put(b.token!, srl(1234502, 'MI-1234501'));
      expect(clash.status).toBe(409);
      expect(clash.body.error.message).toMatch(/REA/);
      expect(clash.body.error.message).not.toMatch(/IVA/);
      // nothing of the refused registration was kept: b's own numbers are free for anyone
      expect((await request(t.http).get('/v1/sellers/me/business').set(bearer(b.token!))).status).toBe(404);
      const c = await signup(t.http, { country: 'IT' });
      await put(c.token!, srl(1234502, 'MI-1234502')).expect(200);

      // two sellers racing for one REA number: one wins, the other is told which number
      const d = await signup(t.http, { country: 'IT' });
      const e = await signup(t.http, { country: 'IT' });
      const race = await Promise.all([put(d.token!, srl(1234503, 'MI-1234599')), put(e.token!, srl(1234504, 'MI-1234599'))]);
      expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(race.find((r) => r.status === 409)!.body.error.message).toMatch(/REA/);
      // the loser's statement was aborted after it had inserted its own P.IVA: nothing of it stays
      const loser = race[0].status === 409 ? { token: d.token!, serial: 1234503 } : { token: e.token!, serial: 1234504 };
      expect((await request(t.http).get('/v1/sellers/me/business').set(bearer(loser.token))).status).toBe(404);
      const h = await signup(t.http, { country: 'IT' });
      await put(h.token!, srl(loser.serial, 'MI-1234598')).expect(200);

      // one seller sending its registration eight times at once: all 200, one profile, its numbers kept once
      const f = await signup(t.http, { country: 'IT' });
      const same = await Promise.all(Array.from({ length: 8 }, () => put(f.token!, srl(1234505, 'MI-1234505'))));
      expect(same.map((r) => r.status)).toEqual(Array(8).fill(200));
      const again = await put(f.token!, srl(1234505, 'MI-1234506'));
      expect(again.status).toBe(200);
      expect(again.body.identifiers['it.rea']).toBe('MI1234506');
      // the number it let go of is free again
      const g = await signup(t.http, { country: 'IT' });
      await put(g.token!, srl(1234507, 'MI-1234505')).expect(200);
    });

    it('takes declared brands and VAT registration as the pack defines it, and the spec says how to declare them', async () => {
      const spec = (await request(t.http).get('/v1/countries/DE')).body;
      expect(spec.declarations.fields.map((f: { name: string }) => f.name)).toEqual(['brands', 'vatRegistered']);
      expect(spec.declarations.fields[0]).toMatchObject({ type: 'array', required: false, maxItems: 20, maxLength: 100, condition: 'brand_declared' });
      // a German seller shows VAT registration by its USt-IdNr, a Kazakh one (no VAT number) by the flag
      expect(spec.declarations.fields[1]).toMatchObject({ type: 'boolean', condition: 'vat_registered', legalForms: [] });
      expect(spec.legalForms.find((f: { code: string }) => f.code === 'de.gmbh').vatRegistration).toEqual({ by: 'identifier', types: ['eu.vat'] });
      const kzSpec = (await request(t.http).get('/v1/countries/KZ')).body;
      expect(kzSpec.legalForms.map((f: { vatRegistration: { by: string } }) => f.vatRegistration.by)).toEqual(kzSpec.legalForms.map(() => 'vatRegistered'));
      expect(kzSpec.declarations.fields[1].legalForms).toEqual(kzSpec.legalForms.map((f: { code: string }) => f.code));

      const put = (token: string, body: object, locale = 'en') => request(t.http).put('/v1/sellers/me/business').set(bearer(token)).set('Accept-Language', locale).send(body);
      const get = async (token: string) => (await request(t.http).get('/v1/sellers/me/business').set(bearer(token)).expect(200)).body;

      const gmbh = await signup(t.http, { country: 'DE' });
      const withVat = acceptedRegistration('DE', 'de.gmbh');
      const ok = await put(gmbh.token!, { ...withVat, brands: [' Spreewald ', 'Gurkenglück', 'spreewald'] });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ brands: ['Spreewald', 'Gurkenglück'], vatRegistered: true });
      expect(await get(gmbh.token!)).toMatchObject({ brands: ['Spreewald', 'Gurkenglück'], vatRegistered: true });

      const bad = await put(gmbh.token!, { ...withVat, brands: ['x'.repeat(101), '  '], vatRegistered: false }, 'it');
      expect(bad.status).toBe(422);
      expect(bad.body.error.details).toEqual([
        { field: 'brands[0]', code: 'TOO_LONG', message: 'Il campo Marchio 1 deve contenere al massimo 100 caratteri.' },
        { field: 'brands[1]', code: 'REQUIRED', message: expect.any(String) },
        {
          field: 'vatRegistered',
          code: 'VAT_REGISTERED_BY_NUMBER',
          message: 'Per questa forma giuridica la registrazione IVA risulta dal numero Partita IVA tedesca (USt-IdNr): indica il numero invece del campo Iscritto ai fini IVA.',
        },
      ]);
      const tooMany = await put(gmbh.token!, { ...withVat, brands: Array.from({ length: 21 }, (_, i) => `Marke ${i}`) });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.error.details).toEqual([{ field: 'brands', code: 'TOO_MANY', message: 'Brands you sell under may list at most 20 entries.' }]);
      const shape = await put(gmbh.token!, { ...withVat, brands: 'Spreewald', vatRegistered: 'yes' });
      expect(shape.status).toBe(400);
      expect(shape.body.error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual(['brands:WRONG_TYPE', 'vatRegistered:WRONG_TYPE']);
      // the stored profile is unchanged by refused updates; an update without brands clears them
      expect((await get(gmbh.token!)).brands).toEqual(['Spreewald', 'Gurkenglück']);
      expect((await put(gmbh.token!, withVat)).body).toMatchObject({ brands: [], vatRegistered: true });

      const sole = await signup(t.http, { country: 'DE' });
      expect((await put(sole.token!, acceptedRegistration('DE', 'de.einzelunternehmen'))).body).toMatchObject({ brands: [], vatRegistered: false });

      const ip = await signup(t.http, { country: 'KZ' });
      const kz = acceptedRegistration('KZ', 'kz.ip');
      expect((await put(ip.token!, kz)).body).toMatchObject({ vatRegistered: false });
      expect((await put(ip.token!, { ...kz, vatRegistered: true })).body).toMatchObject({ vatRegistered: true });
      expect((await get(ip.token!)).vatRegistered).toBe(true);
    });
  });

  describe('ops manage packs as data', () => {
    it('lets reviewers read packs but not change them', async () => {
      expect((await request(t.http).get('/v1/ops/countries/ES/versions').set(bearer(reviewer))).status).toBe(200);
      const put = await request(t.http).put('/v1/ops/countries/NL/draft').set(bearer(reviewer)).send(nlPack());
      expect(put.status).toBe(403);
      const { token: seller } = await signup(t.http, { country: 'ES' });
      expect((await request(t.http).get('/v1/ops/countries').set(bearer(seller!))).status).toBe(403);
    });

    it('enables a brand-new country end to end through the API alone', async () => {
      // a broken draft is refused with every schema problem
      const broken = { ...nlPack(), name: { en: 'Netherlands' }, currencies: { default: 'euro', payout: [] } };
      const refused = await request(t.http).put('/v1/ops/countries/NL/draft').set(bearer(admin)).send(broken);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('COUNTRY_PACK_INVALID');
      const fields = refused.body.error.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['name.ru', 'currencies.default', 'currencies.payout']));

      // a draft whose own sample fails is saved, but validation and publication refuse it
      const wrongSample = nlPack();
      wrongSample.samples = [wrongSample.samples[0]];
      wrongSample.samples[0].registration = { ...validNlRegistration, registeredAddress: { ...validNlRegistration.registeredAddress, postalCode: '0123 AB' } };
      await request(t.http).put('/v1/ops/countries/NL/draft').set(bearer(admin)).send(wrongSample).expect(200);
      const check = await request(t.http).post('/v1/ops/countries/NL/draft/validate').set(bearer(reviewer));
      expect(check.status).toBe(200);
      expect(check.body.valid).toBe(false);
      expect(check.body.problems[0]).toMatchObject({ field: 'samples[0]', code: 'SAMPLE_REJECTED' });
      expect((await request(t.http).post('/v1/ops/countries/NL/draft/publish').set(bearer(admin))).status).toBe(422);

      // before publication nobody from NL can sign up
      const early = await request(t.http).post('/v1/auth/signup').set('Accept-Language', 'es').send({ email: uniqueEmail('nl'), password: 'Tulpen-Passphrase-1', country: 'NL' });
      expect(early.status).toBe(422);
      expect(early.body.error.code).toBe('COUNTRY_NOT_ENABLED');
      expect(early.body.error.message).toBe('Por ahora los vendedores de Países Bajos no pueden registrarse.');

      await request(t.http).put('/v1/ops/countries/NL/draft').set(bearer(admin)).send(nlPack()).expect(200);
      expect((await request(t.http).post('/v1/ops/countries/NL/draft/validate').set(bearer(admin))).body).toEqual({ valid: true, problems: [] });

      // the registry numbers are the pack's own rules (RSIN: the 11-test), tried before publication
      const tryDraft = (type: string, value: string, locale = 'en') =>
        request(t.http).post('/v1/ops/countries/NL/draft/identifiers/validate').set(bearer(reviewer)).set('Accept-Language', locale).send({ type, value });
      expect((await tryDraft('nl.rsin', '0044 95 445')).body).toEqual({ valid: true, normalized: '004495445' });
      const badRsin = await tryDraft('nl.rsin', '004495446', 'it');
      expect(badRsin.status).toBe(200);
      expect(badRsin.body).toMatchObject({ valid: false, code: 'INVALID_CHECKSUM', normalized: '004495446' });
      expect(badRsin.body.message).toContain('RSIN');
      expect((await tryDraft('nl.kvk', '6959908')).body).toMatchObject({ valid: false, code: 'INVALID_LENGTH' });
      expect((await tryDraft('nl.bsn', '123456782')).body).toEqual({ valid: true, normalized: '123456782' });
      expect((await tryDraft('ru.inn', '7707083893')).status).toBe(422);
      expect((await request(t.http).get('/v1/countries/NL')).status).toBe(404); // still a draft
      const published = await request(t.http).post('/v1/ops/countries/NL/draft/publish').set(bearer(admin));
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ version: 1, state: 'published' });

      const spec = await request(t.http).get('/v1/countries/NL').set('Accept-Language', 'tr');
      expect(spec.status).toBe(200);
      expect(spec.body).toMatchObject({ country: 'NL', name: 'Hollanda', status: 'enabled', packVersion: 1 });
      // the VAT example of a Dutch seller is a Dutch VAT number, not the Italian default; KvK and RSIN examples come from the pack's rules
      const bv = spec.body.legalForms.find((f: { code: string }) => f.code === 'nl.bv');
      expect(bv.identifiers).toEqual([
        expect.objectContaining({ type: 'nl.kvk', required: true, example: '69599084' }),
        expect.objectContaining({ type: 'nl.rsin', required: true, example: '004495445' }),
        expect.objectContaining({ type: 'eu.vat', prefix: 'NL', example: 'NL004495445B01' }),
      ]);
      expect(spec.body.legalForms.find((f: { code: string }) => f.code === 'nl.vof')).toMatchObject({ sellerType: 'partnership' });
      // pure data: what the API stored is exactly what seeding would have published
      const stored = await request(t.http).get('/v1/ops/countries/NL/versions/1').set(bearer(reviewer));
      expect(stored.body.document).toEqual(JSON.parse(JSON.stringify(checkPack(SEED_PACKS.find((p) => p.country === 'NL')).pack)));
      const rsin = await request(t.http).post('/v1/countries/NL/identifiers/validate').send({ type: 'nl.rsin', value: '004495446' });
      expect(rsin.body).toMatchObject({ valid: false, code: 'INVALID_CHECKSUM' });

      const seller = await signup(t.http, { country: 'NL', locale: 'en' });
      expect(seller.res.status).toBe(201);
      // the seller is checked by the pack's own RSIN rule
      const badProfile = await request(t.http)
        .put('/v1/sellers/me/business')
        .set(bearer(seller.token!))
        .send({ ...validNlRegistration, identifiers: { ...validNlRegistration.identifiers, 'nl.rsin': '004495446' } });
      expect(badProfile.status).toBe(422);
      expect(badProfile.body.error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`)).toEqual(['identifiers[nl.rsin] INVALID_CHECKSUM']);
      const profile = await request(t.http).put('/v1/sellers/me/business').set(bearer(seller.token!)).send(validNlRegistration);
      expect(profile.status).toBe(200);
      expect(profile.body).toMatchObject({ country: 'NL', legalForm: 'nl.bv', packVersion: 1, registeredAddress: { postalCode: '1012LG' } });

      const me = (await request(t.http).get('/v1/sellers/me').set(bearer(admin))).status;
      expect(me).toBe(403);
      const audit = await request(t.http).get('/v1/ops/audit?targetType=country&targetId=NL').set(bearer(reviewer));
      const adminId = (await t.sql.query('SELECT id FROM accounts WHERE email_normalized = $1', [ADMIN.email])).rows[0].id;
      const publication = audit.body.find((e: { action: string }) => e.action === 'country.published');
      expect(publication).toMatchObject({ actorAccountId: adminId, actorRole: 'ops_admin', changes: { version: 1, previousVersion: null } });
      expect(audit.body.filter((e: { action: string }) => e.action === 'country.draft_saved')).toHaveLength(2);
    });

    it('registers a Dutch V.O.F. as a partnership whose KYC asks for every partner', async () => {
      const seller = await signup(t.http, { country: 'NL', locale: 'en' });
      const profile = await request(t.http).put('/v1/sellers/me/business').set(bearer(seller.token!)).send(validVofRegistration);
      expect(profile.status).toBe(200);
      expect(profile.body).toMatchObject({ legalForm: 'nl.vof', sellerType: 'partnership' });

      const checklist = async (locale = 'en') =>
        (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(seller.token!)).set('Accept-Language', locale).expect(200)).body.checklist as { item: string; message: string }[];
      expect(await checklist('it')).toEqual(expect.arrayContaining([{ item: 'partners', message: 'Indica tutti i soci della società di persone (almeno 2).' }]));

      const person = (role: string, fullName: string, idDocumentNumber: string) => ({ role, fullName, dateOfBirth: '1980-04-02', nationality: 'NL', idDocumentNumber });
      // a Dutch partner's ID number is checked with the pack's BSN rule (data, not code)
      const badBsn = await request(t.http)
        .put('/v1/sellers/me/kyc/persons')
        .set(bearer(seller.token!))
        .send({ persons: [person('representative', 'Pieter Jansen', '111222333'), person('partner', 'Pieter Jansen', '111222333'), person('partner', 'Eva de Boer', '123456789')] });
      expect(badBsn.status).toBe(422);
      expect(badBsn.body.error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`)).toEqual(['persons[2].idDocumentNumber ID_NUMBER_INVALID']);
      const ok = await request(t.http)
        .put('/v1/sellers/me/kyc/persons')
        .set(bearer(seller.token!))
        .send({ persons: [person('representative', 'Pieter Jansen', '111222333'), person('partner', 'Pieter Jansen', '111222333'), person('partner', 'Eva de Boer', '123456782')] });
      expect(ok.status).toBe(200);
      expect(ok.body.map((p: { role: string }) => p.role)).toEqual(['representative', 'partner', 'partner']);
      expect((await checklist()).map((c) => c.item)).not.toContain('partners');

      // a B.V. declares owners, not partners
      const company = await signup(t.http, { country: 'NL', locale: 'en' });
      await request(t.http)
        .put('/v1/sellers/me/business')
        .set(bearer(company.token!))
        .send({ ...validNlRegistration, identifiers: { 'nl.kvk': '27312152', 'nl.rsin': '111222333' } })
        .expect(200);
      const partnerOfBv = await request(t.http)
        .put('/v1/sellers/me/kyc/persons')
        .set(bearer(company.token!))
        .set('Accept-Language', 'es')
        .send({ persons: [person('representative', 'Sanne de Vries', '111222333'), person('partner', 'Sanne de Vries', '111222333')] });
      expect(partnerOfBv.status).toBe(422);
      expect(partnerOfBv.body.error.details).toEqual([
        { field: 'persons[1].role', code: 'PARTNER_NOT_PARTNERSHIP', message: 'Función (persona 2): los socios solo se indican para una sociedad colectiva; indica en su lugar los titulares reales y el representante.' },
      ]);
      expect((await checklist()).map((c) => c.item)).not.toContain('partners');
    });

    it('lets ops define a new registry number with an 11-test rule and refuses rules that could stall the service', async () => {
      const pack = nlPack();
      pack.identifierTypes.push({
        code: 'nl.test_register',
        name: { en: 'Test register', ru: 'Тестовый реестр', tr: 'Test sicili', it: 'Registro di prova', es: 'Registro de prueba' },
        example: '123456789',
        rule: { lengths: [9], pattern: '^(\\d+)+$', checkDigit: { algorithm: 'weighted_mod11', weights: [9, 8, 7, 6, 5, 4, 3, 2, 1] } },
      });
      pack.legalForms[0].identifiers.push({ type: 'nl.test_register', required: false, purpose: 'registry', label: pack.identifierTypes[3].name });
      await request(t.http).put('/v1/ops/countries/NL/draft').set(bearer(admin)).send(pack).expect(200);
      const check = await request(t.http).post('/v1/ops/countries/NL/draft/validate').set(bearer(admin)).set('Accept-Language', 'en');
      expect(check.body.problems).toEqual([
        {
          field: 'identifierTypes[nl.test_register].rule.pattern',
          code: 'UNSAFE_PATTERN',
          message: expect.stringContaining('NESTED_QUANTIFIER'),
        },
      ]);
      expect((await request(t.http).post('/v1/ops/countries/NL/draft/identifiers/validate').set(bearer(admin)).send({ type: 'nl.test_register', value: '123456789' })).status).toBe(422);

      pack.identifierTypes[3].rule.pattern = '^\\d{9}$';
      await request(t.http).put('/v1/ops/countries/NL/draft').set(bearer(admin)).send(pack).expect(200);
      const good = await request(t.http).post('/v1/ops/countries/NL/draft/identifiers/validate').set(bearer(admin)).send({ type: 'nl.test_register', value: '123-456-789' });
      expect(good.body).toEqual({ valid: true, normalized: '123456789' });
      const bad = await request(t.http).post('/v1/ops/countries/NL/draft/identifiers/validate').set(bearer(admin)).send({ type: 'nl.test_register', value: '123456788' });
      expect(bad.body).toMatchObject({ valid: false, code: 'INVALID_CHECKSUM' });
      expect((await request(t.http).post('/v1/ops/countries/NL/draft/publish').set(bearer(admin))).body).toMatchObject({ version: 2, state: 'published' });
      const seller = await signup(t.http, { country: 'NL', locale: 'en' });
      const refused = await request(t.http)
        .put('/v1/sellers/me/business')
        .set(bearer(seller.token!))
        .send({ ...validNlRegistration, legalForm: 'nl.eenmanszaak', identifiers: { 'nl.kvk': '33011433', 'nl.test_register': '123456788' } });
      expect(refused.body.error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`)).toEqual(['identifiers[nl.test_register] INVALID_CHECKSUM']);
      await request(t.http)
        .put('/v1/sellers/me/business')
        .set(bearer(seller.token!))
        .send({ ...validNlRegistration, legalForm: 'nl.eenmanszaak', identifiers: { 'nl.kvk': '33011433', 'nl.test_register': '123456789' } })
        .expect(200);
    });

    it('lists the built-in identifier types and the generic rule family, and the pack schema describes every field', async () => {
      const types = await request(t.http).get('/v1/ops/countries/identifier-types').set(bearer(reviewer)).set('Accept-Language', 'ru');
      expect(types.status).toBe(200);
      expect(types.body.builtIn).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'ru.inn', country: 'RU', name: 'ИНН', checks: expect.stringContaining('12') })]));
      expect(types.body.builtIn.map((b: { code: string }) => b.code)).not.toContain('test.echo');
      expect(types.body.checkDigitAlgorithms.map((a: { algorithm: string }) => a.algorithm)).toEqual([
        'none', 'weighted_mod11', 'weighted_mod10', 'luhn', 'iso7064_mod97_10', 'iso7064_mod11_10', 'iso7064_mod11_2',
      ]);
      const schema = (await request(t.http).get('/v1/ops/countries/schema').set(bearer(reviewer))).body;
      const undescribed: string[] = [];
      const walk = (node: Record<string, unknown>, path: string) => {
        for (const [key, value] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
          if (!value.description) undescribed.push(`${path}.${key}`);
          walk(value, `${path}.${key}`);
        }
        for (const k of ['items', 'additionalProperties']) if (node[k] && typeof node[k] === 'object') walk(node[k] as Record<string, unknown>, `${path}[]`);
        for (const k of ['anyOf', 'oneOf', 'allOf']) ((node[k] ?? []) as Record<string, unknown>[]).forEach((n) => walk(n, path));
      };
      walk(schema, '');
      expect(undescribed.filter((p) => !/\.(en|ru|tr|it|es)$/.test(p))).toEqual([]);
    });

    it('refuses packs for unassigned country codes and codes of another country', async () => {
      for (const cc of ['UK', 'EU', 'XX']) {
        const res = await request(t.http).put(`/v1/ops/countries/${cc}/draft`).set(bearer(admin)).set('Accept-Language', 'en').send({ ...nlPack(), country: cc });
        expect(res.status).toBe(422);
        expect(res.body.error.code).toBe('COUNTRY_PACK_INVALID');
        expect(res.body.error.details).toEqual([
          { field: 'country', code: 'UNKNOWN_COUNTRY', message: `Country: ${cc} is not an assigned ISO 3166-1 alpha-2 country code (the United Kingdom is GB).` },
        ]);
      }

      // a Belgian draft copied from the Dutch pack: legal forms and the VAT prefix still Dutch
      const be = { ...nlPack(), country: 'BE', bank: { type: 'iban', ibanCountry: 'BE', example: 'BE68539007547034' }, samples: [] };
      be.legalForms[0].identifiers.push({ type: 'ru.inn', required: false, purpose: 'tax_id', label: be.legalForms[0].identifiers[0].label } as never);
      await request(t.http).put('/v1/ops/countries/BE/draft').set(bearer(admin)).send(be).expect(200);
      const check = await request(t.http).post('/v1/ops/countries/BE/draft/validate').set(bearer(admin)).set('Accept-Language', 'es');
      expect(check.body.valid).toBe(false);
      expect(check.body.problems.map((p: { field: string; code: string }) => `${p.field} ${p.code}`)).toEqual([
        'documentTypes[nl.kvk_extract] FOREIGN_DOCUMENT_TYPE',
        'documentTypes[nl.partnership_agreement] FOREIGN_DOCUMENT_TYPE',
        'documentTypes[nl.ubo_extract] FOREIGN_DOCUMENT_TYPE',
        'identifierTypes[nl.kvk].code FOREIGN_IDENTIFIER_CODE',
        'identifierTypes[nl.rsin].code FOREIGN_IDENTIFIER_CODE',
        'identifierTypes[nl.bsn].code FOREIGN_IDENTIFIER_CODE',
        'legalForms[nl.eenmanszaak].code FOREIGN_LEGAL_FORM',
        'legalForms[nl.eenmanszaak].identifiers[eu.vat].prefix VAT_PREFIX_MISMATCH',
        'legalForms[nl.eenmanszaak].identifiers[ru.inn] FOREIGN_IDENTIFIER_TYPE',
        'legalForms[nl.vof].code FOREIGN_LEGAL_FORM',
        'legalForms[nl.vof].identifiers[eu.vat].prefix VAT_PREFIX_MISMATCH',
        'legalForms[nl.bv].code FOREIGN_LEGAL_FORM',
        'legalForms[nl.bv].identifiers[eu.vat].prefix VAT_PREFIX_MISMATCH',
      ]);
      expect(check.body.problems.find((p: { field: string }) => p.field === 'identifierTypes[nl.kvk].code').message).toBe(
        'identifierTypes[nl.kvk].code: un tipo de identificador definido por este paquete debe llamarse be.<nombre>.',
      );
      expect(check.body.problems.find((p: { field: string }) => p.field === 'legalForms[nl.bv].code').message).toBe('legalForms[nl.bv].code: una forma jurídica de este paquete debe llamarse be.<nombre>.');
      expect((await request(t.http).post('/v1/ops/countries/BE/draft/publish').set(bearer(admin))).status).toBe(422);
      await request(t.http).delete('/v1/ops/countries/BE/draft').set(bearer(admin)).expect(204);
    });

    it('offers a newer seed revision shipped with the code to ops as a draft with its diff, never publishing it, once', async () => {
      const seeds = t.app.get(CountryPacksAdminService);
      const pt = JSON.parse(JSON.stringify(SEED_PACKS.find((p) => p.country === 'PT')));
      const current = (await request(t.http).get('/v1/countries/PT')).body.packVersion;
      // same content, newer revision: nothing to offer
      expect(await seeds.seed([{ ...pt, seedRevision: 5 }])).toEqual({ seeded: [], offered: [] });
      const newer = { ...pt, seedRevision: 5, phone: { ...pt.phone, example: '+351 912 345 679' } };
      expect(await seeds.seed([newer])).toEqual({ seeded: [], offered: ['PT'] });
      expect((await request(t.http).get('/v1/countries/PT')).body.packVersion).toBe(current);
      const diff = await request(t.http).get(`/v1/ops/countries/PT/diff?from=${current}&to=draft`).set(bearer(reviewer));
      expect(diff.body).toEqual([
        { path: 'phone.example', change: 'changed', from: pt.phone.example, to: '+351 912 345 679' },
        { path: 'seedRevision', change: expect.any(String), ...(pt.seedRevision ? { from: pt.seedRevision } : {}), to: 5 },
      ]);
      const audit = await request(t.http).get('/v1/ops/audit?targetType=country&targetId=PT').set(bearer(reviewer));
      expect(audit.body.find((e: { action: string }) => e.action === 'country.seed_offered')).toMatchObject({ changes: { seedRevision: 5, against: current } });
      // ops discard it: the same revision is not offered again
      await request(t.http).delete('/v1/ops/countries/PT/draft').set(bearer(admin)).expect(204);
      expect(await seeds.seed([newer])).toEqual({ seeded: [], offered: [] });
      expect((await request(t.http).get('/v1/ops/countries/PT/draft').set(bearer(reviewer))).status).toBe(404);
    });

    it('keeps sellers pinned to the version they were checked under and flags them when a requirement is added', async () => {
      const pinned = await signup(t.http, { country: 'ES' });
      await request(t.http).put('/v1/sellers/me/business').set(bearer(pinned.token!)).send({ ...esRegistration('B12345674'), legalName: 'Pinned S.L.' }).expect(200);

      const v1 = (await request(t.http).get('/v1/ops/countries/ES/versions/1').set(bearer(admin))).body.document;
      const v2 = structuredClone(v1);
      const sl = v2.legalForms.find((f: { code: string }) => f.code === 'es.sl');
      sl.documents.push({ type: 'proof_of_address', required: true, condition: 'always' });
      v2.documentTypes.push({ code: 'proof_of_address', label: { en: 'Proof of address', ru: 'Подтверждение адреса', tr: 'Adres belgesi', it: 'Prova di indirizzo', es: 'Justificante de domicilio' } });
      await request(t.http).put('/v1/ops/countries/ES/draft').set(bearer(admin)).send(v2).expect(200);

      const diff = await request(t.http).get('/v1/ops/countries/ES/diff?from=1&to=draft').set(bearer(reviewer));
      expect(diff.status).toBe(200);
      expect(diff.body).toEqual(
        expect.arrayContaining([
          { path: 'legalForms[es.sl].documents[proof_of_address]', change: 'added', to: { type: 'proof_of_address', required: true, condition: 'always' } },
          expect.objectContaining({ path: 'documentTypes[proof_of_address]', change: 'added' }),
        ]),
      );
      expect(diff.body).toHaveLength(2);

      // before publishing: whom it would send back to verification
      const impact = await request(t.http).get('/v1/ops/countries/ES/draft/impact?ids=true').set(bearer(reviewer));
      expect(impact.status).toBe(200);
      expect(impact.body).toMatchObject({ country: 'ES', against: 1, tightenedLegalForms: ['es.sl'] });
      const [slImpact] = impact.body.byLegalForm;
      expect(slImpact).toMatchObject({ legalForm: 'es.sl', sellers: slImpact.sellerIds.length });
      expect(slImpact.sellerIds).toContain(pinned.res.body.seller.id);
      expect(impact.body.sellers).toBe(slImpact.sellers);
      const countOnly = (await request(t.http).get('/v1/ops/countries/ES/draft/impact').set(bearer(reviewer))).body;
      expect(countOnly.byLegalForm).toEqual([{ legalForm: 'es.sl', sellers: slImpact.sellers }]);
      expect((await request(t.http).get('/v1/ops/countries/ES/draft/impact?ids=yes').set(bearer(reviewer))).status).toBe(400);
      expect((await request(t.http).get('/v1/ops/sellers?country=ES&reverification=true').set(bearer(reviewer))).body).toEqual([]);

      await request(t.http).post('/v1/ops/countries/ES/draft/publish').set(bearer(admin)).expect(200);
      // the publication's audit entry records how many it sent back, and ops can list them
      const published = (await request(t.http).get('/v1/ops/audit?targetType=country&targetId=ES&action=country.published').set(bearer(admin))).body[0];
      expect(published.changes).toMatchObject({ version: 2, reverification: { sellers: slImpact.sellers, byLegalForm: { 'es.sl': slImpact.sellers } } });
      const flagged = (await request(t.http).get('/v1/ops/sellers?country=ES&reverification=true&limit=200').set(bearer(reviewer))).body.map((x: { id: string }) => x.id);
      expect(flagged.sort()).toEqual([...slImpact.sellerIds].sort());
      expect((await request(t.http).get('/v1/ops/sellers?country=ES&reverification=false&limit=200').set(bearer(reviewer))).body.map((x: { id: string }) => x.id)).not.toContain(pinned.res.body.seller.id);
      const versions = (await request(t.http).get('/v1/ops/countries/ES/versions').set(bearer(admin))).body;
      expect(versions.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([
        [2, 'published'],
        [1, 'retired'],
      ]);

      const old = (await request(t.http).get('/v1/sellers/me/business').set(bearer(pinned.token!))).body;
      expect(old).toMatchObject({ packVersion: 1, reverificationRequired: true });

      const fresh = await signup(t.http, { country: 'ES' });
      const now = await request(t.http).put('/v1/sellers/me/business').set(bearer(fresh.token!)).send({ ...esRegistration('A58818501'), legalName: 'Fresh S.A.' });
      expect(now.status).toBe(200);
      expect(now.body).toMatchObject({ packVersion: 2, reverificationRequired: false });
      expect((await request(t.http).get('/v1/countries/ES')).body.packVersion).toBe(2);
    });

    it('disables and re-enables a country: new sign-ups refused in the caller language, existing sellers untouched', async () => {
      const existing = await signup(t.http, { country: 'ES' });
      // registering first: this process's view of ES now says "enabled", so the refusal below must come from
      // the write itself re-checking the country, as it would in another API process
      await request(t.http).put('/v1/sellers/me/business').set(bearer(existing.token!)).send(esRegistration('A28017895')).expect(200);
      await request(t.http).post('/v1/ops/countries/ES/disable').set(bearer(admin)).expect(200);
      try {
        const refused = await request(t.http).post('/v1/auth/signup').set('Accept-Language', 'ru').send({ email: uniqueEmail('es'), password: 'Flamenco-Passphrase', country: 'ES' });
        expect(refused.status).toBe(422);
        expect(refused.body.error).toMatchObject({ code: 'COUNTRY_NOT_ENABLED', message: 'Продавцы из страны Испания сейчас не могут зарегистрироваться.' });
        const profile = await request(t.http).put('/v1/sellers/me/business').set(bearer(existing.token!)).send({ ...esRegistration('A28017895'), legalName: 'Refused S.L.' });
        expect(profile.status).toBe(422);
        expect(profile.body.error.code).toBe('COUNTRY_NOT_ENABLED');
        expect((await request(t.http).get('/v1/sellers/me/business').set(bearer(existing.token!))).body.legalName).not.toBe('Refused S.L.');
        expect((await request(t.http).get('/v1/sellers/me').set(bearer(existing.token!))).status).toBe(200);
        expect((await request(t.http).get('/v1/countries/ES')).body.status).toBe('disabled');
      } finally {
        await request(t.http).post('/v1/ops/countries/ES/enable').set(bearer(admin)).expect(200);
      }
      expect((await signup(t.http, { country: 'ES' })).res.status).toBe(201);
      await request(t.http).put('/v1/sellers/me/business').set(bearer(existing.token!)).send(esRegistration('A28017895')).expect(200);
      const audit = (await request(t.http).get('/v1/ops/audit?targetType=country&targetId=ES').set(bearer(admin))).body.map((e: { action: string }) => e.action);
      expect(audit).toEqual(expect.arrayContaining(['country.disabled', 'country.enabled', 'country.published']));
    });

    it('keeps a country ops disabled disabled when a new version is published: status is its own act, shown in the diff and the audit', async () => {
      // NL was published (and so opened) by the tests above; ops now disable it
      const before: number = (await request(t.http).get('/v1/countries/NL')).body.packVersion;
      const next = before + 1;
      await request(t.http).post('/v1/ops/countries/NL/disable').set(bearer(admin)).expect(200);

      // the next version still carries the old `status: enabled` (a pack from older tooling), and
      // names only stripe_connect, which this deployment has no STRIPE_SECRET_KEY for
      const v2 = { ...nlPack(), status: 'enabled', payouts: { available: true, rails: ['stripe_connect'] } };
      const saved = await request(t.http).put('/v1/ops/countries/NL/draft').set(bearer(admin)).set('Accept-Language', 'en').send(v2);
      expect(saved.status).toBe(200);
      expect(saved.body.warnings.map((w: { code: string }) => w.code)).toEqual(['STATUS_IGNORED', 'NO_PAYOUT_RAIL_CONFIGURED']);
      expect((await request(t.http).get('/v1/ops/countries/NL/draft').set(bearer(admin))).body.document).not.toHaveProperty('status');

      const published = await request(t.http).post('/v1/ops/countries/NL/draft/publish').set(bearer(admin)).set('Accept-Language', 'it');
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ version: next, state: 'published', countryStatus: 'disabled' });
      expect(published.body.warnings).toEqual([
        {
          field: 'payouts.rails',
          code: 'NO_PAYOUT_RAIL_CONFIGURED',
          message: 'Nessuno dei metodi di pagamento di questo pacchetto (stripe_connect) è configurato in questa installazione (manca STRIPE_SECRET_KEY): i venditori di Paesi Bassi vedranno i pagamenti come non disponibili.',
        },
      ]);
      // still disabled: for the public spec, for sign-ups, for ops
      expect((await request(t.http).get('/v1/countries/NL')).body).toMatchObject({ status: 'disabled', packVersion: next });
      expect((await request(t.http).post('/v1/auth/signup').send({ email: uniqueEmail('nl'), password: 'Tulpen-Passphrase-1', country: 'NL' })).status).toBe(422);
      const overview = (await request(t.http).get('/v1/ops/countries').set(bearer(reviewer))).body.find((c: { country: string }) => c.country === 'NL');
      expect(overview).toMatchObject({ status: 'disabled', publishedVersion: next, payoutRails: [{ rail: 'stripe_connect', configured: false }], warnings: [{ code: 'NO_PAYOUT_RAIL_CONFIGURED' }] });
      // a pack whose rails all run here has no warning
      expect((await request(t.http).get('/v1/ops/countries').set(bearer(reviewer))).body.find((c: { country: string }) => c.country === 'TR')).toMatchObject({ payoutRails: [{ rail: 'bank_transfer', configured: true }], warnings: [] });

      // the diff between the versions shows the disabling act next to the pack changes
      const diff = (await request(t.http).get(`/v1/ops/countries/NL/diff?from=${before}&to=${next}`).set(bearer(reviewer))).body;
      const adminId = (await t.sql.query('SELECT id FROM accounts WHERE email_normalized = $1', [ADMIN.email])).rows[0].id;
      expect(diff).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'payouts.rails', change: 'changed', from: ['stripe_connect', 'bank_transfer'], to: ['stripe_connect'] }),
          { path: 'country.status', change: 'changed', from: 'enabled', to: 'disabled', at: expect.any(String), by: adminId },
        ]),
      );
      expect(diff.some((c: { path: string }) => c.path === 'status')).toBe(false);

      // the audit shows both acts: the disabling, and a publication that kept the status
      const audit = (await request(t.http).get('/v1/ops/audit?targetType=country&targetId=NL').set(bearer(admin))).body;
      const [publication, disabling] = audit.filter((e: { action: string }) => ['country.published', 'country.disabled'].includes(e.action));
      expect(publication).toMatchObject({ action: 'country.published', changes: { version: next, previousVersion: before, countryStatus: 'disabled', warnings: [{ code: 'NO_PAYOUT_RAIL_CONFIGURED' }] } });
      expect(publication.changes).not.toHaveProperty('status');
      expect(disabling).toMatchObject({ action: 'country.disabled', changes: { status: { from: 'enabled', to: 'disabled' } } });
      // the first publication recorded the opening of the country as a status change
      expect(audit.find((e: { action: string; changes: { version?: number } }) => e.action === 'country.published' && e.changes.version === 1).changes).toMatchObject({ status: { from: null, to: 'enabled' } });

      // enabling is ops' act again, and only that
      await request(t.http).post('/v1/ops/countries/NL/enable').set(bearer(admin)).expect(200);
      expect((await request(t.http).get('/v1/countries/NL')).body.status).toBe('enabled');
    });

    it("gives a seller who names no language the country's first seller language (sellerLocales)", async () => {
      const tr = await request(t.http).post('/v1/auth/signup').send({ email: uniqueEmail('tr'), password: 'Istanbul-Passphrase-1', country: 'TR' });
      expect(tr.status).toBe(201);
      expect(tr.body.seller.locale).toBe('tr');
      // a language the request names wins: the body, or Accept-Language
      const asked = await request(t.http).post('/v1/auth/signup').set('Accept-Language', 'es').send({ email: uniqueEmail('tr'), password: 'Istanbul-Passphrase-1', country: 'TR' });
      expect(asked.body.seller.locale).toBe('es');
      const named = await request(t.http).post('/v1/auth/signup').send({ email: uniqueEmail('tr'), password: 'Istanbul-Passphrase-1', country: 'TR', locale: 'ru' });
      expect(named.body.seller.locale).toBe('ru');
    });
  });
});
