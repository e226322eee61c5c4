import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CountryRulesService, countryName, PayoutRailReadiness } from '@app/countries';
import type { CountryPackDocument } from '@app/countries';
import { Outbox } from '@app/jobs';
import { KycStandingReader } from '@app/kyc';
import type { KycStanding } from '@app/kyc';
import { APP_CONFIG } from '@app/kernel';
import type { AppConfig, MessageParam, RequestContext } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { callerSeller, SellerBusinessProfileEntity, SellerDirectory } from '@app/sellers';
import { buildChecklist, ChecklistItem } from './checklist';
import { PayoutAccountEntity } from './entities/payout-account.entity';
import { paymentError, PaymentErrorCode } from './errors';
import { payoutGate } from './gate';
import type { BlockingReason, EffectivePayoutStatus } from './gate';
import { CONNECT_GATEWAY, GatewayError } from './ports';
import type { ConnectAccountSnapshot, ConnectGateway } from './ports';
import { PayoutFailedEvent, PayoutStatusChangedEvent } from './events';
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
  | { available: false; reason: 'SANCTIONS_POLICY' | 'PAYOUT_RAIL_NOT_CONFIGURED'; message: MessageParam };

export interface PayoutOverview {
  sellerId?: string;
  country: string;
  rail: Rail | null;
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
}

/**
 * Payout setup for sellers: which rail their country's pack allows (and this deployment has
 * configured), creating the processor account exactly once, onboarding links, and applying
 * processor snapshots through the status transition table (with an outbox event per change).
 */
