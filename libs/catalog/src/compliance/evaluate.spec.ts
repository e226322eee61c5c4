import { describe, expect, it } from '@jest/globals';
import { MarketDocument } from '../markets/schema';
import { SEED_MARKETS } from '../markets/seeds';
import type { Candidate } from '../listings/resolve';
import { checkRuleSet } from './checks';
import { evaluateReadiness, ReadinessProduct, ReadinessReport } from './evaluate';
import { SEED_COMPLIANCE_RULES } from './seeds';
import type { PriceFinding } from '../prices/price-readiness';

const { ruleSet, problems } = checkRuleSet(SEED_COMPLIANCE_RULES);
const rules = { version: 1, rules: ruleSet!.rules };
const market = (code: string) => ({ code, version: 1, document: MarketDocument.parse(SEED_MARKETS.find((m) => m.code === code)) });

const src = (locale: string, value: string): Candidate => ({ locale, value, origin: 'source', status: 'source', outdated: false });
const tr = (locale: string, value: string, status: Candidate['status'] = 'reviewed', outdated = false): Candidate => ({ locale, value, origin: 'translation', status, outdated });
/** Title, description and safety information in Turkish with reviewed translations into every language the seed markets need. */
const everywhere = (text: string) => [src('tr', text), ...['it', 'es', 'de', 'fr', 'pl', 'en', 'kk', 'ru', 'ja'].map((l) => tr(l, `${text} (${l})`))];

const TR_MANUFACTURER = { name: 'Güneş Oyuncak A.Ş.', address: { line1: 'Atatürk Cd. 12', city: 'Bursa', country: 'TR' }, email: 'info@gunes.example.com.tr' };
const IT_RP = { name: 'Sole Import S.r.l.', address: { line1: 'Via Roma 1', city: 'Milano', country: 'IT' }, url: 'https://sole.example.it' };

/** A complete Turkish kitchen textile: nothing missing anywhere. */
const product = (over: Partial<ReadinessProduct> = {}): ReadinessProduct => ({
  category: 'home.textiles',
  hsCode: '630231',
  hsNational: { US: '6302310010', EU: '63023100' },
  originCountry: 'TR',
  gpsr: { manufacturer: TR_MANUFACTURER, euResponsiblePerson: IT_RP },
  conformity: null,
  texts: new Map([
    ['title', everywhere('Pamuk nevresim')],
    ['description', everywhere('Yumuşak pamuk')],
    ['safetyInformation', everywhere('Yıkamadan önce etiketi okuyun')],
  ]),
  variants: [{ id: 'v1', sku: 'NEV-1' }],
  ...over,
});

const run = (p: ReadinessProduct, code: string, seller = 'TR') => evaluateReadiness(p, seller, market(code), rules);
const codes = (r: ReadinessReport) => r.issues.map((i) => i.code);

