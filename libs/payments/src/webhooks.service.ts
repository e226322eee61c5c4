import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { JobHandler, JobProcessor } from '@app/jobs';
import { APP_CONFIG, CLOCK, IllegalTransition, PROCESS_ROLE, safeError } from '@app/kernel';
import type { AppConfig, Clock, ProcessRole, RequestContext } from '@app/kernel';
import { GroupCommit, isDatabaseGone, Tx, UnitOfWork } from '@app/persistence';
import { PayoutAccountEntity } from './entities/payout-account.entity';
import { INBOX_LIFECYCLE, InboxStatus, WebhookInboxEntity } from './entities/webhook-inbox.entity';
import { paymentError, PaymentErrorCode } from './errors';
import { CONNECT_GATEWAY, MalformedEventError, WebhookSignatureError } from './ports';
import type { ConnectGateway, WebhookEnvelope } from './ports';
import { PayoutsService } from './payouts.service';
import { PAYOUT_LIFECYCLE } from './status';

export const INBOX_CHANNEL = 'webhook_inbox';
export const RECONCILE_EVENTS_JOB = 'payments.reconcile-events';
/** After this many failed attempts an event is dead: ops list and replay it. */
export const MAX_WEBHOOK_ATTEMPTS = 6;

export const HANDLED_EVENT_TYPES = [
  'account.updated',
  'capability.updated',
  'account.external_account.created',
  'account.external_account.updated',
  'account.external_account.deleted',
  'payout.failed',
  'account.application.deauthorized',
] as const;

type Outcome = { status: Extract<InboxStatus, 'processed' | 'parked'>; outcome: string };

/** A verified delivery waiting for its INSERT: the envelope and the payload exactly as signed. */
interface Delivery {
  event: WebhookEnvelope;
  payloadJson: string;
}

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
 * The API side: verify, store once, acknowledge — nothing else happens in the request. Concurrent
 * deliveries share one INSERT (group commit): a burst from Stripe costs a few commits, not one per
 * event, and each delivery is still answered only after its row is committed.
 */
