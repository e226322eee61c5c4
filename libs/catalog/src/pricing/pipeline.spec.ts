import { describe, expect, it } from '@jest/globals';
import { computeMarketPrice, fxInputFromRate, PriceInput, PricingError } from './pipeline';
import type { RoundingRule } from './rounding';
import { formatMinorUnitsToParts } from './format';

/**
 * Golden tests: research §6.3 (catalog-localisation.md), numbers exactly as written there. Rates are
 * fixtures, not quotes. `rateDate` is "today" unless a scenario is about staleness.
 */
const NOW = new Date('2026-10-02T15:00:00Z');
const TODAY = '2026-10-02';
const fx = (from: string, to: string, numerator: string, denominator = '1', extra: Partial<PriceInput['fx'] & object> = {}) => ({
  numerator,
  denominator,
  snapshotId: `snap-${from}-${to}`,
  path: [from, to],
  source: 'test',
  rateDate: TODAY,
  ...extra,
});
const base = (over: Partial<PriceInput>): PriceInput => ({
  source: { amountMinor: 1000n, currency: 'EUR' },
  targetCurrency: 'EUR',
  tax: { mode: 'net' },
  fxMaxAgeTargetDays: 4,
  now: NOW,
  ruleVersion: 'market:IT@3',
  ...over,
});
const EUR_99_BELOW_100: RoundingRule[] = [
  { fromMinor: 0n, toMinor: 10000n, step: 100n, ending: 99n, direction: 'up' },
  { fromMinor: 10000n, step: 1000n, ending: 900n, direction: 'up' },
];
const JPY_UP_TO_10: RoundingRule[] = [{ fromMinor: 0n, step: 10n, ending: 0n, direction: 'up' }];
const rubToEur = (extra = {}) => fx('RUB', 'EUR', '1', '91.4567', extra);

