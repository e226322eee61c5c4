import { validateSync } from 'class-validator';
import { sameJson, validationDetails } from '@app/kernel';
import type { ErrorDetail, MessageParam } from '@app/kernel';
import { checkPrices, productProblems } from '../products/checks';
import { AddressDto, AttributeDto, ConformityDto, DimensionsDto, EconomicOperatorDto, GpsrDto, PriceInputDto, ProductDto, VariantDto } from '../products/dto';
import type { Attribute, EconomicOperator, Gpsr, ProductEntity, VariantEntity } from '../products/product.entity';
import { searchFold } from '../products/product.entity';
import { OPERATOR_PARTS, OPERATOR_PREFIXES, PRODUCT_ATTRIBUTE_PREFIX, PRODUCT_COLUMNS, VARIANT_ATTRIBUTE_PREFIX } from './columns';
import type { Header } from './columns';
import { parseDecimal, scaleToInteger } from './csv-format';
import { compileDtoCheck } from './dto-check';

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

/** The options of the API's ValidationPipe (libs/kernel/src/http/validation.ts). */
const PIPE_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: false } as const;
const productDtoValid = compileDtoCheck(ProductDto);

/**
 * class-validator exactly as the API's ValidationPipe runs it (whitelist, unknown fields refused). The body
 * is made here as the DTO instances class-transformer's plainToInstance would make (cells give strings and
 * integers only). A body the compiled check passes has no errors; any other is validated by class-validator
 * itself, so every detail comes from the API's own validation.
 */
function validationProblems(dto: ProductDto): ErrorDetail[] {
  if (productDtoValid(dto)) return [];
  return validationDetails(validateSync(dto, PIPE_OPTIONS));
}

/** What `JSON.parse(JSON.stringify(v))` gives for a validated DTO value (objects of strings and integers): undefined keys left out. */
function jsonCopy<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x: unknown) => (x === undefined ? null : jsonCopy(x))) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = jsonCopy(x);
  }
  return out as T;
}

const OPERATOR_FIELD: Record<string, string> = { name: 'name', email: 'email', url: 'url', 'address.line1': 'line1', 'address.line2': 'line2', 'address.city': 'city', 'address.postalCode': 'postal_code', 'address.region': 'region', 'address.country': 'country', address: 'line1' };

type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
interface MeasureColumn {
  column: string;
  at: number;
  factor: 1 | 10 | 1000;
  /** Cells already read in this file (a catalogue repeats its weights and sizes): the value, or null for not a measure. */
  seen: Map<string, number | null>;
}

/** Pure parses remembered per file, up to a bound. */
const MEMO_LIMIT = 4096;
function remembered<T>(memo: Map<string, T>, key: string, parse: (key: string) => T): T {
  let value = memo.get(key);
  if (value === undefined && !memo.has(key)) {
    value = parse(key);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, value);
  }
  return value as T;
}
interface AttributeColumn {
  key: string;
  column: string;
  at: number;
}

/** Where the columns of one header are: worked out once per file, not once per row. */
interface ColumnPlan {
  sku: number;
  price: number;
  /** Price cells already read in this file, as parseDecimal reads them. */
  prices: Map<string, string | null>;
  product: Record<ProductColumn, number>;
  /** Per role: whether any of its columns is in the file, and its columns in OPERATOR_PARTS order. */
  operators: Record<keyof typeof OPERATOR_PREFIXES, { present: boolean; columns: string[]; at: number[] }>;
  weight?: MeasureColumn;
  length?: MeasureColumn;
  width?: MeasureColumn;
  height?: MeasureColumn;
  productAttributes: AttributeColumn[];
  variantAttributes: AttributeColumn[];
}

const columnPlans = new WeakMap<Header, ColumnPlan>();

function columnPlan(header: Header): ColumnPlan {
  let plan = columnPlans.get(header);
  if (plan) return plan;
  const measure = (column: string, factor: 1 | 10 | 1000): MeasureColumn => ({ column, at: header.index(column), factor, seen: new Map() });
  const unit = (base: 'length' | 'width' | 'height') =>
    header.has(`${base}_cm`) ? measure(`${base}_cm`, 10) : header.has(`${base}_mm`) ? measure(`${base}_mm`, 1) : undefined;
  const operator = (role: keyof typeof OPERATOR_PREFIXES) => {
    const columns = OPERATOR_PARTS.map((part) => `${OPERATOR_PREFIXES[role]}${part}`);
    return { present: columns.some((c) => header.has(c)), columns, at: columns.map((c) => header.index(c)) };
  };
  plan = {
    sku: header.index('sku'),
    price: header.index('price'),
    prices: new Map(),
    product: Object.fromEntries(PRODUCT_COLUMNS.map((c) => [c, header.index(c)])) as Record<ProductColumn, number>,
    operators: { manufacturer: operator('manufacturer'), euResponsiblePerson: operator('euResponsiblePerson') },
    weight: header.has('weight_kg') ? measure('weight_kg', 1000) : header.has('weight_g') ? measure('weight_g', 1) : undefined,
    length: unit('length'),
    width: unit('width'),
    height: unit('height'),
    productAttributes: header.productAttributeKeys.map((key) => ({ key, column: `${PRODUCT_ATTRIBUTE_PREFIX}${key}`, at: header.index(`${PRODUCT_ATTRIBUTE_PREFIX}${key}`) })),
    variantAttributes: header.variantAttributeKeys.map((key) => ({ key, column: `${VARIANT_ATTRIBUTE_PREFIX}${key}`, at: header.index(`${VARIANT_ATTRIBUTE_PREFIX}${key}`) })),
  };
  columnPlans.set(header, plan);
  return plan;
}

