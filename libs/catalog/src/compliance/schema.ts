import { z } from 'zod';
import { UN_NUMBERS } from './dangerous-goods';
import type { UnNumber } from './dangerous-goods';

/**
 * Compliance rules as versioned DATA, published by ops like markets and country packs. Rule TYPES
 * are code (a small closed set of evaluators in `evaluate.ts`); each rule names its type, the
 * markets it applies to (by their `complianceRuleSetId`: `eu`, `us`, `gb`… or `*`), its parameters,
 * its own version and the legal source it implements. Served as JSON Schema at
 * GET /v1/ops/compliance-rules/schema.
 */
const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals');
const ScopeId = z.string().regex(/^(\*|[a-z0-9][a-z0-9._-]{0,63})$/, 'a complianceRuleSetId of a market (eu, us…) or *');
const Severity = z.enum(['BLOCKER', 'WARNING', 'INFO']);
const CategoryCode = z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/);

const base = {
  /** Stable identifier shown with every issue (`eu.gpsr.responsible-person`). */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,79}$/, 'lower-case letters, digits, dots and dashes'),
  /** The rule's own version, raised by ops whenever the rule changes (checked against the published set). */
  version: z.number().int().min(1).max(100000),
  title: z.string().trim().min(1).max(200),
  /** The law or platform rule this implements. */
  sourceUrl: z.string().url(),
  /** Markets whose complianceRuleSetId is listed (`*`: every market)… */
  appliesTo: z.array(ScopeId).min(1).max(50),
  /** …except these. */
  except: z.array(ScopeId).max(50).optional(),
};

export const ComplianceRule = z.discriminatedUnion('type', [
  /** GPSR art. 19(a): manufacturer named with a postal address AND an email or URL. */
  z.object({ ...base, type: z.literal('GPSR_MANUFACTURER') }).strict(),
  /** GPSR art. 16, 19(b): an EU responsible person when the manufacturer is not established in `establishedIn`. */
  z.object({ ...base, type: z.literal('GPSR_RESPONSIBLE_PERSON'), establishedIn: z.array(CountryCode).min(1).max(60) }).strict(),
  /** GPSR art. 19(d): safety information in every legal locale of the market, no fallback. */
  z.object({ ...base, type: z.literal('SAFETY_INFORMATION') }).strict(),
  /** Categories (and their sub-categories) prohibited (BLOCKER) or restricted (WARNING/INFO) in the market. */
  z.object({ ...base, type: z.literal('CATEGORY'), categories: z.array(CategoryCode).min(1).max(100), severity: Severity }).strict(),
  /** Import bans by country of origin × HS prefix (sanctions). */
  z.object({
    ...base,
    type: z.literal('ORIGIN_HS_BAN'),
    origins: z.array(CountryCode).min(1).max(60),
    hsPrefixes: z.array(z.string().regex(/^\d{2,10}$/, '2 to 10 digits')).min(1).max(200),
  }).strict(),
  /** A declaration of conformity (DoC URL) for products of these categories. */
  z.object({ ...base, type: z.literal('CE_DOC'), categories: z.array(CategoryCode).min(1).max(100), severity: Severity }).strict(),
  /**
   * HS completeness for cross-border listings (seller's country outside the market): HS6 always;
   * a national code of `digits` digits under `hsNational[key]`, required or recommended.
   */
  z.object({
    ...base,
    type: z.literal('HS_CODE'),
    national: z.object({ key: z.string().regex(/^[A-Z]{2}$/), digits: z.number().int().min(8).max(12), severity: Severity }).strict().optional(),
  }).strict(),
  /** Country of origin must be declared. */
  z.object({ ...base, type: z.literal('ORIGIN_REQUIRED') }).strict(),
  /** A VAT scheme for low-value consignments (EU IOSS ≤ €150, UK ≤ £135): an INFO flag on cross-border listings. */
  z.object({
    ...base,
    type: z.literal('VAT_SCHEME'),
    scheme: z.enum(['IOSS', 'UK_LOW_VALUE']),
    threshold: z.string().regex(/^\d{1,9}(\.\d{1,2})?$/),
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** Excise goods (spirits…) are outside the scheme. */
    excludedCategories: z.array(CategoryCode).max(50).optional(),
  }).strict(),
  /**
   * A flat customs duty per distinct tariff subheading (HS6) in a low-value consignment under a VAT
   * scheme (EU: EUR 3 per subheading in IOSS parcels, 1 Jul 2026 – 1 Jul 2028). Dates are UTC days;
   * `effectiveTo` is exclusive.
   */
  z.object({
    ...base,
    type: z.literal('FLAT_DUTY'),
    scheme: z.enum(['IOSS', 'UK_LOW_VALUE']),
    amount: z.string().regex(/^\d{1,6}(\.\d{1,2})?$/),
    currency: z.string().regex(/^[A-Z]{3}$/),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    effectiveTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  }).strict(),
  /**
   * Lithium batteries as dangerous goods, per shipping lane: which UN numbers a lane accepts and its
   * limits (Wh per cell/battery for Li-ion, grams of lithium for Li-metal). Evaluated on products
   * that declare a battery.
   */
  z.object({
    ...base,
    type: z.literal('DG_LITHIUM'),
    lanes: z.array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/),
        accepts: z.array(z.enum(UN_NUMBERS as [UnNumber, ...UnNumber[]])).max(4),
        maxWhPerCell: z.number().positive().max(100000).optional(),
        maxWhPerBattery: z.number().positive().max(100000).optional(),
        maxLithiumGPerCell: z.number().positive().max(100000).optional(),
        maxLithiumGPerBattery: z.number().positive().max(100000).optional(),
      }).strict(),
    ).min(1).max(10),
  }).strict(),
]);

export const ComplianceRuleSetDocument = z
  .object({
    rules: z.array(ComplianceRule).max(500),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict();

export type ComplianceRule = z.infer<typeof ComplianceRule>;
export type ComplianceRuleType = ComplianceRule['type'];
export type ComplianceRuleSetDocument = z.infer<typeof ComplianceRuleSetDocument>;
export type ComplianceRuleSetInput = z.input<typeof ComplianceRuleSetDocument>;

export const complianceJsonSchema = () => z.toJSONSchema(ComplianceRuleSetDocument, { io: 'input' });