describe('market price pipeline — golden scenarios (research §6.3)', () => {
  it('1: RUB 1 990,00 at CBR-derived EUR=91.4567 RUB → EUR 21.76 (2176), half-up, snapshot id stored', () => {
    const p = computeMarketPrice(base({ source: { amountMinor: 199000n, currency: 'RUB' }, fx: rubToEur() }));
    expect(p.amountMinor).toBe(2176n);
    expect(p.amount).toBe('21.76');
    expect(p).toMatchObject({ outcome: 'priced', source: 'converted', currency: 'EUR', fxSnapshotId: 'snap-RUB-EUR', fxPath: ['RUB', 'EUR'], roundingMode: 'half-up', ruleVersion: 'market:IT@3', republish: true });
    const fxStep = p.breakdown.find((s) => s.step === 'fx')!;
    expect(fxStep.value).toMatch(/^21\.75893\d{7}$/); // 21.758930…, shown to 12 decimals
    expect(fxStep.detail).toMatchObject({ snapshotId: 'snap-RUB-EUR', path: 'RUB>EUR' });
    expect(p.breakdown.map((s) => s.step)).toEqual(['source', 'fx', 'rounding']);
  });

  it('2: #1 with EUR policy "up to x.99 below 100" → EUR 21.99 (2199)', () => {
    const p = computeMarketPrice(base({ source: { amountMinor: 199000n, currency: 'RUB' }, fx: rubToEur(), rounding: EUR_99_BELOW_100 }));
    expect(p.amountMinor).toBe(2199n);
    expect(p.breakdown.slice(-2)).toEqual([
      expect.objectContaining({ step: 'rounding', value: '21.76' }),
      expect.objectContaining({ step: 'price_ending', value: '21.99', detail: expect.objectContaining({ ending: '99', direction: 'up' }) }),
    ]);
  });

  it('3: EUR 19.99 at EUR=161.24 JPY, JPY "up to multiple of 10" → 3223.1876 → 3223 → ¥3,230 stored as 3230n', () => {
    const p = computeMarketPrice(base({ source: { amountMinor: 1999n, currency: 'EUR' }, targetCurrency: 'JPY', fx: fx('EUR', 'JPY', '161.24'), rounding: JPY_UP_TO_10 }));
    expect(p.amountMinor).toBe(3230n);
    expect(p.breakdown.map((s) => [s.step, s.value])).toEqual([
      ['source', '19.99'],
      ['fx', '3223.1876'],
      ['rounding', '3223'],
      ['price_ending', '3230'],
    ]);
    const parts = formatMinorUnitsToParts(p.amountMinor!, 'JPY', 'en-US');
    expect(parts.filter((x) => x.type !== 'literal').map((x) => [x.type, x.value])).toEqual([['currency', '¥'], ['integer', '3'], ['group', ','], ['integer', '230']]);
  });

  it('5: USD 10.00 at USD→KWD 0.3065 → KWD 3.065 = 3065n (exponent 3), formatted KWD 3.065', () => {
    const p = computeMarketPrice(base({ source: { amountMinor: 1000n, currency: 'USD' }, targetCurrency: 'KWD', fx: fx('USD', 'KWD', '0.3065') }));
    expect(p.amountMinor).toBe(3065n);
    expect(p.amount).toBe('3.065');
    const parts = formatMinorUnitsToParts(p.amountMinor!, 'KWD', 'en');
    expect(parts.filter((x) => x.type !== 'literal').map((x) => [x.type, x.value])).toEqual([['currency', 'KWD'], ['integer', '3'], ['decimal', '.'], ['fraction', '065']]);
  });

  it('6: cross rate via EUR (ECB): TRY 1 234,56; EUR=35.1234 TRY; EUR=1.0850 USD → 38.1369… → USD 38.14', () => {
    const p = computeMarketPrice(base({ source: { amountMinor: 123456n, currency: 'TRY' }, targetCurrency: 'USD', fx: { ...fx('TRY', 'USD', '1.0850', '35.1234'), path: ['TRY', 'EUR', 'USD'], source: 'ecb' } }));
    expect(p.breakdown.find((s) => s.step === 'fx')!.value.startsWith('38.1369')).toBe(true);
    expect(p.amountMinor).toBe(3814n);
    expect(p.fxPath).toEqual(['TRY', 'EUR', 'USD']);
  });

  it('7: Amazon BIL parity, fixed: (10 + 1) × 1.1262 → 12.39', () => {
    const p = computeMarketPrice(base({ source: { amountMinor: 1000n, currency: 'GBP' }, fixedAdjustmentMinor: 100n, fx: fx('GBP', 'EUR', '1.1262') }));
    expect(p.amount).toBe('12.39');
    expect(p.breakdown.map((s) => [s.step, s.value])).toEqual([['source', '10'], ['fixed_adjustment', '11'], ['fx', '12.3882'], ['rounding', '12.39']]);
  });

  it.each([
    ['1.1262', undefined, '5', '11.83'],
    ['1.1262', undefined, '-5', '10.70'],
    ['1.1262', undefined, undefined, '11.26'],
    ['1.17', undefined, undefined, '11.70'],
    ['1.17', 100n, undefined, '12.87'],
    ['1.17', undefined, '5', '12.29'], // 12.285 exactly: half-up, not half-even (12.28)
  ])('8: Amazon BIL parity, %%: 10.00 at %s, fixed %s, %s %% → %s', (rate, fixedAdjustmentMinor, percentAdjustment, expected) => {
    const p = computeMarketPrice(base({ source: { amountMinor: 1000n, currency: 'GBP' }, fixedAdjustmentMinor, percentAdjustment, fx: fx('GBP', 'EUR', rate) }));
    expect(p.amount).toBe(expected);
  });

  it('9: a fixed IT price EUR 24.90 overrides FX (which moved 3 %): stays 24.90, no rounding, source fixed', () => {
    const input = (rate: string) => base({ source: { amountMinor: 199000n, currency: 'RUB' }, fx: rubToEur({ numerator: '1', denominator: rate }), rounding: EUR_99_BELOW_100, fixedPrice: { amountMinor: 2490n, currency: 'EUR' } });
    const before = computeMarketPrice(input('91.4567'));
    const after = computeMarketPrice({ ...input('88.7130'), previous: { amountMinor: 2490n, currency: 'EUR' } });
    for (const p of [before, after]) {
      expect(p).toMatchObject({ outcome: 'priced', amountMinor: 2490n, amount: '24.90', source: 'fixed', fxSnapshotId: null });
      expect(p.breakdown).toEqual([{ step: 'fixed_price', value: '24.90', currency: 'EUR', detail: { source: 'fixed' } }]);
    }
    expect(after.republish).toBe(false);
  });

  it('10: FX hysteresis: a 0.6 % move keeps the published price; a 1.2 % move republishes', () => {
    const previous = { amountMinor: 2176n, currency: 'EUR', sourceAmountMinor: 199000n, ruleVersion: 'market:IT@3' };
    const at = (denominator: string) => computeMarketPrice(base({ source: { amountMinor: 199000n, currency: 'RUB' }, fx: rubToEur({ denominator, snapshotId: `snap-${denominator}` }), previous }));
    const small = at('90.9091'); // 21.89: +0.60 %
    expect(small).toMatchObject({ outcome: 'kept', amountMinor: 2176n, republish: false });
    expect(small.breakdown.at(-1)).toMatchObject({ step: 'hysteresis', value: '21.76', detail: { candidate: '21.89', movedPercent: '0.5974', thresholdPercent: '1' } });
    const large = at('90.3724'); // 22.02: +1.19 % (≥ 1 %)
    expect(large).toMatchObject({ outcome: 'priced', amountMinor: 2202n, republish: true });
    const larger = at('90.3313'); // 22.03: +1.24 %
    expect(larger).toMatchObject({ outcome: 'priced', amountMinor: 2203n, republish: true });
    // the seller's own price change is never damped
    const sellerChange = computeMarketPrice(base({ source: { amountMinor: 200000n, currency: 'RUB' }, fx: rubToEur(), previous }));
    expect(sellerChange).toMatchObject({ outcome: 'priced', amountMinor: 2187n, republish: true });
  });

  it('12: stale FX (6 TARGET days old, limit 4): new listings blocked with PRICE_FX_STALE, existing prices frozen with a warning', () => {
    const stale = rubToEur({ rateDate: '2026-09-24' }); // Thu 24 Sep → Fri 2 Oct = 6 TARGET days
    const fresh = computeMarketPrice(base({ source: { amountMinor: 199000n, currency: 'RUB' }, fx: rubToEur({ rateDate: '2026-09-28' }) }));
    expect(fresh.outcome).toBe('priced'); // 4 days: at the limit
    const blocked = computeMarketPrice(base({ source: { amountMinor: 199000n, currency: 'RUB' }, fx: stale }));
    expect(blocked).toMatchObject({ outcome: 'blocked', amountMinor: null, republish: false });
    expect(blocked.issues).toEqual([{ code: 'PRICE_FX_STALE', severity: 'BLOCKER', params: { snapshotId: 'snap-RUB-EUR', rateDate: '2026-09-24', ageTargetDays: '6', maxAgeTargetDays: '4' } }]);
    const frozen = computeMarketPrice(base({ source: { amountMinor: 199000n, currency: 'RUB' }, fx: stale, previous: { amountMinor: 2176n, currency: 'EUR' } }));
    expect(frozen).toMatchObject({ outcome: 'frozen', amountMinor: 2176n, republish: false });
    expect(frozen.issues).toEqual([expect.objectContaining({ code: 'PRICE_FX_STALE', severity: 'WARNING' })]);
    // a fixed-price market does not depend on FX
    expect(computeMarketPrice(base({ source: { amountMinor: 199000n, currency: 'RUB' }, fx: stale, fixedPrice: { amountMinor: 2490n, currency: 'EUR' } })).outcome).toBe('priced');
  });

  it('13: tax-inclusive display: $100 incl. 10 % home tax → US net 90.91, UK 20 % gross 109.09', () => {
    const source = { amountMinor: 10000n, currency: 'USD' };
    const us = computeMarketPrice(base({ source, targetCurrency: 'USD', sourceIncludesVatRate: '0.10', tax: { mode: 'net' } }));
    const uk = computeMarketPrice(base({ source, targetCurrency: 'USD', sourceIncludesVatRate: '0.10', tax: { mode: 'gross', vatRate: '0.20' } }));
    expect([us.amount, uk.amount]).toEqual(['90.91', '109.09']);
    expect(us.source).toBe('same_currency');
    expect(uk.breakdown.map((s) => s.step)).toEqual(['source', 'strip_home_vat', 'vat_gross_up', 'rounding']);
  });

  it('14: EU gross-up per destination: net EUR 21.76, IT VAT 22 % → EUR 26.55 before charm; charm applies to the gross price', () => {
    const net = { amountMinor: 2176n, currency: 'EUR' };
    const plain = computeMarketPrice(base({ source: net, tax: { mode: 'gross', vatRate: '0.22' } }));
    expect(plain.amount).toBe('26.55');
    const charmed = computeMarketPrice(base({ source: net, tax: { mode: 'gross', vatRate: '0.22' }, rounding: EUR_99_BELOW_100 }));
    expect(charmed.breakdown.map((s) => [s.step, s.value])).toEqual([['source', '21.76'], ['vat_gross_up', '26.5472'], ['rounding', '26.55'], ['price_ending', '26.99']]);
  });

  it('16: ISO vs CLDR digits: HUF converted 1 234,56 → whole forints → 1235 HUF = 123500n; the display equals the charge', () => {
    const p = computeMarketPrice(base({ source: { amountMinor: 300n, currency: 'EUR' }, targetCurrency: 'HUF', fx: fx('EUR', 'HUF', '411.52') }));
    expect(p.breakdown.find((s) => s.step === 'fx')!.value).toBe('1234.56');
    expect(p.amountMinor).toBe(123500n);
    expect(p.breakdown.find((s) => s.step === 'rounding')!.detail).toEqual({ mode: 'half-up', digits: '0' });
    const parts = formatMinorUnitsToParts(p.amountMinor!, 'HUF', 'hu-HU');
    const number = parts.filter((x) => x.type === 'integer' || x.type === 'decimal' || x.type === 'fraction').map((x) => x.value).join('');
    expect(number).toBe('1235');
    expect(parts.find((x) => x.type === 'currency')!.value).toBe('Ft');
    expect(() => formatMinorUnitsToParts(123456n, 'HUF', 'hu-HU')).toThrow(/decimal place/);
    // a HUF ending rule finer than whole forints is refused
    expect(() => computeMarketPrice(base({ source: { amountMinor: 300n, currency: 'EUR' }, targetCurrency: 'HUF', fx: fx('EUR', 'HUF', '411.52'), rounding: [{ fromMinor: 0n, step: 100n, ending: 90n, direction: 'up' }] }))).toThrow(PricingError);
  });

  it('17: Bulgaria changeover: BGN 100.00 ÷ 1.95583, half-up → EUR 51.13', () => {
    const p = computeMarketPrice(base({ source: { amountMinor: 10000n, currency: 'BGN' }, fx: { ...fx('BGN', 'EUR', '1', '1.95583'), snapshotId: 'bg-changeover-2026-01-01', source: 'fixed_conversion' } }));
    expect(p.amount).toBe('51.13');
    expect(p.amountMinor).toBe(5113n);
  });
});

