import { createHash } from 'node:crypto';
import type { ProductEntity, VariantEntity } from './product.entity';

/** Fields whose text is LEGAL (shown only in the language asked for; never a fallback). */
export const LEGAL_FIELDS: ReadonlySet<string> = new Set(['safetyInformation']);

/** The longest text a field may hold, in characters (a translation obeys its source field's limit). */
export function maxLengthOf(field: string): number {
  if (field === 'title') return 200;
  if (field === 'description') return 10000;
  if (field === 'safetyInformation') return 5000;
  return 200; // attribute values
}

export interface SourceField {
  field: string;
  value: string;
  /** SHA-256 (hex) of the source text: a translation records it; a different one now means `outdated`. */
  sourceHash: string;
  legal: boolean;
}

export const sourceHash = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * The translatable source texts of a product, by field name: title, description, safety
 * information, product attribute values (`attributes.material`) and variant attribute values
 * (`variants.<variantId>.size`). Brand, SKU, codes and numbers are never translated.
 */
export function sourceFields(product: ProductEntity, variants: VariantEntity[]): SourceField[] {
  const out: [string, string | null][] = [
    ['title', product.title],
    ['description', product.description],
    ['safetyInformation', product.safetyInformation],
    ...product.attributes.map((a): [string, string] => [`attributes.${a.key}`, a.value]),
    ...variants.flatMap((v) => v.attributes.map((a): [string, string] => [`variants.${v.id}.${a.key}`, a.value])),
  ];
  return out
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim().length > 0)
    .map(([field, value]) => ({ field, value, sourceHash: sourceHash(value), legal: LEGAL_FIELDS.has(field) }));
}
