import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { login, signup, startTestApp, TestApp, workerWithOpsAdmin } from '../support/app';
import { eventually } from '../support/eventually';
import { turkishToy } from '../support/catalog';
import { ecbFile, importFx, rateDayAged } from '../support/fx';
import { decideKyc, submitKyc, tippingOff } from '../support/kyc';
import { uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'onboarding.admin@ops.example.com', password: 'Onboarding-Admin-Pass-1' };
const IBAN = 'TR330006100519786457841326';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The golden toy; at first, no EU responsible person. */
const toy = (gpsrExtra: object = {}) => turkishToy('TREN-1', gpsrExtra);
const EU_RP = { euResponsiblePerson: { name: 'Sole Import S.r.l.', address: { line1: 'Via Roma 1', city: 'Milano', postalCode: '20121', country: 'IT' }, email: 'gpsr@sole.example.it' } };
const TEXTS: Record<string, Record<string, string>> = {
  en: { title: 'Wooden train set', description: 'Unpainted beech train.', safetyInformation: 'Not suitable for children under 3 years.' },
  it: { title: 'Trenino in legno', description: 'Trenino in faggio non verniciato.', safetyInformation: 'Non adatto a bambini di età inferiore a 3 anni.' },
};

type Step = { step: string; status: string; code: string | null; nextAction: string | null; listings?: { counts: Record<string, number>; topBlockingCodes: { code: string; count: number; message: string }[] } };
type MarketChecklist = { market: string; name: string; status: string; liveSince: string | null; nextAction: { step: string; message: string } | null; steps: Step[] };

/**
 * The go-live checklist (issue #12): target markets, seller gates counted in readiness, stored
 * readiness re-evaluated by the worker on KYC, payout and product changes, with listing.ready /
 * listing.blocked / seller.ready_in_market in the outbox; a suspended seller is BLOCKED everywhere
 * with a neutral code.
 */
