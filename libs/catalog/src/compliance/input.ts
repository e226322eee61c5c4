import type { Candidate } from '../listings/resolve';
import type { ProductEntity, ProductTranslationEntity, VariantEntity } from '../products/product.entity';
import { sourceFields } from '../products/source-fields';
import type { ReadinessProduct } from './evaluate';

/** What readiness reads of a saved product: its source texts with their translations, per field. */
export function readinessInput(product: ProductEntity, variants: VariantEntity[], rows: ProductTranslationEntity[]): ReadinessProduct {
  const texts = new Map<string, Candidate[]>();
  for (const src of sourceFields(product, variants)) {
    if (!['title', 'description', 'safetyInformation'].includes(src.field)) continue;
    texts.set(src.field, [
      { locale: product.sourceLocale, value: src.value, origin: 'source', status: 'source', outdated: false },
      ...rows.filter((r) => r.field === src.field).map((r): Candidate => ({ locale: r.locale, value: r.value, origin: 'translation', status: r.status, outdated: r.sourceHash !== src.sourceHash })),
    ]);
  }
  return {
    category: product.category,
    hsCode: product.hsCode,
    hsNational: product.hsNational,
    originCountry: product.originCountry,
    gpsr: product.gpsr,
    conformity: product.conformity,
    battery: product.battery,
    texts,
    variants: variants.map((v) => ({ id: v.id, sku: v.sku })),
  };
}

/** Rows grouped by their product, in the order given. */
export function byProduct<T extends { productId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.productId);
    if (list) list.push(r);
    else out.set(r.productId, [r]);
  }
  return out;
}
