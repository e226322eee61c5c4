import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { CATALOG_READINESS_REFRESH_JOB, CatalogReadinessRefreshJob } from '@app/catalog';
import { login, signup, startTestApp, TestApp, workerWithOpsAdmin } from '../support/app';
import { eventually } from '../support/eventually';
import { turkishToy } from '../support/catalog';
import { ecbFile, importFx, rateDayAged } from '../support/fx';
import { passKyc } from '../support/kyc';
import { uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'readiness-prices.admin@ops.example.com', password: 'Readiness-Prices-Admin-1' };
const IBAN = 'TR330006100519786457841326';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const WAIT = 30_000;

/** The golden toy, sold from Turkey: with English texts nothing else is missing in GB or TR. */
const toy = turkishToy('FX-TREN-1');
const EN = { title: 'Wooden train set', description: 'Unpainted beech train.', safetyInformation: 'Not suitable for children under 3 years.' };
/** ECB rates of today without the lira, then with it. */
const WITHOUT_TRY = { USD: '1.1225', JPY: '176.99', GBP: '0.86915', PLN: '4.2530' };
const WITH_TRY = { ...WITHOUT_TRY, TRY: '55.1650' };

type StoredIssue = { code: string; severity: string; category: string; fields: string[]; params: Record<string, unknown>; ruleId: string; ruleVersion: string };
type Stored = { market: string; status: string; issues: StoredIssue[]; evaluated_at: Date };
type Checklist = { market: string; status: string; steps: { step: string; status: string; listings?: { counts: Record<string, number>; topBlockingCodes: { code: string; count: number; message: string }[] } }[] };

/**
 * Issue #12: readiness per variant × market is re-evaluated when the FX snapshot changes. A TRY
 * product has no price in GB (the ECB converts for GB) until the ECB's rates quote TRY: BLOCKED with
 * PRICE_UNAVAILABLE in the listing view, the dry run, stored readiness and the go-live checklist;
 * an import of such rates through the ops API lifts it — the worker re-prices, then re-evaluates
 * stored readiness — with no refresh by anyone.
 */
