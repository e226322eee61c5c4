import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobProcessor, Outbox } from '@app/jobs';
import type { DeliveredOf } from '@app/jobs';
import { KYC_CASE_EVENTS, KycStandingReader } from '@app/kyc';
import { UnitOfWork } from '@app/persistence';
import { PayoutHoldEntity } from './entities/payout-hold.entity';
import { PayoutsPausedEvent, PayoutsResumedEvent } from './events';
import { kycBlock } from './gate';

export const COMPLIANCE_HOLD_JOB = 'payments.compliance-hold';


/**
 * Keeps the stored payout hold (`payout_holds`) in step with KYC. An event is only a trigger: the
 * handler re-reads the seller's current KYC standing and stores the gate's KYC verdict, so
 * duplicates, redeliveries and events handled out of order (jobs run concurrently) all end in the
 * same state. It works for sellers without a payout account too (a suspension before payout setup
 * still holds). When the hold flips, `payouts.paused` / `payouts.resumed` go to the outbox with a
 * neutral reason code.
 */
@Injectable()
@JobHandler({ name: COMPLIANCE_HOLD_JOB, subscribeTo: KYC_CASE_EVENTS, retryLimit: 10 })
export class ComplianceHoldJob implements JobProcessor<DeliveredOf<typeof KYC_CASE_EVENTS>> {
  private readonly logger = new Logger('Payouts');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly kyc: KycStandingReader,
  ) {}

  async handle(event: DeliveredOf<typeof KYC_CASE_EVENTS>): Promise<void> {
    const sellerId = event.payload?.sellerId;
    if (!sellerId) return;
    await this.uow.run(async (tx) => {
      await tx.query(
        `INSERT INTO payout_holds (seller_id, kyc_status, kyc_case_id, held, reason) VALUES ($1, 'none', NULL, true, 'KYC_NOT_STARTED') ON CONFLICT (seller_id) DO NOTHING`,
        [sellerId],
      );
      const hold = await tx.findOneOrFail(PayoutHoldEntity, { where: { sellerId }, lock: { mode: 'pessimistic_write' } });
      const standing = await this.kyc.of(sellerId, tx);
      const reason = kycBlock(standing);
      await tx.update(PayoutHoldEntity, { sellerId }, { kycStatus: standing.status, kycCaseId: standing.caseId, held: reason !== null, reason, lastEventId: event.id });
      if (hold.held && !reason) {
        await this.outbox.add(tx, PayoutsResumedEvent, sellerId, { sellerId, cause: event.id });
        this.logger.log(`payout hold lifted for seller ${sellerId}`);
      } else if (reason && !hold.held) {
        await this.outbox.add(tx, PayoutsPausedEvent, sellerId, { sellerId, reason, cause: event.id });
        this.logger.log(`payouts held for seller ${sellerId}: ${reason}`);
      }
    });
  }
}
