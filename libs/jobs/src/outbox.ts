import { Column, Entity, Generated, Index, PrimaryColumn } from 'typeorm';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOCK } from '@app/kernel';
import type { Clock } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { JobHandler, JobProcessor } from './job-handler';
import { JobQueue } from './job-queue';
import type { EventType } from './events';

/**
 * Transactional outbox: a domain event is written in the same transaction as the state change it
 * describes, and delivered afterwards by the worker (pg-boss pub/sub: any queue subscribed to the
 * event type gets a job). Consumers must be idempotent: delivery is at least once.
 */
@Entity('outbox_events')
@Index('ix_outbox_events_pending_seq', ['seq'], { where: '"delivered_at" IS NULL' })
export class OutboxEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  /**
   * Insertion order. Two events of one transaction (kyc.submitted, then kyc.approved) can share a
   * millisecond; the sequence keeps them in the order they were written, and changes to one
   * aggregate are serialised by its row lock, so per aggregate this is also commit order.
   */
  @Column('bigint', { transformer: { to: (v: unknown) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  @Generated('increment')
  seq: number;

  /** `<context>.<event>`, e.g. `payouts.status_changed`. */
  @Column('varchar', { length: 100 })
  type: string;

  @Column('varchar', { name: 'aggregate_type', length: 50 })
  aggregateType: string;

  @Column('varchar', { name: 'aggregate_id', length: 100 })
  aggregateId: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;
}


export const OUTBOX_RELAY_JOB = 'outbox.relay';

@Injectable()
export class Outbox {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records a declared event (see {@link EventType}) with a payload of its type in the caller's
   * transaction and nudges the relay (also in that transaction).
   */
  async add<P extends object>(tx: Tx, event: EventType<P>, aggregateId: string, payload: P): Promise<string> {
    const id = randomUUID();
    await tx.insert(OutboxEventEntity, {
      id,
      type: event.type,
      aggregateType: event.aggregateType,
      aggregateId,
      payload: payload as never,
      occurredAt: this.clock.now(),
      deliveredAt: null,
    });
    await this.jobs.sendInTx(tx, OUTBOX_RELAY_JOB, {}, { singletonKey: 'outbox-relay' });
    return id;
  }

  /**
   * {@link add} for many events of one type, in order: one INSERT per 1,000 events and one nudge, not two statements per
   * event (a batch of listings changing state at once).
   */
  async addMany<P extends object>(tx: Tx, event: EventType<P>, items: readonly { aggregateId: string; payload: P }[]): Promise<void> {
    if (!items.length) return;
    const at = this.clock.now();
    for (let i = 0; i < items.length; i += 1000) {
      const chunk = items.slice(i, i + 1000);
      // unnest keeps the array order, and seq (the relay's order) is drawn in that order
      await tx.query(
        `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, occurred_at, delivered_at)
         SELECT id, $1, $2, aggregate_id, payload, $3, NULL FROM unnest($4::uuid[], $5::varchar[], $6::jsonb[]) WITH ORDINALITY AS e(id, aggregate_id, payload, n) ORDER BY n`,
        [event.type, event.aggregateType, at, chunk.map(() => randomUUID()), chunk.map((c) => c.aggregateId), chunk.map((c) => JSON.stringify(c.payload))],
      );
    }
    await this.jobs.sendInTx(tx, OUTBOX_RELAY_JOB, {}, { singletonKey: 'outbox-relay' });
  }
}

/** Delivers pending outbox events in the order they were written; runs on every nudge and every minute as a backstop. */
@Injectable()
@JobHandler({ name: OUTBOX_RELAY_JOB, schedule: '* * * * *', retryLimit: 10, retryDelaySeconds: 2 })
export class OutboxRelayJob implements JobProcessor {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    for (;;) {
      const delivered = await this.uow.run(async (tx) => {
        const rows: { id: string; type: string; aggregate_type: string; aggregate_id: string; payload: Record<string, unknown>; occurred_at: Date }[] =
          await tx.query(
            `SELECT id, type, aggregate_type, aggregate_id, payload, occurred_at FROM outbox_events
              WHERE delivered_at IS NULL ORDER BY seq LIMIT 100 FOR UPDATE SKIP LOCKED`,
          );
        for (const row of rows) {
          await this.jobs.publishInTx(tx, row.type, {
            id: row.id,
            type: row.type,
            aggregateType: row.aggregate_type,
            aggregateId: row.aggregate_id,
            occurredAt: new Date(row.occurred_at).toISOString(),
            payload: row.payload,
          });
        }
        if (rows.length) {
          await tx.query('UPDATE outbox_events SET delivered_at = $2 WHERE id = ANY($1)', [rows.map((r) => r.id), this.clock.now()]);
        }
        return rows.length;
      });
      if (delivered) this.logger.log(`delivered ${delivered} outbox event(s)`);
      if (delivered < 100) return;
    }
  }
}
