/** What JSON writes as `null`. */
const isNullish = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v));

/**
 * Whether two JSON-like values would be written as the same JSON (key order aside) — `a` and `b` compared as they come
 * back from a `jsonb` column — without building either string: the change check of every row of a re-import, of every
 * stored readiness report. null and undefined are alike, a key whose value is undefined is no key, key order does not
 * count, a non-finite number is null.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (isNullish(a) || isNullish(b)) return isNullish(a) && isNullish(b);
  if (typeof a !== 'object' || typeof b !== 'object') {
    if (typeof a === 'string' && typeof b === 'string') return a === b;
    return typeof a !== 'object' && typeof b !== 'object' && JSON.stringify(a) === JSON.stringify(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k) || x[k] === undefined) continue;
    keys++;
    if (!Object.hasOwn(y, k) || y[k] === undefined || !sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (Object.hasOwn(y, k) && y[k] !== undefined) keys--;
  return keys === 0;
}
