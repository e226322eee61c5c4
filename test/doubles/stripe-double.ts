/**
 * In-process Stripe API test double (Accounts v1 / Connect onboarding subset).
 *
 * A small stateful HTTP server on 127.0.0.1 that the official stripe-node SDK can talk to:
 *
 *   const double = await startStripeDouble();
 *   const stripe = new Stripe('sk_test_double', {
 *     host: '127.0.0.1', port: double.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false,
 *   });
 *
 * Covered: POST/GET/DELETE /v1/accounts[/:id], GET /v1/accounts (list), POST /v1/account_links,
 * GET /v1/events[/:id]; Bearer/Basic auth; Stripe-Version header check; idempotency keys (replay,
 * parameter/endpoint mismatch, in-flight conflict); Stripe-shaped error JSON; `account.updated` events
 * with `previous_attributes`; fault injection (`failNext`, `delay`) and inspection hooks.
 *
 * Only Node built-ins are used at runtime. Nothing here talks to the network beyond loopback.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export const STRIPE_DOUBLE_API_VERSION = '2026-10-28.endive';
export const STRIPE_DOUBLE_DEFAULT_KEY = 'sk_test_double';

export type DeepPartial<T> = T extends readonly (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Parsed form / query parameters: nested objects, arrays and string leaves. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export interface RequirementErrorJson {
  code: string;
  reason: string;
  requirement: string;
}

export interface RequirementsJson {
  alternatives: { alternative_fields_due: string[]; original_fields_due: string[] }[];
  current_deadline: number | null;
  currently_due: string[];
  disabled_reason: string | null;
  errors: RequirementErrorJson[];
  eventually_due: string[];
  past_due: string[];
  pending_verification: string[];
}

export type CapabilityStatus = 'active' | 'inactive' | 'pending';

export interface ControllerJson {
  fees: { payer: 'account' | 'application' | 'application_custom' | 'application_express' };
  is_controller: boolean;
  losses: { payments: 'application' | 'stripe' };
  requirement_collection: 'application' | 'stripe';
  stripe_dashboard: { type: 'express' | 'full' | 'none' };
  type: 'account' | 'application';
}

export interface BankAccountJson {
  id: string;
  object: 'bank_account';
  account: string;
  account_holder_name: string | null;
  account_holder_type: string | null;
  bank_name: string | null;
  country: string;
  currency: string;
  default_for_currency: boolean;
  fingerprint: string;
  last4: string;
  metadata: Record<string, string>;
  routing_number: string | null;
  status: 'new' | 'validated' | 'verified' | 'verification_failed' | 'errored';
}

export interface ListJson<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
  total_count?: number;
}

export interface TosAcceptanceJson {
  date: number | null;
  ip: string | null;
  user_agent: string | null;
  service_agreement: 'full' | 'recipient';
}

export interface AccountJson {
  id: string;
  object: 'account';
  business_profile: {
    mcc: string | null;
    name: string | null;
    product_description: string | null;
    support_address: Record<string, string | null> | null;
    support_email: string | null;
    support_phone: string | null;
    support_url: string | null;
    url: string | null;
    [key: string]: unknown;
  };
  business_type: 'company' | 'individual' | 'non_profit' | 'government_entity' | null;
  capabilities: Record<string, CapabilityStatus>;
  charges_enabled: boolean;
  company?: Record<string, unknown>;
  controller: ControllerJson;
  country: string;
  created: number;
  default_currency: string;
  details_submitted: boolean;
  email: string | null;
  external_accounts: ListJson<BankAccountJson>;
  future_requirements: RequirementsJson;
  individual?: Record<string, unknown>;
  metadata: Record<string, string>;
  payouts_enabled: boolean;
  requirements: RequirementsJson;
  settings: Record<string, unknown>;
  tos_acceptance: TosAcceptanceJson;
  type: 'custom' | 'express' | 'standard' | 'none';
}

export interface AccountLinkJson {
  object: 'account_link';
  created: number;
  expires_at: number;
  url: string;
}

export interface StripeEventJson {
  id: string;
  object: 'event';
  account?: string;
  api_version: string;
  created: number;
  data: { object: AccountJson; previous_attributes?: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** The JSON of an emitted event (exactly what GET /v1/events/:id returns). */
export type StripeEventRecord = StripeEventJson;

