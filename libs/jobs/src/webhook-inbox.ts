import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, CLOCK, PROCESS_ROLE, safeError } from '@app/kernel';
import type { AppConfig, Clock, ProcessRole } from '@app/kernel';
import { GroupCommit, isDatabaseGone, Tx, UnitOfWork } from '@app/persistence';
import { INBOX_LIFECYCLE, InboxStatus, WebhookInboxEntity } from './webhook-inbox.entity';

/**
 * ONE webhook mechanism for every provider (Stripe, identity-verification vendors): the request
 * verifies the signature on the raw bytes (in the provider's context), stores the event once by its
 * id here and answers; workers claim due rows and hand each to the provider's {@link InboxHandler}
 * inside the transaction that holds the row's lock (exactly once); failures are retried and end
 * `dead`; ops list and replay them (the provider's context wraps list/replay in its ops routes).
 */

export const INBOX_CHANNEL = 'webhook_inbox';
/** After this many failed attempts an event is dead: ops list and replay it. */
export const MAX_WEBHOOK_ATTEMPTS = 6;
export const INBOX_HANDLER = 'ltg:inboxHandler';

/** A verified delivery waiting for its INSERT: the envelope and the payload exactly as signed (or as the provider's adapter typed it). */
export interface InboxDelivery {
  id: string;
  provider: string;
  type: string;
  account: string | null;
  livemode: boolean;
  /** The provider's time of the event, unix seconds. */
  eventCreated: number;
  payloadJson: string;
}

export type InboxOutcome = { status: Extract<InboxStatus, 'processed' | 'parked'>; outcome: string };

/**
 * Applies one provider's stored events, in the worker's transaction that holds the row's lock.
 * Returns processed or parked (a payload that cannot be applied: retrying would not help); throws
 * for a failure worth retrying.
 */
export interface InboxHandler {
  apply(tx: Tx, row: WebhookInboxEntity): Promise<InboxOutcome>;
}

/** Marks a provider as the {@link InboxHandler} of a webhook provider's events (`stripe`, `sumsub`). */
export const InboxHandlerFor = (provider: string) => SetMetadata(INBOX_HANDLER, provider);

/** The JSON escape \u0000 (not an escaped backslash followed by "u0000"): valid JSON that jsonb refuses. */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/** The payload as jsonb can store it: a NUL character becomes U+FFFD (the signature was checked on the original bytes). */
export function jsonbSafe(json: string): string {
  return json.includes('\\u0000') ? json.replace(NUL_ESCAPE, '$1\\ufffd') : json;
}

/** Deliveries stored by one statement at most, and such statements in flight at once (pool connections). */
const INTAKE_BATCH = 256;
const INTAKE_IN_FLIGHT = 4;
/** A burst of deliveries never holds more than half of the pool: other requests keep connections. */
const intakeInFlight = (poolSize: number) => Math.max(1, Math.min(INTAKE_IN_FLIGHT, Math.floor(poolSize / 2)));

/**
 * The intake side, shared by every provider: store once, wake the workers. Concurrent deliveries
 * share one INSERT (group commit): a burst costs a few commits, not one per event, and each
 * delivery is still answered only after its row is committed.
 */
