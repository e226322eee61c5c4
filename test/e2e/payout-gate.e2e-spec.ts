import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { VendorResultsService } from '@app/kyc';
import { login, signup, startTestApp, TestApp, workerWithOpsAdmin } from '../support/app';
import { eventually } from '../support/eventually';
import { decideKyc, submitKyc, tippingOff } from '../support/kyc';
import { uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'gate.admin@ops.example.com', password: 'Gate-Admin-Pass-123' };
const IBAN = 'TR330006100519786457841326';

/**
 * Payouts follow KYC: whatever the order of events, a seller is paid out only while the rail is
 * ready AND their current KYC case is approved. Bank-transfer rail (TR); the Stripe rail is covered
 * in payouts.e2e-spec.
 */
describe('payout gate: payouts follow KYC in every order of events (e2e)', () => {
  let t: TestApp;
  let admin: string;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });
  const payouts = (token: string, lang = 'tr') => request(t.http).get('/v1/sellers/me/payouts').set(bearer(token)).set('Accept-Language', lang).then((r) => r.body);
  const hold = (sellerId: string) => t.sql.query('SELECT kyc_status, held, reason FROM payout_holds WHERE seller_id = $1', [sellerId]).then((r) => r.rows[0]);
  const events = (sellerId: string) =>
    t.sql.query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 AND type LIKE 'payouts.%' AND type <> 'payouts.status_changed' ORDER BY seq`, [sellerId]).then((r) => r.rows);

  async function turkishSeller(locale = 'tr') {
    const { token, res } = await signup(t.http, { country: 'TR', locale });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany()).expect(200);
    return { token: token!, sellerId: res.body.seller.id as string };
  }
  async function verifiedBankAccount(token: string, sellerId: string) {
    await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({}).expect(200);
    await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName: 'Anadolu Tekstil Ltd. Şti.', iban: IBAN }).expect(200);
    await request(t.http).post(`/v1/ops/payouts/bank-accounts/${sellerId}/verify`).set(bearer(admin)).expect(200);
  }

  beforeAll(async () => {
    t = await startTestApp(workerWithOpsAdmin(ADMIN));
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    // a list that possibly names one of the representatives below
    const list = Buffer.from('99501,"CELIK, Burak Can","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"citizen Turkey."\n', 'latin1');
    await request(t.http).post('/v1/ops/screening-lists').set(bearer(admin)).field('source', 'ofac_sdn').field('label', 'gate-1').attach('file', list, { filename: 'SDN.CSV', contentType: 'text/csv' }).expect(201);
  });
  afterAll(async () => t?.close());

  it('bank account verified BEFORE KYC approval: on hold with a neutral reason while in review for a possible match; enabled after approval; held again on suspension', async () => {
    const { token, sellerId } = await turkishSeller();
    const submitted = await submitKyc(t.http, token, [{ role: 'representative', fullName: 'Burak Çelik', nationality: 'TR' }]);
    expect(submitted.status).toBe('in_review');
    await verifiedBankAccount(token, sellerId);

    const inReview = await payouts(token);
    expect(inReview).toMatchObject({
      rail: 'bank_transfer',
      status: 'on_hold',
      railStatus: 'enabled',
      payoutsEnabled: false,
      blockingReason: { code: 'KYC_PENDING', message: 'Kimlik doğrulaması bekleniyor.' },
    });
    expect((await payouts(token, 'it')).blockingReason.message).toBe('In attesa della verifica dell’identità.');
    expect(JSON.stringify(inReview)).not.toMatch(/SANCTION|SCREENING|OFAC|SDN|99501|CELIK/i);

    await decideKyc(t.http, admin, submitted.caseId, 'approve', { internalNote: 'different Burak Çelik: other birth date' });
    expect(await payouts(token)).toMatchObject({ status: 'enabled', payoutsEnabled: true, blockingReasons: [] });
    expect(await eventually(() => hold(sellerId), (h) => h?.kyc_status === 'approved')).toEqual({ kyc_status: 'approved', held: false, reason: null });

    await decideKyc(t.http, admin, submitted.caseId, 'suspend', { reasonCode: 'SANCTIONS_HIT' });
    const suspended = await payouts(token, 'es');
    expect(suspended).toMatchObject({ status: 'on_hold', payoutsEnabled: false, blockingReason: { code: 'KYC_UNDER_REVIEW', message: 'Tu cuenta está en revisión; los pagos están en pausa.' } });
    expect(JSON.stringify(suspended)).not.toMatch(/SANCTION/);
    expect(await eventually(() => hold(sellerId), (h) => h?.kyc_status === 'suspended')).toEqual({ kyc_status: 'suspended', held: true, reason: 'KYC_UNDER_REVIEW' });
    const changes = await eventually(() => events(sellerId), (rows) => rows.length >= 2);
    expect(changes.map((e) => [e.type, e.payload.reason ?? null])).toEqual([
      ['payouts.resumed', null],
      ['payouts.paused', 'KYC_UNDER_REVIEW'],
    ]);
  }, 60000);

  it('suspension BEFORE a payout account exists: the stored hold is there, and payout setup later never shows enabled', async () => {
    const { token, sellerId } = await turkishSeller();
    const submitted = await submitKyc(t.http, token, [{ role: 'representative', fullName: 'Emre Doğan', nationality: 'TR' }]);
    expect(submitted.status).toBe('approved');
    await decideKyc(t.http, admin, submitted.caseId, 'suspend', { reasonCode: 'OTHER' });
    expect(await eventually(() => hold(sellerId), (h) => h?.kyc_status === 'suspended')).toEqual({ kyc_status: 'suspended', held: true, reason: 'KYC_UNDER_REVIEW' });
    expect((await t.sql.query('SELECT count(*)::int AS n FROM payout_accounts WHERE seller_id = $1', [sellerId])).rows[0].n).toBe(0);

    expect(await payouts(token)).toMatchObject({ status: 'not_started', payoutsEnabled: false, blockingReasons: [{ code: 'PAYOUT_NOT_SET_UP' }, { code: 'KYC_UNDER_REVIEW' }] });
    await verifiedBankAccount(token, sellerId);
    expect(await payouts(token)).toMatchObject({ status: 'on_hold', railStatus: 'enabled', payoutsEnabled: false, blockingReason: { code: 'KYC_UNDER_REVIEW' } });
    // ops lift the suspension: payouts flow
    await decideKyc(t.http, admin, submitted.caseId, 'approve');
    expect(await payouts(token)).toMatchObject({ status: 'enabled', payoutsEnabled: true });
  }, 60000);

  it('a vendor RED after approval holds payouts; no later result lifts the hold', async () => {
    const { token, sellerId } = await turkishSeller();
    const submitted = await submitKyc(t.http, token, [{ role: 'representative', fullName: 'Ece Yıldırım', nationality: 'TR' }]);
    expect(submitted.status).toBe('approved');
    await verifiedBankAccount(token, sellerId);
    expect(await payouts(token)).toMatchObject({ status: 'enabled', payoutsEnabled: true });

    // a vendor result as the webhook intake hands it over (the manual provider's applicant is the case)
    const vendor = t.app.get(VendorResultsService);
    expect(await vendor.apply({ provider: 'manual', applicantId: submitted.caseId, resultId: `red-${sellerId}`, outcome: 'rejected', decidedAt: new Date(Date.now() + 1000) })).toBe('applied');
    expect(await payouts(token)).toMatchObject({ status: 'on_hold', payoutsEnabled: false, blockingReason: { code: 'KYC_UNDER_REVIEW' } });
    // ops see why: the vendor said RED
    const [item] = (await request(t.http).get(`/v1/ops/kyc/cases?status=suspended&sellerId=${sellerId}`).set(bearer(admin))).body;
    expect(item).toMatchObject({ status: 'suspended', reviewReason: 'VENDOR_RED' });
    expect((await request(t.http).get(`/v1/ops/kyc/cases?status=suspended&reason=VENDOR_RED`).set(bearer(admin))).body.map((c: { sellerId: string }) => c.sellerId)).toContain(sellerId);
    expect(await vendor.apply({ provider: 'manual', applicantId: submitted.caseId, resultId: `green-${sellerId}`, outcome: 'approved', decidedAt: new Date(Date.now() + 2000) })).toBe('not_applicable');
    expect((await payouts(token)).payoutsEnabled).toBe(false);
    expect(await eventually(() => hold(sellerId), (h) => h?.kyc_status === 'suspended')).toMatchObject({ held: true, reason: 'KYC_UNDER_REVIEW' });
  }, 60000);

  it('a new pack version that re-verifies the seller holds payouts until the new case is approved', async () => {
    const { token, sellerId } = await turkishSeller('en');
    const submitted = await submitKyc(t.http, token, [{ role: 'representative', fullName: 'Can Aksoy', nationality: 'TR' }]);
    expect(submitted.status).toBe('approved');
    await verifiedBankAccount(token, sellerId);
    expect(await payouts(token, 'en')).toMatchObject({ status: 'enabled', payoutsEnabled: true });

    // ops make the ETBİS registration mandatory for Ltd. Şti.
    const current = (await request(t.http).get('/v1/ops/countries/TR/versions/1').set(bearer(admin))).body.document;
    const draft = structuredClone(current);
    const ltd = draft.legalForms.find((f: { code: string }) => f.code === 'tr.ltd');
    ltd.documents.find((d: { type: string }) => d.type === 'tr.etbis_kaydi').required = true;
    await request(t.http).put('/v1/ops/countries/TR/draft').set(bearer(admin)).send(draft).expect(200);
    await request(t.http).post('/v1/ops/countries/TR/draft/publish').set(bearer(admin)).expect(200);

    expect(await payouts(token, 'en')).toMatchObject({
      status: 'on_hold',
      payoutsEnabled: false,
      blockingReason: { code: 'KYC_REVERIFICATION', message: 'Please complete your identity verification again: some details need updating.' },
    });
    expect(await eventually(() => hold(sellerId), (h) => h?.kyc_status === 'collecting')).toEqual({ kyc_status: 'collecting', held: true, reason: 'KYC_REVERIFICATION' });
    // the seller adds what is new and submits again: approved, payouts flow
    const again = await submitKyc(t.http, token, [{ role: 'representative', fullName: 'Can Aksoy', nationality: 'TR' }]);
    expect(again.status).toBe('approved');
    expect(await payouts(token, 'en')).toMatchObject({ status: 'enabled', payoutsEnabled: true });
  }, 60000);

  it('tells sellers nothing about screening: no list name, screening word, entry id or matched name in any response they could read', async () => {
    expect(t.sellerResponses.length).toBeGreaterThan(0);
    expect(await tippingOff(t)).toEqual([]);
  });
});
