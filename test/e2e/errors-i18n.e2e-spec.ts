import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, TestApp, uniqueEmail } from '../support/app';

/** Expected wording per language for a malformed email at sign-up (the acceptance check). */
const INVALID_EMAIL: Record<string, { top: string; detail: string }> = {
  en: { top: 'The request is not valid; see the details.', detail: 'Email address: write an address like name@example.com.' },
  tr: { top: 'İstek geçerli değil; ayrıntılara bakın.', detail: 'E-posta adresi: ad@ornek.com.tr gibi bir adres yazın.' },
  ru: { top: 'Запрос содержит ошибки; см. подробности.', detail: 'Адрес электронной почты: укажите адрес вида name@example.ru.' },
  it: { top: 'La richiesta non è valida; vedi i dettagli.', detail: 'Indirizzo e-mail: scrivi un indirizzo come nome@esempio.it.' },
  es: { top: 'La solicitud no es válida; consulta los detalles.', detail: 'Correo electrónico: escribe una dirección como nombre@ejemplo.es.' },
};

function expectEnvelope(res: request.Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(Object.keys(res.body).sort()).toEqual(['error', 'requestId']);
  expect(Object.keys(res.body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.message.length).toBeGreaterThan(0);
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
}

describe('error envelope and languages (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '1048576' });
  });
  afterAll(async () => t?.close());

  it.each(Object.keys(INVALID_EMAIL))('answers a malformed email in %s', async (lang) => {
    const res = await request(t.http)
      .post('/v1/auth/signup')
      .set('Accept-Language', lang)
      .send({ email: 'not-an-email', password: 'long-enough-password', country: 'TR' });
    expectEnvelope(res, 400, 'COMMON_VALIDATION_FAILED');
    expect(res.headers['content-language']).toBe(lang);
    expect(res.headers.vary).toMatch(/Accept-Language/);
    expect(res.body.error.message).toBe(INVALID_EMAIL[lang].top);
    expect(res.body.error.details).toEqual([{ field: 'email', code: 'INVALID_EMAIL', message: INVALID_EMAIL[lang].detail }]);
  });

  it('picks the best supported language by q-value, honours ?lang= and falls back to English', async () => {
    const body = { email: 'x', password: 'long-enough-password', country: 'IT' };
    const byQ = await request(t.http).post('/v1/auth/signup').set('Accept-Language', 'de-DE;q=1, es;q=0.4, ru-RU;q=0.8').send(body);
    expect(byQ.headers['content-language']).toBe('ru');
    const byQuery = await request(t.http).post('/v1/auth/signup?lang=it').set('Accept-Language', 'ru').send(body);
    expect(byQuery.headers['content-language']).toBe('it');
    expect(byQuery.body.error.message).toBe(INVALID_EMAIL.it.top);
    const unsupported = await request(t.http).post('/v1/auth/signup').set('Accept-Language', 'de, fr;q=0.5').send(body);
    expect(unsupported.headers['content-language']).toBe('en');
    expect(unsupported.body.error.message).toBe(INVALID_EMAIL.en.top);
  });

  it('reports every field at once, with stable detail codes', async () => {
    const res = await request(t.http).post('/v1/auth/signup').send({ email: 42, password: 'short', country: 'XX', extra: true });
    expectEnvelope(res, 400, 'COMMON_VALIDATION_FAILED');
    const byField = Object.fromEntries(res.body.error.details.map((d: { field: string; code: string }) => [d.field, d.code]));
    expect(byField).toEqual({ email: 'WRONG_TYPE', password: 'TOO_SHORT', country: 'INVALID_COUNTRY', extra: 'UNKNOWN_FIELD' });
  });

  it('answers broken JSON with 400, never 500', async () => {
    const res = await request(t.http)
      .post('/v1/auth/signup')
      .set('Content-Type', 'application/json')
      .set('Accept-Language', 'es')
      .send('{"email": "a@b.c", ');
    expectEnvelope(res, 400, 'COMMON_MALFORMED_REQUEST');
    expect(res.body.error.message).toBe('No se pudo leer la solicitud: el cuerpo debe ser JSON bien formado.');
  });

  it('answers a JSON array or scalar body with one BODY_NOT_OBJECT detail', async () => {
    const res = await request(t.http).post('/v1/auth/signup').set('Content-Type', 'application/json').send('[1,2,3]');
    expectEnvelope(res, 400, 'COMMON_VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([{ field: '', code: 'BODY_NOT_OBJECT', message: 'The request body must be a JSON object.' }]);
  });

  it('treats a missing body as an empty object: each required field is reported, no partial record', async () => {
    const res = await request(t.http).post('/v1/auth/signup?lang=it');
    expectEnvelope(res, 400, 'COMMON_VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['email', 'password', 'country']));
    expect(res.body.error.details.every((d: { message: string }) => d.message.length > 0)).toBe(true);
  });

  it('answers a 2 MB body with 413', async () => {
    const res = await request(t.http)
      .post('/v1/auth/signup')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024), country: 'IT' }));
    expectEnvelope(res, 413, 'COMMON_PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toContain('1048576');
  });

  it('answers a text/plain body with 415', async () => {
    const res = await request(t.http).post('/v1/auth/signup').set('Content-Type', 'text/plain').set('Accept-Language', 'tr').send('email=a@b.co');
    expectEnvelope(res, 415, 'COMMON_UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.error.message).toBe('Desteklenmeyen içerik türü; application/json gönderin.');
  });

  it('answers a form-encoded body with 415 too', async () => {
    const res = await request(t.http).post('/v1/auth/login').type('form').send({ email: 'a@b.co', password: 'x' });
    expectEnvelope(res, 415, 'COMMON_UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown route with 404 in the envelope', async () => {
    const res = await request(t.http).get('/v1/no-such-thing').set('Accept-Language', 'ru');
    expectEnvelope(res, 404, 'COMMON_ROUTE_NOT_FOUND');
    expect(res.body.error.message).toBe('Такого адреса нет: GET /v1/no-such-thing.');
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const ok = await request(t.http).get('/v1/nowhere').set('X-Request-Id', 'trace-abc-123456');
    expect(ok.headers['x-request-id']).toBe('trace-abc-123456');
    expect(ok.body.requestId).toBe('trace-abc-123456');
    const bad = await request(t.http).get('/v1/nowhere').set('X-Request-Id', 'bad id with spaces');
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('renders an auth error in the ?lang= language', async () => {
    const res = await request(t.http).get('/v1/ops/sellers?lang=tr&foo=1');
    // auth comes first: unauthenticated, in Turkish
    expectEnvelope(res, 401, 'COMMON_UNAUTHENTICATED');
    expect(res.headers['content-language']).toBe('tr');
  });

  it('never writes a record for a rejected request', async () => {
    const email = uniqueEmail('rejected');
    await request(t.http).post('/v1/auth/signup').send({ email, password: 'long-enough-password', country: 'ZZ' });
    await request(t.http).post('/v1/auth/signup').send({ email, password: 'long-enough-password', country: 'IT', role: 'ops_admin' });
    const { rows } = await t.sql.query('SELECT count(*)::int AS n FROM accounts WHERE email_normalized = $1', [email]);
    expect(rows[0].n).toBe(0);
  });

  describe('hostile input is a 400, never a 500', () => {
    const rawJson = (path: string, body: string, lang = 'en') =>
      request(t.http).post(path).set('Content-Type', 'application/json').set('Accept-Language', lang).send(body);

    it('refuses a body nested thousands of levels deep before any parsing into DTOs', async () => {
      const deep = `{"email":"a@example.com","password":"long-enough-password","country":"IT","x":${'['.repeat(20000)}${']'.repeat(20000)}}`;
      const res = await rawJson('/v1/auth/signup', deep, 'it');
      expectEnvelope(res, 400, 'COMMON_VALIDATION_FAILED');
      expect(res.body.error.details).toEqual([
        { field: '', code: 'TOO_DEEP', message: 'Il corpo della richiesta è annidato troppo in profondità: sono ammessi al massimo 32 livelli.' },
      ]);
    });

    it('refuses NUL characters in values and keys (PostgreSQL cannot store them) and stores nothing', async () => {
      const email = uniqueEmail('nul');
      const res = await rawJson('/v1/auth/signup', JSON.stringify({ email, password: 'long-enough\u0000-password', country: 'IT' }), 'es');
      expectEnvelope(res, 400, 'COMMON_VALIDATION_FAILED');
      expect(res.body.error.details).toEqual([{ field: 'password', code: 'INVALID_CHARACTERS', message: 'El campo Contraseña contiene caracteres no permitidos.' }]);
      const key = await rawJson('/v1/auth/signup', JSON.stringify({ email, password: 'long-enough-password', country: 'IT', ['a\u0000b']: 1 }));
      expect(key.status).toBe(400);
      expect(key.body.error.details).toEqual([{ field: 'a\ufffdb', code: 'INVALID_CHARACTERS', message: 'a\ufffdb contains characters that are not allowed.' }]);
      const { rows } = await t.sql.query('SELECT count(*)::int AS n FROM accounts WHERE email_normalized = $1', [email]);
      expect(rows[0].n).toBe(0);
    });

    it('refuses prototype keys as unknown fields', async () => {
      const res = await rawJson('/v1/auth/signup', `{"email":"${uniqueEmail('proto')}","password":"long-enough-password","country":"IT","__proto__":{"role":"ops_admin"}}`);
      expectEnvelope(res, 400, 'COMMON_VALIDATION_FAILED');
      expect(res.body.error.details).toEqual([{ field: '__proto__', code: 'UNKNOWN_FIELD', message: '__proto__ is not an accepted field.' }]);
    });

    it('answers a URL with broken percent-encoding with its own code, not a JSON error', async () => {
      const res = await request(t.http).get('/v1/ops/kyc/cases/%E0%A4%A').set('Accept-Language', 'ru');
      expectEnvelope(res, 400, 'COMMON_MALFORMED_URL');
      expect(res.body.error.message).toBe('Не удалось прочитать URL запроса: в нём некорректное процентное кодирование.');
    });
  });

  it('publishes the error catalogue with messages in the caller language', async () => {
    const res = await request(t.http).get('/v1/errors').set('Accept-Language', 'it');
    expect(res.status).toBe(200);
    const taken = res.body.find((e: { code: string }) => e.code === 'AUTH_EMAIL_TAKEN');
    expect(taken).toEqual({
      code: 'AUTH_EMAIL_TAKEN',
      status: 409,
      description: expect.any(String),
      message: 'Esiste già un account con questo indirizzo email. Accedi.',
    });
  });
});
