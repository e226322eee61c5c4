import { Injectable, Logger } from '@nestjs/common';
import { FxSnapshotImportedEvent } from '@app/fx';
import { JobHandler, JobProcessor, Outbox } from '@app/jobs';
import type { DeliveredOf } from '@app/jobs';
import { UnitOfWork } from '@app/persistence';
import { MarketPublishedEvent, PricesRepricedEvent } from '../events';
import { PricesService } from './prices.service';

export const CATALOG_REPRICE_JOB = 'catalog.reprice';
const REPRICE_ON = [FxSnapshotImportedEvent, MarketPublishedEvent] as const;
type RepriceTrigger = DeliveredOf<typeof REPRICE_ON>;

/**
 * Re-prices stored market prices when their inputs change outside a product write: a new FX
 * snapshot of a source (every market converting with that source) or a new market version.
 * Hysteresis and stale-FX freezing come from the stored price; idempotent (a redelivery recomputes
 * the same prices). Then `catalog.prices_repriced` goes to the outbox, so stored readiness (which
 * reads the rates and these prices) is re-evaluated after the prices, not in a race with them; a
 * retry after a failure there re-prices (nothing changes) and writes it again.
 */
@Injectable()
@JobHandler({ name: CATALOG_REPRICE_JOB, subscribeTo: REPRICE_ON, retryLimit: 5, retryDelaySeconds: 60 })
export class CatalogRepriceJob implements JobProcessor<RepriceTrigger> {
  private readonly logger = new Logger('Prices');

  constructor(
    private readonly prices: PricesService,
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
  ) {}

  async handle(event: RepriceTrigger): Promise<void> {
    const payload = event.payload as Partial<RepriceTrigger['payload'] & { source: string; market: string }>;
    const markets =
      event.type === FxSnapshotImportedEvent.type && payload?.source
        ? await this.prices.marketsUsingSource(payload.source)
        : event.type === MarketPublishedEvent.type && payload?.market
          ? [payload.market]
          : [];
    const done = await this.prices.repriceMarkets(markets);
    this.logger.log(`${event.type}: re-priced ${done.prices} price(s) of ${done.products} product(s) in ${markets.join(', ') || 'no market'}`);
    if (!markets.length) return;
    const cause = String(payload?.source ?? payload?.market ?? '').slice(0, 100);
    await this.uow.run((tx) => this.outbox.add(tx, PricesRepricedEvent, cause, { markets, cause: event.type }));
  }
}
