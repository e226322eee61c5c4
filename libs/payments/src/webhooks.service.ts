import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { JobHandler, JobProcessor, JobQueue } from '@app/jobs';
import { CLOCK, safeError } from '@app/kernel';
import type { Clock, RequestContext } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { PayoutAccountEntity } from './entities/payout-account.entity';
import { InboxStatus, WebhookInboxEntity } from './entities/webhook-inbox.entity';
import { paymentError, PaymentErrorCode } from './errors';
import { CONNECT_GATEWAY, WebhookSignatureError } from './ports';
import type { ConnectGateway, ProcessorEvent } from './ports';
import { PayoutsService } from './payouts.service';
import { IllegalPayoutTransition } from './status';

export const PROCESS_WEBHOOK_JOB = 'payments.process-webhook';
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

/** The API side: verify, store once, acknowledge, enqueue — nothing else happens in the request. */
@Injectable()
export class WebhookInbox {
  private readonly logger = new Logger('StripeWebhooks');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    @Inject(CONNECT_GATEWAY) private readonly gateway: ConnectGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ received: true; duplicate: boolean }> {
    let event: ProcessorEvent;
    try {
      if (!rawBody) throw new WebhookSignatureError('missing');
      event = this.gateway.verifyWebhook(rawBody, signature);
    } catch (e) {
      const reason = e instanceof WebhookSignatureError ? e.reason : 'error';
      this.logger.warn(`refused a Stripe webhook: ${reason}`);
      throw paymentError(PaymentErrorCode.WEBHOOK_SIGNATURE_INVALID);
    }
    const inserted = await this.store(event);
    return { received: true, duplicate: !inserted };
  }

  /** Inserts the event once and enqueues its processing in the same transaction. False for a duplicate. */
  async store(event: ProcessorEvent): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const rows: unknown[] = await tx.query(
        `INSERT INTO webhook_inbox (id, provider, type, account, livemode, event_created, payload, status, attempts, received_at)
         VALUES ($1, 'stripe', $2, $3, $4, $5, $6, 'received', 0, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [event.id, event.type, event.account, event.livemode, event.created, event.raw, this.clock.now()],
      );
      if (!rows.length) return false;
      await this.jobs.sendInTx(tx, PROCESS_WEBHOOK_JOB, { eventId: event.id }, { singletonKey: event.id });
      return true;
    });
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
      if (from !== 'received') {
        await tx.update(WebhookInboxEntity, { id }, { status: 'received', attempts: 0, lastError: null, outcome: 'replayed' });
      }
      await this.jobs.sendInTx(tx, PROCESS_WEBHOOK_JOB, { eventId: id }, { singletonKey: `${id}:replay:${Date.now()}` });
      await this.audit.record(tx, ctx, { action: 'webhook.replayed', targetType: 'webhook_event', targetId: id, changes: { status: { from, to: 'received' } } });
      return tx.findOneOrFail(WebhookInboxEntity, { where: { id } });
    });
  }
}

/**
 * The worker side. Exactly once: the inbox row is locked for the whole transaction and only a
 * `received` row is applied, so concurrent deliveries of the job, retries and replays cannot apply
 * an event twice. Older snapshots never overwrite newer state (see PayoutsService.applySnapshot).
 */
@Injectable()
@JobHandler({ name: PROCESS_WEBHOOK_JOB, retryLimit: MAX_WEBHOOK_ATTEMPTS, retryDelaySeconds: 2 })
export class ProcessWebhookJob implements JobProcessor<{ eventId: string }> {
  private readonly logger = new Logger('StripeWebhooks');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly payouts: PayoutsService,
    @Inject(CONNECT_GATEWAY) private readonly gateway: ConnectGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle({ eventId }: { eventId: string }): Promise<void> {
    try {
      await this.uow.run(async (tx) => {
        const row = await tx.findOne(WebhookInboxEntity, { where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
        if (!row || row.status !== 'received') return;
        let result: Outcome;
        try {
          result = await this.apply(tx, row);
        } catch (e) {
          // a move the lifecycle forbids (e.g. leaving `disconnected`) will never succeed: park it for ops
          if (!(e instanceof IllegalPayoutTransition)) throw e;
          result = { status: 'parked', outcome: 'illegal_transition' };
        }
        await tx.update(
          WebhookInboxEntity,
          { id: eventId },
          { status: result.status, outcome: result.outcome, attempts: row.attempts + 1, processedAt: this.clock.now(), lastError: null },
        );
      });
    } catch (err) {
      // for UPDATE … RETURNING, TypeORM's raw query answers [rows, affectedCount]
      const [rows]: [{ attempts: number }[], number] = await this.uow.reader.query(
        `UPDATE webhook_inbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status = 'received' RETURNING attempts`,
        [eventId, `${(err as Error)?.name ?? 'Error'}: ${String((err as { code?: string })?.code ?? (err as Error)?.message ?? '').slice(0, 150)}`],
      );
      const attempts = rows[0]?.attempts ?? 0;
      this.logger.warn({ err: safeError(err), eventId, attempts }, 'webhook processing failed');
      if (attempts >= MAX_WEBHOOK_ATTEMPTS) {
        await this.uow.reader.query(`UPDATE webhook_inbox SET status = 'dead', outcome = 'failed' WHERE id = $1 AND status = 'received'`, [eventId]);
        return;
      }
      throw err;
    }
  }

  private async apply(tx: Tx, row: WebhookInboxEntity): Promise<Outcome> {
    if (this.gateway.livemode && !row.livemode) return { status: 'parked', outcome: 'test_mode_on_live' };
    if (!(HANDLED_EVENT_TYPES as readonly string[]).includes(row.type)) return { status: 'parked', outcome: 'unhandled_type' };
    const event = this.gateway.parseStoredEvent(row.payload);
    const accountId = event.account ?? event.accountSnapshot?.id;
    const account = accountId
      ? await tx.findOne(PayoutAccountEntity, { where: { stripeAccountId: accountId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!account) return { status: 'parked', outcome: 'unknown_account' };

    switch (event.type) {
      case 'account.updated':
        return { status: 'processed', outcome: await this.payouts.applySnapshot(tx, account, event.accountSnapshot!, event.created) };
      case 'capability.updated':
      case 'account.external_account.created':
      case 'account.external_account.updated':
      case 'account.external_account.deleted': {
        if (event.created < account.lastEventCreated) return { status: 'processed', outcome: 'stale' };
        // these events carry a sub-object, not the account: re-read the account's current state
        const snapshot = await this.gateway.retrieveAccount(account.stripeAccountId!);
        if (!snapshot) return { status: 'parked', outcome: 'unknown_account' };
        const now = Math.floor(this.clock.now().getTime() / 1000);
        return { status: 'processed', outcome: await this.payouts.applySnapshot(tx, account, snapshot, Math.max(now, event.created)) };
      }
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
 * overlap) and store any we missed; also re-enqueue events stuck in `received`.
 */
@Injectable()
@JobHandler({ name: RECONCILE_EVENTS_JOB, schedule: '*/15 * * * *', retryLimit: 3 })
export class ReconcileEventsJob implements JobProcessor {
  private readonly logger = new Logger('StripeWebhooks');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly inbox: WebhookInbox,
    private readonly jobs: JobQueue,
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
    const stuck: { id: string }[] = await this.uow.reader.query(
      `SELECT id FROM webhook_inbox WHERE status = 'received' AND received_at < $1 ORDER BY received_at LIMIT 500`,
      [new Date(this.clock.now().getTime() - 10 * 60_000)],
    );
    for (const { id } of stuck) await this.jobs.send(PROCESS_WEBHOOK_JOB, { eventId: id }, { singletonKey: `${id}:sweep:${now}` });
  }
}
