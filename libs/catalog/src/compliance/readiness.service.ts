import '../field-labels';
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CLOCK, fieldLabel, parseContentLocale, Translator } from '@app/kernel';
import type { Clock, MessageParam, RequestContext } from '@app/kernel';
import { catalogError, CatalogErrorCode } from '../errors';
import type { Candidate } from '../listings/resolve';
import { MarketsService, PublishedMarket } from '../markets/markets.service';
import { PricesService } from '../prices/prices.service';
import type { FxCache } from '../prices/prices.service';
import { PRICE_BLOCKED_REASONS } from '../prices/price-readiness';
import { checkPrices, productProblems } from '../products/checks';
import { ProductDto } from '../products/dto';
import { ProductEntity, ProductTranslationEntity, VariantEntity } from '../products/product.entity';
import { batteryOf, ProductsService } from '../products/products.service';
import { category } from '../taxonomy/taxonomy';
import { byProduct, readinessInput as inputOf } from './input';
import { ISSUE_CATEGORIES, Issue, MarketReadiness, ReadinessProduct, ReadinessReport, statusOf } from './evaluate';
import type { VariantPrices } from './evaluate';
import { UnitOfWork } from '@app/persistence';
import type { Reader } from '@app/persistence';
import { SellerMarketEntity } from '../readiness/readiness.entity';
import { ComplianceRulesService, PublishedRuleSet } from './rules-admin.service';
import { SELLER_GATES, sellerGateIssues } from './seller-gates';
import type { SellerGates } from './seller-gates';

