/**
 * Price endings ("charm pricing") as in the research §2.5: a per-currency list of bands, each with a
 * step and an ending inside the step, applied to integer minor units of the TARGET currency AFTER the
 * single half-up rounding (so it is integer arithmetic, exact by construction).
 *   EUR below 100 → up to x.99:  { fromMinor: 0n, toMinor: 10000n, step: 100n, ending: 99n, direction: 'up' }
 *   JPY → up to a multiple of 10: { fromMinor: 0n, step: 10n, ending: 0n, direction: 'up' }
 */
export type RoundingDirection = 'up' | 'nearest' | 'down';

export interface RoundingRule {
  /** Band start (inclusive), in minor units of the target currency. */
  fromMinor: bigint;
  /** Band end (exclusive); open-ended when absent. */
  toMinor?: bigint;
  /** Step in minor units (EUR 100n = 1.00, JPY 10n, KWD 250n = 0.250). */
  step: bigint;
  /** Offset inside the step (EUR 99n → x.99, 95n → x.95, 0n → whole steps). */
  ending: bigint;
  /** 'up' protects margin, 'nearest' protects conversion (ties go up), 'down' protects the buyer. */
  direction: RoundingDirection;
}

export class RoundingRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoundingRuleError';
  }
}

/**
 * Checks a rule list: positive steps, endings inside the step, bands that do not overlap, and every
 * step/ending a multiple of `displayUnit` (minor units per displayed digit: 100n for HUF, whose
 * buyers see whole forints), so an ending can never produce an amount the buyer cannot see.
 */
export function validateRoundingRules(rules: readonly RoundingRule[], displayUnit = 1n): void {
  const sorted = [...rules].sort((a, b) => (a.fromMinor < b.fromMinor ? -1 : a.fromMinor > b.fromMinor ? 1 : 0));
  sorted.forEach((r, i) => {
    if (r.step <= 0n) throw new RoundingRuleError(`rule ${i}: step must be positive`);
    if (r.ending < 0n || r.ending >= r.step) throw new RoundingRuleError(`rule ${i}: ending must lie in [0, step)`);
    if (r.fromMinor < 0n || (r.toMinor !== undefined && r.toMinor <= r.fromMinor)) throw new RoundingRuleError(`rule ${i}: band is empty or negative`);
    if (r.step % displayUnit !== 0n || r.ending % displayUnit !== 0n) throw new RoundingRuleError(`rule ${i}: step and ending must be multiples of ${displayUnit} (the display precision)`);
    if (!['up', 'nearest', 'down'].includes(r.direction)) throw new RoundingRuleError(`rule ${i}: direction must be up, nearest or down`);
    const next = sorted[i + 1];
    if (next && (r.toMinor === undefined || r.toMinor > next.fromMinor)) throw new RoundingRuleError(`rule ${i}: bands overlap`);
  });
}

/** Rules as stored in JSON (minor units as strings or safe integers) → typed rules; throws RoundingRuleError. */
export function parseRoundingRules(raw: unknown): RoundingRule[] {
  if (!Array.isArray(raw)) throw new RoundingRuleError('rounding rules must be a list');
  const big = (v: unknown, name: string): bigint => {
    if ((typeof v === 'string' && /^\d{1,20}$/.test(v)) || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || typeof v === 'bigint') return BigInt(v);
    throw new RoundingRuleError(`${name} must be a whole number of minor units`);
  };
  return raw.map((r: Record<string, unknown>, i) => ({
    fromMinor: big(r?.fromMinor ?? 0, `rule ${i} fromMinor`),
    ...(r?.toMinor !== undefined && r?.toMinor !== null ? { toMinor: big(r.toMinor, `rule ${i} toMinor`) } : {}),
    step: big(r?.step, `rule ${i} step`),
    ending: big(r?.ending ?? 0, `rule ${i} ending`),
    direction: r?.direction as RoundingDirection,
  }));
}

/** The rule whose band holds `minor`, if any. */
export function ruleFor(rules: readonly RoundingRule[], minor: bigint): RoundingRule | undefined {
  return rules.find((r) => minor >= r.fromMinor && (r.toMinor === undefined || minor < r.toMinor));
}

/** Applies one ending rule to an amount in minor units. Never returns a non-positive amount for a positive input. */
export function applyEnding(minor: bigint, rule: RoundingRule): bigint {
  const { step, ending } = rule;
  // k*step + ending at or below `minor`
  let k = (minor - ending) / step;
  if (minor - ending < 0n && (minor - ending) % step !== 0n) k -= 1n;
  const below = k * step + ending;
  const above = below === minor ? minor : below + step;
  let chosen: bigint;
  if (rule.direction === 'up') chosen = above;
  else if (rule.direction === 'down') chosen = below;
  else chosen = minor - below < above - minor ? below : above;
  return chosen <= 0n && minor > 0n ? above : chosen;
}
