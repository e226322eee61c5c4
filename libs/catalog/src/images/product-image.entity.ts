import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from '../products/product.entity';

/** The image formats a product may show, judged by the file's bytes (never its name or declared type). */
export const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];

/**
 * A product image: metadata here, the bytes in DOCUMENT_STORAGE under `storage_key`
 * (`catalog/images/<productId>/<imageId>`). Ordered by `position` (1 = the main image); alt text
 * per content locale (BCP 47), optional.
 */
@Entity('catalog_product_images')
@Index('ix_catalog_product_images_product', ['productId', 'position'])
@Check('ck_catalog_product_images_media_type', `"media_type" IN ('image/jpeg', 'image/png', 'image/webp')`)
@Check('ck_catalog_product_images_position', `"position" >= 1`)
export class ProductImageEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'product_id' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_catalog_product_images_product' })
  product?: ProductEntity;

  @Column('uuid', { name: 'seller_id' })
  sellerId: string;

  @Column('integer')
  position: number;

  @Column('varchar', { name: 'media_type', length: 16 })
  mediaType: ImageMediaType;

  @Column('integer')
  size: number;

  @Column('char', { length: 64 })
  sha256: string;

  @Column('varchar', { name: 'storage_key', length: 200 })
  storageKey: string;

  /** Alt text by content locale: `{ "tr": "Mavi elbise", "it": "Abito blu" }`. */
  @Column('jsonb', { default: {} })
  alt: Record<string, string>;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
