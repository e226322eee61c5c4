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

/** Shapes met by this process, by their JSON: the digest is computed once per shape. */
const idsByJson = new Map<string, string>();
const MAX_SHAPES = 10_000;

const digestId = (json: string): string => {
  const h = createHash('sha256').update(json).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/** Splits a breakdown into its shape (collected in `shapes`, by id) and the price's own part. */
export function splitBreakdown(steps: readonly PriceStep[], shapes: Map<string, BreakdownShape>): SplitBreakdown {
  if (!steps.length) return { shapeId: null, values: [], details: null };
  const values: string[] = new Array<string>(steps.length);
  const shape: PriceStep[] = new Array<PriceStep>(steps.length);
  let details: (Record<string, string> | null)[] | null = null;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    values[i] = s.value;
    if (s.detail && OWN_DETAIL_STEPS.has(s.step)) {
      details ??= new Array<Record<string, string> | null>(steps.length).fill(null);
      details[i] = s.detail;
      shape[i] = { step: s.step, value: '', currency: s.currency, detail: {} };
    } else shape[i] = s.detail ? { step: s.step, value: '', currency: s.currency, detail: s.detail } : { step: s.step, value: '', currency: s.currency };
  }
  const json = JSON.stringify(shape);
  let id = idsByJson.get(json);
  if (!id) {
    if (idsByJson.size >= MAX_SHAPES) idsByJson.clear();
    idsByJson.set(json, (id = digestId(json)));
  }
  if (!shapes.has(id)) shapes.set(id, { id, json });
  return { shapeId: id, values, details };
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
