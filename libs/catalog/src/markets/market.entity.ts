import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MarketDocument } from './schema';

export type MarketVersionState = 'draft' | 'published' | 'retired';

/**
 * Every version of every market, kept forever (a price or listing can name the version it was
 * computed under). A market has at most one draft (version null) and one published version.
 */
@Entity('market_versions')
@Index('uq_market_versions_version', ['market', 'version'], { unique: true })
@Index('uq_market_versions_draft', ['market'], { unique: true, where: `"state" = 'draft'` })
@Check('ck_market_versions_state', `"state" IN ('draft', 'published', 'retired')`)
@Check('ck_market_versions_numbered', `("state" = 'draft') = ("version" IS NULL)`)
export class MarketVersionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 16 })
  market: string;

  /** 1, 2, 3 … assigned at publication; null while a draft. */
  @Column('integer', { nullable: true })
  version: number | null;

  @Column('varchar', { length: 16 })
  state: MarketVersionState;

  @Column('jsonb')
  document: MarketDocument;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;
}

/** A market ops have published, and whether sellers may list for it. */
@Entity('markets')
@Check('ck_markets_status', `"status" IN ('enabled', 'disabled')`)
export class MarketEntity {
  @PrimaryColumn('varchar', { length: 16 })
  code: string;

  @Column('varchar', { length: 16 })
  status: 'enabled' | 'disabled';

  @Column('integer', { name: 'published_version' })
  publishedVersion: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
