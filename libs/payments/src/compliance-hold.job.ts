import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobProcessor, Outbox } from '@app/jobs';
import { UnitOfWork } from '@app/persistence';
import { PayoutAccountEntity } from './entities/payout-account.entity';

export const COMPLIANCE_HOLD_JOB = 'payments.compliance-hold';

interface DomainEventEnvelope {
  id: string;
  type: string;
  payload: { sellerId?: string };
}

/**
 * Reacts to KYC events delivered through the outbox: a suspended seller's payouts are held; a new
 * approval lifts a hold that KYC placed. Idempotent (a redelivery finds the state already set).
 */
@Injectable()
@JobHandler({ name: COMPLIANCE_HOLD_JOB, subscribeTo: ['kyc.suspended', 'kyc.approved'], retryLimit: 10 })
export class ComplianceHoldJob implements JobProcessor<DomainEventEnvelope> {
  private readonly logger = new Logger('Payouts');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
  ) {}

  async handle(event: DomainEventEnvelope): Promise<void> {
    const sellerId = event.payload?.sellerId;
    if (!sellerId) return;
    const hold = event.type === 'kyc.suspended';
    await this.uow.run(async (tx) => {
      const account = await tx.findOne(PayoutAccountEntity, { where: { sellerId }, lock: { mode: 'pessimistic_write' } });
      if (!account) return;
      if (hold && account.pausedReason !== 'KYC_SUSPENDED') {
        await tx.update(PayoutAccountEntity, { sellerId }, { pausedReason: 'KYC_SUSPENDED' });
        await this.outbox.add(tx, { type: 'payouts.paused', aggregateType: 'seller', aggregateId: sellerId, payload: { sellerId, reason: 'KYC_SUSPENDED', cause: event.id } });
        this.logger.warn(`payouts paused for seller ${sellerId}: KYC suspended`);
      } else if (!hold && account.pausedReason === 'KYC_SUSPENDED') {
        await tx.update(PayoutAccountEntity, { sellerId }, { pausedReason: null });
        await this.outbox.add(tx, { type: 'payouts.resumed', aggregateType: 'seller', aggregateId: sellerId, payload: { sellerId, cause: event.id } });
      }
    });
  }
}
