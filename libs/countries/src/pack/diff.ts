/** One difference between two pack versions, at a readable path (`legalForms[es.sl].identifiers[es.cif].required`). */
export interface PackChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  from?: unknown;
  to?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Arrays of objects with a unique `code` (or `type`, `name`) on each side are compared by it, others by position. */
function keyOf(from: unknown[], to: unknown[]): ((item: unknown) => string) | undefined {
  const uniqueBy = (items: unknown[], k: string) => {
    const keys = items.map((i) => (isObject(i) ? i[k] : undefined));
    return keys.every((key) => typeof key === 'string') && new Set(keys).size === keys.length;
  };
  for (const k of ['code', 'type', 'name']) {
    if (from.length + to.length > 0 && uniqueBy(from, k) && uniqueBy(to, k)) return (item) => (item as Record<string, string>)[k];
  }
  return undefined;
}

export function diffPacks(from: unknown, to: unknown, path = ''): PackChange[] {
  if (JSON.stringify(from) === JSON.stringify(to)) return [];
  if (Array.isArray(from) && Array.isArray(to)) {
    const key = keyOf(from, to);
    if (!key) {
      if (from.every((v) => !isObject(v) && !Array.isArray(v)) && to.every((v) => !isObject(v) && !Array.isArray(v))) {
        return [{ path, change: 'changed', from, to }];
      }
      const out: PackChange[] = [];
      for (let i = 0; i < Math.max(from.length, to.length); i++) {
        const p = `${path}[${i}]`;
        if (i >= from.length) out.push({ path: p, change: 'added', to: to[i] });
        else if (i >= to.length) out.push({ path: p, change: 'removed', from: from[i] });
        else out.push(...diffPacks(from[i], to[i], p));
      }
      return out;
    }
    const a = new Map(from.map((v) => [key(v), v]));
    const b = new Map(to.map((v) => [key(v), v]));
    const out: PackChange[] = [];
    for (const [k, v] of a) if (!b.has(k)) out.push({ path: `${path}[${k}]`, change: 'removed', from: v });
    for (const [k, v] of b) {
      if (!a.has(k)) out.push({ path: `${path}[${k}]`, change: 'added', to: v });
      else out.push(...diffPacks(a.get(k), v, `${path}[${k}]`));
    }
    return out;
  }
  if (isObject(from) && isObject(to)) {
    const out: PackChange[] = [];
    for (const k of new Set([...Object.keys(from), ...Object.keys(to)])) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in to)) out.push({ path: p, change: 'removed', from: from[k] });
      else if (!(k in from)) out.push({ path: p, change: 'added', to: to[k] });
      else out.push(...diffPacks(from[k], to[k], p));
    }
    return out;
  }
  return [{ path, change: 'changed', from, to }];
}

/**
 * Legal forms whose requirements got stricter between two versions: a newly required identifier
 * or document (required for everyone), or the form no longer eligible. Sellers of those forms
 * checked under the old version must be re-verified.
 */
export function tightenedLegalForms(
  from: { legalForms: { code: string; eligibility: { allowed: boolean }; identifiers: { type: string; required: boolean }[]; documents: { type: string; required: boolean; condition?: string }[] }[] },
  to: typeof from,
): string[] {
  const before = new Map(from.legalForms.map((f) => [f.code, f]));
  const out: string[] = [];
  for (const form of to.legalForms) {
    const old = before.get(form.code);
    if (!old) continue;
    const oldIds = new Set(old.identifiers.filter((i) => i.required).map((i) => i.type));
    const oldDocs = new Set(old.documents.filter((d) => d.required && (d.condition ?? 'always') === 'always').map((d) => d.type));
    const newlyRequired =
      form.identifiers.some((i) => i.required && !oldIds.has(i.type)) ||
      form.documents.some((d) => d.required && (d.condition ?? 'always') === 'always' && !oldDocs.has(d.type));
    if (newlyRequired || (old.eligibility.allowed && !form.eligibility.allowed)) out.push(form.code);
  }
  return out;
}
