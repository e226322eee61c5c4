import { defineEvent } from '@app/jobs';

export interface MarketPublished {
  market: string;
  version: number;
}

/** A new version of an already published market (the first publication prices nothing yet). */
export const MarketPublishedEvent = defineEvent<MarketPublished>()('catalog.market_published', 'market');
