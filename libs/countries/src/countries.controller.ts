import { Body, Controller, Get, HttpCode, Inject, Param, PipeTransform, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors, APP_CONFIG, CommonErrorCode, Ctx, Public, Translator } from '@app/kernel';
import type { AppConfig, RequestContext } from '@app/kernel';
import { CountryRulesService } from './country-rules.service';
import { BRAND_MAX_LENGTH, BRANDS_MAX } from './pack/declarations';
import { TRADING_NAME_MAX_LENGTH } from './pack/registration';
import { ValidateIdentifierDto } from './dto';
import { countryError, CountryErrorCode } from './errors';
import { CountrySpecView, CountrySummaryView, IdentifierValidationView, RegistrationValidationView, renderSpec } from './views';

/** `:cc` path parameter: ISO 3166-1 alpha-2, any case; anything else is an unknown country. */
export class CountryCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const code = String(value ?? '').toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) throw countryError(CountryErrorCode.NOT_FOUND, { country: String(value).slice(0, 10) });
    return code;
  }
}

export const REGISTRATION_BODY = {
  type: 'object',
  required: ['legalForm', 'legalName', 'identifiers', 'registeredAddress', 'phone', 'representative'],
  properties: {
    legalForm: { type: 'string', example: 'es.sl' },
    legalName: { type: 'string', example: 'Cerámicas Triana S.L.' },
    tradingName: { type: 'string', minLength: 2, maxLength: TRADING_NAME_MAX_LENGTH, example: 'Triana Cerámica', description: 'The name the business trades under, when it differs from the registered name (optional).' },
    identifiers: { type: 'object', additionalProperties: { type: 'string' }, example: { 'es.cif': 'B79110482' } },
    registeredAddress: {
      type: 'object',
      example: { line1: 'Calle de Alcalá 45', city: 'Madrid', region: 'Madrid', postalCode: '28014', country: 'ES' },
    },
    phone: { type: 'string', example: '+34 612 34 56 78' },
    website: { type: 'string', example: 'https://ceramicas-triana.es' },
    shipFrom: { type: 'object', description: 'Defaults to the registered address.' },
    representative: { type: 'object', example: { firstName: 'Lucía', lastName: 'Fernández García' } },
    brands: {
      type: 'array',
      maxItems: BRANDS_MAX,
      items: { type: 'string', minLength: 1, maxLength: BRAND_MAX_LENGTH },
      example: ['Cerámicas Triana'],
      description: 'Brand names the seller sells under; a non-empty list asks for the documents of condition brand_declared (a trademark certificate).',
    },
    vatRegistered: {
      type: 'boolean',
      description:
        'VAT registration, only for legal forms without a VAT number (GET /v1/countries/{cc}: legalForms[].vatRegistration.by = vatRegistered); elsewhere giving the VAT number is the declaration. Asks for the documents of condition vat_registered.',
    },
  },
};

@ApiTags('countries')
@Controller({ path: 'countries', version: '1' })
@Public()
export class CountriesController {
  constructor(
    private readonly rules: CountryRulesService,
    private readonly translator: Translator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every country with published rules, and whether it accepts sellers' })
  @ApiOkResponse({ type: [CountrySummaryView] })
  async list(@Ctx() ctx: RequestContext): Promise<CountrySummaryView[]> {
    return (await this.rules.list()).map((p) => ({
      country: p.country.code,
      name: p.document.name[ctx.locale],
      status: p.country.status,
      packVersion: p.version,
    }));
  }

  @Get(':cc')
  @ApiOperation({ summary: "A country's published registration rules, labelled in the caller's language" })
  @ApiParam({ name: 'cc', example: 'ES' })
  @ApiOkResponse({ type: CountrySpecView })
  @ApiErrors(CountryErrorCode.NOT_FOUND)
  async spec(@Ctx() ctx: RequestContext, @Param('cc', CountryCodePipe) cc: string): Promise<CountrySpecView> {
    const pack = await this.rules.getPublished(cc);
    return renderSpec(pack.document, pack.version, pack.country.status, ctx.locale, { documentMaxBytes: this.config.documents.maxBytes });
  }

  @Post(':cc/identifiers/validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check one tax, registry or bank identifier (format and check digits)' })
  @ApiParam({ name: 'cc', example: 'RU' })
  @ApiOkResponse({ type: IdentifierValidationView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CountryErrorCode.NOT_FOUND, CountryErrorCode.IDENTIFIER_TYPE_UNKNOWN)
  async validateIdentifier(
    @Ctx() ctx: RequestContext,
    @Param('cc', CountryCodePipe) cc: string,
    @Body() body: ValidateIdentifierDto,
  ): Promise<IdentifierValidationView> {
    const { detail, ...result } = await this.rules.validateIdentifier(cc, body.type, body.value);
    return detail ? { ...result, message: this.translator.render(ctx.locale, detail.messageKey, detail.params) } : result;
  }

  @Post(':cc/registrations/validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry run: check a whole business profile and get every field error at once' })
  @ApiParam({ name: 'cc', example: 'ES' })
  @ApiBody({ schema: REGISTRATION_BODY })
  @ApiOkResponse({ type: RegistrationValidationView })
  @ApiErrors(CountryErrorCode.NOT_FOUND)
  async validateRegistration(
    @Ctx() ctx: RequestContext,
    @Param('cc', CountryCodePipe) cc: string,
    @Body() body: unknown,
  ): Promise<RegistrationValidationView> {
    const { version, check } = await this.rules.checkRegistration(cc, body);
    return {
      valid: check.problems.length === 0,
      packVersion: version,
      errors: check.problems.map((p) => ({ field: p.field, code: p.code, message: this.translator.render(ctx.locale, p.messageKey, p.params) })),
    };
  }
}
