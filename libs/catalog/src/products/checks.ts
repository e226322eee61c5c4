import { isAssignedCountryCode } from '@app/countries';
import { currencyExponent, isCurrencyCode, MoneyError, parseContentLocale, toMinorUnits } from '@app/kernel';
import type { ErrorDetail, MessageParam } from '@app/kernel';
import { category } from '../taxonomy/taxonomy';
import type { AttributeDto, ProductDto } from './dto';

export type ProductCheckCode =
  | 'INVALID_LOCALE' | 'UNKNOWN_CURRENCY' | 'CURRENCY_MISMATCH' | 'INVALID_AMOUNT' | 'AMOUNT_ONE_OF' | 'PRICE_PRECISION_EXCEEDED'
  | 'UNKNOWN_CATEGORY' | 'INVALID_HS_CODE' | 'HS_CHAPTER_UNKNOWN' | 'HS_NATIONAL_INVALID' | 'UNKNOWN_COUNTRY'
  | 'DUPLICATE_ATTRIBUTE' | 'INVALID_SKU' | 'DUPLICATE_SKU' | 'BLANK';

export const checkProblem = (field: string, code: ProductCheckCode, params: Record<string, MessageParam> = {}): ErrorDetail => ({
  field,
  code,
  messageKey: `catalog.check.${code}`,
  params: { field, ...params },
});

/**
 * HS 6-digit subheading: chapters 01–97 exist, except chapter 77 (reserved for future use by the
 * WCO); 98 and 99 are national chapters, not HS.
 */
export function hsCodeProblem(code: string, field = 'hsCode'): ErrorDetail | undefined {
  if (!/^\d{6}$/.test(code)) return checkProblem(field, 'INVALID_HS_CODE');
  const chapter = Number(code.slice(0, 2));
  if (chapter < 1 || chapter > 97 || chapter === 77) return checkProblem(field, 'HS_CHAPTER_UNKNOWN', { chapter: code.slice(0, 2) });
  return undefined;
}

/** A SKU is the seller's own identifier, kept as typed: no control characters, no surrounding spaces. */
/**
 * An optional field sent as `null` means "not given" (class-validator's IsOptional lets null
 * through): removed here, before any rule reads the body, so no rule meets a null it did not expect.
 */
export function dropNulls(input: ProductDto): void {
  const body = input as unknown as Record<string, unknown>;
  for (const key of Object.keys(body)) if (body[key] === null) delete body[key];
  const gpsr = body.gpsr as Record<string, unknown> | undefined;
  if (gpsr) for (const key of Object.keys(gpsr)) if (gpsr[key] === null) delete gpsr[key];
}

export const isValidSku = (sku: string): boolean => sku.length > 0 && sku === sku.trim() && !/\p{Cc}/u.test(sku);

const EU = 'EU';

function attributeProblems(list: AttributeDto[] | undefined, at: string): ErrorDetail[] {
  const seen = new Set<string>();
  const out: ErrorDetail[] = [];
  (list ?? []).forEach((a, i) => {
    if (seen.has(a.key)) out.push(checkProblem(`${at}[${i}].key`, 'DUPLICATE_ATTRIBUTE', { key: a.key }));
    seen.add(a.key);
    if (!a.value.trim()) out.push(checkProblem(`${at}[${i}].value`, 'BLANK'));
  });
  return out;
}

export interface CheckedPrices {
  /** Minor units per variant, in request order. */
  minor: bigint[];
  /** Prices with more decimals than the currency has (answered as PRICE_PRECISION_EXCEEDED). */
  precision: ErrorDetail[];
}

