import { Injectable, Logger } from '@nestjs/common';
import { ReadinessStore } from '@app/catalog';
import { JobHandler, JobProcessor } from '@app/jobs';
import type { DeliveredOf } from '@app/jobs';
import { KycActionRequired, KycApproved, KycRejected, KycReverificationRequiredEvent, KycSubmitted, KycSuspended } from '@app/kyc';
import { PayoutsPausedEvent, PayoutsResumedEvent, PayoutStatusChangedEvent } from '@app/payments';

export const SELLER_GATES_READINESS_JOB = 'catalog.readiness-seller-gates';

/** Events of other contexts that move a seller's gates: the KYC case and the payout gate. */
export const SELLER_GATE_EVENTS = [KycSubmitted, KycApproved, KycRejected, KycActionRequired, KycSuspended, KycReverificationRequiredEvent, PayoutStatusChangedEvent, PayoutsPausedEvent, PayoutsResumedEvent] as const;
type SellerGateEvent = DeliveredOf<typeof SELLER_GATE_EVENTS>;

/**
 * Re-evaluates a seller's stored listing readiness when KYC or payouts change. Lives in the
 * composition root because the catalog may not import KYC or payments (not even their event
 * declarations); the work is the catalog's ReadinessStore, which re-reads the gates itself.
 */
@Injectable()
@JobHandler({ name: SELLER_GATES_READINESS_JOB, subscribeTo: SELLER_GATE_EVENTS, retryLimit: 5, retryDelaySeconds: 30 })
export class SellerGatesReadinessJob implements JobProcessor<SellerGateEvent> {
  private readonly logger = new Logger('Readiness');

  constructor(private readonly store: ReadinessStore) {}

  async handle(event: SellerGateEvent): Promise<void> {
    const sellerId = (event.payload as { sellerId?: unknown })?.sellerId;
    if (typeof sellerId !== 'string') return;
    const changed = await this.store.refreshSeller(sellerId);
    this.logger.log(`${event.type}: readiness re-evaluated, ${changed} row(s) changed`);
  }
}
