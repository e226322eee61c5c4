import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@app/jobs';
import { PricesService } from './prices.service';

export const CATALOG_REPRICE_JOB = 'catalog.reprice';
export const MARKET_PUBLISHED_EVENT = 'catalog.market_published';
export const FX_SNAPSHOT_IMPORTED_EVENT = 'fx.snapshot_imported';

interface DomainEventEnvelope {
  id: string;
  type: string;
  payload: { source?: string; market?: string };
}

/**
 * Re-prices stored market prices when their inputs change outside a product write: a new FX
 * snapshot of a source (every market converting with that source) or a new market version.
 * Hysteresis and stale-FX freezing come from the stored price; idempotent (a redelivery recomputes
 * the same prices).
 */
@Injectable()
@JobHandler({ name: CATALOG_REPRICE_JOB, subscribeTo: [FX_SNAPSHOT_IMPORTED_EVENT, MARKET_PUBLISHED_EVENT], retryLimit: 5, retryDelaySeconds: 60 })
export class CatalogRepriceJob implements JobProcessor<DomainEventEnvelope> {
  private readonly logger = new Logger('Prices');

  constructor(private readonly prices: PricesService) {}

  async handle(event: DomainEventEnvelope): Promise<void> {
    const markets =
      event.type === FX_SNAPSHOT_IMPORTED_EVENT && event.payload?.source
        ? await this.prices.marketsUsingSource(event.payload.source)
        : event.type === MARKET_PUBLISHED_EVENT && event.payload?.market
          ? [event.payload.market]
          : [];
    const done = await this.prices.repriceMarkets(markets);
    this.logger.log(`${event.type}: re-priced ${done.prices} price(s) of ${done.products} product(s) in ${markets.join(', ') || 'no market'}`);
  }
}
