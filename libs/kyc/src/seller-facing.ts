import type { KycStatus } from './codes';

/**
 * What a SELLER may read of their KYC case. Screening must never be tipped off: no list, match or
 * screening reason reaches a seller (API bodies, reason codes, seller-visible events). Internally
 * everything stays (case reason codes, history, checks with their evidence, audit); only what
 * leaves towards the seller goes through these two functions.
 */

/** Reason codes that name screening (ours and vendors' labels mapped onto them). */
const SENSITIVE = /SANCTION|SCREEN|WATCHLIST|PEP|MATCH|ADVERSE|LISTED/;

/** A suspension reads as a review: the seller learns that the verification is being looked at, not why. */
export function sellerStatus(status: KycStatus): KycStatus {
  return status === 'suspended' ? 'in_review' : status;
}

export const SELLER_KYC_STATUSES: readonly KycStatus[] = ['collecting', 'submitted', 'in_review', 'approved', 'rejected', 'action_required'];

/**
 * The reason code a seller is shown. A case in review (or suspended) always reads `UNDER_REVIEW`,
 * whatever sent it there, so a seller cannot tell a possible match from a routine review by
 * comparing reasons; a screening reason on anything else (a rejection, a document) reads `OTHER`.
 */
export function sellerReason(status: KycStatus | null, code: string | null): string | null {
  if (status === 'in_review' || status === 'suspended' || status === 'submitted') return 'UNDER_REVIEW';
  if (!code) return null;
  return SENSITIVE.test(code) ? 'OTHER' : code;
}
