import { Inject, Injectable, Logger } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { RequestContext } from '@app/kernel';
import { Translator } from '@app/kernel';
import { WebhookInboxStore } from '@app/jobs';
import { UnitOfWork } from '@app/persistence';
import { sellerReason } from './seller-facing';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycErrorCode } from './codes';
import type { KycStatus } from './codes';
import { kycError } from './errors';
import { vendorResultDelivery } from './vendor-inbox';
import { IDENTITY_VERIFICATION, VendorSignatureError, VendorUnavailableError } from './verification.port';
import type { IdentityVerificationProvider, VendorWebhook } from './verification.port';

export type IdentityStatus = 'not_started' | 'pending' | 'approved' | 'retry' | 'rejected';

/** Case states in which the seller can still do (or redo) the vendor's identity check. */
const LINK_OFFERED_IN: readonly KycStatus[] = ['collecting', 'action_required', 'in_review'];

/** The seller's identity-verification step with a vendor, and the vendor's webhook intake. */
@Injectable()
export class IdentityVerificationService {
  private readonly logger = new Logger('IdentityVerification');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly inbox: WebhookInboxStore,
    private readonly translator: Translator,
    @Inject(IDENTITY_VERIFICATION) private readonly provider: IdentityVerificationProvider,
  ) {}

  /**
   * `identityVerification` of the seller's KYC view (nothing with the manual provider): the
   * provider, the status, the reason of a RETRY or a rejection in the seller's language, and, while
   * the check can still be done, a fresh hosted link. The vendor's applicant is created on the first
   * request (idempotently: the vendor keys it by our case id) and its id kept on the case. Called
   * outside the case's transaction, so no row lock is held over the vendor call; a vendor outage
   * leaves the link out instead of failing the whole view.
   */
  async sellerView(ctx: RequestContext, caseId: string): Promise<{ identityVerification?: { provider: string; status: IdentityStatus; url?: string; reason?: { code: string; message: string } } }> {
    if (this.provider.name === 'manual') return {};
    const kase = await this.uow.reader.findOneOrFail(KycCaseEntity, { where: { id: caseId } });
    let status: IdentityStatus = kase.identityResult ?? (kase.identityApplicantId ? 'pending' : 'not_started');
    let url: string | undefined;
    if (LINK_OFFERED_IN.includes(kase.status) && (status === 'not_started' || status === 'pending' || status === 'retry')) {
      try {
        const started = await this.provider.start({ caseId: kase.id, sellerId: kase.sellerId, country: kase.country });
        url = started.hostedUrl;
        if (!kase.identityApplicantId) {
          await this.uow.run((tx) => tx.update(KycCaseEntity, { id: kase.id, identityApplicantId: IsNull() }, { identityProvider: this.provider.name, identityApplicantId: started.applicantId }));
          if (status === 'not_started') status = 'pending';
        }
      } catch (e) {
        if (!(e instanceof VendorUnavailableError)) throw e;
        this.logger.warn({ caseId: kase.id, provider: this.provider.name, reason: e.reason }, 'identity-verification link unavailable');
      }
    }
    const code = sellerReason(null, kase.identityReasonCode);
    const reason = code && (status === 'retry' || status === 'rejected') ? { code, message: this.translator.t(ctx.locale, `kyc.reason.${code}`) } : undefined;
    return { identityVerification: { provider: this.provider.name, status, ...(url ? { url } : {}), ...(reason ? { reason } : {}) } };
  }

  /**
   * A vendor webhook, through the same inbox as Stripe's events: the signature is verified on the
   * raw bytes before anything is parsed or stored, the adapter types the result, and the result is
   * stored once by its id in the webhook inbox (`queued`; a redelivery answers `duplicate`) — the
   * worker applies it (VendorResultInboxHandler), retries failures, and ops replay dead ones.
   * Events without a decision are acknowledged (`ignored`) so the vendor stops retrying them.
   */
  async receive(providerName: string, rawBody: Buffer | undefined, headers: Record<string, string | string[] | undefined>): Promise<{ received: true; disposition: 'queued' | 'duplicate' | 'ignored'; eventId?: string }> {
    if (this.provider.name === 'manual' || providerName !== this.provider.name) throw kycError(KycErrorCode.VENDOR_NOT_CONFIGURED);
    const flat: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(headers)) flat[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
    let hook: VendorWebhook;
    try {
      if (!rawBody?.length) throw new VendorSignatureError('missing');
      hook = this.provider.parseWebhook(rawBody, flat);
    } catch (e) {
      if (!(e instanceof VendorSignatureError)) throw e;
      this.logger.warn({ provider: this.provider.name, reason: e.reason }, 'refused a vendor webhook');
      throw kycError(KycErrorCode.VENDOR_SIGNATURE_INVALID);
    }
    if (hook.kind === 'ignored') return { received: true, disposition: 'ignored' };
    const delivery = vendorResultDelivery(hook.result);
    const stored = await this.inbox.submit(delivery);
    this.logger.log({ provider: this.provider.name, resultId: hook.result.resultId.slice(0, 16), outcome: hook.result.outcome, stored }, 'vendor result received');
    return { received: true, disposition: stored ? 'queued' : 'duplicate', eventId: delivery.id };
  }
}
