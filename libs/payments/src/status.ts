import { defineLifecycle } from '@app/kernel';
import type { BankAccountStatus } from './entities/bank-account.entity';
import type { ConnectAccountSnapshot } from './ports';

export const PAYOUT_STATUSES = ['not_started', 'action_required', 'under_review', 'restricted', 'enabled', 'rejected', 'disconnected'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/**
 * The payout-account lifecycle as a declared transition table. Statuses are derived from the
 * processor's snapshots, so most moves are allowed; what is NOT allowed is leaving
 * `disconnected` (the seller revoked the platform: a new setup is needed).
 */
export const PAYOUT_TRANSITIONS: Readonly<Record<PayoutStatus, readonly PayoutStatus[]>> = {
  not_started: ['action_required', 'under_review', 'restricted', 'enabled', 'rejected', 'disconnected'],
  action_required: ['under_review', 'restricted', 'enabled', 'rejected', 'disconnected'],
  under_review: ['action_required', 'restricted', 'enabled', 'rejected', 'disconnected'],
  restricted: ['action_required', 'under_review', 'enabled', 'rejected', 'disconnected'],
  enabled: ['action_required', 'under_review', 'restricted', 'rejected', 'disconnected'],
  rejected: ['action_required', 'under_review', 'restricted', 'enabled', 'disconnected'],
  disconnected: [],
};

/** Statuses are derived, so a snapshot that leaves the status as it is counts as an allowed (silent) move. */
export const PAYOUT_LIFECYCLE = defineLifecycle<PayoutStatus>('payout account', PAYOUT_TRANSITIONS, { allowSelf: true });

export function canTransition(from: PayoutStatus, to: PayoutStatus): boolean {
  return PAYOUT_LIFECYCLE.can(from, to);
}

/**
 * Stripe's own marketplace connector (Mirakl) maps requirements this way; we add `restricted`
 * (past due) and require the transfers capability for `enabled`.
 */
export function deriveStatus(a: ConnectAccountSnapshot): PayoutStatus {
  const r = a.requirements;
  if (r.disabledReason?.startsWith('rejected')) return 'rejected';
  // A new account lists everything as past due before the seller ever opened onboarding: that is
  // a task for the seller, not a restriction. Once details were submitted, past-due means restricted.
  if (a.detailsSubmitted && (r.pastDue.length > 0 || r.disabledReason === 'requirements.past_due')) return 'restricted';
  if (r.currentlyDue.length > 0 || r.pastDue.length > 0) return 'action_required';
  if (a.payoutsEnabled && (a.transfers === 'active' || a.transfers === null)) return 'enabled';
  return 'under_review';
}

/**
 * Ops review of a seller's bank account (bank-transfer rail). A seller may send new details at any
 * time, which puts them back in review; only a pending account can be verified or rejected.
 */
export const BANK_ACCOUNT_REVIEW = defineLifecycle<BankAccountStatus>(
  'bank account review',
  // new details while still in review replace the pending ones (pending_review → pending_review)
  { pending_review: ['pending_review', 'verified', 'rejected'], verified: ['pending_review'], rejected: ['pending_review'] },
);
