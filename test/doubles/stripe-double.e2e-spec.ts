import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { accountPatches, parseStripeForm, startStripeDouble, StripeDouble } from './stripe-double';

const clientFor = (double: StripeDouble, key = double.secretKey, extra: Record<string, unknown> = {}) =>
  new Stripe(key, { host: '127.0.0.1', port: double.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false, ...extra });

const companyParams = (sellerId: string): Stripe.AccountCreateParams => ({
  country: 'IT',
  email: `${sellerId}@seller.example.com`,
  business_type: 'company',
  controller: {
    fees: { payer: 'application' },
    losses: { payments: 'application' },
    requirement_collection: 'stripe',
    stripe_dashboard: { type: 'express' },
  },
  capabilities: { transfers: { requested: true } },
  business_profile: { name: 'Ceramiche Rossi S.r.l.', mcc: '5719' },
  company: { name: 'Ceramiche Rossi S.r.l.', tax_id: 'IT12345678901' },
  metadata: { seller_id: sellerId },
});

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('form parsing (bracket notation)', () => {
  it('expands nested objects, pushed and indexed arrays, keeps strings, drops prototype keys', () => {
    expect(
      parseStripeForm('a[b][c]=1&x[]=p&x[]=q&types[0]=account.updated&types[1]=capability.updated&s=hello+w%C3%B6rld&e=&__proto__[polluted]=1'),
    ).toEqual({
      a: { b: { c: '1' } },
      x: ['p', 'q'],
      types: ['account.updated', 'capability.updated'],
      s: 'hello wörld',
      e: '',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseStripeForm('created%5Bgt%5D=5')).toEqual({ created: { gt: '5' } });
  });
});

describe('Stripe API test double driven by stripe-node', () => {
  let double: StripeDouble;
  let stripe: Stripe;

  beforeAll(async () => {
    double = await startStripeDouble();
    stripe = clientFor(double);
  });
  afterAll(async () => double?.close());
  beforeEach(() => double.reset());

  it('creates a Connect account with Stripe-shaped JSON and realistic requirements', async () => {
    const acct = await stripe.accounts.create(companyParams('seller-1'), { idempotencyKey: 'account-create:seller-1' });

    expect(acct.id).toMatch(/^acct_[A-Za-z0-9]{16}$/);
    expect(acct).toMatchObject({
      object: 'account',
      country: 'IT',
      email: 'seller-1@seller.example.com',
      business_type: 'company',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      default_currency: 'eur',
      type: 'express',
      capabilities: { transfers: 'inactive' },
      controller: { requirement_collection: 'stripe', stripe_dashboard: { type: 'express' }, losses: { payments: 'application' } },
      metadata: { seller_id: 'seller-1' },
      tos_acceptance: { service_agreement: 'full', date: null },
    });
    // company[tax_id] was prefilled → not due; Stripe never echoes the tax id itself.
    expect(acct.requirements?.currently_due).toEqual([
      'business_profile.url',
      'external_account',
      'representative.first_name',
      'representative.last_name',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ]);
    expect(acct.requirements?.past_due).toEqual(acct.requirements?.currently_due);
    expect(acct.requirements?.disabled_reason).toBe('requirements.past_due');
    expect(acct.future_requirements?.currently_due).toEqual([]);
    expect(acct.company).toMatchObject({ name: 'Ceramiche Rossi S.r.l.', tax_id_provided: true });
    expect(JSON.stringify(acct)).not.toContain('IT12345678901');
    expect(double.accounts.get(acct.id)?.params).toMatchObject({ company: { tax_id: 'IT12345678901' } });

    // What went over the wire.
    const req = double.requests.find((r) => r.method === 'POST' && r.path === '/v1/accounts')!;
    expect(req.idempotencyKey).toBe('account-create:seller-1');
    expect(req.headers['stripe-version']).toBe('2026-10-28.endive');
    expect(req.headers.authorization).toBe('Bearer sk_test_double');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.rawBody).toContain('capabilities[transfers][requested]=true');
    expect(req.body).toMatchObject({ capabilities: { transfers: { requested: 'true' } }, controller: { stripe_dashboard: { type: 'express' } } });
  });

  it('replays a POST with the same Idempotency-Key and body (same account, nothing new stored)', async () => {
    const first = await stripe.accounts.create(companyParams('seller-2'), { idempotencyKey: 'account-create:seller-2' });
    const second = await stripe.accounts.create(companyParams('seller-2'), { idempotencyKey: 'account-create:seller-2' });

    expect(second.id).toBe(first.id);
    expect(double.accounts.size).toBe(1);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(second.lastResponse.headers['original-request']).toBe(first.lastResponse.requestId);
    expect(double.requests.filter((r) => r.replayed)).toHaveLength(1);
  });

  it('rejects the same Idempotency-Key with different parameters as StripeIdempotencyError', async () => {
    await stripe.accounts.create(companyParams('seller-3'), { idempotencyKey: 'account-create:seller-3' });
    const err = await rejection(stripe.accounts.create({ ...companyParams('seller-3'), email: 'other@seller.example.com' }, { idempotencyKey: 'account-create:seller-3' }));

    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    const e = err as InstanceType<typeof Stripe.errors.StripeIdempotencyError>;
    expect(e.statusCode).toBe(400);
    expect(e.rawType).toBe('idempotency_error');
    expect(e.message).toMatch(/^Keys for idempotent requests can only be used with the same parameters they were first used with/);
    expect(double.accounts.size).toBe(1);

    // Same key on another endpoint is also an idempotency error.
    const acctId = [...double.accounts.keys()][0];
    const err2 = await rejection(
      stripe.accountLinks.create({ account: acctId, type: 'account_onboarding', refresh_url: 'https://x.test/r', return_url: 'https://x.test/d' }, { idempotencyKey: 'account-create:seller-3' }),
    );
    expect(err2).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('sends an automatic stripe-node-retry-<uuid> key on every POST, never on GET', async () => {
    const acct = await stripe.accounts.create({ country: 'ES', business_type: 'individual', capabilities: { transfers: { requested: true } } });
    await stripe.accounts.retrieve(acct.id);
    const [post, get] = double.requests;
    expect(post.idempotencyKey).toMatch(/^stripe-node-retry-[0-9a-f-]{36}$/);
    expect(get.idempotencyKey).toBeUndefined();
    expect(acct.requirements?.currently_due).toContain('individual.dob.day');
    expect(acct.individual).toMatchObject({ object: 'person', account: acct.id });
  });

  it('retrieves accounts; unknown ids are StripeInvalidRequestError resource_missing (404)', async () => {
    const acct = await stripe.accounts.create(companyParams('seller-4'));
    const got = await stripe.accounts.retrieve(acct.id);
    expect(got.id).toBe(acct.id);
    expect(got.requirements).toEqual(acct.requirements);

    const second = await stripe.accounts.create(companyParams('seller-4b'));
    const listed = await stripe.accounts.list({ limit: 1 });
    expect(listed.data.map((a) => a.id)).toEqual([second.id]);
    expect(listed.has_more).toBe(true);
    expect((await stripe.accounts.list().autoPagingToArray({ limit: 10 })).map((a) => a.id)).toEqual([second.id, acct.id]);

    const err = await rejection(stripe.accounts.retrieve('acct_doesnotexist00'));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ code: 'resource_missing', statusCode: 404, param: 'id', message: "No such account: 'acct_doesnotexist00'" });
  });

  it('updates through the API: merges params, resolves requirements, emits account.updated', async () => {
    const acct = await stripe.accounts.create(companyParams('seller-5'));
    const updated = await stripe.accounts.update(
      acct.id,
      { business_profile: { url: 'https://ceramiche.example.it' }, metadata: { tier: 'gold' }, tos_acceptance: { date: 1_800_000_000, ip: '203.0.113.9' } },
      { idempotencyKey: 'update-5' },
    );
    expect(updated.business_profile?.url).toBe('https://ceramiche.example.it');
    expect(updated.business_profile?.name).toBe('Ceramiche Rossi S.r.l.');
    expect(updated.metadata).toEqual({ seller_id: 'seller-5', tier: 'gold' });
    expect(updated.tos_acceptance).toMatchObject({ date: 1_800_000_000, ip: '203.0.113.9' });
    expect(updated.requirements?.currently_due).toEqual(['external_account', 'representative.first_name', 'representative.last_name']);

    const [event] = double.events;
    expect(event).toMatchObject({ type: 'account.updated', account: acct.id, request: { idempotency_key: 'update-5' } });
    expect(event.data.previous_attributes).toMatchObject({ business_profile: { url: null }, metadata: { tier: null } });

    // metadata[key]='' deletes the key
    const cleared = await stripe.accounts.update(acct.id, { metadata: { tier: '' } });
    expect(cleared.metadata).toEqual({ seller_id: 'seller-5' });

    const err = await rejection(stripe.accounts.update(acct.id, { bogus: 1 } as unknown as Stripe.AccountUpdateParams));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err.message).toBe('Received unknown parameter: bogus');
  });

  it('creates account links; unknown accounts are 400 resource_missing on param account', async () => {
    const acct = await stripe.accounts.create(companyParams('seller-6'));
    const link = await stripe.accountLinks.create({
      account: acct.id,
      type: 'account_onboarding',
      refresh_url: 'https://app.example.com/onboarding/refresh',
      return_url: 'https://app.example.com/onboarding/return',
      collection_options: { fields: 'eventually_due' },
    });
    expect(link.object).toBe('account_link');
    expect(link.expires_at - link.created).toBe(300);
    expect(link.url).toMatch(new RegExp(`^https://connect\\.stripe\\.com/setup/e/${acct.id}/[A-Za-z0-9]+$`));
    expect(double.accounts.get(acct.id)?.accountLinks[0]).toMatchObject({ type: 'account_onboarding', collection_options: { fields: 'eventually_due' } });

    const missing = await rejection(
      stripe.accountLinks.create({ account: 'acct_nope', type: 'account_onboarding', refresh_url: 'https://a.test/r', return_url: 'https://a.test/d' }),
    );
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'account' });

    // account_update links need platform-collected requirements
    const upd = await rejection(stripe.accountLinks.create({ account: acct.id, type: 'account_update', refresh_url: 'https://a.test/r', return_url: 'https://a.test/d' }));
    expect(upd).toMatchObject({ statusCode: 400, param: 'type' });
  });

  it('updateAccount simulates the seller acting; events are listable by created[gt] and ordered', async () => {
    const acct = await stripe.accounts.create(companyParams('seller-7'));
    const submitted = double.updateAccount(acct.id, accountPatches.submitted(double.accounts.get(acct.id)!.account));
    const verified = double.updateAccount(acct.id, accountPatches.verified(double.accounts.get(acct.id)!.account));

    expect(submitted.created).toBeGreaterThan(acct.created!);
    expect(verified.created).toBeGreaterThan(submitted.created);
    expect(verified).toMatchObject({
      object: 'event',
      type: 'account.updated',
      account: acct.id,
      api_version: '2026-10-28.endive',
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: acct.id, payouts_enabled: true, capabilities: { transfers: 'active' }, requirements: { disabled_reason: null } } },
    });
    expect(verified.data.previous_attributes).toMatchObject({ payouts_enabled: false, capabilities: { transfers: 'pending' } });

    const after = await stripe.events.list({ created: { gt: acct.created } });
    expect(after.object).toBe('list');
    expect(after.data.map((e) => e.id)).toEqual([verified.id, submitted.id]); // newest first
    expect(after.has_more).toBe(false);

    const onlyLatest = await stripe.events.list({ created: { gt: submitted.created } });
    expect(onlyLatest.data.map((e) => e.id)).toEqual([verified.id]);

    const page1 = await stripe.events.list({ limit: 1 });
    expect(page1.has_more).toBe(true);
    const page2 = await stripe.events.list({ limit: 1, starting_after: page1.data[0].id });
    expect(page2.data.map((e) => e.id)).toEqual([submitted.id]);

    expect((await stripe.events.list({ types: ['capability.updated'] })).data).toHaveLength(0);
    expect((await stripe.events.list({ type: 'account.*' })).data).toHaveLength(2);
    expect((await stripe.events.list({}, { stripeAccount: 'acct_other' })).data).toHaveLength(0);

    const fetched = await stripe.events.retrieve(submitted.id);
    expect(fetched.data.object).toMatchObject({ details_submitted: true, requirements: { disabled_reason: 'requirements.pending_verification' } });
    expect(await rejection(stripe.events.retrieve('evt_missing'))).toMatchObject({ statusCode: 404, code: 'resource_missing' });

    // The live account reflects the last update.
    expect((await stripe.accounts.retrieve(acct.id)).payouts_enabled).toBe(true);
  });

  it('signs webhook payloads that stripe.webhooks.constructEvent accepts', async () => {
    const acct = await stripe.accounts.create(companyParams('seller-8'));
    const event = double.updateAccount(acct.id, accountPatches.rejected(double.accounts.get(acct.id)!.account, 'rejected.fraud'));
    const { payload, header } = double.signWebhook(event, 'whsec_test');
    const parsed = stripe.webhooks.constructEvent(payload, header, 'whsec_test', 300);
    expect(parsed.id).toBe(event.id);
    expect((parsed.data.object as Stripe.Account).requirements?.disabled_reason).toBe('rejected.fraud');
  });

  it('failNext makes the SDK throw StripeAPIError / StripeRateLimitError, then recovers', async () => {
    double.failNext('/v1/accounts', 500);
    const err = await rejection(stripe.accounts.create(companyParams('seller-9'), { idempotencyKey: 'k9' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(err).toMatchObject({ statusCode: 500, rawType: 'api_error' });
    expect(double.accounts.size).toBe(0); // failed before executing: nothing created or saved

    const ok = await stripe.accounts.create(companyParams('seller-9'), { idempotencyKey: 'k9' });
    expect(ok.lastResponse.headers['idempotent-replayed']).toBeUndefined();

    double.failNext('GET /v1/accounts/', 429, 2);
    expect(await rejection(stripe.accounts.retrieve(ok.id))).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(await rejection(stripe.accounts.retrieve(ok.id))).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect((await stripe.accounts.retrieve(ok.id)).id).toBe(ok.id);
  });

  it('failNext afterExecute: Stripe did the work, the response was lost; a same-key retry replays it', async () => {
    double.failNext('POST /v1/accounts', 502, 1, { afterExecute: true });
    const err = await rejection(stripe.accounts.create(companyParams('seller-10'), { idempotencyKey: 'account-create:seller-10' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(double.accounts.size).toBe(1);

    const retry = await stripe.accounts.create(companyParams('seller-10'), { idempotencyKey: 'account-create:seller-10' });
    expect(retry.id).toBe([...double.accounts.keys()][0]);
    expect(retry.lastResponse.headers['idempotent-replayed']).toBe('true');
  });

  it('a dropped connection is retried once by stripe-node even with maxNetworkRetries: 0 (same key)', async () => {
    double.failNext('POST /v1/accounts', 0, 1, { afterExecute: true });
    const acct = await stripe.accounts.create(companyParams('seller-11'), { idempotencyKey: 'account-create:seller-11' });
    const posts = double.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts.map((r) => r.status)).toEqual([0, 200]);
    expect(posts[1].idempotencyKey).toBe('account-create:seller-11');
    expect(posts[1].replayed).toBe(true);
    expect(double.accounts.size).toBe(1);
    expect(acct.id).toBe([...double.accounts.keys()][0]);
  });

  it('delay: a client timeout leaves the account created at Stripe (crash window); concurrent same key → 409', async () => {
    const impatient = clientFor(double, double.secretKey, { timeout: 150 });
    double.delay('POST /v1/accounts', 800);
    const err = await rejection(impatient.accounts.create(companyParams('seller-12'), { idempotencyKey: 'account-create:seller-12' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(err.message).toMatch(/timeout/);
    expect(double.accounts.size).toBe(1);

    // While the first request is still "in flight" at Stripe, the same key is a conflict.
    const conflict = await rejection(stripe.accounts.create(companyParams('seller-12'), { idempotencyKey: 'account-create:seller-12' }));
    expect(conflict).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(conflict).toMatchObject({ statusCode: 409, rawType: 'idempotency_error' });

    double.delay('POST /v1/accounts', 0);
    const first = double.requests.find((r) => r.method === 'POST')!;
    while (first.status === undefined) await new Promise((r) => setTimeout(r, 20)); // Stripe finishes the original request
    expect(first.status).toBe(200);
    const replay = await stripe.accounts.create(companyParams('seller-12'), { idempotencyKey: 'account-create:seller-12' });
    expect(replay.id).toBe([...double.accounts.keys()][0]);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
  });

  it('wrong or missing API key → StripeAuthenticationError', async () => {
    const wrong = clientFor(double, 'sk_test_wrong_key_1234');
    const err = await rejection(wrong.accounts.retrieve('acct_x'));
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(err).toMatchObject({ statusCode: 401 });
    expect(err.message).toMatch(/^Invalid API Key provided/);
  });

  it('unknown routes and parameters get Stripe error JSON', async () => {
    const err = await rejection(stripe.rawRequest('GET', '/v1/not_a_thing'));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 404 });
    expect(err.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/not_a_thing\)/);

    const res = await fetch(`${double.url}/v1/accounts/acct_x/persons`, { headers: { authorization: `Bearer ${double.secretKey}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error' } });

    const noAuth = await fetch(`${double.url}/v1/accounts`);
    expect(noAuth.status).toBe(401);

    const ru = await rejection(stripe.accounts.create({ country: 'RU', capabilities: { transfers: { requested: true } } }));
    expect(ru).toMatchObject({ statusCode: 400, param: 'country' });
    const tr = await rejection(stripe.accounts.create({ country: 'TR', capabilities: { transfers: { requested: true } } }));
    expect(tr).toMatchObject({ statusCode: 400, param: 'tos_acceptance[service_agreement]' });
    const trRecipient = await stripe.accounts.create({
      country: 'TR',
      business_type: 'individual',
      tos_acceptance: { service_agreement: 'recipient' },
      capabilities: { transfers: { requested: true } },
    });
    expect(trRecipient).toMatchObject({ default_currency: 'try', tos_acceptance: { service_agreement: 'recipient' } });
  });

  it('deletes accounts', async () => {
    const acct = await stripe.accounts.create(companyParams('seller-13'));
    const del = await stripe.accounts.del(acct.id);
    expect(del).toMatchObject({ id: acct.id, object: 'account', deleted: true });
    expect(await rejection(stripe.accounts.retrieve(acct.id))).toMatchObject({ code: 'resource_missing' });
    expect(double.accounts.get(acct.id)?.deleted).toBe(true);
  });
});
