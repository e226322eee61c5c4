import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ReconcileEventsJob } from '@app/payments';
import { accountPatches, startStripeDouble, StripeDouble, StripeEventJson } from '../doubles/stripe-double';
import { login, signup, startTestApp, TestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { passKyc } from '../support/kyc';
import { uniqueItalianCompany } from '../support/registrations';

const ADMIN = { email: 'processes.admin@ops.example.com', password: 'Processes-Admin-Pass-1' };

const SECRET = 'whsec_two_processes';

describe('webhooks across several API and worker processes (e2e)', () => {
  let stripe: StripeDouble;
  let db: TestDatabase;
  let apiA: TestApp;
  let apiB: TestApp;
  let token: string;
  let accountId: string;
  const env = () => ({ STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_API_URL: stripe.url, STRIPE_WEBHOOK_SECRET: SECRET, JOB_RETRY_DELAY_SECONDS: '0' });
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
  const deliver = (app: TestApp, event: StripeEventJson) => {
    const { payload, header } = stripe.signWebhook(event, SECRET);
    return request(app.http).post('/v1/webhooks/stripe').set('Content-Type', 'application/json').set('Stripe-Signature', header).send(payload);
  };
  const statuses = async (ids: string[]) =>
    (await apiA.sql.query('SELECT id, status, outcome FROM webhook_inbox WHERE id = ANY($1) ORDER BY id', [ids])).rows as { id: string; status: string; outcome: string }[];

  beforeAll(async () => {
    stripe = await startStripeDouble();
    db = await createTestDatabase();
    // two API processes, no worker anywhere yet
    apiA = await startTestApp({ ...env(), WORKER_ENABLED: 'false', BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password }, db);
    apiB = await startTestApp({ ...env(), WORKER_ENABLED: 'false' }, db);
    ({ token } = (await signup(apiA.http, { country: 'IT' })) as { token: string });
    await request(apiA.http).put('/v1/sellers/me/business').set(bearer(token)).send(uniqueItalianCompany()).expect(200);
    // payouts follow KYC: the seller is verified, so the Stripe account alone decides below
    await passKyc(apiA.http, token, await login(apiA.http, ADMIN.email, ADMIN.password), 'IT');
    await request(apiB.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({}).expect(200);
    accountId = (await apiA.sql.query('SELECT stripe_account_id FROM payout_accounts')).rows[0].stripe_account_id;
  });
  afterAll(async () => {
    await apiA?.close();
    await apiB?.close();
    await db?.drop();
    await stripe?.close();
  });

  it('stores the same event sent 50 times in parallel to two API processes once, and applies it once when a worker comes up', async () => {
    const event = stripe.updateAccount(accountId, accountPatches.verified(stripe.accounts.get(accountId)!.account));
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => deliver(i % 2 ? apiA : apiB, event)));
    expect(responses.map((r) => r.status).every((s) => s === 200)).toBe(true);
    expect(responses.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    expect(await statuses([event.id])).toEqual([{ id: event.id, status: 'received', outcome: null }]);

    // more events arrive while no worker runs: they wait, acknowledged, in the inbox
    const later = [1, 2, 3].map((n) => stripe.updateAccount(accountId, { metadata: { touch: String(n) } }));
    for (const e of later) expect((await deliver(apiA, e)).status).toBe(200);

    // two worker processes start and drain the inbox
    const workers = [await startTestApp({ ...env(), WORKER_ENABLED: 'true' }, db), await startTestApp({ ...env(), WORKER_ENABLED: 'true' }, db)];
    try {
      const ids = [event.id, ...later.map((e) => e.id)];
      const done = await eventually(() => statuses(ids), (rows) => rows.every((r) => r.status !== 'received'), 30000);
      expect(done.map((r) => r.status)).toEqual(['processed', 'processed', 'processed', 'processed']);
      const effects = await apiA.sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'payouts.status_changed' AND payload->>'to' = 'enabled'`);
      expect(effects.rows[0].n).toBe(1);
      expect((await request(apiB.http).get('/v1/sellers/me/payouts').set(bearer(token))).body.status).toBe('enabled');

      // an event Stripe created but never delivered is found by reconciliation and applied once
      const missed = stripe.updateAccount(accountId, accountPatches.restricted(stripe.accounts.get(accountId)!.account, ['company.tax_id']));
      await workers[0].app.get(ReconcileEventsJob).handle();
      await workers[1].app.get(ReconcileEventsJob).handle();
      expect(await eventually(() => statuses([missed.id]), (rows) => rows[0]?.status === 'processed')).toEqual([{ id: missed.id, status: 'processed', outcome: 'applied' }]);
      expect((await request(apiA.http).get('/v1/sellers/me/payouts').set(bearer(token))).body).toMatchObject({ status: 'restricted', payoutsEnabled: false });
      const total = await apiA.sql.query('SELECT count(*)::int AS n FROM webhook_inbox WHERE id = $1', [missed.id]);
      expect(total.rows[0].n).toBe(1);
    } finally {
      for (const w of workers) await w.close();
    }
  }, 90000);

  it('re-processes exactly once an event whose worker died mid-transaction', async () => {
    const worker = await startTestApp({ ...env(), WORKER_ENABLED: 'true' }, db);
    let survivor: TestApp | undefined;
    try {
      // a capability event makes the worker re-read the account from Stripe: slow it down
      const base = stripe.updateAccount(accountId, accountPatches.verified(stripe.accounts.get(accountId)!.account));
      const event = { ...base, id: `${base.id}_dies`, type: 'capability.updated', data: { object: { id: 'transfers', object: 'capability', account: accountId, status: 'active' } } } as unknown as StripeEventJson;
      stripe.delay(`GET /v1/accounts/${accountId}`, 4000);
      const before = (await apiA.sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'payouts.status_changed'`)).rows[0].n;
      expect((await deliver(apiA, event)).status).toBe(200);

      // wait until the worker holds the row lock inside its transaction, then kill its connection
      const victim = await eventually(
        async () => (await apiA.sql.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction' AND application_name = 'local-to-global:api'`)).rows,
        (rows) => rows.length > 0,
        10000,
      );
      expect(victim.length).toBeGreaterThan(0);
      for (const { pid } of victim) await apiA.sql.query('SELECT pg_terminate_backend($1)', [pid]);
      await worker.close();
      stripe.delay(`GET /v1/accounts/${accountId}`, 0);

      // PostgreSQL rolled the dead transaction back: the row is free for the next worker
      survivor = await startTestApp({ ...env(), WORKER_ENABLED: 'true' }, db);
      const row = await eventually(() => statuses([event.id]), (rows) => rows[0]?.status === 'processed', 20000);
      expect(row).toEqual([{ id: event.id, status: 'processed', outcome: 'applied' }]);
      const after = (await apiA.sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'payouts.status_changed'`)).rows[0].n;
      expect(after - before).toBe(1);
      expect((await request(apiB.http).get('/v1/sellers/me/payouts').set(bearer(token))).body.status).toBe('enabled');
    } finally {
      stripe.delay(`GET /v1/accounts/${accountId}`, 0);
      await survivor?.close();
    }
  }, 60000);
});
