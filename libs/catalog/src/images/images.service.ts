import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { APP_CONFIG, CLOCK, deleteAfterCommit, DOCUMENT_STORAGE, parseContentLocale, storedBeforeCommit } from '@app/kernel';
import type { AppConfig, Clock, DocumentStorage, ErrorDetail, RequestContext } from '@app/kernel';
import type { Reader, Tx } from '@app/persistence';
import { UnitOfWork } from '@app/persistence';
import { catalogError, CatalogErrorCode } from '../errors';
import { ProductsService } from '../products/products.service';
import type { UpdateImageDto } from './dto';
import type { ImageProblemCode } from './i18n';
import { IMAGE_MEDIA_TYPES, ImageMediaType, ProductImageEntity } from './product-image.entity';
import { imageView, ProductImageView } from './views';

/** The longest alt text, in characters. */
export const ALT_MAX_CHARS = 250;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UploadedImage {
  buffer: Buffer;
  size: number;
}

const problem = (field: string, code: ImageProblemCode, params: Record<string, string | number> = {}): ErrorDetail => ({
  field,
  code,
  messageKey: `catalog.image.${code}`,
  params: { field, ...params },
});

/**
 * Product images in DOCUMENT_STORAGE. Bytes are judged by their magic numbers (JPEG, PNG, WebP),
 * written BEFORE the row's transaction and removed again when it fails; deleted only AFTER the
 * transaction that dropped the row has committed. Only the product's owner reads them.
 */
@Injectable()
export class ImagesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, productId: string): Promise<ProductImageView[]> {
    const { product } = await this.products.owned(ctx, productId, this.uow.reader);
    const rows = await this.uow.reader.find(ProductImageEntity, { where: { productId: product.id }, order: { position: 'ASC' } });
    return rows.map(imageView);
  }

  async upload(ctx: RequestContext, productId: string, file: UploadedImage | undefined): Promise<ProductImageView> {
    if (!file) throw catalogError(CatalogErrorCode.IMAGE_FILE_MISSING);
    const limit = this.config.catalog.imageMaxBytes;
    if (file.size > limit) throw catalogError(CatalogErrorCode.IMAGE_TOO_LARGE, { limit });
    const { fileTypeFromBuffer } = await import('file-type');
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!detected || !(IMAGE_MEDIA_TYPES as readonly string[]).includes(detected.mime)) throw catalogError(CatalogErrorCode.IMAGE_TYPE_NOT_ALLOWED);
    const { product } = await this.products.owned(ctx, productId, this.uow.reader);
    // a full product is refused before anything is stored (and again under the lock below)
    await this.assertRoom(this.uow.reader, product.id);
    const id = randomUUID();
    const storageKey = `catalog/images/${product.id}/${id}`;
    return storedBeforeCommit(this.storage, storageKey, file.buffer, () =>
      this.uow.run(async (tx) => {
        await this.products.owned(ctx, product.id, tx, true);
        const count = await this.assertRoom(tx, product.id);
        const row = Object.assign(new ProductImageEntity(), {
          id,
          productId: product.id,
          sellerId: product.sellerId,
          position: count + 1,
          mediaType: detected.mime as ImageMediaType,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          storageKey,
          alt: {},
          createdAt: this.clock.now(),
        });
        await tx.insert(ProductImageEntity, row);
        return imageView(row);
      }),
    );
  }

  /** The image's bytes and media type, for its owner only. */
  async content(ctx: RequestContext, productId: string, imageId: string): Promise<{ image: ProductImageEntity; bytes: Buffer }> {
    const image = await this.owned(ctx, productId, imageId, this.uow.reader);
    return { image, bytes: await this.storage.get(image.storageKey) };
  }

  async update(ctx: RequestContext, productId: string, imageId: string, body: UpdateImageDto): Promise<ProductImageView[]> {
    const alt = body.alt === undefined ? undefined : this.altTexts(body.alt);
    return this.uow.run(async (tx) => {
      const { product } = await this.products.owned(ctx, productId, tx, true);
      const image = await this.owned(ctx, product.id, imageId, tx);
      const rows = await tx.find(ProductImageEntity, { where: { productId: product.id }, order: { position: 'ASC' } });
      if (body.position !== undefined && body.position > rows.length) {
        throw catalogError(CatalogErrorCode.IMAGE_INVALID, {}, [problem('position', 'POSITION_OUT_OF_RANGE', { max: rows.length })]);
      }
      if (alt) await tx.update(ProductImageEntity, { id: image.id }, { alt });
      if (body.position !== undefined) {
        const order = rows.filter((r) => r.id !== image.id);
        order.splice(body.position - 1, 0, image);
        await this.renumber(tx, order);
      }
      return (await tx.find(ProductImageEntity, { where: { productId: product.id }, order: { position: 'ASC' } })).map(imageView);
    });
  }

  async remove(ctx: RequestContext, productId: string, imageId: string): Promise<void> {
    const key = await this.uow.run(async (tx) => {
      const { product } = await this.products.owned(ctx, productId, tx, true);
      const image = await this.owned(ctx, product.id, imageId, tx);
      await tx.delete(ProductImageEntity, { id: image.id });
      await this.renumber(tx, await tx.find(ProductImageEntity, { where: { productId: product.id }, order: { position: 'ASC' } }));
      return image.storageKey;
    });
    await deleteAfterCommit(this.storage, [key]);
  }

  private async owned(ctx: RequestContext, productId: string, imageId: string, tx: Reader): Promise<ProductImageEntity> {
    const seller = this.products.sellerOf(ctx);
    const image = UUID.test(productId) && UUID.test(imageId) ? await tx.findOne(ProductImageEntity, { where: { id: imageId, productId, sellerId: seller.id } }) : null;
    if (!image) {
      // 404 for the product first when it is not the caller's, as every other product route answers
      await this.products.owned(ctx, productId, tx);
      throw catalogError(CatalogErrorCode.IMAGE_NOT_FOUND);
    }
    return image;
  }

  private async assertRoom(tx: Reader, productId: string): Promise<number> {
    const count = await tx.count(ProductImageEntity, { where: { productId } });
    const limit = this.config.catalog.imagesPerProduct;
    if (count >= limit) throw catalogError(CatalogErrorCode.IMAGE_LIMIT_REACHED, { limit });
    return count;
  }

  /** Positions 1…n in the given order, touching only rows that move. */
  private async renumber(tx: Tx, order: ProductImageEntity[]): Promise<void> {
    for (const [i, row] of order.entries()) if (row.position !== i + 1) await tx.update(ProductImageEntity, { id: row.id }, { position: i + 1 });
  }

  private altTexts(list: { locale: string; text: string }[]): Record<string, string> {
    const out: Record<string, string> = {};
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    list.forEach((a, i) => {
      const locale = parseContentLocale(a.locale);
      if (!locale) problems.push(problem(`alt[${i}].locale`, 'INVALID_LOCALE', { value: a.locale.slice(0, 35) }));
      else if (seen.has(locale)) problems.push(problem(`alt[${i}].locale`, 'DUPLICATE_LOCALE', { value: locale }));
      if (locale) seen.add(locale);
      const text = a.text.normalize('NFC').trim();
      if (!text) problems.push(problem(`alt[${i}].text`, 'BLANK'));
      else if ([...text].length > ALT_MAX_CHARS) problems.push(problem(`alt[${i}].text`, 'TOO_LONG', { max: ALT_MAX_CHARS }));
      if (locale && text) out[locale] = text;
    });
    if (problems.length) throw catalogError(CatalogErrorCode.IMAGE_INVALID, {}, problems);
    return out;
  }
}
