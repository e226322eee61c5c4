import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ApiErrors, BaseQueryDto, CommonErrorCode, Ctx, Role, Roles, Translator } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { SellerErrorCode } from '@app/sellers';
import { CatalogErrorCode } from '../errors';
import { ReadinessPreviewDto, ReadinessPreviewView, ReadinessService } from './readiness.service';
import { ComplianceRulesService, RuleSetVersionSummary } from './rules-admin.service';
import { complianceJsonSchema } from './schema';

class RuleSetVersionView implements RuleSetVersionSummary {
  @ApiProperty({ nullable: true, type: Number }) version: number | null;
  @ApiProperty({ enum: ['draft', 'published', 'retired'] }) state: string;
  @ApiProperty({ example: 15, description: 'Number of rules' }) rules: number;
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) publishedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
}

class RuleSetDocumentView {
  @ApiProperty({ nullable: true, type: Number, description: 'null for the draft; 0 when nothing is published' }) version: number | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The rule set; see GET /v1/ops/compliance-rules/schema' }) document: Record<string, unknown>;
}

class PublishedRuleSetView {
  @ApiProperty({ example: 1, description: '0 when nothing is published' }) version: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) document: Record<string, unknown>;
}

class RuleCheckView {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) problems: { field: string; code: string; message: string }[];
}

class RuleChangeView {
  @ApiProperty({ example: 'rules[us.hs].national.severity' }) path: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) change: string;
  @ApiPropertyOptional() from?: unknown;
  @ApiPropertyOptional() to?: unknown;
}

class DiffQueryDto extends BaseQueryDto {
  @ApiProperty({ example: '1', description: 'A version number or `draft`' }) @IsString() @Matches(/^(\d{1,6}|draft)$/) from: string;
  @ApiProperty({ example: 'draft', description: 'A version number or `draft`' }) @IsString() @Matches(/^(\d{1,6}|draft)$/) to: string;
}

/** Ops publish the compliance rules readiness evaluates (draft → validate → publish, audited). Reviewers read, admins change. */
@ApiTags('ops')
@Controller({ path: 'ops/compliance-rules', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class OpsComplianceRulesController {
  constructor(
    private readonly rules: ComplianceRulesService,
    private readonly translator: Translator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The published compliance rule set' })
  @ApiOkResponse({ type: PublishedRuleSetView })
  async published(): Promise<PublishedRuleSetView> {
    const p = await this.rules.getPublished();
    return { version: p.version, document: p.document };
  }

  @Get('schema')
  @ApiOperation({ summary: 'JSON Schema of the compliance rule set (rule types are code; rules are data)' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  schema() {
    return complianceJsonSchema();
  }

  @Get('versions')
  @ApiOperation({ summary: 'Every version of the rule set, newest first (the draft first)' })
  @ApiOkResponse({ type: [RuleSetVersionView] })
  versions() {
    return this.rules.versions();
  }

  @Get('draft')
  @ApiOperation({ summary: 'The draft rule set' })
  @ApiOkResponse({ type: RuleSetDocumentView })
  @ApiErrors(CatalogErrorCode.COMPLIANCE_DRAFT_NOT_FOUND)
  async draft(): Promise<RuleSetDocumentView> {
    const d = await this.rules.draft();
    return { version: null, updatedAt: d.updatedAt.toISOString(), document: d.document };
  }

  @Put('draft')
  @Roles(Role.OPS_ADMIN)
  @ApiOperation({ summary: 'Create or replace the draft rule set (audited); must match the schema' })
  @ApiBody({ schema: { type: 'object', description: 'A rule set; see GET /v1/ops/compliance-rules/schema' } })
  @ApiOkResponse({ type: RuleSetVersionView })
  @ApiErrors(CatalogErrorCode.COMPLIANCE_RULES_INVALID)
  saveDraft(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.rules.saveDraft(ctx, body);
  }

  @Post('draft/validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check the draft: schema, unique ids, countries, categories, currencies, a raised version on every changed rule' })
  @ApiOkResponse({ type: RuleCheckView })
  @ApiErrors(CatalogErrorCode.COMPLIANCE_DRAFT_NOT_FOUND)
  async validate(@Ctx() ctx: RequestContext): Promise<RuleCheckView> {
    const problems = await this.rules.validateDraft();
    return { valid: problems.length === 0, problems: problems.map((p) => ({ field: p.field, code: p.code, message: this.translator.render(ctx.locale, p.messageKey, p.params) })) };
  }

  @Post('draft/publish')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the draft as the rule set readiness uses (audited)' })
  @ApiOkResponse({ type: RuleSetVersionView })
  @ApiErrors(CatalogErrorCode.COMPLIANCE_DRAFT_NOT_FOUND, CatalogErrorCode.COMPLIANCE_RULES_INVALID)
  publish(@Ctx() ctx: RequestContext) {
    return this.rules.publish(ctx);
  }

  @Get('diff')
  @ApiOperation({ summary: 'What changed between two versions (or a version and the draft); rules are matched by id' })
  @ApiQuery({ name: 'from', example: '1' })
  @ApiQuery({ name: 'to', example: 'draft' })
  @ApiOkResponse({ type: [RuleChangeView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CatalogErrorCode.COMPLIANCE_VERSION_NOT_FOUND, CatalogErrorCode.COMPLIANCE_DRAFT_NOT_FOUND)
  diff(@Query() q: DiffQueryDto) {
    return this.rules.diff(q.from, q.to);
  }
}

/** Readiness dry run for sellers: a product body that is not saved, against markets. */
@ApiTags('catalog')
@Controller({ path: 'sellers/me/products/readiness', version: '1' })
@Roles(Role.SELLER)
export class ReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Listing readiness of an unsaved product for each market asked for (nothing is saved)',
    description: "Validated like a create, prices included. Each variant's price is computed as a new listing's would be (the market's FX source and maximum rate age, the seller's floor): no rate → PRICE_UNAVAILABLE, a stale rate → PRICE_FX_STALE (BLOCKER: a new listing has no earlier price to freeze), a pricing guard → PRICE_BLOCKED.",
  })
  @ApiOkResponse({ type: ReadinessPreviewView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CatalogErrorCode.PRODUCT_INVALID, CatalogErrorCode.PRICE_PRECISION_EXCEEDED, CatalogErrorCode.MARKET_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND)
  preview(@Ctx() ctx: RequestContext, @Body() body: ReadinessPreviewDto): Promise<ReadinessPreviewView> {
    return this.readiness.preview(ctx, body);
  }
}
