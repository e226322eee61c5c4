import { defineEvent } from '@app/jobs';

export interface MarketPublished {
  market: string;
  version: number;
}

/** A new version of an already published market (the first publication prices nothing yet). */
export const MarketPublishedEvent = defineEvent<MarketPublished>()('catalog.market_published', 'market');

export interface MarketStatusChanged {
  market: string;
  status: 'enabled' | 'disabled';
}

/** Ops enabled or disabled a market: stored readiness covers enabled markets only. */
export const MarketStatusChangedEvent = defineEvent<MarketStatusChanged>()('catalog.market_status_changed', 'market');

/** A new version of the compliance rule set replaced a published one. */
export const ComplianceRulesPublishedEvent = defineEvent<{ version: number }>()('catalog.compliance_rules_published', 'compliance_rule_set');

export interface PricesRepriced {
  /** The markets whose stored prices were re-priced. */
  markets: string[];
  /** The event that caused it: `fx.snapshot_imported` or `catalog.market_published`. */
  cause: string;
}

/**
 * The worker re-priced the stored prices of markets (`catalog.reprice`, after an FX import or a new
 * market version): stored readiness, which reads the rates and the stored prices, follows — after
 * the re-pricing, never before it. Aggregate: the cause's (an FX source, a market).
 */
export const PricesRepricedEvent = defineEvent<PricesRepriced>()('catalog.prices_repriced', 'market_prices');

export interface ProductsChanged {
  sellerId: string;
  productIds: string[];
}

/** A seller's products (or their translations) were written or deleted: their stored readiness is re-evaluated. */
export const ProductsChangedEvent = defineEvent<ProductsChanged>()('catalog.products_changed', 'seller');

export interface SellerMarketsChanged {
  sellerId: string;
  markets: string[];
  added: string[];
  removed: string[];
}

/** The seller chose other target markets (PUT /v1/sellers/me/markets). */
export const SellerMarketsChangedEvent = defineEvent<SellerMarketsChanged>()('catalog.seller_markets_changed', 'seller');

export interface ListingStatusChanged {
  sellerId: string;
  productId: string;
  variantId: string;
  sku: string;
  market: string;
  from: 'READY' | 'READY_WITH_WARNINGS' | 'BLOCKED' | null;
  to: 'READY' | 'READY_WITH_WARNINGS' | 'BLOCKED';
  /** Codes of the BLOCKER issues (neutral seller-gate codes included). */
  blockingCodes?: string[];
}

/** A variant became sellable in a market (READY or READY_WITH_WARNINGS; aggregate `<variantId>:<market>`). */
export const ListingReadyEvent = defineEvent<ListingStatusChanged>()('listing.ready', 'listing');
/** A sellable variant became BLOCKED in a market. */
export const ListingBlockedEvent = defineEvent<ListingStatusChanged>()('listing.blocked', 'listing');

export interface SellerReadyInMarket {
  sellerId: string;
  market: string;
  readyListings: number;
}

/** A chosen market got the seller's first ready listing with every seller gate green. */
export const SellerReadyInMarketEvent = defineEvent<SellerReadyInMarket>()('seller.ready_in_market', 'seller');