export interface StripeAccountState {
  /** The live Account JSON (what GET /v1/accounts/:id returns). Mutate via `updateAccount`. */
  account: AccountJson;
  deleted: boolean;
  /** Every form parameter ever sent for this account (create + updates), merged, as raw strings.
   *  Includes values Stripe never echoes back (e.g. `company.tax_id`, `individual.id_number`). */
  params: FormObject;
  accountLinks: (AccountLinkJson & { type: string; refresh_url?: string; return_url?: string; collection_options?: FormValue })[];
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/accounts/acct_123`. */
  path: string;
  /** Parsed query string (GET/DELETE parameters). */
  query: FormObject;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed form body (bracket notation expanded). */
  body: FormObject;
  rawBody: string;
  idempotencyKey?: string;
  /** Filled in once the response is sent (0 = connection dropped). */
  status?: number;
  /** true when the response was an idempotent replay. */
  replayed?: boolean;
  requestId: string;
}

export interface StripeErrorBody {
  type: string;
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
  [key: string]: unknown;
}

export interface FailOptions {
  /** Override the error object in the response body (merged over the default for the status). */
  error?: Partial<StripeErrorBody>;
  /** Extra response headers, e.g. `{ 'stripe-should-retry': 'false' }`. */
  headers?: Record<string, string>;
  /**
   * `false` (default): the request fails before Stripe executes it — no state change, nothing is
   * saved under its idempotency key, so a retry with the same key executes normally.
   * `true`: the request IS executed (state changes, success saved under its idempotency key) but
   * this client receives the failure — the "Stripe did it, the response was lost" case. A retry
   * with the same key replays the saved success.
   */
  afterExecute?: boolean;
}

export interface StripeDouble {
  url: string;
  port: number;
  secretKey: string;
  requests: RecordedRequest[];
  accounts: Map<string, StripeAccountState>;
  /** Emitted events, oldest first (GET /v1/events lists them newest first). */
  events: StripeEventRecord[];
  /** Change an account the way Stripe would after the seller acts, and record an `account.updated`
   *  event; returns that event. Objects are deep-merged; arrays and scalars replace. */
  updateAccount(id: string, patch: DeepPartial<AccountJson>): StripeEventJson;
  /** Make the next `count` (default 1) requests whose path starts with `pathPrefix` fail with
   *  `status` and a Stripe error body. `pathPrefix` may start with a method (`'POST /v1/accounts'`).
   *  Status `0` drops the connection instead of answering. */
  failNext(pathPrefix: string, status: number, count?: number, options?: FailOptions): void;
  /** Drop every pending `failNext` rule for exactly this prefix (Stripe recovers). */
  stopFailing(pathPrefix: string): void;
  /** Delay responses to a path prefix by `ms` (the work is done first, then the answer waits).
   *  `ms = 0` removes the delay. May start with a method like `failNext`. */
  delay(pathPrefix: string, ms: number): void;
  /** Current value of the double's clock (unix seconds); never goes backwards. */
  now(): number;
  /** Serialize an event exactly as a webhook body and sign it (`Stripe-Signature` header value). */
  signWebhook(event: StripeEventJson, secret: string, timestamp?: number): { payload: string; header: string };
  reset(): void;
  close(): Promise<void>;
}

export interface StripeDoubleOptions {
  /** Accepted secret key (default `sk_test_double`). */
  secretKey?: string;
  /** Country used when `POST /v1/accounts` has no `country` (Stripe uses the platform's). Default `US`. */
  platformCountry?: string;
  /** Countries Stripe refuses as account countries. Default RU, BY, CU, IR, KP, SY. */
  unsupportedCountries?: string[];
  /** Countries only allowed with `tos_acceptance[service_agreement]=recipient`. Default TR. */
  recipientOnlyCountries?: string[];
  /** When true, GET /v1/events without a `Stripe-Account` header hides connected-account events
   *  (stricter, closer to how Stripe scopes events). Default false: all events are listed. */
  connectEventsRequireStripeAccount?: boolean;
  /** Also record `account.updated` events for changes made through POST /v1/accounts/:id. Default true. */
  emitEventsOnApiUpdates?: boolean;
  /** Port on 127.0.0.1 (default 0: any free port). `npm run stripe:local` uses a fixed one. */
  port?: number;
  /**
   * Serve the hosted onboarding pages locally instead of linking to connect.stripe.com: account
   * links point at `<double>/hosted/onboarding/<account>/<link>`, a page whose button completes
   * onboarding (test data), records `account.updated`, delivers it signed to `webhookUrl` when
   * given (like `stripe listen --forward-to`), and redirects to the link's `return_url`.
   */
  hostedOnboarding?: { webhookUrl?: string; webhookSecret?: string };
}

// ---------------------------------------------------------------------------------------------
// Form encoding (bracket notation)
// ---------------------------------------------------------------------------------------------

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function decodeComponent(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

function splitKey(key: string): string[] {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!m) return [key];
  const segs = [m[1]];
  const rest = m[2];
  const re = /\[([^[\]]*)\]/g;
  let seg: RegExpExecArray | null;
  while ((seg = re.exec(rest))) segs.push(seg[1]);
  return segs;
}

type Node = { [key: string]: Node | string };

/**
 * Parse `application/x-www-form-urlencoded` with Stripe/qs bracket notation into nested values:
 * `a[b][c]=1` → `{a:{b:{c:'1'}}}`, `a[]=x&a[]=y` and `a[0]=x&a[1]=y` → `{a:['x','y']}`.
 * Values stay strings. Keys like `__proto__` are dropped.
 */
export function parseStripeForm(input: string): FormObject {
  const root: Node = Object.create(null) as Node;
  const arrayish = new WeakSet<Node>();
  if (input) {
    for (const part of input.split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const key = decodeComponent(eq === -1 ? part : part.slice(0, eq));
      const value = decodeComponent(eq === -1 ? '' : part.slice(eq + 1));
      const segs = splitKey(key);
      if (segs.some((s) => FORBIDDEN_KEYS.has(s))) continue;
      let node = root;
      for (let i = 0; i < segs.length; i++) {
        let seg = segs[i];
        const last = i === segs.length - 1;
        if (i > 0 && (seg === '' || /^\d+$/.test(seg))) {
          arrayish.add(node);
          if (seg === '') seg = String(Object.keys(node).length);
        }
        if (last) {
          node[seg] = value;
        } else {
          const next = node[seg];
          if (typeof next === 'object') {
            node = next;
          } else {
            const created = Object.create(null) as Node;
            node[seg] = created;
            node = created;
          }
        }
      }
    }
  }
  const finalize = (n: Node | string): FormValue => {
    if (typeof n === 'string') return n;
    const keys = Object.keys(n);
    if (arrayish.has(n) && keys.every((k) => /^\d+$/.test(k))) {
      return keys
        .map(Number)
        .sort((a, b) => a - b)
        .map((k) => finalize(n[String(k)]));
    }
    const out: { [key: string]: FormValue } = {};
    for (const k of keys) out[k] = finalize(n[k]);
    return out;
  };
  return finalize(root) as FormObject;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: FormValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function obj(v: FormValue | undefined): { [key: string]: FormValue } | undefined {
  return isPlainObject(v) ? (v as { [key: string]: FormValue }) : undefined;
}

/** Dotted paths of all non-empty string leaves: `{company:{tax_id:'x'}}` → `['company.tax_id']`. */
function leafPaths(v: FormValue, prefix = ''): string[] {
  if (typeof v === 'string') return v === '' ? [] : [prefix];
  if (Array.isArray(v)) return v.flatMap((x, i) => leafPaths(x, `${prefix}.${i}`));
  return Object.entries(v).flatMap(([k, x]) => leafPaths(x, prefix ? `${prefix}.${k}` : k));
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Stripe-style `previous_attributes`: previous values of changed keys, recursing into objects. */
function diffPrevious(prev: unknown, next: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlainObject(prev) || !isPlainObject(next)) return out;
  for (const k of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    const a = prev[k];
    const b = next[k];
    if (isPlainObject(a) && isPlainObject(b)) {
      const d = diffPrevious(a, b);
      if (Object.keys(d).length) out[k] = d;
    } else if (!deepEqual(a, b)) {
      out[k] = a === undefined ? null : clone(a);
    }
  }
  return out;
}

/** Deep merge for `updateAccount`: objects merge, arrays/scalars replace, `undefined` is skipped. */
function deepMergeInto(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || FORBIDDEN_KEYS.has(k)) continue;
    if (isPlainObject(v) && isPlainObject(target[k])) {
      deepMergeInto(target[k] as Record<string, unknown>, v);
    } else {
      target[k] = clone(v);
    }
  }
}

const NUMERIC_LEAVES = new Set(['day', 'month', 'year', 'date', 'delay_days', 'monthly_anchor', 'percent_ownership']);
const BOOLEAN_LEAVES = new Set([
  'requested',
  'owners_provided',
  'directors_provided',
  'executives_provided',
  'debit_negative_balances',
  'director',
  'executive',
  'owner',
  'representative',
  'legal_guardian',
]);

function coerceLeaf(key: string, v: string): unknown {
  if (v === '') return null; // Stripe: empty string unsets a field
  if (BOOLEAN_LEAVES.has(key) && (v === 'true' || v === 'false')) return v === 'true';
  if (NUMERIC_LEAVES.has(key) && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

/** Merge form params into a JSON object with Stripe semantics ('' → null, known bool/number leaves). */
function mergeParams(target: Record<string, unknown>, params: { [key: string]: FormValue }, rename?: (key: string) => string | null): void {
  for (const [rawKey, v] of Object.entries(params)) {
    const key = rename ? rename(rawKey) : rawKey;
    if (key === null) continue;
    if (typeof v === 'string') {
      target[key] = coerceLeaf(key, v);
    } else if (Array.isArray(v)) {
      target[key] = v.map((x) => (typeof x === 'string' ? x : clone(x)));
    } else {
      const existing = target[key];
      const child: Record<string, unknown> = isPlainObject(existing) ? existing : {};
      target[key] = child;
      mergeParams(child, v);
    }
  }
}

function mergeFormParams(target: FormObject, params: FormObject): void {
  for (const [k, v] of Object.entries(params)) {
    const existing = target[k];
    if (isPlainObject(v) && isPlainObject(existing)) {
      mergeFormParams(existing as FormObject, v as FormObject);
    } else {
      target[k] = clone(v);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

function invalid(message: string, param?: string, code?: string, status = 400): StripeHttpError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message };
  if (code) {
    body.code = code;
    body.doc_url = `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;
  }
  if (param) body.param = param;
  return new StripeHttpError(status, body);
}

