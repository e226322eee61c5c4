import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@app/jobs';
import type { DeliveredOf } from '@app/jobs';
import { KYC_CASE_EVENTS, KycStandingReader } from '@app/kyc';
import { UnitOfWork } from '@app/persistence';
import { SellersService } from '@app/sellers';
import { PayoutAccountEntity } from './entities/payout-account.entity';
import { PayoutRailChangedEvent, PayoutStatusChangedEvent } from './events';
import { payoutGate } from './gate';

export const SELLER_ACTIVATION_JOB = 'payments.seller-activation';

/** Every event that can change whether a seller can sell: their KYC case and their payout rail. */
export const SELLING_EVENTS = [...KYC_CASE_EVENTS, PayoutStatusChangedEvent, PayoutRailChangedEvent] as const;

/**
 * A seller's overall status follows whether they can sell. Until the catalog gates exist that is
 * the payout gate: the current KYC case approved AND the payout rail enabled. The event is only a
 * trigger: the handler re-reads both under the seller's payout-account lock, so duplicates and
 * events handled out of order end in the same state. The sellers context decides the word
 * (`active`, back to `suspended` when an active seller stops being able to sell).
 */
@Injectable()
@JobHandler({ name: SELLER_ACTIVATION_JOB, subscribeTo: SELLING_EVENTS, retryLimit: 10 })
export class SellerActivationJob implements JobProcessor<DeliveredOf<typeof SELLING_EVENTS>> {
  private readonly logger = new Logger('Sellers');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly kyc: KycStandingReader,
    private readonly sellers: SellersService,
  ) {}

  async handle(event: DeliveredOf<typeof SELLING_EVENTS>): Promise<void> {
    const sellerId = event.payload?.sellerId;
    if (!sellerId) return;
    await this.uow.run(async (tx) => {
      const account = await tx.findOne(PayoutAccountEntity, { where: { sellerId }, lock: { mode: 'pessimistic_write' } });
      const standing = await this.kyc.of(sellerId, tx);
      const able = account ? payoutGate({ status: account.status, payoutsEnabled: account.payoutsEnabled }, standing).payoutsEnabled : false;
      const change = await this.sellers.followSellingAbility(tx, sellerId, able);
      if (change) this.logger.log(`seller ${sellerId}: ${change.from} → ${change.to}`);
    });
  }
}
