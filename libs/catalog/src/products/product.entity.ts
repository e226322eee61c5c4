import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SellerEntity } from '@app/sellers';
import type { Battery } from '../compliance/dangerous-goods';

export type ProductStatus = 'draft' | 'active' | 'archived';

export interface Attribute {
  key: string;
  value: string;
}

export interface PostalAddress {
  line1: string;
  line2?: string;
  city: string;
  postalCode?: string;
  region?: string;
  country: string;
}

/** An economic operator named on the listing (GPSR art. 19): postal AND electronic address. */
export interface EconomicOperator {
  name: string;
  address: PostalAddress;
  email?: string;
  url?: string;
}

export interface Gpsr {
  manufacturer?: EconomicOperator;
  /** The EU responsible person (art. 16), required when the manufacturer is not established in the EU. */
  euResponsiblePerson?: EconomicOperator;
}

/** Conformity evidence (CE and the like): the declaration of conformity, published at a URL. */
export interface Conformity {
  docUrl?: string;
}

/**
 * A seller's product, written in the seller's source content locale and priced in its source
 * currency. Text fields here are the SOURCE; translations live in catalog_product_translations.
 */
@Entity('catalog_products')
@Index('ix_catalog_products_seller_created', ['sellerId', 'createdAt'])
@Check('ck_catalog_products_status', `"status" IN ('draft', 'active', 'archived')`)
export class ProductEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'seller_id' })
  sellerId: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_id', foreignKeyConstraintName: 'fk_catalog_products_seller' })
  seller?: SellerEntity;

  @Column('varchar', { length: 16 })
  status: ProductStatus;

  /** BCP 47 content locale the seller writes in (`ru`, `tr`, `it`, `en-GB`). */
  @Column('varchar', { name: 'source_locale', length: 35 })
  sourceLocale: string;

  /** ISO 4217: every variant price is in this currency. */
  @Column('char', { length: 3 })
  currency: string;

  /** At most 200 characters (characters, not bytes: 200 Cyrillic letters are 400 bytes). */
  @Column('varchar', { length: 200 })
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('jsonb', { default: [] })
  attributes: Attribute[];

  /** A code of the published taxonomy (`apparel.women`). */
  @Column('varchar', { length: 64 })
  category: string;

  /** HS 6-digit subheading (WCO), e.g. 620442. */
  @Column('char', { name: 'hs_code', length: 6, nullable: true })
  hsCode: string | null;

  /** National tariff codes (8–10 digits) by destination: `{ "US": "6204423010", "EU": "62044200" }`. */
  @Column('jsonb', { name: 'hs_national', default: {} })
  hsNational: Record<string, string>;

  /** Non-preferential country of origin, ISO 3166-1 alpha-2. */
  @Column('char', { name: 'origin_country', length: 2, nullable: true })
  originCountry: string | null;

  @Column('varchar', { length: 100, nullable: true })
  brand: string | null;

  @Column('jsonb', { nullable: true })
  gpsr: Gpsr | null;

  /** Conformity evidence: a link to the declaration of conformity (toys in the EU need one: CE_DOC_MISSING). */
  @Column('jsonb', { nullable: true })
  conformity: Conformity | null;

  /** A battery shipped with the product (chemistry, packing, Wh / lithium grams): dangerous goods by shipping lane. */
  @Column('jsonb', { nullable: true })
  battery: Battery | null;

  /** Safety information / warnings in the source language: a LEGAL text (no fallback between languages). */
  @Column('text', { name: 'safety_information', nullable: true })
  safetyInformation: string | null;

  /**
   * Title, attribute values and brand folded for search the same way whatever the database's
   * collation (see `searchFold`): `ÇAYI` finds `çayı`. Never used for identity (SKUs are byte-exact).
   */
  @Column('text', { name: 'search_text', default: '' })
  searchText: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * Folds text for search only: compatibility decomposition, marks removed, Turkish dotless ı as i,
 * then locale-independent lower case. `İstanbul`, `ISTANBUL` and `istanbul` fold alike; so do
 * `Çayı` and `CAYI`. A search aid, deliberately lossy; identity never goes through it.
 */
export const searchFold = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase();

/**
 * A sellable variant. The SKU is the seller's identifier, unique per seller and compared byte for
 * byte (collation "C"): `kiwi-i` and `KIWI-İ` are two SKUs, whatever a locale's casing rules say.
 */
@Entity('catalog_variants')
@Index('uq_catalog_variants_seller_sku', ['sellerId', 'sku'], { unique: true })
@Index('ix_catalog_variants_product', ['productId', 'position'])
@Check('ck_catalog_variants_price', `"price_minor" >= 0`)
export class VariantEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'product_id' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_catalog_variants_product' })
  product?: ProductEntity;

  @Column('uuid', { name: 'seller_id' })
  sellerId: string;

  @Column({ type: 'varchar', length: 64, collation: 'C' })
  sku: string;

  @Column('integer')
  position: number;

  @Column('jsonb', { default: [] })
  attributes: Attribute[];

  /** Integer minor units of `currency` (ISO 4217 exponent), as a string (bigint). */
  @Column('bigint', { name: 'price_minor' })
  priceMinor: string;

  @Column('char', { length: 3 })
  currency: string;

  /**
   * The lowest price the seller accepts, in minor units of `currency` (cost or MAP, research §2.5):
   * a market price converted below it (with the same FX snapshot) is blocked, and a fixed price
   * below it refused. Null: no floor (prices must still be above zero).
   */
  @Column('bigint', { name: 'floor_minor', nullable: true })
  floorMinor: string | null;

  /** Package weight in grams. */
  @Column('integer', { name: 'weight_g', nullable: true })
  weightG: number | null;

  /** Package dimensions in millimetres. */
  @Column('integer', { name: 'length_mm', nullable: true })
  lengthMm: number | null;

  @Column('integer', { name: 'width_mm', nullable: true })
  widthMm: number | null;

  @Column('integer', { name: 'height_mm', nullable: true })
  heightMm: number | null;
}

export type TranslationStatus = 'machine' | 'translated' | 'reviewed';

/**
 * One translated field of a product in one content locale (Vendure-style translation rows, per
 * field like Shopify): never empty, with the SHA-256 of the source text it was made from —
 * `outdated` when the source has changed since.
 */
@Entity('catalog_product_translations')
@Index('uq_catalog_product_translations_field', ['productId', 'locale', 'field'], { unique: true })
@Check('ck_catalog_product_translations_value', `length(btrim("value")) > 0`)
@Check('ck_catalog_product_translations_status', `"status" IN ('machine', 'translated', 'reviewed')`)
export class ProductTranslationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'product_id' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_catalog_product_translations_product' })
  product?: ProductEntity;

  @Column('varchar', { length: 35 })
  locale: string;

  /** `title`, `description`, `safetyInformation`, `attributes.<key>`, `variants.<variantId>.<key>`. */
  @Column('varchar', { length: 120 })
  field: string;

  @Column('text')
  value: string;

  @Column('varchar', { length: 16 })
  status: TranslationStatus;

  /** SHA-256 (hex) of the source text this translation was made from. */
  @Column('char', { name: 'source_hash', length: 64 })
  sourceHash: string;

  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
