import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import request from 'supertest';
import { tippingOff, uploadDocument } from '../support/kyc';
import { startS3Double, S3Double } from '../doubles/s3-double';
import { login, signup, startTestApp, TestApp, uniqueEmail } from '../support/app';
import { EXE, PNG, pdfVariant, ISSUED_TODAY } from '../support/files';
import { acceptedRegistration, uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'kyc.admin@ops.example.com', password: 'Kyc-Admin-Passphrase-1' };
const TR_COMPANY_DOCS = ['tr.vergi_levhasi', 'tr.ticaret_sicil_gazetesi', 'tr.imza_sirkuleri', 'tr.faaliyet_belgesi', 'representative_id'];

describe('KYC/KYB cases (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let reviewer: string;
  let fileCounter = 0;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });

  beforeAll(async () => {
    t = await startTestApp({
      BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password,
      DOCUMENT_MAX_BYTES: String(10 * 1024 * 1024),
    });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    const email = uniqueEmail('kyc.reviewer');
    await request(t.http).post('/v1/ops/accounts').set(bearer(admin)).send({ email, password: 'Reviewer-Passphrase-2', role: 'ops_reviewer' }).expect(201);
    reviewer = await login(t.http, email, 'Reviewer-Passphrase-2');
  });
  afterAll(async () => t?.close());

  async function turkishCompany() {
    const { token, res } = await signup(t.http, { country: 'TR', locale: 'tr' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany()).expect(200);
    return { token: token!, sellerId: res.body.seller.id as string };
  }

  /** Uploads as a seller would; the representative's ID names the declared representative (personId) once there is one. */
  const upload = async (token: string, type: string, file: Buffer, name = 'doc.pdf', contentType = 'application/pdf') => {
    let req = request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token)).field('type', type).field('issuedOn', ISSUED_TODAY);
    const rep = type === 'representative_id' ? (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body.persons?.find((p: { role: string }) => p.role === 'representative') : undefined;
    if (rep) req = req.field('personId', rep.id);
    return req.attach('file', file, { filename: name, contentType });
  };

  async function complete(token: string, docs = TR_COMPANY_DOCS) {
    await request(t.http)
      .put('/v1/sellers/me/kyc/persons')
      .set(bearer(token))
      .send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' }, { role: 'owner', fullName: 'Mehmet Öztürk', dateOfBirth: '1970-07-01', nationality: 'TR', sharePercent: '60' }] })
      .expect(200);
    for (const type of docs) expect((await upload(token, type, pdfVariant(fileCounter++))).status).toBe(201);
  }

  it('judges files by their bytes and size: a renamed executable is 415, an 11 MB file 413, an unasked type 422', async () => {
    const { token } = await turkishCompany();
    const exe = await upload(token, 'tr.vergi_levhasi', EXE, 'vergi-levhasi.pdf', 'application/pdf');
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('KYC_FILE_TYPE_NOT_ALLOWED');
    expect(exe.body.error.message).toBe('PDF, JPEG veya PNG dosyası yükleyin.');
    const big = await upload(token, 'tr.vergi_levhasi', Buffer.concat([pdfVariant(0), Buffer.alloc(11 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('KYC_FILE_TOO_LARGE');
    const unasked = await upload(token, 'es.escritura', pdfVariant(1));
    expect(unasked.status).toBe(422);
    expect(unasked.body.error.code).toBe('KYC_DOCUMENT_TYPE_NOT_REQUIRED');
    // the representative's ID is a person's document: it names the legal representative (personId), never nobody or an owner
    const nobody = await upload(token, 'representative_id', PNG, 'id.png', 'image/png');
    expect(nobody.status).toBe(422);
    expect(nobody.body.error).toMatchObject({
      code: 'KYC_DOCUMENT_PERSON_REQUIRED',
      message: 'Belgenin kime ait olduğunu belirtin: sahibi olan kişiyi seçin.',
      details: [{ field: 'personId', code: 'REQUIRED', message: 'Bu belge yasal temsilciye aittir: bildirdiğiniz yasal temsilciyi seçin.' }],
    });
    const declared = await request(t.http)
      .put('/v1/sellers/me/kyc/persons')
      .set(bearer(token))
      .send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' }, { role: 'owner', fullName: 'Mehmet Öztürk', dateOfBirth: '1970-07-01', nationality: 'TR', sharePercent: '60' }] })
      .expect(200);
    const ownerId = declared.body.find((p: { role: string }) => p.role === 'owner').id;
    const owners = await request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token)).set('Accept-Language', 'es').field('type', 'representative_id').field('personId', ownerId).attach('file', PNG, { filename: 'id.png', contentType: 'image/png' });
    expect(owners.status).toBe(422);
    expect(owners.body.error.details).toEqual([{ field: 'personId', code: 'WRONG_ROLE', message: 'Este documento es del representante legal: elige el representante legal que declaraste.' }]);
    const checklist = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body.checklist;
    expect(checklist.find((c: { type?: string }) => c.type === 'representative_id')).toMatchObject({ item: 'document', person: 'representative' });
    const png = await upload(token, 'representative_id', PNG, 'id.png', 'image/png');
    expect(png.status).toBe(201);
    expect(png.body.personId).toBe(declared.body.find((p: { role: string }) => p.role === 'representative').id);
    // declaring the same representative again keeps their id, so their document stays theirs
    const again = await request(t.http)
      .put('/v1/sellers/me/kyc/persons')
      .set(bearer(token))
      .send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' }], noOwnersAtOrAboveThreshold: true })
      .expect(200);
    expect(again.body[0].id).toBe(png.body.personId);
    expect(png.body).toMatchObject({ type: 'representative_id', mediaType: 'image/png', reviewStatus: 'pending', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const { rows } = await t.sql.query('SELECT count(*)::int AS n FROM kyc_documents');
    expect(rows[0].n).toBe(1);
  });

  it('refuses an incomplete submission, listing what is missing in the seller language', async () => {
    const { token } = await turkishCompany();
    const res = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('KYC_INCOMPLETE');
    expect(res.body.error.details[0]).toEqual({ field: 'persons', code: 'MISSING_REPRESENTATIVE', message: 'Yasal temsilciyi bildirin.' });
    // the document types by their names in the seller's language, not their codes
    // a company names its owners at or above the pack's threshold, or declares that there are none
    expect(res.body.error.details[1]).toEqual({ field: 'persons', code: 'MISSING_OWNERS', message: '%25 veya daha fazla paya sahip tüm ortakları bildirin ya da böyle bir kişi olmadığını onaylayın.' });
    expect(res.body.error.details[2]).toEqual({ field: 'documents[tr.vergi_levhasi]', code: 'MISSING_DOCUMENT', message: 'Yükleyin: Vergi levhası' });
    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body;
    expect(view.status).toBe('collecting');
    expect(view.checklist.map((c: { message: string }) => c.message)).toContain('Yükleyin: Vergi levhası');
  });

  it('submits, runs and stores the checks, and lets ops ask for a new document with a reason the seller reads in Turkish', async () => {
    const { token, sellerId } = await turkishCompany();
    await complete(token);
    const submitted = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token));
    expect(submitted.status).toBe(200);
    // without a loaded sanctions list nothing can be cleared: review, never an unscreened approval
    expect(submitted.body.status).toBe('in_review');

    const queue = (await request(t.http).get('/v1/ops/kyc/cases?status=in_review&country=TR').set(bearer(reviewer))).body;
    const kase = queue.find((c: { sellerId: string }) => c.sellerId === sellerId);
    expect(kase).toBeTruthy();
    const file = (await request(t.http).get(`/v1/ops/kyc/cases/${kase.id}`).set(bearer(reviewer))).body;
    expect(file.checks.map((c: { kind: string; result: string }) => `${c.kind}:${c.result}`).sort()).toEqual(
      ['completeness:pass', 'duplicate_seller:pass', 'identifiers:pass', 'risk_policy:pass', 'sanctions:review'].sort(),
    );
    expect(file.checks.find((c: { kind: string }) => c.kind === 'sanctions').ruleVersion).toBe('sanctions:none');
    const levha = file.documents.find((d: { type: string }) => d.type === 'tr.vergi_levhasi');

    const decision = await request(t.http)
      .post(`/v1/ops/kyc/cases/${kase.id}/decisions`)
      .set(bearer(reviewer))
      .send({ decision: 'request_changes', documents: [{ documentId: levha.id, status: 'rejected', reasonCode: 'DOCUMENT_EXPIRED' }], internalNote: 'stamp from 2019' });
    expect(decision.status).toBe(200);
    expect(decision.body.status).toBe('action_required');

    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))).body;
    expect(view.status).toBe('action_required');
    expect(view.reason).toEqual({ code: 'INFORMATION_INCOMPLETE', message: 'Bazı bilgiler eksik: neyin ekleneceği kontrol listesinde ve her belgeye ilişkin geri bildirimde yazıyor.' });
    expect(view.documents.find((d: { id: string }) => d.id === levha.id).feedback).toEqual({ reasonCode: 'DOCUMENT_EXPIRED', message: 'Belgenin süresi geçmiş; güncel bir belge yükleyin.' });
    expect(JSON.stringify(view)).not.toContain('2019');
    expect(view.checklist.map((c: { type?: string }) => c.type)).toEqual(['tr.vergi_levhasi']);

    // the seller uploads a new one and resubmits; an approval closes the case
    expect((await upload(token, 'tr.vergi_levhasi', pdfVariant(fileCounter++))).status).toBe(201);
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token))).body.status).toBe('in_review');
    const approved = await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(reviewer)).send({ decision: 'approve' });
    expect(approved.body.status).toBe('approved');
    const locked = await upload(token, 'representative_id', pdfVariant(fileCounter++));
    expect(locked.status).toBe(409);
    expect(locked.body.error).toMatchObject({ code: 'KYC_CASE_LOCKED', message: 'Doğrulamanızın durumu: onaylandı; belgeler ve kişiler artık değiştirilemez.' });
    const twice = await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(reviewer)).set('Accept-Language', 'es').send({ decision: 'request_changes', reasonCode: 'OTHER' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'KYC_ILLEGAL_TRANSITION', message: 'No es posible mientras la verificación está en estado «aprobada».' });

    const events = (await t.sql.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY occurred_at`, [sellerId])).rows.map((r) => r.type);
    expect(events).toEqual(['kyc.submitted', 'kyc.action_required', 'kyc.submitted', 'kyc.approved']);
    const audit = (await request(t.http).get(`/v1/ops/audit?targetId=${kase.id}`).set(bearer(admin))).body.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['kyc.request_changes', 'kyc.approve']));
  });

  it('asks for the trademark certificate of a seller who declares a brand, as the profile is now, and not of one who does not', async () => {
    const checklist = async (token: string) => ((await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token)).expect(200)).body.checklist as { type?: string; message: string }[]);
    const registration = uniqueTurkishCompany();

    const plain = await turkishCompany();
    await complete(plain.token);
    expect(await checklist(plain.token)).toEqual([]);

    const { token } = await signup(t.http, { country: 'TR', locale: 'tr' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(registration).expect(200);
    await complete(token!);
    expect(await checklist(token!)).toEqual([]);
    // the brand is declared after the case was opened: the check reads the profile as it is now
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send({ ...registration, brands: ['Güneş'] }).expect(200);
    expect(await checklist(token!)).toEqual([{ item: 'document', type: 'trademark_certificate', message: 'Yükleyin: Marka tescil belgesi' }]);
    const en = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token!)).set('Accept-Language', 'en')).body.checklist;
    expect(en.map((c: { message: string }) => c.message)).toEqual(['Upload: Trademark registration certificate']);
    const refused = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token!));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('KYC_INCOMPLETE');
    expect(refused.body.error.details).toEqual([{ field: 'documents[trademark_certificate]', code: 'MISSING_DOCUMENT', message: 'Yükleyin: Marka tescil belgesi' }]);
    expect((await upload(token!, 'trademark_certificate', pdfVariant(fileCounter++))).status).toBe(201);
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token!))).status).toBe(200);

    // the seller without a brand submits without one
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(plain.token))).status).toBe(200);
  });

  it('asks for the VAT confirmation of a VAT-registered seller: by its VAT number in DE, by the declared flag in KZ', async () => {
    const types = async (token: string) => ((await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token)).expect(200)).body.checklist as { type?: string }[]).map((c) => c.type);
    const seller = async (country: string, registration: Record<string, unknown>) => {
      const { token } = await signup(t.http, { country, locale: 'en' });
      await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(registration).expect(200);
      return token!;
    };
    expect(await types(await seller('DE', acceptedRegistration('DE', 'de.gmbh')))).toContain('de.ust_idnr_bestaetigung');
    expect(await types(await seller('DE', acceptedRegistration('DE', 'de.einzelunternehmen')))).not.toContain('de.ust_idnr_bestaetigung');
    const kz = await seller('KZ', acceptedRegistration('KZ', 'kz.ip'));
    expect(await types(kz)).not.toContain('kz.vat_certificate');
    await request(t.http).put('/v1/sellers/me/business').set(bearer(kz)).send({ ...acceptedRegistration('KZ', 'kz.ip'), vatRegistered: true }).expect(200);
    expect(await types(kz)).toContain('kz.vat_certificate');
  });

  it("checks a person's ID number by the rule of their nationality: a Turkish TCKN, a Spaniard's DNI; any number where there is no rule", async () => {
    const { token } = await turkishCompany();
    const put = (persons: Record<string, string>[], locale = 'tr') => request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token)).set('Accept-Language', locale).send({ persons });
    const representative = (over: Record<string, string>) => ({ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR', ...over });
    const director = (over: Record<string, string>) => ({ role: 'director', fullName: 'Giulia Bianchi', dateOfBirth: '1979-11-02', ...over });

    const wrong = await put([representative({ idDocumentNumber: '10000000147' })]);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('KYC_PERSONS_INVALID');
    expect(wrong.body.error.details).toEqual([
      {
        field: 'persons[0].idDocumentNumber',
        code: 'ID_NUMBER_INVALID',
        message: 'Kimlik belgesi numarası (1. kişi): geçerli bir T.C. Kimlik No (11 haneli) değil; numarada yazım hatası olup olmadığını kontrol edin.',
      },
    ]);
    expect((await put([representative({ idDocumentNumber: '10000000147' })], 'en')).body.error.details[0].message).toBe(
      'Identity document number (person 1): this is not a valid T.C. identity number (T.C. Kimlik No, 11 digits); please check the number for typos.',
    );
    // a Spaniard's number is a DNI; a (valid) NIE belongs to foreign residents, so it is not theirs
    const nie = await put([representative({ idDocumentNumber: '10000000146' }), director({ nationality: 'ES', idDocumentNumber: 'X1234567L' })], 'es');
    expect(nie.status).toBe(422);
    expect(nie.body.error.details.map((d: { field: string; message: string }) => `${d.field}: ${d.message}`)).toEqual([
      'persons[1].idDocumentNumber: Número del documento de identidad (persona 2): no es un número válido (Número del Documento Nacional de Identidad (DNI)); comprueba que no tenga errores.',
    ]);
    expect(JSON.stringify(t.logs)).not.toMatch(/10000000147|X1234567L/);
    expect((await t.sql.query('SELECT count(*)::int AS n FROM kyc_persons WHERE full_name = $1', ['Giulia Bianchi'])).rows[0].n).toBe(0);

    // valid numbers pass; an Italian (no public check for the carta d'identità) and a nationality without a pack accept any number
    const ok = await put([
      representative({ idDocumentNumber: '10000000146' }),
      director({ nationality: 'ES', idDocumentNumber: '12345678z' }),
      director({ nationality: 'IT', idDocumentNumber: 'CA00000AA' }),
      director({ nationality: 'NO', idDocumentNumber: 'anything-1' }),
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body.map((p: { nationality: string }) => p.nationality)).toEqual(['TR', 'ES', 'IT', 'NO']);
    expect(JSON.stringify(ok.body)).not.toMatch(/10000000146|12345678|CA00000AA/);
  });

  it('needs two different reviewers where the pack asks for four eyes (RU)', async () => {
    const { token, res } = await signup(t.http, { country: 'RU', locale: 'ru' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(acceptedRegistration('RU', 'ru.ooo')).expect(200);
    await request(t.http)
      .put('/v1/sellers/me/kyc/persons')
      .set(bearer(token!))
      .send({ persons: [{ role: 'representative', fullName: 'Щербаков Александр Юрьевич', dateOfBirth: '1979-05-20', nationality: 'RU' }], noOwnersAtOrAboveThreshold: true })
      .expect(200);
    for (const type of ['ru.egrul_extract', 'ru.charter', 'ru.director_appointment', 'representative_id']) expect((await upload(token!, type, pdfVariant(fileCounter++))).status).toBe(201);
    expect((await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token!))).body.status).toBe('in_review');
    const kase = (await request(t.http).get('/v1/ops/kyc/cases?country=RU').set(bearer(reviewer))).body.find((c: { sellerId: string }) => c.sellerId === res.body.seller.id);
    expect(kase.fourEyes).toBe(true);
    const file = (await request(t.http).get(`/v1/ops/kyc/cases/${kase.id}`).set(bearer(reviewer))).body;
    expect(file.checks.find((c: { kind: string }) => c.kind === 'risk_policy')).toMatchObject({ result: 'review', evidence: { enhancedDueDiligence: true } });
    // the queue says why (no list loaded: screening cannot clear anyone either) and that two approvals are due
    expect(kase).toMatchObject({ reviewReasons: ['SCREENING_POSSIBLE_MATCH', 'RISK_POLICY'], fourEyesState: 'awaiting_first_approval', persons: [{ role: 'representative', fullName: 'Щербаков Александр Юрьевич' }] });

    expect((await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(reviewer)).send({ decision: 'approve' })).body.status).toBe('in_review');
    const same = await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(reviewer)).send({ decision: 'approve' });
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('KYC_SAME_REVIEWER');
    expect((await request(t.http).post(`/v1/ops/kyc/cases/${kase.id}/decisions`).set(bearer(admin)).send({ decision: 'approve' })).body.status).toBe('approved');
  });

  it('needs two different reviewers to lift a suspension of a four-eyes case, and never approves a case straight out of submitted', async () => {
    const { token, sellerId } = await turkishCompany();
    await complete(token);
    // a four-eyes case (as the RU pack makes them; the TR pack here, flagged for the test)
    await t.sql.query('UPDATE kyc_cases SET four_eyes = true WHERE seller_id = $1', [sellerId]);
    const { caseId } = (await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token)).expect(200)).body;
    const decide = (who: string) => request(t.http).post(`/v1/ops/kyc/cases/${caseId}/decisions`).set(bearer(who)).send({ decision: 'approve' });
    expect((await decide(reviewer)).body.status).toBe('in_review');
    expect((await decide(admin)).body.status).toBe('approved');

    // a vendor later reports fraud: suspended (payouts held); lifting it needs two reviewers again
    const { VendorResultsService } = await import('@app/kyc');
    expect(await t.app.get(VendorResultsService).apply({ provider: 'test-vendor', applicantId: caseId, resultId: `red-${caseId}`, outcome: 'rejected', decidedAt: new Date() })).toBe('applied');
    const status = async () => (await t.sql.query('SELECT status FROM kyc_cases WHERE id = $1', [caseId])).rows[0].status;
    expect(await status()).toBe('suspended');
    expect((await decide(admin)).body.status).toBe('suspended');
    const same = await decide(admin);
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('KYC_SAME_REVIEWER');
    expect((await decide(reviewer)).body.status).toBe('approved');

    // a case caught in `submitted` (only the automatic path may approve it) is not an ops decision
    await t.sql.query(`UPDATE kyc_cases SET status = 'submitted', four_eyes = false WHERE id = $1`, [caseId]);
    const early = await decide(admin);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('KYC_ILLEGAL_TRANSITION');
    expect(await status()).toBe('submitted');
  });

  it('submits in one transaction: a failure while screening leaves the case collecting, with no event, and a retry goes through', async () => {
    const { token, sellerId } = await turkishCompany();
    await complete(token);
    const { SANCTIONS_SCREENER } = await import('@app/kyc');
    const screener = t.app.get<{ screen: (...args: unknown[]) => Promise<unknown> }>(SANCTIONS_SCREENER);
    const spy = jest.spyOn(screener, 'screen').mockRejectedValueOnce(new Error('screening unavailable'));
    try {
      const failed = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token));
      expect(failed.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    const row = (await t.sql.query(`SELECT status, submitted_at FROM kyc_cases WHERE seller_id = $1 AND status <> 'superseded'`, [sellerId])).rows[0];
    expect(row).toEqual({ status: 'collecting', submitted_at: null });
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE aggregate_id = $1`, [sellerId])).rows[0].n).toBe(0);
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM kyc_checks k JOIN kyc_cases c ON c.id = k.case_id WHERE c.seller_id = $1`, [sellerId])).rows[0].n).toBe(0);

    const retried = await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token));
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('in_review');
    const events = (await t.sql.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY occurred_at`, [sellerId])).rows.map((r) => r.type);
    expect(events).toEqual(['kyc.submitted']);
  });

  it('keeps sellers out of each other’s documents, audits ops downloads, and flags the same file on two sellers', async () => {
    const a = await turkishCompany();
    const b = await turkishCompany();
    const shared = pdfVariant(999_999);
    await complete(a.token, []); // the representative first: their ID names them
    const docA = (await upload(a.token, 'representative_id', shared)).body;
    expect((await request(t.http).get(`/v1/sellers/me/kyc/documents/${docA.id}/content`).set(bearer(a.token))).body).toEqual(shared);
    expect((await request(t.http).get(`/v1/sellers/me/kyc/documents/${docA.id}/content`).set(bearer(b.token))).status).toBe(404);
    const stored = (await t.sql.query('SELECT storage_key FROM kyc_documents WHERE id = $1', [docA.id])).rows[0];
    expect(stored.storage_key).toMatch(/^kyc\//);

    const download = await request(t.http).get(`/v1/ops/kyc/documents/${docA.id}/content`).set(bearer(reviewer));
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const own = await request(t.http).get(`/v1/sellers/me/kyc/documents/${docA.id}/content`).set(bearer(a.token));
    for (const res of [download, own]) {
      expect(res.headers).toMatchObject({
        'content-disposition': `attachment; filename="representative_id-${docA.id}.pdf"; filename*=UTF-8''representative_id-${docA.id}.pdf`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
    }
    const audit = (await request(t.http).get(`/v1/ops/audit?targetId=${docA.id}`).set(bearer(admin))).body;
    expect(audit[0]).toMatchObject({ action: 'kyc.document_downloaded', actorRole: 'ops_reviewer' });

    await complete(b.token, TR_COMPANY_DOCS.filter((d) => d !== 'representative_id'));
    expect((await upload(b.token, 'representative_id', shared)).status).toBe(201);
    await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(b.token)).expect(200);
    const kase = (await request(t.http).get('/v1/ops/kyc/cases?country=TR').set(bearer(reviewer))).body.find((c: { sellerId: string }) => c.sellerId === b.sellerId);
    const file = (await request(t.http).get(`/v1/ops/kyc/cases/${kase.id}`).set(bearer(reviewer))).body;
    expect(file.checks.find((c: { kind: string }) => c.kind === 'duplicate_seller')).toMatchObject({ result: 'review', evidence: { sameDocumentOnSellers: [a.sellerId] } });
    expect(kase.reviewReasons).toContain('DUPLICATE_DOCUMENT');
    const byReason = (await request(t.http).get('/v1/ops/kyc/cases?country=TR&reason=DUPLICATE_DOCUMENT').set(bearer(reviewer))).body.map((c: { sellerId: string }) => c.sellerId);
    expect(byReason).toEqual([b.sellerId]);
  });

  it('answers a malformed id exactly like an unknown one (the localised 404), on every :id route', async () => {
    const { token } = await turkishCompany();
    const unknown = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    // 36 characters of hex digits and hyphens, but not UUIDs: PostgreSQL refuses them (22P02)
    const malformed = ['------------------------------------', 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaa-', '0123456789abcdef0123456789abcdef----'];
    const routes: [string, (id: string) => request.Test, string, string][] = [
      ['seller document', (id) => request(t.http).get(`/v1/sellers/me/kyc/documents/${id}/content`).set(bearer(token)), 'KYC_DOCUMENT_NOT_FOUND', 'Böyle bir belge yok.'],
      ['ops case file', (id) => request(t.http).get(`/v1/ops/kyc/cases/${id}`).set(bearer(reviewer)), 'KYC_CASE_NOT_FOUND', 'There is no such KYC case.'],
      ['ops decision', (id) => request(t.http).post(`/v1/ops/kyc/cases/${id}/decisions`).set(bearer(reviewer)).send({ decision: 'approve' }), 'KYC_CASE_NOT_FOUND', 'There is no such KYC case.'],
      ['ops document', (id) => request(t.http).get(`/v1/ops/kyc/documents/${id}/content`).set(bearer(reviewer)), 'KYC_DOCUMENT_NOT_FOUND', 'There is no such document.'],
    ];
    for (const [route, call, code, message] of routes) {
      for (const id of [unknown, ...malformed]) {
        const res = await call(id);
        expect({ route, id, status: res.status, code: res.body.error?.code, message: res.body.error?.message }).toEqual({ route, id, status: 404, code, message });
      }
    }
  });

  it('refuses impossible dates with a 400 field detail, blank names, and birth dates out of range', async () => {
    const { token, sellerId } = await turkishCompany();
    const person = (over: Record<string, string>) => ({ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR', ...over });
    const put = (p: Record<string, string>) => request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token)).send({ persons: [p] });

    for (const dateOfBirth of ['2023-02-30', '1984-04-31', '2023-02-29', '0000-01-01']) {
      const res = await put(person({ dateOfBirth }));
      expect({ dateOfBirth, status: res.status, code: res.body.error.code }).toEqual({ dateOfBirth, status: 400, code: 'COMMON_VALIDATION_FAILED' });
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'persons[0].dateOfBirth', code: 'INVALID_FORMAT' })]);
    }
    expect((await put(person({ dateOfBirth: '2024-02-29' }))).status).toBe(200);

    for (const fullName of ['   ', '\t \n', ' A ']) {
      const res = await put(person({ fullName }));
      expect({ fullName, status: res.status }).toEqual({ fullName, status: 400 });
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['persons[0].fullName']);
    }

    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    for (const dateOfBirth of [nextYear, '1899-12-31']) {
      const res = await put(person({ dateOfBirth }));
      expect({ dateOfBirth, status: res.status, code: res.body.error.code }).toEqual({ dateOfBirth, status: 422, code: 'KYC_PERSONS_INVALID' });
      expect(res.body.error.details).toEqual([
        { field: 'persons[0].dateOfBirth', code: 'BIRTH_DATE_OUT_OF_RANGE', message: 'Doğum tarihi (1. kişi): doğum tarihi 1900-01-01 ile bugün arasında olmalıdır.' },
      ]);
    }

    const withDate = (field: string, value: string) =>
      request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token)).field('type', 'representative_id').field(field, value).attach('file', pdfVariant(fileCounter++), { filename: 'id.pdf', contentType: 'application/pdf' });
    for (const [field, value] of [['issuedOn', '2023-02-30'], ['expiresOn', '2031-02-29'], ['expiresOn', '2031-13-01']]) {
      const res = await withDate(field, value);
      expect({ field, value, status: res.status, code: res.body.error.code }).toEqual({ field, value, status: 400, code: 'COMMON_VALIDATION_FAILED' });
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    expect((await t.sql.query('SELECT count(*)::int AS n FROM kyc_documents WHERE seller_id = $1', [sellerId])).rows[0].n).toBe(0);
  });

  it('reports upload limits as what they are: 413 for an oversize file, 400 UPLOAD_REJECTED with a detail for the others', async () => {
    const { token } = await turkishCompany();
    const post = () => request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token)).field('type', 'representative_id');
    const big = await post().attach('file', Buffer.concat([pdfVariant(fileCounter++), Buffer.alloc(10 * 1024 * 1024)]), { filename: 'big.pdf', contentType: 'application/pdf' });
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'KYC_FILE_TOO_LARGE', message: `Dosya çok büyük; sınır ${10 * 1024 * 1024} bayttır.` });

    const cases: [string, () => request.Test, { field: string; code: string; message: string }][] = [
      [
        'two files',
        () => post().attach('file', pdfVariant(fileCounter++), { filename: 'a.pdf', contentType: 'application/pdf' }).attach('file', pdfVariant(fileCounter++), { filename: 'b.pdf', contentType: 'application/pdf' }),
        { field: '', code: 'TOO_MANY_FILES', message: 'Çok fazla dosya: her dosya alanında tek bir dosya gönderin.' },
      ],
      [
        'a file in another field',
        () => post().attach('document', pdfVariant(fileCounter++), { filename: 'a.pdf', contentType: 'application/pdf' }),
        { field: 'document', code: 'UNEXPECTED_FILE', message: 'document bu isteğin bir dosya alanı değil; dosyayı file adlı alana ekleyin.' },
      ],
      [
        'too many fields',
        () => post().field('issuedOn', '2026-01-01').field('expiresOn', '2031-01-01').field('personId', '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b').field('note', 'x').attach('file', pdfVariant(fileCounter++), { filename: 'a.pdf', contentType: 'application/pdf' }),
        { field: '', code: 'TOO_MANY_FIELDS', message: 'Çok fazla form alanı: yalnızca belgelenen alanları gönderin.' },
      ],
    ];
    for (const [name, call, detail] of cases) {
      const res = await call();
      expect({ name, status: res.status, code: res.body.error.code, details: res.body.error.details }).toEqual({ name, status: 400, code: 'KYC_UPLOAD_REJECTED', details: [detail] });
      expect(res.body.error.message).toBe('Yükleme reddedildi; ayrıntılara bakın.');
    }
    const missing = await post();
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('KYC_FILE_MISSING');
  });

  it('opens exactly one case when a new seller calls KYC endpoints in parallel', async () => {
    const { token, sellerId } = await turkishCompany();
    const responses = await Promise.all(Array.from({ length: 5 }, () => request(t.http).get('/v1/sellers/me/kyc').set(bearer(token))));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(responses.map((r) => r.body.caseId)).size).toBe(1);
    const { rows } = await t.sql.query('SELECT count(*)::int AS n FROM kyc_cases WHERE seller_id = $1', [sellerId]);
    expect(rows[0].n).toBe(1);
    const history = await t.sql.query('SELECT count(*)::int AS n FROM kyc_case_events WHERE case_id = $1', [responses[0].body.caseId]);
    expect(history.rows[0].n).toBe(1);
  });

  it('tells sellers nothing about screening: no list name, screening word, entry id or matched name in any response they could read', async () => {
    expect(t.sellerResponses.length).toBeGreaterThan(0);
    expect(await tippingOff(t)).toEqual([]);
  });
});

