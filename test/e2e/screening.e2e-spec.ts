import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { tippingOff, uploadDocument } from '../support/kyc';
import { login, signup, startTestApp, TestApp, workerWithOpsAdmin } from '../support/app';
import { eventually } from '../support/eventually';
import { pdfVariant } from '../support/files';
import { acceptedRegistration, uniqueItalianCompany, uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'screening.admin@ops.example.com', password: 'Screening-Admin-Pass-1' };
const TR_DOCS = ['tr.vergi_levhasi', 'tr.ticaret_sicil_gazetesi', 'tr.imza_sirkuleri', 'tr.faaliyet_belgesi', 'representative_id'];
const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'libs/kyc/src/screening/fixtures', name));

describe('sanctions screening in KYC (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let n = 0;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });

  const loadList = (file: Buffer, label: string, aliases?: Buffer) => {
    const req = request(t.http).post('/v1/ops/screening-lists').set(bearer(admin)).field('source', 'ofac_sdn').field('label', label).attach('file', file, { filename: 'SDN.CSV', contentType: 'text/csv' });
    return aliases ? req.attach('aliases', aliases, { filename: 'ALT.CSV', contentType: 'text/csv' }) : req;
  };

  async function turkishSeller(representative: string, owner?: string) {
    const { token, res } = await signup(t.http, { country: 'TR', locale: 'tr' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany()).expect(200);
    const persons = [{ role: 'representative', fullName: representative, dateOfBirth: '1980-01-15', nationality: 'TR' }];
    if (owner) persons.push({ role: 'owner', fullName: owner, dateOfBirth: '1970-07-01', nationality: 'TR', sharePercent: '60' } as never);
    await request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token!)).send({ persons, ...(owner ? {} : { noOwnersAtOrAboveThreshold: true }) }).expect(200);
    for (const type of TR_DOCS) {
      expect((await uploadDocument(t.http, token!, type, pdfVariant(n++))).status).toBe(201);
    }
    return { token: token!, sellerId: res.body.seller.id as string };
  }

  beforeAll(async () => {
    t = await startTestApp(workerWithOpsAdmin(ADMIN));
    admin = await login(t.http, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => t?.close());

  it('refuses a file that is not the named list format', async () => {
    const res = await loadList(Buffer.from('<html>not a csv list</html>'), 'broken');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('SCREENING_LIST_FORMAT');
  });

  it('approves a Turkish Ltd. Şti. automatically when every check is green, after ops loaded a list', async () => {
    const loaded = await loadList(fixture('ofac_sdn.csv'), '2026-11-20', fixture('ofac_alt.csv'));
    expect(loaded.status).toBe(201);
    expect(loaded.body.entryCount).toBeGreaterThan(3);
    const { token } = await turkishSeller('Ayşe Yılmaz', 'Mehmet Öztürk');
    const submitted = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token));
    expect(submitted.body).toEqual({ caseId: expect.any(String), status: 'approved' });
    const audit = (await request(t.http).get('/v1/ops/audit?action=screening.list_loaded').set(bearer(admin))).body;
    expect(audit[0]).toMatchObject({ actorRole: 'ops_admin', changes: { source: 'ofac_sdn', label: '2026-11-20' } });
  });

  it.each([
    ['IT', 'it.srl', 'Giulia Bianchi', ['it.visura_camerale', 'it.atto_costitutivo', 'representative_id', 'it.tessera_sanitaria']],
    ['ES', 'es.sl', 'Lucía Fernández García', ['es.escritura', 'es.nif_card', 'es.nota_simple', 'representative_id']],
  ])('runs the full flow for a %s %s: persons, documents, submission, automatic approval', async (country, form, representative, docs) => {
    const { token, res } = await signup(t.http, { country, locale: country.toLowerCase() });
    const registration = country === 'IT' ? uniqueItalianCompany() : acceptedRegistration(country, form);
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(registration).expect(200);
    await request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token!)).send({ persons: [{ role: 'representative', fullName: representative, dateOfBirth: '1982-09-30', nationality: country }], noOwnersAtOrAboveThreshold: true }).expect(200);
    const early = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token!));
    expect(early.status).toBe(422);
    expect(early.body.error.details.map((d: { field: string }) => d.field)).toEqual(docs.map((d) => `documents[${d}]`));
    for (const type of docs) {
      expect((await uploadDocument(t.http, token!, type, pdfVariant(n++))).status).toBe(201);
    }
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token!))).body.status).toBe('approved');
    const events = (await t.sql.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 AND type LIKE 'kyc.%' ORDER BY occurred_at`, [res.body.seller.id])).rows.map((r) => r.type);
    expect(events).toEqual(['kyc.submitted', 'kyc.approved']);
  });

  it.each([
    ['a Turkish name in another order with dotted capitals', 'ŞAHİNKAYA İbrahim Halil'],
    ['a Russian name in Cyrillic', 'Щербатых Александр Юрьевич'],
  ])('sends %s matching a listed person to review, telling the seller nothing about the list', async (_case, representative) => {
    const { token, sellerId } = await turkishSeller(representative);
    const submitted = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token));
    expect(submitted.body.status).toBe('in_review');
    const kase = (await request(t.http).get('/v1/ops/kyc/cases?country=TR').set(bearer(admin))).body.find((c: { sellerId: string }) => c.sellerId === sellerId);
    const file = (await request(t.http).get(`/v1/ops/kyc/cases/${kase.id}`).set(bearer(admin))).body;
    const sanctions = file.checks.find((c: { kind: string }) => c.kind === 'sanctions');
    expect(['fail', 'review']).toContain(sanctions.result);
    expect(sanctions.evidence.hits.length).toBeGreaterThan(0);
    expect(sanctions.ruleVersion).toBe('sanctions:ofac_sdn@2026-11-20');
    const view = JSON.stringify((await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body);
    for (const secret of ['SDGT', 'RUSSIA-EO14024', 'SAHINKAYA', 'SHCHERBATYKH', sanctions.evidence.hits[0].entryId]) expect(view).not.toContain(secret);
  });

  it('re-screens approved sellers when a new list names their owner: suspends them and holds their payouts', async () => {
    const { token, sellerId } = await turkishSeller('Zeynep Kaya', 'Mehmet Öztürk');
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token))).body.status).toBe('approved');
    await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({}).expect(200);

    const newList = Buffer.from('99001,"OZTURK, Mehmet","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"citizen Turkey."\n', 'latin1');
    expect((await loadList(newList, '2026-11-23')).status).toBe(201);

    const suspended = await eventually(
      async () => (await t.sql.query('SELECT status, reason_code FROM kyc_cases WHERE seller_id = $1 AND status <> $2', [sellerId, 'superseded'])).rows[0],
      (row) => row?.status === 'suspended',
      20000,
    );
    expect(suspended).toEqual({ status: 'suspended', reason_code: 'SANCTIONS_HIT' });
    // payouts follow KYC at once (the gate reads the case), and the stored hold follows the outbox event
    const payouts = (await request(t.http).get('/v1/sellers/me/payouts').set(bearer(token))).body;
    expect(payouts).toMatchObject({ payoutsEnabled: false, blockingReasons: expect.arrayContaining([expect.objectContaining({ code: 'KYC_UNDER_REVIEW' })]) });
    expect(JSON.stringify(payouts)).not.toMatch(/SANCTION|SUSPEND/i);
    const stored = await eventually(
      async () => (await t.sql.query('SELECT held, reason FROM payout_holds WHERE seller_id = $1', [sellerId])).rows[0],
      (row) => row?.reason === 'KYC_UNDER_REVIEW',
      20000,
    );
    expect(stored).toEqual({ held: true, reason: 'KYC_UNDER_REVIEW' });
    const queue = (await request(t.http).get('/v1/ops/kyc/cases?status=suspended').set(bearer(admin))).body;
    expect(queue.map((c: { sellerId: string }) => c.sellerId)).toContain(sellerId);
  }, 60000);

  const sdnRow = (id: number, name: string) => `${id},"${name}","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"citizen Turkey."\n`;
  const rescreen = async () => {
    const { RescreenApprovedJob } = await import('@app/kyc');
    await t.app.get(RescreenApprovedJob).handle();
  };
  const openCase = async (sellerId: string) =>
    (await t.sql.query(`SELECT id, status, review_requested_at FROM kyc_cases WHERE seller_id = $1 AND status <> 'superseded'`, [sellerId])).rows[0] as { id: string; status: string; review_requested_at: Date | null };

  it('re-screening acts only on new matches: a match ops cleared, or the same list again, suspends nobody', async () => {
    const { token, sellerId } = await turkishSeller('Elif Demir', 'Kemal Aydın');
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token))).body.status).toBe('approved');

    const l1 = Buffer.from(sdnRow(99101, 'AYDIN, Kemal') + sdnRow(99102, 'KARA, Veli'), 'latin1');
    expect((await loadList(l1, 'r1')).status).toBe(201);
    await rescreen();
    const kase = await openCase(sellerId);
    expect(kase.status).toBe('suspended');
    // ops look and find the listed Kemal Aydın is someone else
    expect((await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(admin)).send({ decision: 'approve', internalNote: 'different person' })).body.status).toBe('approved');

    // the same file again: recorded, no re-screening, nobody suspended
    expect((await loadList(l1, 'r1-again')).status).toBe(201);
    const audit = (await request(t.http).get('/v1/ops/audit?action=screening.list_loaded').set(bearer(admin))).body;
    expect(audit[0]).toMatchObject({ changes: { label: 'r1-again', rescreen: false } });
    await rescreen();
    expect((await openCase(sellerId)).status).toBe('approved');

    // a new version that still names the same entry (plus someone else): the cleared match stays cleared
    expect((await loadList(Buffer.concat([l1, Buffer.from(sdnRow(99103, 'YILDIZ, Hakan'), 'latin1')]), 'r2')).status).toBe(201);
    await rescreen();
    expect((await openCase(sellerId)).status).toBe('approved');

    // a version that newly names him (a new entry): suspended again
    expect((await loadList(Buffer.concat([l1, Buffer.from(sdnRow(99104, 'AYDIN, Kemal'), 'latin1')]), 'r3')).status).toBe(201);
    await rescreen();
    expect(await openCase(sellerId)).toMatchObject({ id: kase.id, status: 'suspended' });
    const checks = (await request(t.http).get(`/v1/ops/kyc/cases/${kase.id}`).set(bearer(admin))).body.checks.filter((c: { kind: string }) => c.kind === 'sanctions');
    expect(checks.map((c: { result: string; evidence: { hits: { entryId: string }[] } }) => [c.result, c.evidence.hits.map((h) => h.entryId)])).toEqual([
      ['pass', []],
      ['fail', ['99101']],
      ['fail', ['99104']],
    ]);
  }, 60000);

  it('re-screening sends a new fuzzy match of an approved seller to review, without suspending it', async () => {
    const { token, sellerId } = await turkishSeller('Selin Arslan', 'Burak Çelik');
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token))).body.status).toBe('approved');
    // the list names a "Burak Can Celik": possibly the owner, possibly not
    expect((await loadList(Buffer.from(sdnRow(99201, 'CELIK, Burak Can'), 'latin1'), 'f1')).status).toBe(201);
    await rescreen();
    const kase = await openCase(sellerId);
    expect(kase.status).toBe('approved');
    expect(kase.review_requested_at).not.toBeNull();
    const flagged = (await request(t.http).get('/v1/ops/kyc/cases?status=approved&flagged=true').set(bearer(admin))).body;
    expect(flagged.map((c: { id: string }) => c.id)).toEqual([kase.id]);
    const file = (await request(t.http).get(`/v1/ops/kyc/cases/${kase.id}`).set(bearer(admin))).body;
    const review = file.checks.filter((c: { kind: string }) => c.kind === 'sanctions').at(-1);
    expect(review).toMatchObject({ result: 'review', evidence: { decision: 'review', hits: [{ entryId: '99201', strength: 'fuzzy' }] } });
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE aggregate_id = $1 AND type = 'kyc.suspended'`, [sellerId])).rows[0].n).toBe(0);

    // screened again, the pending match is not flagged twice
    await rescreen();
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM kyc_checks WHERE case_id = $1 AND kind = 'sanctions'`, [kase.id])).rows[0].n).toBe(2);
    // ops clear it: the flag goes, the case stays approved, and the match stays cleared
    expect((await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(admin)).send({ decision: 'approve' })).body).toMatchObject({ status: 'approved', reviewRequestedAt: null });
    await rescreen();
    expect(await openCase(sellerId)).toEqual({ id: kase.id, status: 'approved', review_requested_at: null });
    // an approved case that is not flagged is no decision to make
    expect((await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(admin)).send({ decision: 'approve' })).status).toBe(409);
  }, 60000);

  it('lets a reviewer who confirms a fuzzy re-screening match suspend the approved seller, pausing payouts', async () => {
    const { token, sellerId } = await turkishSeller('Deniz Koç', 'Murat Şahin');
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token))).body.status).toBe('approved');
    expect((await loadList(Buffer.from(sdnRow(99301, 'SAHIN, Murat Ali'), 'latin1'), 'f-confirm')).status).toBe(201);
    await rescreen();
    const kase = await openCase(sellerId);
    expect(kase).toMatchObject({ status: 'approved', review_requested_at: expect.any(Date) });
    // a seller cannot suspend; a reviewer's suspend needs an approved case
    expect((await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(token)).send({ decision: 'suspend' })).status).toBe(403);
    const res = await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(admin)).send({ decision: 'suspend', reasonCode: 'SANCTIONS_HIT', internalNote: 'same date of birth as entry 99301' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'suspended', reviewRequestedAt: null });
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE aggregate_id = $1 AND type = 'kyc.suspended'`, [sellerId])).rows[0].n).toBe(1);
    const audit = (await request(t.http).get(`/v1/ops/audit?targetId=${kase.id}`).set(bearer(admin))).body;
    expect(audit[0]).toMatchObject({ action: 'kyc.suspend', actorRole: 'ops_admin' });
    // the seller sees a neutral state and reason in their language (a review, not a suspension for a match), never the note
    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token)).set('Accept-Language', 'tr')).body;
    expect(view.status).toBe('in_review');
    expect(view.reason).toEqual({ code: 'UNDER_REVIEW', message: 'Doğrulamanız inceleniyor. Başka bir şeye ihtiyacımız olursa sizinle iletişime geçeceğiz.' });
    expect(JSON.stringify(view)).not.toContain('99301');
    // suspending again is an illegal move
    expect((await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(admin)).send({ decision: 'suspend' })).status).toBe(409);
  }, 60000);

  it('shows reviewers people in the queue: who the seller is, why the case is in review, its age and four-eyes state; searchable', async () => {
    // the newest list version names both people the next two tests look for
    expect((await loadList(Buffer.from(sdnRow(99401, 'SAHINKAYA, Ibrahim Halil') + sdnRow(99402, 'SHCHERBATYKH, Aleksandr Yurievich'), 'latin1'), 'triage')).status).toBe(201);
    const { token, sellerId } = await turkishSeller('İbrahim Halil Şahinkaya', 'Oya Çınar');
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token))).body.status).toBe('in_review');
    const email = (await t.sql.query('SELECT a.email FROM accounts a JOIN sellers s ON s.account_id = a.id WHERE s.id = $1', [sellerId])).rows[0].email;
    const legalName = (await t.sql.query('SELECT legal_name FROM seller_business_profiles WHERE seller_id = $1', [sellerId])).rows[0].legal_name;

    const [item] = (await request(t.http).get(`/v1/ops/kyc/cases?sellerId=${sellerId}`).set(bearer(admin))).body;
    expect(item).toMatchObject({
      sellerId,
      country: 'TR',
      status: 'in_review',
      legalName,
      sellerEmail: email,
      reviewReason: 'SCREENING_POSSIBLE_MATCH',
      reviewReasons: ['SCREENING_POSSIBLE_MATCH'],
      ageHours: 0,
      fourEyes: false,
      fourEyesState: 'not_required',
    });
    expect(item.persons).toEqual(expect.arrayContaining([{ role: 'representative', fullName: 'İbrahim Halil Şahinkaya' }, { role: 'owner', fullName: 'Oya Çınar' }]));

    const ids = async (query: string) => {
      const res = await request(t.http).get(`/v1/ops/kyc/cases?${query}`).set(bearer(admin));
      expect([query, res.status]).toEqual([query, 200]);
      return res.body.map((c: { sellerId: string }) => c.sellerId);
    };
    expect(await ids(`q=${encodeURIComponent('oya çınar')}`)).toEqual([sellerId]);
    expect(await ids(`q=${encodeURIComponent(email.toUpperCase())}`)).toEqual([sellerId]);
    expect(await ids(`q=${encodeURIComponent(legalName.slice(0, 12))}`)).toContain(sellerId);
    expect(await ids('reason=SCREENING_POSSIBLE_MATCH')).toContain(sellerId);
    expect(await ids('reason=DUPLICATE_DOCUMENT')).not.toContain(sellerId);
    // LIKE wildcards are searched for literally
    expect(await ids(`q=${encodeURIComponent('%_')}`)).toEqual([]);
    expect((await request(t.http).get('/v1/ops/kyc/cases?reason=SANCTIONS').set(bearer(admin))).status).toBe(400);
    expect((await request(t.http).get('/v1/ops/kyc/cases?sellerId=nope').set(bearer(admin))).status).toBe(400);
  });

  it('lets a reviewer screen a name against the loaded lists and see the evidence; each look-up is audited', async () => {
    const res = await request(t.http).post('/v1/ops/screening/check').set(bearer(admin)).send({ name: 'Щербатых Александр Юрьевич', birthDate: '1971-02-14', nationality: 'ru' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decision: 'hit', listVersion: expect.stringContaining('ofac_sdn@'), nationalityUsed: false, subject: { name: 'Щербатых Александр Юрьевич', kind: 'person', nationality: 'RU' } });
    expect(res.body.hits[0]).toMatchObject({ entryId: '99402', source: 'ofac_sdn', matchedName: 'SHCHERBATYKH, Aleksandr Yurievich', decision: 'hit' });
    const clear = await request(t.http).post('/v1/ops/screening/check').set(bearer(admin)).send({ name: 'Giulia Bianchi' });
    expect(clear.body).toMatchObject({ decision: 'clear', hits: [] });
    const audit = (await request(t.http).get(`/v1/ops/audit?targetId=${res.body.id}`).set(bearer(admin))).body;
    expect(audit[0]).toMatchObject({ action: 'screening.checked', actorRole: 'ops_admin', changes: { decision: 'hit', subject: { name: 'Щербатых Александр Юрьевич' } } });
    expect((await request(t.http).post('/v1/ops/screening/check').set(bearer(admin)).send({ name: 'x', birthDate: '1971-02-30' })).status).toBe(400);
    const { token } = await signup(t.http, { country: 'TR' });
    expect((await request(t.http).post('/v1/ops/screening/check').set(bearer(token!)).send({ name: 'Anyone Else' })).status).toBe(403);
  });

  it('tells sellers nothing about screening: no list name, screening word, entry id or matched name in any response they could read', async () => {
    expect(t.sellerResponses.length).toBeGreaterThan(0);
    expect(await tippingOff(t)).toEqual([]);
  });
});
