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

const STRIP = ['spaces', 'dots', 'dashes', 'slashes'] as const;
const Weights = z.array(z.number().int().min(-99).max(99)).min(1).max(30).describe('One integer weight per digit, left to right (the value must have exactly as many digits).');

/** The closed family of check-digit algorithms a pack may use (see GET /v1/ops/countries/identifier-types). */
export const CheckDigit = z
  .discriminatedUnion('algorithm', [
    z.object({ algorithm: z.literal('none').describe('No check digit.') }).strict(),
    z
      .object({
        algorithm: z.literal('weighted_mod11').describe('Σ weightᵢ·digitᵢ over all digits divisible by 11 (the Dutch 11-test; BSN/RSIN variant: last weight -1).'),
        weights: Weights,
      })
      .strict(),
    z.object({ algorithm: z.literal('weighted_mod10').describe('Σ weightᵢ·digitᵢ over all digits divisible by 10.'), weights: Weights }).strict(),
    z.object({ algorithm: z.literal('luhn').describe('Luhn mod 10 over all digits.') }).strict(),
    z.object({ algorithm: z.literal('iso7064_mod97_10').describe('ISO 7064 MOD 97-10: the value (A=10 … Z=35) ≡ 1 mod 97.') }).strict(),
    z.object({ algorithm: z.literal('iso7064_mod11_10').describe('ISO 7064 MOD 11,10 (hybrid): the last digit checks the others.') }).strict(),
    z.object({ algorithm: z.literal('iso7064_mod11_2').describe('ISO 7064 MOD 11-2: last character 0–9 or X.') }).strict(),
  ])
  .describe('The check-digit algorithm and its parameters.');

/** A generic identifier rule: normalisation, lengths and/or a safe pattern, a check digit, value ranges. */
export const IdentifierRuleDefinition = z
  .object({
    normalize: z
      .object({
        strip: z.array(z.enum(STRIP)).max(4).default([...STRIP]).describe('Separators removed before checking: spaces, dots, dashes, slashes (all by default).'),
        upperCase: z.boolean().default(true).describe('Upper-case ASCII letters before checking.'),
        prefix: z.string().regex(/^[A-Z]{1,4}$/).optional().describe('A fixed prefix (e.g. NL) removed when the seller writes it; the stored value is without it.'),
      })
      .strict()
      .default({ strip: [...STRIP], upperCase: true })
      .describe('How the raw input is normalised.'),
    lengths: z.array(z.number().int().min(1).max(64)).min(1).max(6).optional().describe('Allowed lengths of the normalised value (lengths, a pattern, or both).'),
    pattern: z
      .string()
      .min(3)
      .max(200)
      .optional()
      .describe('Anchored regular expression on the normalised value (^…$); checked for catastrophic backtracking: no nested variable repetition, no backreferences or lookaround.'),
    checkDigit: CheckDigit,
    valueCheck: z
      .object({
        ranges: z
          .array(z.object({ min: z.string().min(1).max(64).describe('Smallest allowed value (digits).'), max: z.string().min(1).max(64).describe('Largest allowed value (digits).') }).strict().describe('An inclusive numeric range.'))
          .min(1)
          .max(10)
          .describe('The value, read as a number, must fall in one of these ranges.'),
      })
      .strict()
      .optional()
      .describe('Optional ranges the numeric value must fall in (e.g. not all zeros).'),
  })
  .strict();

/** An identifier type defined by the pack itself (as data), usable like a built-in type by its code. */
export const IdentifierTypeDefinition = z
  .object({
    code: z.string().regex(/^[a-z]{2}\.[a-z][a-z0-9_]{1,30}$/, 'a code such as nl.kvk (<country>.<name>)').describe("The type's code, <country>.<name> (nl.kvk); must not be a built-in type."),
    name: Label.describe('How the number is called, in every language (used in messages when no legal form label applies).'),
    example: z.string().trim().min(1).max(60).describe('A valid value, shown as a placeholder; must pass the rule.'),
    rule: IdentifierRuleDefinition.describe('The generic rule the value must pass.'),
  })
  .strict();