describe('market price pipeline — guards', () => {
  it('takes the FX part from a rate answer of the FX context as is', () => {
    const answer = { from: 'TRY', to: 'RUB', rate: '1.65788', numerator: '16.5788', denominator: '10', path: ['TRY', 'RUB'], source: 'cbr', asOf: TODAY, snapshotId: 'a1', ageTargetDays: 0 };
    const p = computeMarketPrice(base({ source: { amountMinor: 99900n, currency: 'TRY' }, targetCurrency: 'RUB', fx: fxInputFromRate(answer) }));
    expect(p).toMatchObject({ amount: '1656.22', fxSnapshotId: 'a1', fxPath: ['TRY', 'RUB'] }); // 999 × 1.65788 = 1656.22212
  });

  it('needs an FX rate for a conversion and a path that leads from source to target', () => {
    expect(() => computeMarketPrice(base({ source: { amountMinor: 100n, currency: 'RUB' } }))).toThrow(expect.objectContaining({ code: 'PRICE_FX_MISSING' }));
    expect(() => computeMarketPrice(base({ source: { amountMinor: 100n, currency: 'RUB' }, fx: fx('TRY', 'EUR', '2') }))).toThrow(expect.objectContaining({ code: 'PRICE_CURRENCY_MISMATCH' }));
  });

  it('refuses float-ish or malformed decimals', () => {
    expect(() => computeMarketPrice(base({ percentAdjustment: '5e1' }))).toThrow(expect.objectContaining({ code: 'PRICE_INPUT_INVALID' }));
    expect(() => computeMarketPrice(base({ tax: { mode: 'gross', vatRate: '0,22' } }))).toThrow(expect.objectContaining({ code: 'PRICE_INPUT_INVALID' }));
    expect(() => computeMarketPrice(base({ targetCurrency: 'XYZ' }))).toThrow(expect.objectContaining({ code: 'PRICE_INPUT_INVALID' }));
    expect(() => computeMarketPrice(base({ targetCurrency: 'BGN' }))).toThrow(expect.objectContaining({ code: 'PRICE_INPUT_INVALID' })); // withdrawn 2026-01-01
  });

  it('blocks a price that an adjustment takes to zero or below', () => {
    const p = computeMarketPrice(base({ fixedAdjustmentMinor: -1000n }));
    expect(p).toMatchObject({ outcome: 'blocked', issues: [expect.objectContaining({ code: 'PRICE_NOT_POSITIVE', severity: 'BLOCKER' })] });
  });

  it('blocks a fixed price the buyer cannot see (HUF with fillér)', () => {
    const p = computeMarketPrice(base({ targetCurrency: 'HUF', fixedPrice: { amountMinor: 123456n, currency: 'HUF' } }));
    expect(p.issues.map((i) => i.code)).toEqual(['PRICE_FIXED_PRECISION']);
  });
});

