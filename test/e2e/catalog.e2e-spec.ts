import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { login, signup, startTestApp, TestApp } from '../support/app';
import { uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'catalog.admin@ops.example.com', password: 'Catalog-Admin-Pass-1' };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A Swiss market ops publish in the tests: three display languages with their parents in the chain. */
const CH = {
  code: 'CH',
  name: { en: 'Switzerland', ru: 'Швейцария', tr: 'İsviçre', it: 'Svizzera', es: 'Suiza' },
  status: 'enabled',
  countries: ['CH', 'LI'],
  currency: 'CHF',
  displayLocales: ['de-CH', 'fr-CH', 'it-CH'],
  fallbackChain: ['de-CH', 'de', 'fr-CH', 'fr', 'it-CH', 'it'],
  legalLocales: ['de', 'fr', 'it'],
  taxDisplay: { mode: 'gross', vatRate: '0.081' },
  priceEndings: { CHF: [{ fromMinor: '0', step: '100', ending: '90', direction: 'up' }] },
  units: 'metric',
  fx: { source: 'ecb', maxAgeDays: 4 },
  sources: [{ title: 'test market' }],
};

/** A Turkish dress: source texts in Turkish, priced in lira, 1.25 kg parcel of 300×200×100 mm. */
const dress = (sku = 'GUNES-DRESS-XL', extra: Record<string, unknown> = {}) => ({
  title: 'Güneş Kadın Elbise XL 100% pamuk',
  description: 'Yazlık pamuklu elbise.',
  category: 'apparel.women',
  attributes: [{ key: 'material', value: '100% pamuk' }],
  variants: [
    {
      sku,
      attributes: [{ key: 'size', value: 'XL' }],
      price: { amount: '1990.00', currency: 'TRY' },
      weightG: 1250,
      dimensionsMm: { length: 300, width: 200, height: 100 },
    },
  ],
  hsCode: '620442',
  hsNational: { US: '6204423010', EU: '62044200' },
  originCountry: 'TR',
  gpsr: {
    manufacturer: { name: 'Güneş Tekstil A.Ş.', address: { line1: 'Atatürk Cd. 12', city: 'Bursa', postalCode: '16000', country: 'TR' }, email: 'info@gunes.example.com.tr' },
    euResponsiblePerson: { name: 'Sole Import S.r.l.', address: { line1: 'Via Roma 1', city: 'Milano', postalCode: '20121', country: 'IT' }, url: 'https://sole.example.it' },
  },
  safetyInformation: 'Yıkamadan önce etiketi okuyun.',
  ...extra,
});

