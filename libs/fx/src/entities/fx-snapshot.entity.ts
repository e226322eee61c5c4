import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A quote as stored: the published decimal string (never a float) and the nominal it refers to. */
export interface StoredQuote {
  value: string;
  unit: number;
}

/**
 * The rates of one source for one rate date, as published: immutable (never updated or deleted).
 * Prices derived from it keep its id. The same day with the same rates is one snapshot whichever
 * file it came in (daily or history); a corrected publication for a day is a new snapshot, and the
 * newest fetched wins for that day.
 */
@Entity('fx_snapshots')
@Index('ux_fx_snapshots_content', ['source', 'rateDate', 'rateKind', 'contentSha256'], { unique: true })
@Index('ix_fx_snapshots_latest', ['source', 'rateDate', 'fetchedAt'])
export class FxSnapshotEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** ecb · cbr · tcmb */
  @Column('varchar', { length: 8 })
  source: string;

  /** The source's pivot: EUR (ECB), RUB (CBR), TRY (TCMB). */
  @Column('char', { length: 3 })
  pivot: string;

  /** currency_per_pivot (ECB: 1 EUR = value CUR) · pivot_per_currency (CBR/TCMB: unit CUR = value pivot) */
  @Column('varchar', { name: 'quote_style', length: 20 })
  quoteStyle: string;

  @Column('varchar', { name: 'rate_kind', length: 20 })
  rateKind: string;

  @Column('date', { name: 'rate_date' })
  rateDate: string;

  /** ISO code → {value: decimal string, unit}; decimal strings only. */
  @Column('jsonb')
  quotes: Record<string, StoredQuote>;

  @Column('integer', { name: 'currency_count' })
  currencyCount: number;

  /** SHA-256 of the canonical (sorted) quotes of this day. */
  @Column('char', { name: 'content_sha256', length: 64 })
  contentSha256: string;

  /** SHA-256 of the file it first arrived in. */
  @Column('char', { name: 'file_sha256', length: 64 })
  fileSha256: string;

  @Column('uuid', { name: 'import_id' })
  importId: string;

  @Column('timestamptz', { name: 'fetched_at' })
  fetchedAt: Date;
}
