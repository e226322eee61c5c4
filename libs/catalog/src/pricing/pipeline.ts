import { currencyExponent, displayDigits, fromMinorUnits, isCurrencyCode, isKnownCurrency, targetDaysBetween } from '@app/kernel';
import { DECIMAL_STRING, PriceDecimal, show } from './decimal';
import { applyEnding, RoundingRule, RoundingRuleError, ruleFor, validateRoundingRules } from './rounding';

/**
 * The market price pipeline (research §0.4, §2): pure, deterministic, no floats.
 *
 *   source price → strip home VAT (if the source includes it) → fixed adjustment → % adjustment
 *   → FX (the snapshot's rate, through its pivot) → VAT gross-up (gross markets)
 *   → ONE rounding, half-up, to the display precision of the target currency (CLDR digits when they are
 *     fewer than the ISO exponent: HUF, IDR, COP, IQD…) → price ending (integer minor units)
 *   → hysteresis against the previous price → minor units.
 *
 * A fixed per-market price short-circuits everything (no FX, no rounding: `source: 'fixed'`).
 * Every step is in `breakdown` with its intermediate decimal value, so a seller can see why.
 */
export const PRICE_ROUNDING_MODE = 'half-up' as const;
/** Version of this pipeline's arithmetic; stored with every derived price next to the market's rule version. */
export const PRICE_PIPELINE_VERSION = 'pricing:1';

export interface MoneyInput {
  amountMinor: bigint;
  currency: string;
}

export interface FxInput {
  /** 1 unit of the source currency = numerator / denominator units of the target (exact decimal strings). */
  numerator: string;
  denominator?: string;
  snapshotId: string;
  /** The conversion path, e.g. ['TRY', 'EUR', 'USD'] (through the source's pivot). */
  path: string[];
  source: string;
  /** The snapshot's rate date, `YYYY-MM-DD`. */
  rateDate: string;
}

export type TaxDisplay =
  /** Prices shown without VAT (US): a source that includes home VAT is stripped to net. */
  | { mode: 'net' }
  /** Prices shown with the destination's VAT (EU, UK): net × (1 + vatRate). `vatRate` as a fraction, "0.22". */
  | { mode: 'gross'; vatRate: string };

export interface PreviousPrice {
  amountMinor: bigint;
  currency: string;
  /** The seller's source amount it was computed from; hysteresis only damps FX moves, never the seller's own changes. */
  sourceAmountMinor?: bigint;
  /** The market rule version it was computed under; a rule change always republishes. */
  ruleVersion?: string;
}

export interface PriceInput {
  source: MoneyInput;
  targetCurrency: string;
  /** Added to the source price, in minor units of the SOURCE currency (may be negative). */
  fixedAdjustmentMinor?: bigint;
  /** Percentage added after the fixed adjustment, a decimal string: "5" = +5 %, "-5" = −5 %. */
  percentAdjustment?: string;
  /** Home VAT included in the source price, as a fraction ("0.10"); stripped before anything else. */
  sourceIncludesVatRate?: string;
  tax: TaxDisplay;
  /** Required unless source and target currency are the same or a fixed price applies. */
  fx?: FxInput;
  /** Price-ending bands of the target currency (§2.5); none → plain half-up to the display precision. */
  rounding?: readonly RoundingRule[];
  /** A per-market fixed price in the target currency: shown as is (scenario 9). */
  fixedPrice?: MoneyInput;
  /** The price currently published, for hysteresis and for freezing on stale FX. */
  previous?: PreviousPrice;
  /**
   * The seller's floor (cost or MAP), minor units of the SOURCE currency (research §2.5 guards):
   * converted with the same snapshot and VAT as the price, rounded UP to the display precision;
   * a price below it is blocked (`PRICE_BELOW_FLOOR`). A fixed price is checked when `fx` is given
   * or the currencies are the same.
   */
  floorMinor?: bigint;
  /** A re-price that moves the price by less than this percentage keeps the previous price; default "1". */
  hysteresisPercent?: string;
  /** Oldest FX snapshot allowed, in TARGET days after its rate date (scenario 12). */
  fxMaxAgeTargetDays: number;
  /** "Now", from the caller's clock (never read here). */
  now: Date;
  /** The market's rule version (rounding, adjustments, tax), recorded with the price. */
  ruleVersion: string;
}

