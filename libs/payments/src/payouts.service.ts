import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CountryRulesService, countryName, PayoutRailReadiness } from '@app/countries';
import type { CountryPackDocument } from '@app/countries';
import { Outbox } from '@app/jobs';
import { KycStandingReader } from '@app/kyc';
import type { KycStanding } from '@app/kyc';
import { APP_CONFIG, CLOCK } from '@app/kernel';
import type { AppConfig, Clock, MessageParam, RequestContext } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import type { Reader } from '@app/persistence';
import { callerSeller, SellerDirectory } from '@app/sellers';
import { buildChecklist, ChecklistItem } from './checklist';
import { PayoutAccountEntity } from './entities/payout-account.entity';
import { paymentError, PaymentErrorCode } from './errors';
import { payoutGate } from './gate';
import { nextAction } from './next-action';
import type { NextAction } from './next-action';
import type { BlockingReason, EffectivePayoutStatus } from './gate';
import { CONNECT_GATEWAY, GatewayError } from './ports';
import type { ConnectAccountSnapshot, ConnectGateway } from './ports';
import { PayoutFailedEvent, PayoutRailChangedEvent, PayoutStatusChangedEvent } from './events';
import { deriveStatus, PAYOUT_LIFECYCLE, PayoutStatus } from './status';

export type Rail = 'stripe_connect' | 'bank_transfer';

const noRequirements = () => ({ currentlyDue: [], eventuallyDue: [], pastDue: [], pendingVerification: [], errors: [], disabledReason: null, currentDeadline: null });

/** A bank-transfer payout account before the seller gave bank details. */
const bankTransferPending = (country: string): ConnectAccountSnapshot => ({
  id: '',
  country,
  chargesEnabled: false,
  payoutsEnabled: false,
  detailsSubmitted: false,
  transfers: null,
  requirements: { ...noRequirements(), currentlyDue: ['external_account'] },
  futureRequirements: noRequirements(),
});

export type RailChoice =
  | { available: true; rail: Rail; alternatives: Rail[] }
  | { available: false; rail: Rail | null; reason: 'SANCTIONS_POLICY' | 'PAYOUT_RAIL_NOT_CONFIGURED'; message: MessageParam };

/** 422 with the country's own reason (RU: the sanctions policy) or "not configured": never "start the setup first". */
export function railUnavailable(country: string, choice: Extract<RailChoice, { available: false }>) {
  return paymentError(PaymentErrorCode.RAIL_UNAVAILABLE, { country, reason: choice.message }, [
    { field: 'country', code: choice.reason, messageKey: 'payouts.reason.detail', params: { reason: choice.message } },
  ]);
}

export interface PayoutOverview {
  sellerId?: string;
  country: string;
  rail: Rail | null;
  /** Whether this deployment can run `rail` (false: "not configured", e.g. stripe_connect without STRIPE_SECRET_KEY). */
  railConfigured: boolean;
  /** The one status the seller sees (see payoutGate): never `enabled` while KYC or the rail holds payouts. */
  status: EffectivePayoutStatus;
  /** The payout account's own status (transition table); absent before setup. */
  railStatus?: PayoutStatus;
  unavailable?: { reason: string; message: MessageParam };
  currency: string | null;
  checklist: (ChecklistItem & { messageKey: string })[];
  payoutsEnabled: boolean;
  /** Why payouts are not flowing; the first explains `status`. */
  blockingReasons: BlockingReason[];
  /** What to do next (derived from the first blocking reason). */
  nextAction: NextAction;
}

/**
 * Payout setup for sellers: which rail their country's pack names (and whether this deployment
 * runs it), creating the processor account exactly once, onboarding links, and applying
 * processor snapshots through the status transition table (with an outbox event per change).
 */
@Injectable()
export class PayoutsService implements OnModuleInit {
  private readonly logger = new Logger('Payouts');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly countries: CountryRulesService,
    private readonly railReadiness: PayoutRailReadiness,
    private readonly outbox: Outbox,
    private readonly kyc: KycStandingReader,
    private readonly sellers: SellerDirectory,
    @Inject(CONNECT_GATEWAY) private readonly gateway: ConnectGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Tells the country packs which rails this deployment runs (ops are warned when a pack names one it does not). */
  onModuleInit(): void {
    this.railReadiness.register('stripe_connect', () => ({ configured: this.gateway.configured, requires: 'STRIPE_SECRET_KEY' }));
    this.railReadiness.register('bank_transfer', () => ({ configured: true }));
  }

