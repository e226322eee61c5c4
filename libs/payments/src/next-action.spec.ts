import { describe, expect, it } from '@jest/globals';
import type { KycStanding } from '@app/kyc';
import { payoutGate } from './gate';
import { NEXT_ACTION_ENDPOINTS, nextAction } from './next-action';

const kyc = (status: KycStanding['status']): KycStanding => ({ caseId: status === 'none' ? null : 'c', status, reverification: false });
const next = (rail: 'stripe_connect' | 'bank_transfer' | null, gate: ReturnType<typeof payoutGate>, hasBusinessProfile = true) =>
  nextAction({ rail, first: gate.blockingReasons[0], hasBusinessProfile });

describe('next payout action', () => {
  it('says what to do from the first call, per rail, and the request that does it', () => {
    const notStarted = payoutGate({ status: 'not_started', payoutsEnabled: false }, kyc('none'));
    expect(next('bank_transfer', notStarted)).toBe('add_bank_account');
    expect(next('stripe_connect', notStarted)).toBe('start_onboarding');
    expect(next('stripe_connect', notStarted, false)).toBe('complete_business_profile');
    expect(NEXT_ACTION_ENDPOINTS.start_onboarding).toBe('POST /v1/sellers/me/payouts/onboarding-link');
    expect(NEXT_ACTION_ENDPOINTS.add_bank_account).toBe('PUT /v1/sellers/me/payouts/bank-account');
  });

  it('never asks for what the country cannot have', () => {
    for (const reason of ['SANCTIONS_POLICY', 'PAYOUT_RAIL_NOT_CONFIGURED'] as const) {
      expect(next(null, payoutGate({ status: 'unavailable', payoutsEnabled: false, unavailableReason: reason }, kyc('none')))).toBe('none');
    }
  });

  it('follows the reason that explains the status: rail first, then KYC', () => {
    expect(next('stripe_connect', payoutGate({ status: 'action_required', payoutsEnabled: false }, kyc('none')))).toBe('continue_onboarding');
    expect(next('bank_transfer', payoutGate({ status: 'action_required', payoutsEnabled: false }, kyc('none')))).toBe('add_bank_account');
    expect(next('bank_transfer', payoutGate({ status: 'under_review', payoutsEnabled: false }, kyc('approved')))).toBe('wait_for_review');
    expect(next('bank_transfer', payoutGate({ status: 'enabled', payoutsEnabled: true }, kyc('collecting')))).toBe('complete_verification');
    expect(next('bank_transfer', payoutGate({ status: 'enabled', payoutsEnabled: true }, kyc('in_review')))).toBe('wait_for_review');
    expect(next('bank_transfer', payoutGate({ status: 'enabled', payoutsEnabled: true }, kyc('rejected')))).toBe('contact_support');
    expect(next('bank_transfer', payoutGate({ status: 'enabled', payoutsEnabled: true }, kyc('approved')))).toBe('none');
  });
});
