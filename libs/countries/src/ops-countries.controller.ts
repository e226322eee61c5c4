import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ApiErrors, BaseQueryDto, CommonErrorCode, Ctx, Role, Roles, Translator } from '@app/kernel';
import type { ErrorDetail, RequestContext } from '@app/kernel';
import { CountryCodePipe } from './countries.controller';
import type { VersionSummary } from '@app/persistence';
import { CountryPacksAdminService, VersionResult } from './country-packs-admin.service';
import { CountryRulesService } from './country-rules.service';
import { countryError, CountryErrorCode } from './errors';
import { ValidateIdentifierDto } from './dto';
import { BUILT_IN_CHECKS } from './identifiers/checks';
import { IDENTIFIER_TYPES } from './identifiers';
import { CHECK_DIGIT_ALGORITHMS, MAX_RULE_VALUE_LENGTH } from './identifiers/rules';
import { MAX_PATTERN_LENGTH, MAX_UNBOUNDED } from './identifiers/safe-pattern';
import { identifierName } from './identifiers/names';
import { countryPackJsonSchema } from './pack/schema';
import { IdentifierValidationView } from './views';

class DiffQueryDto extends BaseQueryDto {
  @ApiProperty({ example: '1', description: 'A version number or `draft`' }) @IsString() @Matches(/^(\d{1,6}|draft)$/) from: string;
  @ApiProperty({ example: 'draft', description: 'A version number or `draft`' }) @IsString() @Matches(/^(\d{1,6}|draft)$/) to: string;
}

class ImpactQueryDto extends BaseQueryDto {
  @ApiProperty({ required: false, enum: ['true', 'false'], description: 'List the seller ids per legal form.' }) @IsOptional() @IsIn(['true', 'false']) ids?: 'true' | 'false';
}

class ImpactFormView {
  @ApiProperty({ example: 'es.sl' }) legalForm: string;
  @ApiProperty({ example: 12 }) sellers: number;
  @ApiProperty({ required: false, type: [String], description: 'With ?ids=true.' }) sellerIds?: string[];
}

class DraftImpactView {
  @ApiProperty({ example: 'ES' }) country: string;
  @ApiProperty({ nullable: true, description: 'The published version the draft is compared with.' }) against: number | null;
  @ApiProperty({ type: [String], description: 'Legal forms the draft makes stricter (a new required identifier or document, or no longer eligible).' }) tightenedLegalForms: string[];
  @ApiProperty({ description: 'Distinct sellers publishing would flag for re-verification.' }) sellers: number;
  @ApiProperty({ type: [ImpactFormView] }) byLegalForm: ImpactFormView[];
}

class VersionView implements VersionSummary {
  @ApiProperty({ nullable: true }) version: number | null;
  @ApiProperty({ enum: ['draft', 'published', 'retired'] }) state: string;
  @ApiProperty({ nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true }) publishedBy: string | null;
  @ApiProperty({ nullable: true }) publishedAt: string | null;
}

class WarningView {
  @ApiProperty({ example: 'payouts.rails[0]' }) field: string;
  @ApiProperty({ enum: ['PAYOUT_RAIL_NOT_CONFIGURED', 'NO_PAYOUT_RAIL_CONFIGURED', 'STATUS_IGNORED'] }) code: string;
  @ApiProperty({ description: "In the caller's language." }) message: string;
}

class VersionResultView extends VersionView {
  @ApiProperty({ enum: ['enabled', 'disabled'], required: false, description: 'Publication: the country’s status afterwards. Publishing never changes it; a first publication opens the country (enabled).' })
  countryStatus?: string;
  @ApiProperty({ type: [WarningView], description: 'Went through, but ops should know: payout rails this deployment cannot run, a legacy status field ignored.' })
  warnings: WarningView[];
}

class RailView {
  @ApiProperty({ enum: ['stripe_connect', 'bank_transfer'] }) rail: string;
  @ApiProperty({ description: 'Whether this deployment can run it (stripe_connect needs STRIPE_SECRET_KEY).' }) configured: boolean;
}

