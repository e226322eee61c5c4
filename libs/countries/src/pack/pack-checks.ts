import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { ErrorDetail } from '@app/kernel';
import { isAssignedCountryCode } from '../country-names';
import { euVatPrefixOf, IDENTIFIER_TYPES, validateIdentifier } from '../identifiers';
import { ruleDefinitionProblems } from '../identifiers/rules';
import type { IdentifierRuleDefinition } from '../identifiers/rules';
import { unsafePatternReason } from '../identifiers/safe-pattern';
import { identifierExample } from './examples';
import { compileDefinition, kindOfSellerType, packDefinition, packIdentifierType } from './identifier-types';
import { checkRegistration } from './registration';
import { CountryPackDocument, IdentifierRule, LegalFormRule, withoutLegacyFields } from './schema';

const problem = (field: string, code: string, params: Record<string, string | number> = {}): ErrorDetail => ({
  field,
  code,
  messageKey: `country.pack.${code}`,
  params: { field, ...params },
});

export { isAssignedCountryCode };

/** The country a `<cc>.<name>` code is named after (`es` for `es.sl`), or undefined for a bare name. */
const countryOfCode = (code: string): string | undefined => (code.includes('.') ? code.slice(0, code.indexOf('.')) : undefined);

/**
 * Identifier types a pack of `country` may use: the country's own (`gb.*` for GB), `iban`, and
 * `eu.vat` for an EU member state, with the member state's own VIES prefix (EL for GR).
 */
function identifierTypeProblems(pack: CountryPackDocument, at: string, rule: IdentifierRule): ErrorDetail[] {
  const country = pack.country;
  const type = packIdentifierType(pack, rule.type);
  if (!type) return [problem(at, 'UNKNOWN_IDENTIFIER_TYPE', { type: rule.type })];
  if (type.country === country || type.code === 'iban') return [];
  if (type.code === 'eu.vat') {
    const prefix = euVatPrefixOf(country);
    if (!prefix) return [problem(at, 'FOREIGN_IDENTIFIER_TYPE', { type: rule.type })];
    return rule.prefix === prefix ? [] : [problem(`${at}.prefix`, 'VAT_PREFIX_MISMATCH', { expected: prefix })];
  }
  return [problem(at, 'FOREIGN_IDENTIFIER_TYPE', { type: rule.type })];
}

/**
 * The pack's own identifier types: named `<country>.<name>` after the pack's country, no built-in
 * type redefined, no duplicates, a usable rule (safe pattern, weights that fit the lengths, numeric
 * ranges) and an example that passes it.
 */
function definitionProblems(pack: CountryPackDocument): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const def of pack.identifierTypes ?? []) {
    const at = `identifierTypes[${def.code}]`;
    if (seen.has(def.code)) out.push(problem(at, 'DUPLICATE_CODE'));
    seen.add(def.code);
    if (countryOfCode(def.code) !== pack.country.toLowerCase()) out.push(problem(`${at}.code`, 'FOREIGN_IDENTIFIER_CODE', { expected: pack.country.toLowerCase() }));
    if (IDENTIFIER_TYPES.has(def.code)) out.push(problem(`${at}.code`, 'BUILTIN_IDENTIFIER_TYPE', { type: def.code }));
    const ruleProblems = ruleDefinitionProblems(def.rule as IdentifierRuleDefinition);
    for (const p of ruleProblems) {
      out.push(p.path === 'pattern' ? problem(`${at}.rule.pattern`, 'UNSAFE_PATTERN', { reason: p.reason }) : problem(`${at}.rule.${p.path}`, 'RULE_INVALID', { reason: p.reason }));
    }
    const type = ruleProblems.length ? null : compileDefinition(pack.country, def);
    if (type && !type.validate(def.example).valid) out.push(problem(`${at}.example`, 'EXAMPLE_FAILS_RULE'));
  }
  return out;
}