export type PriceStepName =
  | 'source'
  | 'fixed_price'
  | 'strip_home_vat'
  | 'fixed_adjustment'
  | 'percent_adjustment'
  | 'fx'
  | 'vat_gross_up'
  | 'rounding'
  | 'price_ending'
  | 'hysteresis'
  | 'fx_stale_freeze'
  | 'floor_guard';

export interface PriceStep {
  step: PriceStepName;
  /** The value after this step, as a decimal string in `currency`. */
  value: string;
  currency: string;
  /** What the step applied: a rate, a percentage, a rule, a mode. */
  detail?: Record<string, string>;
}

export type PriceIssueCode = 'PRICE_FX_STALE' | 'PRICE_NOT_POSITIVE' | 'PRICE_FIXED_PRECISION' | 'PRICE_BELOW_FLOOR';
export interface PriceIssue {
  code: PriceIssueCode;
  severity: 'BLOCKER' | 'WARNING';
  params: Record<string, string>;
}

export interface MarketPrice {
  /**
   * priced: a new price (republish when it differs from the previous one);
   * kept: hysteresis kept the previous price; frozen: stale FX, previous price kept with a WARNING;
   * blocked: no price can be published (a BLOCKER issue says why).
   */
  outcome: 'priced' | 'kept' | 'frozen' | 'blocked';
  /** Integer minor units (ISO 4217 exponent of `currency`); null when blocked. */
  amountMinor: bigint | null;
  /** The same amount as a decimal string ("21.76"); null when blocked. */
  amount: string | null;
  currency: string;
  source: 'converted' | 'same_currency' | 'fixed';
  /** True when the published price must change. */
  republish: boolean;
  fxSnapshotId: string | null;
  fxPath: string[];
  ruleVersion: string;
  pipelineVersion: string;
  roundingMode: typeof PRICE_ROUNDING_MODE;
  issues: PriceIssue[];
  breakdown: PriceStep[];
}

export type PricingErrorCode = 'PRICE_INPUT_INVALID' | 'PRICE_RULE_INVALID' | 'PRICE_FX_MISSING' | 'PRICE_CURRENCY_MISMATCH';

/** Inputs the pipeline cannot price at all (a programming or data error, not a market state). */
export class PricingError extends Error {
  constructor(
    readonly code: PricingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PricingError';
  }
}

/**
 * Parsed rates, VAT rates and percentages: a price run uses the same few strings for every variant,
 * and decimals are immutable, so each string is parsed once (a bounded cache; cleared when full).
 */
