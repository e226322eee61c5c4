import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { ErrorDetail, LocalizedTextParam, MessageParam } from '@app/kernel';
import { kindOfSellerType, packIdentifierName, packIdentifierType } from './identifier-types';
import { BRAND_MAX_LENGTH, BRANDS_MAX, vatIdentifierTypes } from './declarations';
import type { CountryPackDocument, Label, LegalFormRule } from './schema';
import { countryName } from '../country-names';
import { composeLabels, fieldParam } from './fields';

/**
 * Checks one business profile against one country pack and reports EVERY problem at once, each
 * as a field-level detail with a stable code and an i18n key. Pure: no I/O, no clock.
 */
export interface Address {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
}

/** The longest trading name accepted (characters). */
export const TRADING_NAME_MAX_LENGTH = 200;

export interface Registration {
  legalForm: string;
  legalName: string;
  /** The name the business trades under when it differs from the registered name (optional). */
  tradingName?: string;
  identifiers: Record<string, string>;
  registeredAddress: Address;
  phone: string;
  website?: string;
  shipFrom?: Address;
  representative: { firstName: string; lastName: string };
  /** Brand names the seller sells under; a non-empty list asks for the `brand_declared` documents. */
  brands: string[];
  /** Declared VAT registration, only where the legal form has no VAT number (see `isVatRegistered`). */
  vatRegistered?: boolean;
}

export interface RegistrationCheck {
  problems: ErrorDetail[];
  /** Present when there are no problems: identifiers normalised, phone in E.164, country codes upper-cased. */
  normalized?: Registration & { sellerType: LegalFormRule['sellerType'] };
}

const NAME = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\p{Zs}.,'’&()\-/+"«»„“”]*$/u;

type Problems = ErrorDetail[];

const detail = (field: string, code: string, params: Record<string, MessageParam> = {}): ErrorDetail => ({
  field,
  code,
  messageKey: `country.check.${code}`,
  params: { field, ...params },
});

/** A detail about one identifier field: the message names the number by the pack's label, never by its type code. */
const identifierDetail = (field: string, code: string, label: Label, params: Record<string, MessageParam> = {}, messageCode = code): ErrorDetail => ({
  ...detail(field, code, { label: { text: label }, ...params }),
  messageKey: `country.check.${messageCode}`,
});

/** Labels of a list of identifier rules, joined in each language ("CIF, NIF-IVA intracomunitario"). */
const joinedLabels = (labels: readonly Label[]): LocalizedTextParam => ({
  text: Object.fromEntries((['en', 'ru', 'tr', 'it', 'es'] as const).map((l) => [l, labels.map((label) => label[l]).join(', ')])),
});

/** Country names (or codes where a name is unknown) joined in each language. */
const joinedNames = (names: readonly (LocalizedTextParam | string)[]): LocalizedTextParam =>
  ({ text: composeLabels(names.map((n) => (typeof n === 'string' ? { en: n, ru: n, tr: n, it: n, es: n } : (n.text as Label))), (...parts) => parts.join(', ')) });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(problems: Problems, field: string, value: unknown, opts: { min?: number; max: number; required: boolean; name?: boolean }): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (opts.required) problems.push(detail(field, 'REQUIRED'));
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push(detail(field, 'WRONG_TYPE'));
    return undefined;
  }
  const v = value.trim().normalize('NFC');
  if (v.length < (opts.min ?? 1)) problems.push(detail(field, 'TOO_SHORT', { min: opts.min ?? 1 }));
  else if (v.length > opts.max) problems.push(detail(field, 'TOO_LONG', { max: opts.max }));
  else if (opts.name && !NAME.test(v)) problems.push(detail(field, 'INVALID_CHARACTERS'));
  else return v;
  return undefined;
}