/** Prices: exactly one of amount/amountMinor, in the product currency, exact in its ISO 4217 exponent. */
export function checkPrices(input: ProductDto, currency: string): { prices: CheckedPrices; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const precision: ErrorDetail[] = [];
  const minor: bigint[] = [];
  input.variants.forEach((v, i) => {
    const at = `variants[${i}].price`;
    const p = v.price;
    if (p.currency !== currency) problems.push(checkProblem(`${at}.currency`, isCurrencyCode(p.currency) ? 'CURRENCY_MISMATCH' : 'UNKNOWN_CURRENCY', { value: p.currency, expected: currency }));
    if ((p.amount === undefined) === (p.amountMinor === undefined)) {
      problems.push(checkProblem(at, 'AMOUNT_ONE_OF'));
      minor.push(0n);
      return;
    }
    if (p.amountMinor !== undefined) {
      if (!/^\d{1,18}$/.test(p.amountMinor)) problems.push(checkProblem(`${at}.amountMinor`, 'INVALID_AMOUNT'));
      minor.push(/^\d{1,18}$/.test(p.amountMinor) ? BigInt(p.amountMinor) : 0n);
      return;
    }
    const priced = isCurrencyCode(p.currency) ? p.currency : currency;
    try {
      const value = toMinorUnits(p.amount!, priced);
      if (value < 0n) throw new MoneyError('INVALID_AMOUNT', 'negative');
      minor.push(value);
    } catch (e) {
      if (!(e instanceof MoneyError)) throw e;
      minor.push(0n);
      if (e.code === 'PRICE_PRECISION_EXCEEDED') {
        precision.push(checkProblem(`${at}.amount`, 'PRICE_PRECISION_EXCEEDED', { currency: priced, amount: p.amount!, decimals: currencyExponent(priced) }));
      } else problems.push(checkProblem(`${at}.amount`, 'INVALID_AMOUNT'));
    }
  });
  return { prices: { minor, precision }, problems };
}

/** Every catalog rule of a product body that class-validator cannot express; prices are checked by {@link checkPrices}. */
export function productProblems(input: ProductDto): ErrorDetail[] {
  dropNulls(input);
  const problems: ErrorDetail[] = [];
  if (!input.title.trim()) problems.push(checkProblem('title', 'BLANK'));
  if (input.sourceLocale !== undefined && !parseContentLocale(input.sourceLocale)) problems.push(checkProblem('sourceLocale', 'INVALID_LOCALE', { value: input.sourceLocale }));
  if (input.currency !== undefined && !isCurrencyCode(input.currency)) problems.push(checkProblem('currency', 'UNKNOWN_CURRENCY', { value: input.currency }));
  if (!category(input.category)) problems.push(checkProblem('category', 'UNKNOWN_CATEGORY', { value: input.category }));
  problems.push(...attributeProblems(input.attributes, 'attributes'));
  if (input.hsCode !== undefined) {
    const p = hsCodeProblem(input.hsCode);
    if (p) problems.push(p);
  }
  if (Object.keys(input.hsNational ?? {}).length > 30) problems.push(checkProblem('hsNational', 'HS_NATIONAL_INVALID', { hsCode: input.hsCode ?? '—' }));
  for (const [country, code] of Object.entries(input.hsNational ?? {}).slice(0, 30)) {
    const at = `hsNational.${country}`;
    if (country !== EU && !isAssignedCountryCode(country)) problems.push(checkProblem(at, 'UNKNOWN_COUNTRY', { value: country }));
    if (typeof code !== 'string' || !/^\d{8,10}$/.test(code) || (input.hsCode !== undefined && !code.startsWith(input.hsCode)) || input.hsCode === undefined) {
      problems.push(checkProblem(at, 'HS_NATIONAL_INVALID', { hsCode: input.hsCode ?? '—' }));
    }
  }
  if (input.originCountry !== undefined && !isAssignedCountryCode(input.originCountry)) problems.push(checkProblem('originCountry', 'UNKNOWN_COUNTRY', { value: input.originCountry }));
  for (const role of ['manufacturer', 'euResponsiblePerson'] as const) {
    const country = input.gpsr?.[role]?.address.country;
    if (country !== undefined && !isAssignedCountryCode(country)) problems.push(checkProblem(`gpsr.${role}.address.country`, 'UNKNOWN_COUNTRY', { value: country }));
  }
  if (input.safetyInformation !== undefined && !input.safetyInformation.trim()) problems.push(checkProblem('safetyInformation', 'BLANK'));
  if (input.description !== undefined && input.description.length > 0 && !input.description.trim()) problems.push(checkProblem('description', 'BLANK'));
  const skus = new Set<string>();
  input.variants.forEach((v, i) => {
    if (!isValidSku(v.sku)) problems.push(checkProblem(`variants[${i}].sku`, 'INVALID_SKU'));
    if (skus.has(v.sku)) problems.push(checkProblem(`variants[${i}].sku`, 'DUPLICATE_SKU', { sku: v.sku }));
    skus.add(v.sku);
    problems.push(...attributeProblems(v.attributes, `variants[${i}].attributes`));
  });
  return problems;
}
