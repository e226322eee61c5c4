import { z } from 'zod';
import { SUPPORTED_LOCALES } from '@app/kernel';
import type { Locale } from '@app/kernel';

/**
 * A market: the unit of localisation a seller lists for (Shopify Markets, Vendure/Saleor channels,
 * Medusa regions converge on this shape). Versioned DATA published by ops like a country pack;
 * rule TYPES (fallback resolution, price endings, unit conversion) are code. The schema is served
 * as JSON Schema at GET /v1/ops/markets/schema.
 */
export const Label = z
  .object(Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, z.string().trim().min(1).max(200)])) as Record<Locale, z.ZodString>)
  .strict();

const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals');
const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code in capitals');
/** A BCP 47 content locale; canonical form is checked by the market checks (`EN-gb` is refused there). */
const LocaleTag = z.string().min(2).max(35);
const MinorUnits = z.string().regex(/^\d{1,18}$/, 'an amount in integer minor units, as a string');
export const MARKET_CODE = /^[A-Z][A-Z0-9_]{1,15}$/;

/**
 * One price band of a price-ending ("charm pricing") policy in the market currency, applied after
 * FX: a price in [fromMinor, toMinor) moves to the next (`up`), previous (`down`) or nearest
 * multiple of `step` plus `ending`. EUR x.99 below 100: {fromMinor "0", toMinor "10000", step "100",
 * ending "99", direction "up"}.
 */
export const PriceEndingBand = z
  .object({
    fromMinor: MinorUnits,
    toMinor: MinorUnits.optional(),
    step: MinorUnits,
    ending: MinorUnits,
    direction: z.enum(['up', 'nearest', 'down']),
  })
  .strict();

export const TaxDisplay = z.discriminatedUnion('mode', [
  /** Prices shown VAT-inclusive at the destination rate (EU, UK, TR, JP, KZ): a decimal rate, "0.22". */
  z.object({ mode: z.literal('gross'), vatRate: z.string().regex(/^0(\.\d{1,4})?$/, 'a decimal rate below 1, such as 0.22') }).strict(),
  /** Prices shown before tax; tax is added at checkout (US). */
  z.object({ mode: z.literal('net') }).strict(),
]);

export const MarketDocument = z
  .object({
    code: z.string().regex(MARKET_CODE, 'upper-case letters, digits or _, such as IT or EU_WEST'),
    name: Label,
    /** Whether sellers may list for this market (ops can disable without editing the data). */
    status: z.enum(['enabled', 'disabled']),
    /** Buyer countries, ISO 3166-1 alpha-2. */
    countries: z.array(CountryCode).min(1).max(60),
    /** The currency buyers pay in, ISO 4217. */
    currency: CurrencyCode,
    /**
     * Languages listings may be shown in, in order of preference; the first is the market's own
     * language. Product content is never shown in a language this list (and its parents) lacks.
     */
    displayLocales: z.array(LocaleTag).min(1).max(10),
    /**
     * The order in which content locales are tried for marketing text: the market's own language
     * first, then only displayLocales or their parents (`it-CH` → `it`). A field found nowhere in
     * the chain is `missing`, never silently shown in the seller's language.
     */
    fallbackChain: z.array(LocaleTag).min(1).max(10),
    /** Languages legal texts (safety information, warnings) must exist in. No fallback between them. */
    legalLocales: z.array(LocaleTag).min(1).max(10),
    taxDisplay: TaxDisplay,
    /** Price endings per currency (integer minor units as strings), bands ordered by fromMinor. */
    priceEndings: z.record(CurrencyCode, z.array(PriceEndingBand).min(1).max(10)),
    units: z.enum(['metric', 'imperial']),
    fx: z
      .object({
        /** Whose reference rates convert seller prices into the market currency. */
        source: z.enum(['ecb', 'cbr', 'tcmb']),
        /** Older snapshots are stale: converted prices are frozen / not published (pricing decides). */
        maxAgeDays: z.number().int().min(1).max(30),
        /** Why this source (e.g. the ECB publishes no rate for the currency). */
        note: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    /** The compliance rule set evaluated for listings in this market (filled in by the compliance work). */
    complianceRuleSetId: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/).optional(),
    sources: z.array(z.object({ title: z.string().trim().min(1).max(300), url: z.string().url().optional() }).strict()).min(1).max(30),
  })
  .strict();

export type MarketDocument = z.infer<typeof MarketDocument>;
export type MarketInput = z.input<typeof MarketDocument>;
export type PriceEndingBand = z.infer<typeof PriceEndingBand>;

export const marketJsonSchema = () => z.toJSONSchema(MarketDocument, { io: 'input' });