const parsed = new Map<string, PriceDecimal>();
const dec = (value: string, name: string): PriceDecimal => {
  const hit = typeof value === 'string' ? parsed.get(value) : undefined;
  if (hit) return hit;
  if (typeof value !== 'string' || !DECIMAL_STRING.test(value)) throw new PricingError('PRICE_INPUT_INVALID', `${name} must be a decimal string`);
  if (parsed.size >= 4096) parsed.clear();
  const d = new PriceDecimal(value);
  parsed.set(value, d);
  return d;
};
const ONE = new PriceDecimal(1);
const derived = new Map<string, PriceDecimal | string>();
const memo = <T extends PriceDecimal | string>(key: string, make: () => T): T => {
  let v = derived.get(key) as T | undefined;
  if (v === undefined) {
    if (derived.size >= 4096) derived.clear();
    derived.set(key, (v = make()));
  }
  return v;
};
/** 1 + a VAT rate (by its string). */
const onePlus = (raw: string, rate: PriceDecimal): PriceDecimal => memo(`1+${raw}`, () => rate.plus(ONE));
/** The rate as the breakdown shows it (by its numerator/denominator strings). */
const shownRate = (n: string, d: string, numerator: PriceDecimal, denominator: PriceDecimal): string => memo(`${n}/${d}`, () => show(numerator.div(denominator)));
const scales = new Map<number, PriceDecimal>();
const scale = (exponent: number): PriceDecimal => {
  let s = scales.get(exponent);
  if (!s) scales.set(exponent, (s = new PriceDecimal(10).pow(exponent)));
  return s;
};
/** Rule lists already checked, with the display unit they were checked for (rules are parsed once per market and not changed). */
const checkedRules = new WeakMap<readonly RoundingRule[], bigint>();
/** TARGET-day ages of a rate date at a given day ("rateDate|yyyy-mm-dd"). */
const ages = new Map<string, number>();
const ageOf = (rateDate: string, now: Date): number => {
  const key = `${rateDate}|${Math.floor(now.getTime() / 86_400_000)}`;
  let age = ages.get(key);
  if (age === undefined) {
    if (ages.size >= 1024) ages.clear();
    ages.set(key, (age = targetDaysBetween(rateDate, now)));
  }
  return age;
};

/** Sources may be in a withdrawn currency (history, the BGN → EUR changeover); targets must be active. */
const currency = (code: string, name: string, active: boolean): string => {
  if (active ? !isCurrencyCode(code) : !isKnownCurrency(code)) throw new PricingError('PRICE_INPUT_INVALID', `${name} is not ${active ? 'an active' : 'an'} ISO 4217 currency`);
  return code;
};

/** The FX part of a price input from a rate answer of the FX context (`FxService.rate`, `GET /v1/fx/rates`). */
export function fxInputFromRate(rate: { numerator: string; denominator: string; snapshotId: string; path: string[]; source: string; asOf: string }): FxInput {
  return { numerator: rate.numerator, denominator: rate.denominator, snapshotId: rate.snapshotId, path: [...rate.path], source: rate.source, rateDate: rate.asOf };
}

/** Minor units → exact decimal of the currency. */
const major = (minor: bigint, code: string): PriceDecimal => new PriceDecimal(fromMinorUnits(minor, code));

type ResultBase = Pick<MarketPrice, 'currency' | 'ruleVersion' | 'pipelineVersion' | 'roundingMode'>;
/**
 * The result object, built field by field: `{ ...base, … }` here cost more than the decimal
 * arithmetic itself (measured: ~20 µs a price, V8's object-spread clone on this hot path).
 */
const result = (base: ResultBase, r: Omit<MarketPrice, keyof ResultBase>): MarketPrice => ({
  outcome: r.outcome,
  amountMinor: r.amountMinor,
  amount: r.amount,
  currency: base.currency,
  source: r.source,
  republish: r.republish,
  fxSnapshotId: r.fxSnapshotId,
  fxPath: r.fxPath,
  ruleVersion: base.ruleVersion,
  pipelineVersion: base.pipelineVersion,
  roundingMode: base.roundingMode,
  issues: r.issues,
  breakdown: r.breakdown,
});

/**
 * The seller's floor in the target currency: the source-currency floor through the same steps as
 * the price except the adjustments (home VAT stripped, the FX rate, the destination's VAT), rounded
 * UP to the display precision so a price that passes never shows less than the floor. Null when
 * the floor cannot be converted (a different currency and no rate).
 */
