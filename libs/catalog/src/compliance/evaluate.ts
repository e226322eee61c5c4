import type { MessageParam } from '@app/kernel';
import { Candidate, resolveLegal, resolveText } from '../listings/resolve';
import { fallbackChain } from '../markets/fallback';
import type { MarketDocument } from '../markets/schema';
import type { PriceFinding } from '../prices/price-readiness';
import type { EconomicOperator, Gpsr } from '../products/product.entity';
import { dgLanes } from './dangerous-goods';
import type { Battery } from './dangerous-goods';
import type { ComplianceRule } from './schema';

export type Severity = 'BLOCKER' | 'WARNING' | 'INFO';
export type ReadinessStatus = 'READY' | 'READY_WITH_WARNINGS' | 'BLOCKED';
export type IssueCategory = 'CONTENT' | 'TRANSLATION' | 'COMPLIANCE' | 'LOGISTICS' | 'TAX' | 'PRICE' | 'AVAILABILITY' | 'SELLER';
export const ISSUE_CATEGORIES: readonly IssueCategory[] = ['CONTENT', 'TRANSLATION', 'COMPLIANCE', 'LOGISTICS', 'TAX', 'PRICE', 'AVAILABILITY', 'SELLER'];

export type IssueCode =
  | 'GPSR_MANUFACTURER_MISSING' | 'GPSR_MANUFACTURER_CONTACT_INCOMPLETE' | 'GPSR_EU_RP_MISSING' | 'GPSR_EU_RP_NOT_ESTABLISHED'
  | 'GPSR_EU_RP_CONTACT_INCOMPLETE' | 'GPSR_SAFETY_INFO_MISSING' | 'LEGAL_TEXT_LOCALE_MISSING' | 'LEGAL_TEXT_OUTDATED' | 'LEGAL_TEXT_MACHINE_ONLY'
  | 'CATEGORY_PROHIBITED' | 'CATEGORY_RESTRICTED' | 'ORIGIN_HS_PROHIBITED' | 'CE_DOC_MISSING' | 'HS_CODE_MISSING'
  | 'HS_NATIONAL_CODE_REQUIRED' | 'HS_NATIONAL_CODE_RECOMMENDED' | 'ORIGIN_MISSING' | 'VAT_IOSS' | 'VAT_UK_LOW_VALUE'
  | 'TRANSLATION_REQUIRED' | 'TRANSLATION_MACHINE_ONLY' | 'TRANSLATION_OUTDATED'
  | 'DG_LANE_FORBIDDEN' | 'DG_NO_LANE' | 'DG_HANDLING'
  | 'PRICE_UNAVAILABLE' | 'PRICE_FX_STALE' | 'PRICE_BLOCKED'
  | 'SELLER_PROFILE_MISSING' | 'SELLER_REVERIFICATION_REQUIRED' | 'SELLER_KYC_REQUIRED' | 'SELLER_KYC_ACTION_REQUIRED'
  | 'SELLER_VERIFICATION_PENDING' | 'SELLER_KYC_REJECTED' | 'SELLER_PAYOUTS_NOT_ENABLED' | 'SELLER_PAYOUTS_PENDING' | 'SELLER_PAYOUTS_UNAVAILABLE' | 'SELLER_MARKET_NOT_CHOSEN';

export const ISSUE_CODES: readonly IssueCode[] = [
  'GPSR_MANUFACTURER_MISSING', 'GPSR_MANUFACTURER_CONTACT_INCOMPLETE', 'GPSR_EU_RP_MISSING', 'GPSR_EU_RP_NOT_ESTABLISHED',
  'GPSR_EU_RP_CONTACT_INCOMPLETE', 'GPSR_SAFETY_INFO_MISSING', 'LEGAL_TEXT_LOCALE_MISSING', 'LEGAL_TEXT_OUTDATED', 'LEGAL_TEXT_MACHINE_ONLY',
  'CATEGORY_PROHIBITED', 'CATEGORY_RESTRICTED', 'ORIGIN_HS_PROHIBITED', 'CE_DOC_MISSING', 'HS_CODE_MISSING',
  'HS_NATIONAL_CODE_REQUIRED', 'HS_NATIONAL_CODE_RECOMMENDED', 'ORIGIN_MISSING', 'VAT_IOSS', 'VAT_UK_LOW_VALUE',
  'TRANSLATION_REQUIRED', 'TRANSLATION_MACHINE_ONLY', 'TRANSLATION_OUTDATED',
  'DG_LANE_FORBIDDEN', 'DG_NO_LANE', 'DG_HANDLING',
  'PRICE_UNAVAILABLE', 'PRICE_FX_STALE', 'PRICE_BLOCKED',
  'SELLER_PROFILE_MISSING', 'SELLER_REVERIFICATION_REQUIRED', 'SELLER_KYC_REQUIRED', 'SELLER_KYC_ACTION_REQUIRED',
  'SELLER_VERIFICATION_PENDING', 'SELLER_KYC_REJECTED', 'SELLER_PAYOUTS_NOT_ENABLED', 'SELLER_PAYOUTS_PENDING', 'SELLER_PAYOUTS_UNAVAILABLE', 'SELLER_MARKET_NOT_CHOSEN',
];

