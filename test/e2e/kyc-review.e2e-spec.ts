import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { login, signup, startTestApp, TestApp, uniqueEmail } from '../support/app';
import { pdfVariant } from '../support/files';
import { tippingOff, uploadDocument } from '../support/kyc';
import { uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'kyc.review.admin@ops.example.com', password: 'Kyc-Review-Admin-Pass-1' };
const TR_DOCS = ['tr.vergi_levhasi', 'tr.ticaret_sicil_gazetesi', 'tr.imza_sirkuleri', 'tr.faaliyet_belgesi', 'representative_id'];
const TR_IBAN = 'TR330006100519786457841326';
const LEGAL_NAME = 'Ege Tekstil Sanayi ve Ticaret Limited Şirketi';

/** What a reviewer needs on one screen: the seller, messages to them, owners, and the bank holder's name. */
describe('KYC review on one screen (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let reviewer: string;
  let n = 0;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });

  beforeAll(async () => {
    t = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    const email = uniqueEmail('kyc.review.reviewer');
    await request(t.http).post('/v1/ops/accounts').set(bearer(admin)).send({ email, password: 'Reviewer-Passphrase-9', role: 'ops_reviewer' }).expect(201);
    reviewer = await login(t.http, email, 'Reviewer-Passphrase-9');
  });
  afterAll(async () => t?.close());

  async function turkishCompany() {
    const email = uniqueEmail('kyc.review.seller');
    const { token, res } = await signup(t.http, { country: 'TR', locale: 'tr', email });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send({ ...uniqueTurkishCompany(), legalName: LEGAL_NAME }).expect(200);
    // the representative first: their ID names them (the tests below declare the rest)
    await request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token!)).send({ persons: [representative] }).expect(200);
    for (const type of TR_DOCS) {
      expect((await uploadDocument(t.http, token!, type, pdfVariant(1000 + n++))).status).toBe(201);
    }
    return { token: token!, sellerId: res.body.seller.id as string, email };
  }
  const representative = { role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' };
  const owner = { role: 'owner', fullName: 'Mehmet Öztürk', dateOfBirth: '1970-07-01', nationality: 'TR', sharePercent: '60' };
  const persons = (token: string, body: object, lang = 'tr') => request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token)).set('Accept-Language', lang).send(body);

  it('a company names its owners at or above the threshold, or declares that there are none; otherwise submission is refused', async () => {
    const { token } = await turkishCompany();
    await persons(token, { persons: [representative] }).expect(200);
    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token)).expect(200)).body;
    expect(view.checklist).toEqual([{ item: 'owners', message: '%25 veya daha fazla paya sahip tüm ortakları bildirin ya da böyle bir kişi olmadığını onaylayın.' }]);
    expect(view.noOwnersDeclared).toBe(false);
    const refused = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token)).set('Accept-Language', 'en');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('KYC_INCOMPLETE');
    expect(refused.body.error.details).toEqual([{ field: 'persons', code: 'MISSING_OWNERS', message: 'Declare every owner holding 25% or more, or confirm that no person does.' }]);

    // owners and the declaration at once contradict each other
    const both = await persons(token, { persons: [representative, owner], noOwnersAtOrAboveThreshold: true }, 'es');
    expect(both.status).toBe(422);
    expect(both.body.error.details).toEqual([{ field: 'noOwnersAtOrAboveThreshold', code: 'OWNERS_AND_NO_OWNERS', message: 'Has indicado titulares y también que nadie alcanza el 25 %; elige una opción.' }]);
    expect((await persons(token, { persons: [representative], noOwnersAtOrAboveThreshold: 'yes' })).status).toBe(400);

    // the declaration is stored with the case (and shown to ops)
    await persons(token, { persons: [representative], noOwnersAtOrAboveThreshold: true }).expect(200);
    expect((await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body).toMatchObject({ checklist: [], noOwnersDeclared: true });
    const submitted = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token)).expect(200);
    const file = (await request(t.http).get(`/v1/ops/kyc/cases/${submitted.body.caseId}`).set(bearer(reviewer)).expect(200)).body;
    expect(file.case.noOwnersDeclaredAt).toEqual(expect.any(String));
  });

  it('declaring owners clears a declaration that there are none', async () => {
    const { token } = await turkishCompany();
    await persons(token, { persons: [representative], noOwnersAtOrAboveThreshold: true }).expect(200);
    await persons(token, { persons: [representative, owner] }).expect(200);
    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body;
    expect(view).toMatchObject({ checklist: [], noOwnersDeclared: false });
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token))).status).toBe(200);
  });

  it('shows the reviewer the seller’s account and business profile in the case file', async () => {
    const { token, sellerId, email } = await turkishCompany();
    await persons(token, { persons: [representative, owner] }).expect(200);
    const { caseId } = (await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token)).expect(200)).body;
    const file = (await request(t.http).get(`/v1/ops/kyc/cases/${caseId}`).set(bearer(reviewer)).expect(200)).body;
    expect(file.seller).toMatchObject({
      sellerId,
      country: 'TR',
      createdAt: expect.any(String),
      account: { email, locale: 'tr', createdAt: expect.any(String) },
      business: { legalForm: 'tr.ltd', sellerType: 'company', legalName: LEGAL_NAME, identifiers: expect.objectContaining({ 'tr.vkn': expect.any(String) }), phone: expect.any(String) },
    });
    expect(file.persons.map((p: { role: string }) => p.role).sort()).toEqual(['owner', 'representative']);
  });

  it('lets ops write to the seller: stored, audited, shown as from the review team, apart from internal notes', async () => {
    const { token } = await turkishCompany();
    await persons(token, { persons: [representative], noOwnersAtOrAboveThreshold: true }).expect(200);
    const { caseId } = (await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token)).expect(200)).body;
    await request(t.http).post(`/v1/ops/kyc/cases/${caseId}/decisions`).set(bearer(reviewer)).send({ decision: 'request_changes', reasonCode: 'INFORMATION_INCOMPLETE', internalNote: 'INTERNAL-NOTE-42' }).expect(200);

    const body = 'Lütfen son altı ay içinde düzenlenmiş bir imza sirküleri yükleyin.';
    const sent = await request(t.http).post(`/v1/ops/kyc/cases/${caseId}/messages`).set(bearer(reviewer)).send({ body: `  ${body}  ` });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ id: expect.any(String), authorAccountId: expect.any(String), body, sentAt: expect.any(String) });
    // bad input is a localised 400; an unknown case 404; sellers cannot write as ops
    expect((await request(t.http).post(`/v1/ops/kyc/cases/${caseId}/messages`).set(bearer(reviewer)).send({ body: '   ' })).status).toBe(400);
    expect((await request(t.http).post(`/v1/ops/kyc/cases/${caseId}/messages`).set(bearer(reviewer)).send({ body: 'x'.repeat(4001) })).status).toBe(400);
    expect((await request(t.http).post('/v1/ops/kyc/cases/00000000-0000-4000-8000-000000000000/messages').set(bearer(reviewer)).send({ body })).status).toBe(404);
    expect((await request(t.http).post(`/v1/ops/kyc/cases/${caseId}/messages`).set(bearer(token)).send({ body })).status).toBe(403);

    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token)).expect(200)).body;
    expect(view.messages).toEqual([{ id: sent.body.id, from: 'review_team', body, sentAt: sent.body.sentAt }]);
    expect(JSON.stringify(view)).not.toContain('INTERNAL-NOTE-42');
    expect(JSON.stringify(view)).not.toContain(sent.body.authorAccountId);

    const file = (await request(t.http).get(`/v1/ops/kyc/cases/${caseId}`).set(bearer(reviewer))).body;
    expect(file.messages).toEqual([sent.body]);
    expect(file.history.some((h: { internalNote: string | null }) => h.internalNote === 'INTERNAL-NOTE-42')).toBe(true);
    const audit = (await request(t.http).get('/v1/ops/audit?action=kyc.message_sent').set(bearer(admin))).body;
    expect(audit.find((a: { targetId: string }) => a.targetId === caseId)).toMatchObject({ actorRole: 'ops_reviewer', changes: { messageId: sent.body.id } });
    expect(JSON.stringify(audit)).not.toContain(body);
  });

  it('compares a bank account holder with the legal name: a mismatch is a review reason ops see', async () => {
    const bankFor = async (holderName: string) => {
      const { token, sellerId } = await turkishCompany();
      await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({}).expect(200);
      await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName, iban: TR_IBAN }).expect(200);
      return { token, sellerId };
    };
    const same = await bankFor('EGE TEKSTİL SANAYİ VE TİCARET LTD. ŞTİ.');
    const other = await bankFor('Ayşe Yılmaz');
    const queue = (await request(t.http).get('/v1/ops/payouts/bank-accounts?status=pending_review&limit=200').set(bearer(reviewer)).expect(200)).body as { sellerId: string }[];
    expect(queue.find((b) => b.sellerId === same.sellerId)).toMatchObject({ holderNameCheck: { legalName: LEGAL_NAME, result: 'match' }, reviewReasons: [] });
    expect(queue.find((b) => b.sellerId === other.sellerId)).toMatchObject({ holderName: 'Ayşe Yılmaz', holderNameCheck: { legalName: LEGAL_NAME, result: 'mismatch' }, reviewReasons: ['HOLDER_NAME_MISMATCH'] });
    // the seller's own view never carries the review reason
    const sellerView = (await request(t.http).get('/v1/sellers/me/payouts').set(bearer(other.token))).body;
    expect(JSON.stringify(sellerView)).not.toContain('HOLDER_NAME_MISMATCH');
    // verifying despite the mismatch is the reviewer's decision, and the audit records it
    const verified = await request(t.http).post(`/v1/ops/payouts/bank-accounts/${other.sellerId}/verify`).set(bearer(reviewer)).expect(200);
    expect(verified.body).toMatchObject({ status: 'verified', reviewReasons: ['HOLDER_NAME_MISMATCH'] });
    const audit = (await request(t.http).get('/v1/ops/audit?action=payouts.bank_account_verified').set(bearer(admin))).body;
    expect(audit.find((a: { targetId: string }) => a.targetId === other.sellerId)).toMatchObject({ changes: { holderName: 'mismatch' } });
  });

  it('tells sellers nothing about screening in any response they could read', async () => {
    expect(t.sellerResponses.length).toBeGreaterThan(0);
    expect(await tippingOff(t)).toEqual([]);
  });
});
