import { validateSync } from 'class-validator';
import { validationDetails } from '@app/kernel';
import type { ErrorDetail, MessageParam } from '@app/kernel';
import { checkPrices, productProblems } from '../products/checks';
import { AddressDto, AttributeDto, ConformityDto, DimensionsDto, EconomicOperatorDto, GpsrDto, PriceInputDto, ProductDto, VariantDto } from '../products/dto';
import type { Attribute, EconomicOperator, Gpsr, ProductEntity, VariantEntity } from '../products/product.entity';
import { searchFold } from '../products/product.entity';
import { OPERATOR_PREFIXES, PRODUCT_ATTRIBUTE_PREFIX, PRODUCT_COLUMNS, VARIANT_ATTRIBUTE_PREFIX } from './columns';
import type { Header } from './columns';
import { parseDecimal, scaleToInteger } from './csv-format';

/** One data row of the file: its spreadsheet row number (the header is row 1) and its cells. */
export interface CsvRow {
  row: number;
  cells: string[];
}

/** A problem of one row, stored and reported in the error file (the message is rendered when it is read). */
export interface RowProblem {
  row: number;
  column: string;
  sku: string | null;
  code: string;
  messageKey: string;
  params: Record<string, MessageParam>;
}

/** The product's own columns as the API's create/update writes them. */
export interface ProductColumns {
  title: string;
  description: string | null;
  attributes: Attribute[];
  category: string;
  hsCode: string | null;
  hsNational: Record<string, string>;
  originCountry: string | null;
  brand: string | null;
  gpsr: Gpsr | null;
  conformity: { docUrl: string } | null;
  safetyInformation: string | null;
  searchText: string;
  sourceLocale: string;
  currency: string;
}

export interface VariantColumns {
  sku: string;
  attributes: Attribute[];
  priceMinor: string;
  currency: string;
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

export interface Existing {
  product: ProductEntity;
  variants: VariantEntity[];
}

export interface GroupContext {
  header: Header;
  /** Currency of a new product when the file has none (the seller's country currency). */
  defaultCurrency: string;
  /** Content locale of a new product when the file has none. */
  defaultSourceLocale: string;
  /** Brands of the seller's business profile (a brand must be one of them, as in the API). */
  brands: string[];
}

export type GroupOutcome =
  | { ok: true; product: ProductColumns; variants: VariantColumns[] }
  | { ok: false; problems: RowProblem[] };

const sameBrand = (a: string, b: string) => a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

const make = <T extends object>(C: new () => T, o: object | undefined): T | undefined => (o === undefined ? undefined : Object.assign(new C(), o));
const attributesOf = (list: unknown) => (Array.isArray(list) ? list.map((a: object) => make(AttributeDto, a)!) : undefined);
const operatorOf = (o: { address?: object } | undefined) => (o ? make(EconomicOperatorDto, { ...o, address: make(AddressDto, o.address) }) : undefined);

/**
 * The DTO instances class-transformer's plainToInstance would make of this plain body (the body is
 * built here from cells: strings and integers only), made directly: plainToInstance costs more than
 * the validation itself.
 */
function toDto(plain: Record<string, unknown>): ProductDto {
  const gpsr = plain.gpsr as { manufacturer?: object; euResponsiblePerson?: object } | undefined;
  const variants = (plain.variants as Record<string, unknown>[]).map((v) =>
    make(VariantDto, { ...v, price: make(PriceInputDto, v.price as object), dimensionsMm: make(DimensionsDto, v.dimensionsMm as object | undefined), attributes: attributesOf(v.attributes) })!,
  );
  const dto = make(ProductDto, {
    ...plain,
    attributes: attributesOf(plain.attributes),
    variants,
    gpsr: gpsr ? make(GpsrDto, { manufacturer: operatorOf(gpsr.manufacturer), euResponsiblePerson: operatorOf(gpsr.euResponsiblePerson) }) : undefined,
    conformity: make(ConformityDto, plain.conformity as object | undefined),
  })!;
  const drop = (o: object) => {
    for (const [k, v] of Object.entries(o)) if (v === undefined) delete (o as Record<string, unknown>)[k];
  };
  drop(dto);
  variants.forEach(drop);
  if (dto.gpsr) drop(dto.gpsr);
  return dto;
}

/** class-validator exactly as the API's ValidationPipe runs it (whitelist, unknown fields refused). */
function validateDto(plain: Record<string, unknown>): { dto: ProductDto; details: ErrorDetail[] } {
  const dto = toDto(plain);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: false });
  return { dto, details: validationDetails(errors) };
}

