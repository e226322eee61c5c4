import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { defineLifecycle } from '@app/kernel';

export type InboxStatus = 'received' | 'processed' | 'parked' | 'dead';

/**
 * An inbox event's lifecycle: the worker takes a `received` event to `processed`, `parked` (nothing
 * to apply, or nothing it can ever apply) or, after its last failed attempt, `dead`; ops replay puts
 * any event back to `received` (a replay of a processed one is harmless: stale snapshots are skipped).
 */
export const INBOX_LIFECYCLE = defineLifecycle<InboxStatus>(
  'webhook inbox',
  { received: ['processed', 'parked', 'dead'], processed: ['received'], parked: ['received'], dead: ['received'] },
  { allowSelf: true },
);

/**
 * Every verified webhook event of every provider (Stripe, identity vendors), keyed by its id: the
 * unique key is what makes a delivery that arrives twice (or 50 times, to several API processes) a
 * no-op. The row is also the queue (see WebhookInboxDrainer) and the dead-letter store.
 */
@Entity('webhook_inbox')
@Index('ix_webhook_inbox_status_received', ['status', 'receivedAt'])
@Index('ix_webhook_inbox_due', ['nextAttemptAt'], { where: `"status" = 'received'` })
@Check('ck_webhook_inbox_status', `"status" IN ('received', 'processed', 'parked', 'dead')`)
export class WebhookInboxEntity {
  @PrimaryColumn('varchar', { length: 255 })
  id: string;

  /** stripe · sumsub: which InboxHandler applies it. */
  @Column('varchar', { length: 20 })
  provider: string;

  @Column('varchar', { length: 100 })
  type: string;

  @Column('varchar', { length: 64, nullable: true })
  account: string | null;

  @Column('boolean')
  livemode: boolean;

  /** The provider's time of the event (unix seconds). */
  @Column('bigint', { name: 'event_created', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  eventCreated: number;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('varchar', { length: 16 })
  status: InboxStatus;

  /** The handler's outcome (Stripe: applied · stale · unknown_account · unhandled_type · …; identity vendors: applied · recorded · late · …), or replayed · failed · no_handler */
  @Column('varchar', { length: 40, nullable: true })
  outcome: string | null;

  @Column('integer', { default: 0 })
  attempts: number;

  /** Error class and code only, never payload content. */
  @Column('varchar', { name: 'last_error', length: 200, nullable: true })
  lastError: string | null;

  /** When a worker may (re)try it: the inbox is its own queue, claimed with FOR UPDATE SKIP LOCKED. */
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('timestamptz', { name: 'processed_at', nullable: true })
  processedAt: Date | null;
}
