/**
 * Identifier types as one pack sees them: the pack's own `identifierTypes` (generic rules, data)
 * first, then the built-in registry (code). Every caller that validates an identifier for a seller
 * of a pack goes through here, so a type defined by ops works exactly like a built-in one.
 */
import type { ErrorDetail, LocalizedTextParam } from '@app/kernel';
import { countryError, CountryErrorCode } from '../errors';
import { IDENTIFIER_TYPES, UnknownIdentifierTypeError } from '../identifiers';
import type { IdentifierKind, IdentifierResult, IdentifierType } from '../identifiers';
import { identifierName } from '../identifiers/names';
import { identifierTypeFromRule, ruleDefinitionProblems } from '../identifiers/rules';
import type { IdentifierRuleDefinition } from '../identifiers/rules';
import type { CountryPackDocument, IdentifierTypeDefinition, SellerType } from './schema';

type PackLike = Pick<CountryPackDocument, 'country'> & { identifierTypes?: IdentifierTypeDefinition[] };

const compiled = new WeakMap<IdentifierTypeDefinition, IdentifierType | null>();

/** The compiled type of one definition, or null when its rule is unusable (the pack checks say why). */
export function compileDefinition(country: string, def: IdentifierTypeDefinition): IdentifierType | null {
  if (compiled.has(def)) return compiled.get(def)!;
  let type: IdentifierType | null = null;
  try {
    const rule = def.rule as IdentifierRuleDefinition;
    if (!ruleDefinitionProblems(rule).length) type = identifierTypeFromRule(def.code, country, def.example, rule);
  } catch {
    type = null;
  }
  compiled.set(def, type);
  return type;
}

/** The pack's own definition of `code`, if any. */
export const packDefinition = (pack: PackLike, code: string): IdentifierTypeDefinition | undefined => (pack.identifierTypes ?? []).find((d) => d.code === code);

/** The identifier type `code` as this pack knows it (its own definition wins over nothing: built-ins cannot be redefined). */
export function packIdentifierType(pack: PackLike, code: string): IdentifierType | undefined {
  const def = packDefinition(pack, code);
  if (def) return compileDefinition(pack.country, def) ?? undefined;
  return IDENTIFIER_TYPES.get(code);
}

/** Like `validateIdentifier`, for a type as the pack knows it; throws {@link UnknownIdentifierTypeError} for an unknown type. */
export function validateWithPack(pack: PackLike, code: string, raw: string): IdentifierResult {
  const type = packIdentifierType(pack, code);
  if (!type) throw new UnknownIdentifierTypeError(code);
  return type.validate(raw);
}

/** The localised name of a type: the pack's own name for its types, else the built-in name. */
export function packIdentifierName(pack: PackLike, code: string): LocalizedTextParam | string {
  const def = packDefinition(pack, code);
  return def ? { text: def.name } : identifierName(code);
}

/** The identifier kind a seller type's numbers have: a partnership's numbers are those of a business, not a person. */
export const kindOfSellerType = (sellerType: SellerType): IdentifierKind => (sellerType === 'individual' ? 'individual' : 'company');

/** Identifier types a pack uses: those of its legal forms and personIdNumber, its own, its bank rule's, and the built-in national types of its country. */
export function identifierTypesOf(pack: CountryPackDocument): string[] {
  const types = new Set(pack.legalForms.flatMap((f) => f.identifiers.map((i) => i.type)));
  (pack.identifierTypes ?? []).forEach((d) => types.add(d.code));
  pack.personIdNumber?.types.forEach((t) => types.add(t));
  if (pack.bank.type === 'iban') types.add('iban');
  if (pack.bank.type === 'ru_account') ['ru.bik', 'ru.bank_account'].forEach((t) => types.add(t));
  for (const t of IDENTIFIER_TYPES.values()) if (t.country === pack.country) types.add(t.code);
  return [...types].sort();
}

export interface IdentifierCheck {
  valid: boolean;
  normalized?: string;
  code?: string;
  detail?: ErrorDetail;
}

/**
 * Checks one value against a type as this pack uses it (a published pack, or a draft before
 * publication): 422 COUNTRY_IDENTIFIER_TYPE_UNKNOWN for a type the pack does not use; the `eu.vat`
 * prefix of the pack's legal forms is enforced (an FR number is no Italian VAT number).
 */
export function checkIdentifier(pack: CountryPackDocument, type: string, value: string): IdentifierCheck {
  const known = identifierTypesOf(pack).includes(type) ? packIdentifierType(pack, type) : undefined;
  if (!known) throw countryError(CountryErrorCode.IDENTIFIER_TYPE_UNKNOWN, { country: pack.country, type });
  const rules = pack.legalForms.flatMap((f) => f.identifiers).filter((i) => i.type === type);
  const rule = rules[0];
  // No legal form here: the pack's label only when every form labels the type alike (RU labels
  // a person's and an organisation's INN differently), else the type's own name ("ИНН", "DNI").
  const label = rule && rules.every((r) => JSON.stringify(r.label) === JSON.stringify(rule.label)) ? { text: rule.label } : packIdentifierName(pack, type);
  const prefix = rules.find((r) => r.prefix)?.prefix;
  const result = known.validate(value);
  if (result.valid) {
    if (prefix && !result.normalized.startsWith(prefix)) {
      return {
        valid: false,
        code: 'WRONG_PREFIX',
        normalized: result.normalized,
        detail: { field: type, code: 'WRONG_PREFIX', messageKey: 'country.check.IDENTIFIER_WRONG_PREFIX', params: { field: type, label, prefix } },
      };
    }
    return { valid: true, normalized: result.normalized };
  }
  return {
    valid: false,
    code: result.code,
    ...(result.normalized ? { normalized: result.normalized } : {}),
    detail: { field: type, code: result.code, messageKey: `country.check.${result.code}`, params: { field: type, label } },
  };
}
