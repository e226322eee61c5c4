import { Injectable } from '@nestjs/common';
import { Outbox } from '@app/jobs';
import type { Tx } from '@app/persistence';

export const PRODUCTS_CHANGED_EVENT = 'catalog.products_changed';
export const SELLER_MARKETS_CHANGED_EVENT = 'catalog.seller_markets_changed';
export const COMPLIANCE_RULES_PUBLISHED_EVENT = 'catalog.compliance_rules_published';
export const MARKET_STATUS_CHANGED_EVENT = 'catalog.market_status_changed';
export const LISTING_READY_EVENT = 'listing.ready';
export const LISTING_BLOCKED_EVENT = 'listing.blocked';
export const SELLER_READY_IN_MARKET_EVENT = 'seller.ready_in_market';

/** Records that products changed, in the writer's transaction: the worker re-evaluates their stored readiness. */
@Injectable()
export class ReadinessTrigger {
  constructor(private readonly outbox: Outbox) {}

  async productsChanged(tx: Tx, sellerId: string, productIds: string[]): Promise<void> {
    if (!productIds.length) return;
    await this.outbox.add(tx, { type: PRODUCTS_CHANGED_EVENT, aggregateType: 'seller', aggregateId: sellerId, payload: { sellerId, productIds } });
  }
}
