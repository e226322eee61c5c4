import Decimal from 'decimal.js';

/**
 * Canonical package data is integer grams and millimetres; a market shows it in its units system.
 * Exact factors: 1 lb = 453.59237 g, 1 in = 25.4 mm. Display values are rounded half-up (lb, in:
 * 2 decimals; kg: 3, cm: 1 — exact for whole grams and millimetres); the DECLARED shipping weight
 * is rounded UP to 0.1 (lb or kg): under-declaring weight costs carrier surcharges and customs trouble.
 */
const GRAMS_PER_POUND = new Decimal('453.59237');
const MM_PER_INCH = new Decimal('25.4');

export type UnitsSystem = 'metric' | 'imperial';

export interface Measure {
  value: string;
  unit: 'kg' | 'lb' | 'cm' | 'in';
}

export interface PackageInUnits {
  system: UnitsSystem;
  weightG: number | null;
  dimensionsMm: { length: number; width: number; height: number } | null;
  weight: Measure | null;
  shippingWeight: Measure | null;
  dimensions: { length: Measure; width: Measure; height: Measure } | null;
}

export function weightIn(grams: number, system: UnitsSystem): { weight: Measure; shippingWeight: Measure } {
  const g = new Decimal(grams);
  if (system === 'imperial') {
    const lb = g.div(GRAMS_PER_POUND);
    return {
      weight: { value: lb.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2), unit: 'lb' },
      shippingWeight: { value: lb.toDecimalPlaces(1, Decimal.ROUND_UP).toFixed(1), unit: 'lb' },
    };
  }
  const kg = g.div(1000);
  return {
    weight: { value: kg.toFixed(3), unit: 'kg' },
    shippingWeight: { value: kg.toDecimalPlaces(1, Decimal.ROUND_UP).toFixed(1), unit: 'kg' },
  };
}

export function lengthIn(mm: number, system: UnitsSystem): Measure {
  const v = new Decimal(mm);
  return system === 'imperial'
    ? { value: v.div(MM_PER_INCH).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2), unit: 'in' }
    : { value: v.div(10).toFixed(1), unit: 'cm' };
}

export function packageIn(weightG: number | null, dimensionsMm: PackageInUnits['dimensionsMm'], system: UnitsSystem): PackageInUnits {
  const w = weightG === null ? null : weightIn(weightG, system);
  return {
    system,
    weightG,
    dimensionsMm,
    weight: w?.weight ?? null,
    shippingWeight: w?.shippingWeight ?? null,
    dimensions: dimensionsMm
      ? { length: lengthIn(dimensionsMm.length, system), width: lengthIn(dimensionsMm.width, system), height: lengthIn(dimensionsMm.height, system) }
      : null,
  };
}
