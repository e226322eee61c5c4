import { z } from 'zod';

/**
 * A country rule pack: versioned DATA describing how a seller of one country registers. Rule
 * TYPES (identifier checks, postal-code patterns, phone and bank rules, payout rails) are code;
 * a pack holds instances of them with their arguments. Seed packs live in `../packs/*.ts`; ops
 * publish new versions through the API. Every pack is validated by this schema at load.
 */
const LOCALES = ['en', 'ru', 'tr', 'it', 'es'] as const;

/** A label in every supported language (none may be missing or empty). */
export const Label = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().min(1).max(500)])) as Record<(typeof LOCALES)[number], z.ZodString>).strict();
export type Label = z.infer<typeof Label>;

const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals');
const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code');
const Code = z.string().regex(/^[a-z][a-z0-9_.-]{1,63}$/, 'a lower-case code such as es.sl');

export const IdentifierRequirement = z
  .object({
    /** An identifier type code known to the code (`ru.inn`, `es.cif`, `eu.vat`, …). */
    type: Code,
    required: z.boolean(),
    /** What the number is for, so the front end can group fields. */
    purpose: z.enum(['tax_id', 'vat', 'registry', 'personal_id', 'other']),
    label: Label,
    /** For `eu.vat`-like numbers: the prefix the seller's number must carry (EL for Greece). */
    prefix: z.string().regex(/^[A-Z]{2}$/).optional(),
    /**
     * The example shown to sellers, when the type's own example does not fit this legal form
     * (e.g. a DNI for a sole trader where `es.nif` would show a company number). It must pass
     * the type's check, carry `prefix` and be of the legal form's seller type.
     */
    example: z.string().trim().min(1).max(60).optional(),
  })
  .strict();

export const DocumentRequirement = z
  .object({
    type: Code,
    required: z.boolean(),
    /** When only some sellers need it (e.g. a trademark certificate for branded goods). */
    condition: z.enum(['always', 'brand_declared', 'vat_registered']).default('always'),
  })
  .strict();

export const LegalForm = z
  .object({
    code: Code,
    localName: z.string().trim().min(1).max(200),
    abbreviation: z.string().trim().max(30).optional(),
    sellerType: z.enum(['individual', 'company']),
    label: Label,
    eligibility: z.discriminatedUnion('allowed', [
      z.object({ allowed: z.literal(true) }).strict(),
      z.object({ allowed: z.literal(false), reason: z.string().regex(/^[A-Z][A-Z0-9_]+$/), explanation: Label }).strict(),
    ]),
    identifiers: z.array(IdentifierRequirement).max(12),
    documents: z.array(DocumentRequirement).max(20),
  })
  .strict();

export const DocumentType = z
  .object({
    code: Code,
    label: Label,
    /** Documents older than this are refused (e.g. a registry extract ≤ 30 days). */
    maxAgeDays: z.number().int().positive().max(3650).optional(),
  })
  .strict();

export const AddressRules = z
  .object({
    postalCode: z
      .object({
        /** Anchored regular expression on the normalised (trimmed, upper-case) code. */
        pattern: z.string().min(3).max(300),
        example: z.string().min(2).max(20),
        label: Label,
      })
      .strict(),
    regionRequired: z.boolean(),
    regionLabel: Label.optional(),
  })
  .strict();

export const PhoneRules = z
  .object({
    /** Accept only numbers of this country (libphonenumber-js metadata), not any valid number. */
    sameCountryOnly: z.boolean(),
    example: z.string().min(5).max(30),
  })
  .strict();

export const BankRules = z.discriminatedUnion('type', [
  z.object({ type: z.literal('iban'), ibanCountry: CountryCode, example: z.string() }).strict(),
  z.object({ type: z.literal('ru_account'), example: z.string() }).strict(),
  z.object({ type: z.literal('us_aba'), example: z.string() }).strict(),
]);

export const PayoutRails = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), rails: z.array(z.enum(['stripe_connect', 'bank_transfer'])).min(1) }).strict(),
  z
    .object({
      available: z.literal(false),
      reason: z.enum(['SANCTIONS_POLICY', 'PAYOUT_RAIL_NOT_CONFIGURED']),
      explanation: Label,
    })
    .strict(),
]);

