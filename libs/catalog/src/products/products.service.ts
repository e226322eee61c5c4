import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, Not } from 'typeorm';
import { CountryRulesService } from '@app/countries';
import { deleteAfterCommit, DOCUMENT_STORAGE, parseContentLocale } from '@app/kernel';
import type { DocumentStorage, ErrorDetail, RequestContext, SellerPrincipal } from '@app/kernel';
import { isUniqueViolation, Reader, Tx, UnitOfWork } from '@app/persistence';
import { callerSeller, SellerDirectory } from '@app/sellers';
import type { Battery } from '../compliance/dangerous-goods';
import { catalogError, CatalogErrorCode } from '../errors';
import { ProductImageEntity } from '../images/product-image.entity';
import { checkPrices, checkProblem, productProblems } from './checks';
import type { ListProductsQueryDto, ProductDto } from './dto';
import { ProductEntity, ProductStatus, ProductTranslationEntity, searchFold, VariantEntity } from './product.entity';
import { PricesService } from '../prices/prices.service';
import { ReadinessTrigger } from '../readiness/trigger';
import { sourceFields } from './source-fields';
import { canMove } from './status';
import { ProductPageView, productView, ProductView } from './views';

/**
 * The language a seller of a country writes product content in, unless the product says otherwise.
 * Kazakhstan: Russian, the language most Kazakh sellers write listings in (Kazakh, `kk`, can be chosen).
 */