export function floorInTarget(input: Pick<PriceInput, 'floorMinor' | 'source' | 'targetCurrency' | 'sourceIncludesVatRate' | 'tax' | 'fx'>): bigint | null {
  if (input.floorMinor === undefined) return null;
  const target = input.targetCurrency;
  const converted = input.source.currency !== target;
  if (converted && (!input.fx || input.fx.path[0] !== input.source.currency || input.fx.path[input.fx.path.length - 1] !== target)) return null;
  let value = major(input.floorMinor, input.source.currency);
  if (input.sourceIncludesVatRate !== undefined) value = value.div(dec(input.sourceIncludesVatRate, 'sourceIncludesVatRate').plus(ONE));
  if (converted && input.fx) value = value.times(dec(input.fx.numerator, 'fx.numerator')).div(dec(input.fx.denominator ?? '1', 'fx.denominator'));
  if (input.tax.mode === 'gross') value = value.times(onePlus(input.tax.vatRate, dec(input.tax.vatRate, 'tax.vatRate')));
  return BigInt(value.toDecimalPlaces(displayDigits(target), PriceDecimal.ROUND_UP).times(scale(currencyExponent(target))).toFixed(0));
}

/** The floor guard, last of the pipeline: null when the price may stand, else the blocked result. */
function belowFloor(input: PriceInput, base: ResultBase, amountMinor: bigint, source: MarketPrice['source'], fxSnapshotId: string | null, fxPath: string[], breakdown: PriceStep[]): MarketPrice | null {
  const floor = floorInTarget(input);
  if (floor === null) return null;
  const target = base.currency;
  const passed = amountMinor >= floor;
  breakdown.push({ step: 'floor_guard', value: fromMinorUnits(floor, target), currency: target, detail: { floor: fromMinorUnits(input.floorMinor!, input.source.currency), floorCurrency: input.source.currency, result: passed ? 'passed' : 'blocked' } });
  if (passed) return null;
  const issues: PriceIssue[] = [{ code: 'PRICE_BELOW_FLOOR', severity: 'BLOCKER', params: { amount: fromMinorUnits(amountMinor, target), floor: fromMinorUnits(floor, target), currency: target } }];
  return result(base, { outcome: 'blocked', amountMinor: null, amount: null, source, republish: false, fxSnapshotId, fxPath, issues, breakdown });
}