  railConfigured(rail: Rail): boolean {
    return rail !== 'stripe_connect' || this.gateway.configured;
  }

  /**
   * The country's rail: the pack's first. When this deployment cannot run it (stripe_connect
   * without keys) the rail is reported as not configured — never silently swapped for another
   * rail the seller would then be pinned to.
   */
  chooseRail(pack: CountryPackDocument): RailChoice {
    if (!pack.payouts.available) return { available: false, rail: null, reason: pack.payouts.reason, message: { text: pack.payouts.explanation } };
    const [rail, ...alternatives] = pack.payouts.rails;
    if (!rail) return { available: false, rail: null, reason: 'PAYOUT_RAIL_NOT_CONFIGURED', message: { t: 'payouts.reason.PAYOUT_RAIL_NOT_CONFIGURED' } };
    if (!this.railConfigured(rail)) return { available: false, rail, reason: 'PAYOUT_RAIL_NOT_CONFIGURED', message: { t: `payouts.reason.not_configured.${rail}` } };
    return { available: true, rail, alternatives };
  }

  async overview(ctx: RequestContext): Promise<PayoutOverview> {
    const seller = callerSeller(ctx);
    const { document } = await this.countries.published(seller.country, this.uow.reader);
    const choice = this.chooseRail(document);
    const hasProfile = (await this.sellers.businessProfile(seller.id, this.uow.reader)) !== null;
    let account = await this.uow.reader.findOne(PayoutAccountEntity, { where: { sellerId: seller.id } });
    if (account && choice.available && account.rail !== choice.rail) account = await this.followRail(account.sellerId, choice.rail);
    const kyc = await this.kyc.of(seller.id, this.uow.reader);
    if (account && choice.available) return this.view(account, kyc, { hasProfile });
    // no account yet, or its rail cannot run here (keys removed, pack changed): its state is kept, the view says why
    return this.notStarted(seller.country, document, choice, kyc, hasProfile, account ?? undefined);
  }

  private notStarted(country: string, document: CountryPackDocument, choice: RailChoice, kyc: KycStanding, hasProfile: boolean, kept?: PayoutAccountEntity): PayoutOverview {
    const gate = payoutGate(choice.available ? { status: 'not_started', payoutsEnabled: false } : { status: 'unavailable', payoutsEnabled: false, unavailableReason: choice.reason }, kyc);
    const checklist =
      choice.available && choice.rail === 'bank_transfer' ? buildChecklist(bankTransferPending(country).requirements).map((i) => ({ ...i, messageKey: `payouts.task.${i.task}` })) : [];
    return {
      ...(kept ? { sellerId: kept.sellerId, railStatus: kept.status } : {}),
      country,
      rail: choice.rail,
      railConfigured: choice.available || (choice.rail !== null && this.railConfigured(choice.rail)),
      status: gate.status,
      ...(choice.available ? {} : { unavailable: { reason: choice.reason, message: choice.message } }),
      currency: kept?.currency ?? document.currencies.payout[0] ?? null,
      checklist,
      payoutsEnabled: gate.payoutsEnabled,
      blockingReasons: gate.blockingReasons,
      nextAction: nextAction({ rail: choice.rail, first: gate.blockingReasons[0], hasBusinessProfile: hasProfile }),
    };
  }

  /**
   * The payout gate of any seller (for other contexts' gates, e.g. listing readiness): the status
   * word and whether payouts flow. Without a payout account: `not_started`, or `unavailable` when the
   * seller's country has no usable rail.
   */
  async gateOf(sellerId: string, country: string, db: Reader): Promise<{ status: EffectivePayoutStatus; payoutsEnabled: boolean }> {
    const kyc = await this.kyc.of(sellerId, db);
    const account = await db.findOne(PayoutAccountEntity, { where: { sellerId } });
    if (account) return payoutGate({ status: account.status, payoutsEnabled: account.payoutsEnabled }, kyc);
    const choice = this.chooseRail((await this.countries.published(country, db)).document);
    return payoutGate(choice.available ? { status: 'not_started', payoutsEnabled: false } : { status: 'unavailable', payoutsEnabled: false, unavailableReason: choice.reason }, kyc);
  }

