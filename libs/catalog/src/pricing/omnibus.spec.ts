import { describe, expect, it } from '@jest/globals';
import { compareAtFor, isOmnibusMarket, lowestPriorPrice } from './omnibus';

const at = (iso: string) => new Date(iso);
const saleStartedAt = at('2026-12-01T10:00:00Z');
// IT market, EUR: 24.99 since October, 21.49 for ten days inside the window, 22.99 since
const history = [
  { amountMinor: 2499n, effectiveFrom: at('2026-10-01T08:00:00Z') },
  { amountMinor: 2149n, effectiveFrom: at('2026-11-05T08:00:00Z') },
  { amountMinor: 2299n, effectiveFrom: at('2026-11-15T08:00:00Z') },
];

describe('Omnibus prior price (research §6.3 scenario 15)', () => {
  it('scenario 15: IT 30-day minimum 21.49, sale 19.99 with compare-at 24.99 → compare-at shown as 21.49 (OMNIBUS_PRIOR_PRICE)', () => {
    expect(lowestPriorPrice(history, saleStartedAt)).toBe(2149n);
    expect(compareAtFor({ salePriceMinor: 1999n, declaredMinor: 2499n, history, saleStartedAt, omnibus: isOmnibusMarket(['IT']) })).toEqual({
      amountMinor: 2149n,
      source: 'lowest_30d',
      declaredMinor: 2499n,
      lowest30dMinor: 2149n,
      reason: 'replaced_by_lowest_30d',
    });
  });

  it('counts the price in force when the window opened, not prices replaced before it, nor the sale itself', () => {
    const old = [
      { amountMinor: 999n, effectiveFrom: at('2026-09-01T00:00:00Z') }, // replaced before the window: not counted
      { amountMinor: 2599n, effectiveFrom: at('2026-10-20T00:00:00Z') }, // in force on 1 November (window start)
      { amountMinor: 2699n, effectiveFrom: at('2026-11-20T00:00:00Z') },
      { amountMinor: 1999n, effectiveFrom: saleStartedAt }, // the reduced price
    ];
    expect(lowestPriorPrice(old, saleStartedAt)).toBe(2599n);
    expect(lowestPriorPrice([], saleStartedAt)).toBeNull();
  });

  it('refuses the sale badge without a prior price, or when the lowest price is not above the sale price', () => {
    expect(compareAtFor({ salePriceMinor: 1999n, declaredMinor: 2499n, history: [], saleStartedAt, omnibus: true })).toMatchObject({ amountMinor: null, reason: 'no_prior_price' });
    expect(compareAtFor({ salePriceMinor: 2149n, declaredMinor: 2499n, history, saleStartedAt, omnibus: true })).toMatchObject({ amountMinor: null, reason: 'not_a_reduction', lowest30dMinor: 2149n });
  });

  it("outside the EU the seller's compare-at stands when above the sale price (GB, US), and is dropped otherwise", () => {
    expect(isOmnibusMarket(['GB'])).toBe(false);
    expect(compareAtFor({ salePriceMinor: 1999n, declaredMinor: 2499n, history, saleStartedAt, omnibus: false })).toMatchObject({ amountMinor: 2499n, source: 'seller' });
    expect(compareAtFor({ salePriceMinor: 1999n, declaredMinor: 1999n, history, saleStartedAt, omnibus: false })).toMatchObject({ amountMinor: null, reason: 'not_a_reduction' });
  });
});