describe('go-live checklist: target markets, seller gates, stored readiness (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let token: string;
  let sellerId: string;
  let productId: string;
  let caseId: string;

  const onboarding = async (lang = 'tr'): Promise<MarketChecklist[]> => {
    const res = await request(t.http).get('/v1/sellers/me/onboarding').set(bearer(token)).set('Accept-Language', lang);
    expect(res.status).toBe(200);
    return res.body.markets;
  };
  const market = (list: MarketChecklist[], code: string) => list.find((m) => m.market === code)!;
  const step = (m: MarketChecklist, name: string) => m.steps.find((s) => s.step === name)!;
  const stored = () =>
    t.sql
      .query('SELECT market, status, issues, seller_gates FROM catalog_listing_readiness WHERE seller_id = $1 ORDER BY market', [sellerId])
      .then((r) => r.rows as { market: string; status: string; issues: { code: string; category: string }[]; seller_gates: string[] }[]);
  const events = (type: string) => t.sql.query('SELECT payload FROM outbox_events WHERE type = $1 AND payload->>\'sellerId\' = $2 ORDER BY seq', [type, sellerId]).then((r) => r.rows.map((x: { payload: Record<string, unknown> }) => x.payload));
  const listing = async (code: string, lang = 'tr') => {
    const res = await request(t.http).get(`/v1/sellers/me/products/${productId}/listings/${code}`).set(bearer(token)).set('Accept-Language', lang);
    expect(res.status).toBe(200);
    return res.body.readiness as { status: string; productStatus: string; seller: { status: string; issues: { code: string; message: string; category: string }[] } };
  };
  const statusOf = async (code: string) => (await stored()).filter((r) => r.market === code).map((r) => r.status);

  beforeAll(async () => {
    t = await startTestApp(workerWithOpsAdmin(ADMIN));
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    // the toy is priced in TRY and the checklist expects it live in GB and IT once nothing else is missing: a listing
    // there has a price, so today's ECB rates (the source of GB and the euro markets) are in
    await importFx(t, admin, 'ecb', ecbFile(rateDayAged(0), { USD: '1.1225', JPY: '176.99', GBP: '0.86915', PLN: '4.2530', TRY: '55.1650' })).expect(201);
    // a list that possibly names the representative below: the case goes to review
    const list = Buffer.from('99501,"CELIK, Burak Can","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"citizen Turkey."\n', 'latin1');
    await request(t.http).post('/v1/ops/screening-lists').set(bearer(admin)).field('source', 'ofac_sdn').field('label', 'onboarding-1').attach('file', list, { filename: 'SDN.CSV', contentType: 'text/csv' }).expect(201);
    const s = await signup(t.http, { country: 'TR', locale: 'tr' });
    token = s.token!;
    sellerId = s.res.body.seller.id;
    await request(t.http).put('/v1/sellers/me/business').set(bearer(token)).send(uniqueTurkishCompany()).expect(200);
  });
  afterAll(async () => t?.close());

  it('a seller chooses target markets: only published, enabled ones (audited)', async () => {
    const bad = await request(t.http).put('/v1/sellers/me/markets').set(bearer(token)).set('Accept-Language', 'tr').send({ markets: ['IT', 'ZZ'] });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'CATALOG_MARKET_NOT_AVAILABLE', details: [expect.objectContaining({ field: 'markets[1]', code: 'MARKET_NOT_AVAILABLE' })] });
    expect(bad.body.error.message).toBe('ZZ pazarında satış yapamazsınız: satıcılara açık değil.');
    await request(t.http).post('/v1/ops/markets/JP/disable').set(bearer(admin)).expect(200);
    expect((await request(t.http).put('/v1/sellers/me/markets').set(bearer(token)).send({ markets: ['JP'] })).status).toBe(422);
    await request(t.http).post('/v1/ops/markets/JP/enable').set(bearer(admin)).expect(200);
    expect((await request(t.http).put('/v1/sellers/me/markets').set(bearer(token)).send({ markets: 'IT' })).status).toBe(400);

    const chosen = await request(t.http).put('/v1/sellers/me/markets').set(bearer(token)).set('Accept-Language', 'tr').send({ markets: ['it', 'GB', 'TR'] });
    expect(chosen.status).toBe(200);
    expect(chosen.body.markets.map((m: { market: string; name: string; liveSince: null }) => [m.market, m.name, m.liveSince])).toEqual([['GB', 'Birleşik Krallık', null], ['IT', 'İtalya', null], ['TR', 'Türkiye', null]]);
    expect((await request(t.http).get('/v1/sellers/me/markets').set(bearer(token))).body.markets.map((m: { market: string }) => m.market)).toEqual(['GB', 'IT', 'TR']);
    const audit = await t.sql.query("SELECT changes FROM audit_log WHERE action = 'seller.markets_chosen' AND target_id = $1", [sellerId]);
    expect(audit.rows).toEqual([{ changes: { added: ['IT', 'GB', 'TR'], removed: [] } }]);
    expect(await events('catalog.seller_markets_changed')).toHaveLength(1);
  });

  it('the checklist lists, per chosen market, exactly what is left — in Turkish, kept current by the worker', async () => {
    const created = await request(t.http).post('/v1/sellers/me/products').set(bearer(token)).send(toy());
    expect(created.status).toBe(201);
    productId = created.body.id;
    for (const [locale, texts] of Object.entries(TEXTS)) {
      const src = (await request(t.http).get(`/v1/sellers/me/products/${productId}/translations`).set(bearer(token))).body.source as { field: string; sourceHash: string }[];
      const fields = Object.entries(texts).map(([field, value]) => ({ field, value, status: 'reviewed', sourceHash: src.find((x) => x.field === field)!.sourceHash }));
      await request(t.http).put(`/v1/sellers/me/products/${productId}/translations/${locale}`).set(bearer(token)).send({ fields }).expect(200);
    }
    // stored for every enabled market; BLOCKED while the seller's gates are not met. Waits for the state
    // after the translations (the one after the create alone is also all BLOCKED, with translation issues)
    // in the chosen markets: the others (DE, JP…) still lack their languages
    const translated = (x: { market: string; issues: { code: string }[] }) => !['GB', 'IT', 'TR'].includes(x.market) || !x.issues.some((i) => i.code.startsWith('TRANSLATION_') || i.code === 'LEGAL_TEXT_LOCALE_MISSING');
    const rows = await eventually(stored, (r) => r.length === 10 && r.every((x) => x.status === 'BLOCKED') && r.every(translated));
    // the gates as codes beside the product's issues (their details are the seller's: the checklist shows them)
    expect(rows.find((r) => r.market === 'GB')!.seller_gates).toEqual(expect.arrayContaining(['SELLER_KYC_REQUIRED', 'SELLER_PAYOUTS_NOT_ENABLED']));
    expect(rows.find((r) => r.market === 'GB')!.issues.filter((i) => i.category === 'SELLER')).toEqual([]);
    expect(rows.find((r) => r.market === 'DE')!.seller_gates).toContain('SELLER_MARKET_NOT_CHOSEN');
    expect(rows.find((r) => r.market === 'GB')!.seller_gates).not.toContain('SELLER_MARKET_NOT_CHOSEN');

    const list = await onboarding('tr');
    expect(list.map((m) => m.market)).toEqual(['GB', 'IT', 'TR']);
    const it_ = market(list, 'IT');
    expect(it_).toMatchObject({ name: 'İtalya', status: 'NOT_READY', nextAction: { step: 'KYC', message: 'Listelemeden önce işletmenizi doğrulayın (KYC).' } });
    expect(it_.steps.map((s) => [s.step, s.status, s.code])).toEqual([
      ['BUSINESS_PROFILE', 'DONE', null],
      ['KYC', 'ACTION_REQUIRED', 'SELLER_KYC_REQUIRED'],
      ['PAYOUTS', 'ACTION_REQUIRED', 'SELLER_PAYOUTS_NOT_ENABLED'],
      ['LISTINGS', 'ACTION_REQUIRED', 'LISTINGS_BLOCKED'],
    ]);
    expect(step(it_, 'PAYOUTS').nextAction).toBe('Listelemeden önce ödemeleri ayarlayın.');
    expect(step(it_, 'LISTINGS').listings).toEqual({
      counts: { READY: 0, READY_WITH_WARNINGS: 0, BLOCKED: 1 },
      topBlockingCodes: [{ code: 'GPSR_EU_RP_MISSING', count: 1, message: 'Üretici AB’de yerleşik değil (TR): AB’de bir sorumlu kişi belirtin (GPSR).' }],
    });
    // GB: the product is fine; only the seller's gates block it (not listed as product codes)
    expect(step(market(list, 'GB'), 'LISTINGS').listings).toEqual({ counts: { READY: 0, READY_WITH_WARNINGS: 0, BLOCKED: 1 }, topBlockingCodes: [] });
    expect(step(market(await onboarding('it'), 'IT'), 'KYC').nextAction).toBe('Verifica la tua azienda (KYC) prima di pubblicare.');
  });

  it('KYC in review and payouts on hold: neutral WAITING steps; approval turns GB and TR live without any manual refresh', async () => {
    const submitted = await submitKyc(t.http, token, [{ role: 'representative', fullName: 'Burak Çelik', nationality: 'TR' }]);
    expect(submitted.status).toBe('in_review');
    caseId = submitted.caseId;
    await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({}).expect(200);
    await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName: 'Anadolu Oyuncak Ltd. Şti.', iban: IBAN }).expect(200);
    await request(t.http).post(`/v1/ops/payouts/bank-accounts/${sellerId}/verify`).set(bearer(admin)).expect(200);

    const waiting = market(await onboarding('tr'), 'GB');
    expect(waiting.steps.map((s) => [s.step, s.status, s.code])).toEqual([
      ['BUSINESS_PROFILE', 'DONE', null],
      ['KYC', 'WAITING', 'SELLER_VERIFICATION_PENDING'],
      ['PAYOUTS', 'WAITING', 'SELLER_PAYOUTS_PENDING'],
      ['LISTINGS', 'ACTION_REQUIRED', 'LISTINGS_BLOCKED'],
    ]);
    expect(step(waiting, 'KYC').nextAction).toBe('Hesabınız doğrulanıyor; doğrulama tamamlanınca ilanlar gösterilir.');

    await decideKyc(t.http, admin, caseId, 'approve', { internalNote: 'different Burak Çelik: other birth date' });
    await eventually(() => statusOf('GB'), (s) => s[0] === 'READY');
    expect(await statusOf('TR')).toEqual(['READY']);
    expect(await statusOf('IT')).toEqual(['BLOCKED']);
    const live = await onboarding('tr');
    expect(market(live, 'GB')).toMatchObject({ status: 'LIVE', nextAction: null, liveSince: expect.any(String) });
    expect(step(market(live, 'GB'), 'LISTINGS').listings!.counts).toEqual({ READY: 1, READY_WITH_WARNINGS: 0, BLOCKED: 0 });
    expect(market(live, 'TR').status).toBe('LIVE');
    const it_ = market(live, 'IT');
    expect(it_.steps.map((s) => [s.step, s.status])).toEqual([['BUSINESS_PROFILE', 'DONE'], ['KYC', 'DONE'], ['PAYOUTS', 'DONE'], ['LISTINGS', 'ACTION_REQUIRED']]);
    expect(it_.nextAction).toEqual({ step: 'LISTINGS', message: 'İlanlarınızdan hiçbiri henüz İtalya pazarında gösterilemiyor: 1 ilan engelli. Listelenen sorunları giderin.' });
    // the listing view agrees: ready in GB with every gate green
    expect(await listing('GB')).toMatchObject({ status: 'READY', productStatus: 'READY', seller: { status: 'READY', issues: [] } });

    expect((await events('listing.ready')).map((e) => [e.market, e.from, e.to]).sort()).toEqual([['GB', 'BLOCKED', 'READY'], ['TR', 'BLOCKED', 'READY']]);
    expect((await events('seller.ready_in_market')).map((e) => e.market).sort()).toEqual(['GB', 'TR']);
  });

  it('fixing the product (an EU responsible person) makes Italy live; events once, in the same transaction as the change', async () => {
    await request(t.http).put(`/v1/sellers/me/products/${productId}`).set(bearer(token)).send(toy(EU_RP)).expect(200);
    await eventually(() => statusOf('IT'), (s) => s[0] === 'READY');
    const it_ = market(await onboarding('tr'), 'IT');
    expect(it_).toMatchObject({ status: 'LIVE', nextAction: null });
    expect(step(it_, 'LISTINGS').listings).toEqual({ counts: { READY: 1, READY_WITH_WARNINGS: 0, BLOCKED: 0 }, topBlockingCodes: [] });
    const ready = await events('listing.ready');
    expect(ready.filter((e) => e.market === 'IT')).toEqual([expect.objectContaining({ productId, sku: 'TREN-1', market: 'IT', from: 'BLOCKED', to: 'READY' })]);
    expect((await events('seller.ready_in_market')).map((e) => e.market).sort()).toEqual(['GB', 'IT', 'TR']);
    // the same write again changes nothing: no new events
    await request(t.http).put(`/v1/sellers/me/products/${productId}`).set(bearer(token)).send(toy(EU_RP)).expect(200);
    await eventually(() => t.sql.query("SELECT count(*)::int AS n FROM outbox_events WHERE type = 'catalog.products_changed' AND delivered_at IS NULL").then((r) => r.rows[0].n), (n) => n === 0);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await events('listing.ready')).length).toBe(ready.length);
  });

  it('a seller whose KYC is suspended has every listing BLOCKED with a neutral code that reveals nothing about screening', async () => {
    await decideKyc(t.http, admin, caseId, 'suspend', { reasonCode: 'SANCTIONS_HIT' });
    const rows = await eventually(stored, (r) => r.length === 10 && r.every((x) => x.status === 'BLOCKED'));
    for (const r of rows) expect(r.seller_gates).toContain('SELLER_VERIFICATION_PENDING');
    for (const code of ['IT', 'GB', 'TR', 'US']) {
      const r = await listing(code, 'en');
      expect({ code, status: r.status, productStatus: r.productStatus }).toEqual({ code, status: 'BLOCKED', productStatus: 'READY' });
      expect(r.seller.issues[0]).toEqual(expect.objectContaining({
        code: 'SELLER_VERIFICATION_PENDING', category: 'SELLER', message: 'Your account is being verified; listings are shown once the verification is complete.',
      }));
    }
    expect((await events('listing.blocked')).map((e) => e.market).sort()).toEqual(['GB', 'IT', 'TR']);
    const list = await onboarding('tr');
    for (const m of list) {
      expect(m.status).toBe('NOT_READY');
      expect(step(m, 'KYC')).toMatchObject({ status: 'WAITING', code: 'SELLER_VERIFICATION_PENDING' });
      expect(step(m, 'LISTINGS').listings!.counts).toEqual({ READY: 0, READY_WITH_WARNINGS: 0, BLOCKED: 1 });
    }
    expect((await request(t.http).get('/v1/sellers/me/markets').set(bearer(token))).body.markets.every((m: { liveSince: string | null }) => m.liveSince === null)).toBe(true);
    // nothing the seller can read names a suspension, a list or a match
    const bodies = t.sellerResponses.filter((r) => /onboarding|listings|markets/.test(r.path)).map((r) => r.body).join('\n');
    expect(bodies).not.toMatch(/suspen|askıya|sospes|suspend|приостанов|SANCTION|SCREEN|OFAC|SDN|99501|CELIK/i);
    expect(await tippingOff(t)).toEqual([]);
  });

  it('batteries by lane (research §6.3 #26): a power bank sold alone loses postal-air, keeps road courier; stored with the product', async () => {
    const powerBank = {
      title: 'Taşınabilir şarj cihazı 10000 mAh',
      category: 'electronics.batteries',
      variants: [{ sku: 'PB-10000', price: { amount: '600.00', currency: 'TRY' }, weightG: 220 }],
      hsCode: '850760',
      originCountry: 'TR',
      battery: { chemistry: 'li-ion', packing: 'alone', whPerCell: 12.5, whPerBattery: 37 },
    };
    const preview = await request(t.http).post('/v1/sellers/me/products/readiness/preview').set(bearer(token)).set('Accept-Language', 'en').send({ product: powerBank, markets: ['TR'] });
    expect(preview.status).toBe(200);
    const tr = preview.body.markets[0];
    expect(tr.productStatus).toBe('READY_WITH_WARNINGS');
    expect(tr.issues.map((i: { code: string; severity: string; params: Record<string, string> }) => [i.code, i.severity, i.params.lane, i.params.unNumber])).toEqual([
      ['DG_LANE_FORBIDDEN', 'WARNING', 'postal-air', 'UN3480'],
      ['DG_HANDLING', 'INFO', 'road-courier', 'UN3480'],
    ]);
    expect(tr.issues[0]).toMatchObject({ ruleId: 'any.dg.lithium', message: 'This battery (UN3480) cannot be shipped on the postal-air lane; that lane is disabled for the listing.' });
    const phone = { ...powerBank, title: 'Akıllı telefon', category: 'electronics', hsCode: '851713', variants: [{ sku: 'TEL-1', price: { amount: '9000.00', currency: 'TRY' } }], battery: { chemistry: 'li-ion', packing: 'in-equipment', whPerCell: 12, whPerBattery: 12 } };
    const both = await request(t.http).post('/v1/sellers/me/products/readiness/preview').set(bearer(token)).send({ product: phone, markets: ['TR'] });
    expect(both.body.markets[0].issues.map((i: { code: string; params: Record<string, string> }) => [i.code, i.params.lane])).toEqual([['DG_HANDLING', 'postal-air'], ['DG_HANDLING', 'road-courier']]);
    const bad = await request(t.http).post('/v1/sellers/me/products').set(bearer(token)).send({ ...powerBank, battery: { chemistry: 'plutonium', packing: 'alone' } });
    expect(bad.status).toBe(400);
    const saved = await request(t.http).post('/v1/sellers/me/products').set(bearer(token)).send(powerBank);
    expect(saved.status).toBe(201);
    expect(saved.body.battery).toEqual({ chemistry: 'li-ion', packing: 'alone', whPerCell: 12.5, whPerBattery: 37 });
    const row = await eventually(
      () => t.sql.query("SELECT issues, seller_gates FROM catalog_listing_readiness WHERE product_id = $1 AND market = 'TR'", [saved.body.id]).then((r) => r.rows[0] as { issues: { code: string }[]; seller_gates: string[] } | undefined),
      (r) => Boolean(r),
    );
    expect(row!.issues.map((i) => i.code)).toContain('DG_LANE_FORBIDDEN');
    expect(row!.seller_gates).toContain('SELLER_VERIFICATION_PENDING');
  });
});