  /** The account as the seller sees it, through the payout gate (rail state + the seller's KYC standing). */
  view(account: PayoutAccountEntity, kyc: KycStanding, extra: { hasProfile?: boolean } = {}): PayoutOverview {
    const gate = payoutGate({ status: account.status, payoutsEnabled: account.payoutsEnabled }, kyc);
    return {
      sellerId: account.sellerId,
      country: account.country,
      rail: account.rail,
      railConfigured: this.railConfigured(account.rail),
      status: gate.status,
      railStatus: account.status,
      currency: account.currency,
      checklist: account.requirements
        ? buildChecklist(account.requirements).map((i) => ({ ...i, messageKey: i.due === 'pending_verification' ? 'payouts.pending_verification' : `payouts.task.${i.task}` }))
        : [],
      payoutsEnabled: gate.payoutsEnabled,
      blockingReasons: gate.blockingReasons,
      nextAction: nextAction({ rail: account.rail, first: gate.blockingReasons[0], hasBusinessProfile: extra.hasProfile ?? true }),
    };
  }

  /**
   * The rail follows the pack and the deployment: when the country's rail is no longer the one the
   * seller's account was set up on (Stripe configured after an earlier fallback, a pack that changed
   * its rail), the account moves to it. Nothing is lost: the Stripe account id and the bank details
   * stay, and the new rail's status is rebuilt from what that rail already knows. This is the one
   * write of a status outside PAYOUT_LIFECYCLE: a rail change starts the new rail's own setup, it is
   * not a move along the old rail's table (whose `disconnected`, for one, is final for THAT rail).
   */
  async followRail(sellerId: string, rail: Rail): Promise<PayoutAccountEntity> {
    return this.uow.run(async (tx) => {
      const account = await tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId }, lock: { mode: 'pessimistic_write' } });
      if (account.rail === rail) return account;
      let next: { status: PayoutStatus; payoutsEnabled: boolean; requirements: ConnectAccountSnapshot['requirements'] | null };
      if (rail === 'bank_transfer') {
        const rows: { status: 'pending_review' | 'verified' | 'rejected'; rejection_reason: string | null }[] = await tx.query(
          'SELECT status, rejection_reason FROM payout_bank_accounts WHERE seller_id = $1',
          [sellerId],
        );
        const bank = rows[0];
        const requirements = !bank
          ? bankTransferPending(account.country).requirements
          : bank.status === 'verified'
            ? noRequirements()
            : bank.status === 'pending_review'
              ? { ...noRequirements(), pendingVerification: ['external_account'] }
              : { ...noRequirements(), currentlyDue: ['external_account'], errors: [{ requirement: 'external_account', code: `bank_account_${bank.rejection_reason ?? 'other'}` }] };
        const snapshot: ConnectAccountSnapshot = { ...bankTransferPending(account.country), detailsSubmitted: Boolean(bank), payoutsEnabled: bank?.status === 'verified', requirements };
        next = { status: deriveStatus(snapshot), payoutsEnabled: snapshot.payoutsEnabled, requirements };
      } else {
        // Stripe's state is read again when the seller next opens onboarding (refreshStripe)
        next = { status: 'not_started', payoutsEnabled: false, requirements: null };
      }
      await tx.update(
        PayoutAccountEntity,
        { sellerId },
        { rail, status: next.status, payoutsEnabled: next.payoutsEnabled, requirements: next.requirements as never, futureRequirements: null as never, disabledReason: null },
      );
      await this.outbox.add(tx, PayoutRailChangedEvent, sellerId, { sellerId, from: account.rail, to: rail });
      if (next.status !== account.status) await this.statusChanged(tx, { ...account, rail } as PayoutAccountEntity, next.status);
      return tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId } });
    });
  }

  /** The country's rail for this seller, or the localised refusal (RU: the pack's reason; stripe_connect without keys: not configured). */
  async railFor(country: string): Promise<{ document: CountryPackDocument; choice: RailChoice }> {
    const { document } = await this.countries.published(country, this.uow.reader);
    return { document, choice: this.chooseRail(document) };
  }

  /**
   * Starts the setup on the country's rail. Idempotent: two concurrent clicks, a retry after a
   * timeout, or a crash between the processor's answer and our commit all end with ONE processor
   * account (an idempotency key fixed per seller before the first call; the call itself runs
   * outside any transaction).
   */
  async start(ctx: RequestContext, input: { currency?: string }): Promise<PayoutOverview> {
    const seller = callerSeller(ctx);
    const { document, choice } = await this.railFor(seller.country);
    if (!choice.available) throw railUnavailable(seller.country, choice);
    const currency = (input.currency ?? document.currencies.payout[0]).toUpperCase();
    if (!document.currencies.payout.includes(currency)) {
      throw paymentError(PaymentErrorCode.CURRENCY_NOT_ALLOWED, { currency, country: countryName(seller.country), allowed: document.currencies.payout.join(', ') });
    }
    const profile = await this.sellers.businessProfile(seller.id, this.uow.reader);
    if (!profile) throw paymentError(PaymentErrorCode.BUSINESS_PROFILE_REQUIRED);
    // read before the transaction below: nothing else should wait on a pool connection while it holds its lock
    const { email } = await this.sellers.contact(seller.id);

    await this.uow.statement(
      `INSERT INTO payout_accounts (seller_id, country, rail, status, currency, setup_key)
       VALUES ($1, $2, $3, 'not_started', $4, $5) ON CONFLICT (seller_id) DO NOTHING`,
      [seller.id, seller.country, choice.rail, currency, randomUUID()],
    );
    const existing = await this.uow.reader.findOneOrFail(PayoutAccountEntity, { where: { sellerId: seller.id } });
    if (existing.rail !== choice.rail) await this.followRail(seller.id, choice.rail);
    if (choice.rail === 'stripe_connect') await this.refreshStripe(seller.id);
    const account = await this.uow.reader.findOneOrFail(PayoutAccountEntity, { where: { sellerId: seller.id } });
    if (account.rail === 'bank_transfer') {
      return this.uow.run(async (tx) => {
        // bank transfer: the seller submits bank details, ops verify them
        const locked = await tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId: seller.id }, lock: { mode: 'pessimistic_write' } });
        if (locked.status === 'not_started') await this.applySnapshot(tx, locked, bankTransferPending(seller.country), 0);
        return this.view(await tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId: seller.id } }), await this.kyc.of(seller.id, tx));
      });
    }
    if (account.stripeAccountId) return this.view(account, await this.kyc.of(seller.id, this.uow.reader));
    // The connected account is created OUTSIDE any transaction (no row lock held while Stripe answers).
    // One account per seller however the calls race: clicks in this process share one call
    // (singleFlight), and every call, from any process or retry, carries the idempotency key fixed
    // for this seller before the first call, so Stripe answers them all with the same account.
    const snapshot = await this.singleFlight(`connect-account:${seller.id}`, async () => {
      try {
        return await this.gateway.createAccount(
          {
            country: seller.country,
            email,
            businessType: profile.sellerType === 'individual' ? 'individual' : 'company', // Stripe: a partnership is a company (structure *_partnership)
            // cross-border: the seller only receives transfers, under the recipient service agreement
            recipientOnly: seller.country !== this.config.stripe.platformCountry,
            currency: account.currency,
            sellerId: seller.id,
            prefill: {
              legalName: profile.legalName,
              taxId: Object.values(profile.identifiers)[0],
              phone: profile.phone,
              website: profile.website ?? undefined,
              firstName: profile.representative.firstName,
              lastName: profile.representative.lastName,
            },
          },
          `ltg-connect-account-${account.setupKey}`,
        );
      } catch (e) {
        throw this.gatewayFailure(e);
      }
    });
    return this.uow.run(async (tx) => {
      const locked = await tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId: seller.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked.stripeAccountId) {
        locked.stripeAccountId = snapshot.id;
        await tx.update(PayoutAccountEntity, { sellerId: seller.id }, { stripeAccountId: snapshot.id });
        await this.applySnapshot(tx, locked, snapshot, 0);
      } else if (locked.stripeAccountId !== snapshot.id) {
        // cannot happen under one idempotency key; if it ever does, the first stored account stays
        this.logger.warn(`seller ${seller.id}: Stripe answered account ${snapshot.id}, ${locked.stripeAccountId} is kept`);
      }
      return this.view(await tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId: seller.id } }), await this.kyc.of(seller.id, tx));
    });
  }

  private readonly inFlight = new Map<string, Promise<unknown>>();

  /** Concurrent callers with the same key share one run of `work`. */
  private singleFlight<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = work().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /**
   * A Stripe account that came back to the stripe_connect rail (status `not_started` with an
   * account id): its current state is read from Stripe, outside any transaction, then applied.
   */
  private async refreshStripe(sellerId: string): Promise<void> {
    const account = await this.uow.reader.findOne(PayoutAccountEntity, { where: { sellerId } });
    if (!account || account.rail !== 'stripe_connect' || !account.stripeAccountId || account.status !== 'not_started') return;
    let snapshot: ConnectAccountSnapshot | null;
    try {
      snapshot = await this.gateway.retrieveAccount(account.stripeAccountId);
    } catch (e) {
      throw this.gatewayFailure(e);
    }
    if (!snapshot) return;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    await this.uow.run(async (tx) => {
      const locked = await tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId }, lock: { mode: 'pessimistic_write' } });
      if (locked.rail === 'stripe_connect') await this.applySnapshot(tx, locked, snapshot, Math.max(now, locked.lastEventCreated));
    });
  }

  /**
   * A fresh hosted onboarding link. The first one also starts the setup (creates the connected
   * account), so a seller never needs a separate call before it.
   */
  async onboardingLink(ctx: RequestContext): Promise<{ url: string; expiresAt: string }> {
    const seller = callerSeller(ctx);
    const { choice } = await this.railFor(seller.country);
    if (!choice.available) throw railUnavailable(seller.country, choice);
    if (choice.rail !== 'stripe_connect') throw paymentError(PaymentErrorCode.WRONG_RAIL, { rail: { t: `payouts.rail.${choice.rail}` } });
    let account = await this.uow.reader.findOne(PayoutAccountEntity, { where: { sellerId: seller.id } });
    if (!account?.stripeAccountId || account.rail !== 'stripe_connect') {
      await this.start(ctx, {});
      account = await this.uow.reader.findOne(PayoutAccountEntity, { where: { sellerId: seller.id } });
    }
    if (!account?.stripeAccountId) throw paymentError(PaymentErrorCode.SETUP_REQUIRED);
    try {
      const link = await this.gateway.createOnboardingLink(account.stripeAccountId, {
        returnUrl: `${this.config.sellerAppUrl}/payouts/return`,
        refreshUrl: `${this.config.sellerAppUrl}/payouts/refresh`,
      });
      return { url: link.url, expiresAt: new Date(link.expiresAt * 1000).toISOString() };
    } catch (e) {
      throw this.gatewayFailure(e);
    }
  }

  private gatewayFailure(e: unknown) {
    if (e instanceof GatewayError && !e.retryable) return paymentError(PaymentErrorCode.PROCESSOR_REFUSED);
    return paymentError(PaymentErrorCode.PROCESSOR_UNAVAILABLE);
  }

  /**
   * Applies a processor snapshot taken at `created` (unix seconds) unless a newer one was applied
   * already. Returns whether it changed anything. Writes `payouts.status_changed` to the outbox in
   * the same transaction when the status moves.
   */
  async applySnapshot(tx: Tx, account: PayoutAccountEntity, snapshot: ConnectAccountSnapshot, created: number): Promise<'applied' | 'stale'> {
    if (created > 0 && created < account.lastEventCreated) return 'stale';
    const next = deriveStatus(snapshot);
    PAYOUT_LIFECYCLE.assert(account.status, next);
    await tx.update(
      PayoutAccountEntity,
      { sellerId: account.sellerId },
      {
        status: next,
        requirements: snapshot.requirements as never,
        futureRequirements: snapshot.futureRequirements as never,
        payoutsEnabled: snapshot.payoutsEnabled,
        disabledReason: snapshot.requirements.disabledReason,
        lastEventCreated: Math.max(created, account.lastEventCreated),
      },
    );
    if (next !== account.status) await this.statusChanged(tx, account, next);
    return 'applied';
  }

  async markDisconnected(tx: Tx, account: PayoutAccountEntity, created: number): Promise<'applied' | 'stale'> {
    if (created < account.lastEventCreated) return 'stale';
    if (account.status === 'disconnected') return 'applied';
    PAYOUT_LIFECYCLE.assert(account.status, 'disconnected');
    await tx.update(PayoutAccountEntity, { sellerId: account.sellerId }, { status: 'disconnected', payoutsEnabled: false, lastEventCreated: created });
    await this.statusChanged(tx, account, 'disconnected');
    return 'applied';
  }

  async recordPayoutFailure(tx: Tx, account: PayoutAccountEntity, code: string | null): Promise<void> {
    await tx.update(PayoutAccountEntity, { sellerId: account.sellerId }, { lastPayoutFailure: code ?? 'unknown' });
    await this.outbox.add(tx, PayoutFailedEvent, account.sellerId, { sellerId: account.sellerId, rail: account.rail, failureCode: code });
  }

  private async statusChanged(tx: Tx, account: PayoutAccountEntity, to: PayoutStatus): Promise<void> {
    await this.outbox.add(tx, PayoutStatusChangedEvent, account.sellerId, { sellerId: account.sellerId, rail: account.rail, from: account.status, to });
  }
}
