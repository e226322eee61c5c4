import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A country ops have published rules for, and whether sellers of it may sign up. */
@Entity('countries')
@Check('ck_countries_status', `"status" IN ('enabled', 'disabled')`)
export class CountryEntity {
  @PrimaryColumn('char', { length: 2 })
  code: string;

  @Column('varchar', { length: 16 })
  status: 'enabled' | 'disabled';

  @Column('integer', { name: 'published_version' })
  publishedVersion: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
