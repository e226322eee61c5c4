import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@app/jobs';
import type { DeliveredOf } from '@app/jobs';
import { ComplianceRulesPublishedEvent, MarketPublishedEvent, MarketStatusChangedEvent, PricesRepricedEvent, ProductsChangedEvent, SellerMarketsChangedEvent } from '../events';
import { ReadinessStore } from './readiness-store.service';

export const CATALOG_READINESS_JOB = 'catalog.readiness';

/**
 * Events after which every seller's stored readiness is re-evaluated. An FX import reaches readiness
 * through `catalog.prices_repriced`, written by the re-pricing job once the stored prices follow the
 * new rates (readiness reads both; subscribed to the FX event itself it could run before the prices).
 */
const EVERYONE = [MarketPublishedEvent, MarketStatusChangedEvent, ComplianceRulesPublishedEvent, PricesRepricedEvent] as const;
const READINESS_ON = [ProductsChangedEvent, SellerMarketsChangedEvent, ...EVERYONE] as const;
type ReadinessTriggerEvent = DeliveredOf<typeof READINESS_ON>;

/**
 * Keeps stored readiness current on the catalog's own events. An event is only a trigger: the store
 * re-reads every input (the product, its translations, the published markets and rules, the FX
 * rates and stored prices, the seller's gates through the SELLER_GATES port) under a per-seller
 * lock, so duplicates and events out of order end in the same state. KYC and payout events are subscribed by the composition root
 * (libs/platform: the catalog may not name them), which calls the same store.
 */
@Injectable()
@JobHandler({ name: CATALOG_READINESS_JOB, subscribeTo: READINESS_ON, retryLimit: 5, retryDelaySeconds: 30 })
export class CatalogReadinessJob implements JobProcessor<ReadinessTriggerEvent> {
  private readonly logger = new Logger('Readiness');

  constructor(private readonly store: ReadinessStore) {}

  async handle(event: ReadinessTriggerEvent): Promise<void> {
    if (EVERYONE.some((e) => e.type === event.type)) {
      const done = await this.store.refreshAll();
      this.logger.log(`${event.type}: readiness of ${done.sellers} seller(s) re-evaluated, ${done.changed} row(s) changed`);
      return;
    }
    const payload = event.payload as { sellerId?: unknown; productIds?: unknown };
    if (typeof payload?.sellerId !== 'string') return;
    const ids = event.type === ProductsChangedEvent.type && Array.isArray(payload.productIds) ? payload.productIds.filter((id): id is string => typeof id === 'string') : undefined;
    const changed = await this.store.refreshSeller(payload.sellerId, ids);
    this.logger.log(`${event.type}: readiness re-evaluated, ${changed} row(s) changed`);
  }
}

export const CATALOG_READINESS_REFRESH_JOB = 'catalog.readiness-refresh';

/**
 * Every hour (pg-boss cron), every seller's stored readiness is re-evaluated. Some inputs change with time alone and
 * no event says so: an FX rate ageing past its market's `fx.maxAgeDays` turns a price stale (PRICE_FX_STALE) although
 * nothing was written. The listing view and the dry run evaluate on the spot; this keeps the stored rows, the
 * checklist and the `listing.*` events no more than an hour behind. Idempotent: an unchanged row is not rewritten.
 */
@Injectable()
@JobHandler({ name: CATALOG_READINESS_REFRESH_JOB, schedule: '23 * * * *', retryLimit: 1, expireInSeconds: 3000 })
export class CatalogReadinessRefreshJob implements JobProcessor<object> {
  private readonly logger = new Logger('Readiness');

  constructor(private readonly store: ReadinessStore) {}

  async handle(): Promise<void> {
    const done = await this.store.refreshAll();
    this.logger.log(`hourly: readiness of ${done.sellers} seller(s) re-evaluated, ${done.changed} row(s) changed`);
  }
}