/**
 * Checks one product (consecutive rows with one product key) against the SAME rules as
 * `POST /v1/sellers/me/products` (the DTO's class-validator rules, `productProblems`,
 * `checkPrices`, declared brands) and turns it into the columns to write. `existing` is the product
 * its SKUs already belong to: a column the file does not have keeps the existing value.
 */
export function checkGroup(ctx: GroupContext, rows: CsvRow[], existing: Existing | null): GroupOutcome {
  const { header } = ctx;
  const plan = columnPlan(header);
  const problems: RowProblem[] = [];
  const first = rows[0];
  const skuOf = (r: CsvRow) => r.cells[plan.sku] ?? '';
  const problem = (r: CsvRow, column: string, code: string, messageKey: string, params: Record<string, MessageParam> = {}) =>
    problems.push({ row: r.row, column, sku: skuOf(r) || null, code, messageKey, params: { ...params, column, field: column } });
  /** A cell, trimmed; undefined when the file has no such column. */
  const cell = (r: CsvRow, at: number): string | undefined => (at < 0 ? undefined : (r.cells[at] ?? '').trim());
  /** A product-level cell: the first row's; later rows may leave it empty or repeat it. */
  const productCell = (column: string, at: number): string | undefined => {
    const value = cell(first, at);
    if (value === undefined) return undefined;
    for (let i = 1; i < rows.length; i++) {
      const other = cell(rows[i], at)!;
      if (other !== '' && other !== value) problem(rows[i], column, 'PRODUCT_FIELD_CONFLICT', 'catalog.import.row.PRODUCT_FIELD_CONFLICT', { row: first.row });
    }
    return value;
  };
  const column = (name: ProductColumn) => productCell(name, plan.product[name]);
  const opt = (v: string | undefined, keep: () => string | null | undefined): string | undefined =>
    v === undefined ? (keep() ?? undefined) : v === '' ? undefined : v;
  const old = existing?.product;

  const currency = (column('currency') || old?.currency || ctx.defaultCurrency).toUpperCase();
  const hsNationalCell = column('hs_national');
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
    const { present, columns, at } = plan.operators[role];
    if (!present) return old?.gpsr?.[role];
    const v = (k: number) => {
      const value = productCell(columns[k], at[k]);
      return value === undefined || value === '' ? undefined : value;
    };
    let given = false;
    for (let k = 0; k < columns.length && !given; k++) given = !!productCell(columns[k], at[k]);
    if (!given) return undefined;
    // parts in OPERATOR_PARTS order: name, line1, line2, city, postal_code, region, country, email, url
    const country = v(6);
    return {
      name: v(0)!,
      address: { line1: v(1)!, line2: v(2), city: v(3)!, postalCode: v(4), region: v(5), country: country?.toUpperCase() as string },
      email: v(7),
      url: v(8),
    };
  };
  const manufacturer = operator('manufacturer');
  const euResponsiblePerson = operator('euResponsiblePerson');

  let productAttributes: Attribute[] | undefined = old?.attributes;
  if (plan.productAttributes.length) {
    const given: Attribute[] = [];
    for (const a of plan.productAttributes) {
      const value = productCell(a.column, a.at) ?? '';
      if (value !== '') given.push({ key: a.key, value });
    }
    const kept = (old?.attributes ?? []).filter((a) => !header.productAttributeKeys.includes(a.key));
    productAttributes = kept.length ? [...kept, ...given] : given;
  }

  const oldVariants = existing ? new Map(existing.variants.map((v) => [v.sku, v])) : undefined;
  /** A measure cell: a whole number of g/mm (kg/cm may have 3/1 decimals); `null` marks a cell that is not one (reported). */
  const measure = (r: CsvRow, col: MeasureColumn): number | undefined | null => {
    const v = cell(r, col.at)!;
    if (v === '') return undefined;
    const n = remembered(col.seen, v, (cell) => scaleToInteger(cell, col.factor));
    if (n === null) problem(r, col.column, 'INVALID_NUMBER', 'catalog.import.row.INVALID_NUMBER', { value: v.slice(0, 40) });
    return n;
  };

  const variants = rows.map((r) => {
    const sku = r.cells[plan.sku] ?? '';
    const was = oldVariants?.get(sku);
    const priceCell = cell(r, plan.price)!;
    let amount: string | undefined;
    if (priceCell === '') problem(r, 'price', 'REQUIRED', 'validation.REQUIRED');
    else {
      const parsed = remembered(plan.prices, priceCell, parseDecimal);
      if (parsed === null) problem(r, 'price', 'INVALID_NUMBER', 'catalog.import.row.INVALID_NUMBER', { value: priceCell.slice(0, 40) });
      else amount = parsed;
    }
    const weight = plan.weight ? measure(r, plan.weight) : (was?.weightG ?? undefined);
    let dimensionsMm: { length?: number; width?: number; height?: number } | undefined;
    if (plan.length || plan.width || plan.height) {
      const length = plan.length && measure(r, plan.length);
      const width = plan.width && measure(r, plan.width);
      const height = plan.height && measure(r, plan.height);
      dimensionsMm = length === undefined && width === undefined && height === undefined ? undefined : { length: length ?? undefined, width: width ?? undefined, height: height ?? undefined };
    } else if (was && was.lengthMm !== null) dimensionsMm = { length: was.lengthMm, width: was.widthMm ?? undefined, height: was.heightMm ?? undefined };
    let attributes: Attribute[] | undefined = was?.attributes;
    if (plan.variantAttributes.length) {
      const given: Attribute[] = [];
      for (const a of plan.variantAttributes) {
        const value = cell(r, a.at) ?? '';
        if (value !== '') given.push({ key: a.key, value });
      }
      const kept = (was?.attributes ?? []).filter((a) => !header.variantAttributeKeys.includes(a.key));
      attributes = kept.length ? [...kept, ...given] : given;
    }
    const variant = new VariantDto();
    variant.sku = sku;
    variant.price = Object.assign(new PriceInputDto(), { amount: amount ?? (priceCell === '' ? undefined : '0'), currency });
    if (weight !== undefined && weight !== null) variant.weightG = weight;
    if (dimensionsMm) variant.dimensionsMm = make(DimensionsDto, dimensionsMm)!;
    if (attributes?.length) variant.attributes = attributesOf(attributes);
    return variant;
  });

  // the body in the order of the API's JSON (fields left unset stay undefined, as plainToInstance leaves them)
  const dto = new ProductDto();
  const body = dto as unknown as Record<string, unknown>;
  body.title = opt(column('title'), () => old?.title);
  body.description = opt(column('description'), () => old?.description);
  body.category = opt(column('category'), () => old?.category);
  dto.currency = currency;
  body.sourceLocale = opt(column('source_locale'), () => old?.sourceLocale);
  if (productAttributes?.length) dto.attributes = attributesOf(productAttributes);
  dto.variants = variants;
  body.hsCode = opt(column('hs_code'), () => old?.hsCode);
  body.hsNational = hsNational;
  body.originCountry = opt(column('origin_country')?.toUpperCase(), () => old?.originCountry);
  body.brand = opt(column('brand'), () => old?.brand);
  if (manufacturer || euResponsiblePerson) {
    dto.gpsr = Object.assign(new GpsrDto(), { manufacturer: operatorOf(manufacturer), euResponsiblePerson: operatorOf(euResponsiblePerson) });
  }
  const doc = opt(column('conformity_doc_url'), () => old?.conformity?.docUrl);
  if (doc) dto.conformity = Object.assign(new ConformityDto(), { docUrl: doc });
  body.safetyInformation = opt(column('safety_information'), () => old?.safetyInformation);

  const details = validationProblems(dto);
  const all = details.length ? details : productProblems(dto);
  const checked = details.length ? undefined : checkPrices(dto, currency);
  if (checked) all.push(...checked.prices.precision, ...checked.problems);
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

  const minor = checked!.prices.minor;
  const attributeValues = dto.attributes ?? [];
  return {
    ok: true,
    product: {
      title: dto.title,
      description: dto.description?.length ? dto.description : null,
      attributes: attributeValues.map((a) => ({ key: a.key, value: a.value })),
      category: dto.category,
      hsCode: dto.hsCode ?? null,
      hsNational: dto.hsNational ?? {},
      originCountry: dto.originCountry ?? null,
      brand,
      gpsr: dto.gpsr ? jsonCopy(dto.gpsr as Gpsr) : null,
      conformity: dto.conformity?.docUrl ? { docUrl: dto.conformity.docUrl } : null,
      safetyInformation: dto.safetyInformation ?? null,
      searchText: searchFold([dto.title, brand ?? '', ...attributeValues.map((a) => a.value)].join(' ')),
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
    a.searchText === b.searchText && sameJson(a.attributes, b.attributes) && sameJson(a.hsNational, b.hsNational) &&
    sameJson(a.gpsr, b.gpsr) && sameJson(a.conformity, b.conformity)
  );
}

export function sameVariant(a: VariantEntity, b: VariantColumns): boolean {
  return (
    String(a.priceMinor) === b.priceMinor && a.currency === b.currency && a.weightG === b.weightG && a.lengthMm === b.lengthMm &&
    a.widthMm === b.widthMm && a.heightMm === b.heightMm && sameJson(a.attributes, b.attributes)
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
