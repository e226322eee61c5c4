import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Locale } from '@app/kernel';
import { BRAND_MAX_LENGTH, BRANDS_MAX, vatIdentifierTypes } from './pack/declarations';
import { identifierExample } from './pack/examples';
import type { CountryPackDocument, Label } from './pack/schema';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { FIELD_HELP, FIELD_LABELS, fill, registrationFieldLabel, SPEC_TEXTS } from './pack/fields';
import { personIdDocumentsOf } from './pack/person-ids';
import { TRADING_NAME_MAX_LENGTH } from './pack/registration';
import { IDENTIFIER_NORMALIZATION, IDENTIFIER_PATTERNS } from './identifiers/formats';
import { countryName } from './country-names';

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
  @ApiProperty({
    description:
      "Every field of the registration body (PUT /v1/sellers/me/business) in form order: `path` (the same path an error's details[].field names), label, type (select, text, tel, url, group, list, boolean, fixed), required, and its rule (minLength, maxLength, pattern with the normalisation it applies to, example, help, options). Identifier fields depend on the legal form: legalForms[].identifiers.",
    type: 'array',
    items: { type: 'object' },
  })
  fields: unknown[];
  @ApiProperty({
    description:
      'Legal forms with eligibility, identifiers (path, label, example, pattern on the normalised value), documents (accepted media types, size limit in bytes, which dates they need, whose they are) and the persons KYC asks for (representative, owners at or above the threshold, partners), labelled in the caller language.',
    type: 'array',
    items: { type: 'object' },
  })
  legalForms: unknown[];
  @ApiProperty({ description: 'Identity documents a person may identify with in KYC (persons[].idDocumentType) and how each number is checked.', type: 'array', items: { type: 'object' } })
  personIdDocuments: unknown[];
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
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The obligations as values and as sentences in the caller language (items).' }) obligations: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) risk: CountryPackDocument['risk'];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Public sources of the rules (laws, registries, vendor pages), with a link where there is one.' }) sources: CountryPackDocument['sources'];
}

/** Media types KYC accepts for documents (judged by the bytes); the size limit is the deployment's DOCUMENT_MAX_BYTES. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface SpecOptions {
  /** The deployment's document size limit (DOCUMENT_MAX_BYTES). */
  documentMaxBytes: number;
}

/** Minimum number of partners a partnership declares in KYC. */
const MIN_PARTNERS = 2;

/** One field of the registration form, addressed by its error path (`details[].field`). */
interface FieldSpec {
  path: string;
  name: string;
  label: string;
  type: 'select' | 'text' | 'tel' | 'url' | 'group' | 'list' | 'boolean' | 'fixed';
  required: boolean;
  [rule: string]: unknown;
}

