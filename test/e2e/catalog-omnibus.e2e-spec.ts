import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { signup, startTestApp, TestApp } from '../support/app';
import { uniqueTurkishCompany } from '../support/registrations';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const DAY = 86_400_000;

const product = (sku: string, variant: Record<string, unknown> = {}) => ({
  title: `Ürün ${sku}`,
  category: 'apparel.women',
  attributes: [],
  variants: [{ sku, attributes: [], price: { amount: '2000.00', currency: 'TRY' }, weightG: 500, ...variant }],
  hsCode: '620442',
  originCountry: 'TR',
});

/** Research §6.3 scenario 15 (EU Omnibus prior price) and the price floor guard (§2.5), on the real app. */
describe('catalog sales: Omnibus prior price and price floors (e2e)', () => {
  let t: TestApp;
  let turk: string;
  let saleId: string;
  let variantId: string;

  const listing = (id: string, market: string, lang = 'en') => request(t.http).get(`/v1/sellers/me/products/${id}/listings/${market}`).set(bearer(turk)).set('Accept-Language', lang);

  beforeAll(async () => {
    t = await startTestApp();
    turk = (await signup(t.http, { country: 'TR', locale: 'tr' })).token!;
    await request(t.http).put('/v1/sellers/me/business').set(bearer(turk)).send({ ...uniqueTurkishCompany(), brands: ['Güneş'] }).expect(200);
    const res = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(product('SALE-1'));
    expect(res.status).toBe(201);
    saleId = res.body.id;
    variantId = res.body.variants[0].id;
  });
  afterAll(async () => t?.close());

  it('scenario 15: IT 30-day history minimum 21.49; a sale at 19.99 with compare-at 24.99 shows 21.49 as the prior price (OMNIBUS_PRIOR_PRICE)', async () => {
    // the IT prices of the last 40 days (published before this test could run: history rows as the store writes them)
    const now = Date.now();
    for (const [daysAgo, minor] of [[40, '2499'], [20, '2149'], [10, '2299']] as const) {
      await t.sql.query('INSERT INTO catalog_price_history (variant_id, market_code, effective_from, amount_minor, currency) VALUES ($1, $2, $3, $4, $5)', [variantId, 'IT', new Date(now - daysAgo * DAY), minor, 'EUR']);
    }
    const put = await request(t.http).put(`/v1/sellers/me/products/${saleId}/prices/IT`).set(bearer(turk)).send({ currency: 'EUR', variants: [{ sku: 'SALE-1', amount: '19.99', compareAt: '24.99' }] });
    expect(put.status).toBe(200);
    expect(put.body.variants[0].fixed).toEqual({ amountMinor: '1999', amount: '19.99', currency: 'EUR', compareAt: '24.99' });
    const res = await listing(saleId, 'IT', 'it');
    expect(res.status).toBe(200);
    const price = res.body.variants[0].price;
    expect(price).toMatchObject({ outcome: 'priced', source: 'fixed', amountMinor: '1999', amount: '19.99', currency: 'EUR' });
    expect(price.compareAt).toMatchObject({ amountMinor: '2149', amount: '21.49', source: 'lowest_30d', declared: '24.99' });
    expect(price.compareAt.formatted.replace(/\s/g, ' ')).toBe('21,49 €');
    expect(price.issues).toEqual([
      expect.objectContaining({ code: 'OMNIBUS_PRIOR_PRICE', severity: 'WARNING', params: { reason: 'replaced_by_lowest_30d', declared: '24.99', lowest: '21.49', currency: 'EUR', days: '30' } }),
    ]);
    expect(price.issues[0].message).toContain('30 giorni');
    // the sale price itself went into the history through the store path
    const { rows } = await t.sql.query('SELECT amount_minor::text AS amount FROM catalog_price_history WHERE variant_id = $1 AND market_code = $2 ORDER BY effective_from DESC LIMIT 1', [variantId, 'IT']);
    expect(rows[0].amount).toBe('1999');
  });

  it('outside the EU (GB) the seller’s compare-at stands; a compare-at not above the price is refused', async () => {
    const put = await request(t.http).put(`/v1/sellers/me/products/${saleId}/prices/GB`).set(bearer(turk)).send({ currency: 'GBP', variants: [{ sku: 'SALE-1', amount: '17.99', compareAt: '21.99' }] });
    expect(put.status).toBe(200);
    const price = (await listing(saleId, 'GB')).body.variants[0].price;
    expect(price).toMatchObject({ amountMinor: '1799', compareAt: { amountMinor: '2199', source: 'seller', declared: '21.99' }, issues: [] });
    const bad = await request(t.http).put(`/v1/sellers/me/products/${saleId}/prices/GB`).set(bearer(turk)).set('Accept-Language', 'es').send({ currency: 'GBP', variants: [{ sku: 'SALE-1', amount: '17.99', compareAt: '17.99' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('CATALOG_PRICE_OVERRIDE_INVALID');
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'variants[0].compareAt', code: 'COMPARE_AT_NOT_ABOVE' })]);
    expect(bad.body.error.details[0].message).toContain('precio de referencia');
  });

  it('an EU sale without any price in the 30 days before it shows no reduction (sale badge refused)', async () => {
    const res = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(product('SALE-NEW'));
    expect(res.status).toBe(201);
    await request(t.http).put(`/v1/sellers/me/products/${res.body.id}/prices/ES`).set(bearer(turk)).send({ currency: 'EUR', variants: [{ sku: 'SALE-NEW', amount: '19.99', compareAt: '24.99' }] }).expect(200);
    const price = (await listing(res.body.id, 'ES', 'es')).body.variants[0].price;
    expect(price).toMatchObject({ amountMinor: '1999', compareAt: null, issues: [expect.objectContaining({ code: 'OMNIBUS_PRIOR_PRICE', params: expect.objectContaining({ reason: 'no_prior_price' }) })] });
  });

  it('a price below the variant’s floor is blocked (PRICE_BELOW_FLOOR), and a fixed price below it is refused with a localised 422', async () => {
    // TR market: TRY, 20 % VAT shown gross, x.90 endings. Price 2000.00 → 2400.90; floor 2500.00 → 3000.00 gross
    const res = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(product('FLOOR-1', { floorMinor: '250000' }));
    expect(res.status).toBe(201);
    expect(res.body.variants[0].floor).toMatchObject({ amountMinor: '250000', currency: 'TRY' });
    const tr = (await listing(res.body.id, 'TR', 'tr')).body.variants[0].price;
    expect(tr).toMatchObject({ outcome: 'blocked', amountMinor: null, issues: [expect.objectContaining({ code: 'PRICE_BELOW_FLOOR', severity: 'BLOCKER', params: { amount: '2400.90', floor: '3000.00', currency: 'TRY' } })] });
    expect(tr.issues[0].message).toContain('taban fiyat');
    const refused = await request(t.http).put(`/v1/sellers/me/products/${res.body.id}/prices/TR`).set(bearer(turk)).set('Accept-Language', 'ru').send({ currency: 'TRY', variants: [{ sku: 'FLOOR-1', amount: '2999.99' }] });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'PRICE_BELOW_FLOOR', details: [expect.objectContaining({ field: 'variants[0].amount', code: 'PRICE_BELOW_FLOOR' })] });
    expect(refused.body.error.message).toContain('3000.00');
    expect(refused.body.error.message).toMatch(/минимальной цены/);
    const fixed = await request(t.http).put(`/v1/sellers/me/products/${res.body.id}/prices/TR`).set(bearer(turk)).send({ currency: 'TRY', variants: [{ sku: 'FLOOR-1', amount: '3000.00' }] });
    expect(fixed.status).toBe(200);
    expect(fixed.body.variants[0].price).toMatchObject({ outcome: 'priced', source: 'fixed', amountMinor: '300000' });
  });
});
