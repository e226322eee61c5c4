import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { In } from 'typeorm';
import { parseContentLocale } from '@app/kernel';
import type { ContentLocale, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { ReadinessService, ReadinessView } from '../compliance/readiness.service';
import { catalogError, CatalogErrorCode } from '../errors';
import { ProductImageEntity } from '../images/product-image.entity';
import { imageUrl } from '../images/views';
import { fallbackChain } from '../markets/fallback';
import { MarketsService } from '../markets/markets.service';
import type { PublishedMarket } from '../markets/markets.service';
import { ProductTranslationEntity } from '../products/product.entity';
import { ProductsService } from '../products/products.service';
import type { OwnedProduct } from '../products/products.service';
import { MarketPriceDoc } from '../prices/dto';
import { PricesService } from '../prices/prices.service';
import { sourceFields } from '../products/source-fields';
import { Candidate, LocalisedText, resolveLegal, resolveText } from './resolve';
import { packageIn, PackageInUnits } from './units';

export class LocalisedTextView implements LocalisedText {
  @ApiProperty({ enum: ['exact', 'fallback', 'missing'], description: 'fallback: found further down the chain (see locale); missing: in no locale of the chain' })
  state: 'exact' | 'fallback' | 'missing';
  @ApiProperty({ nullable: true, type: String }) value: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'it', description: 'The content locale the text is in' }) locale: string | null;
  @ApiProperty({ nullable: true, enum: ['source', 'translation'] }) origin: 'source' | 'translation' | null;
  @ApiProperty({ nullable: true, enum: ['source', 'machine', 'translated', 'reviewed'] }) status: 'source' | 'machine' | 'translated' | 'reviewed' | null;
  @ApiProperty({ description: 'The translation was made from an older source text' }) outdated: boolean;
}

export class LegalTextView extends LocalisedTextView {
  @ApiProperty({ example: 'it', description: 'A legal locale of the market (no fallback between them)' }) requiredLocale: string;
}

export class LocalisedAttributeView {
  @ApiProperty({ example: 'material' }) key: string;
  @ApiProperty({ type: LocalisedTextView }) value: LocalisedTextView;
}

export class MeasureView {
  @ApiProperty({ example: '2.76' }) value: string;
  @ApiProperty({ enum: ['kg', 'lb', 'cm', 'in'] }) unit: 'kg' | 'lb' | 'cm' | 'in';
}

export class PackageView implements PackageInUnits {
  @ApiProperty({ enum: ['metric', 'imperial'] }) system: 'metric' | 'imperial';
  @ApiProperty({ nullable: true, type: Number, example: 1250 }) weightG: number | null;
  @ApiProperty({ nullable: true, example: { length: 300, width: 200, height: 100 } }) dimensionsMm: { length: number; width: number; height: number } | null;
  @ApiProperty({ nullable: true, type: MeasureView, description: 'Display weight (lb: 2 decimals, kg: 3)' }) weight: MeasureView | null;
  @ApiProperty({ nullable: true, type: MeasureView, description: 'Declared shipping weight, rounded UP to 0.1' }) shippingWeight: MeasureView | null;
  @ApiProperty({ nullable: true, example: { length: { value: '11.81', unit: 'in' } } }) dimensions: { length: MeasureView; width: MeasureView; height: MeasureView } | null;
}

export class ListingVariantView {
  @ApiProperty() id: string;
  @ApiProperty() sku: string;
  @ApiProperty({ type: [LocalisedAttributeView] }) attributes: LocalisedAttributeView[];
  @ApiProperty({ type: PackageView }) package: PackageView;
  @ApiProperty({
    type: MarketPriceDoc,
    description: "The market price in the market's currency (converted with the market's own FX source, VAT and price ending applied) or, when there is none, outcome blocked with issues (PRICE_FX_STALE, PRICE_FX_MISSING, PRICE_FX_RATE_UNAVAILABLE…)",
  })
  price: MarketPriceDoc;
}

export class ListingMarketView {
  @ApiProperty({ example: 'US' }) code: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: 'Stati Uniti' }) name: string;
  @ApiProperty({ enum: ['enabled', 'disabled'] }) status: string;
  @ApiProperty({ example: 'USD' }) currency: string;
}

