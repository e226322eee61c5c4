import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { login, signup, startTestApp, TestApp } from '../support/app';
import { turkishToy } from '../support/catalog';
import { ecbFile, importFx, rateDayAged, tcmbFile } from '../support/fx';
import { uniqueTurkishCompany } from '../support/registrations';

const ADMIN = { email: 'readiness.admin@ops.example.com', password: 'Readiness-Admin-Pass-1' };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The golden toy: made in Turkey by a Turkish manufacturer, with a declaration of conformity and no EU responsible person. */
const toy = (sku = 'TOY-1') => turkishToy(sku);

/** Texts of the toy in the languages of IT, ES, DE, GB and US (all reviewed). */
const TOY_TEXTS: Record<string, Record<string, string>> = {
  en: { title: 'Wooden train set', description: 'Unpainted beech train.', safetyInformation: 'Not suitable for children under 3 years.' },
  it: { title: 'Trenino in legno', description: 'Trenino in faggio non verniciato.', safetyInformation: 'Non adatto a bambini di età inferiore a 3 anni.' },
  es: { title: 'Tren de madera', description: 'Tren de haya sin pintar.', safetyInformation: 'No apto para menores de 3 años.' },
  de: { title: 'Holzeisenbahn', description: 'Unlackierte Buchenholzbahn.', safetyInformation: 'Nicht für Kinder unter 3 Jahren geeignet.' },
};

/** Russian vodka: HS 220860, made in Russia; titles in English and Turkish. */
const vodka = {
  title: 'Водка «Берёзка»',
  category: 'food.spirits',
  variants: [{ sku: 'VODKA-05', price: { amount: '900.00', currency: 'RUB' } }],
  hsCode: '220860',
  hsNational: { US: '2208600000', EU: '22086011' },
  originCountry: 'RU',
};

type Issue = { code: string; severity: string; ruleId: string; ruleVersion: string; sourceUrl?: string; message: string; params: Record<string, unknown> };
type Readiness = {
  market: string; status: string; productStatus: string; ruleSetVersion: number; issues: Issue[]; variants: { variantId: string | null; sku: string; status: string }[];
  seller: { status: string; issues: Issue[] };
};