/** A region as compared: case, accents, the Turkish dotted/dotless i, punctuation and spacing aside (İzmir = izmir = IZMIR, Malaga = Málaga). */
const foldRegion = (s: string): string =>
  s
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function address(problems: Problems, field: string, value: unknown, pack: CountryPackDocument, mustBeCountry: readonly string[]): Address | undefined {
  if (!isObject(value)) {
    problems.push(detail(field, value === undefined ? 'REQUIRED' : 'WRONG_TYPE'));
    return undefined;
  }
  const known = new Set(['line1', 'line2', 'city', 'region', 'postalCode', 'country']);
  for (const key of Object.keys(value)) if (!known.has(key)) problems.push(detail(`${field}.${key}`, 'UNKNOWN_FIELD'));
  const before = problems.length;
  const line1 = text(problems, `${field}.line1`, value.line1, { min: 2, max: 200, required: true });
  const line2 = text(problems, `${field}.line2`, value.line2, { max: 200, required: false });
  const city = text(problems, `${field}.city`, value.city, { min: 1, max: 100, required: true, name: true });
  const country = text(problems, `${field}.country`, value.country, { min: 2, max: 2, required: true })?.toUpperCase();
  let region = text(problems, `${field}.region`, value.region, { max: 100, required: pack.address.regionRequired && country === pack.country });
  // a closed list of regions (IT province codes, US states): a code or a name, stored as the code
  if (region && country === pack.country && pack.address.regions) {
    const wanted = foldRegion(region);
    const match =
      pack.address.regions.find((r) => foldRegion(r.code) === wanted) ??
      pack.address.regions.find((r) => [r.name, ...(r.aliases ?? [])].some((n) => foldRegion(n) === wanted));
    if (match) region = match.code;
    else {
      problems.push(detail(`${field}.region`, 'UNKNOWN_REGION', { example: `${pack.address.regions[0].code} (${pack.address.regions[0].name})` }));
      region = undefined;
    }
  }
  if (country && !mustBeCountry.includes(country)) {
    problems.push(detail(`${field}.country`, 'COUNTRY_NOT_ALLOWED', { allowed: joinedNames(mustBeCountry.map((c) => countryName(c))) }));
  }
  const rawPostal = text(problems, `${field}.postalCode`, value.postalCode, { max: 12, required: true });
  const postalCode = rawPostal?.toUpperCase().replace(/\s+/g, country === 'GB' ? ' ' : '');
  if (postalCode && country === pack.country && !new RegExp(pack.address.postalCode.pattern).test(postalCode)) {
    problems.push(detail(`${field}.postalCode`, 'INVALID_POSTAL_CODE', { example: pack.address.postalCode.example }));
  }
  if (problems.length > before || !line1 || !city || !country || !postalCode) return undefined;
  return { line1, ...(line2 ? { line2 } : {}), city, ...(region ? { region } : {}), postalCode, country };
}

/**
 * Where an EU VAT number is exactly the national number with the country prefix (research §2.4,
 * §2.5, §2.6): `ES` + NIF/CIF, `IT` + partita IVA, `PT` + NIF/NIPC, `PL` + NIP, and in France
 * the SIREN after the 2-character key (`FR` + key + SIREN; a SIRET starts with the SIREN).
 * DE is absent on purpose: the USt-IdNr is issued independently of the Steuernummer.
 */
const VAT_NATIONAL: Readonly<Record<string, { types: readonly string[]; body: (vat: string) => string; national: (n: string) => string }>> = {
  ES: { types: ['es.cif', 'es.nif', 'es.dni', 'es.nie'], body: (vat) => vat.slice(2), national: (n) => n },
  IT: { types: ['it.piva'], body: (vat) => vat.slice(2), national: (n) => n },
  PT: { types: ['pt.nif', 'pt.nipc'], body: (vat) => vat.slice(2), national: (n) => n },
  PL: { types: ['pl.nip'], body: (vat) => vat.slice(2), national: (n) => n },
  FR: { types: ['fr.siren', 'fr.siret'], body: (vat) => vat.slice(4), national: (n) => n.slice(0, 9) },
};

/** A VAT number given beside the national number it is built from must denote the same number. */
function crossCheckVat(problems: Problems, form: LegalFormRule, ids: Record<string, string>): void {
  const vat = ids['eu.vat'];
  const vatRule = form.identifiers.find((r) => r.type === 'eu.vat');
  const derivation = vat ? VAT_NATIONAL[vat.slice(0, 2)] : undefined;
  if (!vat || !vatRule || !derivation) return;
  for (const type of derivation.types) {
    const national = ids[type];
    const nationalRule = form.identifiers.find((r) => r.type === type);
    if (!national || !nationalRule || derivation.national(national) === derivation.body(vat)) continue;
    problems.push(identifierDetail('identifiers[eu.vat]', 'VAT_NATIONAL_MISMATCH', vatRule.label, { prefix: vat.slice(0, 2), national: { text: nationalRule.label } }));
    return;
  }
}

