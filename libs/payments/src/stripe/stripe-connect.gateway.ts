import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { z } from 'zod';
import { APP_CONFIG } from '@app/kernel';
import type { AppConfig } from '@app/kernel';
import {
  ConnectAccountSnapshot,
  ConnectGateway,
  GatewayError,
  MalformedEventError,
  NewConnectedAccount,
  ProcessorEvent,
  RequirementsSnapshot,
  WebhookEnvelope,
  WebhookSignatureError,
} from '../ports';

/** Pinned: payload shapes below are parsed against this version. */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const;
const TOLERANCE_SECONDS = 300;
const FUTURE_SKEW_SECONDS = 60;

const Requirements = z
  .object({
    currently_due: z.array(z.string()).nullish(),
    eventually_due: z.array(z.string()).nullish(),
    past_due: z.array(z.string()).nullish(),
    pending_verification: z.array(z.string()).nullish(),
    errors: z.array(z.object({ requirement: z.string(), code: z.string() }).passthrough()).nullish(),
    disabled_reason: z.string().nullish(),
    current_deadline: z.number().nullish(),
  })
  .passthrough()
  .nullish();

const Account = z
  .object({
    id: z.string().startsWith('acct_'),
    object: z.literal('account'),
    country: z.string().nullish(),
    charges_enabled: z.boolean().nullish(),
    payouts_enabled: z.boolean().nullish(),
    details_submitted: z.boolean().nullish(),
    capabilities: z.object({ transfers: z.enum(['active', 'inactive', 'pending', 'unrequested']).nullish() }).passthrough().nullish(),
    requirements: Requirements,
    future_requirements: Requirements,
  })
  .passthrough();

const Event = z
  .object({
    // lengths as stored in webhook_inbox
    id: z.string().startsWith('evt_').max(255),
    object: z.literal('event'),
    type: z.string().min(1).max(100),
    created: z.number().int(),
    livemode: z.boolean(),
    account: z.string().max(64).nullish(),
    data: z.object({ object: z.record(z.string(), z.unknown()) }).passthrough(),
  })
  .passthrough();

function requirements(r: z.infer<typeof Requirements>): RequirementsSnapshot {
  return {
    currentlyDue: r?.currently_due ?? [],
    eventuallyDue: r?.eventually_due ?? [],
    pastDue: r?.past_due ?? [],
    pendingVerification: r?.pending_verification ?? [],
    errors: (r?.errors ?? []).map((e) => ({ requirement: e.requirement, code: e.code })),
    disabledReason: r?.disabled_reason ?? null,
    currentDeadline: r?.current_deadline ?? null,
  };
}

export function toSnapshot(raw: unknown): ConnectAccountSnapshot {
  const a = Account.parse(raw);
  return {
    id: a.id,
    country: a.country ?? '',
    chargesEnabled: a.charges_enabled ?? false,
    payoutsEnabled: a.payouts_enabled ?? false,
    detailsSubmitted: a.details_submitted ?? false,
    transfers: a.capabilities?.transfers ?? null,
    requirements: requirements(a.requirements),
    futureRequirements: requirements(a.future_requirements),
  };
}

function toEnvelope(raw: unknown): WebhookEnvelope {
  const e = Event.parse(raw);
  const object = e.data.object;
  return {
    id: e.id,
    type: e.type,
    created: e.created,
    livemode: e.livemode,
    account: e.account ?? (e.type.startsWith('account.') && typeof object.id === 'string' && object.id.length <= 64 && object.object === 'account' ? object.id : null),
    raw: raw as Record<string, unknown>,
  };
}

function toEvent(raw: unknown): ProcessorEvent {
  const event: ProcessorEvent = toEnvelope(raw);
  const object = (raw as { data: { object: Record<string, unknown> } }).data.object;
  if (event.type === 'account.updated') event.accountSnapshot = toSnapshot(object);
  if (event.type === 'payout.failed') event.failureCode = typeof object.failure_code === 'string' ? object.failure_code : null;
  return event;
}

function classify(e: unknown): GatewayError {
  if (e instanceof Stripe.errors.StripeError) {
    const retryable = e instanceof Stripe.errors.StripeConnectionError || e instanceof Stripe.errors.StripeAPIError || e instanceof Stripe.errors.StripeRateLimitError;
    return new GatewayError(retryable, e.type ?? 'stripe_error');
  }
  return new GatewayError(true, 'unknown');
}

