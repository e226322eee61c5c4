import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { ErrorDetail } from '@app/kernel';
import { IDENTIFIER_TYPES, validateIdentifier } from '../identifiers';
import { checkRegistration } from './registration';
import { CountryPackDocument } from './schema';

const problem = (field: string, code: string, params: Record<string, string | number> = {}): ErrorDetail => ({
  field,
  code,
  messageKey: `country.pack.${code}`,
  params: { field, ...params },
});

/**
 * Everything a pack must pass before it can be published: the schema (including a label in every
 * language), identifier types and document types the code knows, examples that pass their own
 * rules, and its sample registrations accepted or rejected exactly as declared.
 */
export function checkPack(input: unknown): { pack?: CountryPackDocument; problems: ErrorDetail[] } {
  const parsed = CountryPackDocument.safeParse(input);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => problem(i.path.map(String).join('.') || '(root)', 'SCHEMA', { reason: i.message })),
    };
  }
  const pack = parsed.data;
  const problems: ErrorDetail[] = [];
  const declaredDocs = new Set(pack.documentTypes.map((d) => d.code));
  const formCodes = new Set<string>();
  pack.legalForms.forEach((form) => {
    const at = `legalForms[${form.code}]`;
    if (formCodes.has(form.code)) problems.push(problem(at, 'DUPLICATE_CODE'));
    formCodes.add(form.code);
    for (const id of form.identifiers) {
      if (!IDENTIFIER_TYPES.has(id.type)) problems.push(problem(`${at}.identifiers[${id.type}]`, 'UNKNOWN_IDENTIFIER_TYPE', { type: id.type }));
    }
    for (const doc of form.documents) {
      if (!declaredDocs.has(doc.type)) problems.push(problem(`${at}.documents[${doc.type}]`, 'UNDECLARED_DOCUMENT_TYPE', { type: doc.type }));
    }
  });
  if (!pack.legalForms.some((f) => f.eligibility.allowed)) problems.push(problem('legalForms', 'NO_ELIGIBLE_FORM'));
  try {
    if (!new RegExp(pack.address.postalCode.pattern).test(pack.address.postalCode.example)) {
      problems.push(problem('address.postalCode.example', 'EXAMPLE_FAILS_RULE'));
    }
  } catch {
    problems.push(problem('address.postalCode.pattern', 'INVALID_PATTERN'));
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