export function computeMarketPrice(input: PriceInput): MarketPrice {
  const target = currency(input.targetCurrency, 'targetCurrency', true);
  const sourceCurrency = currency(input.source.currency, 'source.currency', false);
  const exponent = currencyExponent(target);
  const shown = displayDigits(target);
  const displayUnit = 10n ** BigInt(exponent - shown);
  const base: ResultBase = {
    currency: target,
    ruleVersion: input.ruleVersion,
    pipelineVersion: PRICE_PIPELINE_VERSION,
    roundingMode: PRICE_ROUNDING_MODE,
  };
  const breakdown: PriceStep[] = [];
  const issues: PriceIssue[] = [];

  // Scenario 9: a fixed market price overrides conversion; nothing is rounded, FX age is irrelevant.
  if (input.fixedPrice) {
    if (input.fixedPrice.currency !== target) throw new PricingError('PRICE_CURRENCY_MISMATCH', `the fixed price must be in ${target}`);
    const amountMinor = input.fixedPrice.amountMinor;
    breakdown.push({ step: 'fixed_price', value: fromMinorUnits(amountMinor, target), currency: target, detail: { source: 'fixed' } });
    if (amountMinor % displayUnit !== 0n) {
      issues.push({ code: 'PRICE_FIXED_PRECISION', severity: 'BLOCKER', params: { currency: target, digits: String(shown) } });
      return result(base, { outcome: 'blocked', amountMinor: null, amount: null, source: 'fixed', republish: false, fxSnapshotId: null, fxPath: [], issues, breakdown });
    }
    const floorBlock = belowFloor(input, base, amountMinor, 'fixed', null, [], breakdown);
    if (floorBlock) return floorBlock;
    const republish = !input.previous || input.previous.currency !== target || input.previous.amountMinor !== amountMinor;
    return result(base, { outcome: 'priced', amountMinor, amount: fromMinorUnits(amountMinor, target), source: 'fixed', republish, fxSnapshotId: null, fxPath: [], issues, breakdown });
  }

  const converted = sourceCurrency !== target;
  const fx = input.fx;
  if (converted && !fx) throw new PricingError('PRICE_FX_MISSING', `an FX rate ${sourceCurrency}→${target} is required`);
  if (converted && fx && (fx.path[0] !== sourceCurrency || fx.path[fx.path.length - 1] !== target)) {
    throw new PricingError('PRICE_CURRENCY_MISMATCH', `the FX path ${fx.path.join('→')} does not lead from ${sourceCurrency} to ${target}`);
  }
  const fxSnapshotId = converted && fx ? fx.snapshotId : null;
  const fxPath = converted && fx ? [...fx.path] : [];
  const previousInTarget = input.previous && input.previous.currency === target ? input.previous : undefined;

  // Scenario 12: a stale snapshot blocks new prices and freezes existing ones.
  if (converted && fx) {
    const age = ageOf(fx.rateDate, input.now);
    if (age > input.fxMaxAgeTargetDays) {
      const params = { snapshotId: fx.snapshotId, rateDate: fx.rateDate, ageTargetDays: String(age), maxAgeTargetDays: String(input.fxMaxAgeTargetDays) };
      if (previousInTarget) {
        issues.push({ code: 'PRICE_FX_STALE', severity: 'WARNING', params });
        breakdown.push({ step: 'fx_stale_freeze', value: fromMinorUnits(previousInTarget.amountMinor, target), currency: target, detail: params });
        return result(base, { outcome: 'frozen', amountMinor: previousInTarget.amountMinor, amount: fromMinorUnits(previousInTarget.amountMinor, target), source: 'converted', republish: false, fxSnapshotId, fxPath, issues, breakdown });
      }
      issues.push({ code: 'PRICE_FX_STALE', severity: 'BLOCKER', params });
      return result(base, { outcome: 'blocked', amountMinor: null, amount: null, source: 'converted', republish: false, fxSnapshotId, fxPath, issues, breakdown });
    }
  }

  // Exact decimal arithmetic, no rounding until the end.
  let value = major(input.source.amountMinor, sourceCurrency);
  breakdown.push({ step: 'source', value: show(value), currency: sourceCurrency });
  if (input.sourceIncludesVatRate !== undefined) {
    const rate = dec(input.sourceIncludesVatRate, 'sourceIncludesVatRate');
    value = value.div(rate.plus(ONE));
    breakdown.push({ step: 'strip_home_vat', value: show(value), currency: sourceCurrency, detail: { vatRate: rate.toFixed() } });
  }
  if (input.fixedAdjustmentMinor !== undefined && input.fixedAdjustmentMinor !== 0n) {
    value = value.plus(major(input.fixedAdjustmentMinor, sourceCurrency));
    breakdown.push({ step: 'fixed_adjustment', value: show(value), currency: sourceCurrency, detail: { amount: fromMinorUnits(input.fixedAdjustmentMinor, sourceCurrency) } });
  }
  if (input.percentAdjustment !== undefined) {
    const pct = dec(input.percentAdjustment, 'percentAdjustment');
    value = value.times(pct.div(100).plus(1));
    breakdown.push({ step: 'percent_adjustment', value: show(value), currency: sourceCurrency, detail: { percent: pct.toFixed() } });
  }
  if (converted && fx) {
    const numerator = dec(fx.numerator, 'fx.numerator');
    const denominator = dec(fx.denominator ?? '1', 'fx.denominator');
    if (numerator.lte(0) || denominator.lte(0)) throw new PricingError('PRICE_INPUT_INVALID', 'the FX rate must be positive');
    value = value.times(numerator).div(denominator);
    breakdown.push({ step: 'fx', value: show(value), currency: target, detail: { rate: shownRate(fx.numerator, fx.denominator ?? '1', numerator, denominator), snapshotId: fx.snapshotId, source: fx.source, path: fx.path.join('>'), rateDate: fx.rateDate } });
  }
  if (input.tax.mode === 'gross') {
    const vat = dec(input.tax.vatRate, 'tax.vatRate');
    value = value.times(onePlus(input.tax.vatRate, vat));
    breakdown.push({ step: 'vat_gross_up', value: show(value), currency: target, detail: { vatRate: vat.toFixed() } });
  }

  // The one rounding: half-up to the digits the buyer sees.
  const rounded = value.toDecimalPlaces(shown, PriceDecimal.ROUND_HALF_UP);
  let amountMinor = BigInt(rounded.times(scale(exponent)).toFixed(0));
  breakdown.push({ step: 'rounding', value: fromMinorUnits(amountMinor, target), currency: target, detail: { mode: PRICE_ROUNDING_MODE, digits: String(shown) } });
  if (amountMinor <= 0n) {
    issues.push({ code: 'PRICE_NOT_POSITIVE', severity: 'BLOCKER', params: { amount: fromMinorUnits(amountMinor, target), currency: target } });
    return result(base, { outcome: 'blocked', amountMinor: null, amount: null, source: converted ? 'converted' : 'same_currency', republish: false, fxSnapshotId, fxPath, issues, breakdown });
  }

  if (input.rounding?.length) {
    if (checkedRules.get(input.rounding) !== displayUnit) {
      try {
        validateRoundingRules(input.rounding, displayUnit);
      } catch (e) {
        if (e instanceof RoundingRuleError) throw new PricingError('PRICE_RULE_INVALID', e.message);
        throw e;
      }
      checkedRules.set(input.rounding, displayUnit);
    }
    const rule = ruleFor(input.rounding, amountMinor);
    if (rule) {
      amountMinor = applyEnding(amountMinor, rule);
      breakdown.push({
        step: 'price_ending',
        value: fromMinorUnits(amountMinor, target),
        currency: target,
        detail: { step: rule.step.toString(), ending: rule.ending.toString(), direction: rule.direction, band: `${rule.fromMinor}..${rule.toMinor ?? ''}` },
      });
    }
  }

  // Scenario 10: an FX-driven move under the threshold keeps the published price.
  const source = converted ? 'converted' : 'same_currency';
  if (previousInTarget) {
    const sameInputs =
      (previousInTarget.sourceAmountMinor === undefined || previousInTarget.sourceAmountMinor === input.source.amountMinor) &&
      (previousInTarget.ruleVersion === undefined || previousInTarget.ruleVersion === input.ruleVersion);
    const threshold = dec(input.hysteresisPercent ?? '1', 'hysteresisPercent');
    if (sameInputs && previousInTarget.amountMinor > 0n) {
      const moved = new PriceDecimal((amountMinor - previousInTarget.amountMinor).toString()).abs().div(previousInTarget.amountMinor.toString()).times(100);
      if (moved.lt(threshold)) {
        const kept = previousInTarget.amountMinor;
        const keptBlock = belowFloor(input, base, kept, source, fxSnapshotId, fxPath, breakdown);
        if (keptBlock) return keptBlock;
        breakdown.push({ step: 'hysteresis', value: fromMinorUnits(kept, target), currency: target, detail: { candidate: fromMinorUnits(amountMinor, target), movedPercent: show(moved.toDecimalPlaces(4)), thresholdPercent: threshold.toFixed() } });
        return result(base, { outcome: 'kept', amountMinor: kept, amount: fromMinorUnits(kept, target), source, republish: false, fxSnapshotId, fxPath, issues, breakdown });
      }
    }
  }
  const floorBlock = belowFloor(input, base, amountMinor, source, fxSnapshotId, fxPath, breakdown);
  if (floorBlock) return floorBlock;
  const republish = !previousInTarget || previousInTarget.amountMinor !== amountMinor;
  return result(base, { outcome: 'priced', amountMinor, amount: fromMinorUnits(amountMinor, target), source, republish, fxSnapshotId, fxPath, issues, breakdown });
}
