import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CLOCK, parseContentLocale, Translator } from '@app/kernel';
import type { Clock, MessageParam, RequestContext } from '@app/kernel';
import { catalogError, CatalogErrorCode } from '../errors';
import type { Candidate } from '../listings/resolve';
import { MarketsService, PublishedMarket } from '../markets/markets.service';
import { productProblems } from '../products/checks';
import { ProductDto } from '../products/dto';
import type { ProductEntity, ProductTranslationEntity, VariantEntity } from '../products/product.entity';
import { ProductsService } from '../products/products.service';
import { sourceFields } from '../products/source-fields';
import { category } from '../taxonomy/taxonomy';
import { evaluateReadiness, Issue, ReadinessProduct, ReadinessReport } from './evaluate';
import { ComplianceRulesService, PublishedRuleSet } from './rules-admin.service';
import { SELLER_GATES, sellerGateIssues } from './seller-gates';
import type { SellerGates } from './seller-gates';

export class IssueView {
  @ApiProperty({ example: 'GPSR_EU_RP_MISSING', description: 'Stable code' }) code: string;
  @ApiProperty({ enum: ['BLOCKER', 'WARNING', 'INFO'] }) severity: string;
  @ApiProperty({ enum: ['CONTENT', 'TRANSLATION', 'COMPLIANCE', 'LOGISTICS', 'TAX'] }) category: string;
  @ApiProperty({ type: [String], example: ['gpsr.euResponsiblePerson'], description: 'Product fields to fix' }) fields: string[];
  @ApiPropertyOptional({ example: 'it', description: 'The content locale concerned' }) locale?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { manufacturerCountry: 'TR' } }) params: Record<string, string | number>;
  @ApiProperty({ example: 'eu.gpsr.responsible-person', description: 'The compliance rule (or market.<code>.locales for the market’s languages)' }) ruleId: string;
  @ApiProperty({ example: '1', description: 'Version of the rule (of the market for language rules)' }) ruleVersion: string;
  @ApiPropertyOptional({ example: 'https://eur-lex.europa.eu/eli/reg/2023/988/oj', description: 'The legal source' }) sourceUrl?: string;
  @ApiProperty({ description: "In the caller's language" }) message: string;
}

export class VariantReadinessView {
  @ApiProperty({ nullable: true, type: String, description: 'null in a preview (nothing is saved)' }) variantId: string | null;
  @ApiProperty() sku: string;
  @ApiProperty({ enum: ['READY', 'READY_WITH_WARNINGS', 'BLOCKED'], description: 'Counting the product’s issues and the variant’s own' }) status: string;
  @ApiProperty({ type: [IssueView], description: 'Issues of this variant only' }) issues: IssueView[];
}

export class SellerGatesView {
  @ApiProperty({ enum: ['READY', 'BLOCKED'], description: 'The seller’s own gates, the same in every market' }) status: string;
  @ApiProperty({ type: [IssueView] }) issues: IssueView[];
}