const OPERATOR_FIELD: Record<string, string> = { name: 'name', email: 'email', url: 'url', 'address.line1': 'line1', 'address.line2': 'line2', 'address.city': 'city', 'address.postalCode': 'postal_code', 'address.region': 'region', 'address.country': 'country', address: 'line1' };

/**
 * Checks one product (consecutive rows with one product key) against the SAME rules as
 * `POST /v1/sellers/me/products` (the DTO's class-validator rules, `productProblems`,
 * `checkPrices`, declared brands) and turns it into the columns to write. `existing` is the product
 * its SKUs already belong to: a column the file does not have keeps the existing value.
 */
export function checkGroup(ctx: GroupContext, rows: CsvRow[], existing: Existing | null): GroupOutcome {
  const { header } = ctx;
  const problems: RowProblem[] = [];
  const first = rows[0];
  const skuAt = header.index('sku');
  const skuOf = (r: CsvRow) => r.cells[skuAt] ?? '';
  const problem = (r: CsvRow, column: string, code: string, messageKey: string, params: Record<string, MessageParam> = {}) =>
    problems.push({ row: r.row, column, sku: skuOf(r) || null, code, messageKey, params: { ...params, column, field: column } });
  const raw = (r: CsvRow, column: string): string | undefined => {
    const i = header.index(column);
    return i < 0 ? undefined : (r.cells[i] ?? '');
  };
  const cell = (r: CsvRow, column: string): string | undefined => {
    const v = raw(r, column);
    return v === undefined ? undefined : v.trim();
  };
  /** A product-level cell: the first row's; later rows may leave it empty or repeat it. */
  const productCell = (column: string): string | undefined => {
    const value = cell(first, column);
    if (value === undefined) return undefined;
    for (const r of rows.slice(1)) {
      const other = cell(r, column)!;
      if (other !== '' && other !== value) problem(r, column, 'PRODUCT_FIELD_CONFLICT', 'catalog.import.row.PRODUCT_FIELD_CONFLICT', { row: first.row });
    }
    return value;
  };
  const opt = (v: string | undefined, keep: () => string | null | undefined): string | undefined =>
    v === undefined ? (keep() ?? undefined) : v === '' ? undefined : v;
  const old = existing?.product;

  const currency = (productCell('currency') || old?.currency || ctx.defaultCurrency).toUpperCase();
  const hsNationalCell = productCell('hs_national');
  let hsNational: Record<string, string> | undefined = old && Object.keys(old.hsNational).length ? old.hsNational : undefined;
  if (hsNationalCell !== undefined) {
    hsNational = undefined;
    if (hsNationalCell !== '') {
      hsNational = {};
      for (const part of hsNationalCell.split(/[\s|]+/).filter(Boolean)) {
        const m = /^([A-Za-z]{2}):(\S+)$/.exec(part);
        if (!m) {
          problem(first, 'hs_national', 'HS_NATIONAL_FORMAT', 'catalog.import.row.HS_NATIONAL_FORMAT');
          hsNational = undefined;
          break;
        }
        hsNational[m[1].toUpperCase()] = m[2];
      }
    }
  }

  const operator = (role: keyof typeof OPERATOR_PREFIXES): EconomicOperator | undefined => {
    const prefix = OPERATOR_PREFIXES[role];
    const columns = ['name', 'line1', 'line2', 'city', 'postal_code', 'region', 'country', 'email', 'url'].map((p) => `${prefix}${p}`);
    if (!columns.some((c) => header.has(c))) return old?.gpsr?.[role];
    const v = (part: string) => {
      const value = productCell(`${prefix}${part}`);
      return value === undefined || value === '' ? undefined : value;
    };
    if (columns.every((c) => !productCell(c))) return undefined;
    const country = v('country');
    return {
      name: v('name')!,
      address: { line1: v('line1')!, line2: v('line2'), city: v('city')!, postalCode: v('postal_code'), region: v('region'), country: country?.toUpperCase() as string },
      email: v('email'),
      url: v('url'),
    };
  };
  const manufacturer = operator('manufacturer');
  const euResponsiblePerson = operator('euResponsiblePerson');

  let productAttributes: Attribute[] | undefined = old?.attributes;
  if (header.productAttributeKeys.length) {
    const given = header.productAttributeKeys.map((key) => ({ key, value: productCell(`${PRODUCT_ATTRIBUTE_PREFIX}${key}`) ?? '' })).filter((a) => a.value !== '');
    const kept = (old?.attributes ?? []).filter((a) => !header.productAttributeKeys.includes(a.key));
    productAttributes = [...kept, ...given];
  }

  const oldVariants = new Map((existing?.variants ?? []).map((v) => [v.sku, v]));
  const unitColumn = (base: string): { column: string; factor: 1 | 10 | 1000 } | undefined => {
    if (base === 'weight') return header.has('weight_kg') ? { column: 'weight_kg', factor: 1000 } : header.has('weight_g') ? { column: 'weight_g', factor: 1 } : undefined;
    return header.has(`${base}_cm`) ? { column: `${base}_cm`, factor: 10 } : header.has(`${base}_mm`) ? { column: `${base}_mm`, factor: 1 } : undefined;
  };
  const weightCol = unitColumn('weight');
  const dimCols = { length: unitColumn('length'), width: unitColumn('width'), height: unitColumn('height') };
  /** A measure cell: a whole number of g/mm (kg/cm may have 3/1 decimals); `null` marks a cell that is not one (reported). */
  const measure = (r: CsvRow, col: { column: string; factor: 1 | 10 | 1000 }): number | undefined | null => {
    const v = cell(r, col.column)!;
    if (v === '') return undefined;
    const n = scaleToInteger(v, col.factor);
    if (n === null) problem(r, col.column, 'INVALID_NUMBER', 'catalog.import.row.INVALID_NUMBER', { value: v.slice(0, 40) });
    return n;
  };

  const variants = rows.map((r) => {
    const sku = raw(r, 'sku') ?? '';
    const was = oldVariants.get(sku);
    const priceCell = cell(r, 'price')!;
    let amount: string | undefined;
    if (priceCell === '') problem(r, 'price', 'REQUIRED', 'validation.REQUIRED');
    else {
      const parsed = parseDecimal(priceCell);
      if (parsed === null) problem(r, 'price', 'INVALID_NUMBER', 'catalog.import.row.INVALID_NUMBER', { value: priceCell.slice(0, 40) });
      else amount = parsed;
    }
    const weight = weightCol ? measure(r, weightCol) : (was?.weightG ?? undefined);
    let dimensionsMm: { length?: number; width?: number; height?: number } | undefined;
    if (dimCols.length || dimCols.width || dimCols.height) {
      const d = { length: dimCols.length && measure(r, dimCols.length), width: dimCols.width && measure(r, dimCols.width), height: dimCols.height && measure(r, dimCols.height) };
      dimensionsMm = d.length === undefined && d.width === undefined && d.height === undefined ? undefined : { length: d.length ?? undefined, width: d.width ?? undefined, height: d.height ?? undefined };
    } else if (was && was.lengthMm !== null) dimensionsMm = { length: was.lengthMm, width: was.widthMm ?? undefined, height: was.heightMm ?? undefined };
    let attributes: Attribute[] | undefined = was?.attributes;
    if (header.variantAttributeKeys.length) {
      const given = header.variantAttributeKeys.map((key) => ({ key, value: cell(r, `${VARIANT_ATTRIBUTE_PREFIX}${key}`) ?? '' })).filter((a) => a.value !== '');
      attributes = [...(was?.attributes ?? []).filter((a) => !header.variantAttributeKeys.includes(a.key)), ...given];
    }
    return {
      sku,
      price: { amount: amount ?? (priceCell === '' ? undefined : '0'), currency },
      ...(weight !== undefined && weight !== null ? { weightG: weight } : {}),
      ...(dimensionsMm ? { dimensionsMm } : {}),
      ...(attributes?.length ? { attributes } : {}),
    };
  });

  const plain: Record<string, unknown> = {
    title: opt(productCell('title'), () => old?.title),
    description: opt(productCell('description'), () => old?.description),
    category: opt(productCell('category'), () => old?.category),
    currency,
    sourceLocale: opt(productCell('source_locale'), () => old?.sourceLocale),
    attributes: productAttributes?.length ? productAttributes : undefined,
    variants,
    hsCode: opt(productCell('hs_code'), () => old?.hsCode),
    hsNational,
    originCountry: opt(productCell('origin_country')?.toUpperCase(), () => old?.originCountry),
    brand: opt(productCell('brand'), () => old?.brand),
    gpsr: manufacturer || euResponsiblePerson ? JSON.parse(JSON.stringify({ manufacturer, euResponsiblePerson })) : undefined,
    conformity: (() => {
      const doc = opt(productCell('conformity_doc_url'), () => old?.conformity?.docUrl);
      return doc ? { docUrl: doc } : undefined;
    })(),
    safetyInformation: opt(productCell('safety_information'), () => old?.safetyInformation),
  };
  for (const k of Object.keys(plain)) if (plain[k] === undefined) delete plain[k];

  const { dto, details } = validateDto(plain);
  const all = details.length ? details : productProblems(dto);
  if (!details.length) {
    const { prices, problems: priceProblems } = checkPrices(dto, currency);
    all.push(...prices.precision, ...priceProblems);
  }
  let brand: string | null = null;
  if (!all.length && dto.brand !== undefined) {
    const declared = ctx.brands.find((b) => sameBrand(b, dto.brand!));
    if (!declared) all.push({ field: 'brand', code: 'BRAND_NOT_DECLARED', messageKey: 'catalog.import.row.BRAND_NOT_DECLARED', params: { brand: dto.brand } });
    else brand = declared;
  }
  for (const d of all) {
    const { row, column } = locate(d.field, rows, header, dto);
    problems.push({ row: row.row, column, sku: skuOf(row) || null, code: d.code, messageKey: d.messageKey, params: { ...(d.params ?? {}), field: column || d.field, column } });
  }
  if (problems.length) return { ok: false, problems: onePerCell(problems) };

  const minor = checkPrices(dto, currency).prices.minor;
  return {
    ok: true,
    product: {
      title: dto.title,
      description: dto.description?.length ? dto.description : null,
      attributes: (dto.attributes ?? []).map((a) => ({ key: a.key, value: a.value })),
      category: dto.category,
      hsCode: dto.hsCode ?? null,
      hsNational: dto.hsNational ?? {},
      originCountry: dto.originCountry ?? null,
      brand,
      gpsr: dto.gpsr ? (JSON.parse(JSON.stringify(dto.gpsr)) as Gpsr) : null,
      conformity: dto.conformity?.docUrl ? { docUrl: dto.conformity.docUrl } : null,
      safetyInformation: dto.safetyInformation ?? null,
      searchText: searchFold([dto.title, brand ?? '', ...(dto.attributes ?? []).map((a) => a.value)].join(' ')),
      sourceLocale: dto.sourceLocale ?? old?.sourceLocale ?? ctx.defaultSourceLocale,
      currency,
    },
    variants: dto.variants.map((v, i) => ({
      sku: v.sku,
      attributes: (v.attributes ?? []).map((a) => ({ key: a.key, value: a.value })),
      priceMinor: minor[i].toString(),
      currency,
      weightG: v.weightG ?? null,
      lengthMm: v.dimensionsMm?.length ?? null,
      widthMm: v.dimensionsMm?.width ?? null,
      heightMm: v.dimensionsMm?.height ?? null,
    })),
  };
}

