import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { VariantEntity } from '../products/product.entity';
import type { PriceStep } from '../pricing/pipeline';

const bigintString = { to: (v: unknown) => v, from: (v: string | null) => v };

/**
 * The shared part of stored price breakdowns: the steps with their values blanked (`value: ''`) and,
 * for steps whose detail is per price, `detail: {}`. Addressed by content (a digest of the steps), so
 * the same shape is one row however many prices use it; immutable, never updated.
 */
@Entity('catalog_price_breakdowns')
export class PriceBreakdownEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('jsonb')
  steps: PriceStep[];
}

/**
 * The stored market price of one variant in one market: the last result of the price pipeline
 * (`computeMarketPrice`) with everything needed to explain and reproduce it. Rewritten on every
 * write path (product price, override, market version, FX import); the previous row is the
 * pipeline's `previous` (hysteresis, freezing on stale FX).
 */
@Entity('catalog_market_prices')
@Index('ix_catalog_market_prices_market', ['marketCode', 'productId'])
export class MarketPriceEntity {
  @PrimaryColumn('uuid', { name: 'variant_id' })
  variantId: string;

  @PrimaryColumn('varchar', { name: 'market_code', length: 16 })
  marketCode: string;

  @ManyToOne(() => VariantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_catalog_market_prices_variant' })
  variant?: VariantEntity;

  @Column('uuid', { name: 'product_id' })
  productId: string;

  /** Integer minor units of `currency`; null when blocked. */
  @Column('bigint', { name: 'amount_minor', nullable: true, transformer: bigintString })
  amountMinor: string | null;

  @Column('char', { length: 3 })
  currency: string;

  /** priced | kept | frozen | blocked */
  @Column('varchar', { length: 10 })
  outcome: string;

  /** converted | same_currency | fixed */
  @Column('varchar', { length: 16 })
  source: string;

  /**
   * The breakdown is stored in two parts (`breakdown.ts`): what is the same for every price of a market
   * version, FX snapshot and currency pair — steps, currencies, the rate and its snapshot, VAT, rounding
   * and ending rules — once in `catalog_price_breakdowns` (by content); and each step's value, with the
   * details that are the price's own (hysteresis, floor guard, stale-FX freeze), here. Null: no steps.
   */
  @ManyToOne(() => PriceBreakdownEntity)
  @JoinColumn({ name: 'breakdown_id', foreignKeyConstraintName: 'fk_catalog_market_prices_breakdown' })
  breakdownShape?: PriceBreakdownEntity;

  @Column('uuid', { name: 'breakdown_id', nullable: true })
  breakdownId: string | null;

  /** Each step's value (decimal strings), in the order of the shape's steps. */
  @Column('text', { name: 'breakdown_values', array: true, default: () => "'{}'" })
  breakdownValues: string[];

  /** The details that are this price's own, by step index (null elsewhere); null when there are none. */
  @Column('jsonb', { name: 'breakdown_details', nullable: true })
  breakdownDetails: (Record<string, string> | null)[] | null;

  @Column('jsonb', { default: [] })
  issues: unknown[];

  @Column('uuid', { name: 'fx_snapshot_id', nullable: true })
  fxSnapshotId: string | null;

  @Column('varchar', { name: 'fx_source', length: 16, nullable: true })
  fxSource: string | null;

  @Column('jsonb', { name: 'fx_path', default: [] })
  fxPath: string[];

  /** `market:IT@3`: the market version whose currency, tax and endings priced it. */
  @Column('varchar', { name: 'rule_version', length: 40 })
  ruleVersion: string;

  @Column('varchar', { name: 'pipeline_version', length: 20 })
  pipelineVersion: string;

  /** The seller's price it was computed from (hysteresis damps FX moves only, never the seller's own changes). */
  @Column('bigint', { name: 'source_amount_minor', transformer: bigintString })
  sourceAmountMinor: string;

  @Column('char', { name: 'source_currency', length: 3 })
  sourceCurrency: string;

  @Column('timestamptz', { name: 'computed_at' })
  computedAt: Date;
}

/** A stored market price as the pricing code uses it: the row with its breakdown put back together. */
export type MarketPriceRow = Omit<MarketPriceEntity, 'variant' | 'breakdownShape' | 'breakdownId' | 'breakdownValues' | 'breakdownDetails'> & { breakdown: PriceStep[] };

/** A seller's fixed price for one variant in one market, in the market's currency (no FX, no rounding). */
@Entity('catalog_price_overrides')
@Index('ix_catalog_price_overrides_product', ['productId', 'marketCode'])
export class PriceOverrideEntity {
  @PrimaryColumn('uuid', { name: 'variant_id' })
  variantId: string;

  @PrimaryColumn('varchar', { name: 'market_code', length: 16 })
  marketCode: string;

  @ManyToOne(() => VariantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_catalog_price_overrides_variant' })
  variant?: VariantEntity;

  @Column('uuid', { name: 'product_id' })
  productId: string;

  @Column('bigint', { name: 'amount_minor', transformer: bigintString })
  amountMinor: string;

  @Column('char', { length: 3 })
  currency: string;

  /**
   * A sale: the price the seller compares the fixed price with ("was 24.99"). In EU markets the
   * listing shows the lowest price of the 30 days before the sale instead when that is lower
   * (Omnibus, Dir. 98/6/EC art. 6a), or no reduction at all when there is none.
   */
  @Column('bigint', { name: 'compare_at_minor', nullable: true, transformer: bigintString })
  compareAtMinor: string | null;

  @Column('timestamptz', { name: 'set_at' })
  setAt: Date;
}

/**
 * Every price a variant was published at in a market, from when (EU Omnibus: the lowest price of
 * the 30 days before a reduction). Written with the stored price whenever its amount changes;
 * append-only.
 */
@Entity('catalog_price_history')
export class PriceHistoryEntity {
  @PrimaryColumn('uuid', { name: 'variant_id' })
  variantId: string;

  @PrimaryColumn('varchar', { name: 'market_code', length: 16 })
  marketCode: string;

  @PrimaryColumn('timestamptz', { name: 'effective_from' })
  effectiveFrom: Date;

  @ManyToOne(() => VariantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_catalog_price_history_variant' })
  variant?: VariantEntity;

  @Column('bigint', { name: 'amount_minor', transformer: bigintString })
  amountMinor: string;

  @Column('char', { length: 3 })
  currency: string;
}
