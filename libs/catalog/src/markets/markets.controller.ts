import { Body, Controller, Delete, Get, HttpCode, Param, PipeTransform, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ApiErrors, BaseQueryDto, CommonErrorCode, Ctx, currencyExponent, Public, Role, Roles, Translator } from '@app/kernel';
import type { ErrorDetail, Locale, RequestContext } from '@app/kernel';
import { catalogError, CatalogErrorCode } from '../errors';
import { MarketsAdminService, MarketVersionSummary } from './markets-admin.service';
import { MarketsService, PublishedMarket } from './markets.service';
import { MARKET_CODE, marketJsonSchema } from './schema';

/** `:code` path parameter: a market code in any case; anything else is an unknown market. */
export class MarketCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const code = String(value ?? '').toUpperCase();
    if (!MARKET_CODE.test(code)) throw catalogError(CatalogErrorCode.MARKET_NOT_FOUND, { market: String(value).slice(0, 16) });
    return code;
  }
}

export class MarketView {
  @ApiProperty({ example: 'IT' }) code: string;
  @ApiProperty({ example: 'Italia', description: "In the caller's language" }) name: string;
  @ApiProperty({ enum: ['enabled', 'disabled'] }) status: string;
  @ApiProperty({ example: 1, description: 'The published version' }) version: number;
  @ApiProperty({ type: [String], example: ['IT'] }) countries: string[];
  @ApiProperty({ example: 'EUR', description: 'ISO 4217' }) currency: string;
  @ApiProperty({ example: 2, description: 'ISO 4217 minor-unit exponent of the currency (JPY 0)' }) currencyExponent: number;
  @ApiProperty({ type: [String], example: ['it'], description: "BCP 47; the first is the market's own language" }) displayLocales: string[];
  @ApiProperty({ type: [String], example: ['it'], description: 'Order in which content locales are tried for marketing text' }) fallbackChain: string[];
  @ApiProperty({ type: [String], example: ['it'], description: 'Legal texts must exist in each of these; no fallback' }) legalLocales: string[];
  @ApiProperty({ example: { mode: 'gross', vatRate: '0.22' } }) taxDisplay: { mode: 'gross'; vatRate: string } | { mode: 'net' };
  @ApiProperty({
    description: 'Price-ending bands per currency, integer minor units as strings',
    example: { EUR: [{ fromMinor: '0', toMinor: '10000', step: '100', ending: '99', direction: 'up' }] },
  })
  priceEndings: Record<string, unknown[]>;
  @ApiProperty({ enum: ['metric', 'imperial'] }) units: string;
  @ApiProperty({ example: { source: 'ecb', maxAgeDays: 4 } }) fx: { source: string; maxAgeDays: number; note?: string };
  @ApiPropertyOptional({ example: 'eu' }) complianceRuleSetId?: string;
}

export function marketView(m: PublishedMarket, locale: Locale): MarketView {
  const d = m.document;
  return {
    code: m.code,
    name: d.name[locale],
    status: m.status,
    version: m.version,
    countries: d.countries,
    currency: d.currency,
    currencyExponent: currencyExponent(d.currency),
    displayLocales: d.displayLocales,
    fallbackChain: d.fallbackChain,
    legalLocales: d.legalLocales,
    taxDisplay: d.taxDisplay,
    priceEndings: d.priceEndings,
    units: d.units,
    fx: d.fx,
    ...(d.complianceRuleSetId ? { complianceRuleSetId: d.complianceRuleSetId } : {}),
  };
}

class DiffQueryDto extends BaseQueryDto {
  @ApiProperty({ example: '1', description: 'A version number or `draft`' }) @IsString() @Matches(/^(\d{1,6}|draft)$/) from: string;
  @ApiProperty({ example: 'draft', description: 'A version number or `draft`' }) @IsString() @Matches(/^(\d{1,6}|draft)$/) to: string;
}

class MarketVersionView implements MarketVersionSummary {
  @ApiProperty({ nullable: true }) version: number | null;
  @ApiProperty({ enum: ['draft', 'published', 'retired'] }) state: string;
  @ApiProperty({ nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true }) publishedBy: string | null;
  @ApiProperty({ nullable: true }) publishedAt: string | null;
}