describe('listing readiness and compliance rules (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let turk: string;
  let russian: string;
  let toyId: string;
  let vodkaId: string;

  const translate = async (token: string, id: string, locale: string, texts: Record<string, string>) => {
    const src = (await request(t.http).get(`/v1/sellers/me/products/${id}/translations`).set(bearer(token))).body.source as { field: string; sourceHash: string }[];
    const fields = Object.entries(texts).map(([field, value]) => ({ field, value, status: 'reviewed', sourceHash: src.find((s) => s.field === field)!.sourceHash }));
    const res = await request(t.http).put(`/v1/sellers/me/products/${id}/translations/${locale}`).set(bearer(token)).send({ fields });
    expect(res.status).toBe(200);
  };
  const readiness = async (token: string, id: string, market: string, lang = 'en'): Promise<Readiness> => {
    const res = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/${market}`).set(bearer(token)).set('Accept-Language', lang);
    expect(res.status).toBe(200);
    return res.body.readiness as Readiness;
  };
  const blockers = (r: Readiness) => r.issues.filter((i) => i.severity === 'BLOCKER').map((i) => i.code);

  beforeAll(async () => {
    t = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    // Scenarios 22 and 24 expect the toy (TRY) ready for GB and US and the vodka (RUB) allowed for TR: a listing
    // there has a price, so today's rates of the markets' sources are in — the ECB's for TRY (GB, US, the euro
    // markets), the TCMB's for RUB (TR). The ECB has no RUB: the vodka has no price in the EU or the US either.
    expect((await importFx(t, admin, 'ecb', ecbFile(rateDayAged(0), { USD: '1.1225', JPY: '176.99', GBP: '0.86915', PLN: '4.2530', TRY: '55.1650' }))).status).toBe(201);
    expect((await importFx(t, admin, 'tcmb', tcmbFile(rateDayAged(0), { EUR: { buying: '55.1350' }, RUB: { buying: '0.6039' } }))).status).toBe(201);
    turk = (await signup(t.http, { country: 'TR', locale: 'tr' })).token!;
    expect((await request(t.http).put('/v1/sellers/me/business').set(bearer(turk)).send(uniqueTurkishCompany())).status).toBe(200);
    russian = (await signup(t.http, { country: 'RU', locale: 'ru' })).token!;
    const created = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(toy());
    expect(created.status).toBe(201);
    expect(created.body.conformity).toEqual({ docUrl: 'https://oyuncak.example.com.tr/doc/tren.pdf' });
    toyId = created.body.id;
    for (const [locale, texts] of Object.entries(TOY_TEXTS)) await translate(turk, toyId, locale, texts);
    const v = await request(t.http).post('/v1/sellers/me/products').set(bearer(russian)).send(vodka);
    expect(v.status).toBe(201);
    vodkaId = v.body.id;
    await translate(russian, vodkaId, 'en', { title: 'Beryozka vodka' });
    await translate(russian, vodkaId, 'tr', { title: 'Beryozka votkası' });
    await translate(russian, vodkaId, 'it', { title: 'Vodka Beryozka' });
  });
  afterAll(async () => t?.close());

  it('a toy made in Turkey without an EU responsible person is BLOCKED for IT, ES and DE (GPSR) and ready for GB, US and TR', async () => {
    for (const market of ['IT', 'ES', 'DE']) {
      const r = await readiness(turk, toyId, market);
      expect(r.status).toBe('BLOCKED');
      expect(blockers(r)).toEqual(['GPSR_EU_RP_MISSING']);
      expect(r.issues[0]).toMatchObject({
        code: 'GPSR_EU_RP_MISSING', category: 'COMPLIANCE', fields: ['gpsr.euResponsiblePerson'], params: { manufacturerCountry: 'TR' },
        ruleId: 'eu.gpsr.responsible-person', ruleVersion: '1', sourceUrl: 'https://eur-lex.europa.eu/eli/reg/2023/988/oj',
        message: 'The manufacturer is not established in the EU (TR): name an EU responsible person (GPSR).',
      });
      expect(r.variants).toEqual([expect.objectContaining({ sku: 'TOY-1', status: 'BLOCKED', variantId: expect.any(String) })]);
    }
    for (const market of ['GB', 'US', 'TR']) {
      const r = await readiness(turk, toyId, market);
      // the product is ready; the seller's own gates (KYC, payouts, markets) are not met yet
      expect({ market, productStatus: r.productStatus, status: r.status, blockers: blockers(r) }).toEqual({ market, productStatus: 'READY', status: 'BLOCKED', blockers: [] });
    }
    expect((await readiness(turk, toyId, 'GB')).issues).toEqual([expect.objectContaining({ code: 'VAT_UK_LOW_VALUE', severity: 'INFO', params: { threshold: '135.00', currency: 'GBP' } })]);
  });

  it('counts the seller’s own gates in the status (business profile, KYC, payouts, the market chosen)', async () => {
    const before = await readiness(russian, vodkaId, 'TR', 'tr');
    expect(before.seller.status).toBe('BLOCKED');
    expect(before.seller.issues[0]).toEqual(expect.objectContaining({ code: 'SELLER_PROFILE_MISSING', severity: 'BLOCKER', category: 'SELLER', message: 'Listelemeden önce işletme profilinizi tamamlayın.' }));
    expect(before.seller.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['SELLER_KYC_REQUIRED', 'SELLER_MARKET_NOT_CHOSEN']));
    expect({ productStatus: before.productStatus, status: before.status }).toEqual({ productStatus: 'READY', status: 'BLOCKED' });
    expect((await readiness(turk, toyId, 'GB')).seller.issues.map((i) => i.code)).toEqual(['SELLER_KYC_REQUIRED', 'SELLER_PAYOUTS_NOT_ENABLED', 'SELLER_MARKET_NOT_CHOSEN']);
  });

  it('renders messages in the viewer’s language (Turkish)', async () => {
    const r = await readiness(turk, toyId, 'IT', 'tr');
    expect(r.issues[0].message).toBe('Üretici AB’de yerleşik değil (TR): AB’de bir sorumlu kişi belirtin (GPSR).');
  });

  it('Russian-origin spirits (HS 220860) are BLOCKED for the EU and the US, naming the rule and its source, and allowed for TR', async () => {
    const us = await readiness(russian, vodkaId, 'US');
    expect(us.status).toBe('BLOCKED');
    expect(us.issues).toContainEqual(expect.objectContaining({
      code: 'ORIGIN_HS_PROHIBITED', severity: 'BLOCKER', ruleId: 'us.sanctions.ru-alcohol', sourceUrl: expect.stringMatching(/^https:\/\/ofac\./), params: { origin: 'RU', hsPrefix: '2208', market: 'US' },
    }));
    const it = await readiness(russian, vodkaId, 'IT', 'ru');
    expect(it.status).toBe('BLOCKED');
    expect(it.issues).toContainEqual(expect.objectContaining({
      code: 'ORIGIN_HS_PROHIBITED', ruleId: 'eu.sanctions.ru-spirits', sourceUrl: expect.stringContaining('eur-lex.europa.eu'),
      message: 'Товары происхождения RU с кодом HS 2208 запрещено ввозить на рынок IT (санкции).',
    }));
    const tr = await readiness(russian, vodkaId, 'TR');
    expect(tr.productStatus).toBe('READY');
    expect(tr.issues).toEqual([]);
  });

  it('previews an unsaved product for several markets; nothing is saved', async () => {
    const before = (await request(t.http).get('/v1/sellers/me/products').set(bearer(turk))).body.total;
    const translations = Object.entries(TOY_TEXTS).flatMap(([locale, texts]) => Object.entries(texts).map(([field, value]) => ({ locale, field, value, status: 'reviewed' })));
    const res = await request(t.http).post('/v1/sellers/me/products/readiness/preview').set(bearer(turk)).set('Accept-Language', 'tr')
      .send({ product: toy('TOY-PREVIEW'), markets: ['it', 'US'], translations });
    expect(res.status).toBe(200);
    const [itReport, usReport] = res.body.markets as Readiness[];
    expect(itReport).toMatchObject({ market: 'IT', status: 'BLOCKED', ruleSetVersion: 1, variants: [{ variantId: null, sku: 'TOY-PREVIEW', status: 'BLOCKED' }] });
    expect(itReport.issues[0]).toMatchObject({ code: 'GPSR_EU_RP_MISSING', message: expect.stringContaining('AB’de') });
    expect(usReport.productStatus).toBe('READY');
    // without translations the US title is missing; without a DoC, a warning
    const bare = await request(t.http).post('/v1/sellers/me/products/readiness/preview').set(bearer(turk)).send({ product: { ...toy('TOY-P2'), conformity: undefined }, markets: ['US'] });
    expect(bare.status).toBe(200);
    expect(bare.body.markets[0].issues).toEqual(expect.arrayContaining([
      // the field and the language by their names in the seller's language, never `title` or `en-US`
      expect.objectContaining({ code: 'TRANSLATION_REQUIRED', severity: 'BLOCKER', locale: 'en-US', params: { field: 'title', locale: 'en-US' }, message: expect.stringMatching(/^Başlık alanının çevirisi gerekli \((?!en-US)[^()]*İngilizce[^()]*\)\.$/) }),
      expect.objectContaining({ code: 'CE_DOC_MISSING', severity: 'WARNING', ruleId: 'any.ce.toys-doc', params: { category: 'toys' }, message: 'Oyuncaklar ürünleri için uygunluk beyanının bağlantısını ekleyin.' }),
    ]));
    expect((await request(t.http).get('/v1/sellers/me/products').set(bearer(turk))).body.total).toBe(before);
    // bad input: a clear 4xx
    const unknownMarket = await request(t.http).post('/v1/sellers/me/products/readiness/preview').set(bearer(turk)).send({ product: toy('TOY-P3'), markets: ['XQ'] });
    expect(unknownMarket.status).toBe(404);
    expect(unknownMarket.body.error.code).toBe('MARKET_NOT_FOUND');
    const badCategory = await request(t.http).post('/v1/sellers/me/products/readiness/preview').set(bearer(turk)).send({ product: { ...toy('TOY-P4'), category: 'weapons' }, markets: ['IT'] });
    expect(badCategory.status).toBe(422);
    expect(badCategory.body.error.code).toBe('CATALOG_PRODUCT_INVALID');
    const noMarkets = await request(t.http).post('/v1/sellers/me/products/readiness/preview').set(bearer(turk)).send({ product: toy('TOY-P5'), markets: [] });
    expect(noMarkets.status).toBe(400);
    // prices are checked like a create's: the preview prices the variants
    const tooPrecise = await request(t.http).post('/v1/sellers/me/products/readiness/preview').set(bearer(turk)).send({ product: { ...toy('TOY-P6'), variants: [{ sku: 'TOY-P6', price: { amount: '450.005', currency: 'TRY' } }] }, markets: ['IT'] });
    expect(tooPrecise.status).toBe(422);
    expect(tooPrecise.body.error.code).toBe('PRICE_PRECISION_EXCEEDED');
    const otherCurrency = await request(t.http).post('/v1/sellers/me/products/readiness/preview').set(bearer(turk)).send({ product: { ...toy('TOY-P7'), variants: [{ sku: 'TOY-P7', price: { amount: '450.00', currency: 'EUR' } }] }, markets: ['IT'] });
    expect(otherCurrency.status).toBe(422);
    expect(otherCurrency.body.error).toMatchObject({ code: 'CATALOG_PRODUCT_INVALID', details: [expect.objectContaining({ field: 'variants[0].price.currency', code: 'CURRENCY_MISMATCH' })] });
  });

  it('ops publish a rule-set change (validated, diffed, audited) and readiness follows; sellers may not', async () => {
    const published = await request(t.http).get('/v1/ops/compliance-rules').set(bearer(admin));
    expect(published.status).toBe(200);
    expect(published.body.version).toBe(1);
    const rules = published.body.document.rules as Record<string, unknown>[];
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['eu.gpsr.responsible-person', 'us.sanctions.ru-alcohol', 'eu.ce.toys-doc']));
    expect((await request(t.http).get('/v1/ops/compliance-rules/draft').set(bearer(admin))).status).toBe(404);

    const ban = { id: 'tr.toys.test-ban', version: 1, type: 'CATEGORY', title: 'Test: toys prohibited in Turkey', sourceUrl: 'https://example.com/test-rule', appliesTo: ['tr'], categories: ['toys'], severity: 'BLOCKER' };
    expect((await request(t.http).put('/v1/ops/compliance-rules/draft').set(bearer(turk)).send({ rules: [...rules, ban] })).status).toBe(403);
    const broken = await request(t.http).put('/v1/ops/compliance-rules/draft').set(bearer(admin)).send({ rules: [...rules, { ...ban, type: 'NO_SUCH_TYPE' }] });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('COMPLIANCE_RULES_INVALID');

    // a changed rule whose version was not raised: reported by validate, refused by publish
    const changed = rules.map((r) => (r.id === 'any.ce.toys-doc' ? { ...r, severity: 'INFO' } : r));
    expect((await request(t.http).put('/v1/ops/compliance-rules/draft').set(bearer(admin)).send({ rules: [...changed, ban] })).status).toBe(200);
    const check = await request(t.http).post('/v1/ops/compliance-rules/draft/validate').set(bearer(admin)).set('Accept-Language', 'it');
    expect(check.body).toMatchObject({ valid: false, problems: [expect.objectContaining({ code: 'VERSION_NOT_RAISED', message: expect.stringContaining('any.ce.toys-doc') })] });
    expect((await request(t.http).post('/v1/ops/compliance-rules/draft/publish').set(bearer(admin))).status).toBe(422);

    expect((await request(t.http).put('/v1/ops/compliance-rules/draft').set(bearer(admin)).send({ rules: [...rules, ban] })).status).toBe(200);
    expect((await request(t.http).post('/v1/ops/compliance-rules/draft/validate').set(bearer(admin))).body).toEqual({ valid: true, problems: [] });
    const diff = await request(t.http).get('/v1/ops/compliance-rules/diff?from=1&to=draft').set(bearer(admin));
    expect(diff.status).toBe(200);
    expect(diff.body).toEqual([expect.objectContaining({ path: 'rules[tr.toys.test-ban]', change: 'added' })]);
    const pub = await request(t.http).post('/v1/ops/compliance-rules/draft/publish').set(bearer(admin));
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ version: 2, state: 'published' });

    const tr = await readiness(turk, toyId, 'TR');
    expect(tr).toMatchObject({ status: 'BLOCKED', ruleSetVersion: 2 });
    expect(tr.issues).toContainEqual(expect.objectContaining({ code: 'CATEGORY_PROHIBITED', ruleId: 'tr.toys.test-ban', ruleVersion: '1', sourceUrl: 'https://example.com/test-rule' }));
    expect((await readiness(turk, toyId, 'GB')).productStatus).toBe('READY');

    const versions = await request(t.http).get('/v1/ops/compliance-rules/versions').set(bearer(admin));
    expect(versions.body.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([[2, 'published'], [1, 'retired']]);
    const audit = (await t.sql.query("SELECT action FROM audit_log WHERE target_type = 'compliance_rule_set' ORDER BY occurred_at")).rows;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['compliance_rules.published', 'compliance_rules.draft_saved', 'compliance_rules.draft_saved', 'compliance_rules.published']);
  });
});
