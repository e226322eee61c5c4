import { createHash } from 'node:crypto';
import type { PriceStep } from '../pricing/pipeline';

/**
 * Stored price breakdowns in two parts. Most of a breakdown is the same for every price a market
 * version computes from one FX snapshot and source currency — the steps, their currencies, the rate
 * with its snapshot and path, the VAT rate, the rounding mode, the ending rule — and only the values
 * differ; stored whole with each of 500,000 prices it was most of the table and of PostgreSQL's work.
 *
 * The SHAPE (steps with `value: ''`, and `detail: {}` for the steps below) is stored once in
 * `catalog_price_breakdowns`, addressed by a digest of its JSON; each price keeps its values and the
 * details that are its own. Which steps those are only affects sharing, never what is stored: a step
 * missing from this list with a per-price detail gives a shape per price, still exact.
 */
const OWN_DETAIL_STEPS: ReadonlySet<string> = new Set(['hysteresis', 'floor_guard', 'fx_stale_freeze']);

export interface SplitBreakdown {
  /** Null: no steps. */
  shapeId: string | null;
  values: string[];
  /** The per-price details by step index; null when the price has none. */
  details: (Record<string, string> | null)[] | null;
}

export interface BreakdownShape {
  id: string;
  /** The steps, as JSON (`catalog_price_breakdowns.steps`). */
  json: string;
}

/**
 * Shapes met by this process, as a trie over the shape's parts (step, currency, then its detail's keys
 * and values in order): finding the shape of a price costs a few map lookups of short strings, not a
 * JSON string and a digest per price. Detail values are strings (`PriceStep`); anything else falls
 * back to the shape's JSON as the key.
 */
interface ShapeNode {
  next: Map<string, ShapeNode>;
  shape?: BreakdownShape;
}
let root: ShapeNode = { next: new Map() };
let nodes = 0;
const MAX_NODES = 200_000;
const byJson = new Map<string, BreakdownShape>();

const digestId = (json: string): string => {
  const h = createHash('sha256').update(json).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

const child = (n: ShapeNode, key: string): ShapeNode => {
  let c = n.next.get(key);
  if (!c) {
    n.next.set(key, (c = { next: new Map() }));
    nodes++;
  }
  return c;
};

/** The shape of `steps` as stored: values blanked, per-price details emptied. */
const shapeOf = (steps: readonly PriceStep[]): PriceStep[] =>
  steps.map((s) => (s.detail ? { step: s.step, value: '', currency: s.currency, detail: OWN_DETAIL_STEPS.has(s.step) ? {} : s.detail } : { step: s.step, value: '', currency: s.currency }));

const made = (steps: readonly PriceStep[]): BreakdownShape => {
  const json = JSON.stringify(shapeOf(steps));
  return { id: digestId(json), json };
};

/** The shape of `steps`, from the trie (built on first sight). */
function findShape(steps: readonly PriceStep[]): BreakdownShape {
  if (nodes >= MAX_NODES) {
    root = { next: new Map() };
    nodes = 0;
  }
  let n = root;
  for (const s of steps) {
    n = child(child(n, s.step), s.currency);
    const d = s.detail;
    if (!d) n = child(n, '-');
    else if (OWN_DETAIL_STEPS.has(s.step)) n = child(n, '*');
    else {
      const keys = Object.keys(d);
      n = child(n, `#${keys.length}`);
      for (const k of keys) {
        const v: unknown = d[k];
        if (typeof v !== 'string') {
          const shape = made(steps);
          let known = byJson.get(shape.json);
          if (!known) {
            if (byJson.size >= 10_000) byJson.clear();
            byJson.set(shape.json, (known = shape));
          }
          return known;
        }
        n = child(child(n, k), v);
      }
    }
  }
  return (n.shape ??= made(steps));
}

/** Splits a breakdown into its shape (collected in `shapes`, by id) and the price's own part. */
export function splitBreakdown(steps: readonly PriceStep[], shapes: Map<string, BreakdownShape>): SplitBreakdown {
  if (!steps.length) return { shapeId: null, values: [], details: null };
  const values: string[] = new Array<string>(steps.length);
  let details: (Record<string, string> | null)[] | null = null;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    values[i] = s.value;
    if (s.detail && OWN_DETAIL_STEPS.has(s.step)) {
      details ??= new Array<Record<string, string> | null>(steps.length).fill(null);
      details[i] = s.detail;
    }
  }
  const shape = findShape(steps);
  if (!shapes.has(shape.id)) shapes.set(shape.id, shape);
  return { shapeId: shape.id, values, details };
}

/** A stored shape, as read back (`catalog_price_breakdowns.steps`); its details are shared by every price using it. */
export function freezeShape(steps: PriceStep[]): readonly PriceStep[] {
  for (const s of steps) {
    if (s.detail) Object.freeze(s.detail);
    Object.freeze(s);
  }
  return Object.freeze(steps);
}

/**
 * The breakdown of a stored price from its shape and its own part. Keys come out in the order
 * PostgreSQL's jsonb gave the whole breakdown before it was split (step, value, detail, currency).
 */
export function joinBreakdown(shape: readonly PriceStep[] | null, values: readonly string[], details: readonly (Record<string, string> | null)[] | null): PriceStep[] {
  if (!shape) return [];
  if (shape.length !== values.length) throw new Error(`stored price breakdown: ${values.length} values for ${shape.length} steps`);
  const out: PriceStep[] = new Array<PriceStep>(shape.length);
  for (let i = 0; i < shape.length; i++) {
    const s = shape[i];
    const detail = details?.[i] ?? s.detail;
    out[i] = detail ? { step: s.step, value: values[i], detail, currency: s.currency } : { step: s.step, value: values[i], currency: s.currency };
  }
  return out;
}
