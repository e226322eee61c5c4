import type { KycStanding } from '@app/kyc';
import type { PayoutStatus } from './status';

/**
 * Why payouts are not flowing, as codes a seller may read (each with a message in their language,
 * `payouts.block.<code>`). The KYC codes are deliberately neutral: they say where the verification
 * stands, never why a case is in review (no screening, lists or matches).
 */
export const KYC_BLOCKS = ['KYC_NOT_STARTED', 'KYC_ACTION_REQUIRED', 'KYC_PENDING', 'KYC_REVERIFICATION', 'KYC_UNDER_REVIEW', 'KYC_REJECTED'] as const;
export type KycBlock = (typeof KYC_BLOCKS)[number];

export const RAIL_BLOCKS = ['PAYOUT_NOT_SET_UP', 'PAYOUT_DETAILS_REQUIRED', 'PAYOUT_DETAILS_IN_REVIEW', 'PAYOUT_RESTRICTED', 'PAYOUT_REFUSED', 'PAYOUT_DISCONNECTED'] as const;
export type RailBlock = (typeof RAIL_BLOCKS)[number];

/** No rail for the seller's country (the pack's reason, or none configured on this deployment). */
export const UNAVAILABLE_BLOCKS = ['SANCTIONS_POLICY', 'PAYOUT_RAIL_NOT_CONFIGURED'] as const;
export type UnavailableBlock = (typeof UNAVAILABLE_BLOCKS)[number];

export type BlockingReason = KycBlock | RailBlock | UnavailableBlock;
export const BLOCKING_REASONS: readonly BlockingReason[] = [...UNAVAILABLE_BLOCKS, ...RAIL_BLOCKS, ...KYC_BLOCKS];

/** What the seller sees: the rail's setup stage until the rail is ready, then `enabled` or `on_hold` (KYC). */
export type EffectivePayoutStatus = PayoutStatus | 'on_hold' | 'unavailable';
export const EFFECTIVE_PAYOUT_STATUSES: readonly EffectivePayoutStatus[] = ['not_started', 'action_required', 'under_review', 'restricted', 'enabled', 'on_hold', 'rejected', 'disconnected', 'unavailable'];

/** KYC's part of the gate: payouts need the seller's CURRENT case approved (and so not suspended). */
export function kycBlock(kyc: KycStanding): KycBlock | null {
  switch (kyc.status) {
    case 'approved':
      return null;
    case 'none':
    case 'superseded':
      return 'KYC_NOT_STARTED';
    case 'collecting':
      return kyc.reverification ? 'KYC_REVERIFICATION' : 'KYC_NOT_STARTED';
    case 'action_required':
      return kyc.reverification ? 'KYC_REVERIFICATION' : 'KYC_ACTION_REQUIRED';
    case 'submitted':
    case 'in_review':
      return 'KYC_PENDING';
    case 'suspended':
      return 'KYC_UNDER_REVIEW';
    case 'rejected':
      return 'KYC_REJECTED';
  }
}

const RAIL_BLOCK: Record<Exclude<PayoutStatus, 'enabled'>, RailBlock> = {
  not_started: 'PAYOUT_NOT_SET_UP',
  action_required: 'PAYOUT_DETAILS_REQUIRED',
  under_review: 'PAYOUT_DETAILS_IN_REVIEW',
  restricted: 'PAYOUT_RESTRICTED',
  rejected: 'PAYOUT_REFUSED',
  disconnected: 'PAYOUT_DISCONNECTED',
};

export interface RailState {
  /** The payout account's status (transition table), `not_started` before setup, `unavailable` when the country has no usable rail. */
  status: PayoutStatus | 'unavailable';
  /** What the processor (or ops, for bank transfer) says about paying out. */
  payoutsEnabled: boolean;
  unavailableReason?: UnavailableBlock;
}

export interface PayoutGate {
  status: EffectivePayoutStatus;
  payoutsEnabled: boolean;
  /** Every reason payouts are not flowing; the first explains `status`. Empty when enabled. */
  blockingReasons: BlockingReason[];
}

/**
 * THE payout gate, for every rail and every order of events: payouts flow only when the rail is
 * ready AND the seller's current KYC case is approved. `status` is one honest word: the rail's
 * stage while the rail is not ready, `on_hold` when only KYC holds it, `enabled` when both allow.
 */
export function payoutGate(rail: RailState, kyc: KycStanding): PayoutGate {
  const k = kycBlock(kyc);
  if (rail.status === 'unavailable') {
    return { status: 'unavailable', payoutsEnabled: false, blockingReasons: [rail.unavailableReason ?? 'PAYOUT_RAIL_NOT_CONFIGURED', ...(k ? [k] : [])] };
  }
  const r = rail.status === 'enabled' ? (rail.payoutsEnabled ? null : 'PAYOUT_DETAILS_IN_REVIEW') : RAIL_BLOCK[rail.status];
  if (r) return { status: rail.status === 'enabled' ? 'under_review' : rail.status, payoutsEnabled: false, blockingReasons: [r, ...(k ? [k] : [])] };
  if (k) return { status: 'on_hold', payoutsEnabled: false, blockingReasons: [k] };
  return { status: 'enabled', payoutsEnabled: true, blockingReasons: [] };
}
