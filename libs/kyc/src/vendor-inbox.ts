import { Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { InboxHandlerFor } from '@app/jobs';
import type { InboxDelivery, InboxHandler, InboxOutcome, WebhookInboxEntity } from '@app/jobs';
import type { Tx } from '@app/persistence';
import { KYC_REASON_CODES } from './codes';
import { VendorResultsService } from './vendor-results.service';
import type { VendorResult } from './verification.port';

/** The inbox event type of an identity vendor's decision. */
export const VENDOR_RESULT_EVENT = 'identity.result';

/**
 * What the inbox keeps of a vendor webhook: the result as the adapter typed it, never the vendor's
 * payload (Sumsub's clientComment and moderationComment are neither stored nor shown).
 */
const StoredResult = z.strictObject({
  provider: z.string().min(1).max(40),
  applicantId: z.string().min(1).max(200),
  vendorApplicantId: z.string().min(1).max(100).optional(),
  resultId: z.string().min(1).max(200),
  outcome: z.enum(['approved', 'rejected', 'retry']),
  decidedAt: z.iso.datetime(),
  reasonCode: z.enum(KYC_REASON_CODES).optional(),
});

/** A verified vendor result as an inbox delivery, keyed `provider:resultId` (a redelivery is a duplicate). */
export function vendorResultDelivery(result: VendorResult): InboxDelivery {
  const stored: z.infer<typeof StoredResult> = {
    provider: result.provider,
    applicantId: result.applicantId,
    ...(result.vendorApplicantId ? { vendorApplicantId: result.vendorApplicantId } : {}),
    resultId: result.resultId,
    outcome: result.outcome,
    decidedAt: result.decidedAt.toISOString(),
    ...(result.reasonCode ? { reasonCode: result.reasonCode } : {}),
  };
  return {
    id: `${result.provider}:${result.resultId}`,
    provider: result.provider,
    type: VENDOR_RESULT_EVENT,
    account: null,
    livemode: true,
    eventCreated: Math.floor(result.decidedAt.getTime() / 1000),
    payloadJson: JSON.stringify(stored),
  };
}

/**
 * Applies stored identity-vendor results (Sumsub) from the shared webhook inbox, in the worker's
 * transaction that holds the inbox row: exactly once (the inbox row, and kyc_vendor_results keyed
 * by the result id), never against a later decision (VendorResultsService). The outcome is the
 * result's disposition (applied, recorded, duplicate, late, not_applicable, unknown_applicant); a
 * payload that does not parse is parked as `malformed`.
 */
@Injectable()
@InboxHandlerFor('sumsub')
export class VendorResultInboxHandler implements InboxHandler {
  private readonly logger = new Logger('IdentityVerification');

  constructor(private readonly results: VendorResultsService) {}

  async apply(tx: Tx, row: WebhookInboxEntity): Promise<InboxOutcome> {
    const parsed = row.type === VENDOR_RESULT_EVENT ? StoredResult.safeParse(row.payload) : undefined;
    if (!parsed?.success) {
      this.logger.warn({ eventId: row.id.slice(0, 100), provider: row.provider }, 'stored vendor result has an unexpected shape');
      return { status: 'parked', outcome: 'malformed' };
    }
    const disposition = await this.results.applyIn(tx, { ...parsed.data, decidedAt: new Date(parsed.data.decidedAt) });
    this.logger.log({ provider: row.provider, resultId: parsed.data.resultId.slice(0, 16), outcome: parsed.data.outcome, disposition }, 'vendor result applied');
    return { status: 'processed', outcome: disposition };
  }
}