export const IdentifierRequirement = z
  .object({
    type: Code.describe('An identifier type: a built-in one (ru.inn, es.cif, eu.vat, …; see GET /v1/ops/countries/identifier-types) or one of this pack\'s identifierTypes.'),
    required: z.boolean().describe('Whether sellers of this legal form must give it.'),
    purpose: z.enum(['tax_id', 'vat', 'registry', 'personal_id', 'other']).describe('What the number is for, so the front end can group fields; vat numbers are the VAT registration.'),
    label: Label.describe('The field label shown to sellers, in every language.'),
    prefix: z.string().regex(/^[A-Z]{2}$/).optional().describe("For eu.vat: the member state's VIES prefix the number must carry (EL for Greece)."),
    /**
     * The example shown to sellers, when the type's own example does not fit this legal form
     * (e.g. a DNI for a sole trader where `es.nif` would show a company number). It must pass
     * the type's check, carry `prefix` and be of the legal form's seller type.
     */
    example: z.string().trim().min(1).max(60).optional().describe("The example shown to sellers when the type's own does not fit this legal form; must pass the rule."),
  })
  .strict();

export const DocumentRequirement = z
  .object({
    type: Code.describe('A document type declared in documentTypes.'),
    required: z.boolean().describe('Whether the seller must upload it before submitting KYC.'),
    condition: z
      .enum(['always', 'brand_declared', 'vat_registered'])
      .default('always')
      .describe('When only some sellers need it: always, brand_declared (a brand was declared) or vat_registered.'),
  })
  .strict();

export const SELLER_TYPES = ['individual', 'company', 'partnership'] as const;

export const LegalForm = z
  .object({
    code: Code.describe('The legal form code, <country>.<name> (nl.bv).'),
    localName: z.string().trim().min(1).max(200).describe('The legal form in the local language (Besloten vennootschap).'),
    abbreviation: z.string().trim().max(30).optional().describe('The usual abbreviation (B.V.).'),
    sellerType: z
      .enum(SELLER_TYPES)
      .describe('individual (a natural person), company (a legal entity) or partnership (partners answer personally: V.O.F., S.n.c., OHG; KYC asks for every partner).'),
    label: Label.describe('The legal form explained to sellers, in every language.'),
    eligibility: z
      .discriminatedUnion('allowed', [
        z.object({ allowed: z.literal(true).describe('Sellers of this form may register.') }).strict(),
        z
          .object({
            allowed: z.literal(false).describe('Sellers of this form are refused.'),
            reason: z.string().regex(/^[A-Z][A-Z0-9_]+$/).describe('A stable reason code (UPPER_SNAKE).'),
            explanation: Label.describe('Why, in every language.'),
          })
          .strict(),
      ])
      .describe('Whether sellers of this legal form may register, and why not.'),
    identifiers: z.array(IdentifierRequirement.describe('One identifier the form asks for.')).max(12).describe('Identifiers (tax, VAT, registry numbers) asked of this legal form.'),
    documents: z.array(DocumentRequirement.describe('One KYC document the form asks for.')).max(20).describe('KYC documents asked of this legal form.'),
  })
  .strict();

export const DocumentType = z
  .object({
    code: Code.describe('The document type code: <country>.<name>, or a bare shared name (representative_id).'),
    label: Label.describe('The document named for sellers, in every language.'),
    maxAgeDays: z.number().int().positive().max(3650).optional().describe('Documents older than this are refused (e.g. a registry extract ≤ 30 days); the issue date (issuedOn) is then required.'),
    person: z
      .enum(['representative', 'each_person'])
      .optional()
      .describe("Whose document it is: the legal representative's (an ID), or one per declared person; upload it with that person's personId."),
    expiresOn: z.enum(['required', 'optional']).optional().describe('Whether the upload states the expiry date printed on the document (IDs: the verification is renewed when it passes).'),
  })
  .strict();

/**
 * A kind of identity document a person (representative, owner, partner) may identify with, and how
 * its number is checked: `nationality` (the national ID number of the person's nationality, by that
 * country's `personIdNumber` rule), `identifier` (identifier types of this country, e.g. the Spanish
 * NIE of a foreign resident) or `pattern` (e.g. a passport number: 6–9 letters and digits).
 */
