import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AccountEntity } from '@app/accounts';

export type SellerStatus = 'onboarding' | 'active' | 'suspended';

@Entity('sellers')
export class SellerEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('uq_sellers_account_id', { unique: true })
  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_sellers_account' })
  account?: AccountEntity;

  /** Country of establishment, ISO 3166-1 alpha-2. */
  @Index('ix_sellers_country')
  @Column('char', { length: 2 })
  country: string;

  @Column('varchar', { length: 20, default: 'onboarding' })
  status: SellerStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