export class ReadinessView {
  @ApiProperty({ example: 'IT' }) market: string;
  @ApiProperty({ example: 1 }) marketVersion: number;
  @ApiProperty({ example: 1, description: 'Version of the compliance rule set evaluated' }) ruleSetVersion: number;
  @ApiProperty({ enum: ['READY', 'READY_WITH_WARNINGS', 'BLOCKED'], description: 'BLOCKED if any BLOCKER; READY_WITH_WARNINGS if any WARNING' }) status: string;
  @ApiProperty({ type: [IssueView], description: 'Issues of the product (they apply to every variant), blockers first' }) issues: IssueView[];
  @ApiProperty({ type: [VariantReadinessView] }) variants: VariantReadinessView[];
  @ApiProperty({
    type: SellerGatesView,
    description: 'Seller-level gates known to the sellers context (business profile, suspension); not counted in `status` yet — KYC approval, payouts and market opt-in are still to come',
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

/**
 * Listing readiness per variant × market: the pure evaluator over the published compliance rule
 * set and market, with each issue's message rendered in the caller's language.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly rules: ComplianceRulesService,
    private readonly markets: MarketsService,
    private readonly products: ProductsService,
    private readonly translator: Translator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SELLER_GATES) private readonly gates: SellerGates,
  ) {}

  /** Readiness of a saved product (its source texts and stored translations). */
  async forProduct(ctx: RequestContext, product: ProductEntity, variants: VariantEntity[], rows: ProductTranslationEntity[], market: PublishedMarket, ruleSet?: PublishedRuleSet): Promise<ReadinessView> {
    const texts = new Map<string, Candidate[]>();
    for (const src of sourceFields(product, variants)) {
      if (!['title', 'description', 'safetyInformation'].includes(src.field)) continue;
      texts.set(src.field, [
        { locale: product.sourceLocale, value: src.value, origin: 'source', status: 'source', outdated: false },
        ...rows.filter((r) => r.field === src.field).map((r): Candidate => ({ locale: r.locale, value: r.value, origin: 'translation', status: r.status, outdated: r.sourceHash !== src.sourceHash })),
      ]);
    }
    const input: ReadinessProduct = {
      category: product.category,
      hsCode: product.hsCode,
      hsNational: product.hsNational,
      originCountry: product.originCountry,
      gpsr: product.gpsr,
      conformity: product.conformity,
      texts,
      variants: variants.map((v) => ({ id: v.id, sku: v.sku })),
    };
    return this.evaluate(ctx, input, market, ruleSet ?? (await this.rules.getPublished()), await this.sellerIssues(ctx));
  }

  /** A dry run: a product body (validated like a create, nothing saved) against each market asked for. */
  async preview(ctx: RequestContext, body: ReadinessPreviewDto): Promise<ReadinessPreviewView> {
    const seller = this.products.sellerOf(ctx);
    const problems = productProblems(body.product);
    if (problems.length) throw catalogError(CatalogErrorCode.PRODUCT_INVALID, {}, problems);
    const p = body.product;
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
      texts,
      variants: p.variants.map((v) => ({ id: null, sku: v.sku })),
    };
    const ruleSet = await this.rules.getPublished();
    const codes = [...new Set(body.markets.map((m) => m.toUpperCase()))];
    const gates = await this.sellerIssues(ctx);
    const out: ReadinessView[] = [];
    for (const code of codes) out.push(this.evaluate(ctx, input, await this.markets.getPublished(code), ruleSet, gates));
    return { markets: out };
  }

  private async sellerIssues(ctx: RequestContext): Promise<Issue[]> {
    return sellerGateIssues(await this.gates.facts(this.products.sellerOf(ctx).id));
  }

  private evaluate(ctx: RequestContext, input: ReadinessProduct, market: PublishedMarket, ruleSet: PublishedRuleSet, gates: Issue[]): ReadinessView {
    const seller = this.products.sellerOf(ctx);
    const report = evaluateReadiness(input, seller.country, { code: market.code, version: market.version, document: market.document }, { version: ruleSet.version, rules: ruleSet.document.rules });
    return this.render(ctx, report, gates);
  }

  private render(ctx: RequestContext, r: ReadinessReport, gates: Issue[]): ReadinessView {
    // a category is named in the caller's language in the message; params keep the code
    const named = (params: Issue['params']): Record<string, MessageParam> => {
      const c = typeof params.category === 'string' ? category(params.category) : undefined;
      return c ? { ...params, category: { text: c.label } } : params;
    };
    const issue = (i: Issue): IssueView => ({ ...i, message: this.translator.render(ctx.locale, `readiness.issue.${i.code}`, named(i.params)) });
    return {
      market: r.market,
      marketVersion: r.marketVersion,
      ruleSetVersion: r.ruleSetVersion,
      status: r.status,
      issues: r.issues.map(issue),
      variants: r.variants.map((v) => ({ ...v, issues: v.issues.map(issue) })),
      seller: { status: gates.length ? 'BLOCKED' : 'READY', issues: gates.map(issue) },
      evaluatedAt: this.clock.now().toISOString(),
    };
  }
}