class CountryOverviewView {
  @ApiProperty({ example: 'NL' }) country: string;
  @ApiProperty({ enum: ['enabled', 'disabled'], nullable: true, description: 'Changed only by enable/disable, never by publishing.' }) status: string | null;
  @ApiProperty({ nullable: true }) publishedVersion: number | null;
  @ApiProperty() hasDraft: boolean;
  @ApiProperty({ example: 'Netherlands' }) name: string;
  @ApiProperty({ type: [RailView], description: 'The published pack’s payout rails and whether this deployment runs them.' }) payoutRails: RailView[];
  @ApiProperty({ type: [WarningView] }) warnings: WarningView[];
}

class DraftView {
  @ApiProperty({ example: 'NL' }) country: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The pack document; see GET /v1/ops/countries/schema' })
  document: Record<string, unknown>;
}

class PackVersionDocumentView {
  @ApiProperty({ example: 'NL' }) country: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['published', 'retired'] }) state: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) document: Record<string, unknown>;
}

class CountryStatusView {
  @ApiProperty({ example: 'NL' }) country: string;
  @ApiProperty({ enum: ['enabled', 'disabled'] }) status: string;
}

class PackChangeView {
  @ApiProperty({ example: 'legalForms[es.sl].identifiers[es.cif].required', description: '`country.status`: an enable/disable act between the two versions (not pack content; with at and by).' }) path: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) change: string;
  @ApiProperty({ required: false, description: 'The old value (absent when added)' }) from?: unknown;
  @ApiProperty({ required: false, description: 'The new value (absent when removed)' }) to?: unknown;
  @ApiProperty({ required: false, description: 'country.status only: when ops changed it' }) at?: string;
  @ApiProperty({ required: false, nullable: true, format: 'uuid', description: 'country.status only: who' }) by?: string | null;
}

class BuiltInIdentifierTypeView {
  @ApiProperty({ example: 'ru.inn' }) code: string;
  @ApiProperty({ nullable: true, example: 'RU', description: 'null for cross-country types (iban, eu.vat)' }) country: string | null;
  @ApiProperty({ example: 'ИНН' }) name: string;
  @ApiProperty({ example: '7707083893' }) example: string;
  @ApiProperty({ description: 'What the type checks.' }) checks: string;
}

class CheckDigitAlgorithmView {
  @ApiProperty({ example: 'weighted_mod11' }) algorithm: string;
  @ApiProperty() checks: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Parameter name → what it is' }) parameters: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A checkDigit value using it' }) example: unknown;
}

class IdentifierTypesView {
  @ApiProperty({ type: [BuiltInIdentifierTypeView], description: 'Types implemented in code, usable by type code in any pack of their country (eu.vat and iban in every EU/IBAN country).' })
  builtIn: BuiltInIdentifierTypeView[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The generic rule a pack instantiates in identifierTypes[].rule: normalisation, lengths/pattern, check digit, value ranges.' })
  genericRule: unknown;
  @ApiProperty({ type: [CheckDigitAlgorithmView] }) checkDigitAlgorithms: CheckDigitAlgorithmView[];
}

class PackCheckView {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) problems: { field: string; code: string; message: string }[];
}