/** One finding, traceable to the rule (and rule version, and legal source) it came from. Rendered later in the viewer's language. */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  category: IssueCategory;
  /** Product fields to fix, e.g. `gpsr.euResponsiblePerson`. */
  fields: string[];
  locale?: string;
  params: Record<string, string | number>;
  ruleId: string;
  ruleVersion: string;
  sourceUrl?: string;
}

/** What readiness needs of a product: saved or a draft body (preview). Texts as candidates per field (source + translations). */
export interface ReadinessProduct {
  category: string;
  hsCode: string | null;
  hsNational: Record<string, string>;
  originCountry: string | null;
  gpsr: Gpsr | null;
  conformity: { docUrl?: string } | null;
  /** `title`, `description`, `safetyInformation` → the source text and its translations; a field absent from the map has no source text. */
  texts: ReadonlyMap<string, Candidate[]>;
  /** Lithium and other batteries shipped with the product (dangerous goods by shipping lane); absent: none. */
  battery?: Battery | null;
  variants: { id: string | null; sku: string }[];
}

export interface ReadinessMarket {
  code: string;
  version: number;
  document: MarketDocument;
}

export interface ReadinessRules {
  version: number;
  rules: readonly ComplianceRule[];
}

export interface VariantReadiness {
  variantId: string | null;
  sku: string;
  status: ReadinessStatus;
  /** Issues of this variant only (its price in the market); the product's issues apply to every variant and count in its status. */
  issues: Issue[];
}

/**
 * The price findings of a product's variants in ONE market (`PricesService.readinessFindings`, or
 * `draftFindings` for a dry run): undefined or null for a variant whose price can be shown.
 */
export type VariantPrices = (variant: { id: string | null; sku: string }) => PriceFinding | null | undefined;

export interface ReadinessReport {
  market: string;
  marketVersion: number;
  ruleSetVersion: number;
  /** The worst of the product's and its variants' issues. */
  status: ReadinessStatus;
  /** Issues of the product as a whole (they apply to every variant). */
  issues: Issue[];
  variants: VariantReadiness[];
}

export const statusOf = (issues: readonly Issue[]): ReadinessStatus =>
  issues.some((i) => i.severity === 'BLOCKER') ? 'BLOCKED' : issues.some((i) => i.severity === 'WARNING') ? 'READY_WITH_WARNINGS' : 'READY';

/** Whether a rule applies to a market: by the market's complianceRuleSetId (`*` matches every market). */
export function applies(rule: ComplianceRule, market: MarketDocument): boolean {
  const scope = market.complianceRuleSetId;
  const hit = (ids: readonly string[] | undefined) => (ids ?? []).some((id) => id === '*' || id === scope);
  return hit(rule.appliesTo) && !hit(rule.except);
}

const inCategory = (product: string, codes: readonly string[]) => codes.some((c) => product === c || product.startsWith(`${c}.`));
const hasContact = (op: EconomicOperator) => Boolean(op.address?.line1 && op.address.city && op.address.country) && Boolean(op.email || op.url);

type Finding = Omit<Issue, 'ruleId' | 'ruleVersion' | 'sourceUrl'>;
const find = (code: IssueCode, severity: Severity, category: IssueCategory, fields: string[], params: Record<string, string | number> = {}, locale?: string): Finding => ({
  code, severity, category, fields, params, ...(locale ? { locale } : {}),
});

