import { describe, expect, it } from '@jest/globals';
import { lengthIn, packageIn, weightIn } from './units';

describe('package units per market', () => {
  it('golden scenario 32: 1250 g, 300×200×100 mm in the US → 2.76 lb, 11.81×7.87×3.94 in, shipping 2.8 lb', () => {
    expect(packageIn(1250, { length: 300, width: 200, height: 100 }, 'imperial')).toEqual({
      system: 'imperial',
      weightG: 1250,
      dimensionsMm: { length: 300, width: 200, height: 100 },
      weight: { value: '2.76', unit: 'lb' },
      shippingWeight: { value: '2.8', unit: 'lb' },
      dimensions: { length: { value: '11.81', unit: 'in' }, width: { value: '7.87', unit: 'in' }, height: { value: '3.94', unit: 'in' } },
    });
  });

  it('rounds the declared weight up, never down', () => {
    expect(weightIn(454, 'imperial').shippingWeight.value).toBe('1.1'); // 1.0009 lb
    expect(weightIn(907, 'imperial').shippingWeight.value).toBe('2.0'); // 1.99959 lb
    expect(weightIn(1001, 'metric')).toEqual({ weight: { value: '1.001', unit: 'kg' }, shippingWeight: { value: '1.1', unit: 'kg' } });
    expect(weightIn(1000, 'metric').shippingWeight.value).toBe('1.0');
  });

  it('shows metric exactly', () => {
    expect(weightIn(1250, 'metric').weight).toEqual({ value: '1.250', unit: 'kg' });
    expect(lengthIn(305, 'metric')).toEqual({ value: '30.5', unit: 'cm' });
    expect(lengthIn(254, 'imperial')).toEqual({ value: '10.00', unit: 'in' });
  });

  it('leaves what the seller did not give empty', () => {
    expect(packageIn(null, null, 'imperial')).toMatchObject({ weight: null, shippingWeight: null, dimensions: null });
  });
});
