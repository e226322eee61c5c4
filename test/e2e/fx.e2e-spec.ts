import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { FxFetchJob } from '@app/fx';
import { systemContext } from '@app/kernel';
import { startFxFeedDouble } from '../doubles/fx-feed-double';
import type { FxFeedDouble } from '../doubles/fx-feed-double';
import { login, signup, startTestApp, TestApp } from '../support/app';

const ADMIN = { email: 'fx.admin@ops.example.com', password: 'Fx-Admin-Passphrase-1' };
const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'test/fixtures/fx', name));

describe('FX rates (e2e)', () => {
  let t: TestApp;
  let feed: FxFeedDouble;
  let admin: string;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });
  const upload = (source: string, file: Buffer, name = 'rates.xml', token = admin) =>
    request(t.http).post('/v1/ops/fx/imports').set(bearer(token)).field('source', source).attach('file', file, { filename: name, contentType: 'text/xml' });
  const rate = (query: string) => request(t.http).get(`/v1/fx/rates?${query}`);

  beforeAll(async () => {
    feed = await startFxFeedDouble();
    t = await startTestApp({
      BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password,
      FX_FETCH_ENABLED: 'true',
      FX_ECB_URL: `${feed.url}/stats/eurofxref/eurofxref-daily.xml`,
      FX_CBR_URL: `${feed.url}/scripts/XML_daily.asp`,
      FX_TCMB_URL: `${feed.url}/kurlar/today.xml`,
    });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await t?.close();
    await feed?.close();
  });

  it('answers FX_NO_SNAPSHOT before anything was imported', async () => {
    const res = await rate('from=EUR&to=USD&source=ecb');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('FX_NO_SNAPSHOT');
  });

  it('imports the ECB 90-day history (one snapshot per day), then the daily file; the same file again is the same import', async () => {
    const hist = await upload('ecb', fixture('ecb-hist-90d.xml'), 'eurofxref-hist-90d.xml');
    expect(hist.status).toBe(201);
    expect(hist.body).toMatchObject({ source: 'ecb', rateKind: 'reference', firstRateDate: '2026-09-23', lastRateDate: '2026-10-02', newSnapshots: 8, duplicate: false });
    expect(hist.body.snapshotIds).toHaveLength(8);

    const daily = await upload('ecb', fixture('ecb-daily.xml'), 'eurofxref-daily.xml');
    expect(daily.status).toBe(201);
    expect(daily.body).toMatchObject({ newSnapshots: 1, duplicate: false, fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const again = await upload('ecb', fixture('ecb-daily.xml'), 'copy.xml');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: daily.body.id, snapshotIds: daily.body.snapshotIds, newSnapshots: 0, duplicate: true });
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n, count(DISTINCT file_sha256)::int AS files FROM fx_snapshots WHERE source = 'ecb'`);
    expect(rows[0]).toEqual({ n: 9, files: 2 });
    const stored = await t.sql.query(`SELECT quotes -> 'USD' AS usd, rate_date::text AS d FROM fx_snapshots WHERE id = $1`, [daily.body.snapshotIds[0]]);
    expect(stored.rows[0]).toEqual({ usd: { value: '1.1225', unit: 1 }, d: '2026-10-02' });
  });

  it('imports the Bank of Russia XML_daily (windows-1251, Nominal 100)', async () => {
    const res = await upload('cbr', fixture('cbr-daily.xml'), 'XML_daily.asp');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: 'cbr', lastRateDate: '2026-10-02', newSnapshots: 1 });
  });

  it('gives direct and cross rates with their path, from one source only, to anyone', async () => {
    const direct = await rate('from=EUR&to=USD&source=ecb');
    expect(direct.status).toBe(200);
    expect(direct.body).toMatchObject({ from: 'EUR', to: 'USD', rate: '1.1225', numerator: '1.1225', denominator: '1', path: ['EUR', 'USD'], source: 'ecb', rateKind: 'reference', asOf: '2026-10-02', snapshotId: expect.any(String) });

    const cross = await rate('from=TRY&to=USD&source=ecb');
    expect(cross.body).toMatchObject({ path: ['TRY', 'EUR', 'USD'], numerator: '1.1225', denominator: '55.165', rate: '0.0203480467688' });

    const rub = await rate('from=TRY&to=RUB&source=cbr');
    expect(rub.body).toMatchObject({ rate: '1.65788', numerator: '16.5788', denominator: '10', path: ['TRY', 'RUB'], source: 'cbr', asOf: '2026-10-02' });
    const eur = await rate('from=RUB&to=EUR&source=cbr');
    expect(eur.body).toMatchObject({ numerator: '1', denominator: '91.4567', path: ['RUB', 'EUR'] });
    const jpy = await rate('from=JPY&to=EUR&source=cbr');
    expect(jpy.body).toMatchObject({ path: ['JPY', 'RUB', 'EUR'], numerator: '51.6734', denominator: '9145.67' });

    const older = await rate('from=EUR&to=USD&source=ecb&date=2026-09-30');
    expect(older.body.asOf).toBe('2026-09-30');
  });

  it('refuses RUB from the ECB with a clear localised 422 instead of mixing in another source', async () => {
    const res = await rate('from=RUB&to=EUR&source=ecb&lang=ru');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('FX_RATE_UNAVAILABLE');
    expect(res.body.error.message).toBe('В курсах ECB на 2026-10-02 нет курса RUB; выберите другой источник.');
    expect(res.body.requestId).toEqual(expect.any(String));
    const bad = await rate('from=rub&to=EUR&source=oanda');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('COMMON_VALIDATION_FAILED');
  });

  it('lets only ops admins import and only ops read snapshots (403 for a seller)', async () => {
    const { token } = await signup(t.http, { country: 'RU', locale: 'ru' });
    expect((await upload('ecb', fixture('ecb-daily.xml'), 'x.xml', token!)).status).toBe(403);
    expect((await request(t.http).get('/v1/ops/fx/snapshots').set(bearer(token!))).status).toBe(403);
    expect((await request(t.http).post('/v1/ops/fx/imports').field('source', 'ecb').attach('file', fixture('ecb-daily.xml'), 'x.xml')).status).toBe(401);
  });

  it('refuses a file that is not the named format with 422 in the envelope, and stores nothing', async () => {
    const before = await t.sql.query('SELECT count(*)::int AS n FROM fx_imports');
    const wrong = await upload('ecb', fixture('cbr-daily.xml')).set('accept-language', 'tr');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'FX_FILE_FORMAT', message: expect.stringMatching(/^Dosya geçerli bir ECB kur dosyası değil: .*gesmes:Envelope/) });
    const csv = await upload('tcmb', fixture('not-xml.csv'), 'rates.csv');
    expect(csv.status).toBe(422);
    expect(csv.body.error.code).toBe('FX_FILE_FORMAT');
    const missing = await request(t.http).post('/v1/ops/fx/imports').set(bearer(admin)).field('source', 'ecb');
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('FX_FILE_MISSING');
    const unknown = await upload('oanda', fixture('ecb-daily.xml'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('COMMON_VALIDATION_FAILED');
    const twoFiles = await upload('ecb', fixture('ecb-daily.xml')).attach('file', fixture('ecb-daily.xml'), 'b.xml');
    expect(twoFiles.status).toBe(400);
    expect(twoFiles.body.error.code).toBe('FX_UPLOAD_REJECTED');
    expect((await t.sql.query('SELECT count(*)::int AS n FROM fx_imports')).rows[0]).toEqual(before.rows[0]);
  });

  it('records every import in the audit log', async () => {
    const res = await request(t.http).get('/v1/ops/audit?action=fx.imported').set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3); // the duplicate changed nothing
    expect(res.body.map((e: { changes: { source: string } }) => e.changes.source).sort()).toEqual(['cbr', 'ecb', 'ecb']);
    expect(res.body[0]).toMatchObject({ actorRole: 'ops_admin', targetType: 'fx_import', changes: { source: 'cbr', origin: 'upload', lastRateDate: '2026-10-02', newSnapshots: 1 } });
  });

  it('lists snapshots with their freshness per source', async () => {
    const res = await request(t.http).get('/v1/ops/fx/snapshots?source=cbr').set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body.snapshots).toHaveLength(1);
    expect(res.body.snapshots[0]).toMatchObject({ source: 'cbr', pivot: 'RUB', rateDate: '2026-10-02', currencyCount: 15, ageTargetDays: expect.any(Number), stale: expect.any(Boolean) });
    expect(res.body.snapshots[0].currencies).toContain('JPY');
    expect(res.body.freshness.map((f: { source: string }) => f.source)).toEqual(['ecb', 'cbr', 'tcmb']);
    expect(res.body.freshness[2]).toEqual({ source: 'tcmb', snapshotId: null, rateDate: null, ageTargetDays: null, stale: true });
  });

  it('the scheduled fetch downloads each configured URL and imports it like an upload (same bytes: unchanged)', async () => {
    feed.serve('/kurlar/today.xml', fixture('tcmb-today.xml'), 'text/xml; charset=UTF-8');
    feed.serve('/scripts/XML_daily.asp', fixture('cbr-daily.xml'), 'application/xml; charset=windows-1251');
    // the ECB URL answers 404: that source fails, the others are imported, and the job fails for a retry
    const job = t.app.get(FxFetchJob);
    await expect(job.handle({}, systemContext('test:fx-fetch'))).rejects.toThrow(/ecb/);
    expect(feed.requests).toEqual(['/stats/eurofxref/eurofxref-daily.xml', '/scripts/XML_daily.asp', '/kurlar/today.xml']);
    const tcmb = await rate('from=USD&to=TRY&source=tcmb');
    expect(tcmb.body).toMatchObject({ rate: '49.1412', path: ['USD', 'TRY'], rateKind: 'ForexBuying', asOf: '2026-10-02' });
    const imports = await t.sql.query(`SELECT source, origin, imported_by FROM fx_imports WHERE origin = 'fetch'`);
    expect(imports.rows).toEqual([{ source: 'tcmb', origin: 'fetch', imported_by: null }]); // CBR: the same bytes as the upload
    feed.serve('/stats/eurofxref/eurofxref-daily.xml', fixture('ecb-daily.xml'));
    await job.handle({ sources: ['ecb'] }, systemContext('test:fx-fetch'));
  });
});

describe('FX import size limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password });
  });
  afterAll(async () => t?.close());

  it('answers 413 FX_FILE_TOO_LARGE for a file over the limit', async () => {
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    const big = Buffer.alloc(16 * 1024 * 1024 + 1, 0x20);
    const res = await request(t.http).post('/v1/ops/fx/imports').set({ Authorization: `Bearer ${admin}` }).field('source', 'ecb').attach('file', big, { filename: 'big.xml', contentType: 'text/xml' });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'FX_FILE_TOO_LARGE', message: 'The file is too large; the limit is 16777216 bytes.' });
  });
});