describe('KYC re-verification when a country adds a requirement (e2e)', () => {
  let t: TestApp;
  let admin: string;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });

  beforeAll(async () => {
    t = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => t?.close());

  it('opens a new case under the new pack version, carrying over persons and documents, and asks only for what is new', async () => {
    const { token, res } = await signup(t.http, { country: 'TR', locale: 'tr' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany()).expect(200);
    await request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token!)).send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' }], noOwnersAtOrAboveThreshold: true }).expect(200);
    let n = 0;
    for (const type of TR_COMPANY_DOCS) {
      expect((await uploadDocument(t.http, token!, type, pdfVariant(n++))).status).toBe(201);
    }
    await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token!)).expect(200);
    const first = (await request(t.http).get('/v1/ops/kyc/cases?country=TR').set(bearer(admin))).body.find((c: { sellerId: string }) => c.sellerId === res.body.seller.id);
    await request(t.http).post(`/v1/ops/kyc/cases/${first.id}/decisions`).set(bearer(admin)).send({ decision: 'approve' }).expect(200);

    // ops add a required document for Limited Şirketi and publish
    const v1 = (await request(t.http).get('/v1/ops/countries/TR/versions/1').set(bearer(admin))).body.document;
    const v2 = structuredClone(v1);
    v2.legalForms.find((f: { code: string }) => f.code === 'tr.ltd').documents.push({ type: 'tr.etbis_kaydi', required: true, condition: 'always' });
    await request(t.http).put('/v1/ops/countries/TR/draft').set(bearer(admin)).send(v2).expect(200);
    await request(t.http).post('/v1/ops/countries/TR/draft/publish').set(bearer(admin)).expect(200);

    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token!))).body;
    expect(view).toMatchObject({ status: 'collecting', packVersion: 2, reason: { code: 'PACK_REQUIREMENTS_ADDED', message: 'Ülkenizin kuralları artık daha fazla bilgi istiyor; lütfen doğrulamanızı yeniden tamamlayın.' } });
    expect(view.checklist.map((c: { type?: string }) => c.type)).toEqual(['tr.etbis_kaydi']);
    expect(view.documents).toHaveLength(TR_COMPANY_DOCS.length);
    const carried = view.documents[0];
    const bytes = await request(t.http).get(`/v1/sellers/me/kyc/documents/${carried.id}/content`).set(bearer(token!));
    expect(bytes.status).toBe(200);
    expect(bytes.body).toEqual(pdfVariant(0));
    const old = (await t.sql.query('SELECT status FROM kyc_cases WHERE id = $1', [first.id])).rows[0];
    expect(old.status).toBe('superseded');
    const events = (await t.sql.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 AND type LIKE 'kyc.%' ORDER BY occurred_at`, [res.body.seller.id])).rows.map((r) => r.type);
    expect(events).toEqual(['kyc.submitted', 'kyc.approved', 'kyc.reverification_required']);
  });

  it('tells sellers nothing about screening: no list name, screening word, entry id or matched name in any response they could read', async () => {
    expect(t.sellerResponses.length).toBeGreaterThan(0);
    expect(await tippingOff(t)).toEqual([]);
  });
});

describe('identity-verification vendor results (e2e)', () => {
  let t: TestApp;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('applies each result once and never lets a late or reordered result reverse a later decision', async () => {
    const { token } = await signup(t.http, { country: 'TR' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany()).expect(200);
    await request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token!)).send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' }], noOwnersAtOrAboveThreshold: true }).expect(200);
    let n = 0;
    for (const type of TR_COMPANY_DOCS) {
      expect((await uploadDocument(t.http, token!, type, pdfVariant(n++))).status).toBe(201);
    }
    const submitted = (await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token!))).body;
    expect(submitted.status).toBe('in_review');
    const { VendorResultsService } = await import('@app/kyc');
    const vendor = t.app.get(VendorResultsService);
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    const result = (resultId: string, outcome: 'approved' | 'rejected' | 'retry', decidedAt: Date) => ({ provider: 'sumsub', applicantId: submitted.caseId, resultId, outcome, decidedAt });
    const status = async () => (await t.sql.query('SELECT status FROM kyc_cases WHERE id = $1', [submitted.caseId])).rows[0].status;

    expect(await vendor.apply(result('r-green', 'approved', at(1)))).toBe('applied');
    expect(await status()).toBe('approved');
    expect(await vendor.apply(result('r-green', 'approved', at(1)))).toBe('duplicate');
    // a result decided before the approval arrives late: recorded, not applied
    expect(await vendor.apply(result('r-old-red', 'rejected', at(0)))).toBe('late');
    expect(await status()).toBe('approved');
    // the vendor later finds fraud: the approved case is suspended (payouts held), and no later GREEN lifts it
    expect(await vendor.apply(result('r-red-final', 'rejected', at(2)))).toBe('applied');
    expect(await status()).toBe('suspended');
    expect(await vendor.apply(result('r-green-again', 'approved', at(3)))).toBe('not_applicable');
    expect(await status()).toBe('suspended');
    expect(await vendor.apply({ ...result('r-stranger', 'approved', at(4)), applicantId: 'not-a-case' })).toBe('unknown_applicant');
    const rows = (await t.sql.query(`SELECT result_id, disposition FROM kyc_vendor_results ORDER BY received_at`)).rows.map((r) => `${r.result_id}:${r.disposition}`);
    expect(rows).toEqual(['r-green:applied', 'r-old-red:late', 'r-red-final:applied', 'r-green-again:not_applicable', 'r-stranger:unknown_applicant']);
  });

  it('tells sellers nothing about screening: no list name, screening word, entry id or matched name in any response they could read', async () => {
    expect(t.sellerResponses.length).toBeGreaterThan(0);
    expect(await tippingOff(t)).toEqual([]);
  });
});

describe('KYC documents on S3-compatible storage (e2e)', () => {
  let t: TestApp;
  let s3: S3Double;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });

  beforeAll(async () => {
    s3 = await startS3Double('ltg-documents');
    t = await startTestApp({
      DOCUMENT_STORAGE: 's3',
      S3_BUCKET: 'ltg-documents',
      S3_ENDPOINT: s3.url,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'test-access-key',
      S3_SECRET_ACCESS_KEY: 'test-secret-key',
    });
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('stores only ciphertext in the bucket and gives the owner back the original file', async () => {
    const { token } = await signup(t.http, { country: 'TR' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany()).expect(200);
    const file = pdfVariant(42);
    const uploaded = await request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token!)).field('type', 'tr.vergi_levhasi').attach('file', file, { filename: 'levha.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    const [key, stored] = [...s3.objects.entries()][0];
    expect(key).toBe(`kyc/${(await t.sql.query('SELECT case_id FROM kyc_documents WHERE id = $1', [uploaded.body.id])).rows[0].case_id}/${uploaded.body.id}`);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect(s3.requests.every((r) => r.authorization?.startsWith('AWS4-HMAC-SHA256 Credential=test-access-key/'))).toBe(true);
    const back = await request(t.http).get(`/v1/sellers/me/kyc/documents/${uploaded.body.id}/content`).set(bearer(token!));
    expect(back.status).toBe(200);
    expect(back.body).toEqual(file);
  });

  it('tells sellers nothing about screening: no list name, screening word, entry id or matched name in any response they could read', async () => {
    expect(t.sellerResponses.length).toBeGreaterThan(0);
    expect(await tippingOff(t)).toEqual([]);
  });
});

describe('KYC document dates and expiry (e2e)', () => {
  let t: TestApp;
  let admin: string;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });

  beforeAll(async () => {
    t = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => t?.close());

  it('refuses out-of-date documents and re-verifies an approved seller when a document expires', async () => {
    const { token } = await signup(t.http, { country: 'TR', locale: 'tr' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany()).expect(200);
    const declared = await request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token!)).send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' }], noOwnersAtOrAboveThreshold: true }).expect(200);
    const personId = declared.body[0].id as string;
    const up = (type: string, fields: Record<string, string>, i: number) => {
      let req = request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token!)).field('type', type);
      for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
      return req.attach('file', pdfVariant(i), { filename: 'd.pdf', contentType: 'application/pdf' });
    };
    const expired = await up('representative_id', { expiresOn: '2020-01-31' }, 1);
    expect(expired.status).toBe(422);
    expect(expired.body.error).toMatchObject({ code: 'KYC_DOCUMENT_OUT_OF_DATE', message: 'Bu belge güncel değil (çok önce düzenlenmiş veya süresi dolmuş); güncel bir belge yükleyin.' });
    // the activity certificate may be at most 180 days old in the TR pack
    expect((await up('tr.faaliyet_belgesi', { issuedOn: '2025-01-02' }, 2)).status).toBe(422);

    const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
    let i = 10;
    for (const type of TR_COMPANY_DOCS) expect((await up(type, type === 'representative_id' ? { expiresOn: nextYear, personId } : { issuedOn: ISSUED_TODAY }, i++)).status).toBe(201);
    const submitted = (await request(t.http).post('/v1/sellers/me/kyc/submit').set(bearer(token!))).body;
    await request(t.http).post(`/v1/ops/kyc/cases/${submitted.caseId}/decisions`).set(bearer(admin)).send({ decision: 'approve' }).expect(200);

    // time passes: the ID document's printed expiry date is now behind us
    await t.sql.query(`UPDATE kyc_documents SET expires_on = current_date - 1 WHERE case_id = $1 AND type = 'representative_id'`, [submitted.caseId]);
    const { DocumentExpiryJob } = await import('@app/kyc');
    await t.app.get(DocumentExpiryJob).handle();

    const view = (await request(t.http).get('/v1/sellers/me/kyc').set(bearer(token!))).body;
    expect(view).toMatchObject({ status: 'collecting', reason: { code: 'DOCUMENT_EXPIRED', message: 'Belgenin süresi geçmiş; güncel bir belge yükleyin.' } });
    expect(view.checklist.map((c: { type?: string }) => c.type)).toEqual(['representative_id']);
    expect(view.documents).toHaveLength(TR_COMPANY_DOCS.length - 1);
  });

  it('asks for the expiry date where the pack says the document states one (dates.expiresOn.required)', async () => {
    const [latest] = (await request(t.http).get('/v1/ops/countries/TR/versions').set(bearer(admin))).body;
    const current = (await request(t.http).get(`/v1/ops/countries/TR/versions/${latest.version}`).set(bearer(admin))).body.document;
    const next = structuredClone(current);
    next.documentTypes.find((d: { code: string }) => d.code === 'representative_id').expiresOn = 'required';
    await request(t.http).put('/v1/ops/countries/TR/draft').set(bearer(admin)).send(next).expect(200);
    await request(t.http).post('/v1/ops/countries/TR/draft/publish').set(bearer(admin)).expect(200);
    const spec = (await request(t.http).get('/v1/countries/TR').set('Accept-Language', 'it')).body;
    const idDoc = spec.legalForms.find((f: { code: string }) => f.code === 'tr.ltd').documents.find((d: { type: string }) => d.type === 'representative_id');
    expect(idDoc).toMatchObject({ person: 'representative', dates: { expiresOn: { required: true } } });

    const { token } = await signup(t.http, { country: 'TR', locale: 'it' });
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token!)).send(uniqueTurkishCompany()).expect(200);
    const declared = await request(t.http).put('/v1/sellers/me/kyc/persons').set(bearer(token!)).send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR' }], noOwnersAtOrAboveThreshold: true }).expect(200);
    const post = () => request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token!)).field('type', 'representative_id').field('personId', declared.body[0].id);
    const undated = await post().attach('file', pdfVariant(500), { filename: 'd.pdf', contentType: 'application/pdf' });
    expect(undated.status).toBe(422);
    expect(undated.body.error).toMatchObject({
      code: 'KYC_EXPIRY_DATE_REQUIRED',
      message: 'Inserisci la data di scadenza stampata sul documento (AAAA-MM-GG, ad es. 2031-05-20).',
      details: [{ field: 'expiresOn', code: 'REQUIRED', message: 'Inserisci la data di scadenza stampata sul documento (AAAA-MM-GG, ad es. 2031-05-20).' }],
    });
    const dated = await post().field('expiresOn', `${new Date().getUTCFullYear() + 2}-03-31`).attach('file', pdfVariant(501), { filename: 'd.pdf', contentType: 'application/pdf' });
    expect(dated.status).toBe(201);
    // a replacement states it again
    const replaced = await request(t.http).put(`/v1/sellers/me/kyc/documents/${dated.body.id}`).set(bearer(token!)).attach('file', pdfVariant(502), { filename: 'd.pdf', contentType: 'application/pdf' });
    expect(replaced.status).toBe(422);
    expect(replaced.body.error.details.map((d: { field: string }) => d.field)).toEqual(['expiresOn']);
  });

  it('tells sellers nothing about screening: no list name, screening word, entry id or matched name in any response they could read', async () => {
    expect(t.sellerResponses.length).toBeGreaterThan(0);
    expect(await tippingOff(t)).toEqual([]);
  });
});