describe('readiness evaluator (research §6.3)', () => {
  it('the seed rule set passes its own checks', () => {
    expect(problems).toEqual([]);
  });

  it('a complete product is READY everywhere but for INFO VAT flags', () => {
    for (const code of ['IT', 'ES', 'DE', 'FR', 'PL', 'GB', 'US', 'TR', 'KZ', 'JP']) {
      const r = run(product(), code);
      expect({ code, status: r.status, issues: r.issues.filter((i) => i.severity !== 'INFO') }).toEqual({ code, status: 'READY', issues: [] });
    }
    expect(codes(run(product(), 'IT'))).toEqual(['VAT_IOSS']);
    expect(codes(run(product(), 'GB'))).toEqual(['VAT_UK_LOW_VALUE']);
    expect(run(product(), 'IT').issues[0]).toMatchObject({ severity: 'INFO', params: { threshold: '150.00', currency: 'EUR' } });
  });

  it('#22 GPSR: a manufacturer in TR without an EU responsible person is BLOCKED in every EU market, not in US, TR, GB', () => {
    const p = product({ gpsr: { manufacturer: TR_MANUFACTURER } });
    for (const code of ['IT', 'ES', 'DE', 'FR', 'PL']) {
      const r = run(p, code);
      expect(r.status).toBe('BLOCKED');
      expect(r.issues).toContainEqual(expect.objectContaining({
        code: 'GPSR_EU_RP_MISSING', severity: 'BLOCKER', category: 'COMPLIANCE', fields: ['gpsr.euResponsiblePerson'],
        ruleId: 'eu.gpsr.responsible-person', ruleVersion: '1', sourceUrl: expect.stringContaining('2023/988'),
      }));
    }
    for (const code of ['US', 'TR', 'GB']) expect(codes(run(p, code))).not.toContain('GPSR_EU_RP_MISSING');
    // an EU manufacturer needs no responsible person
    const italian = product({ gpsr: { manufacturer: { ...TR_MANUFACTURER, address: { ...TR_MANUFACTURER.address, country: 'IT' } } } });
    expect(codes(run(italian, 'DE'))).not.toContain('GPSR_EU_RP_MISSING');
    // a "responsible person" outside the EU is none
    const outside = product({ gpsr: { manufacturer: TR_MANUFACTURER, euResponsiblePerson: { ...IT_RP, address: { ...IT_RP.address, country: 'CH' } } } });
    expect(codes(run(outside, 'IT'))).toContain('GPSR_EU_RP_NOT_ESTABLISHED');
  });

  it('#23 GPSR: a postal address without email or URL is GPSR_MANUFACTURER_CONTACT_INCOMPLETE in EU markets', () => {
    const { email: _email, ...noEmail } = TR_MANUFACTURER;
    const p = product({ gpsr: { manufacturer: noEmail, euResponsiblePerson: IT_RP } });
    for (const code of ['IT', 'ES', 'DE']) {
      expect(run(p, code).issues).toContainEqual(expect.objectContaining({ code: 'GPSR_MANUFACTURER_CONTACT_INCOMPLETE', severity: 'BLOCKER' }));
    }
    expect(codes(run(p, 'US'))).not.toContain('GPSR_MANUFACTURER_CONTACT_INCOMPLETE');
    expect(codes(run(product({ gpsr: null }), 'IT'))).toEqual(expect.arrayContaining(['GPSR_MANUFACTURER_MISSING', 'GPSR_EU_RP_MISSING']));
  });

  it('#24 sanctions: Russian-origin spirits (HS 2208) are BLOCKED for the US and the EU, allowed for TR, naming rule and source', () => {
    const vodka = product({ category: 'food.spirits', hsCode: '220860', hsNational: { US: '2208600000', EU: '22086011' }, originCountry: 'RU', gpsr: { manufacturer: { ...TR_MANUFACTURER, address: { ...TR_MANUFACTURER.address, country: 'RU' } }, euResponsiblePerson: IT_RP } });
    const us = run(vodka, 'US', 'RU');
    expect(us.status).toBe('BLOCKED');
    expect(us.issues).toContainEqual(expect.objectContaining({ code: 'ORIGIN_HS_PROHIBITED', ruleId: 'us.sanctions.ru-alcohol', ruleVersion: '1', sourceUrl: expect.stringContaining('ofac'), params: { origin: 'RU', hsPrefix: '2208', market: 'US' } }));
    for (const code of ['IT', 'DE', 'ES']) {
      expect(run(vodka, code, 'RU').issues).toContainEqual(expect.objectContaining({ code: 'ORIGIN_HS_PROHIBITED', ruleId: 'eu.sanctions.ru-spirits', sourceUrl: expect.stringContaining('02014R0833') }));
    }
    const turkey = run(vodka, 'TR', 'RU');
    expect(turkey.status).toBe('READY');
    expect(codes(turkey)).toEqual([]);
    // spirits are excise goods: no IOSS flag even cross-border
    expect(codes(run({ ...vodka, originCountry: 'TR' }, 'IT'))).not.toContain('VAT_IOSS');
  });

  it('#25 Russian-origin iron or steel tableware (HS 7323) is BLOCKED in EU markets, allowed elsewhere', () => {
    const pot = product({ category: 'home.kitchen', hsCode: '732393', hsNational: { US: '7323930045', EU: '73239300' }, originCountry: 'RU' });
    for (const code of ['IT', 'FR', 'PL']) expect(run(pot, code, 'RU').issues).toContainEqual(expect.objectContaining({ code: 'ORIGIN_HS_PROHIBITED', ruleId: 'eu.sanctions.ru-iron-steel', params: expect.objectContaining({ hsPrefix: '7323' }) }));
    for (const code of ['US', 'TR', 'GB', 'KZ']) expect(run(pot, code, 'RU').status).toBe('READY');
  });

  it('#27 CE: a toy without a declaration of conformity is a BLOCKER in the EU and a WARNING elsewhere', () => {
    const toy = product({ category: 'toys', hsCode: '950300', hsNational: { US: '9503000073', EU: '95030099' } });
    expect(run(toy, 'IT').issues).toContainEqual(expect.objectContaining({ code: 'CE_DOC_MISSING', severity: 'BLOCKER', fields: ['conformity.docUrl'], ruleId: 'eu.ce.toys-doc' }));
    const us = run(toy, 'US');
    expect(us.status).toBe('READY_WITH_WARNINGS');
    expect(us.issues).toContainEqual(expect.objectContaining({ code: 'CE_DOC_MISSING', severity: 'WARNING', ruleId: 'any.ce.toys-doc' }));
    expect(run({ ...toy, conformity: { docUrl: 'https://gunes.example.com.tr/doc.pdf' } }, 'IT').status).toBe('READY');
  });

  it('#31 US: no country of origin is BLOCKER ORIGIN_MISSING; other markets do not require it', () => {
    const p = product({ originCountry: null });
    expect(run(p, 'US').issues).toContainEqual(expect.objectContaining({ code: 'ORIGIN_MISSING', severity: 'BLOCKER', category: 'LOGISTICS', fields: ['originCountry'], ruleId: 'us.origin' }));
    expect(codes(run(p, 'IT'))).not.toContain('ORIGIN_MISSING');
  });

  it('#34 HS: US needs a 10-digit HTS (BLOCKER), the EU recommends CN8 (WARNING), no HS6 blocks every cross-border market', () => {
    const hs6 = product({ category: 'apparel.women', hsCode: '620442', hsNational: {} });
    expect(run(hs6, 'US').issues).toContainEqual(expect.objectContaining({ code: 'HS_NATIONAL_CODE_REQUIRED', severity: 'BLOCKER', fields: ['hsNational.US'], params: { key: 'US', digits: 10 } }));
    const it = run(hs6, 'IT');
    expect(it.status).toBe('READY_WITH_WARNINGS');
    expect(it.issues).toContainEqual(expect.objectContaining({ code: 'HS_NATIONAL_CODE_RECOMMENDED', severity: 'WARNING', params: { key: 'EU', digits: 8 } }));
    expect(run(product({ hsNational: { US: '63023100' } }), 'US').issues.map((i) => i.code)).toContain('HS_NATIONAL_CODE_REQUIRED');
    const none = product({ hsCode: null, hsNational: {} });
    for (const code of ['IT', 'US', 'GB', 'KZ', 'JP']) expect(run(none, code).issues).toContainEqual(expect.objectContaining({ code: 'HS_CODE_MISSING', severity: 'BLOCKER' }));
    // domestic: a Turkish seller in Turkey
    expect(codes(run(none, 'TR'))).toEqual([]);
  });

  it('#18/#19/#20 translations: missing display text BLOCKER, machine-only WARNING, outdated WARNING, legal text missing/outdated BLOCKER', () => {
    const only = (field: string, list: Candidate[]) => {
      const p = product();
      (p.texts as Map<string, Candidate[]>).set(field, list);
      return p;
    };
    const ruOnly = run(only('title', [src('ru', 'Платье')]), 'IT');
    expect(ruOnly.issues).toContainEqual(expect.objectContaining({ code: 'TRANSLATION_REQUIRED', severity: 'BLOCKER', fields: ['title'], locale: 'it', params: { field: 'title', locale: 'it' }, ruleId: 'market.IT.locales' }));
    expect(run(only('title', [src('ru', 'Платье'), tr('it', 'Vestito', 'machine')]), 'IT').issues).toContainEqual(expect.objectContaining({ code: 'TRANSLATION_MACHINE_ONLY', severity: 'WARNING', locale: 'it' }));
    expect(run(only('description', [src('ru', 'Платье'), tr('it', 'Vestito', 'reviewed', true)]), 'IT').issues).toContainEqual(expect.objectContaining({ code: 'TRANSLATION_OUTDATED', severity: 'WARNING' }));
    const warningTrOnly = only('safetyInformation', [src('tr', 'Uyarı')]);
    expect(run(warningTrOnly, 'IT').issues).toContainEqual(expect.objectContaining({ code: 'LEGAL_TEXT_LOCALE_MISSING', severity: 'BLOCKER', locale: 'it', ruleId: 'eu.gpsr.safety-information' }));
    expect(run(warningTrOnly, 'TR').status).toBe('READY');
    expect(run(warningTrOnly, 'GB').issues).toContainEqual(expect.objectContaining({ code: 'LEGAL_TEXT_LOCALE_MISSING', locale: 'en', ruleId: 'market.GB.locales' }));
    expect(run(only('safetyInformation', [src('tr', 'Uyarı'), tr('it', 'Avvertenza', 'reviewed', true)]), 'IT').issues).toContainEqual(expect.objectContaining({ code: 'LEGAL_TEXT_OUTDATED', severity: 'BLOCKER' }));
    const noSafety = product();
    (noSafety.texts as Map<string, Candidate[]>).delete('safetyInformation');
    expect(run(noSafety, 'IT').issues).toContainEqual(expect.objectContaining({ code: 'GPSR_SAFETY_INFO_MISSING', severity: 'BLOCKER' }));
    expect(run(noSafety, 'US').status).toBe('READY');
  });

  it('reports every variant with the product’s status', () => {
    const r = run(product({ gpsr: null, variants: [{ id: 'a', sku: 'A' }, { id: null, sku: 'B' }] }), 'IT');
    expect(r.variants).toEqual([{ variantId: 'a', sku: 'A', status: 'BLOCKED', issues: [] }, { variantId: null, sku: 'B', status: 'BLOCKED', issues: [] }]);
  });

  describe('the variant’s price in the market (research §6.2 “Price”, scenario 12)', () => {
    const pair = { from: 'TRY', to: 'EUR', source: 'ECB', market: 'IT' };
    const noRate: PriceFinding = { code: 'PRICE_UNAVAILABLE', severity: 'BLOCKER', fields: ['price'], params: pair, rule: 'fx' };
    const frozen: PriceFinding = { code: 'PRICE_FX_STALE', severity: 'WARNING', fields: ['price'], params: { ...pair, rateDate: '2026-09-24', ageTargetDays: 6, maxAgeTargetDays: 4 }, rule: 'fx' };
    const floor: PriceFinding = { code: 'PRICE_BLOCKED', severity: 'BLOCKER', fields: ['price', 'floorMinor'], params: { reason: 'PRICE_BELOW_FLOOR', market: 'IT' }, rule: 'prices' };
    const two = product({ variants: [{ id: 'a', sku: 'A' }, { id: 'b', sku: 'B' }] });
    const priced = (findings: Record<string, PriceFinding>) => (v: { sku: string }) => findings[v.sku];

    it('a variant without a price is BLOCKED with PRICE_UNAVAILABLE (category PRICE, the market’s FX setting as its rule); the product counts it', () => {
      const r = evaluateReadiness(two, 'TR', market('IT'), rules, priced({ A: noRate }));
      expect(r.variants[0]).toEqual({
        variantId: 'a', sku: 'A', status: 'BLOCKED',
        issues: [{ code: 'PRICE_UNAVAILABLE', severity: 'BLOCKER', category: 'PRICE', fields: ['price'], params: pair, ruleId: 'market.IT.fx', ruleVersion: '1' }],
      });
      expect(r.variants[1]).toEqual({ variantId: 'b', sku: 'B', status: 'READY', issues: [] });
      // the product's own issues are untouched; its status is the worst of its variants'
      expect(codes(r)).toEqual(['VAT_IOSS']);
      expect(r.status).toBe('BLOCKED');
    });

    it('a frozen price is a WARNING: the variant stays sellable (READY_WITH_WARNINGS)', () => {
      const r = evaluateReadiness(two, 'TR', market('IT'), rules, priced({ A: frozen, B: frozen }));
      expect(r.variants.map((v) => [v.status, v.issues.map((i) => [i.code, i.severity])])).toEqual([
        ['READY_WITH_WARNINGS', [['PRICE_FX_STALE', 'WARNING']]],
        ['READY_WITH_WARNINGS', [['PRICE_FX_STALE', 'WARNING']]],
      ]);
      expect(r.status).toBe('READY_WITH_WARNINGS');
    });

    it('a price the guards block names the market’s price rules; a product BLOCKED by a rule stays BLOCKED whatever the price', () => {
      const r = evaluateReadiness(two, 'TR', market('IT'), rules, priced({ B: floor }));
      expect(r.variants[1].issues).toEqual([expect.objectContaining({ code: 'PRICE_BLOCKED', category: 'PRICE', fields: ['price', 'floorMinor'], ruleId: 'market.IT.prices', params: { reason: 'PRICE_BELOW_FLOOR', market: 'IT' } })]);
      const noRp = product({ gpsr: { manufacturer: TR_MANUFACTURER }, variants: [{ id: 'a', sku: 'A' }] });
      expect(evaluateReadiness(noRp, 'TR', market('IT'), rules, priced({ A: frozen })).variants[0].status).toBe('BLOCKED');
    });

    it('without price findings (rule tests, pure benchmarks) nothing about prices is said', () => {
      expect(run(two, 'IT').variants.every((v) => v.issues.length === 0 && v.status === 'READY')).toBe(true);
    });
  });
});