function resourceMissing(kind: string, id: string, param: string, status = 404): StripeHttpError {
  return invalid(`No such ${kind}: '${id}'`, param, 'resource_missing', status);
}

function defaultErrorForStatus(status: number): StripeErrorBody {
  switch (status) {
    case 400:
      return { type: 'invalid_request_error', message: 'Invalid request (injected by the Stripe test double).' };
    case 401:
      return { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_********' };
    case 402:
      return { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' };
    case 403:
      return {
        type: 'invalid_request_error',
        code: 'account_invalid',
        message: 'The provided key does not have access to account (or that account does not exist). Application access may have been revoked.',
      };
    case 404:
      return { type: 'invalid_request_error', code: 'resource_missing', message: 'No such resource (injected by the Stripe test double).' };
    case 409:
      return {
        type: 'invalid_request_error',
        code: 'lock_timeout',
        message: 'This object cannot be accessed right now because another API request or Stripe process is currently accessing it.',
      };
    case 429:
      return {
        type: 'invalid_request_error',
        code: 'rate_limit',
        message: 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
        doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
      };
    default:
      return { type: 'api_error', message: 'An unknown error occurred' };
  }
}

// ---------------------------------------------------------------------------------------------
// Account model
// ---------------------------------------------------------------------------------------------

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function randomId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let s = '';
  for (let i = 0; i < length; i++) s += ALNUM[bytes[i] % ALNUM.length];
  return prefix + s;
}

const DEFAULT_CURRENCY: Record<string, string> = {
  AT: 'eur', BE: 'eur', CY: 'eur', DE: 'eur', EE: 'eur', ES: 'eur', FI: 'eur', FR: 'eur', GR: 'eur', HR: 'eur',
  IE: 'eur', IT: 'eur', LT: 'eur', LU: 'eur', LV: 'eur', MT: 'eur', NL: 'eur', PT: 'eur', SI: 'eur', SK: 'eur',
  US: 'usd', GB: 'gbp', CH: 'chf', CA: 'cad', AU: 'aud', TR: 'try', PL: 'pln', SE: 'sek', DK: 'dkk', NO: 'nok',
  CZ: 'czk', HU: 'huf', RO: 'ron', BG: 'bgn', JP: 'jpy', MX: 'mxn', BR: 'brl', SG: 'sgd', HK: 'hkd', NZ: 'nzd',
};

/** Initial requirement lists by business type (before removing what the create request prefilled). */
export const INITIAL_REQUIREMENTS: Record<string, string[]> = {
  company: [
    'business_profile.url',
    'company.tax_id',
    'external_account',
    'representative.first_name',
    'representative.last_name',
    'tos_acceptance.date',
    'tos_acceptance.ip',
  ],
  individual: [
    'business_profile.mcc',
    'business_profile.url',
    'external_account',
    'individual.address.city',
    'individual.address.line1',
    'individual.address.postal_code',
    'individual.dob.day',
    'individual.dob.month',
    'individual.dob.year',
    'individual.email',
    'individual.first_name',
    'individual.last_name',
    'tos_acceptance.date',
    'tos_acceptance.ip',
  ],
  non_profit: [
    'business_profile.url',
    'company.address.city',
    'company.address.line1',
    'company.address.postal_code',
    'company.name',
    'company.tax_id',
    'external_account',
    'representative.first_name',
    'representative.last_name',
    'tos_acceptance.date',
    'tos_acceptance.ip',
  ],
  government_entity: [
    'business_profile.url',
    'company.name',
    'external_account',
    'representative.first_name',
    'representative.last_name',
    'tos_acceptance.date',
    'tos_acceptance.ip',
  ],
  unknown: ['business_profile.mcc', 'business_profile.url', 'business_type', 'external_account', 'tos_acceptance.date', 'tos_acceptance.ip'],
};

function emptyRequirements(): RequirementsJson {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
  };
}

function isSatisfiedBy(requirement: string, provided: string[]): boolean {
  return provided.some((p) => p === requirement || p.startsWith(requirement + '.'));
}

function controllerFor(type: string): ControllerJson {
  switch (type) {
    case 'custom':
      return {
        fees: { payer: 'application_custom' },
        is_controller: true,
        losses: { payments: 'application' },
        requirement_collection: 'application',
        stripe_dashboard: { type: 'none' },
        type: 'application',
      };
    case 'express':
      return {
        fees: { payer: 'application_express' },
        is_controller: true,
        losses: { payments: 'application' },
        requirement_collection: 'stripe',
        stripe_dashboard: { type: 'express' },
        type: 'application',
      };
    default:
      return {
        fees: { payer: 'account' },
        is_controller: true,
        losses: { payments: 'stripe' },
        requirement_collection: 'stripe',
        stripe_dashboard: { type: 'full' },
        type: 'application',
      };
  }
}

function typeForController(c: ControllerJson): AccountJson['type'] {
  const payer = c.fees.payer;
  if (c.requirement_collection === 'application' && c.losses.payments === 'application' && c.stripe_dashboard.type === 'none' && payer !== 'account') return 'custom';
  if (c.requirement_collection === 'stripe' && c.losses.payments === 'application' && c.stripe_dashboard.type === 'express' && payer !== 'account') return 'express';
  if (c.requirement_collection === 'stripe' && c.losses.payments === 'stripe' && c.stripe_dashboard.type === 'full' && payer === 'account') return 'standard';
  return 'none';
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], param: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalid(`Invalid ${param}: must be one of ${allowed.join(', ')}`, param);
  }
  return value as T;
}

const ACCOUNT_CREATE_PARAMS = new Set([
  'account_token', 'business_profile', 'business_type', 'capabilities', 'company', 'controller', 'country',
  'default_currency', 'documents', 'email', 'expand', 'external_account', 'groups', 'individual', 'metadata',
  'settings', 'tos_acceptance', 'type',
]);
// `controller` is accepted by the update endpoint but rejected below (the double does not model controller changes).
const ACCOUNT_UPDATE_PARAMS = new Set([...ACCOUNT_CREATE_PARAMS].filter((p) => p !== 'country' && p !== 'type'));

