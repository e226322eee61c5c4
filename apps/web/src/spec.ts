import type { CountrySpecView } from './api/client';

/*
 * The parts of GET /v1/countries/{cc} the business form reads. The OpenAPI document types
 * legalForms, address and declarations only as objects, so their shape is narrowed here.
 */
export interface IdentifierSpec {
  type: string;
  label: string;
  required: boolean;
  purpose?: string;
  example?: string;
}

export interface DocumentSpec {
  type: string;
  label: string;
  required: boolean;
  condition: string;
  maxAgeDays?: number;
  /** Whose document it is: upload it with that person's id (personId). */
  person?: 'representative' | 'each_person';
  dates?: { issuedOn?: { required: boolean; label?: string }; expiresOn?: { required: boolean; label?: string } };
}

export interface LegalFormSpec {
  code: string;
  label?: string;
  localName?: string;
  abbreviation?: string;
  sellerType: 'individual' | 'company';
  eligible: boolean;
  identifiers: IdentifierSpec[];
  documents: DocumentSpec[];
  vatRegistration?: { by: string };
}

export interface AddressFieldSpec {
  name: string;
  required: boolean;
  label?: string;
  pattern?: string;
  example?: string;
  value?: string;
}

export interface DeclarationSpec {
  name: string;
  legalForms?: string[];
  maxItems?: number;
  maxLength?: number;
}

/** One field of the registration body as the spec describes it (`fields`, groups nested). */
export interface FieldSpec {
  path: string;
  label: string;
  help?: string;
  example?: string;
  maxLength?: number;
  /** A closed list (legal forms, regions): the value sent and the label shown. */
  options?: { value: string; label: string }[];
  fields?: FieldSpec[];
}

/** The spec's fields by their path (the same path an error names): label, help, example. */
function fieldsByPath(spec: CountrySpecView): Map<string, FieldSpec> {
  const out = new Map<string, FieldSpec>();
  const walk = (fields: FieldSpec[] | undefined) => {
    for (const f of fields ?? []) {
      out.set(f.path, f);
      walk(f.fields);
    }
  };
  walk((spec as unknown as { fields?: FieldSpec[] }).fields);
  return out;
}

export function readSpec(spec: CountrySpecView) {
  const legalForms = spec.legalForms as unknown as LegalFormSpec[];
  const address = ((spec.address as { fields?: AddressFieldSpec[] }).fields ?? []) as AddressFieldSpec[];
  const declarations = ((spec.declarations as { fields?: DeclarationSpec[] }).fields ?? []) as DeclarationSpec[];
  const phone = spec.phone as { example?: string };
  return { legalForms, address, declarations, phoneExample: phone.example, fields: fieldsByPath(spec) };
}

export const legalFormLabel = (f: LegalFormSpec) => f.label ?? (f.abbreviation ? `${f.localName} (${f.abbreviation})` : (f.localName ?? f.code));

/** Form field names cannot hold dots (react-hook-form reads them as nesting): `tr.vkn` ↔ `tr__vkn`. */
export const identifierKey = (type: string) => type.replace(/\./g, '__');
