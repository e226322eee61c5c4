import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@app/jobs';
import { MARKET_PUBLISHED_EVENT } from '../prices/reprice.job';
import { ReadinessStore } from './readiness-store.service';
import { COMPLIANCE_RULES_PUBLISHED_EVENT, MARKET_STATUS_CHANGED_EVENT, PRODUCTS_CHANGED_EVENT, SELLER_MARKETS_CHANGED_EVENT } from './trigger';

export const CATALOG_READINESS_JOB = 'catalog.readiness';

/** Events of other contexts that move a seller's gates: KYC case status, payout status and holds. */
export const SELLER_GATE_EVENTS = [
  'kyc.submitted', 'kyc.approved', 'kyc.rejected', 'kyc.action_required', 'kyc.suspended', 'kyc.reverification_required',
  'payouts.status_changed', 'payouts.paused', 'payouts.resumed',
] as const;

/** Events after which every seller's stored readiness is re-evaluated. */
const EVERYONE = [MARKET_PUBLISHED_EVENT, MARKET_STATUS_CHANGED_EVENT, COMPLIANCE_RULES_PUBLISHED_EVENT];

interface DomainEventEnvelope {
  id: string;
  type: string;
  payload: { sellerId?: string; productIds?: string[] };
}

/**
 * Keeps stored readiness current. An event is only a trigger: the store re-reads every input (the
 * product, its translations, the published markets and rules, the seller's gates through the
 * SELLER_GATES port) so duplicates and events out of order end in the same state.
 */
@Injectable()
@JobHandler({
  name: CATALOG_READINESS_JOB,
  subscribeTo: [PRODUCTS_CHANGED_EVENT, SELLER_MARKETS_CHANGED_EVENT, ...SELLER_GATE_EVENTS, ...EVERYONE],
  retryLimit: 5,
  retryDelaySeconds: 30,
})
export class CatalogReadinessJob implements JobProcessor<DomainEventEnvelope> {
  private readonly logger = new Logger('Readiness');

  constructor(private readonly store: ReadinessStore) {}

  async handle(event: DomainEventEnvelope): Promise<void> {
    const { sellerId, productIds } = event.payload ?? {};
    if (EVERYONE.includes(event.type)) {
      const done = await this.store.refreshAll();
      this.logger.log(`${event.type}: readiness of ${done.sellers} seller(s) re-evaluated, ${done.changed} row(s) changed`);
      return;
    }
    if (!sellerId) return;
    const ids = event.type === PRODUCTS_CHANGED_EVENT && Array.isArray(productIds) ? productIds.filter((id) => typeof id === 'string') : undefined;
    const changed = await this.store.refreshSeller(sellerId, ids);
    this.logger.log(`${event.type}: readiness re-evaluated, ${changed} row(s) changed`);
  }
}
