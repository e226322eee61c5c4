import { defineEvent } from '@app/jobs';
import type { EventType } from '@app/jobs';
import type { KycStatus } from './codes';

/**
 * The events KYC publishes through the outbox. They may reach the seller (notifications), so a
 * reason code is the one the seller may read, never a screening one.
 */
export interface KycCaseChanged {
  caseId: string;
  sellerId: string;
  country: string;
  from: KycStatus;
  to: KycStatus;
  reasonCode: string | null;
}

export interface KycReverificationRequired {
  sellerId: string;
  previousCaseId: string;
  caseId: string;
  country: string;
  packVersion: number;
  reason: string;
}

export const KycSubmitted = defineEvent<KycCaseChanged>()('kyc.submitted', 'seller');
export const KycApproved = defineEvent<KycCaseChanged>()('kyc.approved', 'seller');
export const KycRejected = defineEvent<KycCaseChanged>()('kyc.rejected', 'seller');
export const KycActionRequired = defineEvent<KycCaseChanged>()('kyc.action_required', 'seller');
export const KycSuspended = defineEvent<KycCaseChanged>()('kyc.suspended', 'seller');
export const KycReverificationRequiredEvent = defineEvent<KycReverificationRequired>()('kyc.reverification_required', 'seller');

/** The event a case status change publishes, if any. */
export const KYC_STATUS_EVENTS: Partial<Record<KycStatus, EventType<KycCaseChanged>>> = {
  submitted: KycSubmitted,
  approved: KycApproved,
  rejected: KycRejected,
  action_required: KycActionRequired,
  suspended: KycSuspended,
};

/** Every KYC event that can move a seller's current case (what payout holds and seller gates follow). */
export const KYC_CASE_EVENTS = [KycSubmitted, KycApproved, KycRejected, KycActionRequired, KycSuspended, KycReverificationRequiredEvent] as const;