/** Ops enable countries as data: drafts, checks, publication, enabling. Reviewers read, admins change. */
@ApiTags('ops')
@Controller({ path: 'ops/countries', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class OpsCountriesController {
  constructor(
    private readonly admin: CountryPacksAdminService,
    private readonly rules: CountryRulesService,
    private readonly translator: Translator,
  ) {}

  private render(ctx: RequestContext, problems: ErrorDetail[]) {
    return problems.map((p) => ({ field: p.field, code: p.code, message: this.translator.render(ctx.locale, p.messageKey, p.params) }));
  }

  private result(ctx: RequestContext, r: VersionResult) {
    return { ...r, warnings: this.render(ctx, r.warnings) };
  }

  @Get()
  @ApiOperation({ summary: 'Every country with a pack: status, published version, open draft, payout rails this deployment cannot run' })
  @ApiOkResponse({ type: [CountryOverviewView] })
  async overview(@Ctx() ctx: RequestContext) {
    return (await this.admin.overview()).map((c) => ({ ...c, warnings: this.render(ctx, c.warnings) }));
  }

  @Get('schema')
  @ApiOperation({ summary: 'JSON Schema of a country pack document' })
  schema() {
    return countryPackJsonSchema();
  }

  @Get('identifier-types')
  @ApiOperation({ summary: 'Every built-in identifier type with what it checks, and the generic rule types a pack can instantiate' })
  @ApiOkResponse({ type: IdentifierTypesView })
  identifierTypes(@Ctx() ctx: RequestContext): IdentifierTypesView {
    const name = (code: string) => {
      const n = identifierName(code);
      return typeof n === 'string' ? n : n.text[ctx.locale];
    };
    return {
      builtIn: [...IDENTIFIER_TYPES.values()]
        .filter((t) => Object.prototype.hasOwnProperty.call(BUILT_IN_CHECKS, t.code))
        .map((t) => ({ code: t.code, country: t.country, name: name(t.code), example: t.example, checks: BUILT_IN_CHECKS[t.code] }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      genericRule: {
        normalize: {
          strip: 'spaces, dots, dashes, slashes (any subset; all by default), after Unicode NFKC',
          upperCase: 'upper-case ASCII letters (default true)',
          prefix: 'optional fixed prefix removed when written (e.g. NL)',
        },
        lengths: 'allowed lengths of the normalised value',
        pattern: `anchored regular expression (^…$, at most ${MAX_PATTERN_LENGTH} characters, checked with the u flag); refused: backreferences, lookaround, a repeated group containing + * ? {n,m} or |, more than ${MAX_UNBOUNDED} unbounded quantifiers`,
        maxValueLength: MAX_RULE_VALUE_LENGTH,
        checkDigit: 'one of checkDigitAlgorithms',
        valueCheck: 'optional { ranges: [{ min, max }] }: the value read as a number must fall in one range',
        failures: 'INVALID_LENGTH (lengths), INVALID_FORMAT (pattern, characters), INVALID_CHECKSUM (check digit), INVALID_COMPONENT (value ranges)',
        example: { code: 'nl.rsin', rule: { lengths: [9], checkDigit: { algorithm: 'weighted_mod11', weights: [9, 8, 7, 6, 5, 4, 3, 2, -1] } } },
      },
      checkDigitAlgorithms: Object.entries(CHECK_DIGIT_ALGORITHMS).map(([algorithm, a]) => ({ algorithm, ...a })),
    };
  }

  @Get(':cc/draft')
  @ApiOperation({ summary: 'The draft pack document' })
  @ApiOkResponse({ type: DraftView })
  @ApiErrors(CountryErrorCode.DRAFT_NOT_FOUND)
  async draft(@Param('cc', CountryCodePipe) cc: string) {
    const draft = await this.admin.draft(cc);
    return { country: cc, updatedAt: draft.updatedAt.toISOString(), document: draft.document };
  }

  @Put(':cc/draft')
  @Roles(Role.OPS_ADMIN)
  @ApiOperation({ summary: 'Create or replace the draft pack (audited); must match the pack schema' })
  @ApiBody({ schema: { type: 'object', description: 'A pack document; see GET /v1/ops/countries/schema' } })
  @ApiOkResponse({ type: VersionResultView })
  @ApiErrors(CountryErrorCode.PACK_INVALID, CountryErrorCode.PACK_MISMATCH)
  async saveDraft(@Ctx() ctx: RequestContext, @Param('cc', CountryCodePipe) cc: string, @Body() body: unknown) {
    return this.result(ctx, await this.admin.saveDraft(ctx, cc, body));
  }

  @Delete(':cc/draft')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard the draft (audited)' })
  @ApiNoContentResponse()
  @ApiErrors(CountryErrorCode.DRAFT_NOT_FOUND)
  async discard(@Ctx() ctx: RequestContext, @Param('cc', CountryCodePipe) cc: string): Promise<void> {
    await this.admin.discardDraft(ctx, cc);
  }

  @Get(':cc/draft/impact')
  @ApiOperation({ summary: 'Before publishing: how many sellers per legal form the draft would flag for re-verification (ids with ?ids=true)' })
  @ApiOkResponse({ type: DraftImpactView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CountryErrorCode.DRAFT_NOT_FOUND, CountryErrorCode.PACK_INVALID)
  impact(@Param('cc', CountryCodePipe) cc: string, @Query() q: ImpactQueryDto) {
    return this.admin.impact(cc, q.ids === 'true');
  }

  @Post(':cc/draft/validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check the draft: schema, labels in every language, known identifier types, sample registrations' })
  @ApiOkResponse({ type: PackCheckView })
  @ApiErrors(CountryErrorCode.DRAFT_NOT_FOUND)
  async validate(@Ctx() ctx: RequestContext, @Param('cc', CountryCodePipe) cc: string): Promise<PackCheckView> {
    const problems = await this.admin.validateDraft(cc);
    return { valid: problems.length === 0, problems: this.render(ctx, problems) };
  }

  @Post(':cc/draft/identifiers/validate')
  @HttpCode(200)
  @ApiOperation({ summary: "Check one value against an identifier type as the DRAFT uses it (its own rules included), before publication" })
  @ApiOkResponse({ type: IdentifierValidationView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CountryErrorCode.DRAFT_NOT_FOUND, CountryErrorCode.PACK_INVALID, CountryErrorCode.IDENTIFIER_TYPE_UNKNOWN)
  async validateDraftIdentifier(@Ctx() ctx: RequestContext, @Param('cc', CountryCodePipe) cc: string, @Body() body: ValidateIdentifierDto): Promise<IdentifierValidationView> {
    const { detail, ...result } = await this.admin.validateDraftIdentifier(cc, body.type, body.value);
    return detail ? { ...result, message: this.translator.render(ctx.locale, detail.messageKey, detail.params) } : result;
  }

  @Post(':cc/draft/publish')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the draft as the version new sellers get (audited); never changes whether the country is enabled; warns about payout rails this deployment cannot run' })
  @ApiOkResponse({ type: VersionResultView })
  @ApiErrors(CountryErrorCode.DRAFT_NOT_FOUND, CountryErrorCode.PACK_INVALID)
  async publish(@Ctx() ctx: RequestContext, @Param('cc', CountryCodePipe) cc: string) {
    return this.result(ctx, await this.admin.publish(ctx, cc));
  }

  @Post(':cc/enable')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept new sellers from this country again (audited)' })
  @ApiOkResponse({ type: CountryStatusView })
  @ApiErrors(CountryErrorCode.NO_PUBLISHED_PACK)
  enable(@Ctx() ctx: RequestContext, @Param('cc', CountryCodePipe) cc: string) {
    return this.admin.setStatus(ctx, cc, 'enabled');
  }

  @Post(':cc/disable')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse new sign-ups and profiles from this country; existing sellers are untouched (audited)' })
  @ApiOkResponse({ type: CountryStatusView })
  @ApiErrors(CountryErrorCode.NO_PUBLISHED_PACK)
  disable(@Ctx() ctx: RequestContext, @Param('cc', CountryCodePipe) cc: string) {
    return this.admin.setStatus(ctx, cc, 'disabled');
  }

  @Get(':cc/versions')
  @ApiOperation({ summary: 'Every version of the pack, newest first' })
  @ApiOkResponse({ type: [VersionView] })
  @ApiErrors(CountryErrorCode.NOT_FOUND)
  versions(@Param('cc', CountryCodePipe) cc: string) {
    return this.admin.versions(cc);
  }

  @Get(':cc/versions/:version')
  @ApiOperation({ summary: 'One version of the pack document' })
  @ApiOkResponse({ type: PackVersionDocumentView })
  @ApiErrors(CountryErrorCode.VERSION_NOT_FOUND)
  async version(@Param('cc', CountryCodePipe) cc: string, @Param('version') version: string) {
    if (!/^\d{1,6}$/.test(version)) throw countryError(CountryErrorCode.VERSION_NOT_FOUND, { country: cc, version: version.slice(0, 10) });
    const row = await this.rules.getVersion(cc, Number(version));
    return { country: cc, version: row.version, state: row.state, document: row.document };
  }

  @Get(':cc/diff')
  @ApiOperation({ summary: 'What changed between two versions (or a version and the draft), and the country’s enable/disable acts in between' })
  @ApiQuery({ name: 'from', example: '1' })
  @ApiQuery({ name: 'to', example: 'draft' })
  @ApiOkResponse({ type: [PackChangeView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CountryErrorCode.VERSION_NOT_FOUND, CountryErrorCode.DRAFT_NOT_FOUND)
  diff(@Param('cc', CountryCodePipe) cc: string, @Query() q: DiffQueryDto) {
    return this.admin.diff(cc, q.from, q.to);
  }
}
