/**
 * KYC's codes and catalogues: error codes, statuses, reason codes, decision and triage codes, check
 * results, checklist kinds, list sources. A leaf: it imports nothing, so any file (a port, an
 * entity, the i18n catalogue, a DTO) can name a code without importing a service or a controller.
 */

export enum KycErrorCode {
  CASE_NOT_FOUND = 'KYC_CASE_NOT_FOUND',
  BUSINESS_PROFILE_REQUIRED = 'KYC_BUSINESS_PROFILE_REQUIRED',
  CASE_LOCKED = 'KYC_CASE_LOCKED',
  ILLEGAL_TRANSITION = 'KYC_ILLEGAL_TRANSITION',
  DOCUMENT_TYPE_NOT_REQUIRED = 'KYC_DOCUMENT_TYPE_NOT_REQUIRED',
  DOCUMENT_NOT_FOUND = 'KYC_DOCUMENT_NOT_FOUND',
  FILE_TOO_LARGE = 'KYC_FILE_TOO_LARGE',
  FILE_TYPE_NOT_ALLOWED = 'KYC_FILE_TYPE_NOT_ALLOWED',
  FILE_MISSING = 'KYC_FILE_MISSING',
  UPLOAD_REJECTED = 'KYC_UPLOAD_REJECTED',
  PERSONS_INVALID = 'KYC_PERSONS_INVALID',
  PERSON_NOT_FOUND = 'KYC_PERSON_NOT_FOUND',
  INCOMPLETE = 'KYC_INCOMPLETE',
  SAME_REVIEWER = 'KYC_SAME_REVIEWER',
  FEEDBACK_REQUIRED = 'KYC_FEEDBACK_REQUIRED',
  DOCUMENT_OUT_OF_DATE = 'KYC_DOCUMENT_OUT_OF_DATE',
  VENDOR_NOT_CONFIGURED = 'KYC_VENDOR_NOT_CONFIGURED',
  VENDOR_SIGNATURE_INVALID = 'KYC_VENDOR_SIGNATURE_INVALID',
  ISSUE_DATE_REQUIRED = 'KYC_ISSUE_DATE_REQUIRED',
  DOCUMENT_ACCEPTED = 'KYC_DOCUMENT_ACCEPTED',
  EXPIRY_DATE_REQUIRED = 'KYC_EXPIRY_DATE_REQUIRED',
  DOCUMENT_PERSON_REQUIRED = 'KYC_DOCUMENT_PERSON_REQUIRED',
}

export enum ScreeningErrorCode {
  LIST_FORMAT = 'SCREENING_LIST_FORMAT',
  LIST_EMPTY = 'SCREENING_LIST_EMPTY',
}

/** The KYC case's statuses (the transition table is in lifecycle.ts). */
export const KYC_STATUSES = ['collecting', 'submitted', 'in_review', 'approved', 'rejected', 'action_required', 'suspended', 'superseded'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];

/** What a reviewer may decide (from which states: lifecycle.ts OPS_DECISION_FROM). */
export const OPS_DECISIONS = ['approve', 'reject', 'request_changes', 'suspend'] as const;
export type OpsDecision = (typeof OPS_DECISIONS)[number];

/** Reasons a seller may read (in their language, `kyc.reason.<code>`), except screening ones (see seller-facing.ts). */
export const KYC_REASON_CODES = ['PACK_REQUIREMENTS_ADDED', 'DOCUMENT_UNREADABLE', 'DOCUMENT_EXPIRED', 'NAME_MISMATCH', 'WRONG_DOCUMENT', 'INFORMATION_INCOMPLETE', 'NOT_ELIGIBLE', 'SANCTIONS_HIT', 'IDENTITY_CHECK_FAILED', 'OTHER'] as const;
export type KycReasonCode = (typeof KYC_REASON_CODES)[number];

/**
 * Why a case needs a person, as triage codes for ops (never shown to sellers); their SQL is in
 * review.service.ts.
 */
export const REVIEW_REASONS = ['SCREENING_POSSIBLE_MATCH', 'VENDOR_RED', 'DUPLICATE_DOCUMENT', 'RISK_POLICY'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** A stored check's verdict (kyc_checks.result). */
export type CheckResult = 'pass' | 'review' | 'fail';

/** A reviewer's verdict on one document. */
export type DocumentReviewStatus = 'pending' | 'accepted' | 'rejected';

/** An entry of the seller's checklist (what is still missing before submitting). */
export type MissingKind = 'representative' | 'partners' | 'owners' | 'document';
export interface MissingItem {
  kind: MissingKind;
  type?: string;
  threshold?: number;
}

/** A partnership has at least two partners (V.O.F., S.n.c., OHG, Kollektif şirket, полное товарищество). */
export const MIN_PARTNERS = 2;

/** The roles a declared person may have. */
export const PERSON_ROLES = ['representative', 'owner', 'director', 'partner'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Sanctions lists ops may load (by upload or the scheduled fetch). */
export const LIST_SOURCES = ['ofac_sdn', 'eu_consolidated', 'un_consolidated'] as const;
export type ListSource = (typeof LIST_SOURCES)[number];

/** The review queue's filter (ops). */
export interface QueueFilter {
  status: KycStatus;
  country?: string;
  olderThanHours?: number;
  limit: number;
  flagged?: boolean;
  reason?: ReviewReason;
  sellerId?: string;
  q?: string;
}

/** A file received by a multipart route (held in memory: sniffed, hashed and encrypted before storage). */
export interface UploadedFile {
  buffer: Buffer;
  size: number;
}

/** What the seller says about an upload (a replacement keeps the old document's type and person unless given). */
export interface UploadInput {
  type?: string;
  personId?: string;
  issuedOn?: string;
  expiresOn?: string;
}