describe('market price pipeline — floor guard (research §2.5, scenario 2 "floor guard passes")', () => {
  it('2: RUB 1 990,00 → EUR 21.99 passes a RUB 1 500,00 floor converted with the same snapshot (16.41, rounded up)', () => {
    const p = computeMarketPrice(base({ source: { amountMinor: 199000n, currency: 'RUB' }, fx: rubToEur(), rounding: EUR_99_BELOW_100, floorMinor: 150000n }));
    expect(p).toMatchObject({ outcome: 'priced', amountMinor: 2199n });
    expect(p.breakdown.at(-1)).toEqual({ step: 'floor_guard', value: '16.41', currency: 'EUR', detail: { floor: '1500.00', floorCurrency: 'RUB', result: 'passed' } }); // 1500 / 91.4567 = 16.4012… → up
  });

  it('blocks a converted price below the floor with PRICE_BELOW_FLOOR (after VAT and the price ending)', () => {
    const p = computeMarketPrice(base({ source: { amountMinor: 199000n, currency: 'RUB' }, fx: rubToEur(), tax: { mode: 'gross', vatRate: '0.22' }, rounding: EUR_99_BELOW_100, floorMinor: 250000n }));
    // price 1990 / 91.4567 × 1.22 = 26.546… → 26.55 → 26.99; floor 2500 / 91.4567 × 1.22 = 33.349… → 33.35
    expect(p).toMatchObject({ outcome: 'blocked', amountMinor: null, issues: [{ code: 'PRICE_BELOW_FLOOR', severity: 'BLOCKER', params: { amount: '26.99', floor: '33.35', currency: 'EUR' } }] });
  });

  it('checks a fixed price against the floor when it can be converted, and a kept (hysteresis) price too', () => {
    expect(computeMarketPrice(base({ fixedPrice: { amountMinor: 900n, currency: 'EUR' }, floorMinor: 1000n }))).toMatchObject({ outcome: 'blocked', source: 'fixed', issues: [{ code: 'PRICE_BELOW_FLOOR' }] });
    expect(computeMarketPrice(base({ fixedPrice: { amountMinor: 900n, currency: 'EUR' }, source: { amountMinor: 100000n, currency: 'RUB' }, floorMinor: 100000n }))).toMatchObject({ outcome: 'priced', amountMinor: 900n }); // no rate: not checkable here
    const kept = computeMarketPrice(base({ source: { amountMinor: 1000n, currency: 'EUR' }, previous: { amountMinor: 1005n, currency: 'EUR', sourceAmountMinor: 1000n, ruleVersion: 'market:IT@3' }, floorMinor: 1010n }));
    expect(kept).toMatchObject({ outcome: 'blocked', issues: [{ code: 'PRICE_BELOW_FLOOR', params: { amount: '10.05', floor: '10.10' } }] });
  });
});