@Injectable()
export class WebhookInboxStore {
  private readonly logger = new Logger('WebhookInbox');
  private readonly intake: GroupCommit<InboxDelivery, boolean | Error>;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intake = new GroupCommit((batch) => this.insertBatch(batch), { maxBatch: INTAKE_BATCH, maxInFlight: intakeInFlight(config.databasePoolSize) });
  }

  /** Stores one verified delivery (grouped with concurrent ones); false for a duplicate. */
  async submit(delivery: InboxDelivery): Promise<boolean> {
    const inserted = await this.intake.submit(delivery);
    if (inserted instanceof Error) throw inserted;
    return inserted;
  }

  /** Stores one event alone (reconciliation); false for a duplicate. */
  async store(delivery: InboxDelivery): Promise<boolean> {
    const [inserted] = await this.insertBatch([delivery]);
    if (inserted instanceof Error) throw inserted;
    return inserted;
  }

  /**
   * Stores deliveries in ONE autocommit statement that also wakes the workers (NOTIFY is delivered
   * on commit). The inbox row is the unit of work: no second queue write per event. Per delivery:
   * true when stored now, false for a duplicate (already stored, or earlier in the same batch).
   * When the statement is refused for one row's data, the rows are stored one by one so only that
   * delivery fails; a lost connection fails the batch (providers retry, the INSERT is idempotent).
   */
  private async insertBatch(batch: InboxDelivery[]): Promise<Array<boolean | Error>> {
    const first = new Map<string, number>();
    batch.forEach((d, i) => {
      if (!first.has(d.id)) first.set(d.id, i);
    });
    const unique = [...first.values()].map((i) => batch[i]);
    let stored: Set<string>;
    try {
      const rows = await this.uow.statement<{ id: string }[]>(
        `WITH ins AS (
           INSERT INTO webhook_inbox (id, provider, type, account, livemode, event_created, payload, status, attempts, received_at, next_attempt_at)
           SELECT e.id, e.provider, e.type, e.account, e.livemode, e.created, e.payload::jsonb, 'received', 0, $8, $8
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::bigint[], $7::text[]) WITH ORDINALITY
                  AS e(id, provider, type, account, livemode, created, payload, n)
            ORDER BY e.n
           ON CONFLICT (id) DO NOTHING RETURNING id)
         SELECT id, pg_notify('${INBOX_CHANNEL}', '') FROM ins`,
        [
          unique.map((d) => d.id),
          unique.map((d) => d.provider),
          unique.map((d) => d.type),
          unique.map((d) => d.account),
          unique.map((d) => d.livemode),
          unique.map((d) => d.eventCreated),
          unique.map((d) => jsonbSafe(d.payloadJson)),
          this.clock.now(),
        ],
      );
      stored = new Set(rows.map((r) => r.id));
    } catch (e) {
      const sqlState = String((e as { code?: unknown }).code ?? '');
      const dataError = sqlState.startsWith('22') || sqlState.startsWith('23');
      if (!dataError) return batch.map(() => e as Error);
      if (batch.length === 1) {
        this.logger.warn({ err: safeError(e), provider: batch[0].provider, eventId: batch[0].id.slice(0, 100) }, 'webhook event refused by the inbox');
        return [e as Error];
      }
      const results: Array<boolean | Error> = [];
      for (const d of batch) results.push((await this.insertBatch([d]))[0]);
      return results;
    }
    return batch.map((d, i) => first.get(d.id) === i && stored.has(d.id));
  }

  async list(filter: { status?: InboxStatus; type?: string; provider?: string; limit: number }): Promise<WebhookInboxEntity[]> {
    return this.uow.reader.find(WebhookInboxEntity, {
      where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.type ? { type: filter.type } : {}), ...(filter.provider ? { provider: filter.provider } : {}) },
      order: { receivedAt: 'DESC' },
      take: filter.limit,
    });
  }

  async get(id: string): Promise<WebhookInboxEntity | null> {
    return this.uow.reader.findOne(WebhookInboxEntity, { where: { id } });
  }

  /**
   * Puts a dead or parked event back in the queue, in the caller's transaction (which audits it);
   * the previous status, or null for an unknown id. Processing stays exactly-once.
   */
  async requeue(tx: Tx, id: string): Promise<{ from: InboxStatus; row: WebhookInboxEntity } | null> {
    const row = await tx.findOne(WebhookInboxEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) return null;
    INBOX_LIFECYCLE.assert(row.status, 'received');
    await tx.update(WebhookInboxEntity, { id }, { status: 'received', attempts: 0, lastError: null, outcome: 'replayed', nextAttemptAt: this.clock.now() });
    await tx.query(`SELECT pg_notify('${INBOX_CHANNEL}', '')`);
    return { from: row.status, row: await tx.findOneOrFail(WebhookInboxEntity, { where: { id } }) };
  }
}

/**
 * The worker side. Loops claim due `received` rows with FOR UPDATE SKIP LOCKED and hand each to its
 * provider's handler in the transaction that holds its lock, so an event is applied exactly once
 * however many workers run, and a worker that dies mid-event (its connection drops, PostgreSQL
 * rolls back) releases the row at once. Failures are retried with backoff; after
 * MAX_WEBHOOK_ATTEMPTS the event is `dead`. Idle loops sleep until NOTIFY wakes them (1 s backstop).
 */
