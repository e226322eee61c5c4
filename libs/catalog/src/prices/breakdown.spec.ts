import { describe, expect, it } from '@jest/globals';
import { computeMarketPrice } from '../pricing/pipeline';
import type { PriceStep } from '../pricing/pipeline';
import { freezeShape, joinBreakdown, splitBreakdown } from './breakdown';
import type { BreakdownShape } from './breakdown';

const NOW = new Date('2026-10-02T15:00:00Z');
const fx = { numerator: '0.0182378', snapshotId: '9cca36db-1ed3-4d16-998d-39f753c95958', path: ['TRY', 'EUR'], source: 'ecb', rateDate: '2026-10-02' };
const price = (amountMinor: bigint, extra: Partial<Parameters<typeof computeMarketPrice>[0]> = {}) =>
  computeMarketPrice({ source: { amountMinor, currency: 'TRY' }, targetCurrency: 'EUR', tax: { mode: 'gross', vatRate: '0.22' }, fx, fxMaxAgeTargetDays: 4, now: NOW, ruleVersion: 'market:IT@1', ...extra });
/** What PostgreSQL's jsonb gives back for a stored value: keys by length, then bytewise. */
const viaJsonb = <T>(v: T): T =>
  JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))) : x))) as T;
/** Stored and read back: the shape through its JSON and jsonb, the details through jsonb. */
const roundTrip = (steps: PriceStep[]) => {
  const shapes = new Map<string, BreakdownShape>();
  const own = splitBreakdown(steps, shapes);
  const shape = own.shapeId ? freezeShape(viaJsonb(JSON.parse(shapes.get(own.shapeId)!.json) as PriceStep[])) : null;
  return { own, shapes, back: joinBreakdown(shape, own.values, own.details === null ? null : viaJsonb(own.details)) };
};

describe('stored price breakdowns (shape + own part)', () => {
  it('gives back the breakdown as the whole jsonb breakdown read back did, key order included', () => {
    const steps = price(99069n).breakdown;
    const { back, own } = roundTrip(steps);
    expect(back).toEqual(steps);
    expect(JSON.stringify(back)).toBe(JSON.stringify(viaJsonb(steps)));
    expect(own.values).toEqual(steps.map((s) => s.value));
    expect(own.details).toBeNull();
  });

  it('shares one shape between prices of the same market, snapshot and currency pair', () => {
    const shapes = new Map<string, BreakdownShape>();
    const a = splitBreakdown(price(99069n).breakdown, shapes);
    const b = splitBreakdown(price(111414n).breakdown, shapes);
    expect(a.shapeId).toBe(b.shapeId);
    expect(shapes.size).toBe(1);
    const other = splitBreakdown(price(99069n, { fx: { ...fx, snapshotId: '0b4c3f0e-5a8e-4a44-9d1e-1f0f2c7a8b11' } }).breakdown, shapes);
    expect(other.shapeId).not.toBe(a.shapeId);
    expect(shapes.size).toBe(2);
  });

  it("keeps the price's own details (hysteresis, floor guard) out of the shape", () => {
    // the rate moves by 0.3 %: hysteresis keeps the previous price
    const previous = { amountMinor: price(99069n).amountMinor!, currency: 'EUR', sourceAmountMinor: 99069n, ruleVersion: 'market:IT@1' };
    const moved = { ...fx, numerator: '0.0182925' };
    const kept = price(99069n, { fx: moved, previous, floorMinor: 50000n }).breakdown;
    expect(kept.map((s) => s.step)).toEqual(expect.arrayContaining(['hysteresis', 'floor_guard']));
    const { back, own, shapes } = roundTrip(kept);
    expect(back).toEqual(kept);
    expect(JSON.stringify(back)).toBe(JSON.stringify(viaJsonb(kept)));
    expect(own.details!.filter((d) => d !== null)).toHaveLength(2);
    expect(shapes.get(own.shapeId!)!.json).not.toContain('candidate');
    const other = splitBreakdown(price(99069n, { fx: moved, previous: { ...previous, amountMinor: previous.amountMinor + 1n }, floorMinor: 60000n }).breakdown, shapes);
    expect(other.shapeId).toBe(own.shapeId);
  });

  it('stores no shape for an empty breakdown, and refuses values that do not fit the shape', () => {
    expect(roundTrip([]).own).toEqual({ shapeId: null, values: [], details: null });
    expect(joinBreakdown(null, [], null)).toEqual([]);
    expect(() => joinBreakdown(freezeShape([{ step: 'source', value: '', currency: 'TRY' }]), [], null)).toThrow(/0 values for 1 steps/);
  });
});
