import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CountryPackDocument } from '../pack/schema';

export type PackVersionState = 'draft' | 'published' | 'retired';

/**
 * Every version of every country's pack, kept forever: sellers stay pinned to the version they
 * were checked under. A country has at most one draft (version null) and one published version.
 */
@Entity('country_pack_versions')
@Index('uq_country_pack_versions_version', ['country', 'version'], { unique: true })
@Index('uq_country_pack_versions_draft', ['country'], { unique: true, where: `"state" = 'draft'` })
@Check('ck_country_pack_versions_state', `"state" IN ('draft', 'published', 'retired')`)
@Check('ck_country_pack_versions_numbered', `("state" = 'draft') = ("version" IS NULL)`)
export class CountryPackVersionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('char', { length: 2 })
  country: string;

  /** 1, 2, 3 … assigned at publication; null while a draft. */
  @Column('integer', { nullable: true })
  version: number | null;

  @Column('varchar', { length: 16 })
  state: PackVersionState;

  @Column('jsonb')
  document: CountryPackDocument;

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
