import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startStripeDouble, StripeDouble, StripeEventJson } from '../doubles/stripe-double';
import { signup, startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { uniqueItalianCompany } from '../support/registrations';

const SECRET = 'whsec_live_endpoint';

/** A deployment on a LIVE key: test-mode events must be parked, never applied. */
describe('payout events on a live-mode deployment (e2e)', () => {
  let stripe: StripeDouble;
  let t: TestApp;
  let token: string;
  let accountId: string;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });
  const deliver = (event: object) => {
    const { payload, header } = stripe.signWebhook(event as StripeEventJson, SECRET);
    return request(t.http).post('/v1/webhooks/stripe').set('Content-Type', 'application/json').set('Stripe-Signature', header).send(payload);
  };
  const settled = (id: string) =>
    eventually(
      async () => (await t.sql.query('SELECT status, outcome FROM webhook_inbox WHERE id = $1', [id])).rows[0],
      (r) => r && r.status !== 'received',
    );

  beforeAll(async () => {
    stripe = await startStripeDouble({ secretKey: 'sk_live_double' });
    t = await startTestApp({ WORKER_ENABLED: 'true', STRIPE_SECRET_KEY: 'sk_live_double', STRIPE_API_URL: stripe.url, STRIPE_WEBHOOK_SECRET: SECRET });
    ({ token } = (await signup(t.http, { country: 'IT', locale: 'es' })) as { token: string });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token)).send(uniqueItalianCompany()).expect(200);
    await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({}).expect(200);
    accountId = (await t.sql.query('SELECT stripe_account_id FROM payout_accounts')).rows[0].stripe_account_id;
  });
  afterAll(async () => {
    await t?.close();
    await stripe?.close();
  });

  const liveEvent = (type: string, object: Record<string, unknown>, livemode = true) => {
    const base = stripe.updateAccount(accountId, {});
    return { ...base, id: `${base.id}_${type.replace(/\W/g, '_')}`, type, livemode, account: accountId, data: { object } };
  };

  it('parks test-mode events arriving at a live endpoint', async () => {
    const event = { ...stripe.updateAccount(accountId, {}), livemode: false };
    event.id = `${event.id}_testmode`;
    expect((await deliver(event)).status).toBe(200);
    expect(await settled(event.id)).toEqual({ status: 'parked', outcome: 'test_mode_on_live' });
  });

  it('records a failed payout and tells the outbox', async () => {
    const event = liveEvent('payout.failed', { id: 'po_1', object: 'payout', amount: 12345, currency: 'eur', failure_code: 'account_closed', status: 'failed' });
    expect((await deliver(event)).status).toBe(200);
    expect(await settled(event.id)).toEqual({ status: 'processed', outcome: 'applied' });
    const row = (await t.sql.query('SELECT last_payout_failure FROM payout_accounts')).rows[0];
    expect(row.last_payout_failure).toBe('account_closed');
    const outbox = (await t.sql.query(`SELECT payload FROM outbox_events WHERE type = 'payouts.payout_failed'`)).rows;
    expect(outbox).toHaveLength(1);
    expect(outbox[0].payload).toMatchObject({ failureCode: 'account_closed', rail: 'stripe_connect' });
  });

  it('disconnects the seller when the platform is deauthorized, and nothing later reconnects it', async () => {
    const event = liveEvent('account.application.deauthorized', { id: 'ca_platform', object: 'application', name: 'local-to-global' });
    expect((await deliver(event)).status).toBe(200);
    expect(await settled(event.id)).toEqual({ status: 'processed', outcome: 'applied' });
    expect((await request(t.http).get('/v1/sellers/me/payouts').set(bearer(token))).body).toMatchObject({ status: 'disconnected', payoutsEnabled: false });

    // a later snapshot cannot leave `disconnected` (transition table): parked for ops, never applied
    const later = { ...stripe.updateAccount(accountId, { payouts_enabled: true }), livemode: true };
    await deliver(later);
    expect(await settled(later.id)).toEqual({ status: 'parked', outcome: 'illegal_transition' });
    expect((await request(t.http).get('/v1/sellers/me/payouts').set(bearer(token))).body.status).toBe('disconnected');
  });
});
