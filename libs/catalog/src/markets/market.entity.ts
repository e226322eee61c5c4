import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DocumentVersionColumns } from '@app/persistence';
import type { DocumentVersionState } from '@app/persistence';
import type { MarketDocument } from './schema';

export type MarketVersionState = DocumentVersionState;

/**
 * Every version of every market, kept forever (a price or listing can name the version it was
 * computed under). A market has at most one draft (version null) and one published version.
 */
@Entity('market_versions')
@Index('uq_market_versions_version', ['market', 'version'], { unique: true })
@Index('uq_market_versions_draft', ['market'], { unique: true, where: `"state" = 'draft'` })
@Check('ck_market_versions_state', `"state" IN ('draft', 'published', 'retired')`)
@Check('ck_market_versions_numbered', `("state" = 'draft') = ("version" IS NULL)`)
export class MarketVersionEntity extends DocumentVersionColumns<MarketDocument> {
  @Column('varchar', { length: 16 })
  market: string;
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