function rejectUnknownParams(params: FormObject, allowed: Set<string>): void {
  for (const k of Object.keys(params)) {
    if (!allowed.has(k)) throw invalid(`Received unknown parameter: ${k}`, k);
  }
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

interface HandlerResult {
  status: number;
  body: unknown;
}

interface Ctx {
  method: string;
  path: string;
  query: FormObject;
  body: FormObject;
  headers: Record<string, string>;
  requestId: string;
  idempotencyKey?: string;
  stripeAccount?: string;
}

interface IdempotencyEntry {
  method: string;
  path: string;
  params: string;
  inFlight: boolean;
  requestId: string;
  saved?: { status: number; payload: string };
}

interface FailRule {
  method?: string;
  prefix: string;
  status: number;
  remaining: number;
  options: FailOptions;
}

interface DelayRule {
  method?: string;
  prefix: string;
  ms: number;
}

function parsePrefix(pathPrefix: string): { method?: string; prefix: string } {
  const m = /^([A-Z]+)\s+(\S.*)$/.exec(pathPrefix.trim());
  return m ? { method: m[1], prefix: m[2] } : { prefix: pathPrefix.trim() };
}

function matches(rule: { method?: string; prefix: string }, method: string, path: string): boolean {
  return (!rule.method || rule.method === method) && path.startsWith(rule.prefix);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startStripeDouble(options: StripeDoubleOptions = {}): Promise<StripeDouble> {
  const secretKey = options.secretKey ?? STRIPE_DOUBLE_DEFAULT_KEY;
  const platformCountry = (options.platformCountry ?? 'US').toUpperCase();
  const unsupported = new Set((options.unsupportedCountries ?? ['RU', 'BY', 'CU', 'IR', 'KP', 'SY']).map((c) => c.toUpperCase()));
  const recipientOnly = new Set((options.recipientOnlyCountries ?? ['TR']).map((c) => c.toUpperCase()));
  const emitOnApiUpdates = options.emitEventsOnApiUpdates ?? true;
  const livemode = secretKey.startsWith('sk_live_') || secretKey.startsWith('rk_live_');

  const requests: RecordedRequest[] = [];
  const accounts = new Map<string, StripeAccountState>();
  const events: StripeEventRecord[] = [];
  const idempotency = new Map<string, IdempotencyEntry>();
  let failRules: FailRule[] = [];
  let delayRules: DelayRule[] = [];

  // One monotonic clock for everything the double timestamps. Events advance it by >= 1 s, so an
  // event is always strictly newer than every object/event stamped before it.
  let clock = 0;
  const now = () => (clock = Math.max(clock, Math.floor(Date.now() / 1000)));
  const tick = () => (clock = Math.max(clock + 1, Math.floor(Date.now() / 1000)));

  // ---- accounts --------------------------------------------------------------------------

  const getState = (id: string, param: string, status = 404): StripeAccountState => {
    const st = accounts.get(id);
    if (!st || st.deleted) throw resourceMissing('account', id, param, status);
    return st;
  };

  const recomputeDisabledReason = (a: AccountJson) => {
    const r = a.requirements;
    if (r.disabled_reason && !r.disabled_reason.startsWith('requirements.')) return; // rejected.*, under_review, ... set by a test
    r.disabled_reason = r.past_due.length
      ? 'requirements.past_due'
      : r.pending_verification.length
        ? 'requirements.pending_verification'
        : null;
  };

  const resolveRequirements = (a: AccountJson, provided: string[]) => {
    for (const req of [a.requirements, a.future_requirements]) {
      for (const list of ['currently_due', 'eventually_due', 'past_due'] as const) {
        req[list] = req[list].filter((r) => !isSatisfiedBy(r, provided));
      }
      req.errors = req.errors.filter((e) => !isSatisfiedBy(e.requirement, provided));
    }
    recomputeDisabledReason(a);
  };

  const applyPersonLike = (target: Record<string, unknown>, params: { [key: string]: FormValue }) => {
    mergeParams(target, params, (k) => {
      if (k === 'tax_id' || k === 'vat_id' || k === 'id_number' || k === 'ssn_last_4' || k === 'id_number_secondary') {
        const v = params[k];
        target[`${k}_provided`] = typeof v === 'string' ? v !== '' : true;
        return null; // Stripe never echoes these back
      }
      return k;
    });
  };

  const applyAccountParams = (st: StripeAccountState, params: FormObject, creating: boolean): void => {
    const a = st.account;

    const email = str(params.email);
    if (email !== undefined) a.email = email === '' ? null : email;

    const businessType = oneOf(str(params.business_type), ['company', 'government_entity', 'individual', 'non_profit'] as const, 'business_type');
    if (businessType) a.business_type = businessType;

    const currency = str(params.default_currency);
    if (currency !== undefined) {
      if (!/^[a-zA-Z]{3}$/.test(currency)) throw invalid(`Invalid currency: ${currency}`, 'default_currency');
      a.default_currency = currency.toLowerCase();
    }

    const bp = obj(params.business_profile);
    if (bp) mergeParams(a.business_profile as Record<string, unknown>, bp);

    const company = obj(params.company);
    if (company) {
      a.company ??= {};
      applyPersonLike(a.company, company);
    }
    const individual = obj(params.individual);
    if (individual) {
      a.individual ??= { id: randomId('person_', 24), object: 'person', account: a.id, verification: { status: 'unverified' } };
      applyPersonLike(a.individual, individual);
    }

    const caps = obj(params.capabilities);
    if (caps) {
      for (const [name, spec] of Object.entries(caps)) {
        const requested = str(obj(spec)?.requested);
        if (requested === undefined) continue;
        if (requested !== 'true' && requested !== 'false') throw invalid(`Invalid boolean: ${requested}`, `capabilities[${name}][requested]`);
        if (requested === 'true') a.capabilities[name] ??= 'inactive';
        else delete a.capabilities[name];
      }
    }

    const tos = obj(params.tos_acceptance);
    if (tos) {
      const sa = oneOf(str(tos.service_agreement), ['full', 'recipient'] as const, 'tos_acceptance[service_agreement]');
      if (sa && sa !== a.tos_acceptance.service_agreement && !creating && a.tos_acceptance.date !== null) {
        throw invalid('You cannot change `tos_acceptance[service_agreement]` once the account has accepted the terms of service.', 'tos_acceptance[service_agreement]');
      }
      if (sa) a.tos_acceptance.service_agreement = sa;
      const date = str(tos.date);
      if (date !== undefined) {
        if (date !== '' && !/^\d+$/.test(date)) throw invalid(`Invalid integer: ${date}`, 'tos_acceptance[date]');
        a.tos_acceptance.date = date === '' ? null : Number(date);
      }
      const ip = str(tos.ip);
      if (ip !== undefined) a.tos_acceptance.ip = ip === '' ? null : ip;
      const ua = str(tos.user_agent);
      if (ua !== undefined) a.tos_acceptance.user_agent = ua === '' ? null : ua;
    }

    if (a.tos_acceptance.service_agreement === 'recipient' && a.capabilities.card_payments) {
      throw invalid('The `card_payments` capability cannot be requested for accounts under the `recipient` service agreement.', 'capabilities[card_payments]');
    }

    if (params.metadata !== undefined) {
      if (params.metadata === '') a.metadata = {};
      const md = obj(params.metadata);
      if (md) {
        for (const [k, v] of Object.entries(md)) {
          if (typeof v !== 'string') throw invalid('Invalid metadata: values must be strings', `metadata[${k}]`);
          if (v === '') delete a.metadata[k];
          else a.metadata[k] = v;
        }
        if (Object.keys(a.metadata).length > 50) throw invalid('Invalid metadata: at most 50 keys', 'metadata');
      }
    }

    const settings = obj(params.settings);
    if (settings) mergeParams(a.settings, settings);

    const ext = params.external_account;
    if (ext !== undefined && ext !== '') {
      const e = obj(ext);
      const accountNumber = str(e?.account_number) ?? '000123456789';
      const bank: BankAccountJson = {
        id: randomId('ba_', 24),
        object: 'bank_account',
        account: a.id,
        account_holder_name: str(e?.account_holder_name) ?? null,
        account_holder_type: str(e?.account_holder_type) ?? null,
        bank_name: 'STRIPE TEST BANK',
        country: (str(e?.country) ?? a.country).toUpperCase(),
        currency: (str(e?.currency) ?? a.default_currency).toLowerCase(),
        default_for_currency: true,
        fingerprint: randomId('', 16),
        last4: accountNumber.replace(/\s/g, '').slice(-4),
        metadata: {},
        routing_number: str(e?.routing_number) ?? null,
        status: 'new',
      };
      for (const other of a.external_accounts.data) if (other.currency === bank.currency) other.default_for_currency = false;
      a.external_accounts.data.push(bank);
      a.external_accounts.total_count = a.external_accounts.data.length;
    }

    mergeFormParams(st.params, params);
    resolveRequirements(a, leafPaths(params));
  };

  const createAccount = (ctx: Ctx): AccountJson => {
    const p = ctx.body;
    rejectUnknownParams(p, ACCOUNT_CREATE_PARAMS);
    const country = (str(p.country) ?? platformCountry).toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) {
      throw invalid(`Country '${country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`, 'country');
    }
    if (unsupported.has(country)) throw invalid(`Connected accounts cannot be created in ${country}: Stripe doesn't support accounts in this country.`, 'country');
    const serviceAgreement = str(obj(p.tos_acceptance)?.service_agreement);
    if (recipientOnly.has(country) && serviceAgreement !== 'recipient') {
      throw invalid(`Accounts in ${country} can only be created with \`tos_acceptance[service_agreement]=recipient\` (cross-border payouts).`, 'tos_acceptance[service_agreement]');
    }

    const type = oneOf(str(p.type), ['custom', 'express', 'standard'] as const, 'type');
    const ctl = obj(p.controller);
    if (type && ctl) throw invalid('You cannot specify both `type` and `controller`. Use `controller` properties only.', 'controller');
    const controller = controllerFor(type ?? 'standard');
    if (ctl) {
      const payer = oneOf(str(obj(ctl.fees)?.payer), ['account', 'application'] as const, 'controller[fees][payer]');
      const losses = oneOf(str(obj(ctl.losses)?.payments), ['application', 'stripe'] as const, 'controller[losses][payments]');
      const rc = oneOf(str(ctl.requirement_collection), ['application', 'stripe'] as const, 'controller[requirement_collection]');
      const dash = oneOf(str(obj(ctl.stripe_dashboard)?.type), ['express', 'full', 'none'] as const, 'controller[stripe_dashboard][type]');
      if (payer) controller.fees.payer = payer;
      if (losses) controller.losses.payments = losses;
      if (rc) controller.requirement_collection = rc;
      if (dash) controller.stripe_dashboard.type = dash;
      if (controller.requirement_collection === 'application' && (controller.losses.payments !== 'application' || controller.stripe_dashboard.type !== 'none')) {
        throw invalid(
          '`controller[requirement_collection]=application` requires `controller[losses][payments]=application` and `controller[stripe_dashboard][type]=none`.',
          'controller[requirement_collection]',
        );
      }
    }

    const businessType = str(p.business_type);
    const initial = INITIAL_REQUIREMENTS[businessType ?? 'unknown'] ?? INITIAL_REQUIREMENTS.unknown;
    const id = randomId('acct_', 16);
    const account: AccountJson = {
      id,
      object: 'account',
      business_profile: {
        mcc: null,
        name: null,
        product_description: null,
        support_address: null,
        support_email: null,
        support_phone: null,
        support_url: null,
        url: null,
      },
      business_type: null,
      capabilities: {},
      charges_enabled: false,
      controller,
      country,
      created: now(),
      default_currency: DEFAULT_CURRENCY[country] ?? 'usd',
      details_submitted: false,
      email: null,
      external_accounts: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/accounts/${id}/external_accounts` },
      future_requirements: emptyRequirements(),
      metadata: {},
      payouts_enabled: false,
      requirements: {
        ...emptyRequirements(),
        currently_due: [...initial],
        eventually_due: [...initial],
        past_due: [...initial],
      },
      settings: {
        dashboard: { display_name: null, timezone: 'Etc/UTC' },
        payouts: { debit_negative_balances: true, schedule: { delay_days: 7, interval: 'daily' }, statement_descriptor: null },
      },
      tos_acceptance: { date: null, ip: null, user_agent: null, service_agreement: 'full' },
      type: type ?? typeForController(controller),
    };
    if (businessType === 'company' || businessType === 'non_profit' || businessType === 'government_entity') {
      account.company = {
        address: { city: null, country, line1: null, line2: null, postal_code: null, state: null },
        directors_provided: false,
        executives_provided: false,
        name: null,
        owners_provided: false,
        phone: null,
        tax_id_provided: false,
        verification: { document: { back: null, details: null, details_code: null, front: null } },
      };
    }
    if (businessType === 'individual') {
      account.individual = { id: randomId('person_', 24), object: 'person', account: id, verification: { status: 'unverified' } };
    }
    const st: StripeAccountState = { account, deleted: false, params: {}, accountLinks: [] };
    applyAccountParams(st, p, true);
    accounts.set(id, st);
    return clone(account);
  };

  const recordEvent = (
    type: string,
    account: AccountJson,
    previous: Record<string, unknown> | undefined,
    request: { id: string | null; idempotency_key: string | null },
  ): StripeEventJson => {
    const event: StripeEventJson = {
      id: randomId('evt_', 24),
      object: 'event',
      account: account.id,
      api_version: STRIPE_DOUBLE_API_VERSION,
      created: tick(),
      data: previous ? { object: clone(account), previous_attributes: previous } : { object: clone(account) },
      livemode,
      pending_webhooks: 1,
      request,
      type,
    };
    events.push(event);
    return clone(event);
  };

  const updateAccountViaApi = (ctx: Ctx, id: string): AccountJson => {
    const st = getState(id, 'id');
    rejectUnknownParams(ctx.body, ACCOUNT_UPDATE_PARAMS);
    if (ctx.body.controller !== undefined) {
      throw invalid('The `controller` of an existing account cannot be changed by the test double.', 'controller');
    }
    const before = clone(st.account);
    const paramsBefore = clone(st.params);
    try {
      applyAccountParams(st, ctx.body, false);
    } catch (e) {
      st.account = before; // validation failure: no partial update
      st.params = paramsBefore;
      throw e;
    }
    const previous = diffPrevious(before, st.account);
    if (emitOnApiUpdates && Object.keys(previous).length) {
      recordEvent('account.updated', st.account, previous, { id: ctx.requestId, idempotency_key: ctx.idempotencyKey ?? null });
    }
    return clone(st.account);
  };

  // ---- lists -----------------------------------------------------------------------------

  const parseLimit = (q: FormObject): number => {
    const raw = str(q.limit);
    if (raw === undefined) return 10;
    if (!/^\d+$/.test(raw)) throw invalid(`Invalid integer: ${raw}`, 'limit');
    const n = Number(raw);
    if (n < 1 || n > 100) throw invalid('This value must be greater than or equal to 1 and less than or equal to 100.', 'limit');
    return n;
  };

  const createdFilter = (q: FormObject): ((created: number) => boolean) => {
    const c = q.created;
    if (c === undefined) return () => true;
    const num = (v: FormValue | undefined, param: string): number | undefined => {
      const s = str(v);
      if (s === undefined) return undefined;
      if (!/^\d+$/.test(s)) throw invalid(`Invalid integer: ${s}`, param);
      return Number(s);
    };
    if (typeof c === 'string') {
      const eq = num(c, 'created');
      return (t) => t === eq;
    }
    const o = obj(c) ?? {};
    for (const k of Object.keys(o)) if (!['gt', 'gte', 'lt', 'lte'].includes(k)) throw invalid(`Received unknown parameter: created[${k}]`, `created[${k}]`);
    const gt = num(o.gt, 'created[gt]');
    const gte = num(o.gte, 'created[gte]');
    const lt = num(o.lt, 'created[lt]');
    const lte = num(o.lte, 'created[lte]');
    return (t) => (gt === undefined || t > gt) && (gte === undefined || t >= gte) && (lt === undefined || t < lt) && (lte === undefined || t <= lte);
  };

  const paginate = <T extends { id: string }>(newestFirst: T[], q: FormObject, url: string, kind: string): ListJson<T> => {
    const limit = parseLimit(q);
    const startingAfter = str(q.starting_after);
    const endingBefore = str(q.ending_before);
    if (startingAfter && endingBefore) throw invalid('You may only specify one of these parameters: ending_before, starting_after.', 'ending_before');
    if (startingAfter) {
      const i = newestFirst.findIndex((x) => x.id === startingAfter);
      if (i === -1) throw resourceMissing(kind, startingAfter, 'starting_after', 400);
      const rest = newestFirst.slice(i + 1);
      return { object: 'list', data: rest.slice(0, limit), has_more: rest.length > limit, url };
    }
    if (endingBefore) {
      const i = newestFirst.findIndex((x) => x.id === endingBefore);
      if (i === -1) throw resourceMissing(kind, endingBefore, 'ending_before', 400);
      const before = newestFirst.slice(0, i);
      return { object: 'list', data: before.slice(Math.max(0, before.length - limit)), has_more: before.length > limit, url };
    }
    return { object: 'list', data: newestFirst.slice(0, limit), has_more: newestFirst.length > limit, url };
  };

  const typeMatcher = (pattern: string) => {
    if (!pattern.includes('*')) return (t: string) => t === pattern;
    const re = new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^]*') + '$');
    return (t: string) => re.test(t);
  };

  const listEvents = (ctx: Ctx): ListJson<StripeEventJson> => {
    const q = ctx.query;
    rejectUnknownParams(q, new Set(['created', 'delivery_success', 'ending_before', 'expand', 'limit', 'starting_after', 'type', 'types']));
    const type = str(q.type);
    const typesRaw = q.types;
    if (type !== undefined && typesRaw !== undefined) throw invalid('You cannot specify both `type` and `types`.', 'types');
    const types = typesRaw === undefined ? undefined : Array.isArray(typesRaw) ? typesRaw.map((t) => String(t)) : typeof typesRaw === 'string' ? [typesRaw] : undefined;
    if (typesRaw !== undefined && !types) throw invalid('Invalid array', 'types');
    if (types && types.length > 20) throw invalid('`types` may contain at most 20 entries.', 'types');
    const typeOk = type !== undefined ? typeMatcher(type) : types ? ((t: string) => types.some((p) => typeMatcher(p)(t))) : () => true;
    const createdOk = createdFilter(q);
    const scopeOk = (e: StripeEventJson) =>
      ctx.stripeAccount ? e.account === ctx.stripeAccount : !(options.connectEventsRequireStripeAccount && e.account);
    const filtered = [...events].reverse().filter((e) => typeOk(e.type) && createdOk(e.created) && scopeOk(e));
    return clone(paginate(filtered, q, '/v1/events', 'event'));
  };

  // ---- router ----------------------------------------------------------------------------

  const route = (ctx: Ctx): HandlerResult => {
    const { method, path } = ctx;
    let m: RegExpExecArray | null;

    if (path === '/v1/accounts') {
      if (method === 'POST') return { status: 200, body: createAccount(ctx) };
      if (method === 'GET') {
        rejectUnknownParams(ctx.query, new Set(['created', 'ending_before', 'expand', 'limit', 'starting_after']));
        const createdOk = createdFilter(ctx.query);
        const live = [...accounts.values()].filter((s) => !s.deleted).map((s) => s.account).reverse().filter((a) => createdOk(a.created));
        return { status: 200, body: clone(paginate(live, ctx.query, '/v1/accounts', 'account')) };
      }
    }
    if ((m = /^\/v1\/accounts\/([^/]+)$/.exec(path))) {
      const id = decodeURIComponent(m[1]);
      if (method === 'GET') return { status: 200, body: clone(getState(id, 'id').account) };
      if (method === 'POST') return { status: 200, body: updateAccountViaApi(ctx, id) };
      if (method === 'DELETE') {
        const st = getState(id, 'id');
        st.deleted = true;
        return { status: 200, body: { id, object: 'account', deleted: true } };
      }
    }
    if (path === '/v1/account_links' && method === 'POST') {
      const p = ctx.body;
      rejectUnknownParams(p, new Set(['account', 'collect', 'collection_options', 'expand', 'refresh_url', 'return_url', 'type']));
      const accountId = str(p.account);
      if (!accountId) throw invalid('Missing required param: account.', 'account');
      const type = str(p.type);
      if (!type) throw invalid('Missing required param: type.', 'type');
      oneOf(type, ['account_onboarding', 'account_update'] as const, 'type');
      for (const u of ['refresh_url', 'return_url'] as const) {
        const v = str(p[u]);
        if (v !== undefined && !/^https?:\/\/\S+$/.test(v)) throw invalid(`Not a valid URL`, u);
      }
      const co = obj(p.collection_options);
      if (co) {
        oneOf(str(co.fields), ['currently_due', 'eventually_due'] as const, 'collection_options[fields]');
        oneOf(str(co.future_requirements), ['include', 'omit'] as const, 'collection_options[future_requirements]');
      }
      const st = getState(accountId, 'account', 400);
      if (type === 'account_update' && st.account.controller.requirement_collection !== 'application') {
        throw invalid(
          'You cannot create `account_update` type Account Links for accounts where `controller[requirement_collection]` is `stripe`. Use `account_onboarding` instead.',
          'type',
        );
      }
      const created = now();
      const link: AccountLinkJson = {
        object: 'account_link',
        created,
        expires_at: created + 300,
        url: options.hostedOnboarding ? `http://127.0.0.1:${port}/hosted/onboarding/${accountId}/${randomId('link_', 16)}` : `https://connect.stripe.com/setup/e/${accountId}/${randomId('', 12)}`,
      };
      st.accountLinks.push({ ...link, type, refresh_url: str(p.refresh_url), return_url: str(p.return_url), collection_options: p.collection_options });
      return { status: 200, body: link };
    }
    if (path === '/v1/events' && method === 'GET') return { status: 200, body: listEvents(ctx) };
    if ((m = /^\/v1\/events\/([^/]+)$/.exec(path)) && method === 'GET') {
      const id = decodeURIComponent(m[1]);
      const e = events.find((x) => x.id === id);
      if (!e) throw resourceMissing('event', id, 'id');
      return { status: 200, body: clone(e) };
    }
    throw invalid(
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      undefined,
      undefined,
      404,
    );
  };

  // ---- HTTP plumbing -----------------------------------------------------------------------

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 1_000_000) {
          reject(new StripeHttpError(413, { type: 'invalid_request_error', message: 'Request body too large.' }));
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const checkAuth = (headers: Record<string, string>): StripeHttpError | undefined => {
    const auth = headers.authorization;
    if (!auth) {
      return new StripeHttpError(401, {
        type: 'invalid_request_error',
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      });
    }
    let key: string | undefined;
    const bearer = /^Bearer\s+(.+)$/i.exec(auth);
    const basic = /^Basic\s+(.+)$/i.exec(auth);
    if (bearer) key = bearer[1].trim();
    else if (basic) key = Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0];
    if (key !== secretKey) {
      const shown = key ? `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : '';
      return new StripeHttpError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${shown}` });
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const requestId = randomId('req_', 14);
    const record: RecordedRequest = { method, path, query: {}, headers, body: {}, rawBody: '', requestId };
    requests.push(record);

    const baseHeaders: Record<string, string> = {
      'content-type': 'application/json',
      'request-id': requestId,
      'stripe-version': headers['stripe-version'] ?? STRIPE_DOUBLE_API_VERSION,
      'cache-control': 'no-cache, no-store',
    };
    const idemHeader = headers['idempotency-key'];
    if (idemHeader !== undefined) record.idempotencyKey = idemHeader;
    if (idemHeader !== undefined && method === 'POST') baseHeaders['idempotency-key'] = idemHeader;
    if (headers['stripe-account']) baseHeaders['stripe-account'] = headers['stripe-account'];

    const delayMs = delayRules.filter((r) => matches(r, method, path)).reduce((acc, r) => Math.max(acc, r.ms), 0);
    let entry: IdempotencyEntry | undefined;
    let entryKey: string | undefined;
    let keepEntry = false;

    const send = async (status: number, payload: string, extra: Record<string, string> = {}) => {
      if (delayMs) await sleep(delayMs);
      record.status = status;
      if (!res.destroyed) {
        res.writeHead(status, { ...baseHeaders, ...extra, 'content-length': String(Buffer.byteLength(payload)) });
        res.end(payload);
      }
    };
    const sendError = (e: StripeHttpError, extra?: Record<string, string>) => send(e.status, JSON.stringify({ error: e.body }, null, 2) + '\n', extra);
    const drop = async () => {
      if (delayMs) await sleep(delayMs);
      record.status = 0;
      req.socket.destroy();
    };

    try {
      let raw = '';
      try {
        raw = await readBody(req);
      } catch (e) {
        if (e instanceof StripeHttpError) return await sendError(e);
        throw e;
      }
      record.rawBody = raw;
      record.query = parseStripeForm(url.search.slice(1));
      const contentType = headers['content-type'] ?? '';
      record.body = raw && !/json/i.test(contentType) ? parseStripeForm(raw) : {};

      const authError = checkAuth(headers);
      if (authError) return await sendError(authError);

      const version = headers['stripe-version'];
      if (version !== undefined && !/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(version)) {
        return await sendError(invalid(`Invalid Stripe API version: ${version}`, undefined, 'invalid_api_version'));
      }

      const ruleIdx = failRules.findIndex((r) => r.remaining > 0 && matches(r, method, path));
      const rule = ruleIdx === -1 ? undefined : failRules[ruleIdx];
      if (rule) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) failRules.splice(ruleIdx, 1);
      }
      const injectFailure = async (r: FailRule) => {
        if (r.status === 0) return drop();
        return sendError(new StripeHttpError(r.status, { ...defaultErrorForStatus(r.status), ...r.options.error } as StripeErrorBody), r.options.headers);
      };
      if (rule && !rule.options.afterExecute) return await injectFailure(rule);

      const ctx: Ctx = {
        method,
        path,
        query: record.query,
        body: record.body,
        headers,
        requestId,
        idempotencyKey: method === 'POST' ? idemHeader : undefined,
        stripeAccount: headers['stripe-account'] || undefined,
      };

      if (method === 'POST' && idemHeader !== undefined) {
        if (idemHeader.length > 255) {
          return await sendError(invalid('Idempotency-Key must be 255 characters or fewer.', undefined, 'idempotency_key_too_long'));
        }
        entryKey = `${ctx.stripeAccount ?? ''}|${idemHeader}`;
        const params = canonical(record.body);
        const existing = idempotency.get(entryKey);
        if (existing) {
          if (existing.path !== path || existing.method !== method) {
            return await sendError(
              new StripeHttpError(400, {
                type: 'idempotency_error',
                message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${existing.method} ${existing.path}' vs '${method} ${path}'). Try using a key other than '${idemHeader}' if you meant to execute a different request.`,
              }),
            );
          }
          if (existing.params !== params) {
            return await sendError(
              new StripeHttpError(400, {
                type: 'idempotency_error',
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemHeader}' if you meant to execute a different request.`,
              }),
            );
          }
          if (existing.inFlight || !existing.saved) {
            return await sendError(
              new StripeHttpError(409, {
                type: 'idempotency_error',
                code: 'idempotency_key_in_use',
                message: `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${idemHeader}. Please try again later.`,
              }),
            );
          }
          record.replayed = true;
          if (rule) return await injectFailure(rule);
          return await send(existing.saved.status, existing.saved.payload, {
            'idempotent-replayed': 'true',
            'original-request': existing.requestId,
          });
        }
        entry = { method, path, params, inFlight: true, requestId };
        idempotency.set(entryKey, entry);
      }

      let result: HandlerResult;
      try {
        result = route(ctx);
      } catch (e) {
        if (!(e instanceof StripeHttpError)) throw e;
        // Validation failures are not saved under the idempotency key (Stripe: "results are only
        // saved if an API endpoint started executing"), so the request can be fixed and retried.
        return await sendError(e);
      }
      const payload = JSON.stringify(result.body, null, 2) + '\n';
      if (entry) {
        entry.saved = { status: result.status, payload };
        keepEntry = true;
      }
      if (rule) return await injectFailure(rule);
      return await send(result.status, payload);
    } catch (e) {
      const err = new StripeHttpError(500, { type: 'api_error', message: `Stripe test double crashed: ${(e as Error).message}` });
      try {
        await sendError(err);
      } catch {
        /* socket gone */
      }
    } finally {
      if (entry && entryKey) {
        if (keepEntry) entry.inFlight = false;
        else if (idempotency.get(entryKey) === entry) idempotency.delete(entryKey);
      }
    }
  };

  /** The local stand-in for Stripe's hosted onboarding (option `hostedOnboarding`). */
  const hosted = async (req: IncomingMessage, res: ServerResponse, accountId: string, linkId: string): Promise<void> => {
    const st = accounts.get(accountId);
    const link = st?.accountLinks.find((l) => l.url.endsWith(`/${accountId}/${linkId}`));
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`<!doctype html><meta charset="utf-8"><title>Stripe double: onboarding</title><body style="font-family:sans-serif;max-width:40em;margin:3em auto">${body}</body>`);
    };
    if (!st || st.deleted || !link) return html(404, '<h1>Unknown onboarding link</h1>');
    if (link.expires_at < now() && link.refresh_url) {
      res.writeHead(303, { location: link.refresh_url });
      return void res.end();
    }
    if ((req.method ?? 'GET').toUpperCase() !== 'POST') {
      const due = allDue(st.account);
      return html(
        200,
        `<h1>Onboarding for ${accountId}</h1><p>Local Stripe double — no real data is sent anywhere.</p>` +
          `<p>Due: ${due.length ? due.map((d) => `<code>${d.replace(/[<>&]/g, '')}</code>`).join(', ') : 'nothing'}</p>` +
          `<form method="post"><button type="submit">Complete onboarding with test data</button></form>`,
      );
    }
    const event = double.updateAccount(accountId, accountPatches.verified(st.account));
    const forward = options.hostedOnboarding?.webhookUrl;
    if (forward && options.hostedOnboarding?.webhookSecret) {
      const { payload, header } = double.signWebhook(event, options.hostedOnboarding.webhookSecret);
      try {
        await fetch(forward, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
      } catch {
        // the app may be down: it reconciles from GET /v1/events later
      }
    }
    res.writeHead(303, { location: link.return_url ?? '/' });
    res.end();
  };

  const server: Server = createServer((req, res) => {
    const hostedPath = options.hostedOnboarding ? /^\/hosted\/onboarding\/(acct_[A-Za-z0-9]+)\/(link_[A-Za-z0-9]+)$/.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname) : null;
    if (hostedPath) {
      void hosted(req, res, hostedPath[1], hostedPath[2]);
      return;
    }
    void handle(req, res);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const double: StripeDouble = {
    url: `http://127.0.0.1:${port}`,
    port,
    secretKey,
    requests,
    accounts,
    events,
    updateAccount(id, patch) {
      const st = accounts.get(id);
      if (!st || st.deleted) throw new Error(`StripeDouble.updateAccount: no such account ${id}`);
      const before = clone(st.account);
      const { id: _ignoredId, object: _ignoredObject, ...rest } = patch as Record<string, unknown>;
      deepMergeInto(st.account as unknown as Record<string, unknown>, rest);
      return recordEvent('account.updated', st.account, diffPrevious(before, st.account), { id: null, idempotency_key: null });
    },
    failNext(pathPrefix, status, count = 1, opts = {}) {
      failRules.push({ ...parsePrefix(pathPrefix), status, remaining: count, options: opts });
    },
    stopFailing(pathPrefix) {
      const p = parsePrefix(pathPrefix);
      failRules = failRules.filter((r) => !(r.prefix === p.prefix && r.method === p.method));
    },
    delay(pathPrefix, ms) {
      const p = parsePrefix(pathPrefix);
      delayRules = delayRules.filter((r) => !(r.prefix === p.prefix && r.method === p.method));
      if (ms > 0) delayRules.push({ ...p, ms });
    },
    now,
    signWebhook(event, secret, timestamp) {
      const payload = JSON.stringify(event, null, 2);
      return { payload, header: signStripePayload(payload, secret, timestamp) };
    },
    reset() {
      requests.length = 0;
      events.length = 0;
      accounts.clear();
      idempotency.clear();
      failRules = [];
      delayRules = [];
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
    },
  };
  return double;
}

