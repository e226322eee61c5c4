import { describe, expect, it } from '@jest/globals';
import { computeMarketPrice } from '../pricing/pipeline';
import type { FxInput, MarketPrice } from '../pricing/pipeline';
import { fxState, priceFinding } from './price-readiness';
import type { FxState, PriceRecord } from './price-readiness';
import type { FxLookup } from './prices.service';

const NOW = new Date('2026-10-02T15:00:00Z'); // a Friday
const IT = { code: 'IT', currency: 'EUR', fxSource: 'ecb' };
const rate = (rateDate: string): FxInput => ({ numerator: '1', denominator: '55.165', snapshotId: 'snap-1', path: ['TRY', 'EUR'], source: 'ecb', rateDate });
const FRESH: FxState = { state: 'fresh' };
const STALE: FxState = { state: 'stale', rateDate: '2026-09-24', ageTargetDays: 6, maxAgeTargetDays: 4 };
const TRY = { currency: 'TRY', fixed: false };
const published = (over: Partial<PriceRecord> = {}): PriceRecord => ({ amountMinor: '4499', currency: 'EUR', outcome: 'priced', issues: [], ...over });
const blocked = (code: string, params: Record<string, string> = {}): PriceRecord => ({ amountMinor: null, currency: 'EUR', outcome: 'blocked', issues: [{ code, severity: 'BLOCKER', params }] });

