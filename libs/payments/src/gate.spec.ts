import { describe, expect, it } from '@jest/globals';
import type { KycStanding } from '@app/kyc';
import { kycBlock, payoutGate } from './gate';

const kyc = (status: KycStanding['status'], reverification = false): KycStanding => ({ caseId: status === 'none' ? null : 'c', status, reverification });
const ready = { status: 'enabled' as const, payoutsEnabled: true };

describe('payout gate', () => {
  it('enables payouts only when the rail is ready AND the current KYC case is approved', () => {
    expect(payoutGate(ready, kyc('approved'))).toEqual({ status: 'enabled', payoutsEnabled: true, blockingReasons: [] });
    for (const status of ['none', 'collecting', 'submitted', 'in_review', 'action_required', 'suspended', 'rejected'] as const) {
      const gate = payoutGate(ready, kyc(status));
      expect(gate).toMatchObject({ status: 'on_hold', payoutsEnabled: false });
      expect(gate.blockingReasons).toEqual([kycBlock(kyc(status))]);
    }
  });

  it('names KYC states neutrally: in review is pending, a suspension is under review, a superseded approval is re-verification', () => {
    expect(kycBlock(kyc('in_review'))).toBe('KYC_PENDING');
    expect(kycBlock(kyc('submitted'))).toBe('KYC_PENDING');
    expect(kycBlock(kyc('suspended'))).toBe('KYC_UNDER_REVIEW');
    expect(kycBlock(kyc('collecting', true))).toBe('KYC_REVERIFICATION');
    expect(kycBlock(kyc('action_required', true))).toBe('KYC_REVERIFICATION');
    expect(kycBlock(kyc('action_required'))).toBe('KYC_ACTION_REQUIRED');
    expect(kycBlock(kyc('none'))).toBe('KYC_NOT_STARTED');
    expect(kycBlock(kyc('rejected'))).toBe('KYC_REJECTED');
  });

  it('shows the rail stage while the rail is not ready, with the KYC reason after it', () => {
    expect(payoutGate({ status: 'under_review', payoutsEnabled: false }, kyc('in_review'))).toEqual({
      status: 'under_review',
      payoutsEnabled: false,
      blockingReasons: ['PAYOUT_DETAILS_IN_REVIEW', 'KYC_PENDING'],
    });
    expect(payoutGate({ status: 'not_started', payoutsEnabled: false }, kyc('approved'))).toEqual({ status: 'not_started', payoutsEnabled: false, blockingReasons: ['PAYOUT_NOT_SET_UP'] });
    expect(payoutGate({ status: 'disconnected', payoutsEnabled: false }, kyc('approved')).status).toBe('disconnected');
    // a rail claiming `enabled` without payouts enabled is not ready
    expect(payoutGate({ status: 'enabled', payoutsEnabled: false }, kyc('approved'))).toMatchObject({ status: 'under_review', payoutsEnabled: false });
  });

  it('keeps a country without a usable rail unavailable, whatever KYC says', () => {
    expect(payoutGate({ status: 'unavailable', payoutsEnabled: false, unavailableReason: 'SANCTIONS_POLICY' }, kyc('approved'))).toEqual({
      status: 'unavailable',
      payoutsEnabled: false,
      blockingReasons: ['SANCTIONS_POLICY'],
    });
  });
});
