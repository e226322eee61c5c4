import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A version of a sanctions list loaded by ops. The newest active version of each source is used. */
@Entity('screening_lists')
@Index('ix_screening_lists_source', ['source', 'loadedAt'])
export class ScreeningListEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** ofac_sdn · eu_consolidated · un_consolidated */
  @Column('varchar', { length: 30 })
  source: string;

  /** What ops called this version (e.g. the publication date of the file). */
  @Column('varchar', { length: 100 })
  label: string;

  @Column('integer', { name: 'entry_count' })
  entryCount: number;

  @Column('char', { length: 64 })
  sha256: string;

  @Column('uuid', { name: 'loaded_by', nullable: true })
  loadedBy: string | null;

  @Column('timestamptz', { name: 'loaded_at' })
  loadedAt: Date;
}

/** The entries of one list version, as parsed (names and aliases, kind, dates of birth). */
@Entity('screening_entries')
export class ScreeningEntryEntity {
  @PrimaryColumn('uuid', { name: 'list_id' })
  listId: string;

  @PrimaryColumn('varchar', { name: 'entry_id', length: 100 })
  entryId: string;

  @Column('varchar', { length: 10 })
  kind: string;

  @Column('jsonb')
  names: string[];

  @Column('jsonb', { name: 'birth_dates', default: [] })
  birthDates: string[];
}
