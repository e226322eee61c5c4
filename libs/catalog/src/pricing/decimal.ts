import Decimal from 'decimal.js';

/**
 * The decimal type of the price pipeline: 60 significant digits (far beyond any rate × price), and
 * half-up as the ONE declared rounding mode. A private clone, so no other code's Decimal settings
 * can change pricing.
 */
export const PriceDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 60 });
export type PriceDecimal = InstanceType<typeof PriceDecimal>;

/** Decimal strings the pipeline accepts: optional sign, digits, optional fraction; no exponent, no separators. */
export const DECIMAL_STRING = /^[+-]?\d{1,30}(\.\d{1,30})?$/;

/** A readable, exact-enough rendering of an intermediate value (at most 12 decimals, no exponent). */
export const show = (d: PriceDecimal): string => d.toDecimalPlaces(12).toFixed();