/** `Stripe-Signature` header value for a raw payload: `t=<ts>,v1=<hex hmac-sha256("<ts>.<payload>")>`. */
export function signStripePayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const sig = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${sig}`;
}

// ---------------------------------------------------------------------------------------------
// Ready-made patches for `updateAccount` (what Stripe does after the seller acts)
// ---------------------------------------------------------------------------------------------

const allDue = (a: AccountJson) => [...new Set([...a.requirements.currently_due, ...a.requirements.eventually_due, ...a.requirements.past_due])];

export const accountPatches = {
  /** Seller finished hosted onboarding; Stripe is verifying what was submitted. */
  submitted(a: AccountJson, pending: string[] = allDue(a).filter((f) => f !== 'external_account' && !f.startsWith('tos_acceptance.'))): DeepPartial<AccountJson> {
    return {
      details_submitted: true,
      tos_acceptance: { date: a.tos_acceptance.date ?? Math.floor(Date.now() / 1000), ip: a.tos_acceptance.ip ?? '203.0.113.7' },
      capabilities: Object.fromEntries(Object.keys(a.capabilities).map((c) => [c, 'pending' as const])),
      requirements: {
        currently_due: [],
        eventually_due: [],
        past_due: [],
        pending_verification: pending,
        errors: [],
        disabled_reason: pending.length ? 'requirements.pending_verification' : null,
      },
    };
  },
  /** Verification succeeded: all requested capabilities active, payouts enabled. */
  verified(a: AccountJson): DeepPartial<AccountJson> {
    const caps = Object.fromEntries(Object.keys(a.capabilities).map((c) => [c, 'active' as const]));
    return {
      details_submitted: true,
      charges_enabled: 'card_payments' in a.capabilities,
      payouts_enabled: true,
      capabilities: caps,
      tos_acceptance: { date: a.tos_acceptance.date ?? Math.floor(Date.now() / 1000), ip: a.tos_acceptance.ip ?? '203.0.113.7' },
      requirements: {
        currently_due: [],
        eventually_due: [],
        past_due: [],
        pending_verification: [],
        errors: [],
        alternatives: [],
        current_deadline: null,
        disabled_reason: null,
      },
    };
  },
  /** Stripe needs more information; `pastDue` fields disable payouts now. */
  restricted(a: AccountJson, fields: string[], opts: { pastDue?: boolean; deadline?: number | null } = {}): DeepPartial<AccountJson> {
    const pastDue = opts.pastDue ?? true;
    return {
      charges_enabled: false,
      payouts_enabled: !pastDue && a.payouts_enabled,
      capabilities: pastDue ? Object.fromEntries(Object.keys(a.capabilities).map((c) => [c, 'inactive' as const])) : undefined,
      requirements: {
        currently_due: fields,
        eventually_due: [...new Set([...a.requirements.eventually_due, ...fields])],
        past_due: pastDue ? fields : [],
        current_deadline: pastDue ? null : (opts.deadline ?? Math.floor(Date.now() / 1000) + 14 * 86400),
        disabled_reason: pastDue ? 'requirements.past_due' : null,
      },
    };
  },
  /** A verification failed; the field must be provided again. */
  verificationFailed(a: AccountJson, requirement: string, code = 'verification_document_name_mismatch', reason = 'The name on the document does not match the name on the account.'): DeepPartial<AccountJson> {
    return {
      payouts_enabled: false,
      capabilities: Object.fromEntries(Object.keys(a.capabilities).map((c) => [c, 'inactive' as const])),
      requirements: {
        currently_due: [...new Set([...a.requirements.currently_due, requirement])],
        eventually_due: [...new Set([...a.requirements.eventually_due, requirement])],
        past_due: [...new Set([...a.requirements.past_due, requirement])],
        pending_verification: a.requirements.pending_verification.filter((f) => f !== requirement),
        errors: [...a.requirements.errors, { code, reason, requirement }],
        disabled_reason: 'requirements.past_due',
      },
    };
  },
  /** Stripe rejected the account (`rejected.fraud`, `rejected.listed`, `rejected.terms_of_service`, ...). */
  rejected(a: AccountJson, reason = 'rejected.other'): DeepPartial<AccountJson> {
    return {
      charges_enabled: false,
      payouts_enabled: false,
      capabilities: Object.fromEntries(Object.keys(a.capabilities).map((c) => [c, 'inactive' as const])),
      requirements: { disabled_reason: reason, currently_due: [], past_due: [], eventually_due: [], pending_verification: [] },
    };
  },
  /** Upcoming regulatory requirements (never disable the account by themselves). */
  futureRequirements(_a: AccountJson, fields: string[], deadline = Math.floor(Date.now() / 1000) + 30 * 86400): DeepPartial<AccountJson> {
    return { future_requirements: { currently_due: fields, eventually_due: fields, current_deadline: deadline } };
  },
};
