import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { login, signup, startTestApp, TestApp, uniqueEmail } from '../support/app';

const ADMIN = { email: 'root@ops.example.com', password: 'Bootstrap-Secret-77' };

describe('accounts and roles (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password,
      LOGIN_MAX_FAILURES: '3',
    });
  });
  afterAll(async () => t?.close());

  it('signs a seller up, logs in and returns the seller from /v1/sellers/me', async () => {
    const { res, payload } = await signup(t.http, { email: 'Giulia.Rossi@Example.IT', country: 'it', locale: 'it' });
    expect(res.status).toBe(201);
    expect(res.body.seller).toMatchObject({ email: 'Giulia.Rossi@Example.IT', country: 'IT', locale: 'it', status: 'onboarding' });
    expect(res.body.session.accessToken).toMatch(/^ltg_at_/);

    const token = await login(t.http, 'giulia.rossi@example.it', payload.password);
    const me = await request(t.http).get('/v1/sellers/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.seller);
    // no Accept-Language: the account's preferred language is used
    expect(me.headers['content-language']).toBe('it');
    // nor does `Accept-Language: *` (fetch's default): "any language" is no choice
    const any = await request(t.http).get('/v1/sellers/me').set('Authorization', `Bearer ${token}`).set('Accept-Language', '*');
    expect(any.headers['content-language']).toBe('it');
    const chosen = await request(t.http).get('/v1/sellers/me').set('Authorization', `Bearer ${token}`).set('Accept-Language', 'es, *;q=0.1');
    expect(chosen.headers['content-language']).toBe('es');

    const { rows } = await t.sql.query('SELECT password_hash FROM accounts WHERE email_normalized = $1', ['giulia.rossi@example.it']);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(payload.password);
  });

  it('tells any signed-in principal who it is at /v1/auth/me, and refuses anyone else in their language', async () => {
    const { res, payload } = await signup(t.http, { email: uniqueEmail('Kemal'), country: 'TR', locale: 'tr' });
    const seller = await request(t.http).get('/v1/auth/me').set('Authorization', `Bearer ${res.body.session.accessToken}`);
    expect(seller.status).toBe(200);
    expect(seller.body).toEqual({ accountId: expect.any(String), email: payload.email, role: 'seller', locale: 'tr' });
    expect(seller.body.accountId).toBe(
      (await t.sql.query('SELECT id FROM accounts WHERE email_normalized = $1', [payload.email.toLowerCase()])).rows[0].id,
    );

    const adminToken = await login(t.http, ADMIN.email, ADMIN.password);
    const admin = await request(t.http).get('/v1/auth/me').set('Authorization', `Bearer ${adminToken}`);
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({ email: ADMIN.email, role: 'ops_admin' });

    const anonymous = await request(t.http).get('/v1/auth/me').set('Accept-Language', 'tr');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('COMMON_UNAUTHENTICATED');
    const revoked = await request(t.http).get('/v1/auth/me').set('Authorization', 'Bearer ltg_at_not-a-token').set('Accept-Language', 'ru');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('AUTH_TOKEN_INVALID');
    expect(revoked.body.error.message).toMatch(/[А-Яа-яЁё]/);
  });

  it('treats emails case-insensitively and answers a duplicate with 409', async () => {
    const email = uniqueEmail('Case');
    expect((await signup(t.http, { email })).res.status).toBe(201);
    const dup = await signup(t.http, { email: `  ${email.toUpperCase()} ` });
    expect(dup.res.status).toBe(409);
    expect(dup.res.body.error.code).toBe('AUTH_EMAIL_TAKEN');
  });

  it('creates exactly one account when the same email signs up concurrently', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(Array.from({ length: 6 }, () => signup(t.http, { email })));
    const statuses = results.map((r) => r.res.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const { rows } = await t.sql.query(
      'SELECT count(*)::int AS n FROM accounts a JOIN sellers s ON s.account_id = a.id WHERE a.email_normalized = $1',
      [email.toLowerCase()],
    );
    expect(rows[0].n).toBe(1);
  });

  it('leaves no partial record when sign-up fails a business rule', async () => {
    const email = uniqueEmail('weakling');
    const res = await request(t.http)
      .post('/v1/auth/signup')
      .send({ email, password: `${email.split('@')[0]}-123`, country: 'ES' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('AUTH_WEAK_PASSWORD');
    const { rows } = await t.sql.query('SELECT count(*)::int AS n FROM accounts WHERE email_normalized = $1', [email.toLowerCase()]);
    expect(rows[0].n).toBe(0);
  });

  it('does not reveal whether an email exists when a login fails', async () => {
    const { payload } = await signup(t.http);
    const wrongPassword = await request(t.http).post('/v1/auth/login').send({ email: payload.email, password: 'not-the-password' });
    const unknownEmail = await request(t.http).post('/v1/auth/login').send({ email: uniqueEmail('ghost'), password: 'not-the-password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.error).toEqual(unknownEmail.body.error);
  });

  it('throttles repeated failures per email with 429 and Retry-After, even for the right password', async () => {
    const { payload } = await signup(t.http);
    for (let i = 0; i < 3; i++) {
      const r = await request(t.http).post('/v1/auth/login').send({ email: payload.email, password: 'wrong-password' });
      expect(r.status).toBe(401);
    }
    const blocked = await request(t.http).post('/v1/auth/login').send({ email: payload.email, password: payload.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // an unknown email is throttled the same way
    const ghost = uniqueEmail('ghost');
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await request(t.http).post('/v1/auth/login').send({ email: ghost, password: 'whatever-1' })).status);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('revokes the token on logout', async () => {
    const { token } = await signup(t.http);
    expect((await request(t.http).post('/v1/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(204);
    const after = await request(t.http).get('/v1/sellers/me').set('Authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('requires a token on every non-public route', async () => {
    const none = await request(t.http).get('/v1/sellers/me');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('COMMON_UNAUTHENTICATED');
    const forged = await request(t.http).get('/v1/sellers/me').set('Authorization', 'Bearer ltg_at_forged');
    expect(forged.status).toBe(401);
  });

  it('lets the bootstrap ops_admin call ops routes that a seller gets 403 on', async () => {
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    const { token: seller } = await signup(t.http);

    const asAdmin = await request(t.http).get('/v1/ops/sellers').set('Authorization', `Bearer ${admin}`);
    expect(asAdmin.status).toBe(200);
    expect(Array.isArray(asAdmin.body)).toBe(true);
    const asSeller = await request(t.http).get('/v1/ops/sellers').set('Authorization', `Bearer ${seller}`);
    expect(asSeller.status).toBe(403);
    expect(asSeller.body.error.code).toBe('COMMON_FORBIDDEN');
    // and an ops account is not a seller
    expect((await request(t.http).get('/v1/sellers/me').set('Authorization', `Bearer ${admin}`)).status).toBe(403);
  });

  it('lets an ops_admin create an ops_reviewer, audited; a reviewer cannot create accounts', async () => {
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    const email = uniqueEmail('reviewer');
    const created = await request(t.http)
      .post('/v1/ops/accounts')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email, password: 'Reviewer-Password-1', role: 'ops_reviewer' });
    expect(created.status).toBe(201);
    expect(created.body.role).toBe('ops_reviewer');

    const audit = await request(t.http)
      .get(`/v1/ops/audit?targetId=${created.body.id}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(audit.status).toBe(200);
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ action: 'account.created', actorRole: 'ops_admin', targetType: 'account' });
    expect(JSON.stringify(audit.body)).not.toContain('Reviewer-Password-1');

    const reviewer = await login(t.http, email, 'Reviewer-Password-1');
    const denied = await request(t.http)
      .post('/v1/ops/accounts')
      .set('Authorization', `Bearer ${reviewer}`)
      .send({ email: uniqueEmail('x'), password: 'Another-Password-2', role: 'ops_admin' });
    expect(denied.status).toBe(403);
    expect((await request(t.http).get('/v1/ops/audit').set('Authorization', `Bearer ${reviewer}`)).status).toBe(200);
    // a NUL in a query value is a localised 400 on the field, not a database error
    const nul = await request(t.http).get('/v1/ops/audit?targetId=a%00b&lang=tr').set('Authorization', `Bearer ${reviewer}`);
    expect(nul.status).toBe(400);
    expect(nul.body.error.details).toEqual([{ field: 'targetId', code: 'INVALID_CHARACTERS', message: 'targetId izin verilmeyen karakterler içeriyor.' }]);
  });

  it('creates the bootstrap admin once, however often the service boots', async () => {
    const again = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email.toUpperCase(), BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password }, t.db);
    await again.close();
    const { rows } = await t.sql.query("SELECT count(*)::int AS n FROM accounts WHERE role = 'ops_admin'");
    expect(rows[0].n).toBe(1);
    const audit = await t.sql.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'account.created' AND actor_role = 'system'");
    expect(audit.rows[0].n).toBe(1);
  });
});
