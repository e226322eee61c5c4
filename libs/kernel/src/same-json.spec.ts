import { isDeepStrictEqual } from 'node:util';
import { sameJson } from './same-json';

/**
 * What sameJson must answer: are the two values alike once written as JSON and read back (as jsonb gives them)? A
 * value on its own is written as a column is: undefined and null are both NULL (in an array, as JSON does).
 */
const viaJson = (a: unknown, b: unknown) => isDeepStrictEqual(JSON.parse(JSON.stringify([a])), JSON.parse(JSON.stringify([b])));

describe('sameJson', () => {
  it('ignores key order and undefined keys, not values', () => {
    expect(sameJson({ a: 1, b: [1, 'x'] }, { b: [1, 'x'], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, c: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1, c: null }, { a: 1 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameJson({ a: { b: [{ c: 'd' }] } }, { a: { b: [{ c: 'e' }] } })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(Number.NaN, null)).toBe(true);
  });

  it('answers as a JSON round trip does, on thousands of random pairs of readiness-like issues', () => {
    let seed = 7; // mulberry32: the same pairs on every run
    const rnd = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const value = (depth: number): unknown => {
      const k = rnd(depth > 2 ? 4 : 7);
      if (k === 0) return rnd(3) === 0 ? null : rnd(2) === 0 ? undefined : true;
      if (k === 1) return rnd(5);
      if (k === 2 || k === 3) return ['BLOCKER', 'WARNING', 'it', ''][rnd(4)];
      if (k === 4 || k === 5) {
        const o: Record<string, unknown> = {};
        for (let i = rnd(4); i > 0; i--) o[['code', 'fields', 'locale', 'params'][rnd(4)]] = value(depth + 1);
        return o;
      }
      return Array.from({ length: rnd(3) }, () => value(depth + 1));
    };
    let alike = 0;
    for (let i = 0; i < 20000; i++) {
      const a = value(0);
      // half the pairs are the same value rebuilt with its keys in another order: alike by construction
      const b = rnd(2) ? JSON.parse(JSON.stringify({ v: a }), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)).v : value(0);
      const expected = viaJson(a, b);
      if (expected) alike++;
      expect([i, sameJson(a, b)]).toEqual([i, expected]);
    }
    expect(alike).toBeGreaterThan(5000);
  });
});