/** Stripe Connect (Accounts v1 with controller properties, hosted Account Links) on the official SDK. */
@Injectable()
export class StripeConnectGateway implements ConnectGateway {
  private readonly stripe?: Stripe;
  private readonly secrets: string[];
  readonly livemode: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { secretKey, apiUrl, webhookSecrets } = config.stripe;
    this.secrets = webhookSecrets;
    this.livemode = Boolean(secretKey?.includes('_live_'));
    if (secretKey) {
      const url = apiUrl ? new URL(apiUrl) : undefined;
      this.stripe = new Stripe(secretKey, {
        apiVersion: STRIPE_API_VERSION,
        maxNetworkRetries: 2,
        timeout: 20_000,
        telemetry: false,
        appInfo: { name: 'local-to-global' },
        ...(url
          ? { host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), protocol: url.protocol === 'https:' ? 'https' : 'http' }
          : {}),
      });
    }
  }

  get configured(): boolean {
    return Boolean(this.stripe);
  }

  get webhooksConfigured(): boolean {
    return this.secrets.length > 0;
  }

  private client(): Stripe {
    if (!this.stripe) throw new GatewayError(false, 'not_configured');
    return this.stripe;
  }

  async createAccount(input: NewConnectedAccount, idempotencyKey: string): Promise<ConnectAccountSnapshot> {
    const { prefill } = input;
    try {
      const account = await this.client().accounts.create(
        {
          country: input.country,
          email: input.email,
          business_type: input.businessType,
          default_currency: input.currency.toLowerCase(),
          controller: {
            fees: { payer: 'application' },
            losses: { payments: 'application' },
            requirement_collection: 'stripe',
            stripe_dashboard: { type: 'express' },
          },
          capabilities: { transfers: { requested: true } },
          ...(input.recipientOnly ? { tos_acceptance: { service_agreement: 'recipient' } } : {}),
          business_profile: { ...(prefill.website ? { url: prefill.website } : {}) },
          ...(input.businessType === 'company'
            ? { company: { ...(prefill.legalName ? { name: prefill.legalName } : {}), ...(prefill.taxId ? { tax_id: prefill.taxId } : {}), ...(prefill.phone ? { phone: prefill.phone } : {}) } }
            : { individual: { ...(prefill.firstName ? { first_name: prefill.firstName } : {}), ...(prefill.lastName ? { last_name: prefill.lastName } : {}), ...(prefill.phone ? { phone: prefill.phone } : {}) } }),
          metadata: { seller_id: input.sellerId },
        },
        { idempotencyKey },
      );
      return toSnapshot(account);
    } catch (e) {
      throw e instanceof GatewayError ? e : classify(e);
    }
  }

  async retrieveAccount(id: string): Promise<ConnectAccountSnapshot | null> {
    try {
      return toSnapshot(await this.client().accounts.retrieve(id));
    } catch (e) {
      if (e instanceof Stripe.errors.StripeInvalidRequestError && e.code === 'resource_missing') return null;
      throw e instanceof GatewayError ? e : classify(e);
    }
  }

  async createOnboardingLink(accountId: string, urls: { returnUrl: string; refreshUrl: string }) {
    try {
      const link = await this.client().accountLinks.create({
        account: accountId,
        type: 'account_onboarding',
        return_url: urls.returnUrl,
        refresh_url: urls.refreshUrl,
        collection_options: { fields: 'currently_due', future_requirements: 'include' },
      });
      return { url: link.url, expiresAt: link.expires_at };
    } catch (e) {
      throw e instanceof GatewayError ? e : classify(e);
    }
  }

  /**
   * Verifies `Stripe-Signature` over the RAW bytes: an explicit 300 s tolerance (0 would disable the
   * check in stripe 23), any of the configured secrets (rotation), and no timestamps from the future.
   */
  verifyWebhook(rawBody: Buffer, header: string | undefined): WebhookEnvelope {
    if (!this.secrets.length) throw new WebhookSignatureError('not_configured');
    if (!header) throw new WebhookSignatureError('missing');
    const t = Number(/(?:^|,)\s*t=(\d+)/.exec(header)?.[1]);
    if (!Number.isFinite(t) || t <= 0) throw new WebhookSignatureError('malformed');
    const now = Math.floor(Date.now() / 1000);
    if (t > now + FUTURE_SKEW_SECONDS) throw new WebhookSignatureError('future');
    if (t < now - TOLERANCE_SECONDS) throw new WebhookSignatureError('stale');
    for (const secret of this.secrets) {
      try {
        const event = Stripe.webhooks.constructEvent(rawBody, header, secret, TOLERANCE_SECONDS);
        try {
          return toEnvelope(event);
        } catch {
          throw new WebhookSignatureError('malformed');
        }
      } catch (e) {
        if (e instanceof WebhookSignatureError) throw e;
      }
    }
    throw new WebhookSignatureError('mismatch');
  }

  parseStoredEvent(raw: Record<string, unknown>): ProcessorEvent {
    try {
      return toEvent(raw);
    } catch (e) {
      if (e instanceof z.ZodError) throw new MalformedEventError(e.issues.map((i) => `${i.path.join('.')}: ${i.code}`).slice(0, 3).join('; '));
      throw e;
    }
  }

  async listEventsSince(sinceUnix: number, types: readonly string[]): Promise<ProcessorEvent[]> {
    const out: ProcessorEvent[] = [];
    try {
      for await (const event of this.client().events.list({ created: { gt: sinceUnix }, types: [...types], limit: 100 })) {
        out.push(toEvent(event));
        if (out.length >= 10_000) break;
      }
    } catch (e) {
      throw e instanceof GatewayError ? e : classify(e);
    }
    return out.sort((a, b) => a.created - b.created);
  }
}
