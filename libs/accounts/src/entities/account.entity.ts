import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Locale } from '@app/kernel';
import { Role } from '@app/kernel';

export type AccountStatus = 'active' | 'disabled';

@Entity('accounts')
@Check('ck_accounts_role', `"role" IN ('seller', 'ops_reviewer', 'ops_admin')`)
@Check('ck_accounts_status', `"status" IN ('active', 'disabled')`)
export class AccountEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** As typed at sign-up (shown back to the user). */
  @Column('varchar', { length: 254 })
  email: string;

  /** Lower-cased, trimmed: emails are unique case-insensitively. */
  @Index('uq_accounts_email_normalized', { unique: true })
  @Column('varchar', { name: 'email_normalized', length: 254 })
  emailNormalized: string;

  @Column('varchar', { name: 'password_hash', length: 255 })
  passwordHash: string;

  @Column('varchar', { length: 20 })
  role: Role;

  @Column('varchar', { length: 5 })
  locale: Locale;

  @Column('varchar', { length: 16, default: 'active' })
  status: AccountStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
