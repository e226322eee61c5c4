import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { login, signup, startTestApp, TestApp, uniqueEmail, workerWithOpsAdmin } from '../support/app';
import { eventually } from '../support/eventually';
import { ISSUED_TODAY, pdfVariant } from '../support/files';
import { decideKyc, passKyc, submitKyc } from '../support/kyc';
import { uniqueItalianCompany, uniqueTurkishCompany } from '../support/registrations';
import { startStripeDouble, StripeDouble } from '../doubles/stripe-double';

const ADMIN = { email: 'status.admin@ops.example.com', password: 'Status-Admin-Pass-12' };
const TR_IBAN = 'TR330006100519786457841326';
const PASSWORD = 'a-long-enough-passphrase';

/**
 * What a seller reads about where they stand (issue 14): statuses that tell the truth, the next
 * step from the first call, eligibility before an account exists, and the Stripe rail reported
 * honestly on a box without keys.
 */
describe('seller status, next steps, eligibility and the honest Stripe rail (e2e)', () => {
  let t: TestApp;
  let admin: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const payouts = (token: string, lang = 'en') => request(t.http).get('/v1/sellers/me/payouts').set(bearer(token)).set('Accept-Language', lang).then((r) => r.body);
  const me = (token: string, lang = 'en') => request(t.http).get('/v1/sellers/me').set(bearer(token)).set('Accept-Language', lang);
  // one document folder for both apps below (the second one reads what the first stored)
  const storage = mkdtempSync(join(tmpdir(), 'ltg-test-status-'));

  beforeAll(async () => {
    // no STRIPE_SECRET_KEY: this box cannot run the stripe_connect rail
    t = await startTestApp(workerWithOpsAdmin(ADMIN, { DOCUMENT_STORAGE_DIR: storage }));
    admin = await login(t.http, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(storage, { recursive: true, force: true });
  });

  async function seller(country: 'TR' | 'IT' | 'RU', locale = 'en') {
    const { token, res } = await signup(t.http, { country, locale, password: PASSWORD });
    const registration = country === 'TR' ? uniqueTurkishCompany() : country === 'IT' ? uniqueItalianCompany() : undefined;
    if (registration) await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(registration).expect(200);
    return { token: token!, sellerId: res.body.seller.id as string };
  }

  it('a TR seller approved with a verified bank account reads active, every accepted document accepted; a suspension reads suspended', async () => {
    const { token, sellerId } = await seller('TR', 'tr');
    // the first GET says what to do: add the bank account (no undocumented POST first)
    const first = await payouts(token, 'tr');
    expect(first).toMatchObject({
      rail: 'bank_transfer',
      railConfigured: true,
      status: 'not_started',
      nextAction: { code: 'add_bank_account', endpoint: 'PUT /v1/sellers/me/payouts/bank-account', message: 'Ödemelerinizin gönderileceği banka hesabını ekleyin.' },
    });
    expect(first.checklist).toEqual([expect.objectContaining({ task: 'bank_account', due: 'currently_due' })]);
    expect((await me(token)).body).toMatchObject({ status: 'onboarding', statusMessage: expect.stringMatching(/verification and payout setup/) });

    // bank details first
    await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName: 'Anadolu Tekstil Ltd. Şti.', iban: TR_IBAN }).expect(200);
    expect(await payouts(token)).toMatchObject({ status: 'under_review', nextAction: { code: 'wait_for_review' } });
    await request(t.http).post(`/v1/ops/payouts/bank-accounts/${sellerId}/verify`).set(bearer(admin)).expect(200);
    expect(await payouts(token)).toMatchObject({ status: 'on_hold', nextAction: { code: 'complete_verification', endpoint: 'GET /v1/sellers/me/kyc' } });
    expect((await me(token)).body.status).toBe('onboarding');

    const caseId = await passKyc(t.http, token, admin, 'TR', 'Ayşe Yılmaz');
    expect(await payouts(token)).toMatchObject({ status: 'enabled', payoutsEnabled: true, nextAction: { code: 'none' } });
    const active = await eventually(
      () => me(token, 'tr'),
      (r) => r.body.status === 'active',
    );
    expect(active.body).toMatchObject({ status: 'active', statusMessage: 'Satış yapabilirsiniz.' });
    const kyc = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body;
    expect(kyc.status).toBe('approved');
    expect(kyc.documents.length).toBeGreaterThan(0);
    expect(kyc.documents.map((d: { reviewStatus: string }) => d.reviewStatus)).toEqual(kyc.documents.map(() => 'accepted'));

    // selling stops: neutral words, no reason
    await decideKyc(t.http, admin, caseId, 'suspend', { reasonCode: 'SANCTIONS_HIT' });
    const paused = await eventually(
      () => me(token, 'es'),
      (r) => r.body.status === 'suspended',
    );
    expect(paused.body.statusMessage).toBe('Las ventas están en pausa hasta que completes los puntos pendientes de la verificación o de los cobros.');
    expect(JSON.stringify(paused.body)).not.toMatch(/SANCTION|SCREENING/i);
    await decideKyc(t.http, admin, caseId, 'approve');
    expect((await eventually(() => me(token), (r) => r.body.status === 'active')).body.status).toBe('active');
  });

  it('approval accepts the pending documents; one a reviewer rejected stays rejected', async () => {
    const { token } = await seller('TR');
    const submitted = await submitKyc(t.http, token, [{ role: 'representative', fullName: 'Mehmet Öztürk', nationality: 'TR' }]);
    expect(submitted.status).toBe('in_review');
    const docs = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body.documents as { id: string; type: string }[];
    const rejected = docs.find((d) => d.type === 'tr.vergi_levhasi')!;
    await decideKyc(t.http, admin, submitted.caseId, 'request_changes', { documents: [{ documentId: rejected.id, status: 'rejected', reasonCode: 'DOCUMENT_UNREADABLE' }] });
    await request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token)).field('type', 'tr.vergi_levhasi').attach('file', pdfVariant(9001), { filename: 'd.pdf', contentType: 'application/pdf' }).expect(201);
    const again = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token));
    expect(again.status).toBe(200);
    await decideKyc(t.http, admin, submitted.caseId, 'approve');
    const after = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body.documents as { id: string; reviewStatus: string }[];
    expect(after.find((d) => d.id === rejected.id)!.reviewStatus).toBe('rejected');
    expect(after.filter((d) => d.id !== rejected.id).every((d) => d.reviewStatus === 'accepted')).toBe(true);
  });

  it('documents can be replaced or withdrawn while collecting, not after submission; a maximum age needs the issue date', async () => {
    const { token } = await seller('TR', 'it');
    await request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token)).send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' }] }).expect(200);
    // the activity certificate may be at most 180 days old: its issue date is required
    const undated = await request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token)).set('Accept-Language', 'it').field('type', 'tr.faaliyet_belgesi').attach('file', pdfVariant(9100), { filename: 'd.pdf', contentType: 'application/pdf' });
    expect(undated.status).toBe(422);
    expect(undated.body.error).toMatchObject({ code: 'KYC_ISSUE_DATE_REQUIRED', details: [{ field: 'issuedOn', code: 'REQUIRED' }] });
    expect(undated.body.error.message).toContain('180 giorni');

    const up = await request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token)).field('type', 'tr.faaliyet_belgesi').field('issuedOn', ISSUED_TODAY).attach('file', pdfVariant(9101), { filename: 'd.pdf', contentType: 'application/pdf' });
    expect(up.status).toBe(201);
    const replaced = await request(t.http).put(`/v1/sellers/me/kyc/documents/${up.body.id}`).set(bearer(token)).field('issuedOn', ISSUED_TODAY).attach('file', pdfVariant(9102), { filename: 'd.pdf', contentType: 'application/pdf' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ type: 'tr.faaliyet_belgesi', reviewStatus: 'pending', issuedOn: ISSUED_TODAY });
    expect(replaced.body.id).not.toBe(up.body.id);
    let ids = ((await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body.documents as { id: string }[]).map((d) => d.id);
    expect(ids).toEqual([replaced.body.id]);
    await request(t.http).delete(`/v1/sellers/me/kyc/documents/${replaced.body.id}`).set(bearer(token)).expect(204);
    ids = ((await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body.documents as { id: string }[]).map((d) => d.id);
    expect(ids).toEqual([]);
    await request(t.http).delete(`/v1/sellers/me/kyc/documents/${replaced.body.id}`).set(bearer(token)).expect(404);

    const submitted = await submitKyc(t.http, token, [{ role: 'representative', fullName: 'Ayşe Yılmaz', nationality: 'TR' }]);
    expect(submitted.status).toBe('in_review');
    const doc = ((await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body.documents as { id: string }[])[0];
    const locked = await request(t.http).delete(`/v1/sellers/me/kyc/documents/${doc.id}`).set(bearer(token));
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('KYC_CASE_LOCKED');
  });

  it('never asks a Russian seller to start what the country cannot have', async () => {
    const { token } = await seller('RU', 'ru');
    expect(await payouts(token, 'ru')).toMatchObject({ rail: null, status: 'unavailable', nextAction: { code: 'none' }, blockingReason: { code: 'SANCTIONS_POLICY' } });
    const bank = await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).set('Accept-Language', 'ru').send({ holderName: 'ООО Ромашка', bik: '044525225', account: '40702810400000000001' });
    expect(bank.status).toBe(422);
    expect(bank.body.error).toMatchObject({ code: 'PAYOUT_RAIL_UNAVAILABLE', details: [{ field: 'country', code: 'SANCTIONS_POLICY' }] });
    expect(bank.body.error.message).not.toMatch(/настройк/i);
  });

  it('an IT seller on a box without Stripe keys reads "not configured" and is not pinned to another rail; with the local double the same seller gets a hosted link', async () => {
    const { token, sellerId } = await seller('IT', 'it');
    const view = await payouts(token, 'it');
    expect(view).toMatchObject({
      rail: 'stripe_connect',
      railConfigured: false,
      status: 'unavailable',
      payoutsEnabled: false,
      blockingReason: { code: 'PAYOUT_RAIL_NOT_CONFIGURED' },
      nextAction: { code: 'none' },
      unavailable: { reason: 'PAYOUT_RAIL_NOT_CONFIGURED' },
    });
    expect(view.blockingReason.message).toMatch(/^I pagamenti tramite Stripe non sono ancora configurati/);
    const start = await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).set('Accept-Language', 'it').send({});
    expect(start.status).toBe(422);
    expect(start.body.error).toMatchObject({ code: 'PAYOUT_RAIL_UNAVAILABLE', details: [{ code: 'PAYOUT_RAIL_NOT_CONFIGURED' }] });
    expect((await request(t.http).post('/v1/sellers/me/payouts/onboarding-link').set(bearer(token))).status).toBe(422);
    expect((await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName: 'Bottega S.r.l.', iban: 'IT60X0542811101000000123456' })).status).toBe(422);
    expect((await t.sql.query('SELECT count(*)::int AS n FROM payout_accounts WHERE seller_id = $1', [sellerId])).rows[0].n).toBe(0);

    // an older deployment pinned another IT seller to bank transfer: the rail follows once Stripe is configured
    const pinned = await seller('IT');
    await t.sql.query(`INSERT INTO payout_accounts (seller_id, country, rail, status, currency, setup_key) VALUES ($1, 'IT', 'bank_transfer', 'action_required', 'EUR', gen_random_uuid())`, [pinned.sellerId]);

    const stripe: StripeDouble = await startStripeDouble({ platformCountry: 'IT' });
    const withStripe = await startTestApp({ STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_API_URL: stripe.url, DOCUMENT_STORAGE_DIR: storage }, t.db);
    try {
      const again = (await request(withStripe.http).get('/v1/sellers/me/payouts').set(bearer(token))).body;
      expect(again).toMatchObject({ rail: 'stripe_connect', railConfigured: true, status: 'not_started', nextAction: { code: 'start_onboarding', endpoint: 'POST /v1/sellers/me/payouts/onboarding-link' } });
      const link = await request(withStripe.http).post('/v1/sellers/me/payouts/onboarding-link').set(bearer(token));
      expect(link.status).toBe(200);
      expect(link.body.url).toMatch(/^https?:\/\//);
      expect([...stripe.accounts.values()].filter((a) => a.account.metadata.seller_id === sellerId)).toHaveLength(1);
      expect((await request(withStripe.http).get('/v1/sellers/me/payouts').set(bearer(token))).body).toMatchObject({ rail: 'stripe_connect', status: 'action_required', nextAction: { code: 'continue_onboarding' } });

      const moved = (await request(withStripe.http).get('/v1/sellers/me/payouts').set(bearer(pinned.token))).body;
      expect(moved).toMatchObject({ rail: 'stripe_connect', status: 'not_started', nextAction: { code: 'start_onboarding' } });
      const row = (await t.sql.query('SELECT rail, setup_key FROM payout_accounts WHERE seller_id = $1', [pinned.sellerId])).rows[0];
      expect(row.rail).toBe('stripe_connect');
      const changed = (await t.sql.query(`SELECT payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'payouts.rail_changed'`, [pinned.sellerId])).rows;
      expect(changed.map((r) => r.payload)).toEqual([expect.objectContaining({ from: 'bank_transfer', to: 'stripe_connect' })]);
    } finally {
      await withStripe.close();
      await stripe.close();
    }
  });

  it('tells a Spanish autónomo before an account exists that only companies may sell', async () => {
    const check = await request(t.http).get('/v1/auth/signup/eligibility?country=ES&sellerType=individual').set('Accept-Language', 'es');
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ country: 'ES', eligible: false, reason: { code: 'ONLY_INCORPORATED_COMPANIES' }, legalForms: [{ code: 'es.autonomo', eligible: false }] });
    expect(check.body.reason.message).toBe('En España solo las sociedades mercantiles (S.L., S.A.) pueden vender en el marketplace.');
    expect((await request(t.http).get('/v1/auth/signup/eligibility?country=ES&sellerType=company')).body).toMatchObject({ eligible: true });

    const email = uniqueEmail('autonomo');
    const refused = await request(t.http).post('/v1/auth/signup').set('Accept-Language', 'es').send({ email, password: PASSWORD, country: 'ES', sellerType: 'individual' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'SELLER_NOT_ELIGIBLE', details: [{ field: 'sellerType', code: 'ONLY_INCORPORATED_COMPANIES' }] });
    expect(refused.body.error.message).toMatch(/^No puedes registrarte como vendedor en España: En España solo las sociedades/);
    expect((await t.sql.query('SELECT count(*)::int AS n FROM accounts WHERE email_normalized = $1', [email.toLowerCase()])).rows[0].n).toBe(0);
    const byForm = await request(t.http).post('/v1/auth/signup').send({ email, password: PASSWORD, country: 'ES', legalForm: 'es.cb' });
    expect(byForm.status).toBe(422);
    expect((await request(t.http).post('/v1/auth/signup').send({ email, password: PASSWORD, country: 'ES', sellerType: 'company', legalForm: 'es.sl' })).status).toBe(201);
  });

  it('a seller without KYC history deletes the account (password-confirmed, audited, sessions gone); one with a submission cannot', async () => {
    const { token, sellerId } = await seller('TR');
    const accountId = (await me(token)).body.accountId as string;
    await request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token)).send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' }] }).expect(200);
    await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName: 'Anadolu Tekstil Ltd. Şti.', iban: TR_IBAN }).expect(200);
    const wrong = await request(t.http).delete('/v1/sellers/me').set(bearer(token)).set('Accept-Language', 'tr').send({ password: 'not-the-password' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ code: 'SELLER_PASSWORD_INCORRECT', message: 'Şifre doğru değil.' });
    await request(t.http).delete('/v1/sellers/me').set(bearer(token)).send({ password: PASSWORD }).expect(204);
    expect((await me(token)).status).toBe(401);
    for (const table of ['sellers', 'accounts']) expect((await t.sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [table === 'sellers' ? sellerId : accountId])).rows[0].n).toBe(0);
    for (const table of ['kyc_cases', 'kyc_persons', 'payout_accounts', 'payout_bank_accounts', 'seller_business_profiles']) {
      const column = table === 'kyc_persons' ? 'case_id IN (SELECT id FROM kyc_cases WHERE seller_id = $1)' : 'seller_id = $1';
      expect((await t.sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column}`, [sellerId])).rows[0].n).toBe(0);
    }
    const audit = (await t.sql.query(`SELECT action, changes FROM audit_log WHERE target_id = $1`, [accountId])).rows;
    expect(audit).toEqual([expect.objectContaining({ action: 'account.deleted', changes: expect.objectContaining({ sellerId, via: 'self_service' }) })]);
    expect(JSON.stringify(audit)).not.toContain('@');

    const kept = await seller('TR');
    await submitKyc(t.http, kept.token, [{ role: 'representative', fullName: 'Mehmet Öztürk', nationality: 'TR' }]);
    const refused = await request(t.http).delete('/v1/sellers/me').set(bearer(kept.token)).send({ password: PASSWORD });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SELLER_HAS_KYC_HISTORY');
    expect((await me(kept.token)).status).toBe(200);
  });
});