/** A content language (BCP 47) by its name in the viewer's language; the tag itself when Intl does not know it. */
function languageName(viewer: string, tag: string): string {
  try {
    return new Intl.DisplayNames([viewer], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export class IssueView {
  @ApiProperty({ example: 'GPSR_EU_RP_MISSING', description: 'Stable code' }) code: string;
  @ApiProperty({ enum: ['BLOCKER', 'WARNING', 'INFO'] }) severity: string;
  @ApiProperty({ enum: ISSUE_CATEGORIES, description: 'PRICE: the variant’s price cannot be shown as is in the market (no rate, a stale rate, a pricing guard)' }) category: string;
  @ApiProperty({ type: [String], example: ['gpsr.euResponsiblePerson'], description: 'Product fields to fix (`price`, `floorMinor`, `fixedPrice` for a variant’s price)' }) fields: string[];
  @ApiPropertyOptional({ example: 'it', description: 'The content locale concerned' }) locale?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { manufacturerCountry: 'TR' } }) params: Record<string, string | number>;
  @ApiProperty({
    example: 'eu.gpsr.responsible-person',
    description: 'The compliance rule; or the market’s own settings: market.<code>.locales (its languages), market.<code>.fx (its FX source and maximum rate age), market.<code>.prices (its price rules and the seller’s guards)',
  })
  ruleId: string;
  @ApiProperty({ example: '1', description: 'Version of the rule (of the market for its own settings)' }) ruleVersion: string;
  @ApiPropertyOptional({ example: 'https://eur-lex.europa.eu/eli/reg/2023/988/oj', description: 'The legal source' }) sourceUrl?: string;
  @ApiProperty({ description: "In the caller's language" }) message: string;
}

export class VariantReadinessView {
  @ApiProperty({ nullable: true, type: String, description: 'null in a preview (nothing is saved)' }) variantId: string | null;
  @ApiProperty() sku: string;
  @ApiProperty({ enum: ['READY', 'READY_WITH_WARNINGS', 'BLOCKED'], description: 'Counting the product’s issues, the variant’s own and the seller’s gates' }) status: string;
  @ApiProperty({ type: [IssueView], description: 'Issues of this variant only: its price in the market (PRICE_UNAVAILABLE, PRICE_FX_STALE, PRICE_BLOCKED)' }) issues: IssueView[];
}

export class SellerGatesView {
  @ApiProperty({ enum: ['READY', 'BLOCKED'], description: 'The seller’s own gates (the market chosen aside, the same in every market)' }) status: string;
  @ApiProperty({ type: [IssueView] }) issues: IssueView[];
}

export class ReadinessView {
  @ApiProperty({ example: 'IT' }) market: string;
  @ApiProperty({ example: 1 }) marketVersion: number;
  @ApiProperty({ example: 1, description: 'Version of the compliance rule set evaluated' }) ruleSetVersion: number;
  @ApiProperty({ enum: ['READY', 'READY_WITH_WARNINGS', 'BLOCKED'], description: "BLOCKED if any BLOCKER of the product, of one of its variants or of the seller's gates; READY_WITH_WARNINGS if any WARNING" }) status: string;
  @ApiProperty({ enum: ['READY', 'READY_WITH_WARNINGS', 'BLOCKED'], description: 'The product and its variants, without the seller’s gates' }) productStatus: string;
  @ApiProperty({ type: [IssueView], description: 'Issues of the product (they apply to every variant), blockers first' }) issues: IssueView[];
  @ApiProperty({ type: [VariantReadinessView] }) variants: VariantReadinessView[];
  @ApiProperty({
    type: SellerGatesView,
    description: 'The seller’s own gates (business profile, verification, payouts, the market chosen), counted in `status`; category SELLER',
  })
  seller: SellerGatesView;
  @ApiProperty() evaluatedAt: string;
}

export class PreviewTranslationDto {
  @ApiProperty({ example: 'it' }) @IsString() @MaxLength(35) locale: string;
  @ApiProperty({ enum: ['title', 'description', 'safetyInformation'] }) @IsIn(['title', 'description', 'safetyInformation']) field: string;
  @ApiProperty({ example: 'Vestito estivo' }) @IsString() @MinLength(1) @MaxLength(10000) value: string;
  @ApiProperty({ enum: ['machine', 'translated', 'reviewed'] }) @IsIn(['machine', 'translated', 'reviewed']) status: 'machine' | 'translated' | 'reviewed';
}

export class ReadinessPreviewDto {
  @ApiProperty({ type: ProductDto, description: 'A product body as for POST /v1/sellers/me/products; nothing is saved' })
  @IsObject()
  @ValidateNested()
  @Type(() => ProductDto)
  product: ProductDto;

  @ApiProperty({ type: [String], example: ['IT', 'US', 'TR'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[A-Za-z][A-Za-z0-9_]{1,15}$/, { each: true })
  markets: string[];

  @ApiPropertyOptional({ type: [PreviewTranslationDto], description: 'Translations the product would have' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PreviewTranslationDto)
  translations?: PreviewTranslationDto[];
}

export class ReadinessPreviewView {
  @ApiProperty({ type: [ReadinessView] }) markets: ReadinessView[];
}

/** A saved product as readiness reads it. */
export interface SavedProduct {
  product: ProductEntity;
  variants: VariantEntity[];
  translations: ProductTranslationEntity[];
}

/** Pricing codes a `PRICE_BLOCKED` issue names as its `reason`, each with a message `readiness.price-blocked.<code>`. */
const BLOCKED_REASONS: ReadonlySet<string> = new Set(PRICE_BLOCKED_REASONS);

/** The text fields readiness looks at. */
const READINESS_FIELDS = ['title', 'description', 'safetyInformation'];

/** What the pure evaluator needs of a saved product: its facts and, per text field, the source text and its translations. */
export function readinessInput({ product, variants, translations }: SavedProduct): ReadinessProduct {
  return inputOf(product, variants, translations);
}

/**
 * Listing readiness per variant × market: the pure evaluator over the published compliance rule
 * set and market, with each issue's message rendered in the caller's language, the seller's gates
 * (profile, verification, payouts, market chosen) counted in the status.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly rules: ComplianceRulesService,
    private readonly markets: MarketsService,
    private readonly products: ProductsService,
    private readonly prices: PricesService,
    private readonly translator: Translator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SELLER_GATES) private readonly gates: SellerGates,
    private readonly uow: UnitOfWork,
  ) {}

  /** Readiness of a saved product (its source texts and stored translations), the seller's gates counted. */
  async forProduct(ctx: RequestContext, product: ProductEntity, variants: VariantEntity[], rows: ProductTranslationEntity[], market: PublishedMarket, ruleSet?: PublishedRuleSet): Promise<ReadinessView> {
    return (await this.forProducts(ctx, [{ product, variants, translations: rows }], market, ruleSet))[0];
  }

  /**
   * `forProduct` for many of the caller's saved products: the rule set, the market's rules and the
   * seller's gates prepared once, the variants' prices read in bulk (`fxCache`: rates already read by
   * the caller in this request).
   */
  async forProducts(ctx: RequestContext, items: readonly SavedProduct[], market: PublishedMarket, ruleSet?: PublishedRuleSet, fxCache?: FxCache): Promise<ReadinessView[]> {
    const evaluator = this.evaluator(market, ruleSet ?? (await this.rules.getPublished()));
    const gates = (await this.sellerIssues(ctx, [market.code])).get(market.code)!;
    const country = this.products.sellerOf(ctx).country;
    const found = (await this.prices.readinessFindings(this.uow.reader, items.flatMap((i) => i.variants), [market], fxCache)).get(market.code)!;
    const prices: VariantPrices = (v) => (v.id ? found.get(v.id) : undefined);
    const messages = new Map<string, string>();
    return items.map((i) => this.render(ctx, evaluator.evaluate(readinessInput(i), country, prices), gates, messages));
  }

  /**
   * Readiness of saved products of one seller in many markets, unrendered (no viewer) and without
   * the seller's gates: three reads for all the products (products, variants, translations), each
   * market's rules prepared once, the variants' prices in every market read at once
   * (`PricesService.readinessFindings`). For batch work — the benchmark, exports. Products of other
   * sellers are left out. `reports.get(market)[i]` answers `products[i]`.
   */
  async evaluateSaved(tx: Reader, seller: { id: string; country: string }, productIds: readonly string[], marketCodes: readonly string[]): Promise<{ products: ProductEntity[]; reports: Map<string, ReadinessReport[]> }> {
    const ids = [...new Set(productIds)];
    const products = ids.length ? await tx.find(ProductEntity, { where: { id: In(ids), sellerId: seller.id }, order: { id: 'ASC' } }) : [];
    const found = products.map((p) => p.id);
    const variants = found.length ? await tx.find(VariantEntity, { where: { productId: In(found) }, order: { productId: 'ASC', position: 'ASC' } }) : [];
    const translations = found.length ? await tx.find(ProductTranslationEntity, { where: { productId: In(found), field: In(READINESS_FIELDS) } }) : [];
    const vs = byProduct(variants);
    const ts = byProduct(translations);
    const ruleSet = await this.rules.published(tx);
    const markets: PublishedMarket[] = [];
    for (const code of [...new Set(marketCodes)]) markets.push(await this.markets.published(code, tx));
    const findings = await this.prices.readinessFindings(tx, variants, markets);
    const inputs = products.map((product) => readinessInput({ product, variants: vs.get(product.id) ?? [], translations: ts.get(product.id) ?? [] }));
    const reports = new Map<string, ReadinessReport[]>();
    for (const market of markets) {
      const found = findings.get(market.code)!;
      const prices: VariantPrices = (v) => (v.id ? found.get(v.id) : undefined);
      reports.set(market.code, this.evaluator(market, ruleSet).evaluateMany(inputs.map((product) => ({ product, sellerCountry: seller.country, prices }))));
    }
    return { products, reports };
  }

  /** The published rule set (to pass to `forProducts` when evaluating several markets). */
  ruleSet(db: Reader): Promise<PublishedRuleSet> {
    return this.rules.published(db);
  }

  private evaluator(market: PublishedMarket, ruleSet: PublishedRuleSet): MarketReadiness {
    return new MarketReadiness({ code: market.code, version: market.version, document: market.document }, { version: ruleSet.version, rules: ruleSet.document.rules });
  }

  /**
   * A dry run: a product body (validated like a create, prices included; nothing saved) against each
   * market asked for; its variants' prices computed as a new listing's would be (no earlier price).
   */
  async preview(ctx: RequestContext, body: ReadinessPreviewDto): Promise<ReadinessPreviewView> {
    const seller = this.products.sellerOf(ctx);
    const problems = productProblems(body.product);
    const p = body.product;
    const currency = await this.products.currencyFor(seller.country, p, this.uow.reader);
    const { prices: checked, problems: priceProblems } = checkPrices(p, currency);
    if (checked.precision.length) {
      const { currency: priced, amount, decimals } = checked.precision[0].params as { currency: string; amount: string; decimals: number };
      throw catalogError(CatalogErrorCode.PRICE_PRECISION_EXCEEDED, { currency: priced, amount, decimals }, checked.precision);
    }
    problems.push(...priceProblems);
    if (problems.length) throw catalogError(CatalogErrorCode.PRODUCT_INVALID, {}, problems);
    const sourceLocale = parseContentLocale(p.sourceLocale) ?? null;
    const locale = sourceLocale ?? this.products.defaultSourceLocale(seller.country);
    const texts = new Map<string, Candidate[]>();
    for (const field of ['title', 'description', 'safetyInformation'] as const) {
      const value = p[field];
      if (!value?.trim()) continue;
      texts.set(field, [
        { locale, value, origin: 'source', status: 'source', outdated: false },
        ...(body.translations ?? [])
          .filter((t) => t.field === field && parseContentLocale(t.locale) && parseContentLocale(t.locale) !== locale)
          .map((t): Candidate => ({ locale: parseContentLocale(t.locale)!, value: t.value, origin: 'translation', status: t.status, outdated: false })),
      ]);
    }
    const input: ReadinessProduct = {
      category: p.category,
      hsCode: p.hsCode ?? null,
      hsNational: p.hsNational ?? {},
      originCountry: p.originCountry ?? null,
      gpsr: p.gpsr ? (JSON.parse(JSON.stringify(p.gpsr)) as ReadinessProduct['gpsr']) : null,
      conformity: p.conformity?.docUrl ? { docUrl: p.conformity.docUrl } : null,
      battery: batteryOf(p.battery),
      texts,
      variants: p.variants.map((v) => ({ id: null, sku: v.sku })),
    };
    const ruleSet = await this.rules.getPublished();
    const codes = [...new Set(body.markets.map((m) => m.toUpperCase()))];
    const out: ReadinessView[] = [];
    const markets: PublishedMarket[] = [];
    for (const code of codes) markets.push(await this.markets.getPublished(code));
    const gates = await this.sellerIssues(ctx, codes);
    // keyed by SKU (unique in a valid body): a draft's variants have no id
    const priced = p.variants.map((v, i) => ({ id: v.sku, productId: 'preview', priceMinor: checked.minor[i].toString(), currency, floorMinor: v.floorMinor ?? null }));
    const fxCache = this.prices.newFxCache(this.uow.reader);
    for (const market of markets) {
      const found = await this.prices.draftFindings(market, priced, fxCache);
      out.push(this.evaluate(ctx, input, market, ruleSet, gates.get(market.code)!, (v) => found.get(v.sku)));
    }
    return { markets: out };
  }

  /** The seller's gates per market asked for (business profile, verification, payouts, market chosen). */
  async sellerIssues(ctx: RequestContext, markets: string[]): Promise<Map<string, Issue[]>> {
    const sellerId = this.products.sellerOf(ctx).id;
    const facts = await this.gates.facts(sellerId, this.uow.reader);
    const chosen = new Set((await this.uow.reader.find(SellerMarketEntity, { where: { sellerId }, select: { market: true } })).map((m) => m.market));
    return new Map(markets.map((code) => [code, sellerGateIssues(facts, { code, chosen: chosen.has(code) })]));
  }

  private evaluate(ctx: RequestContext, input: ReadinessProduct, market: PublishedMarket, ruleSet: PublishedRuleSet, gates: Issue[], prices: VariantPrices): ReadinessView {
    return this.render(ctx, this.evaluator(market, ruleSet).evaluate(input, this.products.sellerOf(ctx).country, prices), gates);
  }

  /** Messages of issues in the caller's language (a category param is named in that language too). */
  renderIssue(locale: RequestContext['locale'], i: Issue): IssueView {
    return { ...i, message: this.issueMessage(locale, i) };
  }

  /**
   * A category, a product field and a content language are named in the viewer's language (the
   * params keep the codes): "Açıklama İtalyanca dilinde gerekli", never "description … it".
   */
  private issueMessage(locale: RequestContext['locale'], i: Issue): string {
    const params: Record<string, MessageParam> = { ...i.params };
    const c = typeof i.params.category === 'string' ? category(i.params.category) : undefined;
    if (c) params.category = { text: c.label };
    const field = typeof i.params.field === 'string' ? fieldLabel(i.params.field) : undefined;
    if (field) params.field = field;
    if (typeof i.params.locale === 'string') params.locale = languageName(locale, i.params.locale);
    // why a price is blocked, in words (the params keep the pricing code)
    if (i.code === 'PRICE_BLOCKED' && typeof i.params.reason === 'string' && BLOCKED_REASONS.has(i.params.reason)) params.reason = { t: `readiness.price-blocked.${i.params.reason}` };
    return this.translator.render(locale, `readiness.issue.${i.code}`, params);
  }

  message(locale: RequestContext['locale'], key: string, params: Record<string, MessageParam> = {}): string {
    return this.translator.render(locale, key, params);
  }

  /** `messages`: rendered messages by code and params, shared by the reports of one batch. */
  private render(ctx: RequestContext, r: ReadinessReport, gates: Issue[], messages = new Map<string, string>()): ReadinessView {
    const message = (i: Issue): string => {
      const key = `${i.code}|${JSON.stringify(i.params)}`;
      let m = messages.get(key);
      if (m === undefined) messages.set(key, (m = this.issueMessage(ctx.locale, i)));
      return m;
    };
    const issue = (i: Issue): IssueView => ({ ...i, message: message(i) });
    return {
      market: r.market,
      marketVersion: r.marketVersion,
      ruleSetVersion: r.ruleSetVersion,
      status: statusOf([...r.issues, ...r.variants.flatMap((v) => v.issues), ...gates]),
      productStatus: r.status,
      issues: r.issues.map(issue),
      variants: r.variants.map((v) => ({ ...v, status: statusOf([...r.issues, ...v.issues, ...gates]), issues: v.issues.map(issue) })),
      seller: { status: gates.length ? 'BLOCKED' : 'READY', issues: gates.map(issue) },
      evaluatedAt: this.clock.now().toISOString(),
    };
  }
}
