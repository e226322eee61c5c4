import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Address } from '@app/countries';
import { SellerEntity } from './seller.entity';

/** A seller's business details, as last checked against its country's pack (version pinned). */
@Entity('seller_business_profiles')
@Index('ix_seller_business_profiles_country_form', ['country', 'legalForm'])
export class SellerBusinessProfileEntity {
  @PrimaryColumn('uuid', { name: 'seller_id' })
  sellerId: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_id', foreignKeyConstraintName: 'fk_seller_business_profiles_seller' })
  seller?: SellerEntity;

  @Column('char', { length: 2 })
  country: string;

  @Column('varchar', { name: 'legal_form', length: 64 })
  legalForm: string;

  @Column('varchar', { name: 'seller_type', length: 16 })
  sellerType: 'individual' | 'company' | 'partnership';

  @Column('varchar', { name: 'legal_name', length: 200 })
  legalName: string;

  /** The name the business trades under, when it differs from the registered one (TRADING_NAME_MAX_LENGTH). */
  @Column('varchar', { name: 'trading_name', length: 200, nullable: true })
  tradingName: string | null;

  /** Normalised identifiers by type (tax IDs: personal data, never logged). */
  @Column('jsonb')
  identifiers: Record<string, string>;

  @Column('jsonb', { name: 'registered_address' })
  registeredAddress: Address;

  @Column('jsonb', { name: 'ship_from' })
  shipFrom: Address;

  /** E.164. */
  @Column('varchar', { length: 20 })
  phone: string;

  @Column('varchar', { length: 300, nullable: true })
  website: string | null;

  @Column('jsonb')
  representative: { firstName: string; lastName: string };

  /** Brand names the seller sells under (a non-empty list asks for the pack's `brand_declared` documents). */
  @Column('jsonb', { default: [] })
  brands: string[];

  /**
   * VAT registration as DECLARED, only for legal forms without a VAT number (null otherwise or when
   * not declared); where the form has one, the number decides (see `isVatRegistered` in @app/countries).
   */
  @Column('boolean', { name: 'vat_registered', nullable: true })
  vatRegistered: boolean | null;

  /** The country-pack version this profile was checked under. */
  @Column('integer', { name: 'pack_version' })
  packVersion: number;

  @Column('boolean', { name: 'reverification_required', default: false })
  reverificationRequired: boolean;

  @Column('varchar', { name: 'reverification_reason', length: 64, nullable: true })
  reverificationReason: string | null;

  @Column('timestamptz', { name: 'checked_at' })
  checkedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One row per (country, identifier type, normalised value): the same number cannot belong to two sellers. */
@Entity('seller_identifiers')
export class SellerIdentifierEntity {
  @PrimaryColumn('char', { length: 2 })
  country: string;

  @PrimaryColumn('varchar', { length: 40 })
  type: string;

  @PrimaryColumn('varchar', { length: 64 })
  value: string;

  @Index('ix_seller_identifiers_seller_id')
  @Column('uuid', { name: 'seller_id' })
  sellerId: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_id', foreignKeyConstraintName: 'fk_seller_identifiers_seller' })
  seller?: SellerEntity;
}
