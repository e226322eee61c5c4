import type { ErrorDetail } from '@app/kernel';

/**
 * The columns of a product import file (one row per variant). Header names are compared after
 * trimming, lower-casing and turning spaces and hyphens into `_`; every column but the required
 * ones may be left out. A column left out of the file leaves that field of an existing product as
 * it is; a column that is there but empty clears the field.
 */
export const PRODUCT_COLUMNS = [
  'product_key', 'title', 'description', 'category', 'currency', 'source_locale', 'hs_code', 'hs_national', 'origin_country', 'brand',
  'safety_information', 'conformity_doc_url',
] as const;
export const OPERATOR_PARTS = ['name', 'line1', 'line2', 'city', 'postal_code', 'region', 'country', 'email', 'url'] as const;
export const OPERATOR_PREFIXES = { manufacturer: 'manufacturer_', euResponsiblePerson: 'eu_rp_' } as const;
export const VARIANT_COLUMNS = ['sku', 'price', 'weight_g', 'weight_kg', 'length_mm', 'width_mm', 'height_mm', 'length_cm', 'width_cm', 'height_cm'] as const;
export const REQUIRED_COLUMNS = ['sku', 'title', 'category', 'price'] as const;
/** Variant attribute columns: `attr.size`; product attribute columns: `product_attr.material`. */
export const VARIANT_ATTRIBUTE_PREFIX = 'attr.';
export const PRODUCT_ATTRIBUTE_PREFIX = 'product_attr.';
const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;

const OPERATOR_COLUMNS = Object.values(OPERATOR_PREFIXES).flatMap((p) => OPERATOR_PARTS.map((part) => `${p}${part}`));
const KNOWN = new Set<string>([...PRODUCT_COLUMNS, ...VARIANT_COLUMNS, ...OPERATOR_COLUMNS]);
/** Columns that give the same field in another unit: at most one of each group. */
const SAME_FIELD = [['weight_g', 'weight_kg'], ['length_mm', 'length_cm'], ['width_mm', 'width_cm'], ['height_mm', 'height_cm']];

/** Every column the import knows, for the documentation and the example file. */
export const ALL_COLUMNS: readonly string[] = [...KNOWN];

export type HeaderProblemCode = 'MISSING_COLUMN' | 'UNKNOWN_COLUMN' | 'DUPLICATE_COLUMN' | 'INVALID_ATTRIBUTE_KEY' | 'EMPTY_HEADER';

export interface Header {
  /** Canonical column name per position (null: an empty header cell whose column must stay empty). */
  names: (string | null)[];
  has(column: string): boolean;
  /** Position of a column, or -1. */
  index(column: string): number;
  variantAttributeKeys: string[];
  productAttributeKeys: string[];
}

export const canonicalColumn = (raw: string): string => raw.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

const headerProblem = (column: string, code: HeaderProblemCode, params: Record<string, string> = {}): ErrorDetail => ({
  field: column,
  code,
  messageKey: `catalog.import.header.${code}`,
  params: { column, ...params },
});

/** The header row: every unknown, duplicated or missing column at once. */
export function parseHeader(cells: string[]): { header: Header; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const names: (string | null)[] = [];
  const seen = new Map<string, number>();
  const variantAttributeKeys: string[] = [];
  const productAttributeKeys: string[] = [];
  cells.forEach((raw, i) => {
    const name = canonicalColumn(raw);
    if (!name) {
      names.push(null);
      return;
    }
    const shown = name.slice(0, 64);
    if (seen.has(name)) problems.push(headerProblem(shown, 'DUPLICATE_COLUMN'));
    seen.set(name, i);
    names.push(name);
    for (const prefix of [VARIANT_ATTRIBUTE_PREFIX, PRODUCT_ATTRIBUTE_PREFIX]) {
      if (name.startsWith(prefix)) {
        const key = name.slice(prefix.length);
        if (!ATTRIBUTE_KEY.test(key)) problems.push(headerProblem(shown, 'INVALID_ATTRIBUTE_KEY'));
        else (prefix === VARIANT_ATTRIBUTE_PREFIX ? variantAttributeKeys : productAttributeKeys).push(key);
        return;
      }
    }
    if (!KNOWN.has(name)) problems.push(headerProblem(shown, 'UNKNOWN_COLUMN'));
  });
  if (names.every((n) => n === null)) problems.push(headerProblem('', 'EMPTY_HEADER'));
  else for (const c of REQUIRED_COLUMNS) if (!seen.has(c)) problems.push(headerProblem(c, 'MISSING_COLUMN'));
  for (const group of SAME_FIELD) {
    const present = group.filter((c) => seen.has(c));
    if (present.length > 1) problems.push(headerProblem(present[1], 'DUPLICATE_COLUMN', { other: present[0] }));
  }
  return {
    header: {
      names,
      has: (c) => seen.has(c),
      index: (c) => seen.get(c) ?? -1,
      variantAttributeKeys,
      productAttributeKeys,
    },
    problems,
  };
}