export class ListingImageView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 1, description: '1 = the main image' }) position: number;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] }) mediaType: string;
  @ApiProperty({ description: 'Where the owner fetches the bytes' }) url: string;
  @ApiProperty({ type: LocalisedTextView, nullable: true, description: "Alt text in the listing's languages (same chain as the texts); null when the image has none in any language" })
  alt: LocalisedTextView | null;
}

export class ListingView {
  @ApiProperty() productId: string;
  @ApiProperty({ type: ListingMarketView }) market: ListingMarketView;
  @ApiProperty({ example: 'it', description: 'The content locale asked for (default: the market’s own language)' }) locale: string;
  @ApiProperty({ type: [String], example: ['it'], description: 'The locales tried, in order' }) fallbackChain: string[];
  @ApiProperty({ example: 'ru' }) sourceLocale: string;
  @ApiProperty({ type: LocalisedTextView }) title: LocalisedTextView;
  @ApiProperty({ type: LocalisedTextView, nullable: true, description: 'null when the product has no description' }) description: LocalisedTextView | null;
  @ApiProperty({ type: [LocalisedAttributeView] }) attributes: LocalisedAttributeView[];
  @ApiPropertyOptional({ type: [LegalTextView], nullable: true, description: 'Safety information in every legal locale of the market; null when the product has none' })
  safetyInformation: LegalTextView[] | null;
  @ApiProperty({ type: [ListingVariantView] }) variants: ListingVariantView[];
  @ApiProperty({ type: [ListingImageView], description: 'The product images in order' }) images: ListingImageView[];
  @ApiProperty({ type: ReadinessView, description: 'Listing readiness for this market (compliance rules and the market’s languages), per variant' }) readiness: ReadinessView;
}