export const Obligations = z
  .object({
    shipFromCountries: z.array(CountryCode).min(1),
    minReturnWindowDays: z.number().int().min(0).max(365),
    warrantyMonths: z.number().int().min(0).max(120),
    maxShopsPerCompany: z.number().int().min(1).max(100),
  })
  .strict();

export const Risk = z
  .object({
    enhancedDueDiligence: z.boolean(),
    fourEyesReview: z.boolean(),
    /** Beneficial owners at or above this share must be declared. */
    uboThresholdPercent: z.number().int().min(1).max(100),
  })
  .strict();

/**
 * The national ID number of this country's citizens, checked when a person of this NATIONALITY is
 * declared in KYC (representative, owners): the number must pass one of `types` (identifier types of
 * this country with a check algorithm, e.g. `tr.tckn`). Leave it out where the national ID number has
 * no public check (the Italian carta d'identità): any number is then accepted.
 */
export const PersonIdNumber = z
  .object({
    types: z.array(Code).min(1).max(4),
    /** How the number is named to sellers ("T.C. Kimlik No"). */
    label: Label,
  })
  .strict();

/** A registration the pack must accept, or reject on exactly the listed fields (checked before publishing). */
export const Sample = z
  .object({
    name: z.string().min(1).max(200),
    expect: z.enum(['accept', 'reject']),
    rejectFields: z.array(z.string()).optional(),
    registration: z.record(z.string(), z.unknown()),
  })
  .strict();

export const CountryPackDocument = z
  .object({
    country: CountryCode,
    name: Label,
    /*
     * No `status`: whether sellers of a country may sign up is the country's own state, changed only
     * by ops' enable/disable acts, never by publishing rules (a legacy `status` is dropped, see
     * LEGACY_PACK_FIELDS). A country's first publication opens it (enabled).
     */
    /**
     * The languages sellers of this country are served in, the first being the default: a seller who
     * signs up without naming a language (`locale`, `?lang`, `Accept-Language`) gets the first.
     */
    sellerLocales: z.array(z.enum(LOCALES)).min(1),
    currencies: z.object({ default: CurrencyCode, payout: z.array(CurrencyCode).min(1) }).strict(),
    legalForms: z.array(LegalForm).min(1).max(30),
    documentTypes: z.array(DocumentType).max(60),
    address: AddressRules,
    phone: PhoneRules,
    bank: BankRules,
    payouts: PayoutRails,
    obligations: Obligations,
    risk: Risk,
    personIdNumber: PersonIdNumber.optional(),
    /** Where the rules come from (laws, registries, research notes). */
    sources: z.array(z.object({ title: z.string().min(1), url: z.string().url().optional() }).strict()).min(1),
    samples: z.array(Sample).max(50).default([]),
  })
  .strict();

export type CountryPackDocument = z.infer<typeof CountryPackDocument>;

/** Fields packs used to have: dropped from an incoming pack (with a warning) instead of failing it. */
export const LEGACY_PACK_FIELDS = ['status'] as const;

/** A pack without its legacy fields, and which of them (with their values) it carried. */
export function withoutLegacyFields(input: unknown): { input: unknown; dropped: { field: string; value: unknown }[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { input, dropped: [] };
  const copy = { ...(input as Record<string, unknown>) };
  const dropped: { field: string; value: unknown }[] = [];
  for (const field of LEGACY_PACK_FIELDS) {
    if (field in copy) {
      dropped.push({ field, value: copy[field] });
      delete copy[field];
    }
  }
  return { input: copy, dropped };
}
export type CountryPackInput = z.input<typeof CountryPackDocument>;
export type LegalFormRule = z.infer<typeof LegalForm>;
export type IdentifierRule = z.infer<typeof IdentifierRequirement>;
export type PersonIdNumberRule = z.infer<typeof PersonIdNumber>;

/** JSON Schema of a pack, for ops tooling (served at GET /v1/ops/countries/schema). */
export const countryPackJsonSchema = () => z.toJSONSchema(CountryPackDocument, { io: 'input' });