@Injectable()
export class WebhookInboxDrainer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookInbox');
  private running = false;
  private loops: Promise<void>[] = [];
  private listener?: Client;
  private readonly sleepers = new Set<() => void>();
  private readonly handlers = new Map<string, InboxHandler>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { metatype, instance } of this.discovery.getProviders()) {
      const provider = metatype && instance ? (Reflect.getMetadata(INBOX_HANDLER, metatype) as string | undefined) : undefined;
      if (provider) this.handlers.set(provider, instance as InboxHandler);
    }
    const works = this.role === 'worker' || (this.role === 'api' && this.config.worker.enabled);
    if (!works) return;
    this.running = true;
    try {
      this.listener = new Client({ connectionString: (this.dataSource.options as { url: string }).url, application_name: 'local-to-global:inbox-listener' });
      this.listener.on('notification', () => this.wakeAll());
      this.listener.on('error', (err) => this.logger.warn({ err: safeError(err) }, 'inbox listener failed; polling only'));
      await this.listener.connect();
      await this.listener.query(`LISTEN ${INBOX_CHANNEL}`);
    } catch (err) {
      this.logger.warn({ err: safeError(err) }, 'inbox listener unavailable; polling only');
    }
    for (let i = 0; i < Math.max(2, this.config.worker.concurrency); i++) this.loops.push(this.loop());
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeAll();
    await Promise.all(this.loops);
    await this.listener?.end().catch(() => undefined);
  }

  private wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.processNext();
      } catch (err) {
        // the database going away (shutdown, restart) is retried by the next turn, not our bug
        if (isDatabaseGone(err)) this.logger.warn(`inbox loop: the database closed the connection (${(err as { code?: string }).code ?? 'socket'})`);
        else this.logger.error({ err: safeError(err) }, 'inbox loop error');
      }
      if (!worked && this.running) await this.sleep(1000);
    }
  }

  /** Claims and applies one due event; false when there is none. */
  async processNext(): Promise<boolean> {
    let claimed: string | undefined;
    try {
      return await this.uow.run(async (tx) => {
        const [due]: { id: string }[] = await tx.query(
          `SELECT id FROM webhook_inbox WHERE status = 'received' AND next_attempt_at <= now()
            ORDER BY next_attempt_at, received_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        );
        if (!due) return false;
        claimed = due.id;
        const row = await tx.findOneOrFail(WebhookInboxEntity, { where: { id: due.id } });
        const handler = this.handlers.get(row.provider);
        // a provider this deployment does not handle (its vendor switched off): parked for ops
        const result: InboxOutcome = handler ? await handler.apply(tx, row) : { status: 'parked', outcome: 'no_handler' };
        INBOX_LIFECYCLE.assert(row.status, result.status);
        await tx.update(
          WebhookInboxEntity,
          { id: row.id },
          { status: result.status, outcome: result.outcome, attempts: row.attempts + 1, processedAt: this.clock.now(), lastError: null },
        );
        return true;
      }, { retries: 0 });
    } catch (err) {
      if (!claimed) throw err;
      await this.recordFailure(claimed, err);
      return true;
    }
  }

  private async recordFailure(eventId: string, err: unknown): Promise<void> {
    const attempt: { attempts: number }[] = await this.uow.reader.query('SELECT attempts FROM webhook_inbox WHERE id = $1', [eventId]);
    const attempts = (attempt[0]?.attempts ?? 0) + 1;
    const delay = this.config.worker.retryDelaySeconds ?? Math.min(2 ** attempts, 300);
    const dead = attempts >= MAX_WEBHOOK_ATTEMPTS;
    await this.uow.statement(
      `UPDATE webhook_inbox SET attempts = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4),
              status = CASE WHEN $5 THEN 'dead' ELSE status END, outcome = CASE WHEN $5 THEN 'failed' ELSE outcome END
        WHERE id = $1 AND status = 'received'`,
      [eventId, attempts, `${(err as Error)?.name ?? 'Error'}: ${String((err as { code?: string })?.code ?? (err as Error)?.message ?? '').slice(0, 150)}`, delay, dead],
    );
    this.logger.warn({ err: safeError(err), eventId, attempts, dead }, 'webhook processing failed');
  }
}
