import { describe, expect, it } from '@jest/globals';
import { payoutsOf, verificationOf } from './seller-gates';

describe('SELLER_GATES adapter: what the catalog may know of KYC and payouts', () => {
  it('a case submitted, in review or suspended reads the same to the catalog (no tipping-off)', () => {
    for (const status of ['submitted', 'in_review', 'suspended'] as const) {
      expect(verificationOf({ caseId: 'c', status, reverification: false })).toBe('pending');
    }
  });

  it('maps the other case states to the step the seller takes', () => {
    expect(verificationOf({ caseId: 'c', status: 'approved', reverification: false })).toBe('approved');
    expect(verificationOf({ caseId: null, status: 'none', reverification: false })).toBe('not_started');
    expect(verificationOf({ caseId: 'c', status: 'collecting', reverification: true })).toBe('reverification');
    expect(verificationOf({ caseId: 'c', status: 'action_required', reverification: false })).toBe('action_required');
    expect(verificationOf({ caseId: 'c', status: 'rejected', reverification: false })).toBe('rejected');
  });

  it('payouts: enabled only when they flow; held by KYC or in review is pending; no rail is unavailable', () => {
    expect(payoutsOf('enabled', true)).toBe('enabled');
    expect(payoutsOf('on_hold', false)).toBe('pending');
    expect(payoutsOf('under_review', false)).toBe('pending');
    expect(payoutsOf('unavailable', false)).toBe('unavailable');
    expect(payoutsOf('not_started', false)).toBe('setup_required');
    expect(payoutsOf('action_required', false)).toBe('setup_required');
  });
});
