import { describe, expect, it } from '@jest/globals';
import { sellerGateIssues } from './seller-gates';

describe('seller gates', () => {
  it('a seller with a checked business profile, not suspended, has no gate', () => {
    expect(sellerGateIssues({ businessProfile: 'present', suspended: false })).toEqual([]);
  });

  it('no business profile, a profile to re-verify, or a suspension block every listing', () => {
    expect(sellerGateIssues({ businessProfile: 'missing', suspended: false }).map((i) => [i.code, i.severity, i.category])).toEqual([['SELLER_PROFILE_MISSING', 'BLOCKER', 'AVAILABILITY']]);
    expect(sellerGateIssues({ businessProfile: 'reverification_required', suspended: true }).map((i) => i.code)).toEqual(['SELLER_SUSPENDED', 'SELLER_REVERIFICATION_REQUIRED']);
  });
});