@Injectable()
export class WebhookInbox {
  private readonly logger = new Logger('StripeWebhooks');
  private readonly intake: GroupCommit<Delivery, boolean | Error>;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    @Inject(CONNECT_GATEWAY) private readonly gateway: ConnectGateway,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intake = new GroupCommit((batch) => this.insertBatch(batch), { maxBatch: INTAKE_BATCH, maxInFlight: intakeInFlight(config.databasePoolSize) });
  }

  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ received: true; duplicate: boolean }> {
    let event: WebhookEnvelope;
    try {
      if (!rawBody) throw new WebhookSignatureError('missing');
      event = this.gateway.verifyWebhook(rawBody, signature);
    } catch (e) {
      const reason = e instanceof WebhookSignatureError ? e.reason : 'error';
      this.logger.warn(`refused a Stripe webhook: ${reason}`);
      throw paymentError(PaymentErrorCode.WEBHOOK_SIGNATURE_INVALID);
    }
    const inserted = await this.intake.submit({ event, payloadJson: rawBody.toString('utf8') });
    if (inserted instanceof Error) throw inserted;
    return { received: true, duplicate: !inserted };
  }

  /** Stores one event (reconciliation); false for a duplicate. */
  async store(event: WebhookEnvelope): Promise<boolean> {
    const [inserted] = await this.insertBatch([{ event, payloadJson: JSON.stringify(event.raw) }]);
    if (inserted instanceof Error) throw inserted;
    return inserted;
  }

  /**
   * Stores deliveries in ONE autocommit statement that also wakes the workers (NOTIFY is delivered
   * on commit). The inbox row is the unit of work: no second queue write per event. Per delivery:
   * true when stored now, false for a duplicate (already stored, or earlier in the same batch).
   * When the statement is refused for one row's data, the rows are stored one by one so only that
   * delivery fails; a lost connection fails the batch (Stripe retries, the INSERT is idempotent).
   */
  private async insertBatch(batch: Delivery[]): Promise<Array<boolean | Error>> {
    const first = new Map<string, number>();
    batch.forEach((d, i) => {
      if (!first.has(d.event.id)) first.set(d.event.id, i);
    });
    const unique = [...first.values()].map((i) => batch[i]);
    let stored: Set<string>;
    try {
      const rows = await this.uow.statement<{ id: string }[]>(
        `WITH ins AS (
           INSERT INTO webhook_inbox (id, provider, type, account, livemode, event_created, payload, status, attempts, received_at, next_attempt_at)
           SELECT e.id, 'stripe', e.type, e.account, e.livemode, e.created, e.payload::jsonb, 'received', 0, $7, $7
             FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::bigint[], $6::text[]) WITH ORDINALITY
                  AS e(id, type, account, livemode, created, payload, n)
            ORDER BY e.n
           ON CONFLICT (id) DO NOTHING RETURNING id)
         SELECT id, pg_notify('${INBOX_CHANNEL}', '') FROM ins`,
        [
          unique.map((d) => d.event.id),
          unique.map((d) => d.event.type),
          unique.map((d) => d.event.account),
          unique.map((d) => d.event.livemode),
          unique.map((d) => d.event.created),
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
        this.logger.warn({ err: safeError(e), eventId: batch[0].event.id.slice(0, 100) }, 'webhook event refused by the inbox');
        return [e as Error];
      }
      const results: Array<boolean | Error> = [];
      for (const d of batch) results.push((await this.insertBatch([d]))[0]);
      return results;
    }
    return batch.map((d, i) => first.get(d.event.id) === i && stored.has(d.event.id));
  }

  async list(filter: { status?: InboxStatus; type?: string; limit: number }): Promise<WebhookInboxEntity[]> {
    return this.uow.reader.find(WebhookInboxEntity, {
      where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.type ? { type: filter.type } : {}) },
      order: { receivedAt: 'DESC' },
      take: filter.limit,
    });
  }

  async get(id: string): Promise<WebhookInboxEntity> {
    const row = await this.uow.reader.findOne(WebhookInboxEntity, { where: { id } });
    if (!row) throw paymentError(PaymentErrorCode.WEBHOOK_EVENT_NOT_FOUND, { id: id.slice(0, 100) });
    return row;
  }

  /** Puts a dead or parked event back in the queue (audited). Processing stays exactly-once. */
  async replay(ctx: RequestContext, id: string): Promise<WebhookInboxEntity> {
    return this.uow.run(async (tx) => {
      const row = await tx.findOne(WebhookInboxEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw paymentError(PaymentErrorCode.WEBHOOK_EVENT_NOT_FOUND, { id: id.slice(0, 100) });
      const from = row.status;
      INBOX_LIFECYCLE.assert(from, 'received');
      await tx.update(WebhookInboxEntity, { id }, { status: 'received', attempts: 0, lastError: null, outcome: 'replayed', nextAttemptAt: this.clock.now() });
      await tx.query(`SELECT pg_notify('${INBOX_CHANNEL}', '')`);
      await this.audit.record(tx, ctx, { action: 'webhook.replayed', targetType: 'webhook_event', targetId: id, changes: { status: { from, to: 'received' } } });
      return tx.findOneOrFail(WebhookInboxEntity, { where: { id } });
    });
  }
}

/**
 * The worker side. Loops claim due `received` rows with FOR UPDATE SKIP LOCKED and apply each in
 * the transaction that holds its lock, so an event is applied exactly once however many workers
 * run, and a worker that dies mid-event (its connection drops, PostgreSQL rolls back) releases the
 * row at once. Failures are retried with backoff; after MAX_WEBHOOK_ATTEMPTS the event is `dead`.
 * Idle loops sleep until NOTIFY wakes them (1 s backstop).
 */