/** The published pack in the caller's language, shaped so a front end can render the whole registration form. */
export function renderSpec(pack: CountryPackDocument, version: number, status: string, locale: Locale, options: SpecOptions = { documentMaxBytes: 10 * 1024 * 1024 }): CountrySpecView {
  const docs = new Map(pack.documentTypes.map((d) => [d.code, d]));
  const flagForms = pack.legalForms.filter((f) => !vatIdentifierTypes(f).length).map((f) => f.code);
  const label = (path: string) => l(registrationFieldLabel(pack, path) ?? FIELD_LABELS.country, locale);
  const addressFields = (group: 'registeredAddress' | 'shipFrom'): FieldSpec[] => [
    { path: `${group}.line1`, name: 'line1', label: label(`${group}.line1`), type: 'text', required: true, minLength: 2, maxLength: 200 },
    { path: `${group}.line2`, name: 'line2', label: label(`${group}.line2`), type: 'text', required: false, maxLength: 200 },
    { path: `${group}.city`, name: 'city', label: label(`${group}.city`), type: 'text', required: true, minLength: 1, maxLength: 100 },
    {
      path: `${group}.region`,
      name: 'region',
      label: label(`${group}.region`),
      ...(pack.address.regions ? { type: 'select' as const, options: pack.address.regions.map((r) => ({ value: r.code, label: r.name })) } : { type: 'text' as const, maxLength: 100 }),
      required: pack.address.regionRequired,
    },
    {
      path: `${group}.postalCode`,
      name: 'postalCode',
      label: label(`${group}.postalCode`),
      type: 'text',
      required: true,
      maxLength: 12,
      pattern: pack.address.postalCode.pattern,
      normalize: { strip: ['spaces'], upperCase: true },
      example: pack.address.postalCode.example,
    },
    group === 'registeredAddress'
      ? { path: `${group}.country`, name: 'country', label: label(`${group}.country`), type: 'fixed', required: true, value: pack.country }
      : { path: `${group}.country`, name: 'country', label: label(`${group}.country`), type: 'select', required: true, options: pack.obligations.shipFromCountries.map((c) => ({ value: c, label: countryLabel(c, locale) })) },
  ];
  const phoneHelp = fill(l(pack.phone.sameCountryOnly ? FIELD_HELP.phoneLocal : FIELD_HELP.phone, locale), { example: pack.phone.example });
  const phoneCountry = parsePhoneNumberFromString(pack.phone.example, pack.country as never);
  const fields: FieldSpec[] = [
    {
      path: 'legalForm',
      name: 'legalForm',
      label: l(FIELD_LABELS.legalForm, locale),
      type: 'select',
      required: true,
      options: pack.legalForms.map((f) => ({ value: f.code, label: l(f.label, locale), eligible: f.eligibility.allowed })),
    },
    { path: 'legalName', name: 'legalName', label: l(FIELD_LABELS.legalName, locale), type: 'text', required: true, minLength: 2, maxLength: 200 },
    { path: 'tradingName', name: 'tradingName', label: l(FIELD_LABELS.tradingName, locale), type: 'text', required: false, minLength: 2, maxLength: TRADING_NAME_MAX_LENGTH, help: l(FIELD_HELP.tradingName, locale) },
    {
      path: 'identifiers',
      name: 'identifiers',
      label: l(FIELD_LABELS.identifiers, locale),
      type: 'group',
      required: true,
      fieldsBy: 'legalForm',
      description: 'The fields depend on the legal form: legalForms[].identifiers (each with its path identifiers[<type>]).',
    },
    { path: 'registeredAddress', name: 'registeredAddress', label: l(FIELD_LABELS.registeredAddress, locale), type: 'group', required: true, fields: addressFields('registeredAddress') },
    { path: 'phone', name: 'phone', label: l(FIELD_LABELS.phone, locale), type: 'tel', required: true, minLength: 5, maxLength: 30, example: pack.phone.example, help: phoneHelp, sameCountryOnly: pack.phone.sameCountryOnly, ...(phoneCountry ? { countryCallingCode: `+${phoneCountry.countryCallingCode}` } : {}) },
    { path: 'website', name: 'website', label: l(FIELD_LABELS.website, locale), type: 'url', required: false, maxLength: 300, example: 'https://example.com', help: fill(l(FIELD_HELP.website, locale), { example: 'https://example.com' }) },
    {
      path: 'shipFrom',
      name: 'shipFrom',
      label: l(FIELD_LABELS.shipFrom, locale),
      type: 'group',
      required: !pack.obligations.shipFromCountries.includes(pack.country),
      defaultsTo: 'registeredAddress',
      fields: addressFields('shipFrom'),
    },
    {
      path: 'representative',
      name: 'representative',
      label: l(FIELD_LABELS.representative, locale),
      type: 'group',
      required: true,
      fields: (['firstName', 'lastName'] as const).map((n) => ({ path: `representative.${n}`, name: n, label: label(`representative.${n}`), type: 'text', required: true, maxLength: 100 })),
    },
    { path: 'brands', name: 'brands', label: l(FIELD_LABELS.brands, locale), type: 'list', required: false, items: { type: 'text', minLength: 1, maxLength: BRAND_MAX_LENGTH }, maxItems: BRANDS_MAX, help: l(FIELD_HELP.brands, locale), condition: 'brand_declared' },
    { path: 'vatRegistered', name: 'vatRegistered', label: l(FIELD_LABELS.vatRegistered, locale), type: 'boolean', required: false, legalForms: flagForms, help: l(FIELD_HELP.vatRegistered, locale), condition: 'vat_registered' },
  ];
  const idDocs = personIdDocumentsOf(pack);
  return {
    country: pack.country,
    name: l(pack.name, locale),
    status,
    packVersion: version,
    sellerLocales: pack.sellerLocales,
    currencies: pack.currencies,
    fields,
    legalForms: pack.legalForms.map((f) => ({
      code: f.code,
      localName: f.localName,
      ...(f.abbreviation ? { abbreviation: f.abbreviation } : {}),
      label: l(f.label, locale),
      sellerType: f.sellerType,
      eligible: f.eligibility.allowed,
      ...(f.eligibility.allowed ? {} : { ineligibility: { reason: f.eligibility.reason, message: l(f.eligibility.explanation, locale) } }),
      identifiers: f.identifiers.map((i) => ({
        path: `identifiers[${i.type}]`,
        type: i.type,
        label: l(i.label, locale),
        required: i.required,
        purpose: i.purpose,
        ...(i.prefix ? { prefix: i.prefix } : {}),
        example: identifierExample(i, pack),
        ...identifierFormat(pack, i.type),
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
          mediaTypes: DOCUMENT_MEDIA_TYPES,
          maxBytes: options.documentMaxBytes,
          dates: {
            issuedOn: { required: Boolean(type?.maxAgeDays), label: l(SPEC_TEXTS.issuedOn, locale), format: 'YYYY-MM-DD' },
            expiresOn: { required: type?.expiresOn === 'required', label: l(SPEC_TEXTS.expiresOn, locale), format: 'YYYY-MM-DD' },
          },
          ...(type?.person ? { person: type.person } : {}),
        };
      }),
      persons: personRoles(pack, f.sellerType, locale),
    })),
    declarations: {
      fields: [
        { name: 'brands', label: l(FIELD_LABELS.brands, locale), type: 'array', items: 'string', required: false, maxItems: BRANDS_MAX, maxLength: BRAND_MAX_LENGTH, condition: 'brand_declared' },
        { name: 'vatRegistered', label: l(FIELD_LABELS.vatRegistered, locale), type: 'boolean', required: false, condition: 'vat_registered', legalForms: flagForms },
      ],
    },
    ...(pack.personIdNumber ? { personIdNumber: { types: pack.personIdNumber.types, label: l(pack.personIdNumber.label, locale) } } : {}),
    personIdDocuments: idDocs.map((d) => ({
      code: d.code,
      label: l(d.label, locale),
      check: d.check.by,
      ...(d.check.by === 'pattern' ? { pattern: d.check.pattern, example: d.check.example } : {}),
      ...(d.check.by === 'identifier' ? { types: d.check.types, ...identifierFormat(pack, d.check.types[0]) } : {}),
    })),
    address: {
      // (the address fields' own labels, without the group: the `fields` above name the group too)
      fields: addressFields('registeredAddress').map(({ path: _path, type: _type, ...f }) => ({ ...f, label: l(f.name === 'postalCode' ? pack.address.postalCode.label : f.name === 'region' ? (pack.address.regionLabel ?? FIELD_LABELS.region) : FIELD_LABELS[f.name as 'line1'], locale) })),
    },
    phone: { example: pack.phone.example, sameCountryOnly: pack.phone.sameCountryOnly, help: phoneHelp, ...(phoneCountry ? { countryCallingCode: `+${phoneCountry.countryCallingCode}` } : {}) },
    bank: pack.bank,
    payouts: pack.payouts.available
      ? { available: true, rails: pack.payouts.rails }
      : { available: false, reason: pack.payouts.reason, message: l(pack.payouts.explanation, locale) },
    obligations: {
      ...pack.obligations,
      items: [
        { name: 'shipFromCountries', text: fill(l(SPEC_TEXTS.shipFromCountries, locale), { list: pack.obligations.shipFromCountries.map((c) => countryLabel(c, locale)).join(', ') }) },
        { name: 'minReturnWindowDays', text: fill(l(SPEC_TEXTS.minReturnWindowDays, locale), { n: pack.obligations.minReturnWindowDays }) },
        { name: 'warrantyMonths', text: fill(l(SPEC_TEXTS.warrantyMonths, locale), { n: pack.obligations.warrantyMonths }) },
        { name: 'maxShopsPerCompany', text: fill(l(SPEC_TEXTS.maxShopsPerCompany, locale), { n: pack.obligations.maxShopsPerCompany }) },
      ],
    },
    risk: pack.risk,
    // public: laws, registries and vendor pages; notes pointing into a repository (older versions) stay in the ops view
    sources: pack.sources.filter((s) => !REPOSITORY_PATH.test(s.title) && !(s.url && REPOSITORY_PATH.test(s.url))),
  };
}

