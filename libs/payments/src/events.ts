import { defineEvent } from '@app/jobs';
import type { PayoutStatus } from './status';

export interface PayoutStatusChanged {
  sellerId: string;
  rail: string;
  from: PayoutStatus;
  to: PayoutStatus;
}

export interface PayoutFailed {
  sellerId: string;
  rail: string;
  failureCode: string | null;
}

/** A hold's reason is neutral (e.g. KYC_UNDER_REVIEW): these events may reach the seller. */
export interface PayoutsPaused {
  sellerId: string;
  reason: string;
  /** The outbox event that caused it. */
  cause: string;
}

export interface PayoutsResumed {
  sellerId: string;
  cause: string;
}

/** The seller's payout account moved to the country's current rail (pack or deployment changed); state kept. */
export interface PayoutRailChanged {
  sellerId: string;
  from: 'stripe_connect' | 'bank_transfer';
  to: 'stripe_connect' | 'bank_transfer';
}

export const PayoutRailChangedEvent = defineEvent<PayoutRailChanged>()('payouts.rail_changed', 'seller');
export const PayoutStatusChangedEvent = defineEvent<PayoutStatusChanged>()('payouts.status_changed', 'seller');
export const PayoutFailedEvent = defineEvent<PayoutFailed>()('payouts.payout_failed', 'seller');
export const PayoutsPausedEvent = defineEvent<PayoutsPaused>()('payouts.paused', 'seller');
export const PayoutsResumedEvent = defineEvent<PayoutsResumed>()('payouts.resumed', 'seller');
