import type { KycReasonCode } from './i18n';

/**
 * Identity-verification vendors (Sumsub / Onfido / Persona style): create an applicant for a case,
 * hand the seller a hosted link, and report the result by a signed webhook. Vendor payloads are
 * parsed into {@link VendorResult} inside the adapter; nothing vendor-specific crosses the port.
 * The built-in provider is the manual review by ops (no hosted link, no webhook).
 */
export const IDENTITY_VERIFICATION = Symbol('IDENTITY_VERIFICATION');

export interface VendorResult {
  provider: string;
  /** The vendor's applicant id we stored when the case was started. */
  applicantId: string;
  /** The vendor's id for this result (de-duplicates redeliveries). */
  resultId: string;
  outcome: 'approved' | 'rejected' | 'retry';
  /** When the vendor made this decision (orders late deliveries). */
  decidedAt: Date;
  reasonCode?: KycReasonCode;
}

export interface IdentityVerificationProvider {
  readonly name: string;
  start(input: { caseId: string; sellerId: string; country: string }): Promise<{ applicantId: string; hostedUrl?: string }>;
  /** Verifies a vendor webhook on its raw bytes (throws when the signature is wrong). */
  parseWebhook(rawBody: Buffer, headers: Record<string, string | undefined>): VendorResult;
}

/** Manual review by ops: the case itself is the applicant; decisions come from the review API. */
export class ManualReviewProvider implements IdentityVerificationProvider {
  readonly name = 'manual';

  async start(input: { caseId: string }): Promise<{ applicantId: string }> {
    return { applicantId: input.caseId };
  }

  parseWebhook(): VendorResult {
    throw new Error('manual review has no webhook: decisions come from POST /v1/ops/kyc/cases/{id}/decisions');
  }
}
