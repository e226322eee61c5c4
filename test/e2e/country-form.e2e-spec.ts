import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SEED_PACKS } from '@app/countries';
import { signup, startTestApp, TestApp } from '../support/app';
import { acceptedRegistration } from '../support/registrations';

/*
 * A front end built ONLY from GET /v1/countries/{cc}: a generic renderer turns the spec into form
 * controls (one per error path), fills them from each seed pack's sample registrations, checks the
 * values against the spec's own rules (pattern on the normalised value, length, options) the way a
 * browser would, and submits the form through the dry run. Valid samples must pass; every error of
 * an invalid sample must land on a control the form shows, exactly on the fields the sample names.
 */

interface Control {
  path: string;
  label: string;
  type: string;
  required: boolean;
  pattern?: string;
  normalize?: { strip?: string[]; upperCase?: boolean; optionalPrefix?: string };
  maxLength?: number;
  minLength?: number;
  options?: { value: string; label: string }[];
  value?: string;
  fields?: Control[];
  fieldsBy?: string;
}
interface IdentifierSpec {
  path: string;
  label: string;
  required: boolean;
  pattern?: string;
  normalize?: Control['normalize'];
  example?: string;
}
interface Spec {
  country: string;
  fields: Control[];
  legalForms: { code: string; identifiers: IdentifierSpec[] }[];
}

/** The controls a form shows for one legal form, by path (groups flattened, identifiers of the form). */
function renderForm(spec: Spec, legalForm: string): Map<string, Control> {
  const controls = new Map<string, Control>();
  const walk = (fields: Control[]) => {
    for (const f of fields) {
      if (f.fieldsBy === 'legalForm') {
        const form = spec.legalForms.find((lf) => lf.code === legalForm);
        for (const id of form?.identifiers ?? []) controls.set(id.path, { ...id, type: 'text' });
      } else if (f.type === 'group' && f.fields) {
        controls.set(f.path, f);
        walk(f.fields);
      } else controls.set(f.path, f);
    }
  };
  walk(spec.fields);
  return controls;
}

/** The path notation of details[].field: `a.b`, `list[0]`, `map[key.with.dots]`. */
const segments = (path: string): string[] => [...path.matchAll(/([^.[\]]+)|\[([^\]]+)\]/g)].map((m) => m[1] ?? m[2]);

function leaves(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return [[path, value]]; // lists are one control (brands)
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path === '' ? k : path === 'identifiers' ? `${path}[${k}]` : `${path}.${k}`));
  }
  return [[path, value]];
}

function setAt(body: Record<string, unknown>, path: string, value: unknown) {
  const keys = segments(path);
  let node = body;
  keys.slice(0, -1).forEach((k) => {
    node[k] ??= {};
    node = node[k] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]] = value;
}