/** One evaluator per rule TYPE (the closed set of code); the rule data gives its parameters. */
function evaluateRule(rule: ComplianceRule, p: ReadinessProduct, market: ReadinessMarket, crossBorder: boolean): Finding[] {
  const doc = market.document;
  switch (rule.type) {
    case 'GPSR_MANUFACTURER': {
      const m = p.gpsr?.manufacturer;
      if (!m) return [find('GPSR_MANUFACTURER_MISSING', 'BLOCKER', 'COMPLIANCE', ['gpsr.manufacturer'])];
      return hasContact(m) ? [] : [find('GPSR_MANUFACTURER_CONTACT_INCOMPLETE', 'BLOCKER', 'COMPLIANCE', ['gpsr.manufacturer.address', 'gpsr.manufacturer.email', 'gpsr.manufacturer.url'])];
    }
    case 'GPSR_RESPONSIBLE_PERSON': {
      const m = p.gpsr?.manufacturer;
      if (m && rule.establishedIn.includes(m.address?.country)) return [];
      const rp = p.gpsr?.euResponsiblePerson;
      if (!rp) return [find('GPSR_EU_RP_MISSING', 'BLOCKER', 'COMPLIANCE', ['gpsr.euResponsiblePerson'], { manufacturerCountry: m?.address?.country ?? '—' })];
      if (!rule.establishedIn.includes(rp.address?.country)) {
        return [find('GPSR_EU_RP_NOT_ESTABLISHED', 'BLOCKER', 'COMPLIANCE', ['gpsr.euResponsiblePerson.address.country'], { country: rp.address?.country ?? '—' })];
      }
      return hasContact(rp) ? [] : [find('GPSR_EU_RP_CONTACT_INCOMPLETE', 'BLOCKER', 'COMPLIANCE', ['gpsr.euResponsiblePerson.email', 'gpsr.euResponsiblePerson.url'])];
    }
    case 'SAFETY_INFORMATION': {
      const candidates = p.texts.get('safetyInformation');
      if (!candidates?.length) return [find('GPSR_SAFETY_INFO_MISSING', 'BLOCKER', 'COMPLIANCE', ['safetyInformation'])];
      return legalTextFindings('safetyInformation', candidates, doc.legalLocales);
    }
    case 'CATEGORY':
      return inCategory(p.category, rule.categories)
        ? [find(rule.severity === 'BLOCKER' ? 'CATEGORY_PROHIBITED' : 'CATEGORY_RESTRICTED', rule.severity, 'COMPLIANCE', ['category'], { category: p.category, market: market.code })]
        : [];
    case 'ORIGIN_HS_BAN': {
      if (!p.originCountry || !rule.origins.includes(p.originCountry)) return [];
      const codes = [p.hsCode, ...Object.values(p.hsNational)].filter((c): c is string => Boolean(c));
      const prefix = rule.hsPrefixes.find((pre) => codes.some((c) => c.startsWith(pre)));
      return prefix ? [find('ORIGIN_HS_PROHIBITED', 'BLOCKER', 'COMPLIANCE', ['originCountry', 'hsCode'], { origin: p.originCountry, hsPrefix: prefix, market: market.code })] : [];
    }
    case 'CE_DOC':
      return inCategory(p.category, rule.categories) && !p.conformity?.docUrl
        ? [find('CE_DOC_MISSING', rule.severity, 'COMPLIANCE', ['conformity.docUrl'], { category: p.category })]
        : [];
    case 'HS_CODE': {
      if (!crossBorder) return [];
      if (!p.hsCode) return [find('HS_CODE_MISSING', 'BLOCKER', 'LOGISTICS', ['hsCode'])];
      const n = rule.national;
      if (!n) return [];
      const code = p.hsNational[n.key];
      if (code && code.length >= n.digits) return [];
      return [find(n.severity === 'BLOCKER' ? 'HS_NATIONAL_CODE_REQUIRED' : 'HS_NATIONAL_CODE_RECOMMENDED', n.severity, 'LOGISTICS', [`hsNational.${n.key}`], { key: n.key, digits: n.digits })];
    }
    case 'ORIGIN_REQUIRED':
      return p.originCountry ? [] : [find('ORIGIN_MISSING', 'BLOCKER', 'LOGISTICS', ['originCountry'])];
    case 'VAT_SCHEME':
      if (!crossBorder || inCategory(p.category, rule.excludedCategories ?? [])) return [];
      return [find(rule.scheme === 'IOSS' ? 'VAT_IOSS' : 'VAT_UK_LOW_VALUE', 'INFO', 'TAX', [], { threshold: rule.threshold, currency: rule.currency })];
    case 'FLAT_DUTY':
      return [];
    case 'DG_LITHIUM': {
      if (!p.battery) return [];
      const lanes = dgLanes(p.battery, rule.lanes);
      if (!lanes.length) return [];
      const forbidden = lanes.filter((l) => !l.allowed);
      if (forbidden.length === lanes.length) return [find('DG_NO_LANE', 'BLOCKER', 'LOGISTICS', ['battery'], { unNumber: lanes[0].unNumber ?? '—' })];
      return [
        ...forbidden.map((l) => find('DG_LANE_FORBIDDEN', 'WARNING', 'LOGISTICS', ['battery'], { lane: l.lane, unNumber: l.unNumber ?? '—' })),
        ...lanes.filter((l) => l.allowed && l.handling.length).map((l) => find('DG_HANDLING', 'INFO', 'LOGISTICS', ['battery'], { lane: l.lane, unNumber: l.unNumber ?? '—', handling: l.handling.join(', ') })),
      ];
    }
  }
}

