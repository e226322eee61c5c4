/**
 * The payout-processor port. Vendor types never cross it: adapters parse vendor payloads into
 * these shapes at the edge. Production binds the Stripe adapter; tests point that adapter's SDK
 * at a local double (test/doubles), never at a fake implementation of this port.
 */
export const CONNECT_GATEWAY = Symbol('CONNECT_GATEWAY');

export interface RequirementsSnapshot {
  currentlyDue: string[];
  eventuallyDue: string[];
  pastDue: string[];
  pendingVerification: string[];
  errors: { requirement: string; code: string }[];
  disabledReason: string | null;
  currentDeadline: number | null;
}

export interface ConnectAccountSnapshot {
  id: string;
  country: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  transfers: 'active' | 'inactive' | 'pending' | 'unrequested' | null;
  requirements: RequirementsSnapshot;
  futureRequirements: RequirementsSnapshot;
}

export interface NewConnectedAccount {
  country: string;
  email: string;
  businessType: 'company' | 'individual';
  /** Sellers outside the platform's region receive transfers only, under the recipient agreement. */
  recipientOnly: boolean;
  currency: string;
  prefill: { legalName?: string; taxId?: string; phone?: string; website?: string; firstName?: string; lastName?: string };
  sellerId: string;
}

/**
 * What intake needs of a verified delivery: the envelope and the payload as received. The body of
 * the event (an account snapshot, a payout) is read by the worker, not in the request.
 */
export interface WebhookEnvelope {
  id: string;
  type: string;
  /** Unix seconds at which the processor created the event: orders snapshots. */
  created: number;
  livemode: boolean;
  /** Connected account the event is about (Connect events), if any. */
  account: string | null;
  /** The raw JSON, stored in the inbox for replay. */
  raw: Record<string, unknown>;
}

/** A verified processor event, reduced to what we act on. */
export interface ProcessorEvent extends WebhookEnvelope {
  /** The account snapshot carried by account.updated events. */
  accountSnapshot?: ConnectAccountSnapshot;
  /** For payout.failed: the failure code. */
  failureCode?: string | null;
}

export class WebhookSignatureError extends Error {
  constructor(readonly reason: 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch' | 'not_configured') {
    super(`webhook signature rejected: ${reason}`);
    this.name = 'WebhookSignatureError';
  }
}

/** A stored event whose body does not have the shape we read (parked for ops, replayable after a fix). */
export class MalformedEventError extends Error {
  constructor(readonly issue: string) {
    super(`malformed processor event: ${issue}`);
    this.name = 'MalformedEventError';
  }
}

/** The processor answered with an error we can classify (retryable or not). */
export class GatewayError extends Error {
  constructor(
    readonly retryable: boolean,
    readonly kind: string,
  ) {
    super(`payment processor error: ${kind}`);
    this.name = 'GatewayError';
  }
}

export interface ConnectGateway {
  readonly configured: boolean;
  readonly webhooksConfigured: boolean;
  /** True when the key is a live-mode key (test-mode events are then parked, never applied). */
  readonly livemode: boolean;
  createAccount(input: NewConnectedAccount, idempotencyKey: string): Promise<ConnectAccountSnapshot>;
  retrieveAccount(id: string): Promise<ConnectAccountSnapshot | null>;
  createOnboardingLink(accountId: string, urls: { returnUrl: string; refreshUrl: string }): Promise<{ url: string; expiresAt: number }>;
  /** Checks the signature and reads the envelope (id, type, created, livemode, account). */
  verifyWebhook(rawBody: Buffer, signatureHeader: string | undefined): WebhookEnvelope;
  /** Reads an event stored in the inbox (verified when it arrived); MalformedEventError when its body has another shape. */
  parseStoredEvent(raw: Record<string, unknown>): ProcessorEvent;
  /** Events created after `sinceUnix`, oldest first (for reconciliation). */
  listEventsSince(sinceUnix: number, types: readonly string[]): Promise<ProcessorEvent[]>;
}
