import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { CatalogRepriceJob, PricesService, SEED_MARKETS } from '@app/catalog';
import { UnitOfWork } from '@app/persistence';
import { targetDaysBetween } from '@app/kernel';
import { login, signup, startTestApp, TestApp } from '../support/app';
import { uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'prices.admin@ops.example.com', password: 'Prices-Admin-Pass-1' };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Rate dates relative to the app's clock (the system clock): today's TARGET day, and one 6 TARGET days old. */
const now = new Date();
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
function dayAged(targetDays: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  for (let i = 0; i < 40; i++, d.setUTCDate(d.getUTCDate() - 1)) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && targetDaysBetween(isoDay(d), now) === targetDays) return isoDay(d);
  }
  throw new Error(`no day ${targetDays} TARGET days old`);
}
const TODAY = dayAged(0);
const STALE = dayAged(6);

const ecbXml = (date: string, tryRate: string) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject><gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube><Cube time='${date}'>
    <Cube currency='USD' rate='1.1225'/><Cube currency='JPY' rate='176.99'/><Cube currency='GBP' rate='0.86915'/>
    <Cube currency='PLN' rate='4.2530'/><Cube currency='TRY' rate='${tryRate}'/>
  </Cube></Cube>
</gesmes:Envelope>`);
const cbrXml = (date: string) => {
  const [y, m, d] = date.split('-');
  return Buffer.from(
    `<?xml version="1.0" encoding="windows-1251"?><ValCurs Date="${d}.${m}.${y}" name="Foreign Currency Market">` +
      '<Valute ID="R01239"><NumCode>978</NumCode><CharCode>EUR</CharCode><Nominal>1</Nominal><Name>Euro</Name><Value>91,4567</Value><VunitRate>91,4567</VunitRate></Valute>' +
      '<Valute ID="R01335"><NumCode>398</NumCode><CharCode>KZT</CharCode><Nominal>100</Nominal><Name>Tenge</Name><Value>14,5012</Value><VunitRate>0,145012</VunitRate></Valute>' +
      '<Valute ID="R01700J"><NumCode>949</NumCode><CharCode>TRY</CharCode><Nominal>10</Nominal><Name>Lira</Name><Value>16,5788</Value><VunitRate>1,65788</VunitRate></Valute>' +
      '</ValCurs>',
  );
};

const product = (sku: string, price: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  title: `Ürün ${sku}`,
  category: 'apparel.women',
  attributes: [],
  variants: [{ sku, attributes: [], price, weightG: 500 }],
  hsCode: '620442',
  originCountry: 'TR',
  ...extra,
});

describe('catalog market prices (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let turk: string;
  let russian: string;
  let dressId: string;
  let bigId: string;
  let rubId: string;
  let delivered = 0;

  const upload = (source: string, file: Buffer) => request(t.http).post('/v1/ops/fx/imports').set(bearer(admin)).field('source', source).attach('file', file, { filename: 'rates.xml', contentType: 'text/xml' });
  const listing = (token: string, id: string, market: string, lang = 'en') => request(t.http).get(`/v1/sellers/me/products/${id}/listings/${market}`).set(bearer(token)).set('Accept-Language', lang);
  const priceOf = async (token: string, id: string, market: string, lang = 'en') => {
    const res = await listing(token, id, market, lang);
    expect(res.status).toBe(200);
    return res.body.variants[0].price;
  };
  /** Delivers the FX events the imports wrote to the outbox to the re-pricing job (the worker is off in tests). */
  const deliverFxEvents = async () => {
    const { rows } = await t.sql.query(`SELECT id, type, payload FROM outbox_events WHERE type = 'fx.snapshot_imported' ORDER BY seq`);
    const job = t.app.get(CatalogRepriceJob);
    for (const e of rows.slice(delivered)) await job.handle(e);
    delivered = rows.length;
    return rows.length;
  };
  const deliverMarketEvents = async () => {
    const { rows } = await t.sql.query(`SELECT id, type, payload FROM outbox_events WHERE type = 'catalog.market_published' ORDER BY seq`);
    for (const e of rows) await t.app.get(CatalogRepriceJob).handle(e);
    return rows.length;
  };
  const stored = async (id: string, market: string) => (await t.sql.query('SELECT amount_minor, outcome, fx_snapshot_id, rule_version FROM catalog_market_prices WHERE product_id = $1 AND market_code = $2', [id, market])).rows[0];

  beforeAll(async () => {
    t = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    turk = (await signup(t.http, { country: 'TR', locale: 'tr' })).token!;
    russian = (await signup(t.http, { country: 'RU', locale: 'ru' })).token!;
    await request(t.http).put('/v1/sellers/me/business').set(bearer(turk)).send({ ...uniqueTurkishCompany(), brands: ['Güneş'] }).expect(200);
  });
  afterAll(async () => t?.close());

  it('without any snapshot of the market’s source a converted price is PRICE_FX_MISSING; a same-currency market needs no FX', async () => {
    const res = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(product('DRESS-1', { amount: '2000.00', currency: 'TRY' }));
    expect(res.status).toBe(201);
    dressId = res.body.id;
    const it = await priceOf(turk, dressId, 'IT', 'it');
    expect(it).toMatchObject({ outcome: 'blocked', amountMinor: null, currency: 'EUR', issues: [expect.objectContaining({ code: 'PRICE_FX_MISSING', severity: 'BLOCKER', params: expect.objectContaining({ source: 'ECB' }) })] });
    expect(it.issues[0].message).toContain('ECB');
    const tr = await priceOf(turk, dressId, 'TR');
    expect(tr).toMatchObject({ outcome: 'priced', source: 'same_currency', currency: 'TRY', fxSnapshotId: null, amountMinor: '240090' }); // 2000 × 1.20 → 2400.90 (x.90 ending)
    expect((await stored(dressId, 'IT')).outcome).toBe('blocked'); // stored on the write path
  });

  it('a snapshot 6 TARGET days old blocks a new price with PRICE_FX_STALE', async () => {
    expect((await upload('cbr', cbrXml(STALE))).status).toBe(201);
    const res = await request(t.http).post('/v1/sellers/me/products').set(bearer(russian)).send(product('MATRYOSHKA', { amount: '1990.00', currency: 'RUB' }, { currency: 'RUB', originCountry: 'RU' }));
    expect(res.status).toBe(201);
    rubId = res.body.id;
    const kz = await priceOf(russian, rubId, 'KZ', 'ru');
    expect(kz).toMatchObject({ outcome: 'blocked', amountMinor: null, issues: [expect.objectContaining({ code: 'PRICE_FX_STALE', severity: 'BLOCKER', params: expect.objectContaining({ rateDate: STALE, ageTargetDays: '6', maxAgeTargetDays: '4' }) })] });
    expect(kz.issues[0].message).toMatch(/CBR/);
  });

  it('today’s ECB and CBR imports emit fx.snapshot_imported; re-pricing stores an IT price in EUR with VAT and a charm ending, naming the snapshot', async () => {
    const ecb = await upload('ecb', ecbXml(TODAY, '54.8310'));
    expect(ecb.status).toBe(201);
    expect((await upload('cbr', cbrXml(TODAY))).status).toBe(201);
    expect(await deliverFxEvents()).toBe(3);
    const row = await stored(dressId, 'IT');
    expect(row).toMatchObject({ outcome: 'priced', amount_minor: '4499', fx_snapshot_id: ecb.body.snapshotIds[0], rule_version: 'market:IT@1' });
    const it = await priceOf(turk, dressId, 'IT', 'it');
    expect(it).toMatchObject({ outcome: 'priced', amountMinor: '4499', amount: '44.99', currency: 'EUR', source: 'converted', fxSource: 'ecb', fxSnapshotId: ecb.body.snapshotIds[0], fxPath: ['TRY', 'EUR'], issues: [] });
    expect(it.formatted.replace(/\s/g, ' ')).toBe('44,99 €');
    expect(it.storedAt).toEqual(expect.any(String));
    expect(it.breakdown.map((s: { step: string; value: string }) => [s.step, s.value])).toEqual([
      ['source', '2000'],
      ['fx', expect.stringMatching(/^36\.4757/)],
      ['vat_gross_up', expect.stringMatching(/^44\.5003/)],
      ['rounding', '44.50'],
      ['price_ending', '44.99'],
    ]);
    expect(it.breakdown[1].detail).toMatchObject({ snapshotId: ecb.body.snapshotIds[0], source: 'ecb', rateDate: TODAY });
  });

  it('JP shows whole yen (TRY → EUR → JPY through the ECB pivot, 10 % VAT, x80 ending)', async () => {
    const jp = await priceOf(turk, dressId, 'JP');
    expect(jp).toMatchObject({ outcome: 'priced', currency: 'JPY', amountMinor: '7180', amount: '7180', fxPath: ['TRY', 'EUR', 'JPY'] });
    expect(jp.formatted).toMatch(/[¥￥]\s?7,180$/);
  });

  it('a Russian seller’s RUB price converts through the CBR for KZ; an ECB market refuses RUB instead of mixing sources', async () => {
    const kz = await priceOf(russian, rubId, 'KZ', 'ru');
    expect(kz).toMatchObject({ outcome: 'priced', currency: 'KZT', source: 'converted', fxSource: 'cbr', fxPath: ['RUB', 'KZT'], amountMinor: '1599000' }); // 1990 × 100/14.5012 × 1.16 = 15918.68 → 15990
    const it = await priceOf(russian, rubId, 'IT', 'ru');
    expect(it).toMatchObject({ outcome: 'blocked', amountMinor: null, fxSnapshotId: null, issues: [expect.objectContaining({ code: 'PRICE_FX_RATE_UNAVAILABLE', params: expect.objectContaining({ source: 'ECB', missing: 'RUB' }) })] });
    expect(it.issues[0].message).toContain('RUB');
  });

  it('FX hysteresis: a 0.6 % move keeps the stored price, a 1.2 % move re-prices', async () => {
    const res = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(product('CARPET-1', { amount: '20000.00', currency: 'TRY' }));
    expect(res.status).toBe(201);
    bigId = res.body.id;
    expect((await stored(bigId, 'JP')).amount_minor).toBe('71080'); // 71014.2 → 71080
    expect((await upload('ecb', ecbXml(TODAY, '54.5040'))).status).toBe(201); // lira +0.6 %
    await deliverFxEvents();
    const kept = await priceOf(turk, bigId, 'JP');
    expect(kept).toMatchObject({ outcome: 'kept', amountMinor: '71080' });
    expect(kept.breakdown.at(-1)).toMatchObject({ step: 'hysteresis', detail: { candidate: '71480', thresholdPercent: '1' } });
    expect((await stored(bigId, 'JP')).outcome).toBe('kept');
    expect((await upload('ecb', ecbXml(TODAY, '54.1808'))).status).toBe(201); // lira +1.2 %
    await deliverFxEvents();
    expect(await stored(bigId, 'JP')).toMatchObject({ outcome: 'priced', amount_minor: '71880' });
    expect(await priceOf(turk, bigId, 'JP')).toMatchObject({ outcome: 'priced', amountMinor: '71880' });
  });

  it('fixed prices: only in the market currency (USD for IT → 422), precision by ISO exponent, DELETE goes back to conversion', async () => {
    const url = `/v1/sellers/me/products/${dressId}/prices/IT`;
    const usd = await request(t.http).put(url).set(bearer(turk)).set('Accept-Language', 'tr').send({ currency: 'USD', variants: [{ sku: 'DRESS-1', amount: '29.99' }] });
    expect(usd.status).toBe(422);
    expect(usd.body.error).toMatchObject({ code: 'CURRENCY_NOT_ENABLED_FOR_MARKET', message: expect.stringContaining('EUR') });
    const precise = await request(t.http).put(url).set(bearer(turk)).send({ currency: 'EUR', variants: [{ sku: 'DRESS-1', amount: '24.901' }] });
    expect(precise.status).toBe(422);
    expect(precise.body.error.code).toBe('PRICE_PRECISION_EXCEEDED');
    const unknown = await request(t.http).put(url).set(bearer(turk)).send({ currency: 'EUR', variants: [{ sku: 'NOPE', amount: '24.90' }, { sku: 'DRESS-1', amount: '24.90', amountMinor: '2490' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('CATALOG_PRICE_OVERRIDE_INVALID');
    expect(unknown.body.error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([['variants[0].sku', 'UNKNOWN_SKU'], ['variants[1]', 'AMOUNT_ONE_OF']]);
    const ok = await request(t.http).put(url).set(bearer(turk)).send({ currency: 'EUR', variants: [{ sku: 'DRESS-1', amount: '24.90' }] });
    expect(ok.status).toBe(200);
    expect(ok.body.variants[0]).toMatchObject({ sku: 'DRESS-1', fixed: { amountMinor: '2490', amount: '24.90', currency: 'EUR' }, price: { outcome: 'priced', source: 'fixed', amountMinor: '2490', fxSnapshotId: null } });
    expect(await priceOf(turk, dressId, 'IT')).toMatchObject({ source: 'fixed', amountMinor: '2490', breakdown: [expect.objectContaining({ step: 'fixed_price' })] });
    expect(await stored(dressId, 'IT')).toMatchObject({ outcome: 'priced', amount_minor: '2490' });
    const back = await request(t.http).delete(url).set(bearer(turk));
    expect(back.status).toBe(200);
    expect(back.body.variants[0]).toMatchObject({ fixed: null, price: { source: 'converted', currency: 'EUR' } });
    expect(await stored(dressId, 'IT')).toMatchObject({ outcome: 'priced', amount_minor: '4599' }); // at today's last rate 54.1808: 45.03 → 45.99
    expect((await request(t.http).put(`/v1/sellers/me/products/${rubId}/prices/IT`).set(bearer(turk)).send({ currency: 'EUR', variants: [{ sku: 'DRESS-1', amount: '1' }] })).status).toBe(404);
  });

  it('the seller’s own price change re-prices on the write path (never damped)', async () => {
    const res = await request(t.http).put(`/v1/sellers/me/products/${bigId}`).set(bearer(turk)).send(product('CARPET-1', { amount: '20100.00', currency: 'TRY' }));
    expect(res.status).toBe(200);
    expect(await stored(bigId, 'JP')).toMatchObject({ outcome: 'priced', amount_minor: '72280' }); // 72225.7 → 72280 (+0.56 %, yet republished)
  });

  it('a new market version re-prices the market’s stored prices (catalog.market_published)', async () => {
    const it = SEED_MARKETS.find((m) => m.code === 'IT')!;
    expect((await request(t.http).put('/v1/ops/markets/IT/draft').set(bearer(admin)).send({ ...it, taxDisplay: { mode: 'gross', vatRate: '0.10' } })).status).toBe(200);
    expect((await request(t.http).post('/v1/ops/markets/IT/draft/publish').set(bearer(admin))).status).toBe(200);
    expect(await stored(dressId, 'IT')).toMatchObject({ rule_version: 'market:IT@1' });
    expect(await deliverMarketEvents()).toBe(1);
    expect(await stored(dressId, 'IT')).toMatchObject({ outcome: 'priced', rule_version: 'market:IT@2', amount_minor: '4099' }); // 36.9134 × 1.10 = 40.60 → 40.99
    expect(await priceOf(turk, dressId, 'IT')).toMatchObject({ ruleVersion: 'market:IT@2', amountMinor: '4099' });
  });

  it('an existing price is frozen with a WARNING when its source’s snapshot becomes stale', async () => {
    await t.sql.query(`UPDATE fx_snapshots SET rate_date = $1 WHERE source = 'cbr'`, [STALE]);
    const kz = await priceOf(russian, rubId, 'KZ');
    expect(kz).toMatchObject({ outcome: 'frozen', amountMinor: '1599000', issues: [expect.objectContaining({ code: 'PRICE_FX_STALE', severity: 'WARNING' })] });
  });
  it('two stores in one transaction: the second finds the stage emptied, both changes reach the price and its history', async () => {
    const history = async () => (await t.sql.query(`SELECT h.amount_minor FROM catalog_price_history h JOIN catalog_variants v ON v.id = h.variant_id WHERE v.product_id = $1 AND h.market_code = 'IT' ORDER BY h.effective_from`, [dressId])).rows.map((r) => r.amount_minor as string);
    const before = await history();
    const prices = t.app.get(PricesService);
    await t.app.get(UnitOfWork).run(async (tx) => {
      await tx.query('UPDATE catalog_variants SET price_minor = price_minor + 50000 WHERE product_id = $1', [dressId]);
      await prices.repriceProduct(tx, dressId, ['IT']);
      await new Promise((r) => setTimeout(r, 5)); // a later computed_at: a second history row
      await tx.query('UPDATE catalog_variants SET price_minor = price_minor + 50000 WHERE product_id = $1', [dressId]);
      await prices.repriceProduct(tx, dressId, ['IT']);
    });
    const after = await history();
    expect(after).toHaveLength(before.length + 2);
    const [first, second] = after.slice(-2);
    expect(BigInt(first)).toBeGreaterThan(BigInt(before.at(-1)!));
    expect(BigInt(second)).toBeGreaterThan(BigInt(first));
    expect(await stored(dressId, 'IT')).toMatchObject({ outcome: 'priced', amount_minor: second });
    const price = await priceOf(turk, dressId, 'IT');
    expect(price).toMatchObject({ amountMinor: second, breakdown: [expect.objectContaining({ step: 'source', currency: 'TRY' }), expect.objectContaining({ step: 'fx' }), expect.objectContaining({ step: 'vat_gross_up' }), expect.objectContaining({ step: 'rounding' }), expect.objectContaining({ step: 'price_ending' })] });
  });
});