function identifiers(problems: Problems, value: unknown, form: LegalFormRule, pack: CountryPackDocument): Record<string, string> {
  const out: Record<string, string> = {};
  if (value !== undefined && !isObject(value)) {
    problems.push(detail('identifiers', 'WRONG_TYPE'));
    return out;
  }
  const given = (value ?? {}) as Record<string, unknown>;
  const rules = new Map(form.identifiers.map((r) => [r.type, r]));
  for (const key of Object.keys(given)) {
    if (rules.has(key)) continue;
    const named = { type: packIdentifierName(pack, key) };
    problems.push(
      form.identifiers.length
        ? detail(`identifiers[${key}]`, 'IDENTIFIER_NOT_USED', { ...named, allowed: joinedLabels(form.identifiers.map((r) => r.label)) })
        : { ...detail(`identifiers[${key}]`, 'IDENTIFIER_NOT_USED', named), messageKey: 'country.check.IDENTIFIER_NOT_USED_NONE' },
    );
  }
  for (const rule of form.identifiers) {
    const field = `identifiers[${rule.type}]`;
    const raw = given[rule.type];
    if (raw === undefined || raw === null || raw === '') {
      if (rule.required) problems.push(identifierDetail(field, 'REQUIRED', rule.label, {}, 'IDENTIFIER_REQUIRED'));
      continue;
    }
    if (typeof raw !== 'string') {
      problems.push(identifierDetail(field, 'WRONG_TYPE', rule.label, {}, 'IDENTIFIER_WRONG_TYPE'));
      continue;
    }
    const type = packIdentifierType(pack, rule.type);
    if (!type) {
      problems.push(detail(field, 'IDENTIFIER_TYPE_UNKNOWN'));
      continue;
    }
    const result = type.validate(raw);
    if (!result.valid) {
      problems.push(identifierDetail(field, result.code, rule.label));
      continue;
    }
    if (rule.prefix && !result.normalized.startsWith(rule.prefix)) {
      problems.push(identifierDetail(field, 'WRONG_PREFIX', rule.label, { prefix: rule.prefix }, 'IDENTIFIER_WRONG_PREFIX'));
      continue;
    }
    // e.g. a 10-digit RU INN belongs to a company, so it cannot be a sole trader's number
    if (result.kind && result.kind !== kindOfSellerType(form.sellerType)) {
      problems.push(identifierDetail(field, 'IDENTIFIER_KIND_MISMATCH', rule.label));
      continue;
    }
    out[rule.type] = result.normalized;
  }
  crossCheckVat(problems, form, out);
  return out;
}

/** Brand names: a list of 1–100 characters each, at most 20, duplicates (ignoring case) kept once. */
function brands(problems: Problems, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(detail('brands', 'WRONG_TYPE'));
    return [];
  }
  if (value.length > BRANDS_MAX) {
    problems.push(detail('brands', 'TOO_MANY', { max: BRANDS_MAX }));
    return [];
  }
  const out: string[] = [];
  value.forEach((raw, i) => {
    const name = text(problems, `brands[${i}]`, raw, { max: BRAND_MAX_LENGTH, required: true });
    if (name && !out.some((b) => b.toLocaleLowerCase() === name.toLocaleLowerCase())) out.push(name);
  });
  return out;
}

/** The explicit VAT flag, for legal forms without a VAT number; where the form has one, the number says it. */
function vatFlag(problems: Problems, value: unknown, form: LegalFormRule | undefined): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    problems.push(detail('vatRegistered', 'WRONG_TYPE'));
    return undefined;
  }
  if (!form) return undefined;
  const vatTypes = vatIdentifierTypes(form);
  if (vatTypes.length) {
    const labels = form.identifiers.filter((r) => vatTypes.includes(r.type)).map((r) => r.label);
    problems.push(detail('vatRegistered', 'VAT_REGISTERED_BY_NUMBER', { label: joinedLabels(labels) }));
    return undefined;
  }
  return value;
}

/**
 * Checks a registration and names every field in its messages by the label the country spec shows
 * (`Postal code (Registered address)`), never by its path; `details[].field` keeps the path so a
 * form can put the message next to the field.
 */
export function checkRegistration(pack: CountryPackDocument, input: unknown): RegistrationCheck {
  const check = checkFields(pack, input);
  const legalForm = isObject(input) && typeof input.legalForm === 'string' ? input.legalForm : undefined;
  for (const p of check.problems) {
    if (typeof p.params?.field === 'string' && p.params.field === p.field && p.field !== '') {
      const named = fieldParam(pack, p.field, legalForm);
      // a key the body does not have is named as the seller wrote it, without its parents
      p.params = { ...p.params, field: typeof named === 'string' ? (p.field.split('.').pop() ?? p.field) : named };
    }
  }
  return check;
}