export const PersonIdDocument = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_.-]{1,39}$/, 'a lower-case code such as passport or es.nie').describe('The document kind, sent as persons[].idDocumentType (national_id, passport, es.nie).'),
    label: Label.describe('The document named for sellers, in every language.'),
    check: z
      .discriminatedUnion('by', [
        z.object({ by: z.literal('nationality').describe("The national ID number of the person's nationality, checked by that country's personIdNumber rule (any number where it has none).") }).strict(),
        z.object({ by: z.literal('identifier').describe('Identifier types of this country.'), types: z.array(Code).min(1).max(4).describe('A number passing one of them is accepted.') }).strict(),
        z
          .object({
            by: z.literal('pattern').describe('A safe anchored pattern on the upper-cased number without spaces.'),
            pattern: z.string().min(3).max(200).describe('Anchored regular expression (^…$).'),
            example: z.string().min(1).max(40).describe('A number that passes the pattern, shown as a placeholder.'),
          })
          .strict(),
      ])
      .describe('How the number is checked.'),
  })
  .strict();

export const AddressRules = z
  .object({
    postalCode: z
      .object({
        pattern: z.string().min(3).max(300).describe('Anchored regular expression on the normalised (trimmed, upper-case, no spaces) code.'),
        example: z.string().min(2).max(20).describe('A valid postal code, shown as a placeholder.'),
        label: Label.describe('The field label, in every language.'),
      })
      .strict()
      .describe('Postal code rule of addresses in this country.'),
    regionRequired: z.boolean().describe('Whether a region (province, state) must be given.'),
    regionLabel: Label.optional().describe('The region field label, in every language.'),
    regions: z
      .array(
        z
          .object({
            code: z.string().trim().min(1).max(10).describe('The code written in addresses (MI, TX).'),
            name: z.string().trim().min(1).max(100).describe('Its name.'),
            aliases: z.array(z.string().trim().min(1).max(100)).max(5).optional().describe('Other names written in addresses (co-official or older names: Alacant, Vizcaya, İçel); accepted and stored as the code.'),
          })
          .strict(),
      )
      .max(120)
      .optional()
      .describe('Where addresses name the region by a code from a closed list: the list (a region of this country must be one of the codes, or a name, stored as the code).'),
  })
  .strict();

export const PhoneRules = z
  .object({
    sameCountryOnly: z.boolean().describe('Accept only numbers of this country (libphonenumber-js metadata), not any valid number.'),
    example: z.string().min(5).max(30).describe('A valid phone number, shown as a placeholder.'),
  })
  .strict();

export const BankRules = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('iban').describe('Payout accounts are IBANs.'),
        ibanCountry: CountryCode.describe('The country code the IBAN must start with.'),
        example: z.string().describe('A valid IBAN of that country.'),
      })
      .strict(),
    z.object({ type: z.literal('ru_account').describe('Russian BIK + 20-digit account.'), example: z.string().describe('BIK/account, e.g. 044525225/40702810…') }).strict(),
    z.object({ type: z.literal('us_aba').describe('US ABA routing number + account.'), example: z.string().describe('A valid routing/account example.') }).strict(),
  ])
  .describe('How payout bank accounts are identified.');

export const PayoutRails = z
  .discriminatedUnion('available', [
    z
      .object({
        available: z.literal(true).describe('Payouts are possible.'),
        rails: z.array(z.enum(['stripe_connect', 'bank_transfer'])).min(1).describe('Payout rails in order of preference.'),
      })
      .strict(),
    z
      .object({
        available: z.literal(false).describe('No payouts for now.'),
        reason: z.enum(['SANCTIONS_POLICY', 'PAYOUT_RAIL_NOT_CONFIGURED']).describe('Why not.'),
        explanation: Label.describe('Why not, in every language.'),
      })
      .strict(),
  ])
  .describe('Payout rails, or why there is none.');

export const Obligations = z
  .object({
    shipFromCountries: z.array(CountryCode).min(1).describe('Countries goods may ship from.'),
    minReturnWindowDays: z.number().int().min(0).max(365).describe('Minimum return window sellers must offer, in days.'),
    warrantyMonths: z.number().int().min(0).max(120).describe('Legal warranty (guarantee of conformity), in months.'),
    maxShopsPerCompany: z.number().int().min(1).max(100).describe('How many shops one legal entity may open.'),
  })
  .strict();

export const Risk = z
  .object({
    enhancedDueDiligence: z.boolean().describe('Enhanced due diligence for every seller of this country.'),
    fourEyesReview: z.boolean().describe('KYC approval needs two reviewers.'),
    uboThresholdPercent: z.number().int().min(1).max(100).describe('Beneficial owners at or above this share must be declared.'),
  })
  .strict();

