import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One imported FX file (an ops upload or a scheduled fetch), keyed by its bytes: the same file again
 * is the same import (unique source + SHA-256), so re-importing is idempotent.
 */
@Entity('fx_imports')
@Index('ux_fx_imports_source_file', ['source', 'fileSha256'], { unique: true })
export class FxImportEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** ecb · cbr · tcmb */
  @Column('varchar', { length: 8 })
  source: string;

  @Column('char', { name: 'file_sha256', length: 64 })
  fileSha256: string;

  @Column('integer', { name: 'byte_size' })
  byteSize: number;

  /** upload · fetch */
  @Column('varchar', { length: 10 })
  origin: string;

  /** `reference` (ECB, CBR) or the TCMB column taken (`ForexBuying`). */
  @Column('varchar', { name: 'rate_kind', length: 20 })
  rateKind: string;

  @Column('date', { name: 'first_rate_date' })
  firstRateDate: string;

  @Column('date', { name: 'last_rate_date' })
  lastRateDate: string;

  /** The snapshots of the file's days, newest first (existing ones are reused, not copied). */
  @Column('jsonb', { name: 'snapshot_ids' })
  snapshotIds: string[];

  /** How many of them this import created (the rest already existed). */
  @Column('integer', { name: 'new_snapshots' })
  newSnapshots: number;

  /** Currencies in the file without a usable rate (TCMB empty fields). */
  @Column('jsonb', { default: [] })
  skipped: string[];

  @Column('uuid', { name: 'imported_by', nullable: true })
  importedBy: string | null;

  @Column('timestamptz', { name: 'fetched_at' })
  fetchedAt: Date;
}
