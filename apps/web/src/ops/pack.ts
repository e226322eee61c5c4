/**
 * A country pack document as the editor handles it: plain JSON (the API's schema checks it), read
 * and changed by path. No JSON is shown to ops; these helpers find its labels, map the API's
 * problem fields (`legalForms[nl.bv].identifiers[eu.vat].prefix`, `legalForms.0.label.ru`) to the
 * place in the form, and clone a pack to another country code.
 */
export type Doc = Record<string, unknown>;
export type Path = (string | number)[];
export const PACK_LANGS = ['en', 'ru', 'tr', 'it', 'es'] as const;
export type Label = Partial<Record<(typeof PACK_LANGS)[number], string>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isLabel = (v: unknown): v is Label =>
  isObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => (PACK_LANGS as readonly string[]).includes(k)) && Object.values(v).every((x) => typeof x === 'string');

export const emptyLabel = (): Label => Object.fromEntries(PACK_LANGS.map((l) => [l, ''])) as Label;

/** Every label object of the pack (samples hold registrations, not labels). */
export function findLabels(doc: unknown, path: Path = []): Path[] {
  if (isLabel(doc)) return [path];
  if (Array.isArray(doc)) return doc.flatMap((v, i) => findLabels(v, [...path, i]));
  if (isObject(doc)) return Object.entries(doc).flatMap(([k, v]) => (path.length === 0 && (k === 'samples' || k === 'sources') ? [] : findLabels(v, [...path, k])));
  return [];
}

export function getIn(doc: unknown, path: Path): unknown {
  let node: unknown = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of the document with the value at `path` replaced (undefined removes it). */
export function setIn<T>(doc: T, path: Path, value: unknown): T {
  const copy = structuredClone(doc);
  let node = copy as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

export const dotted = (path: Path) => path.join('.');

/** `legalForms[nl.bv].identifiers[eu.vat].prefix` → `legalForms.2.identifiers.2.prefix` (indexes in this document). */
export function problemPath(doc: Doc, field: string): string {
  const out: Path = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) {
      out.push(/^\d+$/.test(m[1]) && Array.isArray(getIn(doc, out)) ? Number(m[1]) : m[1]);
      continue;
    }
    const key = m[2];
    const list = getIn(doc, out);
    if (!Array.isArray(list)) {
      out.push(key);
      continue;
    }
    const index = list.findIndex((e) => (isObject(e) ? e.code === key || e.type === key : e === key));
    out.push(index >= 0 ? index : /^\d+$/.test(key) ? Number(key) : key);
  }
  return dotted(out);
}

/** The nearest place the form shows for a problem's path, or undefined. */
export function placeOf(path: string, places: Set<string>): string | undefined {
  const parts = path.split('.');
  while (parts.length) {
    const at = parts.join('.');
    if (places.has(at)) return at;
    parts.pop();
  }
  return undefined;
}

/** A readable name for a label's place: codes instead of indexes (`legalForms › nl.bv › identifiers › eu.vat`). */
export function describe(doc: Doc, path: Path): string {
  const names: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key === 'number') {
      const item = getIn(doc, path.slice(0, i + 1));
      names.push(isObject(item) ? String(item.code ?? item.type ?? item.name ?? key + 1) : String(key + 1));
    } else names.push(key);
  }
  return names.join(' › ');
}

/** EU VAT numbers use ISO codes except Greece (EL). */
const vatPrefix = (cc: string) => (cc === 'GR' ? 'EL' : cc);

/**
 * A new country's draft from an existing pack: the country code everywhere it names the country
 * (codes `nl.*` → `be.*`, sample addresses, IBAN country, VAT prefix, ship-from), labels and rules
 * kept for ops to adapt. What no longer fits (examples, samples) the validation points at.
 */
export function clonePack(source: Doc, to: string): Doc {
  const from = String(source.country);
  const lower = from.toLowerCase();
  const code = new RegExp(`(^|\\[)${lower}\\.`, 'g');
  const rename = (s: string) => s.replace(code, `$1${to.toLowerCase()}.`);
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if ((key === 'country' || key === 'ibanCountry') && v === from) return to;
      if (key === 'prefix' && v === vatPrefix(from)) return vatPrefix(to);
      return rename(v);
    }
    if (Array.isArray(v)) return v.map((x) => (key === 'shipFromCountries' && x === from ? to : walk(x)));
    if (isObject(v)) {
      if (isLabel(v)) return { ...v };
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [rename(k), walk(x, k)]));
    }
    return v;
  };
  const { seedRevision: _seed, ...rest } = walk(source) as Doc;
  return { ...rest, country: to };
}