/**
 * The national ID number of this country's citizens, checked when a person of this NATIONALITY is
 * declared in KYC (representative, owners, partners): the number must pass one of `types` (identifier
 * types of this country with a check algorithm, e.g. `tr.tckn`, or one of the pack's identifierTypes such
 * as `nl.bsn`). Leave it out where the national ID number has no public check: any number is accepted.
 */
export const PersonIdNumber = z
  .object({
    types: z.array(Code).min(1).max(4).describe("Identifier types of this country (built-in or the pack's own); a number passing one of them is accepted."),
    label: Label.describe('How the number is named to sellers ("T.C. Kimlik No").'),
  })
  .strict();

/** A registration the pack must accept, or reject on exactly the listed fields (checked before publishing). */
export const Sample = z
  .object({
    name: z.string().min(1).max(200).describe('What the sample shows.'),
    expect: z.enum(['accept', 'reject']).describe('Whether the pack must accept or reject it.'),
    rejectFields: z.array(z.string()).optional().describe('For reject: exactly the fields that must fail (identifiers[nl.kvk]).'),
    registration: z.record(z.string(), z.unknown()).describe('A registration body as sent to PUT /v1/sellers/me/business.'),
  })
  .strict();

export const CountryPackDocument = z
  .object({
    country: CountryCode.describe('ISO 3166-1 alpha-2 code of the country (NL).'),
    seedRevision: z
      .number()
      .int()
      .min(1)
      .max(100000)
      .optional()
      .describe('For packs shipped with the code: the seed revision it was built from. A release with a newer seed offers it to ops as a draft.'),
    name: Label.describe('The country name, in every language.'),
    /*
     * No `status`: whether sellers of a country may sign up is the country's own state, changed only
     * by ops' enable/disable acts, never by publishing rules (a legacy `status` is dropped, see
     * LEGACY_PACK_FIELDS). A country's first publication opens it (enabled).
     */
    sellerLocales: z
      .array(z.enum(LOCALES))
      .min(1)
      .describe('The languages sellers of this country are served in; the first is the default for a seller who signs up without naming one.'),
    currencies: z
      .object({ default: CurrencyCode.describe('ISO 4217 code of the local currency.'), payout: z.array(CurrencyCode).min(1).describe('Currencies payouts may be made in.') })
      .strict()
      .describe('Currencies of the country.'),
    identifierTypes: z
      .array(IdentifierTypeDefinition.describe('One identifier type defined as data.'))
      .max(20)
      .default([])
      .describe("Identifier types this pack defines itself with the generic rules (normalisation, lengths/pattern, check digit, ranges), used by code like the built-in ones."),
    legalForms: z.array(LegalForm.describe('One legal form.')).min(1).max(30).describe('The legal forms sellers of this country register as.'),
    documentTypes: z.array(DocumentType.describe('One document type.')).max(60).describe('Every KYC document type the legal forms refer to.'),
    address: AddressRules.describe('Address rules.'),
    phone: PhoneRules.describe('Phone rules.'),
    bank: BankRules,
    payouts: PayoutRails,
    obligations: Obligations.describe('Consumer-law and marketplace obligations.'),
    risk: Risk.describe('Risk settings for KYC.'),
    personIdNumber: PersonIdNumber.optional().describe("How a citizen's ID document number is checked in KYC (absent: any number)."),
    personIdDocuments: z
      .array(PersonIdDocument.describe('One kind of identity document.'))
      .min(1)
      .max(10)
      .optional()
      .describe('The identity documents persons of this country’s sellers may identify with (absent: a national ID card of their nationality or a passport).'),
    sources: z
      .array(z.object({ title: z.string().min(1).describe('The source (law, registry, research note).'), url: z.string().url().optional().describe('Where to read it.') }).strict().describe('One source.'))
      .min(1)
      .describe('Where the rules come from (laws, registries, research notes).'),
    samples: z.array(Sample.describe('One sample registration.')).max(50).default([]).describe('Registrations the pack must accept or reject exactly as declared (checked before publication).'),
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
export type PersonIdDocumentRule = z.infer<typeof PersonIdDocument>;
export type IdentifierTypeDefinition = z.infer<typeof IdentifierTypeDefinition>;
export type SellerType = (typeof SELLER_TYPES)[number];

/** JSON Schema of a pack, for ops tooling (served at GET /v1/ops/countries/schema). */
export const countryPackJsonSchema = () => z.toJSONSchema(CountryPackDocument, { io: 'input' });
