import { Injectable } from '@nestjs/common';
import { Outbox } from '@app/jobs';
import type { Tx } from '@app/persistence';
import { ProductsChangedEvent } from '../events';

/** Records that products changed, in the writer's transaction: the worker re-evaluates their stored readiness. */
@Injectable()
export class ReadinessTrigger {
  constructor(private readonly outbox: Outbox) {}

  async productsChanged(tx: Tx, sellerId: string, productIds: string[]): Promise<void> {
    if (!productIds.length) return;
    await this.outbox.add(tx, ProductsChangedEvent, sellerId, { sellerId, productIds });
  }
}