/** The example shown for the identifier must pass the type's check, carry the prefix and be of the form's seller type. */
function exampleProblems(pack: CountryPackDocument, form: LegalFormRule, at: string, rule: IdentifierRule): ErrorDetail[] {
  const example = identifierExample(rule, pack);
  const result = example === undefined ? undefined : packIdentifierType(pack, rule.type)?.validate(example);
  const fits =
    result?.valid && (!rule.prefix || result.normalized.startsWith(rule.prefix)) && (!result.kind || result.kind === kindOfSellerType(form.sellerType));
  return fits ? [] : [problem(`${at}.example`, 'EXAMPLE_FAILS_RULE')];
}

/**
 * Everything a pack must pass before it can be published: the schema (including a label in every
 * language), an assigned ISO country code, legal forms named after the pack's country, identifier
 * types the code knows and this country may use, document types declared (and not named after
 * another country), examples that pass their own rules, and its sample registrations accepted or
 * rejected exactly as declared.
 */
export function checkPack(input: unknown): { pack?: CountryPackDocument; problems: ErrorDetail[] } {
  // legacy fields (a pack's old `status`) are dropped, not failed: callers that accept packs from ops warn about them
  const parsed = CountryPackDocument.safeParse(withoutLegacyFields(input).input);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => problem(i.path.map(String).join('.') || '(root)', 'SCHEMA', { reason: i.message })),
    };
  }
  const pack = parsed.data;
  const problems: ErrorDetail[] = [];
  if (!isAssignedCountryCode(pack.country)) return { pack, problems: [problem('country', 'UNKNOWN_COUNTRY', { country: pack.country })] };
  const own = pack.country.toLowerCase();
  pack.obligations.shipFromCountries.forEach((c, i) => {
    if (!isAssignedCountryCode(c)) problems.push(problem(`obligations.shipFromCountries[${i}]`, 'UNKNOWN_COUNTRY', { country: c }));
  });
  if (pack.bank.type === 'iban' && !isAssignedCountryCode(pack.bank.ibanCountry)) {
    problems.push(problem('bank.ibanCountry', 'UNKNOWN_COUNTRY', { country: pack.bank.ibanCountry }));
  }
  const declaredDocs = new Set(pack.documentTypes.map((d) => d.code));
  for (const doc of pack.documentTypes) {
    const named = countryOfCode(doc.code);
    if (named !== undefined && named !== own) problems.push(problem(`documentTypes[${doc.code}]`, 'FOREIGN_DOCUMENT_TYPE', { type: doc.code, expected: own }));
  }
  problems.push(...definitionProblems(pack));
  const formCodes = new Set<string>();
  pack.legalForms.forEach((form) => {
    const at = `legalForms[${form.code}]`;
    if (formCodes.has(form.code)) problems.push(problem(at, 'DUPLICATE_CODE'));
    formCodes.add(form.code);
    if (countryOfCode(form.code) !== own) problems.push(problem(`${at}.code`, 'FOREIGN_LEGAL_FORM', { expected: own }));
    for (const id of form.identifiers) {
      const idAt = `${at}.identifiers[${id.type}]`;
      if (packDefinition(pack, id.type) && !packIdentifierType(pack, id.type)) continue; // its broken rule is reported once, above
      const typeProblems = identifierTypeProblems(pack, idAt, id);
      problems.push(...typeProblems);
      if (!typeProblems.length) problems.push(...exampleProblems(pack, form, idAt, id));
    }
    for (const doc of form.documents) {
      if (!declaredDocs.has(doc.type)) problems.push(problem(`${at}.documents[${doc.type}]`, 'UNDECLARED_DOCUMENT_TYPE', { type: doc.type }));
    }
  });
  if (!pack.legalForms.some((f) => f.eligibility.allowed)) problems.push(problem('legalForms', 'NO_ELIGIBLE_FORM'));
  // persons' ID numbers: identifier types the code knows, of this country (a national ID, not eu.vat or iban)
  pack.personIdNumber?.types.forEach((type) => {
    const at = `personIdNumber.types[${type}]`;
    const known = packIdentifierType(pack, type);
    if (!known) problems.push(problem(at, 'UNKNOWN_IDENTIFIER_TYPE', { type }));
    else if (known.country !== pack.country) problems.push(problem(at, 'PERSON_ID_TYPE_NOT_NATIONAL', { type }));
  });
  // persons' identity documents: identifier types of this country, safe patterns whose example passes
  pack.personIdDocuments?.forEach((doc) => {
    const at = `personIdDocuments[${doc.code}]`;
    if (doc.check.by === 'identifier') {
      for (const type of doc.check.types) {
        const known = packIdentifierType(pack, type);
        if (!known) problems.push(problem(`${at}.check.types[${type}]`, 'UNKNOWN_IDENTIFIER_TYPE', { type }));
        else if (known.country !== pack.country) problems.push(problem(`${at}.check.types[${type}]`, 'PERSON_ID_TYPE_NOT_NATIONAL', { type }));
      }
    } else if (doc.check.by === 'pattern') {
      const unsafe = unsafePatternReason(doc.check.pattern);
      if (unsafe) problems.push(problem(`${at}.check.pattern`, unsafe === 'SYNTAX' ? 'INVALID_PATTERN' : 'UNSAFE_PATTERN', { reason: unsafe }));
      else if (!new RegExp(doc.check.pattern).test(doc.check.example)) problems.push(problem(`${at}.check.example`, 'EXAMPLE_FAILS_RULE'));
    }
  });
  const postalUnsafe = unsafePatternReason(pack.address.postalCode.pattern);
  if (postalUnsafe) {
    problems.push(problem('address.postalCode.pattern', postalUnsafe === 'SYNTAX' ? 'INVALID_PATTERN' : 'UNSAFE_PATTERN', { reason: postalUnsafe }));
  } else if (!new RegExp(pack.address.postalCode.pattern, 'u').test(pack.address.postalCode.example)) {
    problems.push(problem('address.postalCode.example', 'EXAMPLE_FAILS_RULE'));
  }
  const phone = parsePhoneNumberFromString(pack.phone.example, pack.country as never);
  if (!phone?.isValid()) problems.push(problem('phone.example', 'EXAMPLE_FAILS_RULE'));
  if (pack.bank.type === 'iban') {
    const iban = validateIdentifier('iban', pack.bank.example);
    if (!iban.valid || !iban.normalized.startsWith(pack.bank.ibanCountry)) problems.push(problem('bank.example', 'EXAMPLE_FAILS_RULE'));
  } else if (pack.bank.type === 'ru_account' && !validateIdentifier('ru.bank_account', pack.bank.example).valid) {
    problems.push(problem('bank.example', 'EXAMPLE_FAILS_RULE'));
  }
  if (problems.length) return { pack, problems };

  pack.samples.forEach((sample, i) => {
    const at = `samples[${i}]`;
    const fields = [...new Set(checkRegistration(pack, sample.registration).problems.map((p) => p.field))].sort();
    if (sample.expect === 'accept' && fields.length) {
      problems.push(problem(at, 'SAMPLE_REJECTED', { sample: sample.name, fields: fields.join(', ') }));
    }
    if (sample.expect === 'reject') {
      const expected = [...(sample.rejectFields ?? [])].sort();
      if (!fields.length) problems.push(problem(at, 'SAMPLE_ACCEPTED', { sample: sample.name }));
      else if (expected.length && JSON.stringify(expected) !== JSON.stringify(fields)) {
        problems.push(problem(at, 'SAMPLE_WRONG_FIELDS', { sample: sample.name, expected: expected.join(', '), fields: fields.join(', ') }));
      }
    }
  });
  return { pack, problems };
}
