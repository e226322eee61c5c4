/**
 * The KYC case lifecycle as a declared transition table. Any other move is an
 * {@link IllegalKycTransition} (a typed error with its own code at the edge).
 */
export const KYC_STATUSES = ['collecting', 'submitted', 'in_review', 'approved', 'rejected', 'action_required', 'suspended', 'superseded'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];

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

export class IllegalKycTransition extends Error {
  constructor(
    readonly from: KycStatus,
    readonly to: KycStatus,
  ) {
    super(`a KYC case cannot move from ${from} to ${to}`);
    this.name = 'IllegalKycTransition';
  }
}

export function assertKycTransition(from: KycStatus, to: KycStatus): void {
  if (!KYC_TRANSITIONS[from].includes(to)) throw new IllegalKycTransition(from, to);
}

/** Case states in which the seller may still change persons and documents. */
export const EDITABLE: readonly KycStatus[] = ['collecting', 'action_required'];