function checkFields(pack: CountryPackDocument, input: unknown): RegistrationCheck {
  const problems: Problems = [];
  if (!isObject(input)) return { problems: [{ ...detail('', 'BODY_NOT_OBJECT'), messageKey: 'validation.BODY_NOT_OBJECT' }] };

  const known = new Set(['legalForm', 'legalName', 'tradingName', 'identifiers', 'registeredAddress', 'phone', 'website', 'shipFrom', 'representative', 'brands', 'vatRegistered']);
  for (const key of Object.keys(input)) if (!known.has(key)) problems.push(detail(key, 'UNKNOWN_FIELD'));

  let form: LegalFormRule | undefined;
  if (typeof input.legalForm !== 'string' || input.legalForm === '') {
    problems.push(detail('legalForm', input.legalForm === undefined ? 'REQUIRED' : 'WRONG_TYPE'));
  } else {
    form = pack.legalForms.find((f) => f.code === input.legalForm);
    if (!form) problems.push(detail('legalForm', 'NOT_ALLOWED', { allowed: joinedLabels(pack.legalForms.map((f) => f.label)) }));
    else if (!form.eligibility.allowed) {
      problems.push(detail('legalForm', 'LEGAL_FORM_NOT_ELIGIBLE', { reason: { text: form.eligibility.explanation } }));
    }
  }

  const legalName = text(problems, 'legalName', input.legalName, { min: 2, max: 200, required: true, name: true });
  const tradingName = text(problems, 'tradingName', input.tradingName, { min: 2, max: TRADING_NAME_MAX_LENGTH, required: false, name: true });
  const ids = form ? identifiers(problems, input.identifiers, form, pack) : {};
  const registeredAddress = address(problems, 'registeredAddress', input.registeredAddress, pack, [pack.country]);
  const shipFrom =
    input.shipFrom === undefined ? registeredAddress : address(problems, 'shipFrom', input.shipFrom, pack, pack.obligations.shipFromCountries);
  if (input.shipFrom === undefined && registeredAddress && !pack.obligations.shipFromCountries.includes(registeredAddress.country)) {
    problems.push(detail('shipFrom', 'REQUIRED'));
  }

  let phone: string | undefined;
  const rawPhone = text(problems, 'phone', input.phone, { min: 5, max: 30, required: true });
  if (rawPhone) {
    const parsed = parsePhoneNumberFromString(rawPhone, pack.country as never);
    if (!parsed || !parsed.isValid()) problems.push(detail('phone', 'INVALID_PHONE', { example: pack.phone.example }));
    else if (pack.phone.sameCountryOnly && parsed.country !== pack.country) problems.push(detail('phone', 'PHONE_WRONG_COUNTRY', { example: pack.phone.example }));
    else phone = parsed.number;
  }

  const website = text(problems, 'website', input.website, { max: 300, required: false });
  if (website) {
    try {
      const url = new URL(website);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol');
    } catch {
      problems.push(detail('website', 'INVALID_URL'));
    }
  }

  let representative: Registration['representative'] | undefined;
  if (!isObject(input.representative)) {
    problems.push(detail('representative', input.representative === undefined ? 'REQUIRED' : 'WRONG_TYPE'));
  } else {
    for (const key of Object.keys(input.representative)) {
      if (key !== 'firstName' && key !== 'lastName') problems.push(detail(`representative.${key}`, 'UNKNOWN_FIELD'));
    }
    const firstName = text(problems, 'representative.firstName', input.representative.firstName, { max: 100, required: true, name: true });
    const lastName = text(problems, 'representative.lastName', input.representative.lastName, { max: 100, required: true, name: true });
    if (firstName && lastName) representative = { firstName, lastName };
  }

  const brandNames = brands(problems, input.brands);
  const vatRegistered = vatFlag(problems, input.vatRegistered, form);

  if (problems.length > 0 || !form || !legalName || !registeredAddress || !phone || !representative) return { problems };
  return {
    problems,
    normalized: {
      legalForm: form.code,
      sellerType: form.sellerType,
      legalName,
      ...(tradingName ? { tradingName } : {}),
      identifiers: ids,
      registeredAddress,
      phone,
      ...(website ? { website } : {}),
      shipFrom: shipFrom ?? registeredAddress,
      representative,
      brands: brandNames,
      ...(vatRegistered !== undefined ? { vatRegistered } : {}),
    },
  };
}
