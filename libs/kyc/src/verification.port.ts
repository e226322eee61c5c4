import type { KycReasonCode } from './codes';

/**
 * Identity-verification vendors (Sumsub / Onfido / Persona style): create an applicant for a case,
 * hand the seller a hosted link, and report the result by a signed webhook. Vendor payloads are
 * parsed into {@link VendorResult} inside the adapter; nothing vendor-specific crosses the port.
 * The built-in provider is the manual review by ops (no hosted link, no webhook).
 */
export const IDENTITY_VERIFICATION = Symbol('IDENTITY_VERIFICATION');

export type VendorOutcome = 'approved' | 'rejected' | 'retry';

export interface VendorResult {
  provider: string;
  /**
   * The key the vendor reports the result under. For vendors that echo our case id (Sumsub's
   * `externalUserId`) this is the case id; the manual provider's applicant is the case itself.
   */
  applicantId: string;
  /** The vendor's own applicant id, when it differs from {@link applicantId} (stored on the case). */
  vendorApplicantId?: string;
  /** The vendor's id for this result (de-duplicates redeliveries). */
  resultId: string;
  outcome: VendorOutcome;
  /** When the vendor made this decision (orders late deliveries). */
  decidedAt: Date;
  /** What the seller may be told, as one of our reason codes (never a vendor's internal comment). */
  reasonCode?: KycReasonCode;
}

/** A verified webhook: a result to apply, or an event the vendor sends that carries no decision. */
export type VendorWebhook = { kind: 'result'; result: VendorResult } | { kind: 'ignored'; type: string };

/** The webhook's signature is missing, malformed or wrong: nothing may be stored. */
export class VendorSignatureError extends Error {
  constructor(readonly reason: 'not_configured' | 'missing' | 'malformed' | 'mismatch' | 'unsupported_algorithm') {
    super(`vendor webhook refused: ${reason}`);
    this.name = 'VendorSignatureError';
  }
}

/** The vendor could not be reached or answered with an error (no personal data in the message). */
export class VendorUnavailableError extends Error {
  constructor(
    readonly provider: string,
    readonly reason: string,
  ) {
    super(`${provider} unavailable: ${reason}`);
    this.name = 'VendorUnavailableError';
  }
}

export interface IdentityVerificationProvider {
  readonly name: string;
  /**
   * Creates (or finds again: it must be idempotent per case) the vendor's applicant for a case and,
   * for hosted flows, a fresh link the seller follows. Throws {@link VendorUnavailableError}.
   */
  start(input: { caseId: string; sellerId: string; country: string }): Promise<{ applicantId: string; hostedUrl?: string }>;
  /**
   * Verifies a vendor webhook on its raw bytes first (throws {@link VendorSignatureError} when the
   * signature is wrong), then parses it with a schema.
   */
  parseWebhook(rawBody: Buffer, headers: Record<string, string | undefined>): VendorWebhook;
}

/** Manual review by ops: the case itself is the applicant; decisions come from the review API. */
export class ManualReviewProvider implements IdentityVerificationProvider {
  readonly name = 'manual';

  async start(input: { caseId: string }): Promise<{ applicantId: string }> {
    return { applicantId: input.caseId };
  }

  parseWebhook(): VendorWebhook {
    throw new VendorSignatureError('not_configured');
  }
}