/** The persons KYC asks of a legal form: the representative, owners at or above the threshold (companies), every partner. */
function personRoles(pack: CountryPackDocument, sellerType: CountryPackDocument['legalForms'][number]['sellerType'], locale: Locale) {
  const threshold = pack.risk.uboThresholdPercent;
  return [
    { role: 'representative', min: 1, max: 1, label: l(SPEC_TEXTS.representative, locale) },
    ...(sellerType === 'company' ? [{ role: 'owner', min: 0, minSharePercent: threshold, label: fill(l(SPEC_TEXTS.owner, locale), { n: threshold }) }] : []),
    ...(sellerType === 'partnership' ? [{ role: 'partner', min: MIN_PARTNERS, label: fill(l(SPEC_TEXTS.partner, locale), { n: MIN_PARTNERS }) }] : []),
  ];
}

/** Machine-readable shape of an identifier type: the normalisation and a pattern on the normalised value. */
function identifierFormat(pack: CountryPackDocument, type: string): { normalize: unknown; pattern?: string; lengths?: number[] } {
  const own = pack.identifierTypes.find((d) => d.code === type);
  if (own) {
    const lengths = own.rule.lengths;
    return {
      normalize: { strip: own.rule.normalize.strip, upperCase: own.rule.normalize.upperCase, ...(own.rule.normalize.prefix ? { optionalPrefix: own.rule.normalize.prefix } : {}) },
      ...(own.rule.pattern ? { pattern: own.rule.pattern } : lengths ? { pattern: `^[0-9A-Z]{${Math.min(...lengths)},${Math.max(...lengths)}}$` } : {}),
      ...(lengths ? { lengths } : {}),
    };
  }
  return { normalize: IDENTIFIER_NORMALIZATION, ...(IDENTIFIER_PATTERNS[type] ? { pattern: IDENTIFIER_PATTERNS[type] } : {}) };
}

/** A repository path (`shared/research/country-rules.md`, `libs/…/x.ts`): internal, never in a public spec. */
export const REPOSITORY_PATH = /(^|[\s(:])[\w.-]+\/[\w./-]*\.(md|ts|js|json)\b|Project research/i;

const countryLabel = (code: string, locale: Locale): string => {
  const name = countryName(code);
  return typeof name === 'string' ? name : (name.text[locale] ?? code);
};

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
