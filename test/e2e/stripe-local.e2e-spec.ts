import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import request from 'supertest';
import { signup, startTestApp, TestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { uniqueItalianCompany } from '../support/registrations';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/**
 * The whole Stripe path offline, as README tells a developer to try it: the same Italian seller
 * reads "not configured" on a box without keys, then — with `npm run stripe:local` running and its
 * printed settings — gets a hosted onboarding link, completes the (local) hosted page, is sent
 * back to the return URL, and the forwarded signed webhook enables the rail.
 */
describe('npm run stripe:local: the Stripe path offline (e2e)', () => {
  let db: TestDatabase;
  let script: ChildProcess | undefined;
  let app: TestApp | undefined;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await app?.close();
    script?.kill('SIGTERM');
    await db?.drop();
  });

  it('an IT seller reads "not configured" without keys, and with the local double gets a hosted link, a return and an enabled rail', async () => {
    const bare = await startTestApp({}, db);
    const { token } = await signup(bare.http, { country: 'IT', locale: 'it' });
    await request(bare.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueItalianCompany()).expect(200);
    const before = (await request(bare.http).get('/v1/sellers/me/payouts').set(bearer(token!))).body;
    expect(before).toMatchObject({ rail: 'stripe_connect', railConfigured: false, status: 'unavailable', blockingReason: { code: 'PAYOUT_RAIL_NOT_CONFIGURED' } });
    await bare.close();

    const port = await freePort();
    script = spawn(process.execPath, ['scripts/stripe-local.mjs'], {
      env: { ...process.env, STRIPE_LOCAL_PORT: '0', STRIPE_LOCAL_FORWARD_TO: `http://127.0.0.1:${port}/v1/webhooks/stripe` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    script.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    script.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const printed = await eventually(
      async () => out,
      (o) => o.includes('Ctrl-C'),
      60_000,
    );
    const settings = Object.fromEntries([...printed.matchAll(/^ {2}export ([A-Z_]+)=(\S+)/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(settings)).toEqual(expect.arrayContaining(['STRIPE_SECRET_KEY', 'STRIPE_API_URL', 'STRIPE_WEBHOOK_SECRET']));

    app = await startTestApp({ ...settings, SELLER_APP_URL: `http://127.0.0.1:${port}`, WORKER_ENABLED: 'true' }, db);
    await app.app.listen(port, '127.0.0.1');
    expect((await request(app.http).get('/v1/sellers/me/payouts').set(bearer(token!))).body).toMatchObject({ rail: 'stripe_connect', railConfigured: true, nextAction: { code: 'start_onboarding' } });
    const link = await request(app.http).post('/v1/sellers/me/payouts/onboarding-link').set(bearer(token!));
    expect(link.status).toBe(200);
    expect(link.body.url.startsWith(`${settings.STRIPE_API_URL}/hosted/onboarding/acct_`)).toBe(true);

    const page = await fetch(link.body.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Complete onboarding');
    const done = await fetch(link.body.url, { method: 'POST', redirect: 'manual' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`http://127.0.0.1:${port}/payouts/return`);

    const after = await eventually(
      async () => (await request(app!.http).get('/v1/sellers/me/payouts').set(bearer(token!))).body,
      (v) => v.railStatus === 'enabled',
      20_000,
    );
    // the rail is ready; payouts wait for the seller's own verification
    expect(after).toMatchObject({ rail: 'stripe_connect', railStatus: 'enabled', status: 'on_hold', nextAction: { code: 'complete_verification' } });
  });
});
