import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Append-only record of every change made by ops (and by the system on their behalf). */
@Entity('audit_log')
@Index('ix_audit_log_target', ['targetType', 'targetId'])
export class AuditEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('ix_audit_log_occurred_at')
  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  /** Null for changes made by the system itself (bootstrap, CLI). */
  @Column('uuid', { name: 'actor_account_id', nullable: true })
  actorAccountId: string | null;

  @Column('varchar', { name: 'actor_role', length: 20 })
  actorRole: string;

  @Index('ix_audit_log_action')
  @Column('varchar', { length: 100 })
  action: string;

  @Column('varchar', { name: 'target_type', length: 50 })
  targetType: string;

  @Column('varchar', { name: 'target_id', length: 100 })
  targetId: string;

  /** What changed: `{ field: { from, to } }` or a summary. Never secrets (passwords, tokens). */
  @Column('jsonb', { default: {} })
  changes: Record<string, unknown>;

  @Column('varchar', { name: 'request_id', length: 128 })
  requestId: string;
}
