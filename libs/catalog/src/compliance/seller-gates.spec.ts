import { describe, expect, it } from '@jest/globals';
import { sellerGateIssues } from './seller-gates';
import type { SellerGateFacts } from './seller-gates';

const green: SellerGateFacts = { businessProfile: 'present', verification: 'approved', payouts: 'enabled' };
const codes = (f: Partial<SellerGateFacts>, chosen = true) => sellerGateIssues({ ...green, ...f }, { code: 'IT', chosen }).map((i) => i.code);

describe('seller gates', () => {
  it('a verified seller with payouts enabled who chose the market has no gate', () => {
    expect(sellerGateIssues(green, { code: 'IT', chosen: true })).toEqual([]);
  });

  it('every gate is a BLOCKER of category SELLER, in the order a seller clears them', () => {
    const all = sellerGateIssues({ businessProfile: 'missing', verification: 'not_started', payouts: 'setup_required' }, { code: 'IT', chosen: false });
    expect(all.map((i) => [i.code, i.severity, i.category])).toEqual([
      ['SELLER_PROFILE_MISSING', 'BLOCKER', 'SELLER'],
      ['SELLER_KYC_REQUIRED', 'BLOCKER', 'SELLER'],
      ['SELLER_PAYOUTS_NOT_ENABLED', 'BLOCKER', 'SELLER'],
      ['SELLER_MARKET_NOT_CHOSEN', 'BLOCKER', 'SELLER'],
    ]);
    expect(all[3].params).toEqual({ market: 'IT' });
  });

  it('a pending verification (in review or suspended: the port cannot tell) gets one neutral code', () => {
    expect(codes({ verification: 'pending', payouts: 'pending' })).toEqual(['SELLER_VERIFICATION_PENDING', 'SELLER_PAYOUTS_PENDING']);
    expect(sellerGateIssues({ ...green, verification: 'pending' }, { code: 'IT', chosen: true })[0]).toMatchObject({ fields: [], params: {} });
  });

  it('re-verification of the profile and of KYC is reported once', () => {
    expect(codes({ businessProfile: 'reverification_required', verification: 'reverification' })).toEqual(['SELLER_REVERIFICATION_REQUIRED']);
    expect(codes({ verification: 'rejected', payouts: 'unavailable' })).toEqual(['SELLER_KYC_REJECTED', 'SELLER_PAYOUTS_UNAVAILABLE']);
  });
});
