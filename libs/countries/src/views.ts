import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Locale } from '@app/kernel';
import { BRAND_MAX_LENGTH, BRANDS_MAX, vatIdentifierTypes } from './pack/declarations';
import { identifierExample } from './pack/examples';
import type { CountryPackDocument, Label } from './pack/schema';

const l = (label: Label, locale: Locale) => label[locale] ?? label.en;

export class CountrySummaryView {
  @ApiProperty({ example: 'ES' }) country: string;
  @ApiProperty({ example: 'España' }) name: string;
  @ApiProperty({ enum: ['enabled', 'disabled'] }) status: string;
  @ApiProperty({ example: 1 }) packVersion: number;
}

export class CountrySpecView extends CountrySummaryView {
  @ApiProperty({ type: [String], example: ['es'], description: 'Languages sellers of this country are served in; the first is the default language of a seller who signs up without naming one.' }) sellerLocales: string[];
  @ApiProperty({ example: { default: 'EUR', payout: ['EUR'] } }) currencies: { default: string; payout: string[] };
  @ApiProperty({ description: 'Legal forms with eligibility, identifiers and documents, labelled in the caller language.', type: 'array', items: { type: 'object' } })
  legalForms: unknown[];
  @ApiProperty({
    description:
      'Optional declarations of the registration body that decide conditional documents: `brands` (condition brand_declared) and `vatRegistered` (condition vat_registered, only for the legal forms listed; the others show VAT registration by their VAT number, see legalForms[].vatRegistration).',
    type: 'object',
    additionalProperties: true,
  })
  declarations: unknown;
  @ApiPropertyOptional({
    description: "How a citizen of this country's ID document number is checked when declared as a KYC person (absent: any number).",
    example: { types: ['tr.tckn'], label: 'T.C. Kimlik No (11 haneli)' },
  })
  personIdNumber?: { types: string[]; label: string };
  @ApiProperty({ type: 'object', additionalProperties: true }) address: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) phone: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) bank: unknown;
  @ApiProperty({ description: 'Payout rails in order of preference, or why there is none.', type: 'object', additionalProperties: true }) payouts: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) obligations: CountryPackDocument['obligations'];
  @ApiProperty({ type: 'object', additionalProperties: true }) risk: CountryPackDocument['risk'];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) sources: CountryPackDocument['sources'];
}

/** The published pack in the caller's language, shaped so a front end can render the whole registration form. */
export function renderSpec(pack: CountryPackDocument, version: number, status: string, locale: Locale): CountrySpecView {
  const docs = new Map(pack.documentTypes.map((d) => [d.code, d]));
  const flagForms = pack.legalForms.filter((f) => !vatIdentifierTypes(f).length).map((f) => f.code);
  return {
    country: pack.country,
    name: l(pack.name, locale),
    status,
    packVersion: version,
    sellerLocales: pack.sellerLocales,
    currencies: pack.currencies,
    legalForms: pack.legalForms.map((f) => ({
      code: f.code,
      localName: f.localName,
      ...(f.abbreviation ? { abbreviation: f.abbreviation } : {}),
      label: l(f.label, locale),
      sellerType: f.sellerType,
      eligible: f.eligibility.allowed,
      ...(f.eligibility.allowed ? {} : { ineligibility: { reason: f.eligibility.reason, message: l(f.eligibility.explanation, locale) } }),
      identifiers: f.identifiers.map((i) => ({
        type: i.type,
        label: l(i.label, locale),
        required: i.required,
        purpose: i.purpose,
        ...(i.prefix ? { prefix: i.prefix } : {}),
        example: identifierExample(i, pack),
      })),
      // how a seller of this form shows VAT registration (documents of condition vat_registered)
      vatRegistration: vatIdentifierTypes(f).length ? { by: 'identifier', types: vatIdentifierTypes(f) } : { by: 'vatRegistered' },
      documents: f.documents.map((d) => {
        const type = docs.get(d.type);
        return {
          type: d.type,
          label: type ? l(type.label, locale) : d.type,
          required: d.required,
          condition: d.condition,
          ...(type?.maxAgeDays ? { maxAgeDays: type.maxAgeDays } : {}),
        };
      }),
    })),
    declarations: {
      fields: [
        { name: 'brands', type: 'array', items: 'string', required: false, maxItems: BRANDS_MAX, maxLength: BRAND_MAX_LENGTH, condition: 'brand_declared' },
        { name: 'vatRegistered', type: 'boolean', required: false, condition: 'vat_registered', legalForms: flagForms },
      ],
    },
    ...(pack.personIdNumber ? { personIdNumber: { types: pack.personIdNumber.types, label: l(pack.personIdNumber.label, locale) } } : {}),
    address: {
      fields: [
        { name: 'line1', required: true },
        { name: 'line2', required: false },
        { name: 'city', required: true },
        { name: 'region', required: pack.address.regionRequired, ...(pack.address.regionLabel ? { label: l(pack.address.regionLabel, locale) } : {}) },
        { name: 'postalCode', required: true, label: l(pack.address.postalCode.label, locale), pattern: pack.address.postalCode.pattern, example: pack.address.postalCode.example },
        { name: 'country', required: true, value: pack.country },
      ],
    },
    phone: { format: 'E.164 or national', sameCountryOnly: pack.phone.sameCountryOnly, example: pack.phone.example },
    bank: pack.bank,
    payouts: pack.payouts.available
      ? { available: true, rails: pack.payouts.rails }
      : { available: false, reason: pack.payouts.reason, message: l(pack.payouts.explanation, locale) },
    obligations: pack.obligations,
    risk: pack.risk,
    sources: pack.sources,
  };
}

export class IdentifierValidationView {
  @ApiProperty() valid: boolean;
  @ApiPropertyOptional({ example: '7707083893' }) normalized?: string;
  @ApiPropertyOptional({ example: 'INVALID_CHECKSUM' }) code?: string;
  @ApiPropertyOptional({ description: "Why, in the caller's language." }) message?: string;
}

export class FieldErrorView {
  @ApiProperty({ example: 'identifiers[es.cif]' }) field: string;
  @ApiProperty({ example: 'INVALID_CHECKSUM' }) code: string;
  @ApiProperty() message: string;
}

export class RegistrationValidationView {
  @ApiProperty() valid: boolean;
  @ApiProperty({ example: 1 }) packVersion: number;
  @ApiProperty({ type: [FieldErrorView] }) errors: FieldErrorView[];
}
