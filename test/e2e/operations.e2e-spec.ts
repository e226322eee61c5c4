import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA, METHOD_METADATA, VERSION_METADATA } from '@nestjs/common/constants.js';
import request from 'supertest';
import { login, startTestApp, TestApp, uniqueEmail } from '../support/app';

describe('operations (e2e)', () => {
  let t: TestApp;
  const secrets = {
    password: 'Very-Secret-Passphrase-913',
    adminPassword: 'Admin-Secret-Passphrase-441',
    taxId: '7707083893',
    iban: 'IT60X0542811101000000123456',
  };

  beforeAll(async () => {
    t = await startTestApp({
      LOG_LEVEL: 'trace',
      BOOTSTRAP_OPS_ADMIN_EMAIL: 'ops.root@example.com',
      BOOTSTRAP_OPS_ADMIN_PASSWORD: secrets.adminPassword,
    });
  });
  afterAll(async () => t?.close());

  it('answers liveness and readiness', async () => {
    expect((await request(t.http).get('/health')).body).toEqual({ status: 'ok' });
    const ready = await request(t.http).get('/health/ready');
    expect(ready.status).toBe(200);
    // a deployment without a sanctions list says so (screening clears nobody until one is loaded)
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', screeningLists: 'none_loaded' } });
  });

  it('serves Swagger UI and an OpenAPI 3 document covering every route with its errors', async () => {
    const ui = await request(t.http).get('/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const doc = (await request(t.http).get('/docs-json')).body;
    expect(doc.openapi).toMatch(/^3\./);

    // every route Nest maps must be in the document
    const discovery = t.app.get(DiscoveryService);
    const scanner = t.app.get(MetadataScanner);
    const reflector = t.app.get(Reflector);
    const routes: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const base = String(reflector.get(PATH_METADATA, metatype) ?? '');
      const version = reflector.get(VERSION_METADATA, metatype) as string | symbol | undefined;
      const prefix = typeof version === 'string' ? `/v${version}` : '';
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = instance[name as keyof typeof instance];
        const path = Reflect.getMetadata(PATH_METADATA, handler as object) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler as object) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const full = `${prefix}/${base}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
        routes.push(`${RequestMethod[method].toLowerCase()} ${full}`);
      }
    }
    expect(routes.length).toBeGreaterThanOrEqual(10);
    // every operation documents what success looks like, not only its errors
    const withoutSuccess = routes.filter((route) => {
      const [method, path] = route.split(' ');
      const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method];
      return op && !Object.keys(op.responses).some((s) => /^[23]\d\d$/.test(s));
    });
    expect(withoutSuccess).toEqual([]);
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method];
      expect({ route, documented: Boolean(op) }).toEqual({ route, documented: true });
      const errorStatuses = Object.keys(op.responses).filter((s) => Number(s) >= 400);
      expect({ route, hasErrors: errorStatuses.length > 0 }).toEqual({ route, hasErrors: true });
      for (const s of errorStatuses) {
        expect(op.responses[s].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorEnvelopeDto');
      }
    }
    // a body is required exactly when its schema has required fields (no body is read as {})
    expect(doc.paths['/v1/sellers/me/payouts'].post.requestBody.required).toBe(false);
    expect(doc.paths['/v1/auth/signup'].post.requestBody.required).toBe(true);
  });

  it('keeps passwords, tokens, tax IDs and IBANs out of the logs', async () => {
    const email = uniqueEmail('logscan');
    const signup = await request(t.http).post('/v1/auth/signup').send({ email, password: secrets.password, country: 'RU' });
    expect(signup.status).toBe(201);
    const token = signup.body.session.accessToken as string;
    await request(t.http).get('/v1/sellers/me').set('Authorization', `Bearer ${token}`).expect(200);
    await request(t.http).get(`/v1/sellers/me?inn=${secrets.taxId}`).set('Authorization', `Bearer ${token}`);
    await request(t.http).post('/v1/auth/login').send({ email, password: `${secrets.password}-wrong` }).expect(401);
    // secrets inside rejected bodies (unknown fields, broken JSON) and in headers
    await request(t.http).post('/v1/auth/signup').send({ email, password: secrets.password, country: 'RU', inn: secrets.taxId, iban: secrets.iban }).expect(400);
    await request(t.http).post('/v1/auth/login').set('Content-Type', 'application/json').send(`{"email":"${email}","password":"${secrets.password}"`).expect(400);
    await request(t.http).get('/v1/nowhere').set('Cookie', `session=${token}`).set('Stripe-Signature', `t=1,v1=${secrets.taxId}`).expect(404);
    const admin = await login(t.http, 'ops.root@example.com', secrets.adminPassword);
    await request(t.http).get('/v1/ops/accounts').set('Authorization', `Bearer ${admin}`).expect(200);
    // a duplicate that trips a unique constraint in the database
    await request(t.http).post('/v1/auth/signup').send({ email, password: secrets.password, country: 'RU' }).expect(409);

    const text = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(10);
    expect(text).toContain('"statusCode":409'); // the requests really were logged
    for (const secret of [secrets.password, secrets.adminPassword, secrets.taxId, secrets.iban, token, admin, token.slice(7, 30)]) {
      expect({ secret, leaked: text.includes(secret) }).toEqual({ secret, leaked: false });
    }
    // every request log line carries its request id
    const requestLines = t.logs.map((l) => JSON.parse(l)).filter((l) => l.req);
    expect(requestLines.length).toBeGreaterThan(5);
    for (const line of requestLines) expect(line.req.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