describe('listing readiness counts the market price: FX snapshots as an input (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let token: string;
  let sellerId: string;
  let productId: string;

  const stored = (market?: string) =>
    t.sql
      .query(`SELECT market, status, issues, evaluated_at FROM catalog_listing_readiness WHERE seller_id = $1 ${market ? 'AND market = $2' : ''} ORDER BY market`, market ? [sellerId, market] : [sellerId])
      .then((r) => r.rows as Stored[]);
  const storedIn = async (market: string) => (await stored(market))[0];
  const priceCodes = (row: Stored | undefined) => (row?.issues ?? []).filter((i) => i.category === 'PRICE').map((i) => `${i.code}:${i.severity}`);
  const onboarding = async (lang = 'tr'): Promise<Checklist[]> => {
    const res = await request(t.http).get('/v1/sellers/me/onboarding').set(bearer(token)).set('Accept-Language', lang);
    expect(res.status).toBe(200);
    return res.body.markets;
  };
  const listingsStep = (list: Checklist[], market: string) => list.find((m) => m.market === market)!.steps.find((s) => s.step === 'LISTINGS')!;
  const events = (type: string) => t.sql.query('SELECT payload, occurred_at FROM outbox_events WHERE type = $1 ORDER BY seq', [type]).then((r) => r.rows as { payload: Record<string, unknown>; occurred_at: Date }[]);
  /** Waits until the worker has delivered every outbox event and no catalog job is queued or running. */
  const settled = () =>
    eventually(
      async () => {
        const undelivered = (await t.sql.query('SELECT count(*)::int AS n FROM outbox_events WHERE delivered_at IS NULL')).rows[0].n as number;
        const busy = (await t.sql.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'catalog.%' AND state IN ('created', 'retry', 'active')")).rows[0].n as number;
        return undelivered + busy;
      },
      (n) => n === 0,
      WAIT,
    );

  beforeAll(async () => {
    t = await startTestApp(workerWithOpsAdmin(ADMIN));
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    const s = await signup(t.http, { country: 'TR', locale: 'tr' });
    token = s.token!;
    sellerId = s.res.body.seller.id;
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token)).send(uniqueTurkishCompany()).expect(200);
    // every seller gate green: only the product and its price decide
    await passKyc(t.http, token, admin, 'TR', 'Ayşe Yılmaz');
    await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({}).expect(200);
    await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName: 'Anadolu Oyuncak Ltd. Şti.', iban: IBAN }).expect(200);
    await request(t.http).post(`/v1/ops/payouts/bank-accounts/${sellerId}/verify`).set(bearer(admin)).expect(200);
    await request(t.http).put('/v1/sellers/me/markets').set(bearer(token)).send({ markets: ['GB', 'TR'] }).expect(200);
  }, 60_000);
  afterAll(async () => t?.close());

  it('without an ECB rate for TRY the product is BLOCKED in GB with PRICE_UNAVAILABLE: listing view, dry run, stored readiness, checklist', async () => {
    const created = await request(t.http).post('/v1/sellers/me/products').set(bearer(token)).send(toy);
    expect(created.status).toBe(201);
    productId = created.body.id;
    const src = (await request(t.http).get(`/v1/sellers/me/products/${productId}/translations`).set(bearer(token))).body.source as { field: string; sourceHash: string }[];
    const fields = Object.entries(EN).map(([field, value]) => ({ field, value, status: 'reviewed', sourceHash: src.find((x) => x.field === field)!.sourceHash }));
    await request(t.http).put(`/v1/sellers/me/products/${productId}/translations/en`).set(bearer(token)).send({ fields }).expect(200);

    // stored by the worker: TR (its own currency) is READY; GB waits for a rate. The product's creation is evaluated
    // first (GB blocked by its missing English texts too), the translations after: wait for the second evaluation.
    const blockers = (r: Stored | undefined) => (r?.issues ?? []).filter((i) => i.severity === 'BLOCKER').map((i) => i.code);
    const rows = await eventually(
      stored,
      (r) => r.find((x) => x.market === 'TR')?.status === 'READY' && blockers(r.find((x) => x.market === 'GB')).join() === 'PRICE_UNAVAILABLE',
      WAIT,
    );
    const gb = rows.find((r) => r.market === 'GB')!;
    expect(gb.issues.filter((i) => i.severity === 'BLOCKER')).toEqual([
      { code: 'PRICE_UNAVAILABLE', severity: 'BLOCKER', category: 'PRICE', fields: ['price'], params: { from: 'TRY', to: 'GBP', source: 'ECB', market: 'GB' }, ruleId: 'market.GB.fx', ruleVersion: '1' },
    ]);
    expect(priceCodes(rows.find((r) => r.market === 'TR'))).toEqual([]);
    // every market the ECB converts for is in the same state, whatever else it lacks
    for (const market of ['IT', 'DE', 'US', 'JP']) expect({ market, codes: priceCodes(rows.find((r) => r.market === market)) }).toEqual({ market, codes: ['PRICE_UNAVAILABLE:BLOCKER'] });

    // the listing view: the variant's own issue, in the viewer's language, next to the blocked price
    const listing = await request(t.http).get(`/v1/sellers/me/products/${productId}/listings/GB`).set(bearer(token)).set('Accept-Language', 'tr');
    expect(listing.status).toBe(200);
    expect(listing.body.readiness).toMatchObject({ status: 'BLOCKED', productStatus: 'BLOCKED', seller: { status: 'READY', issues: [] } });
    expect(listing.body.readiness.issues.map((i: { code: string }) => i.code)).toEqual(['VAT_UK_LOW_VALUE']);
    expect(listing.body.readiness.variants).toEqual([
      expect.objectContaining({
        sku: 'FX-TREN-1',
        status: 'BLOCKED',
        issues: [expect.objectContaining({
          code: 'PRICE_UNAVAILABLE',
          message: 'TRY biriminden GBP birimine ECB döviz kuru yok; bu varyantın GB pazarında fiyatı yok. Operasyon ekibi TRY kurunu içeren kurları yüklediğinde ya da GBP cinsinden sabit bir fiyat belirlediğinizde fiyatı olur.',
        })],
      }),
    ]);
    expect(listing.body.variants[0].price).toMatchObject({ outcome: 'blocked', issues: [expect.objectContaining({ code: 'PRICE_FX_MISSING' })] });

    // the dry run says the same of a draft
    const preview = await request(t.http).post('/v1/sellers/me/products/readiness/preview').set(bearer(token)).set('Accept-Language', 'en')
      .send({ product: { ...toy, variants: [{ ...toy.variants[0], sku: 'FX-DRAFT' }] }, markets: ['GB', 'TR'], translations: Object.entries(EN).map(([field, value]) => ({ locale: 'en', field, value, status: 'reviewed' })) });
    expect(preview.status).toBe(200);
    const [gbPreview, trPreview] = preview.body.markets;
    expect(gbPreview).toMatchObject({ market: 'GB', status: 'BLOCKED', productStatus: 'BLOCKED', variants: [{ variantId: null, sku: 'FX-DRAFT', status: 'BLOCKED', issues: [expect.objectContaining({ code: 'PRICE_UNAVAILABLE', ruleId: 'market.GB.fx' })] }] });
    expect(gbPreview.variants[0].issues[0].message).toBe('There is no ECB exchange rate from TRY to GBP, so this variant has no price in GB. It gets one when operations import rates that quote TRY, or when you set a fixed price in GBP.');
    expect(trPreview).toMatchObject({ market: 'TR', status: 'READY', variants: [{ sku: 'FX-DRAFT', status: 'READY', issues: [] }] });

    // the go-live checklist: TR is live, GB is held by the price alone
    const list = await onboarding('tr');
    expect(list.find((m) => m.market === 'TR')!.status).toBe('LIVE');
    expect(list.find((m) => m.market === 'GB')!.status).toBe('NOT_READY');
    expect(listingsStep(list, 'GB').listings).toEqual({
      counts: { READY: 0, READY_WITH_WARNINGS: 0, BLOCKED: 1 },
      topBlockingCodes: [{ code: 'PRICE_UNAVAILABLE', count: 1, message: expect.stringMatching(/^TRY biriminden GBP birimine ECB döviz kuru yok/) }],
    });
  }, 60_000);

  it('a fixed price in the market’s currency needs no rate: stored readiness follows the fixed price and its removal', async () => {
    await request(t.http).put(`/v1/sellers/me/products/${productId}/prices/JP`).set(bearer(token)).send({ currency: 'JPY', variants: [{ sku: 'FX-TREN-1', amount: '1990' }] }).expect(200);
    expect(priceCodes(await eventually(() => storedIn('JP'), (r) => priceCodes(r).length === 0, WAIT))).toEqual([]);
    await request(t.http).delete(`/v1/sellers/me/products/${productId}/prices/JP`).set(bearer(token)).expect(200);
    expect(priceCodes(await eventually(() => storedIn('JP'), (r) => priceCodes(r).length > 0, WAIT))).toEqual(['PRICE_UNAVAILABLE:BLOCKER']);
  }, 60_000);

  it('ECB rates without TRY leave it BLOCKED; rates with TRY make GB live without a manual refresh — re-priced first, then re-evaluated', async () => {
    expect((await importFx(t, admin, 'ecb', ecbFile(rateDayAged(1), WITHOUT_TRY))).status).toBe(201);
    // the re-pricing stored what the snapshot says (no TRY quote), then readiness ran again
    await eventually(() => t.sql.query("SELECT issues FROM catalog_market_prices WHERE product_id = $1 AND market_code = 'GB'", [productId]).then((r) => r.rows[0]?.issues?.[0]?.code), (c) => c === 'PRICE_FX_RATE_UNAVAILABLE', WAIT);
    await settled();
    expect(priceCodes(await storedIn('GB'))).toEqual(['PRICE_UNAVAILABLE:BLOCKER']);
    expect((await storedIn('GB')).status).toBe('BLOCKED');

    const before = (await events('catalog.prices_repriced')).length;
    const imported = await importFx(t, admin, 'ecb', ecbFile(rateDayAged(0), WITH_TRY));
    expect(imported.status).toBe(201);
    const gb = await eventually(() => storedIn('GB'), (r) => r?.status === 'READY', WAIT);
    expect({ status: gb.status, price: priceCodes(gb), blockers: gb.issues.filter((i) => i.severity === 'BLOCKER') }).toEqual({ status: 'READY', price: [], blockers: [] });
    // every converted market lost the issue (they may still lack their languages)
    for (const row of await stored()) expect({ market: row.market, codes: priceCodes(row) }).toEqual({ market: row.market, codes: row.market === 'KZ' ? ['PRICE_UNAVAILABLE:BLOCKER'] : [] });

    // chained, never raced: the re-pricing job announced the markets after storing their prices, and the
    // stored readiness was evaluated after that
    const repriced = (await events('catalog.prices_repriced')).slice(before);
    expect(repriced.map((e) => e.payload)).toEqual([{ markets: expect.arrayContaining(['GB', 'IT', 'US', 'JP']), cause: 'fx.snapshot_imported' }]);
    const price = (await t.sql.query("SELECT outcome, computed_at FROM catalog_market_prices WHERE product_id = $1 AND market_code = 'GB'", [productId])).rows[0] as { outcome: string; computed_at: Date };
    expect(price.outcome).toBe('priced');
    expect(repriced[0].occurred_at.getTime()).toBeGreaterThanOrEqual(price.computed_at.getTime());
    expect(gb.evaluated_at.getTime()).toBeGreaterThanOrEqual(repriced[0].occurred_at.getTime());

    // the checklist and the events follow on their own
    const list = await onboarding('tr');
    expect(list.find((m) => m.market === 'GB')!.status).toBe('LIVE');
    expect(listingsStep(list, 'GB').listings).toEqual({ counts: { READY: 1, READY_WITH_WARNINGS: 0, BLOCKED: 0 }, topBlockingCodes: [] });
    const ready = (await events('listing.ready')).map((e) => e.payload).filter((p) => p.market === 'GB');
    expect(ready).toEqual([expect.objectContaining({ productId, sku: 'FX-TREN-1', market: 'GB', from: 'BLOCKED', to: 'READY' })]);
    expect((await events('seller.ready_in_market')).map((e) => e.payload.market).sort()).toEqual(['GB', 'TR']);
    const listing = await request(t.http).get(`/v1/sellers/me/products/${productId}/listings/GB`).set(bearer(token));
    expect(listing.body.readiness).toMatchObject({ status: 'READY', productStatus: 'READY', variants: [{ sku: 'FX-TREN-1', status: 'READY', issues: [] }] });
    expect(listing.body.variants[0].price).toMatchObject({ outcome: 'priced', currency: 'GBP' });
  }, 90_000);

  it('a stale CBR snapshot (6 TARGET days, KZ allows 4) is PRICE_FX_STALE in KZ; a fresh one lifts it', async () => {
    const cbr = (date: string) => {
      const [y, m, d] = date.split('-');
      return Buffer.from(
        `<?xml version="1.0" encoding="windows-1251"?><ValCurs Date="${d}.${m}.${y}" name="Foreign Currency Market">` +
          '<Valute ID="R01335"><NumCode>398</NumCode><CharCode>KZT</CharCode><Nominal>100</Nominal><Name>Tenge</Name><Value>14,5012</Value><VunitRate>0,145012</VunitRate></Valute>' +
          '<Valute ID="R01700J"><NumCode>949</NumCode><CharCode>TRY</CharCode><Nominal>10</Nominal><Name>Lira</Name><Value>16,5788</Value><VunitRate>1,65788</VunitRate></Valute>' +
          '</ValCurs>',
      );
    };
    const stale = rateDayAged(6);
    expect((await importFx(t, admin, 'cbr', cbr(stale))).status).toBe(201);
    const kz = await eventually(() => storedIn('KZ'), (r) => priceCodes(r)[0] === 'PRICE_FX_STALE:BLOCKER', WAIT);
    expect(kz.issues.find((i) => i.code === 'PRICE_FX_STALE')).toEqual({
      code: 'PRICE_FX_STALE', severity: 'BLOCKER', category: 'PRICE', fields: ['price'],
      params: { from: 'TRY', to: 'KZT', source: 'CBR', market: 'KZ', rateDate: stale, ageTargetDays: 6, maxAgeTargetDays: 4 }, ruleId: 'market.KZ.fx', ruleVersion: '1',
    });
    expect((await importFx(t, admin, 'cbr', cbr(rateDayAged(0)))).status).toBe(201);
    expect(priceCodes(await eventually(() => storedIn('KZ'), (r) => priceCodes(r).length === 0, WAIT))).toEqual([]);
  }, 60_000);

  it('is re-evaluated every hour as well (rates age with no event): the cron schedule, and a run puts a wrong stored row right', async () => {
    const schedules = await t.sql.query('SELECT name, cron FROM pgboss.schedule WHERE name = $1', [CATALOG_READINESS_REFRESH_JOB]);
    expect(schedules.rows).toEqual([{ name: CATALOG_READINESS_REFRESH_JOB, cron: '23 * * * *' }]);
    const before = await stored();
    expect(before.some((r) => r.status !== 'READY' || r.issues.length > 0)).toBe(true); // else a run that does nothing would pass
    // what an aged rate does to a stored row, in effect: it no longer says what an evaluation now says
    await t.sql.query(`UPDATE catalog_listing_readiness SET status = 'READY', issues = '[]' WHERE seller_id = $1`, [sellerId]);
    expect((await stored()).every((r) => r.status === 'READY')).toBe(true);
    await t.app.get(CatalogReadinessRefreshJob).handle();
    const after = await stored();
    expect(after.map((r) => [r.market, r.status, r.issues.map((i) => i.code)])).toEqual(before.map((r) => [r.market, r.status, r.issues.map((i) => i.code)]));
    // a hand edit of the issues alone (the status still right) clears the digest a refresh compares by, so it is put right too
    await t.sql.query(`UPDATE catalog_listing_readiness SET issues = '[]' WHERE seller_id = $1`, [sellerId]);
    // (a row whose issues were already [] keeps its digest: it still describes them)
    expect((await t.sql.query('SELECT count(*)::int AS n FROM catalog_listing_readiness WHERE seller_id = $1 AND issues_digest IS NOT NULL', [sellerId])).rows[0].n).toBe(before.filter((r) => r.issues.length === 0).length);
    expect(before.some((r) => r.issues.length > 0)).toBe(true);
    await t.app.get(CatalogReadinessRefreshJob).handle();
    expect((await stored()).map((r) => [r.market, r.status, r.issues.map((i) => i.code)])).toEqual(before.map((r) => [r.market, r.status, r.issues.map((i) => i.code)]));
  }, 60_000);
});
