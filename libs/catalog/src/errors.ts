import { ErrorCatalogue, errorFactory, registerErrorCatalogue } from '@app/kernel';

/** Codes named in the product issue keep their exact spelling (PRICE_PRECISION_EXCEEDED, TRANSLATION_SOURCE_CHANGED). */
export enum CatalogErrorCode {
  MARKET_NOT_FOUND = 'MARKET_NOT_FOUND',
  MARKET_INVALID = 'MARKET_INVALID',
  MARKET_MISMATCH = 'MARKET_MISMATCH',
  MARKET_DRAFT_NOT_FOUND = 'MARKET_DRAFT_NOT_FOUND',
  MARKET_VERSION_NOT_FOUND = 'MARKET_VERSION_NOT_FOUND',
  MARKET_NOT_PUBLISHED = 'MARKET_NOT_PUBLISHED',
  MARKET_LOCALE_NOT_DISPLAYED = 'MARKET_LOCALE_NOT_DISPLAYED',
  PRODUCT_NOT_FOUND = 'CATALOG_PRODUCT_NOT_FOUND',
  PRODUCT_INVALID = 'CATALOG_PRODUCT_INVALID',
  SKU_TAKEN = 'CATALOG_SKU_TAKEN',
  PRICE_PRECISION_EXCEEDED = 'PRICE_PRECISION_EXCEEDED',
  BRAND_NOT_DECLARED = 'CATALOG_BRAND_NOT_DECLARED',
  STATUS_TRANSITION = 'CATALOG_STATUS_TRANSITION',
  TRANSLATION_INVALID = 'CATALOG_TRANSLATION_INVALID',
  TRANSLATION_SOURCE_CHANGED = 'TRANSLATION_SOURCE_CHANGED',
  CURRENCY_NOT_ENABLED_FOR_MARKET = 'CURRENCY_NOT_ENABLED_FOR_MARKET',
  PRICE_OVERRIDE_INVALID = 'CATALOG_PRICE_OVERRIDE_INVALID',
  COMPLIANCE_RULES_INVALID = 'COMPLIANCE_RULES_INVALID',
  COMPLIANCE_DRAFT_NOT_FOUND = 'COMPLIANCE_DRAFT_NOT_FOUND',
  COMPLIANCE_VERSION_NOT_FOUND = 'COMPLIANCE_VERSION_NOT_FOUND',
  MARKET_NOT_AVAILABLE = 'CATALOG_MARKET_NOT_AVAILABLE',
}

export const CATALOG_ERRORS: ErrorCatalogue<CatalogErrorCode> = registerErrorCatalogue({
  [CatalogErrorCode.MARKET_NOT_FOUND]: { status: 404, description: 'No market with this code has been published.' },
  [CatalogErrorCode.MARKET_INVALID]: { status: 422, description: 'A draft market fails the schema or its checks; details[] lists every problem.' },
  [CatalogErrorCode.MARKET_MISMATCH]: { status: 422, description: 'The market body names a different code than the URL.' },
  [CatalogErrorCode.MARKET_DRAFT_NOT_FOUND]: { status: 404, description: 'The market has no draft.' },
  [CatalogErrorCode.MARKET_VERSION_NOT_FOUND]: { status: 404, description: 'No such version of the market.' },
  [CatalogErrorCode.MARKET_NOT_PUBLISHED]: { status: 422, description: 'Enable/disable needs a published market.' },
  [CatalogErrorCode.MARKET_LOCALE_NOT_DISPLAYED]: { status: 422, description: 'The requested content locale is not one the market shows listings in.' },
  [CatalogErrorCode.PRODUCT_NOT_FOUND]: { status: 404, description: "No such product among the caller's own (other sellers' products are not revealed)." },
  [CatalogErrorCode.PRODUCT_INVALID]: { status: 422, description: 'The product breaks a catalog rule (HS code, category, country, currency, locale…); details[] lists every field.' },
  [CatalogErrorCode.SKU_TAKEN]: { status: 409, description: 'The seller already has a variant with this SKU (SKUs are compared byte for byte, case-sensitively).' },
  [CatalogErrorCode.PRICE_PRECISION_EXCEEDED]: { status: 422, description: 'A price has more decimals than its currency allows (ISO 4217 exponent: JPY 0, EUR 2, KWD 3).' },
  [CatalogErrorCode.BRAND_NOT_DECLARED]: { status: 422, description: "The brand is not among the brands declared in the seller's business profile (PUT /v1/sellers/me/business)." },
  [CatalogErrorCode.STATUS_TRANSITION]: { status: 422, description: 'The product cannot move from its status to the requested one.' },
  [CatalogErrorCode.TRANSLATION_INVALID]: { status: 422, description: 'The translation names an unknown field, an empty value or the source language; details[] lists every field.' },
  [CatalogErrorCode.COMPLIANCE_RULES_INVALID]: { status: 422, description: 'A draft compliance rule set fails the schema or its checks; details[] lists every problem.' },
  [CatalogErrorCode.COMPLIANCE_DRAFT_NOT_FOUND]: { status: 404, description: 'There is no draft compliance rule set.' },
  [CatalogErrorCode.COMPLIANCE_VERSION_NOT_FOUND]: { status: 404, description: 'No such version of the compliance rule set.' },
  [CatalogErrorCode.MARKET_NOT_AVAILABLE]: { status: 422, description: 'A market the seller chose is not published or not enabled; details[] names every one.' },
  [CatalogErrorCode.TRANSLATION_SOURCE_CHANGED]: { status: 409, description: 'The source text changed after the translation was started (its sourceHash is not the current one): re-read and translate again.' },
  [CatalogErrorCode.CURRENCY_NOT_ENABLED_FOR_MARKET]: { status: 422, description: "A fixed market price is in another currency than the market's (research §6.3 scenario 38): fixed prices are in the currency buyers pay." },
  [CatalogErrorCode.PRICE_OVERRIDE_INVALID]: { status: 422, description: 'A fixed-price body names an unknown SKU, gives both or neither of amount/amountMinor, or an amount that is not positive; details[] lists every variant.' },
});

export const catalogError = errorFactory(CATALOG_ERRORS);