/** One problem per cell (a price that is not a number is not also "required"); the first found wins. */
function onePerCell(problems: RowProblem[]): RowProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.row}\u0000${p.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The row and column of a product body path (`variants[2].price.amount` → that row's `price`). */
function locate(field: string, rows: CsvRow[], header: Header, dto: ProductDto): { row: CsvRow; column: string } {
  const v = /^variants\[(\d+)\](?:\.(.*))?$/.exec(field);
  if (v) {
    const row = rows[Number(v[1])] ?? rows[0];
    const rest = v[2] ?? '';
    if (rest.startsWith('sku')) return { row, column: 'sku' };
    if (rest === 'price.currency') return { row, column: 'currency' };
    if (rest.startsWith('price')) return { row, column: 'price' };
    if (rest.startsWith('weightG')) return { row, column: header.has('weight_kg') ? 'weight_kg' : 'weight_g' };
    const dim = /^dimensionsMm(?:\.(length|width|height))?/.exec(rest);
    if (dim) {
      const base = dim[1] ?? 'length';
      return { row, column: header.has(`${base}_cm`) ? `${base}_cm` : `${base}_mm` };
    }
    const attr = /^attributes\[(\d+)\]/.exec(rest);
    if (attr) return { row, column: `${VARIANT_ATTRIBUTE_PREFIX}${dto.variants?.[Number(v[1])]?.attributes?.[Number(attr[1])]?.key ?? ''}` };
    return { row, column: '' };
  }
  const first = rows[0];
  const attr = /^attributes\[(\d+)\]/.exec(field);
  if (attr) return { row: first, column: `${PRODUCT_ATTRIBUTE_PREFIX}${dto.attributes?.[Number(attr[1])]?.key ?? ''}` };
  const op = /^gpsr\.(manufacturer|euResponsiblePerson)(?:\.(.*))?$/.exec(field);
  if (op) return { row: first, column: `${OPERATOR_PREFIXES[op[1] as keyof typeof OPERATOR_PREFIXES]}${OPERATOR_FIELD[op[2] ?? 'name'] ?? 'name'}` };
  if (field.startsWith('hsNational')) return { row: first, column: 'hs_national' };
  if (field.startsWith('conformity')) return { row: first, column: 'conformity_doc_url' };
  const direct: Record<string, (typeof PRODUCT_COLUMNS)[number]> = {
    title: 'title', description: 'description', category: 'category', currency: 'currency', sourceLocale: 'source_locale', hsCode: 'hs_code',
    originCountry: 'origin_country', brand: 'brand', safetyInformation: 'safety_information',
  };
  return { row: first, column: direct[field] ?? '' };
}

/** True when the stored product already is what the file says (then nothing is written). */
export function sameProduct(a: ProductEntity, b: ProductColumns): boolean {
  return (
    a.title === b.title && a.description === b.description && a.category === b.category && a.hsCode === b.hsCode && a.originCountry === b.originCountry &&
    a.brand === b.brand && a.safetyInformation === b.safetyInformation && a.sourceLocale === b.sourceLocale && a.currency === b.currency &&
    a.searchText === b.searchText && stable(a.attributes) === stable(b.attributes) && stable(a.hsNational) === stable(b.hsNational) &&
    stable(a.gpsr) === stable(b.gpsr) && stable(a.conformity) === stable(b.conformity)
  );
}

export function sameVariant(a: VariantEntity, b: VariantColumns): boolean {
  return (
    String(a.priceMinor) === b.priceMinor && a.currency === b.currency && a.weightG === b.weightG && a.lengthMm === b.lengthMm &&
    a.widthMm === b.widthMm && a.heightMm === b.heightMm && stable(a.attributes) === stable(b.attributes)
  );
}

/** JSON with object keys sorted (jsonb does not keep key order); arrays keep theirs. */
export function stable(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stable(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