describe('price findings for listing readiness', () => {
  it('no rate for the seller’s currency in the market’s own source: PRICE_UNAVAILABLE, a BLOCKER naming the pair', () => {
    const missing: FxState = { state: 'missing', cause: 'PRICE_FX_MISSING' };
    expect(priceFinding(TRY, IT, missing, blocked('PRICE_FX_MISSING', { source: 'ECB', currency: 'EUR' }))).toEqual({
      code: 'PRICE_UNAVAILABLE', severity: 'BLOCKER', fields: ['price'], params: { from: 'TRY', to: 'EUR', source: 'ECB', market: 'IT' }, rule: 'fx',
    });
    // a snapshot without the currency reads the same, published price or not
    expect(priceFinding(TRY, IT, { state: 'missing', cause: 'PRICE_FX_RATE_UNAVAILABLE' }, published())?.code).toBe('PRICE_UNAVAILABLE');
    expect(priceFinding(TRY, IT, missing, undefined)?.severity).toBe('BLOCKER');
  });

  it('a stale rate blocks a new price and only warns while a published price stays frozen (scenario 12)', () => {
    const params = { from: 'TRY', to: 'EUR', source: 'ECB', market: 'IT', rateDate: '2026-09-24', ageTargetDays: 6, maxAgeTargetDays: 4 };
    expect(priceFinding(TRY, IT, STALE, undefined)).toEqual({ code: 'PRICE_FX_STALE', severity: 'BLOCKER', fields: ['price'], params, rule: 'fx' });
    expect(priceFinding(TRY, IT, STALE, blocked('PRICE_FX_MISSING'))).toMatchObject({ code: 'PRICE_FX_STALE', severity: 'BLOCKER' });
    expect(priceFinding(TRY, IT, STALE, published({ outcome: 'frozen' }))).toEqual({ code: 'PRICE_FX_STALE', severity: 'WARNING', fields: ['price'], params, rule: 'fx' });
    // a price published in another currency (the market changed its currency) is not one a freeze keeps
    expect(priceFinding(TRY, IT, STALE, published({ currency: 'BGN' }))?.severity).toBe('BLOCKER');
  });

  it('needs no rate in the market’s own currency or with a fixed price there', () => {
    expect(priceFinding({ currency: 'EUR', fixed: false }, IT, undefined, undefined)).toBeNull();
    expect(priceFinding({ currency: 'TRY', fixed: true }, IT, { state: 'missing', cause: 'PRICE_FX_MISSING' }, published({ outcome: 'priced' }))).toBeNull();
    expect(priceFinding({ currency: 'TRY', fixed: true }, IT, STALE, undefined)).toBeNull();
    expect(priceFinding(TRY, IT, FRESH, published())).toBeNull();
    expect(() => priceFinding(TRY, IT, undefined, undefined)).toThrow(/no FX state for TRY→EUR/);
  });

  it('a usable rate leaves the pricing guards: PRICE_BLOCKED with the pricing code as reason; FX blocks of an older rate are not kept', () => {
    expect(priceFinding(TRY, IT, FRESH, blocked('PRICE_BELOW_FLOOR', { amount: '39.99', floor: '41.00', currency: 'EUR', source: 'ECB' }))).toEqual({
      code: 'PRICE_BLOCKED', severity: 'BLOCKER', fields: ['price', 'floorMinor'], params: { amount: '39.99', floor: '41.00', currency: 'EUR', source: 'ECB', reason: 'PRICE_BELOW_FLOOR', market: 'IT' }, rule: 'prices',
    });
    expect(priceFinding({ currency: 'EUR', fixed: true }, IT, undefined, blocked('PRICE_FIXED_PRECISION', { currency: 'EUR', digits: '2' }))).toMatchObject({ code: 'PRICE_BLOCKED', fields: ['fixedPrice'], params: { reason: 'PRICE_FIXED_PRECISION' } });
    expect(priceFinding(TRY, IT, FRESH, blocked('PRICE_RULE_INVALID', { market: 'IT' }))).toMatchObject({ code: 'PRICE_BLOCKED', fields: [], params: { reason: 'PRICE_RULE_INVALID' } });
    // stored before the rate arrived: the next re-price replaces it, the rate is there now
    expect(priceFinding(TRY, IT, FRESH, blocked('PRICE_FX_MISSING'))).toBeNull();
    expect(priceFinding(TRY, IT, FRESH, blocked('PRICE_FX_STALE'))).toBeNull();
    // a WARNING of the pipeline is no block
    expect(priceFinding(TRY, IT, FRESH, { ...published(), issues: [{ code: 'PRICE_BELOW_FLOOR', severity: 'WARNING', params: {} }] })).toBeNull();
  });

  it('counts a rate’s age in TARGET days like the pipeline: at the limit it is fresh, one day over it is stale', () => {
    const lookup = (rateDate: string): FxLookup => ({ fx: rate(rateDate) });
    expect(fxState(lookup('2026-09-28'), 4, NOW)).toEqual({ state: 'fresh' }); // Tue–Fri: 4
    expect(fxState(lookup('2026-09-25'), 4, NOW)).toEqual({ state: 'stale', rateDate: '2026-09-25', ageTargetDays: 5, maxAgeTargetDays: 4 });
    const missing: FxLookup = { issue: { code: 'PRICE_FX_MISSING', severity: 'BLOCKER', params: {} } };
    const unavailable: FxLookup = { issue: { code: 'PRICE_FX_RATE_UNAVAILABLE', severity: 'BLOCKER', params: {} } };
    expect(fxState(missing, 4, NOW)).toEqual({ state: 'missing', cause: 'PRICE_FX_MISSING' });
    expect(fxState(unavailable, 4, NOW)).toEqual({ state: 'missing', cause: 'PRICE_FX_RATE_UNAVAILABLE' });
  });

  it('agrees with the pipeline: a finding exactly when it publishes no new price, a WARNING exactly when it freezes one', () => {
    const record = (p: MarketPrice): PriceRecord => ({ amountMinor: p.amountMinor?.toString() ?? null, currency: p.currency, outcome: p.outcome, issues: p.issues });
    const cases: { name: string; rateDate: string; previous?: bigint; floorMinor?: bigint }[] = [
      { name: 'fresh, new', rateDate: '2026-10-02' },
      { name: 'fresh, published before', rateDate: '2026-10-01', previous: 4499n },
      { name: 'stale, new', rateDate: '2026-09-24' },
      { name: 'stale, published before', rateDate: '2026-09-24', previous: 4499n },
      { name: 'fresh, below the floor', rateDate: '2026-10-02', floorMinor: 300000n },
    ];
    const outcomes: string[] = [];
    for (const c of cases) {
      const price = computeMarketPrice({
        source: { amountMinor: 200000n, currency: 'TRY' },
        targetCurrency: 'EUR',
        tax: { mode: 'gross', vatRate: '0.22' },
        fx: rate(c.rateDate),
        fxMaxAgeTargetDays: 4,
        now: NOW,
        ruleVersion: 'market:IT@1',
        ...(c.previous ? { previous: { amountMinor: c.previous, currency: 'EUR', sourceAmountMinor: 200000n, ruleVersion: 'market:IT@1' } } : {}),
        ...(c.floorMinor ? { floorMinor: c.floorMinor } : {}),
      });
      // what stored readiness sees after the re-price: the rate's state now and the price it stored
      const finding = priceFinding(TRY, IT, fxState({ fx: rate(c.rateDate) }, 4, NOW), record(price));
      const expected = price.outcome === 'blocked' ? 'BLOCKER' : price.outcome === 'frozen' ? 'WARNING' : null;
      expect({ case: c.name, outcome: price.outcome, severity: finding?.severity ?? null }).toEqual({ case: c.name, outcome: price.outcome, severity: expected });
      outcomes.push(`${price.outcome}:${finding?.code ?? '-'}`);
    }
    expect(outcomes).toEqual(['priced:-', 'priced:-', 'blocked:PRICE_FX_STALE', 'frozen:PRICE_FX_STALE', 'blocked:PRICE_BLOCKED']);
  });
});
