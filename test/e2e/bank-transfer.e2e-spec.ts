import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { login, signup, startTestApp, TestApp } from '../support/app';
import { passKyc } from '../support/kyc';
import { uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'bank.admin@ops.example.com', password: 'Bank-Admin-Pass-12' };
const TR_IBAN = 'TR330006100519786457841326';

describe('bank-transfer payout rail (e2e)', () => {
  let t: TestApp;
  let admin: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp({
      BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password,
      DATA_ENCRYPTION_KEYS: `k2026:${Buffer.alloc(32, 7).toString('base64')}`,
    });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => t?.close());

  async function turkishSeller() {
    const { token, res } = await signup(t.http, { country: 'TR', locale: 'tr' });
    // identifiers are unique per country: each seller gets its own VKN/MERSİS
    const profile = await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany());
    expect(profile.status).toBe(200);
    const started = await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token!)).send({});
    expect(started.status).toBe(200);
    return { token: token!, sellerId: res.body.seller.id as string };
  }

  it('validates bank details by the country rules, all problems at once', async () => {
    const { token } = await turkishSeller();
    const bad = await request(t.http)
      .put('/v1/sellers/me/payouts/bank-account')
      .set(bearer(token))
      .send({ holderName: 'Anadolu Tekstil', iban: 'TR330006100519786457841327', currency: 'USD' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('PAYOUT_BANK_ACCOUNT_INVALID');
    expect(bad.body.error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual(['currency:CURRENCY_NOT_ALLOWED', 'iban:INVALID_CHECKSUM']);
    const foreign = await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName: 'Anadolu Tekstil', iban: 'DE89 3704 0044 0532 0130 00' });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details[0]).toMatchObject({ field: 'iban', code: 'BANK_COUNTRY_NOT_ALLOWED' });
    expect(foreign.body.error.details[0].message).toBe('iban, TR ile başlamalıdır.');
  });

  it('stores the number encrypted, shows it masked, and enables the rail once ops verify it', async () => {
    const { token, sellerId } = await turkishSeller();
    const submitted = await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName: 'Anadolu Tekstil Ltd. Şti.', iban: 'tr33 0006 1005 1978 6457 8413 26' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ numberMasked: 'TR33 •••• 1326', status: 'pending_review', currency: 'TRY' });
    const stored = (await t.sql.query('SELECT number_encrypted, number_masked FROM payout_bank_accounts WHERE seller_id = $1', [sellerId])).rows[0];
    expect(stored.number_encrypted).toMatch(/^v1\.k2026\./);
    expect(stored.number_encrypted).not.toContain('6457841326');
    const underReview = (await request(t.http).get('/v1/sellers/me/payouts').set(bearer(token))).body;
    expect(underReview).toMatchObject({ status: 'under_review', bankAccount: { numberMasked: 'TR33 •••• 1326', status: 'pending_review' } });
    // nothing for the seller to do while ops check the details
    expect(underReview.checklist).toEqual([{ task: 'bank_account', due: 'pending_verification', requirements: ['external_account'], errors: [], message: 'Gönderildi ve doğrulanıyor; şimdilik yapmanız gereken bir şey yok.' }]);

    const queue = await request(t.http).get('/v1/ops/payouts/bank-accounts?status=pending_review').set(bearer(admin));
    expect(queue.body.find((b: { sellerId: string }) => b.sellerId === sellerId)).toMatchObject({ numberMasked: 'TR33 •••• 1326' });
    expect(JSON.stringify(queue.body)).not.toContain(TR_IBAN);

    const revealed = await request(t.http).get(`/v1/ops/payouts/bank-accounts/${sellerId}/number`).set(bearer(admin));
    expect(revealed.body).toMatchObject({ number: TR_IBAN });
    expect((await request(t.http).get(`/v1/ops/payouts/bank-accounts/${sellerId}/number`).set(bearer(token))).status).toBe(403);

    await request(t.http).post(`/v1/ops/payouts/bank-accounts/${sellerId}/verify`).set(bearer(admin)).expect(200);
    // the rail is ready; payouts also need the seller's identity verification (payout gate)
    expect((await request(t.http).get('/v1/sellers/me/payouts').set(bearer(token))).body).toMatchObject({ status: 'on_hold', railStatus: 'enabled', payoutsEnabled: false, blockingReason: { code: 'KYC_NOT_STARTED' } });
    await passKyc(t.http, token, admin, 'TR', 'Ayşe Yılmaz');
    expect((await request(t.http).get('/v1/sellers/me/payouts').set(bearer(token))).body).toMatchObject({ rail: 'bank_transfer', status: 'enabled', payoutsEnabled: true, checklist: [] });
    expect((await request(t.http).post(`/v1/ops/payouts/bank-accounts/${sellerId}/verify`).set(bearer(admin))).status).toBe(409);

    const audit = (await request(t.http).get(`/v1/ops/audit?targetId=${sellerId}`).set(bearer(admin))).body.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['payouts.bank_account_revealed', 'payouts.bank_account_verified']));
    expect(t.logs.join('\n')).not.toContain('6457841326');
  });

  it('shows the seller a rejection reason in their language, never the internal note', async () => {
    const { token, sellerId } = await turkishSeller();
    await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName: 'Someone Else', iban: TR_IBAN }).expect(200);
    await request(t.http).post(`/v1/ops/payouts/bank-accounts/${sellerId}/reject`).set(bearer(admin)).send({ reason: 'name_mismatch', note: 'letter shows a private person' }).expect(200);
    const view = (await request(t.http).get('/v1/sellers/me/payouts').set(bearer(token))).body;
    expect(view).toMatchObject({ status: 'action_required', bankAccount: { status: 'rejected', rejectionReason: 'name_mismatch', rejectionMessage: 'Hesap sahibinin adı işletmenizin adıyla eşleşmiyor.' } });
    expect(view.checklist[0]).toMatchObject({ task: 'bank_account', errors: ['bank_account_name_mismatch'] });
    expect(JSON.stringify(view)).not.toContain('private person');
  });

  it('takes bank details first (no separate start), and says what is missing before the business details', async () => {
    const { token } = await signup(t.http, { country: 'TR', locale: 'tr' });
    const early = await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token!)).send({ holderName: 'X Ltd', iban: TR_IBAN });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('PAYOUT_BUSINESS_PROFILE_REQUIRED');
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany()).expect(200);
    const first = await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token!)).send({ holderName: 'Anadolu Tekstil Ltd. Şti.', iban: TR_IBAN });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'pending_review', currency: 'TRY' });
    expect((await request(t.http).get('/v1/sellers/me/payouts').set(bearer(token!))).body).toMatchObject({ rail: 'bank_transfer', status: 'under_review', nextAction: { code: 'wait_for_review' } });
  });
});
