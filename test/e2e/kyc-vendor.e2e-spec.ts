import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { tippingOff, uploadDocument } from '../support/kyc';
import { eventually } from '../support/eventually';
import { startSumsubDouble, SumsubDouble } from '../doubles/sumsub-double';
import { login, signup, startTestApp, TestApp, uniqueEmail, workerWithOpsAdmin } from '../support/app';
import { pdfVariant } from '../support/files';
import { uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'kyc.vendor.admin@ops.example.com', password: 'Kyc-Vendor-Admin-Pass-1' };
const TR_DOCS = ['tr.vergi_levhasi', 'tr.ticaret_sicil_gazetesi', 'tr.imza_sirkuleri', 'tr.faaliyet_belgesi', 'representative_id'];
const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'libs/kyc/src/screening/fixtures', name));
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe('identity verification by Sumsub (e2e)', () => {
  let t: TestApp;
  let sumsub: SumsubDouble;
  let admin: string;
  let reviewer: string;
  let n = 0;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });

  beforeAll(async () => {
    sumsub = await startSumsubDouble();
    // results go through the webhook inbox: the worker applies them
    t = await startTestApp(workerWithOpsAdmin(ADMIN, sumsub.env));
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    const email = uniqueEmail('kyc.vendor.reviewer');
    await request(t.http).post('/v1/ops/accounts').set(bearer(admin)).send({ email, password: 'Reviewer-Passphrase-3', role: 'ops_reviewer' }).expect(201);
    reviewer = await login(t.http, email, 'Reviewer-Passphrase-3');
    // a loaded sanctions list lets every other check pass, so the identity check decides
    await request(t.http)
      .post('/v1/ops/screening-lists')
      .set(bearer(admin))
      .field('source', 'ofac_sdn')
      .field('label', '2026-11-20')
      .attach('file', fixture('ofac_sdn.csv'), { filename: 'SDN.CSV', contentType: 'text/csv' })
      .attach('aliases', fixture('ofac_alt.csv'), { filename: 'ALT.CSV', contentType: 'text/csv' })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await sumsub?.close();
  });

  /** A Turkish seller with a complete case (still collecting); returns the case id. */
  async function seller() {
    const { token, res } = await signup(t.http, { country: 'TR', locale: 'tr' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany()).expect(200);
    await request(t.http)
      .put('/v1/sellers/me/kyc/persons')
      .set(bearer(token!))
      .send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' }], noOwnersAtOrAboveThreshold: true })
      .expect(200);
    for (const type of TR_DOCS) {
      expect((await uploadDocument(t.http, token!, type, pdfVariant(n++))).status).toBe(201);
    }
    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token!)).expect(200)).body;
    return { token: token!, sellerId: res.body.seller.id as string, caseId: view.caseId as string, view };
  }

  const rawDeliver = (payload: Record<string, unknown>, opts?: Parameters<SumsubDouble['webhook']>[1]) => {
    const { body, headers } = sumsub.webhook(payload, opts);
    // as a string: supertest would serialise a Buffer as JSON; the bytes are the same UTF-8
    return request(t.http).post('/v1/webhooks/kyc/sumsub').set(headers).send(body.toString('utf8'));
  };
  /**
   * Delivers a webhook and, when the intake queued it in the webhook inbox, waits for the worker to
   * apply it: the answer then carries what applying did (the inbox row's outcome).
   */
  const deliver = async (payload: Record<string, unknown>, opts?: Parameters<SumsubDouble['webhook']>[1]) => {
    const res = await rawDeliver(payload, opts);
    if (res.status !== 200 || res.body.disposition !== 'queued') return { status: res.status, body: res.body.eventId ? { received: res.body.received, disposition: res.body.disposition } : res.body };
    expect(res.body.eventId).toMatch(/^sumsub:/);
    const row = await eventually(
      async () => (await t.sql.query('SELECT status, outcome FROM webhook_inbox WHERE id = $1', [res.body.eventId])).rows[0],
      (r) => r && r.status !== 'received',
    );
    expect(row.status).toBe('processed');
    return { status: res.status, body: { received: true, disposition: row.outcome as string } };
  };
  const status = async (caseId: string) => (await t.sql.query('SELECT status FROM kyc_cases WHERE id = $1', [caseId])).rows[0].status as string;
  const submit = (token: string) => request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token));

  it('gives the seller a hosted Sumsub link, with one applicant per case kept on the case', async () => {
    const { token, caseId, view } = await seller();
    expect(view.identityVerification).toEqual({ provider: 'sumsub', status: 'pending', url: expect.stringMatching(/^https:\/\/in\.sumsub\.com\/websdk\/p\//) });
    const applicant = sumsub.applicants.get(caseId);
    expect(applicant).toBeTruthy();
    const stored = (await t.sql.query('SELECT identity_provider, identity_applicant_id FROM kyc_cases WHERE id = $1', [caseId])).rows[0];
    expect(stored).toEqual({ identity_provider: 'sumsub', identity_applicant_id: applicant!.id });

    // asking again mints a fresh link for the same applicant (the create answers 409, the lookup finds it)
    const again = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token)).expect(200)).body.identityVerification;
    expect(again.url).toMatch(/^https:\/\/in\.sumsub\.com\//);
    expect(again.url).not.toBe(view.identityVerification.url);
    expect(sumsub.requests.some((r) => r.status === 409)).toBe(true);
    expect(sumsub.requests.some((r) => r.method === 'GET' && r.path.includes(`externalUserId=${caseId}/one`) && r.status === 200)).toBe(true);
    expect(sumsub.requests.every((r) => r.status !== 401)).toBe(true);
    expect(t.logs.join('\n')).not.toContain(view.identityVerification.url);
    expect(t.logs.join('\n')).not.toContain(sumsub.env.SUMSUB_SECRET_KEY);
  });

  it('a GREEN result lets the submission be approved; a duplicate delivery is a no-op; a RED after approval suspends', async () => {
    const { token, caseId } = await seller();
    const green = sumsub.reviewed(caseId, { answer: 'GREEN', at: minutes(-1) });
    const first = await deliver(green);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true, disposition: 'recorded' });
    expect(await status(caseId)).toBe('collecting');
    const again = await deliver(green);
    expect(again.body).toEqual({ received: true, disposition: 'duplicate' });
    const identity = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body.identityVerification;
    expect(identity).toEqual({ provider: 'sumsub', status: 'approved' });

    expect((await submit(token)).body).toEqual({ caseId, status: 'approved' });
    const checks = (await t.sql.query(`SELECT kind, result FROM kyc_checks WHERE case_id = $1 AND kind = 'identity'`, [caseId])).rows;
    expect(checks).toEqual([{ kind: 'identity', result: 'pass' }]);
    expect((await deliver(green)).body.disposition).toBe('duplicate');
    expect(await status(caseId)).toBe('approved');
    const payoutReasons = async () => (await request(t.http).get('/v1/sellers/me/payouts').set(bearer(token))).body.blockingReasons.map((r: { code: string }) => r.code);
    expect(await payoutReasons()).toEqual(['PAYOUT_NOT_SET_UP']);

    // the vendor later finds fraud: suspended (payouts held), and a later GREEN does not lift it
    const red = await deliver(sumsub.reviewed(caseId, { answer: 'RED', rejectType: 'FINAL', labels: ['FORGERY'], clientComment: 'forged stamp, internal' }));
    expect(red.body).toEqual({ received: true, disposition: 'applied' });
    expect(await status(caseId)).toBe('suspended');
    expect(await payoutReasons()).toEqual(['PAYOUT_NOT_SET_UP', 'KYC_UNDER_REVIEW']);
    expect((await deliver(sumsub.reviewed(caseId, { answer: 'GREEN', at: minutes(1) }))).body.disposition).toBe('not_applicable');
    expect(await status(caseId)).toBe('suspended');
    const events = (await t.sql.query(`SELECT type FROM outbox_events WHERE payload->>'caseId' = $1 ORDER BY occurred_at`, [caseId])).rows.map((r) => r.type);
    expect(events).toEqual(['kyc.submitted', 'kyc.approved', 'kyc.suspended']);
    const rows = (await t.sql.query(`SELECT outcome, disposition FROM kyc_vendor_results WHERE case_id = $1 ORDER BY received_at`, [caseId])).rows.map((r) => `${r.outcome}:${r.disposition}`);
    expect(rows).toEqual(['approved:recorded', 'rejected:applied', 'approved:not_applicable']);
  });

  it('without a result the submission waits in review, and the GREEN that arrives then approves', async () => {
    const { token, caseId } = await seller();
    expect((await submit(token)).body.status).toBe('in_review');
    const identity = (await t.sql.query(`SELECT result FROM kyc_checks WHERE case_id = $1 AND kind = 'identity'`, [caseId])).rows;
    expect(identity).toEqual([{ result: 'review' }]);
    expect((await deliver(sumsub.reviewed(caseId, { answer: 'GREEN' }))).body.disposition).toBe('applied');
    expect(await status(caseId)).toBe('approved');
  });

  it('a late GREEN after an ops rejection does not reverse it', async () => {
    const { token, caseId } = await seller();
    expect((await submit(token)).body.status).toBe('in_review');
    const rejected = await request(t.http).post(`/v1/ops/kyc/cases/${caseId}/decisions`).set(bearer(reviewer)).send({ decision: 'reject', reasonCode: 'NOT_ELIGIBLE' });
    expect(rejected.body.status).toBe('rejected');
    // decided by Sumsub before ops decided, delivered after: recorded, not applied
    expect((await deliver(sumsub.reviewed(caseId, { answer: 'GREEN', at: minutes(-5) }))).body.disposition).toBe('late');
    // decided after: a rejection is lifted by ops only
    expect((await deliver(sumsub.reviewed(caseId, { answer: 'GREEN', at: minutes(5) }))).body.disposition).toBe('not_applicable');
    expect(await status(caseId)).toBe('rejected');
  });

  it('refuses a forged, altered or unsigned webhook and stores nothing; other events are acknowledged', async () => {
    const { caseId } = await seller();
    const count = async () => (await t.sql.query('SELECT count(*)::int AS n FROM kyc_vendor_results')).rows[0].n as number;
    const before = await count();
    const payload = sumsub.reviewed(caseId, { answer: 'GREEN' });

    const forged = await rawDeliver(payload, { secret: 'not-the-webhook-secret' }).set('Accept-Language', 'ru');
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatchObject({ code: 'KYC_VENDOR_SIGNATURE_INVALID', message: 'Подпись вебхука недействительна.' });
    const { body, headers } = sumsub.webhook(payload);
    const altered = Buffer.from(body.toString('utf8').replace('GREEN', 'GREEM'));
    expect((await request(t.http).post('/v1/webhooks/kyc/sumsub').set(headers).send(altered.toString('utf8'))).status).toBe(400);
    const unsigned = await request(t.http).post('/v1/webhooks/kyc/sumsub').set('Content-Type', 'application/json').send(body.toString('utf8'));
    expect(unsigned.status).toBe(400);
    const unknownAlg = await request(t.http).post('/v1/webhooks/kyc/sumsub').set({ ...headers, 'X-Payload-Digest-Alg': 'HMAC_MD5_HEX' }).send(body.toString('utf8'));
    expect(unknownAlg.status).toBe(400);
    const otherVendor = await request(t.http).post('/v1/webhooks/kyc/onfido').set(headers).send(body.toString('utf8'));
    expect(otherVendor.status).toBe(404);
    expect(otherVendor.body.error.code).toBe('KYC_VENDOR_NOT_CONFIGURED');
    expect(await count()).toBe(before);
    expect(await status(caseId)).toBe('collecting');
    expect(t.logs.some((l) => l.includes('refused a vendor webhook') && l.includes('mismatch'))).toBe(true);

    // a pending notice carries no decision: 200, nothing stored; SHA-512 digests verify too
    const pending = await deliver({ applicantId: 'x', externalUserId: caseId, type: 'applicantPending', reviewStatus: 'pending', createdAtMs: '2026-01-01 00:00:00.000' });
    expect(pending.body).toEqual({ received: true, disposition: 'ignored' });
    expect((await deliver(payload, { alg: 'HMAC_SHA512_HEX' })).body.disposition).toBe('recorded');
    expect(await count()).toBe(before + 1);
  });

  it('goes through the same webhook inbox as Stripe: listed for ops, retried, dead-lettered and replayed exactly once', async () => {
    const { caseId } = await seller();
    const inboxRows = async () => (await t.sql.query(`SELECT count(*)::int AS n FROM webhook_inbox WHERE provider = 'sumsub'`)).rows[0].n as number;
    const before = await inboxRows();
    // a forged delivery never reaches the inbox
    expect((await rawDeliver(sumsub.reviewed(caseId, { answer: 'GREEN' }), { secret: 'forged' })).status).toBe(400);
    expect(await inboxRows()).toBe(before);

    // applying fails (here: the database refuses the result's row) → retried, then dead
    await t.sql.query(`ALTER TABLE kyc_vendor_results ADD CONSTRAINT tmp_refuse_results CHECK (outcome <> 'approved') NOT VALID`);
    const green = sumsub.reviewed(caseId, { answer: 'GREEN', clientComment: 'INTERNAL-ONLY-COMMENT' });
    const queued = await rawDeliver(green);
    expect(queued.status).toBe(200);
    expect(queued.body).toEqual({ received: true, disposition: 'queued', eventId: expect.stringMatching(/^sumsub:/) });
    const id = queued.body.eventId as string;
    const dead = await eventually(
      async () => (await request(t.http).get(`/v1/ops/webhooks?provider=sumsub&status=dead`).set(bearer(admin))).body as { id: string; provider: string; status: string; attempts: number }[],
      (rows) => rows.some((r) => r.id === id),
      30000,
    );
    expect(dead.find((r) => r.id === id)).toMatchObject({ provider: 'sumsub', type: 'identity.result', status: 'dead', outcome: 'failed', attempts: 6 });
    expect(await status(caseId)).toBe('collecting');
    // the inbox keeps the typed result, never the vendor's comments
    const stored = (await request(t.http).get(`/v1/ops/webhooks/${encodeURIComponent(id)}`).set(bearer(admin)).expect(200)).body;
    expect(stored.payload).toMatchObject({ provider: 'sumsub', applicantId: caseId, outcome: 'approved' });
    expect(JSON.stringify(stored)).not.toContain('INTERNAL-ONLY-COMMENT');

    // fixed: ops replay it (audited), the worker applies it once; a redelivery stays a duplicate
    await t.sql.query('ALTER TABLE kyc_vendor_results DROP CONSTRAINT tmp_refuse_results');
    await request(t.http).post(`/v1/ops/webhooks/${encodeURIComponent(id)}/replay`).set(bearer(reviewer)).expect(403);
    expect((await request(t.http).post(`/v1/ops/webhooks/${encodeURIComponent(id)}/replay`).set(bearer(admin)).expect(200)).body).toMatchObject({ id, status: 'received', outcome: 'replayed' });
    const done = await eventually(
      async () => (await t.sql.query('SELECT status, outcome FROM webhook_inbox WHERE id = $1', [id])).rows[0],
      (r) => r.status !== 'received',
    );
    expect(done).toEqual({ status: 'processed', outcome: 'recorded' });
    expect((await t.sql.query('SELECT identity_result FROM kyc_cases WHERE id = $1', [caseId])).rows[0].identity_result).toBe('approved');
    expect((await rawDeliver(green)).body.disposition).toBe('duplicate');
    const audit = (await request(t.http).get('/v1/ops/audit?action=webhook.replayed').set(bearer(admin))).body;
    expect(audit.some((a: { targetId: string }) => a.targetId === id)).toBe(true);
  });

  it('documents the webhook in OpenAPI: its receipt and its errors', async () => {
    const op = (await request(t.http).get('/docs-json').expect(200)).body.paths['/v1/webhooks/kyc/{provider}'].post;
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    expect(op.responses['400'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorEnvelopeDto');
    expect(op.security ?? []).toEqual([]);
  });

  it('a RED RETRY sends the seller back with the reason in their language; internal comments never reach them', async () => {
    // before submission: the retry is recorded, and submitting sends the case straight back
    const early = await seller();
    const retry = await deliver(
      sumsub.reviewed(early.caseId, { answer: 'RED', rejectType: 'RETRY', labels: ['EXPIRATION_DATE'], moderationComment: 'Your passport has expired.', clientComment: 'CLIENT-ONLY-NOTE' }),
    );
    expect(retry.body.disposition).toBe('recorded');
    const sentBack = await submit(early.token);
    expect(sentBack.body).toEqual({ caseId: early.caseId, status: 'action_required', reason: { code: 'DOCUMENT_EXPIRED', message: 'Belgenin süresi geçmiş; güncel bir belge yükleyin.' } });

    // after submission: the retry moves the case from review back to the seller
    const late = await seller();
    expect((await submit(late.token)).body.status).toBe('in_review');
    const red = await deliver(sumsub.reviewed(late.caseId, { answer: 'RED', rejectType: 'RETRY', labels: ['BAD_FACE_MATCHING'], clientComment: 'CLIENT-ONLY-NOTE' }));
    expect(red.body.disposition).toBe('applied');
    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(late.token))).body;
    expect(view.status).toBe('action_required');
    const message = 'Doğrulama ortağımızdaki kimlik kontrolü başarılı olmadı; bağlantıyı izleyerek yeniden deneyin.';
    expect(view.reason).toEqual({ code: 'IDENTITY_CHECK_FAILED', message });
    expect(view.identityVerification).toEqual({ provider: 'sumsub', status: 'retry', url: expect.stringMatching(/^https:\/\//), reason: { code: 'IDENTITY_CHECK_FAILED', message } });
    expect(JSON.stringify(view)).not.toContain('CLIENT-ONLY-NOTE');
    expect(t.logs.join('\n')).not.toContain('CLIENT-ONLY-NOTE');
    expect(t.logs.join('\n')).not.toContain('Ayşe');

    // the seller redoes the check; a GREEN is recorded and the resubmission is approved
    expect((await deliver(sumsub.reviewed(late.caseId, { answer: 'GREEN', at: minutes(1) }))).body.disposition).toBe('recorded');
    expect((await submit(late.token)).body.status).toBe('approved');
  });

  it("shows a seller whom the vendor refused on a watchlist label a neutral reason, never the label", async () => {
    const { token, caseId } = await seller();
    const red = await deliver(sumsub.reviewed(caseId, { answer: 'RED', rejectType: 'FINAL', labels: ['SANCTIONS', 'PEP'], clientComment: 'listed, internal' }));
    expect(red.body).toEqual({ received: true, disposition: 'recorded' });
    // internally the case keeps the screening reason…
    expect((await t.sql.query('SELECT identity_reason_code FROM kyc_cases WHERE id = $1', [caseId])).rows[0].identity_reason_code).toBe('SANCTIONS_HIT');
    // …the seller reads a neutral one
    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token)).set('Accept-Language', 'en')).body;
    expect(view.identityVerification).toMatchObject({ status: 'rejected', reason: { code: 'OTHER', message: 'Contact support for details.' } });
  });

  it('tells sellers nothing about screening: no list name, screening word, entry id or matched name in any response they could read', async () => {
    expect(t.sellerResponses.length).toBeGreaterThan(0);
    expect(await tippingOff(t)).toEqual([]);
  });
});
