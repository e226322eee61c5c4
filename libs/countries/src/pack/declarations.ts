import type { LegalFormRule } from './schema';

/**
 * What a seller declares about its business that decides which conditional documents apply
 * (`DocumentRequirement.condition`): a brand (a non-empty `brands` list) and VAT registration.
 * Pure: the facts come from the business profile, the rules from the pack the case is pinned to.
 */
export interface Declarations {
  brandDeclared: boolean;
  vatRegistered: boolean;
}

export const BRANDS_MAX = 20;
export const BRAND_MAX_LENGTH = 100;

/** The identifier types of a legal form that ARE its VAT registration (USt-IdNr, UK VAT number, partita IVA). */
export const vatIdentifierTypes = (form: Pick<LegalFormRule, 'identifiers'>): string[] =>
  form.identifiers.filter((r) => r.purpose === 'vat').map((r) => r.type);

/**
 * VAT registration as the pack defines it: where the legal form has a VAT number, a seller is
 * VAT-registered exactly when it gave that number (a DE seller with a USt-IdNr, a GB one with a VAT
 * number); where it has none (KZ: VAT payers keep their BIN/IIN), the seller says so with the
 * explicit `vatRegistered` flag.
 */
export function isVatRegistered(form: Pick<LegalFormRule, 'identifiers'> | undefined, identifiers: Record<string, string>, declared: boolean | null | undefined): boolean {
  const types = form ? vatIdentifierTypes(form) : [];
  if (types.length) return types.some((t) => Boolean(identifiers[t]));
  return declared === true;
}

export function declarationsOf(form: Pick<LegalFormRule, 'identifiers'> | undefined, profile: { identifiers: Record<string, string>; brands?: readonly string[] | null; vatRegistered?: boolean | null }): Declarations {
  return { brandDeclared: (profile.brands?.length ?? 0) > 0, vatRegistered: isVatRegistered(form, profile.identifiers, profile.vatRegistered) };
}

/** Whether a document requirement of this condition applies to a seller with these declarations. */
export function conditionApplies(condition: 'always' | 'brand_declared' | 'vat_registered', d: Declarations): boolean {
  switch (condition) {
    case 'always':
      return true;
    case 'brand_declared':
      return d.brandDeclared;
    case 'vat_registered':
      return d.vatRegistered;
  }
}
