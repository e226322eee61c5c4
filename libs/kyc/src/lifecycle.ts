import { defineLifecycle } from '@app/kernel';
import type { KycStatus, OpsDecision } from './codes';

/**
 * The KYC case lifecycle as a declared transition table (a kernel {@link defineLifecycle}). Any other
 * move is the kernel's typed IllegalTransition, rendered as KYC_ILLEGAL_TRANSITION at the edge.
 */
export const KYC_TRANSITIONS: Readonly<Record<KycStatus, readonly KycStatus[]>> = {
  collecting: ['submitted', 'superseded'],
  submitted: ['in_review', 'approved'],
  in_review: ['approved', 'rejected', 'action_required'],
  action_required: ['collecting', 'superseded'],
  approved: ['suspended', 'superseded'],
  suspended: ['approved', 'rejected'],
  rejected: ['superseded'],
  superseded: [],
};

export const KYC_CASE_LIFECYCLE = defineLifecycle<KycStatus>('kyc case', KYC_TRANSITIONS);

/**
 * The states an ops decision may start from. Narrower than the transition table: `submitted →
 * approved` is the automatic path only (all checks, screening included, green, in the submitting
 * transaction), so a reviewer always decides a case that is in review (or suspended), or suspends
 * an approved one.
 */
export const OPS_DECISION_FROM: Readonly<Record<OpsDecision, readonly KycStatus[]>> = {
  approve: ['in_review', 'suspended'],
  reject: ['in_review', 'suspended'],
  request_changes: ['in_review'],
  // a reviewer confirms a possible match (or another concern) on an approved seller: payouts pause
  suspend: ['approved'],
};

/** States a four-eyes case enters with no approval yet: any earlier first approval no longer counts. */
export const RESETS_APPROVALS: readonly KycStatus[] = ['in_review', 'suspended', 'action_required'];

/** Case states in which the seller may still change persons and documents. */
export const EDITABLE: readonly KycStatus[] = ['collecting', 'action_required'];

/** A status as a message parameter: rendered in the caller's language (`kyc.status.<status>`), never the raw code. */
export const statusName = (status: KycStatus): { t: string } => ({ t: `kyc.status.${status}` });