class MarketOverviewView {
  @ApiProperty({ example: 'IT' }) code: string;
  @ApiProperty({ enum: ['enabled', 'disabled'], nullable: true }) status: string | null;
  @ApiProperty({ nullable: true }) publishedVersion: number | null;
  @ApiProperty() hasDraft: boolean;
  @ApiProperty({ example: 'Italy' }) name: string;
}

class MarketDraftView {
  @ApiProperty({ example: 'IT' }) code: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The market document; see GET /v1/ops/markets/schema' })
  document: Record<string, unknown>;
}

class MarketVersionDocumentView {
  @ApiProperty({ example: 'IT' }) code: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['published', 'retired'] }) state: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) document: Record<string, unknown>;
}

class MarketStatusView {
  @ApiProperty({ example: 'IT' }) code: string;
  @ApiProperty({ enum: ['enabled', 'disabled'] }) status: string;
}

class MarketChangeView {
  @ApiProperty({ example: 'taxDisplay.vatRate' }) path: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) change: string;
  @ApiPropertyOptional({ description: 'The old value (absent when added)' }) from?: unknown;
  @ApiPropertyOptional({ description: 'The new value (absent when removed)' }) to?: unknown;
}

class MarketCheckView {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) problems: { field: string; code: string; message: string }[];
}

@ApiTags('markets')
@Controller({ path: 'markets', version: '1' })
@Public()
export class MarketsController {
  constructor(private readonly markets: MarketsService) {}

  @Get()
  @ApiOperation({ summary: "Every published market (buyer countries, currency, languages, tax display, units), named in the caller's language" })
  @ApiOkResponse({ type: [MarketView] })
  async list(@Ctx() ctx: RequestContext): Promise<MarketView[]> {
    return (await this.markets.listPublished()).map((m) => marketView(m, ctx.locale));
  }

  @Get(':code')
  @ApiOperation({ summary: "One published market, named in the caller's language" })
  @ApiParam({ name: 'code', example: 'IT' })
  @ApiOkResponse({ type: MarketView })
  @ApiErrors(CatalogErrorCode.MARKET_NOT_FOUND)
  async get(@Ctx() ctx: RequestContext, @Param('code', MarketCodePipe) code: string): Promise<MarketView> {
    return marketView(await this.markets.getPublished(code), ctx.locale);
  }
}

