import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@app/kernel';
import type { Tx } from '@app/persistence';

export interface PackPublished {
  country: string;
  version: number;
  previousVersion: number | null;
  /** Legal forms whose requirements got stricter: their sellers need re-verification. */
  tightenedLegalForms: string[];
}

export type PackPublishedListener = (tx: Tx, ctx: RequestContext, event: PackPublished) => Promise<void>;

/**
 * Other contexts (sellers, later KYC) react to a publication inside the publishing transaction,
 * without this context depending on them.
 */
@Injectable()
export class CountryPublications {
  private readonly listeners: PackPublishedListener[] = [];

  onPublished(listener: PackPublishedListener): void {
    this.listeners.push(listener);
  }

  async notify(tx: Tx, ctx: RequestContext, event: PackPublished): Promise<void> {
    for (const listener of this.listeners) await listener(tx, ctx, event);
  }
}
