import { Check, Column, Entity, Index } from 'typeorm';
import { DocumentVersionColumns } from '@app/persistence';
import type { DocumentVersionState } from '@app/persistence';
import type { CountryPackDocument } from '../pack/schema';

export type PackVersionState = DocumentVersionState;

/**
 * Every version of every country's pack, kept forever: sellers stay pinned to the version they
 * were checked under. A country has at most one draft (version null) and one published version.
 */
@Entity('country_pack_versions')
@Index('uq_country_pack_versions_version', ['country', 'version'], { unique: true })
@Index('uq_country_pack_versions_draft', ['country'], { unique: true, where: `"state" = 'draft'` })
@Check('ck_country_pack_versions_state', `"state" IN ('draft', 'published', 'retired')`)
@Check('ck_country_pack_versions_numbered', `("state" = 'draft') = ("version" IS NULL)`)
export class CountryPackVersionEntity extends DocumentVersionColumns<CountryPackDocument> {
  @Column('char', { length: 2 })
  country: string;
}