/** Ops publish markets as data: drafts, checks, publication, enabling. Reviewers read, admins change. */
@ApiTags('ops')
@Controller({ path: 'ops/markets', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class OpsMarketsController {
  constructor(
    private readonly admin: MarketsAdminService,
    private readonly markets: MarketsService,
    private readonly translator: Translator,
  ) {}

  private render(ctx: RequestContext, problems: ErrorDetail[]) {
    return problems.map((p) => ({ field: p.field, code: p.code, message: this.translator.render(ctx.locale, p.messageKey, p.params) }));
  }

  @Get()
  @ApiOperation({ summary: 'Every market with a version: status, published version, open draft' })
  @ApiOkResponse({ type: [MarketOverviewView] })
  overview() {
    return this.admin.overview();
  }

  @Get('schema')
  @ApiOperation({ summary: 'JSON Schema of a market document' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  schema() {
    return marketJsonSchema();
  }

  @Get(':code/draft')
  @ApiOperation({ summary: 'The draft market document' })
  @ApiOkResponse({ type: MarketDraftView })
  @ApiErrors(CatalogErrorCode.MARKET_DRAFT_NOT_FOUND)
  async draft(@Param('code', MarketCodePipe) code: string): Promise<MarketDraftView> {
    const draft = await this.admin.draft(code);
    return { code, updatedAt: draft.updatedAt.toISOString(), document: draft.document };
  }

  @Put(':code/draft')
  @Roles(Role.OPS_ADMIN)
  @ApiOperation({ summary: 'Create or replace the draft market (audited); must match the market schema' })
  @ApiBody({ schema: { type: 'object', description: 'A market document; see GET /v1/ops/markets/schema' } })
  @ApiOkResponse({ type: MarketVersionView })
  @ApiErrors(CatalogErrorCode.MARKET_INVALID, CatalogErrorCode.MARKET_MISMATCH)
  saveDraft(@Ctx() ctx: RequestContext, @Param('code', MarketCodePipe) code: string, @Body() body: unknown) {
    return this.admin.saveDraft(ctx, code, body);
  }

  @Delete(':code/draft')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard the draft (audited)' })
  @ApiNoContentResponse()
  @ApiErrors(CatalogErrorCode.MARKET_DRAFT_NOT_FOUND)
  async discard(@Ctx() ctx: RequestContext, @Param('code', MarketCodePipe) code: string): Promise<void> {
    await this.admin.discardDraft(ctx, code);
  }

  @Post(':code/draft/validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check the draft: schema, names in every language, countries, currencies, locales, fallback chain, price endings' })
  @ApiOkResponse({ type: MarketCheckView })
  @ApiErrors(CatalogErrorCode.MARKET_DRAFT_NOT_FOUND)
  async validate(@Ctx() ctx: RequestContext, @Param('code', MarketCodePipe) code: string): Promise<MarketCheckView> {
    const problems = await this.admin.validateDraft(code);
    return { valid: problems.length === 0, problems: this.render(ctx, problems) };
  }

  @Post(':code/draft/publish')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the draft as the version listings use (audited)' })
  @ApiOkResponse({ type: MarketVersionView })
  @ApiErrors(CatalogErrorCode.MARKET_DRAFT_NOT_FOUND, CatalogErrorCode.MARKET_INVALID)
  publish(@Ctx() ctx: RequestContext, @Param('code', MarketCodePipe) code: string) {
    return this.admin.publish(ctx, code);
  }

  @Post(':code/enable')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Let sellers list for this market again (audited)' })
  @ApiOkResponse({ type: MarketStatusView })
  @ApiErrors(CatalogErrorCode.MARKET_NOT_PUBLISHED)
  enable(@Ctx() ctx: RequestContext, @Param('code', MarketCodePipe) code: string) {
    return this.admin.setStatus(ctx, code, 'enabled');
  }

  @Post(':code/disable')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop listings for this market; the data is kept (audited)' })
  @ApiOkResponse({ type: MarketStatusView })
  @ApiErrors(CatalogErrorCode.MARKET_NOT_PUBLISHED)
  disable(@Ctx() ctx: RequestContext, @Param('code', MarketCodePipe) code: string) {
    return this.admin.setStatus(ctx, code, 'disabled');
  }

  @Get(':code/versions')
  @ApiOperation({ summary: 'Every version of the market, newest first' })
  @ApiOkResponse({ type: [MarketVersionView] })
  @ApiErrors(CatalogErrorCode.MARKET_NOT_FOUND)
  versions(@Param('code', MarketCodePipe) code: string) {
    return this.admin.versions(code);
  }

  @Get(':code/versions/:version')
  @ApiOperation({ summary: 'One version of the market document' })
  @ApiOkResponse({ type: MarketVersionDocumentView })
  @ApiErrors(CatalogErrorCode.MARKET_VERSION_NOT_FOUND)
  async version(@Param('code', MarketCodePipe) code: string, @Param('version') version: string): Promise<MarketVersionDocumentView> {
    if (!/^\d{1,6}$/.test(version)) throw catalogError(CatalogErrorCode.MARKET_VERSION_NOT_FOUND, { market: code, version: version.slice(0, 10) });
    const row = await this.markets.version(code, Number(version));
    return { code, version: row.version as number, state: row.state, document: row.document };
  }

  @Get(':code/diff')
  @ApiOperation({ summary: 'What changed between two versions (or a version and the draft)' })
  @ApiQuery({ name: 'from', example: '1' })
  @ApiQuery({ name: 'to', example: 'draft' })
  @ApiOkResponse({ type: [MarketChangeView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CatalogErrorCode.MARKET_VERSION_NOT_FOUND, CatalogErrorCode.MARKET_DRAFT_NOT_FOUND)
  diff(@Param('code', MarketCodePipe) code: string, @Query() q: DiffQueryDto) {
    return this.admin.diff(code, q.from, q.to);
  }
}