/** A legal text in every legal locale of the market: no fallback, not outdated, not machine-only. */
function legalTextFindings(field: string, candidates: Candidate[], legalLocales: readonly string[]): Finding[] {
  return legalLocales.flatMap((locale) => {
    const text = resolveLegal(candidates, locale);
    if (text.state === 'missing') return [find('LEGAL_TEXT_LOCALE_MISSING', 'BLOCKER', 'TRANSLATION', [field], { field, locale }, locale)];
    if (text.outdated) return [find('LEGAL_TEXT_OUTDATED', 'BLOCKER', 'TRANSLATION', [field], { field, locale }, locale)];
    if (text.status === 'machine') return [find('LEGAL_TEXT_MACHINE_ONLY', 'BLOCKER', 'TRANSLATION', [field], { field, locale }, locale)];
    return [];
  });
}

/** Display texts in the market's languages (its own fallback chain, never the seller's language unless shown) and legal texts in its legal locales. */
function translationFindings(p: ReadinessProduct, doc: MarketDocument, chain: readonly string[]): Finding[] {
  const own = doc.displayLocales[0];
  const out: Finding[] = [];
  for (const field of ['title', 'description']) {
    const candidates = p.texts.get(field);
    if (!candidates?.length) continue;
    const text = resolveText(candidates, chain);
    if (text.state === 'missing') out.push(find('TRANSLATION_REQUIRED', 'BLOCKER', 'TRANSLATION', [field], { field, locale: own }, own));
    else if (text.status === 'machine') out.push(find('TRANSLATION_MACHINE_ONLY', 'WARNING', 'TRANSLATION', [field], { field, locale: text.locale ?? own }, text.locale ?? own));
    else if (text.outdated) out.push(find('TRANSLATION_OUTDATED', 'WARNING', 'TRANSLATION', [field], { field, locale: text.locale ?? own }, text.locale ?? own));
  }
  const legal = p.texts.get('safetyInformation');
  if (legal?.length) out.push(...legalTextFindings('safetyInformation', legal, doc.legalLocales));
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { BLOCKER: 0, WARNING: 1, INFO: 2 };
const STATUS_ORDER: Record<ReadinessStatus, number> = { BLOCKED: 0, READY_WITH_WARNINGS: 1, READY: 2 };

/**
 * Readiness for one market under one rule set, prepared once (the rules that apply to the market,
 * its fallback chain) and then applied to any number of products: what a batch (the worker, a
 * listing page, the benchmark) uses instead of calling `evaluateReadiness` per product.
 */
export class MarketReadiness {
  private readonly rules: readonly ComplianceRule[];
  private readonly chain: readonly string[];
  private readonly countries: ReadonlySet<string>;

  constructor(
    readonly market: ReadinessMarket,
    readonly ruleSet: ReadinessRules,
  ) {
    this.rules = ruleSet.rules.filter((r) => applies(r, market.document));
    this.chain = fallbackChain(market.document);
    this.countries = new Set(market.document.countries);
  }

  /**
   * Readiness of a product's variants: every applicable rule, then the market's own language
   * requirements, then each variant's price in the market (`prices`; not given: prices are not
   * checked — pure benchmarks and rule tests only). Pure: the same inputs give the same report. A
   * product "made in" the market's countries by a seller there is domestic (no HS/VAT-scheme checks).
   */
  evaluate(p: ReadinessProduct, sellerCountry: string, prices?: VariantPrices): ReadinessReport {
    const market = this.market;
    const crossBorder = !this.countries.has(sellerCountry);
    const issues: Issue[] = [];
    const seen = new Set<string>();
    const add = (f: Finding, ruleId: string, ruleVersion: string, sourceUrl?: string) => {
      const key = `${f.code}|${f.fields.join(',')}|${f.locale ?? ''}|${f.params.lane ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      // built field by field (a spread of findings of many shapes is a slow generic copy in V8): the same keys
      const issue: Issue = { code: f.code, severity: f.severity, category: f.category, fields: f.fields, params: f.params, ruleId, ruleVersion };
      if (f.locale !== undefined) issue.locale = f.locale;
      if (sourceUrl) issue.sourceUrl = sourceUrl;
      issues.push(issue);
    };
    for (const rule of this.rules) {
      for (const f of evaluateRule(rule, p, market, crossBorder)) add(f, rule.id, String(rule.version), rule.sourceUrl);
    }
    for (const f of translationFindings(p, market.document, this.chain)) add(f, `market.${market.code}.locales`, String(market.version));
    issues.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    const productStatus = statusOf(issues);
    let status = productStatus;
    const variants = p.variants.map((v): VariantReadiness => {
      const f = prices?.(v);
      if (!f) return { variantId: v.id, sku: v.sku, status: productStatus, issues: [] };
      const own = [this.priceIssue(f)];
      const vs = statusOf([...issues, ...own]);
      if (STATUS_ORDER[vs] < STATUS_ORDER[status]) status = vs;
      return { variantId: v.id, sku: v.sku, status: vs, issues: own };
    });
    return { market: market.code, marketVersion: market.version, ruleSetVersion: this.ruleSet.version, status, issues, variants };
  }

  /** A variant's price finding as an issue of the market's own settings (`market.IT.fx`, `market.IT.prices`), like its language rules. */
  private priceIssue(f: PriceFinding): Issue {
    return { code: f.code, severity: f.severity, category: 'PRICE', fields: f.fields, params: f.params, ruleId: `market.${this.market.code}.${f.rule}`, ruleVersion: String(this.market.version) };
  }

  /** `evaluate` for many products (of sellers of any country), in order, each with its variants' prices in this market when given. */
  evaluateMany(items: readonly { product: ReadinessProduct; sellerCountry: string; prices?: VariantPrices }[]): ReadinessReport[] {
    return items.map((i) => this.evaluate(i.product, i.sellerCountry, i.prices));
  }
}

/** Readiness of one product for one market (see `MarketReadiness` to evaluate many). */
export function evaluateReadiness(p: ReadinessProduct, sellerCountry: string, market: ReadinessMarket, rules: ReadinessRules, prices?: VariantPrices): ReadinessReport {
  return new MarketReadiness(market, rules).evaluate(p, sellerCountry, prices);
}

/**
 * Readiness of many products for many markets, each market's rules prepared once:
 * `reports.get(marketCode)[i]` is the report of `items[i]`. Rules and languages only: prices are per
 * market (`MarketReadiness.evaluateMany` with each item's `prices`).
 */
export function evaluateReadinessMany(
  items: readonly { product: ReadinessProduct; sellerCountry: string }[],
  markets: readonly ReadinessMarket[],
  rules: ReadinessRules,
): Map<string, ReadinessReport[]> {
  return new Map(markets.map((m) => [m.code, new MarketReadiness(m, rules).evaluateMany(items)]));
}

/** Message parameters of an issue (all plain values). */
export const issueParams = (i: Issue): Record<string, MessageParam> => ({ ...i.params });