/** What a browser would say about a value before sending it, from the spec's rule alone. */
function clientProblem(control: Control, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (control.maxLength && value.trim().length > control.maxLength) return 'too long';
  if (control.options && !control.options.some((o) => o.value === value || o.label.toUpperCase() === value.toUpperCase())) return 'not an option';
  if (control.pattern) {
    const n = control.normalize ?? { strip: ['spaces'], upperCase: true };
    let v = value;
    if (n.strip?.includes('spaces')) v = v.replace(/\s+/g, '');
    if (n.strip?.includes('dots')) v = v.replace(/\./g, '');
    if (n.strip?.includes('dashes')) v = v.replace(/-/g, '');
    if (n.strip?.includes('slashes')) v = v.replace(/\//g, '');
    if (n.upperCase) v = v.toUpperCase();
    if (n.optionalPrefix && v.startsWith(n.optionalPrefix)) v = v.slice(n.optionalPrefix.length);
    if (!new RegExp(control.pattern).test(v)) return `does not match ${control.pattern}`;
  }
  return undefined;
}

describe('a registration form rendered from the country spec alone (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('publishes every seed pack', async () => {
    const listed = (await request(t.http).get('/v1/countries')).body.map((c: { country: string }) => c.country);
    expect(listed).toEqual(expect.arrayContaining(SEED_PACKS.map((p) => p.country)));
  });

  for (const pack of SEED_PACKS) {
    it(`${pack.country}: every field has a label, a type and its rule; the samples go through the form as the pack declares`, async () => {
      const lang = pack.sellerLocales[0];
      const res = await request(t.http).get(`/v1/countries/${pack.country}`).set('Accept-Language', lang);
      expect(res.status).toBe(200);
      const spec = res.body as Spec;

      for (const form of spec.legalForms) {
        for (const control of renderForm(spec, form.code).values()) {
          expect(control.label).toEqual(expect.any(String));
          expect(control.label.length).toBeGreaterThan(0);
          expect(typeof control.required).toBe('boolean');
          if (control.type === 'text' && control.path.startsWith('identifiers[')) expect(control.pattern).toEqual(expect.any(String));
        }
      }

      for (const sample of pack.samples ?? []) {
        const registration = sample.registration as Record<string, unknown>;
        const controls = renderForm(spec, String(registration.legalForm));
        // the form has a control for every value the sample gives…
        const body: Record<string, unknown> = {};
        for (const [path, value] of leaves(registration)) {
          const control = controls.get(path);
          expect({ sample: sample.name, path, shown: Boolean(control) }).toEqual({ sample: sample.name, path, shown: true });
          setAt(body, path, value);
          // …and a valid sample passes the spec's own client-side rules
          if (sample.expect === 'accept') expect({ sample: sample.name, path, problem: clientProblem(control!, value) }).toEqual({ sample: sample.name, path, problem: undefined });
        }
        for (const control of controls.values()) if (control.type === 'fixed' && !(control.path in body)) setAt(body, control.path, control.value);

        const checked = await request(t.http).post(`/v1/countries/${pack.country}/registrations/validate`).set('Accept-Language', lang).send(body);
        expect(checked.status).toBe(200);
        if (sample.expect === 'accept') {
          expect({ sample: sample.name, errors: checked.body.errors }).toEqual({ sample: sample.name, errors: [] });
          continue;
        }
        const errors = checked.body.errors as { field: string; message: string }[];
        expect(errors.length).toBeGreaterThan(0);
        for (const e of errors) {
          // each message goes next to a control of the form, and names it by its label, not its path
          expect({ sample: sample.name, field: e.field, shown: controls.has(e.field) }).toEqual({ sample: sample.name, field: e.field, shown: true });
          expect(e.message).not.toContain(e.field);
        }
        if (sample.rejectFields) expect([...new Set(errors.map((e) => e.field))].sort()).toEqual([...sample.rejectFields].sort());
      }
    });
  }

  it('gives everything else a form needs: identity documents, person roles, documents with file rules, region lists, phone by example', async () => {
    const es = (await request(t.http).get('/v1/countries/ES').set('Accept-Language', 'es')).body;
    expect(es.personIdDocuments.map((d: { code: string }) => d.code)).toEqual(['national_id', 'es.nie', 'passport']);
    expect(es.personIdDocuments.find((d: { code: string }) => d.code === 'passport')).toMatchObject({ label: 'Pasaporte', check: 'pattern', pattern: expect.any(String), example: expect.any(String) });
    const sl = es.legalForms.find((f: { code: string }) => f.code === 'es.sl');
    expect(sl.persons).toEqual([
      { role: 'representative', min: 1, max: 1, label: 'El representante legal (exactamente uno)' },
      { role: 'owner', min: 0, minSharePercent: 25, label: 'Cada titular con una participación de al menos el 25 %' },
    ]);
    const nota = sl.documents.find((d: { type: string }) => d.type === 'es.nota_simple');
    expect(nota).toMatchObject({ maxAgeDays: 90, mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: expect.any(Number), dates: { issuedOn: { required: true, format: 'YYYY-MM-DD' }, expiresOn: { required: false } } });
    expect(sl.documents.find((d: { type: string }) => d.type === 'representative_id')).toMatchObject({ person: 'representative' });
    const phone = es.fields.find((f: Control) => f.path === 'phone');
    expect(phone).toMatchObject({ label: 'Teléfono', type: 'tel', example: '+34 612 34 56 78', help: 'Con el prefijo del país, por ejemplo +34 612 34 56 78.', countryCallingCode: '+34' });
    expect(es.phone.format).toBeUndefined(); // no English prose any more
    expect(es.obligations.items.map((i: { text: string }) => i.text)).toContain('Devoluciones aceptadas durante al menos 14 días');

    const it = (await request(t.http).get('/v1/countries/IT').set('Accept-Language', 'it')).body;
    const region = renderForm(it, 'it.srl').get('registeredAddress.region')!;
    expect(region).toMatchObject({ type: 'select', required: true, label: 'Provincia (Sede legale)' });
    expect(region.options).toContainEqual({ value: 'MI', label: 'Milano' });
    const partnership = it.legalForms.find((f: { sellerType: string }) => f.sellerType === 'partnership');
    expect(partnership.persons.map((p: { role: string }) => p.role)).toEqual(['representative', 'partner']);
    // a region of the list, named or coded; anything else is refused next to the field
    const sample = SEED_PACKS.find((p) => p.country === 'IT')!.samples!.find((s) => s.expect === 'accept')!.registration as Record<string, Record<string, unknown>>;
    const byName = await request(t.http).post('/v1/countries/IT/registrations/validate').set('Accept-Language', 'it').send({ ...sample, registeredAddress: { ...sample.registeredAddress, region: 'Milano' } });
    expect(byName.body.errors).toEqual([]);
    const unknown = await request(t.http).post('/v1/countries/IT/registrations/validate').set('Accept-Language', 'it').send({ ...sample, registeredAddress: { ...sample.registeredAddress, region: 'Lombardia' } });
    expect(unknown.body.errors).toEqual([{ field: 'registeredAddress.region', code: 'UNKNOWN_REGION', message: 'Provincia (Sede legale): scegli un valore dall\'elenco, ad esempio AG (Agrigento).' }]);
  });

  it('lists the Spanish and Turkish provinces: a code, a name or an alias in any case or accents, stored as the code', async () => {
    const es = (await request(t.http).get('/v1/countries/ES').set('Accept-Language', 'es')).body;
    const province = renderForm(es, 'es.sl').get('registeredAddress.region')!;
    expect(province).toMatchObject({ type: 'select', required: true });
    expect(province.options).toHaveLength(52); // 50 provinces, Ceuta and Melilla
    expect(province.options).toEqual(expect.arrayContaining([{ value: 'SE', label: 'Sevilla' }, { value: 'CE', label: 'Ceuta' }, { value: 'ML', label: 'Melilla' }]));
    const tr = (await request(t.http).get('/v1/countries/TR').set('Accept-Language', 'tr')).body;
    const il = renderForm(tr, 'tr.ltd').get('registeredAddress.region')!;
    expect(il.options).toHaveLength(81);
    expect(il.options).toEqual(expect.arrayContaining([{ value: '01', label: 'Adana' }, { value: '34', label: 'İstanbul' }, { value: '81', label: 'Düzce' }]));

    const validate = async (cc: string, form: string, region: string, lang: string) => {
      const sample = acceptedRegistration(cc, form) as Record<string, Record<string, unknown>>;
      return (await request(t.http).post(`/v1/countries/${cc}/registrations/validate`).set('Accept-Language', lang).send({ ...sample, registeredAddress: { ...sample.registeredAddress, region } })).body.errors;
    };
    for (const region of ['SE', 'se', 'Sevilla', 'Málaga', 'malaga', 'Alacant', 'Vizcaya', 'Illes Balears']) expect({ region, errors: await validate('ES', 'es.sl', region, 'es') }).toEqual({ region, errors: [] });
    for (const region of ['35', 'İzmir', 'izmir', 'IZMIR', 'Istanbul', 'şanlıurfa', 'İçel']) expect({ region, errors: await validate('TR', 'tr.ltd', region, 'tr') }).toEqual({ region, errors: [] });
    expect(await validate('ES', 'es.sl', 'Andalucía', 'es')).toEqual([
      { field: 'registeredAddress.region', code: 'UNKNOWN_REGION', message: expect.stringMatching(/^Provincia \(Domicilio social\): .*A \(Alicante\)/) },
    ]);
    expect((await validate('TR', 'tr.ltd', 'Ege', 'tr'))[0]).toMatchObject({ field: 'registeredAddress.region', code: 'UNKNOWN_REGION' });

    // stored as the code, with the trading name beside the legal name
    const { token } = await signup(t.http, { country: 'ES', locale: 'es' });
    const body = acceptedRegistration('ES', 'es.sl') as Record<string, Record<string, unknown>>;
    const saved = await request(t.http).put('/v1/sellers/me/business').set('Authorization', `Bearer ${token}`).send({ ...body, tradingName: '  Triana Cerámica ', registeredAddress: { ...body.registeredAddress, region: 'sevilla' } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ tradingName: 'Triana Cerámica', registeredAddress: { region: 'SE' } });
    expect((await request(t.http).get('/v1/sellers/me/business').set('Authorization', `Bearer ${token}`)).body.tradingName).toBe('Triana Cerámica');
  });

  it('offers the trading name as an optional field with its label, help and limit in every language', async () => {
    const labels: Record<string, string> = { en: 'Trading name', ru: 'Торговое название', tr: 'İşletme adı', it: 'Nome commerciale', es: 'Nombre comercial' };
    for (const [lang, label] of Object.entries(labels)) {
      const spec = (await request(t.http).get('/v1/countries/ES').set('Accept-Language', lang)).body;
      const paths = spec.fields.map((f: Control) => f.path);
      expect(paths.indexOf('tradingName')).toBe(paths.indexOf('legalName') + 1);
      expect(spec.fields.find((f: Control) => f.path === 'tradingName')).toMatchObject({ label, type: 'text', required: false, minLength: 2, maxLength: 200, help: expect.any(String) });
    }
    const sample = acceptedRegistration('ES', 'es.sl');
    const long = await request(t.http).post('/v1/countries/ES/registrations/validate').set('Accept-Language', 'it').send({ ...sample, tradingName: 'x'.repeat(201) });
    expect(long.body.errors).toEqual([{ field: 'tradingName', code: 'TOO_LONG', message: 'Il campo Nome commerciale deve contenere al massimo 200 caratteri.' }]);
  });

  it('shows only public sources, none of them a repository path, each titled by its publisher', async () => {
    for (const pack of SEED_PACKS) {
      const spec = (await request(t.http).get(`/v1/countries/${pack.country}`)).body as { sources: { title: string; url?: string }[] };
      for (const source of spec.sources) {
        expect(source.title).not.toMatch(/research|\.md\b|shared\/|\b[a-z]+[A-Z][A-Za-z]*\b/);
        if (/^Stripe\b/.test(source.title) && source.url) expect(source.url).toMatch(/stripe\.com/);
      }
    }
  });
});