@Injectable()
export class PayoutsService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly countries: CountryRulesService,
    private readonly railReadiness: PayoutRailReadiness,
    private readonly outbox: Outbox,
    private readonly kyc: KycStandingReader,
    private readonly sellers: SellerDirectory,
    @Inject(CONNECT_GATEWAY) private readonly gateway: ConnectGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Tells the country packs which rails this deployment runs (ops are warned when a pack names one it does not). */
  onModuleInit(): void {
    this.railReadiness.register('stripe_connect', () => ({ configured: this.gateway.configured, requires: 'STRIPE_SECRET_KEY' }));
    this.railReadiness.register('bank_transfer', () => ({ configured: true }));
  }

  /** The pack's rails in order of preference, minus those this deployment cannot run. */
  chooseRail(pack: CountryPackDocument): RailChoice {
    if (!pack.payouts.available) return { available: false, reason: pack.payouts.reason, message: { text: pack.payouts.explanation } };
    const usable = pack.payouts.rails.filter((r) => r !== 'stripe_connect' || this.gateway.configured);
    if (!usable.length) return { available: false, reason: 'PAYOUT_RAIL_NOT_CONFIGURED', message: { t: 'payouts.reason.PAYOUT_RAIL_NOT_CONFIGURED' } };
    return { available: true, rail: usable[0], alternatives: usable.slice(1) };
  }

  async overview(ctx: RequestContext): Promise<PayoutOverview> {
    const seller = callerSeller(ctx);
    const kyc = await this.kyc.of(seller.id, this.uow.reader);
    const account = await this.uow.reader.findOne(PayoutAccountEntity, { where: { sellerId: seller.id } });
    if (account) return this.view(account, kyc);
    const { document } = await this.countries.published(seller.country, this.uow.reader);
    const choice = this.chooseRail(document);
    const gate = payoutGate(choice.available ? { status: 'not_started', payoutsEnabled: false } : { status: 'unavailable', payoutsEnabled: false, unavailableReason: choice.reason }, kyc);
    return {
      country: seller.country,
      rail: choice.available ? choice.rail : null,
      status: gate.status,
      ...(choice.available ? {} : { unavailable: { reason: choice.reason, message: choice.message } }),
      currency: document.currencies.payout[0] ?? null,
      checklist: [],
      payoutsEnabled: gate.payoutsEnabled,
      blockingReasons: gate.blockingReasons,
    };
  }

  /** The account as the seller sees it, through the payout gate (rail state + the seller's KYC standing). */
  view(account: PayoutAccountEntity, kyc: KycStanding): PayoutOverview {
    const gate = payoutGate({ status: account.status, payoutsEnabled: account.payoutsEnabled }, kyc);
    return {
      sellerId: account.sellerId,
      country: account.country,
      rail: account.rail,
      status: gate.status,
      railStatus: account.status,
      currency: account.currency,
      checklist: account.requirements
        ? buildChecklist(account.requirements).map((i) => ({ ...i, messageKey: i.due === 'pending_verification' ? 'payouts.pending_verification' : `payouts.task.${i.task}` }))
        : [],
      payoutsEnabled: gate.payoutsEnabled,
      blockingReasons: gate.blockingReasons,
    };
  }

  /**
   * Starts the setup on the country's rail. Idempotent: two concurrent clicks, a retry after a
   * timeout, or a crash between the processor's answer and our commit all end with ONE processor
   * account (row lock + an idempotency key fixed per seller before the first call).
   */
  async start(ctx: RequestContext, input: { currency?: string }): Promise<PayoutOverview> {
    const seller = callerSeller(ctx);
    const { document } = await this.countries.published(seller.country, this.uow.reader);
    const choice = this.chooseRail(document);
    if (!choice.available) {
      throw paymentError(PaymentErrorCode.RAIL_UNAVAILABLE, { country: seller.country, reason: choice.message }, [
        { field: 'country', code: choice.reason, messageKey: 'payouts.reason.detail', params: { reason: choice.message } },
      ]);
    }
    const currency = (input.currency ?? document.currencies.payout[0]).toUpperCase();
    if (!document.currencies.payout.includes(currency)) {
      throw paymentError(PaymentErrorCode.CURRENCY_NOT_ALLOWED, { currency, country: countryName(seller.country), allowed: document.currencies.payout.join(', ') });
    }
    const profile = await this.uow.reader.findOne(SellerBusinessProfileEntity, { where: { sellerId: seller.id } });
    if (!profile) throw paymentError(PaymentErrorCode.BUSINESS_PROFILE_REQUIRED);
    // read before the transaction below: nothing else should wait on a pool connection while it holds its lock
    const { email } = await this.sellers.contact(seller.id);

    await this.uow.statement(
      `INSERT INTO payout_accounts (seller_id, country, rail, status, currency, setup_key)
       VALUES ($1, $2, $3, 'not_started', $4, $5) ON CONFLICT (seller_id) DO NOTHING`,
      [seller.id, seller.country, choice.rail, currency, randomUUID()],
    );
    return this.uow.run(async (tx) => {
      const account = await tx.findOne(PayoutAccountEntity, { where: { sellerId: seller.id }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw paymentError(PaymentErrorCode.SETUP_REQUIRED);
      if (account.rail === 'bank_transfer') {
        // bank transfer: the seller submits bank details, ops verify them
        if (account.status === 'not_started') {
          await this.applySnapshot(tx, account, bankTransferPending(seller.country), 0);
          return this.view(await tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId: seller.id } }), await this.kyc.of(seller.id, tx));
        }
        return this.view(account, await this.kyc.of(seller.id, tx));
      }
      if (account.stripeAccountId) return this.view(account, await this.kyc.of(seller.id, tx));
      let snapshot: ConnectAccountSnapshot;
      try {
        snapshot = await this.gateway.createAccount(
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
      account.stripeAccountId = snapshot.id;
      await tx.update(PayoutAccountEntity, { sellerId: seller.id }, { stripeAccountId: snapshot.id });
      await this.applySnapshot(tx, account, snapshot, 0);
      return this.view(await tx.findOneOrFail(PayoutAccountEntity, { where: { sellerId: seller.id } }), await this.kyc.of(seller.id, tx));
    });
  }

  async onboardingLink(ctx: RequestContext): Promise<{ url: string; expiresAt: string }> {
    const seller = callerSeller(ctx);
    const account = await this.uow.reader.findOne(PayoutAccountEntity, { where: { sellerId: seller.id } });
    if (!account) throw paymentError(PaymentErrorCode.SETUP_REQUIRED);
    if (account.rail !== 'stripe_connect' || !account.stripeAccountId) throw paymentError(PaymentErrorCode.WRONG_RAIL, { rail: account.rail });
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
