import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { MAX_WEBHOOK_ATTEMPTS } from '@app/jobs';
import { accountPatches, startStripeDouble, StripeDouble, StripeEventJson } from '../doubles/stripe-double';
import { login, signup, startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { passKyc } from '../support/kyc';
import { acceptedRegistration, uniqueItalianCompany } from '../support/registrations';

const SECRET_OLD = 'whsec_rotated_out_secret';
const ADMIN = { email: 'payouts.admin@ops.example.com', password: 'Payouts-Admin-Pass-1' };
const SECRET_NEW = 'whsec_current_secret';

describe('payouts: Stripe Connect and webhooks (e2e, offline against a Stripe double)', () => {
  let stripe: StripeDouble;
  let t: TestApp;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    stripe = await startStripeDouble();
    t = await startTestApp({
      WORKER_ENABLED: 'true',
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_API_URL: stripe.url,
      STRIPE_WEBHOOK_SECRET: `${SECRET_NEW},${SECRET_OLD}`,
      JOB_RETRY_DELAY_SECONDS: '0',
      BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password,
    });
  });
  afterAll(async () => {
    await t?.close();
    await stripe?.close();
  });

  async function seller(country: string, legalForm?: string, locale = 'en') {
    const { token } = await signup(t.http, { country, locale });
    const registration = country === 'IT' ? uniqueItalianCompany() : acceptedRegistration(country, legalForm);
    const profile = await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(registration);
    expect(profile.status).toBe(200);
    return token!;
  }

  const deliver = (event: StripeEventJson, secret = SECRET_NEW, timestamp?: number) => {
    const { payload, header } = stripe.signWebhook(event, secret, timestamp);
    return request(t.http).post('/v1/webhooks/stripe').set('Content-Type', 'application/json').set('Stripe-Signature', header).send(payload);
  };

  const opsAdmin = () => login(t.http, ADMIN.email, ADMIN.password);
  const inboxCount = async () => Number((await t.sql.query('SELECT count(*) AS n FROM webhook_inbox')).rows[0].n);
  const payoutStatus = (token: string) => request(t.http).get('/v1/sellers/me/payouts').set(bearer(token)).then((r) => r.body);
  const processed = (eventId: string) =>
    eventually(
      async () => (await t.sql.query('SELECT status, outcome FROM webhook_inbox WHERE id = $1', [eventId])).rows[0],
      (row) => row && row.status !== 'received',
    );

  it('gives an Italian S.r.l. a connected account, an onboarding link and an Italian checklist; newer snapshots win', async () => {
    const token = await seller('IT', 'it.srl', 'it');
    const before = await payoutStatus(token);
    expect(before).toMatchObject({ country: 'IT', rail: 'stripe_connect', status: 'not_started', checklist: [] });

    // every field is optional: no body at all is fine
    const started = await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token));
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ rail: 'stripe_connect', status: 'action_required', currency: 'EUR' });
    const [account] = [...stripe.accounts.values()].filter((a) => a.account.country === 'IT');
    expect(account.account).toMatchObject({ country: 'IT', business_type: 'company' });
    expect(account.params).toMatchObject({ capabilities: { transfers: { requested: 'true' } }, controller: { requirement_collection: 'stripe' } });
    // IT is the platform's country (STRIPE_PLATFORM_COUNTRY default): a full account, not a recipient
    expect(account.params).not.toHaveProperty('tos_acceptance');
    const createCall = stripe.requests.find((r) => r.method === 'POST' && r.path === '/v1/accounts');
    expect(createCall?.headers['stripe-version']).toBe('2026-10-28.endive');
    expect(createCall?.idempotencyKey).toMatch(/^ltg-connect-account-/);

    const link = await request(t.http).post('/v1/sellers/me/payouts/onboarding-link').set(bearer(token));
    expect(link.status).toBe(200);
    expect(link.body.url).toMatch(/^https:\/\/connect\.stripe\.com\//);

    const id = account.account.id;
    const needsBank = stripe.updateAccount(id, { details_submitted: true, requirements: { currently_due: ['external_account'], eventually_due: ['external_account'], past_due: [], pending_verification: [], disabled_reason: null } });
    const verified = stripe.updateAccount(id, accountPatches.verified(stripe.accounts.get(id)!.account));
    expect(needsBank.created).toBeLessThan(verified.created);

    expect((await deliver(needsBank)).status).toBe(200);
    await processed(needsBank.id);
    const checklist = await payoutStatus(token);
    expect(checklist.status).toBe('action_required');
    expect(checklist.checklist).toEqual([
      { task: 'bank_account', due: 'currently_due', requirements: ['external_account'], errors: [], message: 'Aggiungi un conto bancario per i pagamenti.' },
    ]);

    await deliver(verified);
    await processed(verified.id);
    // Stripe is ready, the seller's identity verification is not: payouts stay on hold (payout gate)
    expect(await payoutStatus(token)).toMatchObject({ status: 'on_hold', railStatus: 'enabled', payoutsEnabled: false, blockingReason: { code: 'KYC_NOT_STARTED', message: 'Completa la verifica dell’identità per ricevere i pagamenti.' } });
    await passKyc(t.http, token, await opsAdmin(), 'IT');
    expect(await payoutStatus(token)).toMatchObject({ status: 'enabled', payoutsEnabled: true, checklist: [] });

    // the older snapshot, delivered again (a duplicate) and as a late first delivery of a copy, changes nothing
    expect((await deliver(needsBank)).body).toEqual({ received: true, duplicate: true });
    const lateCopy = { ...needsBank, id: `${needsBank.id}_late` };
    expect((await deliver(lateCopy)).body).toEqual({ received: true, duplicate: false });
    expect(await processed(lateCopy.id)).toEqual({ status: 'processed', outcome: 'stale' });
    expect((await payoutStatus(token)).status).toBe('enabled');
    // an older snapshot stamped with the SAME second as the newest one: Stripe's current state decides
    const accountGets = () => stripe.requests.filter((r) => r.method === 'GET' && r.path === `/v1/accounts/${id}`).length;
    const getsBefore = accountGets();
    const sameSecond = { ...needsBank, id: `${needsBank.id}_same_second`, created: verified.created };
    expect((await deliver(sameSecond)).body).toEqual({ received: true, duplicate: false });
    expect(await processed(sameSecond.id)).toEqual({ status: 'processed', outcome: 'applied' });
    expect(accountGets()).toBe(getsBefore + 1);
    expect(await payoutStatus(token)).toMatchObject({ status: 'enabled', payoutsEnabled: true });

    // each status change wrote one outbox event, delivered by the worker
    const outbox = await eventually(
      async () => (await t.sql.query(`SELECT payload, delivered_at FROM outbox_events WHERE type = 'payouts.status_changed' ORDER BY occurred_at`)).rows,
      (rows) => rows.length >= 2 && rows.every((r) => r.delivered_at),
    );
    expect(outbox.map((r) => `${r.payload.from}->${r.payload.to}`)).toEqual(expect.arrayContaining(['not_started->action_required', 'action_required->enabled']));
    expect(outbox.every((r) => r.delivered_at)).toBe(true);
  });

  it('gives a cross-border seller (ES, platform in IT) a transfers-only account under the recipient agreement', async () => {
    const { token } = await signup(t.http, { country: 'ES' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(acceptedRegistration('ES', 'es.sl')).expect(200);
    const before = new Set(stripe.accounts.keys());
    expect((await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token!)).send({})).status).toBe(200);
    const created = [...stripe.accounts.values()].find((a) => !before.has(a.account.id))!;
    expect(created.account.country).toBe('ES');
    expect(created.params).toMatchObject({ tos_acceptance: { service_agreement: 'recipient' }, capabilities: { transfers: { requested: 'true' } } });
    expect(created.params).not.toHaveProperty('capabilities.card_payments');
  });

  it('creates one connected account however many times the seller clicks at once', async () => {
    const token = await seller('IT', 'it.srl');
    const before = stripe.accounts.size;
    const results = await Promise.all(Array.from({ length: 5 }, () => request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({})));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(stripe.accounts.size).toBe(before + 1);
  });

  it('creates one connected account even when Stripe created it but our side never saw the answer', async () => {
    const token = await seller('IT', 'it.srl');
    const before = stripe.accounts.size;
    // Stripe executes the create, but every answer (including the SDK's own retries) is lost
    stripe.failNext('POST /v1/accounts', 500, 3, { afterExecute: true });
    const lost = await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({});
    expect(lost.status).toBe(503);
    expect(lost.body.error.code).toBe('PAYOUT_PROCESSOR_UNAVAILABLE');
    expect(stripe.accounts.size).toBe(before + 1);

    const retry = await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({});
    expect(retry.status).toBe(200);
    expect(stripe.accounts.size).toBe(before + 1);
    const replayed = stripe.requests.filter((r) => r.path === '/v1/accounts' && r.method === 'POST' && r.replayed);
    expect(replayed.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a payout currency the country does not allow before calling Stripe', async () => {
    const token = await seller('IT', 'it.srl');
    const calls = stripe.requests.length;
    const res = await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).set('Accept-Language', 'it').send({ currency: 'USD' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PAYOUT_CURRENCY_NOT_ALLOWED');
    expect(res.body.error.message).toBe('I pagamenti in USD non sono possibili per i venditori con sede in Italia; scegli tra: EUR.');
    expect(stripe.requests.length).toBe(calls);
  });

  it('offers a Turkish seller bank transfer and gives a Russian one a clear localised refusal', async () => {
    const tr = await seller('TR', 'tr.ltd', 'tr');
    expect(await payoutStatus(tr)).toMatchObject({ rail: 'bank_transfer', status: 'not_started' });
    const started = await request(t.http).post('/v1/sellers/me/payouts').set(bearer(tr)).send({});
    expect(started.body).toMatchObject({ rail: 'bank_transfer', status: 'action_required', currency: 'TRY' });
    expect(started.body.checklist[0]).toMatchObject({ task: 'bank_account', message: 'Ödemeler için bir banka hesabı ekleyin.' });

    const ru = await seller('RU', 'ru.ooo', 'ru');
    const view = await payoutStatus(ru);
    expect(view).toMatchObject({ rail: null, status: 'unavailable', unavailable: { reason: 'SANCTIONS_POLICY' } });
    expect(view.unavailable.message).toMatch(/санкц/i);
    const refused = await request(t.http).post('/v1/sellers/me/payouts').set(bearer(ru)).send({});
    expect(refused.status).toBe(422);
    expect(refused.headers['content-language']).toBe('ru');
    expect(refused.body.error).toMatchObject({ code: 'PAYOUT_RAIL_UNAVAILABLE', details: [{ field: 'country', code: 'SANCTIONS_POLICY' }] });
    expect(refused.body.error.message).toMatch(/^Выплаты в Россию недоступны\. Санкции ЕС/);
  });

  describe('webhook signatures', () => {
    const anEvent = () => stripe.updateAccount([...stripe.accounts.keys()][0], { metadata: { touched: String(Math.random()) } });

    it('refuses forged, tampered, stale, future-dated and unsigned deliveries, storing nothing', async () => {
      const before = await inboxCount();
      const event = anEvent();
      const now = Math.floor(Date.now() / 1000);
      const forged = await deliver(event, 'whsec_attacker_secret');
      expect(forged.status).toBe(400);
      expect(forged.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
      const { header } = stripe.signWebhook(event, SECRET_NEW);
      const tampered = await request(t.http).post('/v1/webhooks/stripe').set('Content-Type', 'application/json').set('Stripe-Signature', header).send(JSON.stringify({ ...event, livemode: true }));
      expect(tampered.status).toBe(400);
      expect((await deliver(event, SECRET_NEW, now - 301)).status).toBe(400);
      expect((await deliver(event, SECRET_NEW, now + 3600)).status).toBe(400);
      expect((await request(t.http).post('/v1/webhooks/stripe').set('Content-Type', 'application/json').send(JSON.stringify(event))).status).toBe(400);
      expect(await inboxCount()).toBe(before);
      // a still-configured rotated secret is accepted
      expect((await deliver(event, SECRET_OLD)).status).toBe(200);
      expect(await inboxCount()).toBe(before + 1);
    });

    it('turns the same event delivered 20 times concurrently into one stored event and one effect', async () => {
      const token = await seller('IT', 'it.srl');
      await passKyc(t.http, token, await opsAdmin(), 'IT');
      await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({}).expect(200);
      const acct = (await t.sql.query(`SELECT stripe_account_id FROM payout_accounts ORDER BY created_at DESC LIMIT 1`)).rows[0].stripe_account_id;
      const event = stripe.updateAccount(acct, accountPatches.verified(stripe.accounts.get(acct)!.account));
      const responses = await Promise.all(Array.from({ length: 20 }, () => deliver(event)));
      expect(responses.every((r) => r.status === 200)).toBe(true);
      expect(responses.filter((r) => r.body.duplicate === false)).toHaveLength(1);
      await processed(event.id);
      const changes = await t.sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'payouts.status_changed' AND payload->>'to' = 'enabled' AND aggregate_id = (SELECT seller_id::text FROM payout_accounts WHERE stripe_account_id = $1)`, [acct]);
      expect(changes.rows[0].n).toBe(1);
      expect((await payoutStatus(token)).status).toBe('enabled');
    });

    it('acknowledges and parks events of unknown accounts and unhandled types', async () => {
      const stranger = stripe.updateAccount([...stripe.accounts.keys()][0], {});
      const unknown = { ...stranger, id: `${stranger.id}_stranger`, account: 'acct_nobody', data: { object: { ...stranger.data.object, id: 'acct_nobody' } } };
      expect((await deliver(unknown)).status).toBe(200);
      expect(await processed(unknown.id)).toEqual({ status: 'parked', outcome: 'unknown_account' });
      const other = { ...stranger, id: `${stranger.id}_other`, type: 'charge.succeeded' };
      expect((await deliver(other)).status).toBe(200);
      expect(await processed(other.id)).toEqual({ status: 'parked', outcome: 'unhandled_type' });
    });
  });

  describe('webhook intake (a fast route ahead of the Nest pipeline)', () => {
    const anEvent = (tag: string) => stripe.updateAccount([...stripe.accounts.keys()][0], { metadata: { tag } });
    const post = (path: string, body: string, headers: Record<string, string>) => {
      let r = request(t.http).post(path);
      for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
      return r.send(body);
    };

    it('answers like every other route: request id, language, 415 and 413 in the one envelope, nothing stored', async () => {
      const before = await inboxCount();
      const { payload, header } = stripe.signWebhook(anEvent('media'), SECRET_NEW);
      const plain = await post('/v1/webhooks/stripe?lang=it', payload, { 'Content-Type': 'text/plain', 'Stripe-Signature': header, 'X-Request-Id': 'req-webhook-0001' });
      // the same error from a Nest route, for comparison
      const nest = await post('/v1/auth/signup?lang=it', payload, { 'Content-Type': 'text/plain' });
      expect(plain.status).toBe(415);
      expect(plain.headers['x-request-id']).toBe('req-webhook-0001');
      expect(plain.headers['content-language']).toBe('it');
      expect(plain.body).toEqual({ error: { code: 'COMMON.UNSUPPORTED_MEDIA_TYPE', message: nest.body.error.message, details: [] }, requestId: 'req-webhook-0001' });
      expect(nest.status).toBe(415);
      // one access-log line, like pino-http's for Nest routes: whitelisted fields, no signature or body
      const lines = t.logs.filter((l) => l.includes('req-webhook-0001')).map((l) => JSON.parse(l));
      expect(lines).toEqual([
        expect.objectContaining({ level: 40, reqId: 'req-webhook-0001', msg: 'request completed', res: { statusCode: 415 }, req: { id: 'req-webhook-0001', method: 'POST', path: '/v1/webhooks/stripe', remoteAddress: expect.any(String) } }),
      ]);
      expect(JSON.stringify(lines)).not.toContain(header.slice(0, 20));

      const latin1 = await post('/v1/webhooks/stripe', payload, { 'Content-Type': 'application/json; charset=iso-8859-1', 'Stripe-Signature': header });
      expect(latin1.status).toBe(415);

      const huge = JSON.stringify({ id: 'evt_huge', padding: 'x'.repeat(1_100_000) });
      const tooLarge = await post('/v1/webhooks/stripe', huge, { 'Content-Type': 'application/json', 'Stripe-Signature': header, 'Accept-Language': 'tr;q=0.9, ru' });
      const nestTooLarge = await post('/v1/auth/signup', huge, { 'Content-Type': 'application/json', 'Accept-Language': 'tr;q=0.9, ru' });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers['content-language']).toBe('ru');
      expect(tooLarge.body.error).toEqual({ code: 'COMMON.PAYLOAD_TOO_LARGE', message: nestTooLarge.body.error.message, details: [] });
      expect(tooLarge.body.requestId).toBe(tooLarge.headers['x-request-id']);

      const unsigned = await post('/v1/webhooks/stripe?lang=es', payload, { 'Content-Type': 'application/json' });
      expect(unsigned.status).toBe(400);
      expect(unsigned.headers['content-language']).toBe('es');
      expect(unsigned.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
      const refusal = t.logs.map((l) => JSON.parse(l)).filter((l) => l.reqId === unsigned.headers['x-request-id']);
      expect(refusal.map((l) => l.msg)).toEqual(['refused a Stripe webhook: missing', 'request completed']);
      expect(refusal[1].res).toEqual({ statusCode: 400 });
      expect(await inboxCount()).toBe(before);

      // other methods and path variants go to the Nest router: 404 in the envelope, and the same intake
      const get = await request(t.http).get('/v1/webhooks/stripe');
      expect(get.status).toBe(404);
      expect(get.body.error.code).toBe('COMMON.ROUTE_NOT_FOUND');
      const slash = await post('/v1/webhooks/stripe/', payload, { 'Content-Type': 'application/json', 'Stripe-Signature': header });
      expect(slash.status).toBe(200);
      expect(slash.body).toEqual({ received: true, duplicate: false });
      const again = await post('/v1/webhooks/stripe', payload, { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': header });
      expect(again.body).toEqual({ received: true, duplicate: true });
      expect(await inboxCount()).toBe(before + 1);
    });

    it('stores a concurrent burst of distinct and repeated events with one row and one "duplicate: false" per event', async () => {
      const events = Array.from({ length: 40 }, (_, i) => anEvent(`burst-${i}`));
      const deliveries = events.flatMap((e) => [e, e, e]).sort(() => Math.random() - 0.5);
      const responses = await Promise.all(deliveries.map((e) => deliver(e).then((r) => ({ id: e.id, status: r.status, duplicate: r.body.duplicate }))));
      expect(responses.every((r) => r.status === 200)).toBe(true);
      for (const e of events) expect(responses.filter((r) => r.id === e.id && r.duplicate === false)).toHaveLength(1);
      const rows = await t.sql.query('SELECT id, count(*)::int AS n FROM webhook_inbox WHERE id = ANY($1) GROUP BY id', [events.map((e) => e.id)]);
      expect(rows.rows).toHaveLength(40);
      expect(rows.rows.every((r: { n: number }) => r.n === 1)).toBe(true);
    });

    it('fails only the delivery the database refuses, not the others stored in the same statement', async () => {
      const events = Array.from({ length: 12 }, (_, i) => anEvent(`isolate-${i}`));
      const refused = events[5];
      await t.sql.query(`ALTER TABLE webhook_inbox ADD CONSTRAINT ck_test_refuse_one CHECK (id <> '${refused.id}')`);
      try {
        const responses = await Promise.all(events.map((e) => deliver(e)));
        expect(responses.map((r) => r.status)).toEqual(events.map((e) => (e === refused ? 500 : 200)));
        expect(responses[5].body.error.code).toBe('COMMON.INTERNAL');
        const stored = await t.sql.query('SELECT id FROM webhook_inbox WHERE id = ANY($1)', [events.map((e) => e.id)]);
        expect(stored.rows.map((r: { id: string }) => r.id).sort()).toEqual(events.filter((e) => e !== refused).map((e) => e.id).sort());
      } finally {
        await t.sql.query('ALTER TABLE webhook_inbox DROP CONSTRAINT ck_test_refuse_one');
      }
      // Stripe retries: the delivery is stored this time
      expect((await deliver(refused)).body).toEqual({ received: true, duplicate: false });
    });

    it('stores a signed event PostgreSQL jsonb cannot hold as such (a NUL escape), and parks a body of another shape for ops', async () => {
      const nul = anEvent('nul');
      // JSON.stringify writes U+0000 as the escape \u0000, which jsonb refuses
      const withNul = { ...nul, data: { ...nul.data, object: { ...nul.data.object, business_profile: { name: 'Acme\u0000 S.r.l.' } } } } as StripeEventJson;
      expect(stripe.signWebhook(withNul, SECRET_NEW).payload).toContain('Acme\\u0000 S.r.l.');
      expect((await deliver(withNul)).body).toEqual({ received: true, duplicate: false });
      const stored = await t.sql.query(`SELECT payload->'data'->'object'->'business_profile'->>'name' AS name FROM webhook_inbox WHERE id = $1`, [nul.id]);
      expect(stored.rows[0].name).toBe('Acme\ufffd S.r.l.');

      const odd = anEvent('odd');
      const malformed = { ...odd, data: { object: { ...odd.data.object, requirements: { currently_due: 'external_account' } } } } as unknown as StripeEventJson;
      expect((await deliver(malformed)).body).toEqual({ received: true, duplicate: false });
      expect(await processed(odd.id)).toEqual({ status: 'parked', outcome: 'malformed' });
    });
  });

  it('dead-letters an event whose processing keeps failing, and lets ops replay it once Stripe answers again', async () => {
    const token = await seller('IT', 'it.srl');
    await passKyc(t.http, token, await opsAdmin(), 'IT');
    await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({}).expect(200);
    const acct = (await t.sql.query(`SELECT stripe_account_id FROM payout_accounts ORDER BY created_at DESC LIMIT 1`)).rows[0].stripe_account_id;
    stripe.updateAccount(acct, accountPatches.verified(stripe.accounts.get(acct)!.account));
    const base = stripe.events[stripe.events.length - 1];
    // a capability event makes the worker re-read the account from Stripe, which keeps failing:
    // Stripe stays down until the test says otherwise, however many requests the SDK's own retries make
    const event = { ...base, id: `${base.id}_cap`, type: 'capability.updated', data: { object: { id: 'transfers', object: 'capability', account: acct, status: 'active' } } } as unknown as StripeEventJson;
    stripe.failNext(`GET /v1/accounts/${acct}`, 500, Number.MAX_SAFE_INTEGER);
    expect((await deliver(event)).status).toBe(200);
    const dead = await eventually(
      async () => (await t.sql.query('SELECT status, attempts, last_error FROM webhook_inbox WHERE id = $1', [event.id])).rows[0],
      (row) => row?.status === 'dead',
      60000,
    );
    expect(dead).toMatchObject({ status: 'dead', attempts: MAX_WEBHOOK_ATTEMPTS });
    expect(dead.last_error).toMatch(/GatewayError/);
    expect((await payoutStatus(token)).status).toBe('action_required');

    expect((await request(t.http).get('/v1/ops/webhooks?status=dead').set(bearer(token))).status).toBe(403);
    const admin = await opsAdmin();
    const listed = await request(t.http).get('/v1/ops/webhooks?status=dead').set(bearer(admin));
    expect(listed.body.map((e: { id: string }) => e.id)).toContain(event.id);
    stripe.stopFailing(`GET /v1/accounts/${acct}`);
    const replay = await request(t.http).post(`/v1/ops/webhooks/${event.id}/replay`).set(bearer(admin));
    expect(replay.status).toBe(200);
    expect(await processed(event.id)).toEqual({ status: 'processed', outcome: 'applied' });
    expect((await payoutStatus(token)).status).toBe('enabled');
    const audit = await request(t.http).get(`/v1/ops/audit?targetId=${event.id}`).set(bearer(admin));
    expect(audit.body[0]).toMatchObject({ action: 'webhook.replayed', actorRole: 'ops_admin' });
  }, 90000);
});
