import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { InboxHandlerFor, JobHandler, WebhookInboxStore } from '@app/jobs';
import type { InboxHandler, InboxOutcome, InboxStatus, JobProcessor, WebhookInboxEntity } from '@app/jobs';
import { CLOCK, IllegalTransition } from '@app/kernel';
import type { Clock, RequestContext } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { PayoutAccountEntity } from './entities/payout-account.entity';
import { paymentError, PaymentErrorCode } from './errors';
import { CONNECT_GATEWAY, MalformedEventError, WebhookSignatureError } from './ports';
import type { ConnectGateway, WebhookEnvelope } from './ports';
import { PayoutsService } from './payouts.service';
import { PAYOUT_LIFECYCLE } from './status';

export const RECONCILE_EVENTS_JOB = 'payments.reconcile-events';

export const HANDLED_EVENT_TYPES = [
  'account.updated',
  'capability.updated',
  'account.external_account.created',
  'account.external_account.updated',
  'account.external_account.deleted',
  'payout.failed',
  'account.application.deauthorized',
] as const;

type Outcome = InboxOutcome;

const delivery = (event: WebhookEnvelope, payloadJson: string) => ({
  id: event.id,
  provider: 'stripe',
  type: event.type,
  account: event.account,
  livemode: event.livemode,
  eventCreated: event.created,
  payloadJson,
});

/**
 * The API side of Stripe webhooks: verify, store once in the shared webhook inbox (@app/jobs),
 * acknowledge — nothing else happens in the request. Also the ops side: list and replay (audited)
 * every provider's inbox events, Stripe's and the identity vendors' alike.
 */
@Injectable()
export class WebhookInbox {
  private readonly logger = new Logger('StripeWebhooks');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly shared: WebhookInboxStore,
    @Inject(CONNECT_GATEWAY) private readonly gateway: ConnectGateway,
  ) {}

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
    const inserted = await this.shared.submit(delivery(event, rawBody.toString('utf8')));
    return { received: true, duplicate: !inserted };
  }

  /** Stores one event (reconciliation); false for a duplicate. */
  async store(event: WebhookEnvelope): Promise<boolean> {
    return this.shared.store(delivery(event, JSON.stringify(event.raw)));
  }

  async list(filter: { status?: InboxStatus; type?: string; provider?: string; limit: number }): Promise<WebhookInboxEntity[]> {
    return this.shared.list(filter);
  }

  async get(id: string): Promise<WebhookInboxEntity> {
    const row = await this.shared.get(id);
    if (!row) throw paymentError(PaymentErrorCode.WEBHOOK_EVENT_NOT_FOUND, { id: id.slice(0, 100) });
    return row;
  }

  /** Puts a dead or parked event (of any provider) back in the queue (audited). Processing stays exactly-once. */
  async replay(ctx: RequestContext, id: string): Promise<WebhookInboxEntity> {
    return this.uow.run(async (tx) => {
      const done = await this.shared.requeue(tx, id);
      if (!done) throw paymentError(PaymentErrorCode.WEBHOOK_EVENT_NOT_FOUND, { id: id.slice(0, 100) });
      await this.audit.record(tx, ctx, { action: 'webhook.replayed', targetType: 'webhook_event', targetId: id, changes: { status: { from: done.from, to: 'received' } } });
      return done.row;
    });
  }
}

/**
 * Applies stored Stripe events (the shared inbox's worker calls it with the row locked): older
 * snapshots never overwrite newer ones; unknown accounts, unhandled types, test-mode events on a
 * live key, malformed bodies and moves the lifecycle forbids are parked for ops.
 */
@Injectable()
@InboxHandlerFor('stripe')
export class StripeInboxHandler implements InboxHandler {
  private readonly logger = new Logger('StripeWebhooks');

  constructor(
    private readonly payouts: PayoutsService,
    @Inject(CONNECT_GATEWAY) private readonly gateway: ConnectGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async apply(tx: Tx, row: WebhookInboxEntity): Promise<Outcome> {
    try {
      return await this.applyEvent(tx, row);
    } catch (e) {
      // a move the lifecycle forbids (e.g. leaving `disconnected`) will never succeed: park it for ops
      if (!(e instanceof IllegalTransition && e.lifecycle === PAYOUT_LIFECYCLE.name)) throw e;
      return { status: 'parked', outcome: 'illegal_transition' };
    }
  }

  /** Re-reads the account from Stripe and applies that state (newer than anything delivered so far). */
  private async applyCurrentState(tx: Tx, account: PayoutAccountEntity, eventCreated: number): Promise<Outcome> {
    const snapshot = await this.gateway.retrieveAccount(account.stripeAccountId!);
    if (!snapshot) return { status: 'parked', outcome: 'unknown_account' };
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return { status: 'processed', outcome: await this.payouts.applySnapshot(tx, account, snapshot, Math.max(now, eventCreated)) };
  }

  private async applyEvent(tx: Tx, row: WebhookInboxEntity): Promise<Outcome> {
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