describe('catalog localisation (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let turk: string;
  let italian: string;

  beforeAll(async () => {
    t = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    turk = (await signup(t.http, { country: 'TR', locale: 'tr' })).token!;
    italian = (await signup(t.http, { country: 'IT', locale: 'it' })).token!;
    await request(t.http).put('/v1/sellers/me/business').set(bearer(turk)).send({ ...uniqueTurkishCompany(), brands: ['Güneş'] }).expect(200);
  });
  afterAll(async () => t?.close());

  describe('markets', () => {
    it('lists the seeded markets in the caller’s language, with currency, languages, tax display, units and FX source', async () => {
      const res = await request(t.http).get('/v1/markets').set('Accept-Language', 'it');
      expect(res.status).toBe(200);
      const byCode = Object.fromEntries(res.body.map((m: { code: string }) => [m.code, m]));
      expect(Object.keys(byCode).sort()).toEqual(['DE', 'ES', 'FR', 'GB', 'IT', 'JP', 'KZ', 'PL', 'TR', 'US']);
      expect(byCode.IT).toMatchObject({ name: 'Italia', currency: 'EUR', displayLocales: ['it'], legalLocales: ['it'], taxDisplay: { mode: 'gross', vatRate: '0.22' }, units: 'metric', fx: { source: 'ecb' }, version: 1 });
      expect(byCode.US).toMatchObject({ name: 'Stati Uniti', currency: 'USD', taxDisplay: { mode: 'net' }, units: 'imperial', fallbackChain: ['en-US', 'en'] });
      expect(byCode.PL).toMatchObject({ currency: 'PLN', fx: { source: 'ecb' } });
      expect(byCode.TR).toMatchObject({ currency: 'TRY', fx: { source: 'tcmb' } });
      expect(byCode.KZ).toMatchObject({ currency: 'KZT', fx: { source: 'cbr', note: expect.stringContaining('no KZT') } });
      expect(byCode.JP).toMatchObject({ currency: 'JPY', currencyExponent: 0, priceEndings: { JPY: expect.any(Array) } });
    });

    it('shows one market by code in any case, and answers an unknown one with 404 in the caller’s language', async () => {
      const us = await request(t.http).get('/v1/markets/us').set('Accept-Language', 'ru');
      expect(us.status).toBe(200);
      expect(us.body).toMatchObject({ code: 'US', name: 'США' });
      const none = await request(t.http).get('/v1/markets/XQ').set('Accept-Language', 'tr');
      expect(none.status).toBe(404);
      expect(none.body.error).toMatchObject({ code: 'MARKET_NOT_FOUND', message: 'XQ pazarı yok.' });
    });

    it('lets ops draft, validate, publish and diff a market, audited; sellers may not', async () => {
      expect((await request(t.http).put('/v1/ops/markets/CH/draft').set(bearer(turk)).send(CH)).status).toBe(403);
      const mismatch = await request(t.http).put('/v1/ops/markets/CH/draft').set(bearer(admin)).send({ ...CH, code: 'AT' });
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.error.code).toBe('MARKET_MISMATCH');
      const schemaBroken = await request(t.http).put('/v1/ops/markets/CH/draft').set(bearer(admin)).send({ ...CH, taxDisplay: { mode: 'gross' } });
      expect(schemaBroken.status).toBe(422);
      expect(schemaBroken.body.error.details[0]).toMatchObject({ field: 'taxDisplay.vatRate', code: 'SCHEMA' });

      // parses, but breaks the rules: reported by validate, refused by publish
      const bad = {
        ...CH,
        currency: 'XYZ',
        fallbackChain: ['ru', 'de-CH'],
        legalLocales: ['DE_ch'],
        priceEndings: { CHF: [{ fromMinor: '0', toMinor: '1000', step: '100', ending: '100', direction: 'up' }, { fromMinor: '500', step: '100', ending: '90', direction: 'up' }] },
      };
      expect((await request(t.http).put('/v1/ops/markets/CH/draft').set(bearer(admin)).send(bad)).status).toBe(200);
      const check = await request(t.http).post('/v1/ops/markets/CH/draft/validate').set(bearer(admin)).set('Accept-Language', 'es');
      expect(check.status).toBe(200);
      expect(check.body.valid).toBe(false);
      expect(check.body.problems.map((p: { field: string; code: string }) => `${p.field} ${p.code}`).sort()).toEqual(
        [
          'currency UNKNOWN_CURRENCY',
          'fallbackChain[0] CHAIN_OWN_LANGUAGE_FIRST',
          'fallbackChain[0] CHAIN_LOCALE_NOT_DISPLAYED',
          'legalLocales[0] INVALID_LOCALE',
          'priceEndings.CHF[0] ENDING_NOT_BELOW_STEP',
          'priceEndings.CHF[0] BANDS_OVERLAP',
        ].sort(),
      );
      expect(check.body.problems.find((p: { code: string }) => p.code === 'CHAIN_LOCALE_NOT_DISPLAYED').message).toBe(
        'fallbackChain[0]: ru no es un idioma del mercado; los compradores verían textos en un idioma que no pidieron.',
      );
      const refused = await request(t.http).post('/v1/ops/markets/CH/draft/publish').set(bearer(admin));
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('MARKET_INVALID');
      expect((await request(t.http).get('/v1/markets/CH')).status).toBe(404);

      expect((await request(t.http).put('/v1/ops/markets/ch/draft').set(bearer(admin)).send(CH)).status).toBe(200);
      expect((await request(t.http).post('/v1/ops/markets/CH/draft/validate').set(bearer(admin))).body).toEqual({ valid: true, problems: [] });
      const published = await request(t.http).post('/v1/ops/markets/CH/draft/publish').set(bearer(admin));
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ version: 1, state: 'published' });
      expect((await request(t.http).get('/v1/markets/CH').set('Accept-Language', 'it')).body).toMatchObject({ code: 'CH', name: 'Svizzera', version: 1, currency: 'CHF' });

      await request(t.http).put('/v1/ops/markets/CH/draft').set(bearer(admin)).send({ ...CH, taxDisplay: { mode: 'gross', vatRate: '0.09' } }).expect(200);
      const diff = await request(t.http).get('/v1/ops/markets/CH/diff?from=1&to=draft').set(bearer(admin));
      expect(diff.status).toBe(200);
      expect(diff.body).toEqual([{ path: 'taxDisplay.vatRate', change: 'changed', from: '0.081', to: '0.09' }]);
      expect((await request(t.http).get('/v1/ops/markets/CH/diff?from=7&to=draft').set(bearer(admin))).body.error.code).toBe('MARKET_VERSION_NOT_FOUND');
      expect((await request(t.http).post('/v1/ops/markets/CH/draft/publish').set(bearer(admin))).body).toMatchObject({ version: 2 });
      expect((await request(t.http).get('/v1/markets/CH')).body).toMatchObject({ version: 2, taxDisplay: { vatRate: '0.09' } });

      const adminId = (await t.sql.query('SELECT id FROM accounts WHERE email_normalized = $1', [ADMIN.email])).rows[0].id;
      const audit = (await request(t.http).get('/v1/ops/audit?targetType=market&targetId=CH').set(bearer(admin))).body;
      expect(audit.map((e: { action: string }) => e.action)).toEqual(['market.published', 'market.draft_saved', 'market.published', 'market.draft_saved', 'market.draft_saved']);
      expect(audit[0]).toMatchObject({ actorAccountId: adminId, actorRole: 'ops_admin', changes: { version: 2, previousVersion: 1 } });
      const seeded = (await request(t.http).get('/v1/ops/audit?targetType=market&targetId=IT').set(bearer(admin))).body;
      expect(seeded).toEqual([expect.objectContaining({ action: 'market.published', actorRole: 'system' })]);
      expect((await request(t.http).get('/v1/ops/markets/schema').set(bearer(admin))).body.properties.fallbackChain).toBeDefined();
    });

    it('lets ops disable and enable a market (audited)', async () => {
      expect((await request(t.http).post('/v1/ops/markets/JP/disable').set(bearer(admin))).body).toEqual({ code: 'JP', status: 'disabled' });
      expect((await request(t.http).get('/v1/markets/JP')).body.status).toBe('disabled');
      expect((await request(t.http).post('/v1/ops/markets/JP/enable').set(bearer(admin))).body).toEqual({ code: 'JP', status: 'enabled' });
      expect((await request(t.http).post('/v1/ops/markets/ZZ/enable').set(bearer(admin))).status).toBe(422);
    });
  });

  describe('products', () => {
    let productId: string;

    it('creates a product in the seller’s language and currency, prices in minor units', async () => {
      const res = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).set('Accept-Language', 'tr').send(dress());
      expect(res.status).toBe(201);
      productId = res.body.id;
      expect(res.body).toMatchObject({
        status: 'draft',
        sourceLocale: 'tr',
        currency: 'TRY',
        title: 'Güneş Kadın Elbise XL 100% pamuk',
        category: { code: 'apparel.women', label: 'Kadın giyim' },
        hsCode: '620442',
        hsNational: { US: '6204423010', EU: '62044200' },
        originCountry: 'TR',
        brand: null,
        gpsr: { manufacturer: { name: 'Güneş Tekstil A.Ş.' }, euResponsiblePerson: { address: { country: 'IT' } } },
      });
      expect(res.body.variants).toEqual([
        expect.objectContaining({ sku: 'GUNES-DRESS-XL', price: { amountMinor: '199000', amount: '1990.00', currency: 'TRY' }, weightG: 1250, dimensionsMm: { length: 300, width: 200, height: 100 } }),
      ]);
      const row = await t.sql.query('SELECT price_minor, currency FROM catalog_variants WHERE product_id = $1', [productId]);
      expect(row.rows).toEqual([{ price_minor: '199000', currency: 'TRY' }]);
    });

    it('lists with pagination and filters by SKU, status, category and words of the title', async () => {
      await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('GUNES-TEA', { title: 'Rize çayı 500 g', attributes: [], category: 'food.tea_coffee', hsCode: '090240', hsNational: {}, variants: [{ sku: 'GUNES-TEA', price: { amountMinor: '25000', currency: 'TRY' } }] })).expect(201);
      const all = await request(t.http).get('/v1/sellers/me/products?limit=1').set(bearer(turk));
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
      expect(all.body.items).toHaveLength(1);
      const titles = async (query: string) => (await request(t.http).get(`/v1/sellers/me/products?${query}`).set(bearer(turk))).body.items.map((p: { title: string }) => p.title);
      expect(await titles('sku=GUNES-TEA')).toEqual(['Rize çayı 500 g']);
      expect(await titles('sku=gunes-tea')).toEqual([]);
      expect(await titles('category=apparel')).toEqual(['Güneş Kadın Elbise XL 100% pamuk']);
      expect(await titles('category=food.tea_coffee')).toEqual(['Rize çayı 500 g']);
      expect(await titles(`q=${encodeURIComponent('ÇAYI')}`)).toEqual(['Rize çayı 500 g']);
      expect(await titles('q=%25')).toEqual(['Güneş Kadın Elbise XL 100% pamuk']);
      expect(await titles(`q=${encodeURIComponent('gunes elbise')}`)).toEqual(['Güneş Kadın Elbise XL 100% pamuk']);
      expect(await titles('q=GUNES-TEA')).toEqual(['Rize çayı 500 g']);
      expect(await titles(`q=${encodeURIComponent('\u0308\u0301')}`)).toEqual([]);
      expect(await titles('status=active')).toEqual([]);
      expect((await request(t.http).get('/v1/sellers/me/products?limit=500').set(bearer(turk))).status).toBe(400);
    });

    it('never shows one seller’s products to another: 404, not 403', async () => {
      for (const [method, path] of [
        ['get', `/v1/sellers/me/products/${productId}`],
        ['put', `/v1/sellers/me/products/${productId}`],
        ['delete', `/v1/sellers/me/products/${productId}`],
        ['get', `/v1/sellers/me/products/${productId}/translations`],
        ['put', `/v1/sellers/me/products/${productId}/translations/it`],
        ['get', `/v1/sellers/me/products/${productId}/listings/IT`],
      ] as const) {
        const body = method === 'put' ? (path.endsWith('/it') ? { fields: [{ field: 'title', value: 'x', sourceHash: 'a'.repeat(64) }] } : dress('IT-SKU', { variants: [{ sku: 'IT-SKU', price: { amount: '1', currency: 'EUR' } }] })) : undefined;
        const res = await request(t.http)[method](path).set(bearer(italian)).send(body);
        expect({ method, path, status: res.status, code: res.body?.error?.code }).toEqual({ method, path, status: 404, code: 'CATALOG_PRODUCT_NOT_FOUND' });
      }
      expect((await request(t.http).get('/v1/sellers/me/products').set(bearer(italian))).body).toMatchObject({ total: 0, items: [] });
      expect((await request(t.http).get('/v1/sellers/me/products/not-a-uuid').set(bearer(italian))).status).toBe(404);
      expect((await request(t.http).get(`/v1/sellers/me/products/${'-'.repeat(36)}`).set(bearer(italian))).status).toBe(404);
      expect((await request(t.http).get('/v1/sellers/me/products').set(bearer(admin))).status).toBe(403);
      expect((await request(t.http).get('/v1/sellers/me/products')).status).toBe(401);
    });

    it('compares SKUs byte for byte: kiwi-i and KIWI-İ are two SKUs; a repeated one is 409 (golden scenario 40)', async () => {
      const kiwi = (sku: string) => dress(sku, { variants: [{ sku, price: { amount: '10', currency: 'TRY' } }] });
      expect((await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(kiwi('kiwi-i'))).status).toBe(201);
      expect((await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(kiwi('KIWI-İ'))).status).toBe(201);
      expect((await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(kiwi('KIWI-I'))).status).toBe(201);
      const dup = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).set('Accept-Language', 'tr').send(kiwi('kiwi-i'));
      expect(dup.status).toBe(409);
      expect(dup.body.error).toMatchObject({ code: 'CATALOG_SKU_TAKEN', message: 'kiwi-i stok koduna sahip bir ürün varyantınız zaten var.' });
      expect(dup.body.error.details).toEqual([expect.objectContaining({ field: 'variants[0].sku', code: 'DUPLICATE_SKU' })]);
      const twice = dress('A-1', { variants: [{ sku: 'A-1', price: { amount: '1', currency: 'TRY' } }, { sku: 'A-1', price: { amount: '2', currency: 'TRY' } }] });
      expect((await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(twice)).status).toBe(409);
      // SKUs are per seller
      expect((await request(t.http).post('/v1/sellers/me/products').set(bearer(italian)).send({ ...kiwi('kiwi-i'), variants: [{ sku: 'kiwi-i', price: { amount: '10', currency: 'EUR' } }] })).status).toBe(201);
      const found = await request(t.http).get(`/v1/sellers/me/products?sku=${encodeURIComponent('KIWI-İ')}`).set(bearer(turk));
      expect(found.body.items.map((p: { variants: { sku: string }[] }) => p.variants[0].sku)).toEqual(['KIWI-İ']);
      const skus = await t.sql.query("SELECT sku FROM catalog_variants WHERE sku IN ('kiwi-i', 'KIWI-İ', 'KIWI-I') ORDER BY sku");
      expect(skus.rows.map((r: { sku: string }) => r.sku)).toEqual(['KIWI-I', 'KIWI-İ', 'kiwi-i', 'kiwi-i']);
    });

    it('refuses a JPY price with decimals: 422 PRICE_PRECISION_EXCEEDED, nothing written (golden scenario 4)', async () => {
      const before = (await t.sql.query('SELECT count(*)::int AS n FROM catalog_products')).rows[0].n;
      const yen = (amount: string) => dress('JP-1', { currency: 'JPY', variants: [{ sku: 'JP-1', price: { amount, currency: 'JPY' } }] });
      const res = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).set('Accept-Language', 'it').send(yen('1980.5'));
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'PRICE_PRECISION_EXCEEDED', message: 'Il prezzo 1980.5 JPY ha troppi decimali: JPY ne ammette 0.' });
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'variants[0].price.amount', code: 'PRICE_PRECISION_EXCEEDED' })]);
      expect((await t.sql.query('SELECT count(*)::int AS n FROM catalog_products')).rows[0].n).toBe(before);
      const ok = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(yen('1980'));
      expect(ok.status).toBe(201);
      expect(ok.body.variants[0].price).toEqual({ amountMinor: '1980', amount: '1980', currency: 'JPY' });
      const kwd = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('KW-1', { currency: 'KWD', variants: [{ sku: 'KW-1', price: { amount: '3.065', currency: 'KWD' } }] }));
      expect(kwd.body.variants[0].price).toEqual({ amountMinor: '3065', amount: '3.065', currency: 'KWD' });
      const mismatch = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('EUR-1', { variants: [{ sku: 'EUR-1', price: { amount: '1', currency: 'EUR' } }] }));
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.error.details).toEqual([expect.objectContaining({ field: 'variants[0].price.currency', code: 'CURRENCY_MISMATCH' })]);
    });

    it('checks HS codes, category, countries and locales, every problem at once', async () => {
      const res = await request(t.http)
        .post('/v1/sellers/me/products')
        .set(bearer(turk))
        .set('Accept-Language', 'ru')
        .send(dress('BAD-1', { hsCode: '770000', hsNational: { US: '62044230', XX: '6204' }, category: 'weapons', originCountry: 'XX', sourceLocale: 'turkish' }));
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('CATALOG_PRODUCT_INVALID');
      expect(res.body.error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`).sort()).toEqual(
        [
          'category UNKNOWN_CATEGORY',
          'hsCode HS_CHAPTER_UNKNOWN',
          'hsNational.US HS_NATIONAL_INVALID',
          'hsNational.XX UNKNOWN_COUNTRY',
          'hsNational.XX HS_NATIONAL_INVALID',
          'originCountry UNKNOWN_COUNTRY',
          'sourceLocale INVALID_LOCALE',
        ].sort(),
      );
      expect(res.body.error.details.find((d: { field: string }) => d.field === 'hsCode').message).toBe('hsCode: группы HS 77 не существует (группы 01–97, кроме 77).');
      for (const hs of ['62044', '000000', '980000', '62O442']) {
        const r = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('BAD-2', { hsCode: hs, hsNational: {} }));
        expect({ hs, status: r.status }).toEqual({ hs, status: 422 });
      }
      expect((await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('BAD-3', { gpsr: { manufacturer: { name: 'X', address: { line1: 'a', city: 'b', country: 'TR' }, email: 'not-an-email' } } }))).status).toBe(400);
    });

    it('counts the title in characters, not bytes (golden scenario 41)', async () => {
      const cyrillic = 'Ж'.repeat(200);
      expect(Buffer.byteLength(cyrillic)).toBe(400);
      expect((await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('CYR-1', { title: cyrillic }))).status).toBe(201);
      expect((await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('CYR-2', { title: `${cyrillic}Ж` }))).status).toBe(400);
    });

    it('takes a brand only when the business profile declares it', async () => {
      const refused = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).set('Accept-Language', 'es').send(dress('BR-1', { brand: 'Nike' }));
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'CATALOG_BRAND_NOT_DECLARED', message: 'La marca Nike no está declarada en el perfil de tu empresa; añádela allí primero.' });
      const ok = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('BR-2', { brand: 'GÜNEŞ' }));
      expect(ok.status).toBe(201);
      expect(ok.body.brand).toBe('Güneş');
      // the Italian seller has no business profile: no brand at all
      expect((await request(t.http).post('/v1/sellers/me/products').set(bearer(italian)).send({ ...dress('BR-3', { brand: 'Güneş' }), variants: [{ sku: 'BR-3', price: { amount: '1', currency: 'EUR' } }] })).status).toBe(422);
    });

    it('moves status along the declared table, and deletes', async () => {
      const created = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('ST-1', { status: 'archived' }));
      expect(created.body.status).toBe('archived');
      const bad = await request(t.http).put(`/v1/sellers/me/products/${created.body.id}`).set(bearer(turk)).set('Accept-Language', 'it').send(dress('ST-1', { status: 'active' }));
      expect(bad.status).toBe(422);
      expect(bad.body.error).toMatchObject({ code: 'CATALOG_STATUS_TRANSITION', message: 'Un prodotto non può passare da «archiviato» a «attivo».' });
      expect((await request(t.http).put(`/v1/sellers/me/products/${created.body.id}`).set(bearer(turk)).send(dress('ST-1', { status: 'draft' }))).body.status).toBe('draft');
      expect((await request(t.http).delete(`/v1/sellers/me/products/${created.body.id}`).set(bearer(turk))).status).toBe(204);
      expect((await request(t.http).get(`/v1/sellers/me/products/${created.body.id}`).set(bearer(turk))).status).toBe(404);
    });
  });

  describe('translations and listings', () => {
    let id: string;
    let hashes: Record<string, string>;
    const source = async () => {
      const res = await request(t.http).get(`/v1/sellers/me/products/${id}/translations`).set(bearer(turk));
      return res.body as { source: { field: string; sourceHash: string; legal: boolean }[]; translations: { locale: string; fields: { field: string; status: string; outdated: boolean }[] }[] };
    };

    beforeAll(async () => {
      const res = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('TR-LISTED'));
      id = res.body.id;
      hashes = Object.fromEntries((await source()).source.map((f) => [f.field, f.sourceHash]));
    });

    it('shows the source fields with their hashes; brand, SKU and codes are not translatable', async () => {
      const body = await source();
      const variantId = (await request(t.http).get(`/v1/sellers/me/products/${id}`).set(bearer(turk))).body.variants[0].id;
      expect(body.source.map((f) => f.field)).toEqual(['title', 'description', 'safetyInformation', 'attributes.material', `variants.${variantId}.size`]);
      expect(body.source.find((f) => f.field === 'safetyInformation')?.legal).toBe(true);
      expect(hashes.title).toMatch(/^[0-9a-f]{64}$/);
      expect(body.translations).toEqual([]);
    });

    it('lists for Italy without an Italian text as missing, never in Turkish (golden scenario 18)', async () => {
      const res = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/IT`).set(bearer(turk));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ market: { code: 'IT', currency: 'EUR' }, locale: 'it', fallbackChain: ['it'], sourceLocale: 'tr', readiness: { market: 'IT', status: 'BLOCKED' } });
      expect(res.body.readiness.issues).toContainEqual(expect.objectContaining({ code: 'TRANSLATION_REQUIRED', severity: 'BLOCKER', locale: 'it', params: { field: 'title', locale: 'it' } }));
      expect(res.body.title).toEqual({ state: 'missing', value: null, locale: null, origin: null, status: null, outdated: false });
      expect(JSON.stringify(res.body)).not.toContain('Güneş Kadın');
      expect(res.body.safetyInformation).toEqual([expect.objectContaining({ requiredLocale: 'it', state: 'missing', value: null })]);
      // Turkey shows Turkish: the source, exactly
      const inTurkey = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/tr`).set(bearer(turk));
      expect(inTurkey.body.title).toMatchObject({ state: 'exact', value: 'Güneş Kadın Elbise XL 100% pamuk', locale: 'tr', origin: 'source', status: 'source' });
    });

    it('stores translations per field, refuses the source language, unknown fields and blank text', async () => {
      const put = (locale: string, fields: unknown[]) => request(t.http).put(`/v1/sellers/me/products/${id}/translations/${locale}`).set(bearer(turk)).send({ fields });
      const ok = await put('it', [
        { field: 'title', value: 'Güneş Abito da donna XL 100% cotone', sourceHash: hashes.title, status: 'reviewed' },
        { field: 'attributes.material', value: '100% cotone', sourceHash: hashes['attributes.material'], status: 'machine' },
      ]);
      expect(ok.status).toBe(200);
      expect(ok.body.translations).toEqual([
        {
          locale: 'it',
          fields: [
            expect.objectContaining({ field: 'attributes.material', status: 'machine', outdated: false }),
            expect.objectContaining({ field: 'title', status: 'reviewed', outdated: false, value: 'Güneş Abito da donna XL 100% cotone' }),
          ],
        },
      ]);
      const own = await put('tr', [{ field: 'title', value: 'x', sourceHash: hashes.title }]);
      expect(own.status).toBe(422);
      expect(own.body.error.details[0]).toMatchObject({ field: 'locale', code: 'SOURCE_LOCALE' });
      const unknown = await put('it', [{ field: 'brand', value: 'x', sourceHash: hashes.title }]);
      expect(unknown.body.error.details[0]).toMatchObject({ field: 'fields[0].field', code: 'UNKNOWN_FIELD' });
      expect((await put('it', [{ field: 'title', value: '   ', sourceHash: hashes.title }])).status).toBe(422);
      expect((await put('it', [{ field: 'title', value: '', sourceHash: hashes.title }])).status).toBe(400);
      const long = await put('it', [{ field: 'title', value: 'Ж'.repeat(201), sourceHash: hashes.title }]);
      expect(long.body.error.details[0]).toMatchObject({ field: 'fields[0].value', code: 'TOO_LONG' });
      expect((await put('xx_YY', [{ field: 'title', value: 'x', sourceHash: hashes.title }])).body.error.code).toBe('CATALOG_TRANSLATION_INVALID');
      const rows = await t.sql.query("SELECT count(*)::int AS n FROM catalog_product_translations WHERE product_id = $1 AND btrim(value) = ''", [id]);
      expect(rows.rows[0].n).toBe(0);
    });

    it('lists the Italian translation as exact, and falls back it-CH → it in Switzerland, marked', async () => {
      const it = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/IT`).set(bearer(turk));
      expect(it.body.title).toMatchObject({ state: 'exact', value: 'Güneş Abito da donna XL 100% cotone', locale: 'it', status: 'reviewed' });
      expect(it.body.attributes).toEqual([{ key: 'material', value: expect.objectContaining({ state: 'exact', value: '100% cotone', status: 'machine' }) }]);
      expect(it.body.description).toMatchObject({ state: 'missing', value: null });
      const ch = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/CH?locale=it-CH`).set(bearer(turk));
      expect(ch.status).toBe(200);
      expect(ch.body.fallbackChain).toEqual(['it-CH', 'it', 'de-CH', 'de', 'fr-CH', 'fr']);
      expect(ch.body.title).toMatchObject({ state: 'fallback', locale: 'it', value: 'Güneş Abito da donna XL 100% cotone' });
      // no fallback for legal text: Italian safety information is missing in Switzerland too
      expect(ch.body.safetyInformation.map((s: { requiredLocale: string; state: string }) => `${s.requiredLocale} ${s.state}`)).toEqual(['de missing', 'fr missing', 'it missing']);
      const wrong = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/IT?locale=tr`).set(bearer(turk)).set('Accept-Language', 'en');
      expect(wrong.status).toBe(422);
      expect(wrong.body.error).toMatchObject({ code: 'MARKET_LOCALE_NOT_DISPLAYED', message: 'Italy does not show listings in tr; its languages are: it.' });
      expect((await request(t.http).get(`/v1/sellers/me/products/${id}/listings/XQ`).set(bearer(turk))).body.error.code).toBe('MARKET_NOT_FOUND');
    });

    it('marks translations outdated when the source changes, and refuses a write against the old source (golden scenario 20)', async () => {
      const edited = await request(t.http).put(`/v1/sellers/me/products/${id}`).set(bearer(turk)).send(dress('TR-LISTED', { title: 'Güneş Kadın Yazlık Elbise XL 100% pamuk' }));
      expect(edited.status).toBe(200);
      const after = await source();
      const it = after.translations.find((l) => l.locale === 'it')!;
      expect(it.fields.find((f) => f.field === 'title')).toMatchObject({ status: 'reviewed', outdated: true });
      expect(it.fields.find((f) => f.field === 'attributes.material')).toMatchObject({ outdated: false });
      const listing = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/IT`).set(bearer(turk));
      expect(listing.body.title).toMatchObject({ state: 'exact', outdated: true });

      const stale = await request(t.http)
        .put(`/v1/sellers/me/products/${id}/translations/it`)
        .set(bearer(turk))
        .set('Accept-Language', 'ru')
        .send({ fields: [{ field: 'title', value: 'Güneş Abito estivo', sourceHash: hashes.title }] });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'TRANSLATION_SOURCE_CHANGED', details: [expect.objectContaining({ field: 'fields[0].sourceHash', code: 'SOURCE_CHANGED' })] });
      expect(stale.body.error.message).toContain('Исходный текст изменился');
      const newHash = after.source.find((f) => f.field === 'title')!.sourceHash;
      expect(newHash).not.toBe(hashes.title);
      const fresh = await request(t.http).put(`/v1/sellers/me/products/${id}/translations/it`).set(bearer(turk)).send({ fields: [{ field: 'title', value: 'Güneş Abito estivo da donna XL', sourceHash: newHash }] });
      expect(fresh.status).toBe(200);
      expect(fresh.body.translations[0].fields.find((f: { field: string }) => f.field === 'title')).toMatchObject({ outdated: false, status: 'translated' });
    });

    it('shows the package in the market’s units: US pounds and inches, declared weight rounded up (golden scenario 32)', async () => {
      const us = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/US`).set(bearer(turk));
      expect(us.status).toBe(200);
      expect(us.body.variants).toEqual([
        expect.objectContaining({
          sku: 'TR-LISTED',
          price: expect.objectContaining({ outcome: 'blocked', currency: 'USD', issues: [expect.objectContaining({ code: 'PRICE_FX_MISSING' })] }), // no ECB snapshot in this spec
          package: {
            system: 'imperial',
            weightG: 1250,
            dimensionsMm: { length: 300, width: 200, height: 100 },
            weight: { value: '2.76', unit: 'lb' },
            shippingWeight: { value: '2.8', unit: 'lb' },
            dimensions: { length: { value: '11.81', unit: 'in' }, width: { value: '7.87', unit: 'in' }, height: { value: '3.94', unit: 'in' } },
          },
        }),
      ]);
      expect(us.body.title).toMatchObject({ state: 'missing' });
      const de = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/DE`).set(bearer(turk));
      expect(de.body.variants[0].package).toMatchObject({ system: 'metric', weight: { value: '1.250', unit: 'kg' }, dimensions: { length: { value: '30.0', unit: 'cm' } } });
    });

    it('keeps translations of a kept variant and drops those of removed fields', async () => {
      const before = await source();
      const sizeField = before.source.find((f) => f.field.startsWith('variants.'))!;
      await request(t.http).put(`/v1/sellers/me/products/${id}/translations/de`).set(bearer(turk))
        .send({ fields: [{ field: sizeField.field, value: 'XL', sourceHash: sizeField.sourceHash }, { field: 'attributes.material', value: '100 % Baumwolle', sourceHash: before.source.find((f) => f.field === 'attributes.material')!.sourceHash }] })
        .expect(200);
      await request(t.http).put(`/v1/sellers/me/products/${id}`).set(bearer(turk)).send(dress('TR-LISTED', { title: 'Güneş Kadın Yazlık Elbise XL 100% pamuk', attributes: [] })).expect(200);
      const after = await source();
      expect(after.translations.find((l) => l.locale === 'de')!.fields.map((f) => f.field)).toEqual([sizeField.field]);
    });
  });
});
