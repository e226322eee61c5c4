import { contentLocaleParents } from '@app/kernel';
import type { ContentLocale } from '@app/kernel';
import type { MarketDocument } from './schema';

/**
 * The content locales tried, in order, for a market's marketing text. Without a requested locale:
 * the market's own chain. With one (which must be a display locale of the market): the requested
 * tag, its parents (`it-CH` → `it`), then the market chain — and never a language outside what the
 * market shows: a buyer in Italy is not shown Russian because the seller wrote in Russian.
 */
export function fallbackChain(market: MarketDocument, requested?: ContentLocale): ContentLocale[] {
  const allowed = new Set(market.displayLocales.flatMap((l) => contentLocaleParents(l as ContentLocale)));
  const chain = [...(requested ? contentLocaleParents(requested) : []), ...(market.fallbackChain as ContentLocale[])];
  return [...new Set(chain)].filter((l) => allowed.has(l));
}
