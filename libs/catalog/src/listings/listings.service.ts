import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { parseContentLocale } from '@app/kernel';
import type { ContentLocale, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { ReadinessService, ReadinessView } from '../compliance/readiness.service';
import { catalogError, CatalogErrorCode } from '../errors';
import { fallbackChain } from '../markets/fallback';
import { MarketsService } from '../markets/markets.service';
import { ProductTranslationEntity } from '../products/product.entity';
import { ProductsService } from '../products/products.service';
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
    const { product, variants } = await this.products.owned(ctx, productId, this.uow.reader);
    const market = await this.markets.published(marketCode, this.uow.reader);
    const doc = market.document;
    let requested: ContentLocale | undefined;
    if (rawLocale !== undefined) {
      requested = parseContentLocale(rawLocale);
      if (!requested || !doc.displayLocales.includes(requested)) {
        throw catalogError(CatalogErrorCode.MARKET_LOCALE_NOT_DISPLAYED, { locale: rawLocale.slice(0, 35), market: { text: doc.name }, locales: doc.displayLocales.join(', ') });
      }
    }
    const chain = fallbackChain(doc, requested);
    const source = new Map(sourceFields(product, variants).map((f) => [f.field, f]));
    const rows = await this.uow.reader.find(ProductTranslationEntity, { where: { productId: product.id } });
    const candidates = (field: string): Candidate[] => {
      const src = source.get(field);
      if (!src) return [];
      return [
        { locale: product.sourceLocale, value: src.value, origin: 'source', status: 'source', outdated: false },
        ...rows
          .filter((r) => r.field === field)
          .map((r): Candidate => ({ locale: r.locale, value: r.value, origin: 'translation', status: r.status, outdated: r.sourceHash !== src.sourceHash })),
      ];
    };
    const text = (field: string) => resolveText(candidates(field), chain);
    const prices = await this.prices.forListing(this.uow.reader, market, product.id, variants, ctx.locale, chain[0]);
    return {
      productId: product.id,
      market: { code: market.code, version: market.version, name: doc.name[ctx.locale], status: market.status, currency: doc.currency },
      locale: chain[0],
      fallbackChain: chain,
      sourceLocale: product.sourceLocale,
      title: text('title'),
      description: source.has('description') ? text('description') : null,
      attributes: product.attributes.map((a) => ({ key: a.key, value: text(`attributes.${a.key}`) })),
      safetyInformation: source.has('safetyInformation')
        ? doc.legalLocales.map((l) => ({ requiredLocale: l, ...resolveLegal(candidates('safetyInformation'), l) }))
        : null,
      variants: variants.map((v) => ({
        id: v.id,
        sku: v.sku,
        attributes: v.attributes.map((a) => ({ key: a.key, value: text(`variants.${v.id}.${a.key}`) })),
        package: packageIn(
          v.weightG,
          v.lengthMm !== null && v.widthMm !== null && v.heightMm !== null ? { length: v.lengthMm, width: v.widthMm, height: v.heightMm } : null,
          doc.units,
        ),
        price: prices.get(v.id)!,
      })),
      readiness: await this.readiness.forProduct(ctx, product, variants, rows, market),
    };
  }
}
