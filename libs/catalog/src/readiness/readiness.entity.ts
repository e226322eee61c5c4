import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SellerEntity } from '@app/sellers';
import type { Issue, ReadinessStatus } from '../compliance/evaluate';
import { MarketEntity } from '../markets/market.entity';
import { ProductEntity, VariantEntity } from '../products/product.entity';

/**
 * A market the seller chose to sell in (PUT /v1/sellers/me/markets). `liveSince` is when the seller
 * first had a listing READY (or READY_WITH_WARNINGS) there with every seller gate green; null while
 * none is (`seller.ready_in_market` is emitted when it is set).
 */
@Entity('catalog_seller_markets')
export class SellerMarketEntity {
  @PrimaryColumn('uuid', { name: 'seller_id' })
  sellerId: string;

  @PrimaryColumn('varchar', { length: 16 })
  market: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_id', foreignKeyConstraintName: 'fk_catalog_seller_markets_seller' })
  seller?: SellerEntity;

  @ManyToOne(() => MarketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'market', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_catalog_seller_markets_market' })
  marketRow?: MarketEntity;

  @Column('timestamptz', { name: 'chosen_at' })
  chosenAt: Date;

  @Column('timestamptz', { name: 'live_since', nullable: true })
  liveSince: Date | null;
}

/**
 * Stored readiness of one variant in one market (every enabled market), kept current by the worker
 * (`catalog.readiness` job). `status` counts the product's, the variant's and the seller's gates; `issues` are the
 * product's and the variant's, as codes with params (messages are rendered when read, in the reader's language);
 * `seller_gates` the codes of the seller's gates that applied (the same for every row of the seller and market: their
 * details are the seller's, shown by the checklist); `issues_digest` the digest of both.
 */
@Entity('catalog_listing_readiness')
@Index('ix_catalog_listing_readiness_seller_market', ['sellerId', 'market', 'status'])
@Index('ix_catalog_listing_readiness_product', ['productId'])
@Check('ck_catalog_listing_readiness_status', `"status" IN ('READY', 'READY_WITH_WARNINGS', 'BLOCKED')`)
export class ListingReadinessEntity {
  @PrimaryColumn('uuid', { name: 'variant_id' })
  variantId: string;

  @PrimaryColumn('varchar', { length: 16 })
  market: string;

  @ManyToOne(() => VariantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_catalog_listing_readiness_variant' })
  variant?: VariantEntity;

  @Column('uuid', { name: 'product_id' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_catalog_listing_readiness_product' })
  product?: ProductEntity;

  @Column('uuid', { name: 'seller_id' })
  sellerId: string;

  @Column('varchar', { length: 24 })
  status: ReadinessStatus;

  @Column('jsonb')
  issues: Issue[];

  /** Codes of the seller's gates counted in `status` (SELLER_KYC_REQUIRED, SELLER_MARKET_NOT_CHOSEN, …), in order. */
  @Column('text', { name: 'seller_gates', array: true, default: () => "'{}'" })
  sellerGates: string[];

  /**
   * SHA-256 (hex) of the JSON text the worker wrote into `issues` and of `seller_gates`: a refresh compares a new report with the stored one by
   * this digest instead of reading the document back (a change detector, not a security measure). Null on rows
   * written before it existed: they are rewritten once.
   */
  @Column('varchar', { name: 'issues_digest', length: 64, nullable: true })
  issuesDigest: string | null;

  /**
   * The codes of the row's BLOCKER issues (the seller's gates aside), each once, sorted (empty unless BLOCKED):
   * what the go-live checklist's top blocking codes count, without unpacking `issues`.
   */
  @Column('text', { name: 'blocking_codes', array: true, default: () => "'{}'" })
  blockingCodes: string[];

  @Column('integer', { name: 'market_version' })
  marketVersion: number;

  @Column('integer', { name: 'rule_set_version' })
  ruleSetVersion: number;

  @Column('timestamptz', { name: 'evaluated_at' })
  evaluatedAt: Date;
}
