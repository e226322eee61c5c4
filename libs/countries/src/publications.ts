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

/** A seller a publication would send back to verification, and under which legal form. */
export interface FlaggedSeller {
  sellerId: string;
  legalForm: string;
}

/** Who a publication would flag, asked of each context BEFORE anything changes (impact, audit). */
export type ImpactEstimator = (tx: Tx, event: PackPublished) => Promise<FlaggedSeller[]>;

/**
 * Other contexts (sellers, later KYC) react to a publication inside the publishing transaction,
 * without this context depending on them.
 */
@Injectable()
export class CountryPublications {
  private readonly listeners: PackPublishedListener[] = [];
  private readonly estimators: ImpactEstimator[] = [];

  onPublished(listener: PackPublishedListener): void {
    this.listeners.push(listener);
  }

  /** A context that reacts to publications says whom a given publication would flag. */
  onImpact(estimator: ImpactEstimator): void {
    this.estimators.push(estimator);
  }

  /** Sellers (distinct, per legal form) the publication would flag for re-verification. */
  async impact(tx: Tx, event: PackPublished): Promise<Map<string, Set<string>>> {
    const byForm = new Map<string, Set<string>>(event.tightenedLegalForms.map((f) => [f, new Set<string>()]));
    if (!event.tightenedLegalForms.length) return byForm;
    for (const estimate of this.estimators) {
      for (const f of await estimate(tx, event)) byForm.get(f.legalForm)?.add(f.sellerId);
    }
    return byForm;
  }

  async notify(tx: Tx, ctx: RequestContext, event: PackPublished): Promise<void> {
    for (const listener of this.listeners) await listener(tx, ctx, event);
  }
}