@Injectable()
export class WebhookInboxDrainer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StripeWebhooks');
  private running = false;
  private loops: Promise<void>[] = [];
  private listener?: Client;
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly payouts: PayoutsService,
    private readonly dataSource: DataSource,
    @Inject(CONNECT_GATEWAY) private readonly gateway: ConnectGateway,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
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
        let result: Outcome;
        try {
          result = await this.apply(tx, row);
        } catch (e) {
          // a move the lifecycle forbids (e.g. leaving `disconnected`) will never succeed: park it for ops
          if (!(e instanceof IllegalTransition && e.lifecycle === PAYOUT_LIFECYCLE.name)) throw e;
          result = { status: 'parked', outcome: 'illegal_transition' };
        }
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

  /** Re-reads the account from Stripe and applies that state (newer than anything delivered so far). */
  private async applyCurrentState(tx: Tx, account: PayoutAccountEntity, eventCreated: number): Promise<Outcome> {
    const snapshot = await this.gateway.retrieveAccount(account.stripeAccountId!);
    if (!snapshot) return { status: 'parked', outcome: 'unknown_account' };
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return { status: 'processed', outcome: await this.payouts.applySnapshot(tx, account, snapshot, Math.max(now, eventCreated)) };
  }

  private async apply(tx: Tx, row: WebhookInboxEntity): Promise<Outcome> {
    if (this.gateway.livemode && !row.livemode) return { status: 'parked', outcome: 'test_mode_on_live' };
    if (!(HANDLED_EVENT_TYPES as readonly string[]).includes(row.type)) return { status: 'parked', outcome: 'unhandled_type' };
    let event;
    try {
      event = this.gateway.parseStoredEvent(row.payload);
    } catch (e) {
      // retrying cannot change the payload: park it for ops (replayable once the reader is fixed)
      if (!(e instanceof MalformedEventError)) throw e;
      this.logger.warn({ eventId: row.id, issue: e.issue }, 'stored webhook event has an unexpected shape');
      return { status: 'parked', outcome: 'malformed' };
    }
    const accountId = event.account ?? event.accountSnapshot?.id;
    const account = accountId
      ? await tx.findOne(PayoutAccountEntity, { where: { stripeAccountId: accountId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!account) return { status: 'parked', outcome: 'unknown_account' };

    switch (event.type) {
      case 'account.updated':
        if (event.created < account.lastEventCreated) return { status: 'processed', outcome: 'stale' };
        // `created` has one-second resolution: two snapshots of the same second cannot be ordered by
        // it, so the account's current state at Stripe decides
        if (event.created === account.lastEventCreated) return this.applyCurrentState(tx, account, event.created);
        return { status: 'processed', outcome: await this.payouts.applySnapshot(tx, account, event.accountSnapshot!, event.created) };
      case 'capability.updated':
      case 'account.external_account.created':
      case 'account.external_account.updated':
      case 'account.external_account.deleted':
        if (event.created < account.lastEventCreated) return { status: 'processed', outcome: 'stale' };
        // these events carry a sub-object, not the account: re-read the account's current state
        return this.applyCurrentState(tx, account, event.created);
      case 'payout.failed':
        await this.payouts.recordPayoutFailure(tx, account, event.failureCode ?? null);
        return { status: 'processed', outcome: 'applied' };
      case 'account.application.deauthorized':
        return { status: 'processed', outcome: await this.payouts.markDisconnected(tx, account, event.created) };
      default:
        return { status: 'parked', outcome: 'unhandled_type' };
    }
  }
}

/**
 * Every 15 minutes: fetch events Stripe created since the newest one we hold (minus an hour of
 * overlap) and store any we missed (the drainer applies them like any delivery).
 */
@Injectable()
@JobHandler({ name: RECONCILE_EVENTS_JOB, schedule: '*/15 * * * *', retryLimit: 3 })
export class ReconcileEventsJob implements JobProcessor {
  private readonly logger = new Logger('StripeWebhooks');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly inbox: WebhookInbox,
    @Inject(CONNECT_GATEWAY) private readonly gateway: ConnectGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    if (this.gateway.configured) {
      const [{ newest }] = await this.uow.reader.query(`SELECT max(event_created)::bigint AS newest FROM webhook_inbox WHERE provider = 'stripe'`);
      const since = Math.max(Number(newest ?? 0) - 3600, now - 3 * 86400);
      const events = await this.gateway.listEventsSince(since, HANDLED_EVENT_TYPES);
      let missed = 0;
      for (const event of events) if (await this.inbox.store(event)) missed++;
      if (missed) this.logger.warn(`reconciliation stored ${missed} event(s) that never arrived as webhooks`);
    }
  }
}