/** The content part of a product's listing for one market: texts in the market's languages, package in its units. */
@Injectable()
export class ListingsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
    private readonly markets: MarketsService,
    private readonly prices: PricesService,
    private readonly readiness: ReadinessService,
  ) {}

  async content(ctx: RequestContext, productId: string, marketCode: string, rawLocale?: string): Promise<ListingView> {
    const owned = await this.products.ownedMany(ctx, [productId], this.uow.reader);
    if (!owned.length) throw catalogError(CatalogErrorCode.PRODUCT_NOT_FOUND);
    return (await this.build(ctx, owned, [marketCode], rawLocale))[0];
  }

  /**
   * Listings of many of the caller's products in many markets, read in batches: products,
   * variants, translations, stored prices and fixed prices each in one query per call, one FX
   * lookup per market × source currency, the rule set and the seller's gates once. Ids that are
   * not the caller's products are left out. Market-major order: every product for the first
   * market, then the next market.
   */
  async contents(ctx: RequestContext, productIds: readonly string[], marketCodes: readonly string[], rawLocale?: string): Promise<ListingView[]> {
    return this.build(ctx, await this.products.ownedMany(ctx, productIds, this.uow.reader), marketCodes, rawLocale);
  }

  private async build(ctx: RequestContext, owned: OwnedProduct[], marketCodes: readonly string[], rawLocale?: string): Promise<ListingView[]> {
    const markets: { market: PublishedMarket; chain: ContentLocale[] }[] = [];
    for (const code of marketCodes) {
      const market = await this.markets.published(code, this.uow.reader);
      const doc = market.document;
      let requested: ContentLocale | undefined;
      if (rawLocale !== undefined) {
        requested = parseContentLocale(rawLocale);
        if (!requested || !doc.displayLocales.includes(requested)) {
          throw catalogError(CatalogErrorCode.MARKET_LOCALE_NOT_DISPLAYED, { locale: rawLocale.slice(0, 35), market: { text: doc.name }, locales: doc.displayLocales.join(', ') });
        }
      }
      markets.push({ market, chain: fallbackChain(doc, requested) });
    }
    if (!owned.length || !markets.length) return [];
    const reader = this.uow.reader;
    const translations = await reader.find(ProductTranslationEntity, { where: { productId: In(owned.map((o) => o.product.id)) } });
    const byProduct = new Map<string, ProductTranslationEntity[]>();
    for (const t of translations) {
      const list = byProduct.get(t.productId);
      if (list) list.push(t);
      else byProduct.set(t.productId, [t]);
    }
    // per product, once for every market: source texts (hashed) and the candidates of each field
    const texts = owned.map(({ product, variants }) => {
      const rows = byProduct.get(product.id) ?? [];
      const source = new Map(sourceFields(product, variants).map((f) => [f.field, f]));
      const memo = new Map<string, Candidate[]>();
      const candidates = (field: string): Candidate[] => {
        let out = memo.get(field);
        if (out) return out;
        const src = source.get(field);
        out = !src
          ? []
          : [
              { locale: product.sourceLocale, value: src.value, origin: 'source', status: 'source', outdated: false },
              ...rows.filter((r) => r.field === field).map((r): Candidate => ({ locale: r.locale, value: r.value, origin: 'translation', status: r.status, outdated: r.sourceHash !== src.sourceHash })),
            ];
        memo.set(field, out);
        return out;
      };
      return { source, rows, candidates };
    });
    const priced = owned.flatMap(({ product, variants }) => variants.map((v) => ({ id: v.id, productId: product.id, priceMinor: v.priceMinor, currency: v.currency, floorMinor: v.floorMinor })));
    const ruleSet = await this.readiness.ruleSet(reader);
    const fxCache = this.prices.newFxCache(reader);
    const imagesOf = new Map<string, ProductImageEntity[]>();
    for (const img of await this.products.images(reader, owned.map((o) => o.product.id))) {
      const list = imagesOf.get(img.productId);
      if (list) list.push(img);
      else imagesOf.set(img.productId, [img]);
    }
    // the same package in the same units converts alike (variants of a product often share it)
    const packages = new Map<string, PackageInUnits>();
    const packageOf = (v: OwnedProduct['variants'][number], units: 'metric' | 'imperial'): PackageInUnits => {
      const key = `${units}|${v.weightG}|${v.lengthMm}|${v.widthMm}|${v.heightMm}`;
      let p = packages.get(key);
      if (!p) {
        p = packageIn(v.weightG, v.lengthMm !== null && v.widthMm !== null && v.heightMm !== null ? { length: v.lengthMm, width: v.widthMm, height: v.heightMm } : null, units);
        packages.set(key, p);
      }
      return p;
    };
    const out: ListingView[] = [];
    for (const { market, chain } of markets) {
      const doc = market.document;
      const prices = await this.prices.forListings(reader, market, priced, ctx.locale, chain[0], fxCache);
      const readiness = await this.readiness.forProducts(
        ctx,
        owned.map((o, i) => ({ product: o.product, variants: o.variants, translations: texts[i].rows })),
        market,
        ruleSet,
        fxCache,
      );
      owned.forEach(({ product, variants }, i) => {
        const { source, candidates } = texts[i];
        const text = (field: string) => resolveText(candidates(field), chain);
        out.push({
          productId: product.id,
          market: { code: market.code, version: market.version, name: doc.name[ctx.locale], status: market.status, currency: doc.currency },
          locale: chain[0],
          fallbackChain: chain,
          sourceLocale: product.sourceLocale,
          title: text('title'),
          description: source.has('description') ? text('description') : null,
          attributes: product.attributes.map((a) => ({ key: a.key, value: text(`attributes.${a.key}`) })),
          safetyInformation: source.has('safetyInformation') ? doc.legalLocales.map((l) => ({ requiredLocale: l, ...resolveLegal(candidates('safetyInformation'), l) })) : null,
          variants: variants.map((v) => ({
            id: v.id,
            sku: v.sku,
            attributes: v.attributes.map((a) => ({ key: a.key, value: text(`variants.${v.id}.${a.key}`) })),
            package: packageOf(v, doc.units),
            price: prices.get(v.id)!,
          })),
          images: (imagesOf.get(product.id) ?? []).map((img) => ({
            id: img.id,
            position: img.position,
            mediaType: img.mediaType,
            url: imageUrl(img),
            alt: Object.keys(img.alt).length
              ? resolveText(
                  Object.entries(img.alt).map(([locale, value]): Candidate => {
                    const own = locale === product.sourceLocale;
                    return { locale, value, origin: own ? 'source' : 'translation', status: own ? 'source' : 'translated', outdated: false };
                  }),
                  chain,
                )
              : null,
          })),
          readiness: readiness[i],
        });
      });
    }
    return out;
  }
}
