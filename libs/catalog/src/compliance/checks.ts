import { isDeepStrictEqual } from 'node:util';
import { isAssignedCountryCode } from '@app/countries';
import { isCurrencyCode } from '@app/kernel';
import type { ErrorDetail } from '@app/kernel';
import { category } from '../taxonomy/taxonomy';
import { ComplianceRuleSetDocument } from './schema';

export type ComplianceProblemCode = 'SCHEMA' | 'DUPLICATE_RULE' | 'UNKNOWN_COUNTRY' | 'UNKNOWN_CATEGORY' | 'UNKNOWN_CURRENCY' | 'VERSION_NOT_RAISED';

const problem = (field: string, code: ComplianceProblemCode, params: Record<string, string | number> = {}): ErrorDetail => ({
  field,
  code,
  messageKey: `compliance.check.${code}`,
  params: { field, ...params },
});

/**
 * Everything a rule set must pass before publication: the schema, unique rule ids, assigned
 * country codes, categories of the taxonomy, ISO 4217 currencies, and — against the published
 * set — a raised `version` on every rule whose content changed (issues name the rule version they
 * were found under, so one version must mean one content).
 */
export function checkRuleSet(input: unknown, published?: ComplianceRuleSetDocument): { ruleSet?: ComplianceRuleSetDocument; problems: ErrorDetail[] } {
  const parsed = ComplianceRuleSetDocument.safeParse(input);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => problem(i.path.map(String).join('.') || '(root)', 'SCHEMA', { reason: i.message })) };
  }
  const ruleSet = parsed.data;
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  const before = new Map((published?.rules ?? []).map((r) => [r.id, r]));
  ruleSet.rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    if (seen.has(rule.id)) problems.push(problem(`${at}.id`, 'DUPLICATE_RULE', { value: rule.id }));
    seen.add(rule.id);
    const countries = [...('origins' in rule ? rule.origins.map((c, j) => [`${at}.origins[${j}]`, c]) : []), ...('establishedIn' in rule ? rule.establishedIn.map((c, j) => [`${at}.establishedIn[${j}]`, c]) : [])];
    for (const [field, c] of countries) if (!isAssignedCountryCode(c)) problems.push(problem(field, 'UNKNOWN_COUNTRY', { value: c }));
    const categories = [...('categories' in rule ? rule.categories.map((c, j) => [`${at}.categories[${j}]`, c]) : []), ...('excludedCategories' in rule ? (rule.excludedCategories ?? []).map((c, j) => [`${at}.excludedCategories[${j}]`, c]) : [])];
    for (const [field, c] of categories) if (!category(c)) problems.push(problem(field, 'UNKNOWN_CATEGORY', { value: c }));
    if ((rule.type === 'VAT_SCHEME' || rule.type === 'FLAT_DUTY') && !isCurrencyCode(rule.currency)) problems.push(problem(`${at}.currency`, 'UNKNOWN_CURRENCY', { value: rule.currency }));
    const old = before.get(rule.id);
    if (old && old.version >= rule.version && !isDeepStrictEqual({ ...old, version: 0 }, { ...rule, version: 0 })) {
      problems.push(problem(`${at}.version`, 'VERSION_NOT_RAISED', { value: rule.id, published: old.version }));
    }
  });
  return { ruleSet, problems };
}
