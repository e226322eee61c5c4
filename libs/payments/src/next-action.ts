import type { BlockingReason } from './gate';

/**
 * What a seller should do next about payouts, from the first GET: one code (with a message in the
 * seller's language, `payouts.next.<code>`) and the request that does it. Derived from the reason
 * that explains the status (the first blocking reason), so it can never disagree with it.
 */
export const NEXT_ACTIONS = [
  'complete_business_profile',
  'start_onboarding',
  'continue_onboarding',
  'add_bank_account',
  'complete_verification',
  'wait_for_review',
  'contact_support',
  'none',
] as const;
export type NextAction = (typeof NEXT_ACTIONS)[number];

/** The request behind each action (absent: nothing to call). */
export const NEXT_ACTION_ENDPOINTS: Partial<Record<NextAction, string>> = {
  complete_business_profile: 'PUT /v1/sellers/me/business',
  start_onboarding: 'POST /v1/sellers/me/payouts/onboarding-link',
  continue_onboarding: 'POST /v1/sellers/me/payouts/onboarding-link',
  add_bank_account: 'PUT /v1/sellers/me/payouts/bank-account',
  complete_verification: 'GET /v1/sellers/me/kyc',
};

export function nextAction(input: { rail: 'stripe_connect' | 'bank_transfer' | null; first: BlockingReason | undefined; hasBusinessProfile: boolean }): NextAction {
  const setUp: NextAction = input.rail === 'stripe_connect' ? 'continue_onboarding' : 'add_bank_account';
  switch (input.first) {
    case undefined:
    case 'SANCTIONS_POLICY':
    case 'PAYOUT_RAIL_NOT_CONFIGURED':
      return 'none';
    case 'PAYOUT_NOT_SET_UP':
      if (!input.hasBusinessProfile) return 'complete_business_profile';
      return input.rail === 'stripe_connect' ? 'start_onboarding' : 'add_bank_account';
    case 'PAYOUT_DETAILS_REQUIRED':
    case 'PAYOUT_RESTRICTED':
      return setUp;
    case 'PAYOUT_DETAILS_IN_REVIEW':
    case 'KYC_PENDING':
    case 'KYC_UNDER_REVIEW':
      return 'wait_for_review';
    case 'PAYOUT_REFUSED':
    case 'PAYOUT_DISCONNECTED':
    case 'KYC_REJECTED':
      return 'contact_support';
    case 'KYC_NOT_STARTED':
    case 'KYC_ACTION_REQUIRED':
    case 'KYC_REVERIFICATION':
      return 'complete_verification';
  }
}