const SELLER_CONTENT_LOCALE: Readonly<Record<string, string>> = {
  RU: 'ru', TR: 'tr', IT: 'it', ES: 'es', DE: 'de', FR: 'fr', PL: 'pl', PT: 'pt', GB: 'en-GB', US: 'en-US', KZ: 'ru',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OwnedProduct {
  seller: SellerPrincipal;
  product: ProductEntity;
  variants: VariantEntity[];
}

/** Brands match as the business profile de-duplicates them: ignoring case (locale-independent) and Unicode normal form. */
const sameBrand = (a: string, b: string) => a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

/** Products of the calling seller: a seller never sees (nor learns of) another seller's products. */
@Injectable()
export class ProductsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly countries: CountryRulesService,
    private readonly marketPrices: PricesService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly readiness: ReadinessTrigger,
    private readonly sellers: SellerDirectory,
  ) {}

  /** The images of these products, in order. */
  async images(db: Reader, productIds: string[]): Promise<ProductImageEntity[]> {
    return productIds.length ? db.find(ProductImageEntity, { where: { productId: In(productIds) }, order: { productId: 'ASC', position: 'ASC' } }) : [];
  }

  /** The content locale a seller of this country writes in unless a product says otherwise. */
  defaultSourceLocale(country: string): string {
    return SELLER_CONTENT_LOCALE[country] ?? 'en';
  }

  /** The calling seller, resolved with the access token (404 SELLER_NOT_FOUND for an account that is not a seller). */
  sellerOf(ctx: RequestContext): SellerPrincipal {
    return callerSeller(ctx);
  }

  /** The caller's product with its variants; 404 for a product of another seller, as for one that does not exist. */
  async owned(ctx: RequestContext, id: string, tx: Reader, lock = false): Promise<OwnedProduct> {
    const seller = this.sellerOf(ctx);
    const product = UUID.test(id)
      ? await tx.findOne(ProductEntity, { where: { id, sellerId: seller.id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!product) throw catalogError(CatalogErrorCode.PRODUCT_NOT_FOUND);
    const variants = await tx.find(VariantEntity, { where: { productId: product.id }, order: { position: 'ASC' } });
    return { seller, product, variants };
  }

  /**
   * Many of the caller's products with their variants in two queries, in the order asked for;
   * ids that are not the caller's (or not uuids) are left out.
   */
  async ownedMany(ctx: RequestContext, ids: readonly string[], tx: Reader): Promise<OwnedProduct[]> {
    const seller = this.sellerOf(ctx);
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (!wanted.length) return [];
    const products = await tx.find(ProductEntity, { where: { id: In(wanted), sellerId: seller.id } });
    const variants = await tx.find(VariantEntity, { where: { productId: In(products.map((p) => p.id)) }, order: { productId: 'ASC', position: 'ASC' } });
    const byProduct = new Map<string, VariantEntity[]>();
    for (const v of variants) {
      const list = byProduct.get(v.productId);
      if (list) list.push(v);
      else byProduct.set(v.productId, [v]);
    }
    const byId = new Map(products.map((p) => [p.id, p]));
    return wanted.flatMap((id) => {
      const product = byId.get(id);
      return product ? [{ seller, product, variants: byProduct.get(id) ?? [] }] : [];
    });
  }

  async create(ctx: RequestContext, input: ProductDto): Promise<ProductView> {
    return this.uow.run(async (tx) => {
      const seller = this.sellerOf(ctx);
      const status = input.status ?? 'draft';
      if (!canMove('draft', status)) throw catalogError(CatalogErrorCode.STATUS_TRANSITION, { from: { t: 'catalog.status.draft' }, to: { t: `catalog.status.${status}` } });
      const currency = await this.currencyFor(seller.country, input, tx);
      const sourceLocale = parseContentLocale(input.sourceLocale) ?? this.defaultSourceLocale(seller.country);
      const product = Object.assign(new ProductEntity(), { id: randomUUID(), sellerId: seller.id, status, ...(await this.fields(tx, seller, input, currency)), sourceLocale, currency });
      await tx.insert(ProductEntity, product);
      const minor = this.prices(input, currency);
      await this.checkSkus(tx, seller.id, input, null);
      await this.writeVariants(tx, seller.id, product.id, input, minor, currency, []);
      await this.marketPrices.repriceProduct(tx, product.id);
      await this.readiness.productsChanged(tx, seller.id, [product.id]);
      const saved = await this.owned(ctx, product.id, tx);
      return productView(saved.product, saved.variants, [], ctx.locale);
    });
  }

  /** A new product's currency: the one given, else the default of the seller's country (its published pack). */
  async currencyFor(country: string, input: Pick<ProductDto, 'currency'>, db: Reader): Promise<string> {
    return input.currency ?? (await this.countries.published(country, db)).document.currencies.default;
  }

  async get(ctx: RequestContext, id: string): Promise<ProductView> {
    const { product, variants } = await this.owned(ctx, id, this.uow.reader);
    return productView(product, variants, await this.images(this.uow.reader, [product.id]), ctx.locale);
  }

  /**
   * Replaces the product. Variants are matched by SKU (a kept SKU keeps its id, so translations of
   * its attribute values survive); translations of fields that no longer exist are removed.
   */
  async update(ctx: RequestContext, id: string, input: ProductDto): Promise<ProductView> {
    return this.uow.run(async (tx) => {
      const { seller, product, variants } = await this.owned(ctx, id, tx, true);
      const status = input.status ?? product.status;
      if (!canMove(product.status, status)) {
        throw catalogError(CatalogErrorCode.STATUS_TRANSITION, { from: { t: `catalog.status.${product.status}` }, to: { t: `catalog.status.${status}` } });
      }
      const currency = input.currency ?? product.currency;
      const sourceLocale = input.sourceLocale === undefined ? product.sourceLocale : (parseContentLocale(input.sourceLocale) ?? product.sourceLocale);
      const fields = await this.fields(tx, seller, input, currency);
      const minor = this.prices(input, currency);
      await this.checkSkus(tx, seller.id, input, product.id);
      await tx.update(ProductEntity, { id: product.id }, { ...fields, status, currency, sourceLocale });
      await this.writeVariants(tx, seller.id, product.id, input, minor, currency, variants);
      await this.marketPrices.repriceProduct(tx, product.id);
      await this.readiness.productsChanged(tx, seller.id, [product.id]);
      const saved = await this.owned(ctx, product.id, tx);
      const live = new Set(sourceFields(saved.product, saved.variants).map((f) => f.field));
      const rows = await tx.find(ProductTranslationEntity, { where: { productId: product.id }, select: { id: true, field: true, locale: true } });
      const orphans = rows.filter((r) => !live.has(r.field) || r.locale === sourceLocale).map((r) => r.id);
      if (orphans.length) await tx.delete(ProductTranslationEntity, { id: In(orphans) });
      return productView(saved.product, saved.variants, await this.images(tx, [product.id]), ctx.locale);
    });
  }

  /** Deletes the product with its variants, translations and images; the image files go once that has committed. */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    const keys = await this.uow.run(async (tx) => {
      const { seller, product } = await this.owned(ctx, id, tx, true);
      const images = await this.images(tx, [product.id]);
      await tx.delete(ProductEntity, { id: product.id });
      await this.readiness.productsChanged(tx, seller.id, [product.id]);
      return images.map((i) => i.storageKey);
    });
    await deleteAfterCommit(this.storage, keys);
  }

  async list(ctx: RequestContext, q: ListProductsQueryDto): Promise<ProductPageView> {
    const seller = this.sellerOf(ctx);
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    const qb = this.uow.reader.createQueryBuilder(ProductEntity, 'p').where('p.sellerId = :seller', { seller: seller.id });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.category) qb.andWhere("(p.category = :cat OR left(p.category, length(:cat) + 1) = :cat || '.')", { cat: q.category });
    if (q.sku !== undefined) qb.andWhere('EXISTS (SELECT 1 FROM catalog_variants v WHERE v.product_id = p.id AND v.sku = :sku)', { sku: q.sku });
    if (q.q?.trim()) {
      // every word of the query (folded like searchText) must appear; or the query is exactly a SKU
      const words = searchFold(q.q).split(/\s+/).filter(Boolean).slice(0, 8);
      const params: Record<string, string> = { exact: q.q.trim() };
      const conditions = words.map((w, i) => {
        params[`w${i}`] = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        return `p.searchText LIKE :w${i} ESCAPE '\\'`;
      });
      // a query of marks alone folds to no word: then only an exact SKU can match
      const matchWords = conditions.length ? `(${conditions.join(' AND ')}) OR ` : '';
      qb.andWhere(`(${matchWords}EXISTS (SELECT 1 FROM catalog_variants v WHERE v.product_id = p.id AND v.sku = :exact))`, params);
    }
    const [products, total] = await qb.orderBy('p.createdAt', 'DESC').addOrderBy('p.id', 'ASC').take(limit).skip(offset).getManyAndCount();
    const variants = products.length
      ? await this.uow.reader.find(VariantEntity, { where: { productId: In(products.map((p) => p.id)) }, order: { position: 'ASC' } })
      : [];
    const images = await this.images(this.uow.reader, products.map((p) => p.id));
    return {
      items: products.map((p) => productView(p, variants.filter((v) => v.productId === p.id), images.filter((i) => i.productId === p.id), ctx.locale)),
      total,
      limit,
      offset,
    };
  }

  /** The product's own columns from the body, after every catalog rule (422 with every field at once). */
  private async fields(tx: Tx, seller: SellerPrincipal, input: ProductDto, currency: string) {
    const problems = productProblems(input);
    const duplicates = problems.filter((p) => p.code === 'DUPLICATE_SKU');
    if (duplicates.length) throw catalogError(CatalogErrorCode.SKU_TAKEN, { sku: String(duplicates[0].params?.sku) }, duplicates);
    const { prices, problems: priceProblems } = checkPrices(input, currency);
    if (prices.precision.length) {
      const { currency: priced, amount, decimals } = prices.precision[0].params as { currency: string; amount: string; decimals: number };
      throw catalogError(CatalogErrorCode.PRICE_PRECISION_EXCEEDED, { currency: priced, amount, decimals }, prices.precision);
    }
    problems.push(...priceProblems);
    if (problems.length) throw catalogError(CatalogErrorCode.PRODUCT_INVALID, {}, problems);
    let brand: string | null = null;
    if (input.brand !== undefined) {
      const profile = await this.sellers.businessProfile(seller.id, tx);
      const declared = (profile?.brands ?? []).find((b) => sameBrand(b, input.brand!));
      // refused, not warned: a brand on a listing needs the trademark documents that declaring it in KYC asks for
      if (!declared) throw catalogError(CatalogErrorCode.BRAND_NOT_DECLARED, { brand: input.brand });
      brand = declared;
    }
    return {
      title: input.title,
      description: input.description?.length ? input.description : null,
      attributes: (input.attributes ?? []).map((a) => ({ key: a.key, value: a.value })),
      category: input.category,
      hsCode: input.hsCode ?? null,
      hsNational: input.hsNational ?? {},
      originCountry: input.originCountry ?? null,
      brand,
      gpsr: input.gpsr ? (JSON.parse(JSON.stringify(input.gpsr)) as ProductEntity['gpsr']) : null,
      conformity: input.conformity?.docUrl ? { docUrl: input.conformity.docUrl } : null,
      battery: batteryOf(input.battery),
      safetyInformation: input.safetyInformation ?? null,
      searchText: searchFold([input.title, brand ?? '', ...(input.attributes ?? []).map((a) => a.value)].join(' ')),
    };
  }

  private prices(input: ProductDto, currency: string): bigint[] {
    return checkPrices(input, currency).prices.minor;
  }

  /** A SKU the seller already uses on ANOTHER product is a 409 naming every such SKU (compared byte for byte). */
  private async checkSkus(tx: Tx, sellerId: string, input: ProductDto, productId: string | null): Promise<void> {
    const skus = input.variants.map((v) => v.sku);
    const taken = await tx.find(VariantEntity, {
      where: { sellerId, sku: In(skus), ...(productId ? { productId: Not(productId) } : {}) },
      select: { sku: true },
    });
    if (taken.length) {
      const details: ErrorDetail[] = input.variants
        .map((v, i) => ({ v, i }))
        .filter(({ v }) => taken.some((t) => t.sku === v.sku))
        .map(({ v, i }) => checkProblem(`variants[${i}].sku`, 'DUPLICATE_SKU', { sku: v.sku }));
      throw catalogError(CatalogErrorCode.SKU_TAKEN, { sku: taken[0].sku }, details);
    }
  }

  private async writeVariants(tx: Tx, sellerId: string, productId: string, input: ProductDto, minor: bigint[], currency: string, existing: VariantEntity[]): Promise<void> {
    const bySku = new Map(existing.map((v) => [v.sku, v]));
    const keep = new Set(input.variants.map((v) => v.sku));
    const gone = existing.filter((v) => !keep.has(v.sku)).map((v) => v.id);
    if (gone.length) await tx.delete(VariantEntity, { id: In(gone) });
    for (const [i, v] of input.variants.entries()) {
      const row = {
        position: i,
        attributes: (v.attributes ?? []).map((a) => ({ key: a.key, value: a.value })),
        priceMinor: minor[i].toString(),
        currency,
        floorMinor: v.floorMinor ?? null,
        weightG: v.weightG ?? null,
        lengthMm: v.dimensionsMm?.length ?? null,
        widthMm: v.dimensionsMm?.width ?? null,
        heightMm: v.dimensionsMm?.height ?? null,
      };
      const old = bySku.get(v.sku);
      try {
        if (old) await tx.update(VariantEntity, { id: old.id }, row);
        else await tx.insert(VariantEntity, { id: randomUUID(), productId, sellerId, sku: v.sku, ...row });
      } catch (e) {
        // another request took the SKU between the check and the insert
        if (isUniqueViolation(e, 'uq_catalog_variants_seller_sku')) throw catalogError(CatalogErrorCode.SKU_TAKEN, { sku: v.sku }, [checkProblem(`variants[${i}].sku`, 'DUPLICATE_SKU', { sku: v.sku })]);
        throw e;
      }
    }
  }
}

export type { ProductStatus };

/** The battery as stored: only the fields given (a plain object, not the DTO instance). */
export function batteryOf(b: ProductDto['battery']): Battery | null {
  if (!b) return null;
  const out: Battery = { chemistry: b.chemistry, packing: b.packing };
  for (const k of ['whPerCell', 'whPerBattery', 'lithiumGPerCell', 'lithiumGPerBattery'] as const) if (b[k] !== undefined) out[k] = b[k];
  return out;
}
