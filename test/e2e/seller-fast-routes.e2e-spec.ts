import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { login, signup, startTestApp, TestApp } from '../support/app';
import { acceptedRegistration, uniqueItalianCompany } from '../support/registrations';

/*
 * PUT /v1/sellers/me/business and GET /v1/sellers/me are served ahead of Express (fast routes, for
 * bench/registration.mjs). A caller must not be able to tell: the same checks in the same order, the
 * same envelope, languages and headers as the Nest route that still answers the variants Express gets
 * (a trailing slash).
 */
describe('the seller routes served ahead of Express behave like the Nest routes (e2e)', () => {
  let t: TestApp;
  const ADMIN = { email: 'fast-routes-admin@example.com', password: 'a-long-enough-admin-passphrase' };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers the same as the Nest route, in the account language, with the same headers', async () => {
    const seller = await signup(t.http, { country: 'IT', locale: 'ru' });
    const body = uniqueItalianCompany();
    const fast = await request(t.http).put('/v1/sellers/me/business').set(bearer(seller.token!)).set('X-Request-Id', 'fast-route-req-1').send(body);
    expect(fast.status).toBe(200);
    expect(fast.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'content-language': 'ru', 'x-request-id': 'fast-route-req-1', vary: 'Accept-Language, Authorization' });
    const nest = await request(t.http).put('/v1/sellers/me/business/').set(bearer(seller.token!)).send(body);
    expect(nest.status).toBe(200);
    expect({ ...fast.body, checkedAt: undefined }).toEqual({ ...nest.body, checkedAt: undefined });
    expect(nest.headers['content-language']).toBe('ru');

    const me = await request(t.http).get('/v1/sellers/me').set(bearer(seller.token!));
    expect(me.status).toBe(200);
    expect(me.headers['content-language']).toBe('ru');
    expect(me.body).toMatchObject({ email: seller.payload.email, country: 'IT', locale: 'ru', status: 'onboarding' });
    expect(me.body).toEqual((await request(t.http).get('/v1/sellers/me/').set(bearer(seller.token!))).body);
    // an explicit language wins over the account's, on both routes
    const en = await request(t.http).get('/v1/sellers/me?lang=en').set(bearer(seller.token!));
    expect(en.headers['content-language']).toBe('en');
    expect(en.body.statusMessage).toBe((await request(t.http).get('/v1/sellers/me/?lang=en').set(bearer(seller.token!))).body.statusMessage);
    expect(en.body.statusMessage).not.toBe(me.body.statusMessage);
  });

  it('refuses in the same order as the Nest route: media type, JSON, token, role, characters, rules', async () => {
    const seller = await signup(t.http, { country: 'IT', locale: 'it' });
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    const both = async (send: (path: string) => request.Test) => {
      const [fast, nest] = [await send('/v1/sellers/me/business'), await send('/v1/sellers/me/business/')];
      expect({ status: fast.status, code: fast.body.error?.code, details: fast.body.error?.details, message: fast.body.error?.message, auth: fast.headers['www-authenticate'] }).toEqual({
        status: nest.status,
        code: nest.body.error?.code,
        details: nest.body.error?.details,
        message: nest.body.error?.message,
        auth: nest.headers['www-authenticate'],
      });
      expect(fast.body.requestId).toBe(fast.headers['x-request-id']);
      return fast;
    };
    // no token and a text body: the media type is refused first (415), then a broken JSON body (400), then the token (401)
    expect((await both((p) => request(t.http).put(p).set('Content-Type', 'text/plain').send('hello'))).status).toBe(415);
    expect((await both((p) => request(t.http).put(p).set('Content-Type', 'application/json').send('{"legalForm":'))).body.error.code).toBe('COMMON_MALFORMED_REQUEST');
    expect((await both((p) => request(t.http).put(p).set('Content-Type', 'application/json').send('"a string"'))).body.error.code).toBe('COMMON_MALFORMED_REQUEST');
    const anonymous = await both((p) => request(t.http).put(p).send(acceptedRegistration('IT', 'it.srl')));
    expect(anonymous.status).toBe(401);
    expect((await both((p) => request(t.http).put(p).set(bearer('ltg_not-a-real-token')).send({}))).status).toBe(401);
    // an ops account is not a seller
    expect((await both((p) => request(t.http).put(p).set(bearer(admin)).send(acceptedRegistration('IT', 'it.srl')))).status).toBe(403);
    // characters PostgreSQL cannot store, in the account's language (Italian)
    const nul = await both((p) => request(t.http).put(p).set(bearer(seller.token!)).send({ ...acceptedRegistration('IT', 'it.srl'), legalName: 'Pelle\u0000 S.r.l.' }));
    expect(nul.status).toBe(400);
    expect(nul.headers['content-language']).toBe('it');
    expect(nul.body.error.details).toEqual([expect.objectContaining({ field: 'legalName', code: 'INVALID_CHARACTERS' })]);
    // business rules (422), and an empty body lists what is missing
    expect((await both((p) => request(t.http).put(p).set(bearer(seller.token!)).send({}))).status).toBe(422);
    expect((await both((p) => request(t.http).put(p).set(bearer(seller.token!)).set('Content-Type', 'application/json').send(''))).status).toBe(422);
    // GET with no token
    const getMe = await request(t.http).get('/v1/sellers/me');
    expect(getMe.status).toBe(401);
    expect(getMe.body.error.code).toBe((await request(t.http).get('/v1/sellers/me/')).body.error.code);
    expect((await request(t.http).get('/v1/sellers/me').set(bearer(admin))).status).toBe(403);
  });

  it('a token revoked after a registration gets 401 from the next one, whatever the body, and nothing is written', async () => {
    const seller = await signup(t.http, { country: 'IT', locale: 'ru' });
    const body = uniqueItalianCompany();
    // this process now remembers the caller: the next PUT does not look the token up, its statement checks it
    await request(t.http).put('/v1/sellers/me/business').set(bearer(seller.token!)).send(body).expect(200);
    await request(t.http).post('/v1/auth/logout').set(bearer(seller.token!)).expect(204);
    const after = await request(t.http).put('/v1/sellers/me/business').set(bearer(seller.token!)).set('Accept-Language', 'es').send({ ...body, legalName: 'After Logout S.r.l.' });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('AUTH_TOKEN_INVALID');
    expect(after.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(after.headers['content-language']).toBe('es');
    for (const bad of [{}, { ...body, legalName: 'x\u0000' }]) {
      expect((await request(t.http).put('/v1/sellers/me/business').set(bearer(seller.token!)).send(bad)).status).toBe(401);
    }
    const again = await login(t.http, seller.payload.email, seller.payload.password);
    expect((await request(t.http).get('/v1/sellers/me/business').set(bearer(again)).expect(200)).body.legalName).toBe(body.legalName);
  });

  it('logs one line per request without the token or the body', async () => {
    const seller = await signup(t.http, { country: 'IT' });
    const before = t.logs.length;
    await request(t.http).put('/v1/sellers/me/business').set(bearer(seller.token!)).set('X-Request-Id', 'fast-route-log-1').send(uniqueItalianCompany()).expect(200);
    const lines = t.logs.slice(before).filter((l) => l.includes('fast-route-log-1'));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.some((l) => l.includes('request completed') && l.includes('/v1/sellers/me/business'))).toBe(true);
    for (const l of lines) {
      expect(l).not.toContain(seller.token!);
      expect(l).not.toContain('legalName');
    }
  });
});
