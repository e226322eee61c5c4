import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { defineLifecycle } from '@app/kernel';
import { SellerEntity } from '@app/sellers';

export const IMPORT_STATUSES = ['WAITING', 'RUNNING', 'COMPLETE', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** An import's lifecycle: queued, processed by the worker, then done (every row accounted for) or stopped by a malformed file. */
export const IMPORT_LIFECYCLE = defineLifecycle<ImportStatus>('catalog import', { WAITING: ['RUNNING', 'FAILED'], RUNNING: ['COMPLETE', 'FAILED'], COMPLETE: [], FAILED: [] });

/**
 * A seller's product import: the job's state and counts. Rows are committed in batches; each batch
 * moves `rowsDone` in the same transaction, so a job that is run again (a crash, a retry) goes on
 * after the last committed batch and counts every row exactly once.
 */
@Entity('catalog_imports')
@Index('ix_catalog_imports_seller_created', ['sellerId', 'createdAt'])
// the sweeper's scan: only the imports not finished yet (few), never the history
@Index('ix_catalog_imports_unfinished', ['createdAt'], { where: `"status" IN ('WAITING', 'RUNNING')` })
@Check('ck_catalog_imports_status', `"status" IN ('WAITING', 'RUNNING', 'COMPLETE', 'FAILED')`)
export class ImportEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'seller_id' })
  sellerId: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_id', foreignKeyConstraintName: 'fk_catalog_imports_seller' })
  seller?: SellerEntity;

  @Column('varchar', { length: 16 })
  status: ImportStatus;

  /** The uploaded file's name as the client sent it (shown back only; never used as a path). */
  @Column('varchar', { name: 'file_name', length: 255, nullable: true })
  fileName: string | null;

  @Column('integer', { name: 'size_bytes' })
  sizeBytes: number;

  @Column('char', { name: 'file_sha256', length: 64 })
  fileSha256: string;

  /** The encoding the file was read in and how that was decided (`bom`, `utf8`, `declared`, `country`). */
  @Column('varchar', { length: 16 })
  encoding: string;

  @Column('varchar', { name: 'encoding_by', length: 16 })
  encodingBy: string;

  @Column('varchar', { length: 8 })
  delimiter: string;

  /** Data rows read (empty lines are not rows). */
  @Column('integer', { name: 'rows_read', default: 0 })
  rowsRead: number;

  @Column('integer', { default: 0 })
  created: number;

  @Column('integer', { default: 0 })
  updated: number;

  @Column('integer', { default: 0 })
  unchanged: number;

  @Column('integer', { default: 0 })
  failed: number;

  /** Data rows whose batch is committed (a re-run skips them). */
  @Column('integer', { name: 'rows_done', default: 0 })
  rowsDone: number;

  /** Why a FAILED import stopped (a code with an i18n key `catalog.import.failure.<code>`), and where. */
  @Column('varchar', { name: 'failure_code', length: 64, nullable: true })
  failureCode: string | null;

  @Column('jsonb', { name: 'failure_params', nullable: true })
  failureParams: Record<string, string | number> | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  /**
   * When the worker last showed the import is alive: touched (the database's time) by every committed batch. With
   * `startedAt` and `createdAt`, how long an unfinished import has been silent (see ImportSweeper).
   */
  @Column('timestamptz', { name: 'heartbeat_at', nullable: true })
  heartbeatAt: Date | null;
}

/** The uploaded bytes, kept until the import has finished (the worker may be another process). */
@Entity('catalog_import_files')
export class ImportFileEntity {
  @PrimaryColumn('uuid', { name: 'import_id' })
  importId: string;

  @ManyToOne(() => ImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_catalog_import_files_import' })
  import?: ImportEntity;

  @Column('bytea')
  content: Buffer;
}

/** One problem of one row; the message is rendered in the reader's language when the error file is read. */
@Entity('catalog_import_errors')
@Index('ix_catalog_import_errors_row', ['importId', 'row', 'seq'])
export class ImportErrorEntity {
  @PrimaryColumn('uuid', { name: 'import_id' })
  importId: string;

  @ManyToOne(() => ImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_catalog_import_errors_import' })
  import?: ImportEntity;

  /** Order within the import. */
  @PrimaryColumn('integer')
  seq: number;

  /** Spreadsheet row (the header is row 1). */
  @Column('integer')
  row: number;

  @Column('varchar', { length: 64 })
  column: string;

  @Column({ type: 'varchar', length: 64, nullable: true, collation: 'C' })
  sku: string | null;

  @Column('varchar', { length: 64 })
  code: string;

  @Column('varchar', { name: 'message_key', length: 120 })
  messageKey: string;

  @Column('jsonb', { default: {} })
  params: Record<string, unknown>;
}
