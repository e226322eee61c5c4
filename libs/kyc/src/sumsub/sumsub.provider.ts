import { Logger } from '@nestjs/common';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { KycReasonCode } from '../codes';
import { VendorSignatureError, VendorUnavailableError } from '../verification.port';
import type { IdentityVerificationProvider, VendorOutcome, VendorWebhook } from '../verification.port';

export interface SumsubConfig {
  apiUrl: string;
  appToken: string;
  secretKey: string;
  webhookSecret: string;
  levelName: string;
}

/** Lifetime of a hosted WebSDK link; a fresh one is minted whenever the seller asks for it. */
const LINK_TTL_SECONDS = 1800;
const TIMEOUT_MS = 10_000;

const DIGEST_ALGORITHMS: Record<string, string> = { HMAC_SHA256_HEX: 'sha256', HMAC_SHA512_HEX: 'sha512', HMAC_SHA1_HEX: 'sha1' };

const Applicant = z.object({ id: z.string().min(1).max(100) }).passthrough();
const WebSdkLink = z.object({ url: z.string().url() }).passthrough();

/** Sumsub's webhook body, as far as we read it (everything else passes through untouched). */
const Webhook = z
  .object({
    type: z.string().min(1).max(100),
    applicantId: z.string().min(1).max(100),
    externalUserId: z.string().max(200).nullish(),
    createdAt: z.string().max(64).nullish(),
    createdAtMs: z.string().max(64).nullish(),
    reviewResult: z
      .object({
        reviewAnswer: z.enum(['GREEN', 'RED']),
        reviewRejectType: z.enum(['RETRY', 'FINAL']).nullish(),
        rejectLabels: z.array(z.string().max(100)).max(100).nullish(),
        // moderationComment may be shown to the applicant, clientComment never: neither is stored or
        // forwarded; the seller is told one of our reason codes, derived from rejectLabels
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();

/**
 * Sumsub rejectLabels → the reason codes we show (localised) to the seller, most telling first.
 * Sanctions / PEP / adverse-media labels map to the neutral SANCTIONS_HIT text and fraud labels to
 * OTHER, so nothing tips a seller off. Unknown labels fall back on the reject type's default.
 */
const LABEL_REASONS: [KycReasonCode, readonly string[]][] = [
  ['SANCTIONS_HIT', ['SANCTIONS', 'PEP', 'ADVERSE_MEDIA', 'CRIMINAL', 'COMPROMISED_PERSONS', 'BLACKLIST']],
  ['OTHER', ['FORGERY', 'FRAUDULENT_PATTERNS', 'FRAUDULENT_LIVENESS', 'GRAPHIC_EDITOR', 'DOCUMENT_TEMPLATE', 'DUPLICATE', 'SPAM', 'EXTERNAL_DECISION_REJECTION']],
  ['NOT_ELIGIBLE', ['AGE_REQUIREMENT_MISMATCH', 'WRONG_USER_REGION', 'FOREIGNER', 'REGULATIONS_VIOLATIONS', 'EXPERIENCE_REQUIREMENT_MISMATCH']],
  ['DOCUMENT_EXPIRED', ['EXPIRATION_DATE']],
  ['NAME_MISMATCH', ['REQUESTED_DATA_MISMATCH', 'INCONSISTENT_PROFILE']],
  ['WRONG_DOCUMENT', ['NOT_DOCUMENT', 'ID_INVALID', 'INCOMPATIBLE_LANGUAGE', 'DOCUMENT_DEPRIVED']],
  ['IDENTITY_CHECK_FAILED', ['SELFIE_MISMATCH', 'BAD_SELFIE', 'BAD_VIDEO_SELFIE', 'BAD_FACE_MATCHING', 'SELFIE_WITH_PAPER', 'BAD_AVATAR', 'BAD_PROOF_OF_IDENTITY']],
  ['DOCUMENT_UNREADABLE', ['LOW_QUALITY', 'UNSATISFACTORY_PHOTOS', 'SCREENSHOTS', 'BLACK_AND_WHITE', 'DOCUMENT_DAMAGED', 'FRONT_SIDE_MISSING', 'BACK_SIDE_MISSING', 'DOCUMENT_PAGE_MISSING', 'INCOMPLETE_DOCUMENT']],
  ['INFORMATION_INCOMPLETE', ['ADDITIONAL_DOCUMENT_REQUIRED', 'UNFILLED_ID', 'NOT_ALL_CHECKS_COMPLETED', 'PROBLEMATIC_APPLICANT_DATA', 'BAD_PROOF_OF_ADDRESS', 'WRONG_ADDRESS']],
];

export function reasonFromLabels(labels: readonly string[], rejectType: 'RETRY' | 'FINAL'): KycReasonCode {
  for (const [code, known] of LABEL_REASONS) if (labels.some((l) => known.includes(l))) return code;
  return rejectType === 'RETRY' ? 'IDENTITY_CHECK_FAILED' : 'OTHER';
}

/**
 * Sumsub's timestamps: `createdAtMs` "2024-05-02 10:11:12.345" (UTC, no zone), `createdAt`
 * "2024-05-02 10:11:12+0000"; ISO 8601 is accepted too.
 */
export function parseSumsubTime(raw: string): Date | null {
  let s = raw.trim().replace(' ', 'T');
  s = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(s)) s += 'Z';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Signs a Sumsub API request: hex HMAC-SHA256(secret, ts + METHOD + path-with-query + body). */
export function signSumsubRequest(secretKey: string, ts: number, method: string, pathWithQuery: string, body: Buffer | string = ''): string {
  return createHmac('sha256', secretKey).update(`${ts}${method.toUpperCase()}${pathWithQuery}`).update(body).digest('hex');
}

/**
 * Sumsub adapter: app-token–signed REST calls (`X-App-Token`, `X-App-Access-Ts`,
 * `X-App-Access-Sig`), an applicant per case keyed by `externalUserId` = the case id, a hosted
 * WebSDK link, and `X-Payload-Digest`-signed webhooks. Logs carry case and applicant ids only:
 * never names, documents, links or comments.
 */
export class SumsubProvider implements IdentityVerificationProvider {
  readonly name = 'sumsub';
  private readonly logger = new Logger('Sumsub');

  constructor(
    private readonly config: SumsubConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(input: { caseId: string }): Promise<{ applicantId: string; hostedUrl: string }> {
    const level = this.config.levelName;
    const created = await this.call('POST', `/resources/applicants?levelName=${encodeURIComponent(level)}`, { externalUserId: input.caseId });
    let applicant: z.infer<typeof Applicant>;
    if (created.status === 409) {
      // the applicant already exists (a retry after a lost answer, or a second tab): find it again
      const found = await this.call('GET', `/resources/applicants/-;externalUserId=${encodeURIComponent(input.caseId)}/one`);
      applicant = this.parse(found, Applicant, 'applicant_lookup');
    } else {
      applicant = this.parse(created, Applicant, 'applicant_create');
    }
    const link = await this.call(
      'POST',
      `/resources/sdkIntegrations/levels/${encodeURIComponent(level)}/websdkLink?ttlInSecs=${LINK_TTL_SECONDS}&externalUserId=${encodeURIComponent(input.caseId)}`,
    );
    return { applicantId: applicant.id, hostedUrl: this.parse(link, WebSdkLink, 'websdk_link').url };
  }

  parseWebhook(rawBody: Buffer, headers: Record<string, string | undefined>): VendorWebhook {
    this.verify(rawBody, headers);
    let body: z.infer<typeof Webhook>;
    try {
      body = Webhook.parse(JSON.parse(rawBody.toString('utf8')));
    } catch {
      // signed by Sumsub but not a shape we know: acknowledged, so it is not retried for a day
      this.logger.warn('a signed Sumsub webhook did not match the expected shape; ignored');
      return { kind: 'ignored', type: 'unparseable' };
    }
    const review = body.reviewResult;
    if (body.type !== 'applicantReviewed' || !review) return { kind: 'ignored', type: body.type };
    const stamp = body.createdAtMs ?? body.createdAt;
    const decidedAt = stamp ? parseSumsubTime(stamp) : null;
    if (!decidedAt || !body.externalUserId) {
      this.logger.warn({ applicantId: body.applicantId }, 'a Sumsub review without externalUserId or a readable timestamp; ignored');
      return { kind: 'ignored', type: body.type };
    }
    const rejectType = review.reviewRejectType ?? 'FINAL';
    const outcome: VendorOutcome = review.reviewAnswer === 'GREEN' ? 'approved' : rejectType === 'RETRY' ? 'retry' : 'rejected';
    const resultId = createHash('sha256').update([body.applicantId, body.type, stamp, review.reviewAnswer, review.reviewRejectType ?? ''].join('|')).digest('hex');
    return {
      kind: 'result',
      result: {
        provider: this.name,
        applicantId: body.externalUserId,
        vendorApplicantId: body.applicantId,
        resultId,
        outcome,
        decidedAt,
        ...(outcome === 'approved' ? {} : { reasonCode: reasonFromLabels(review.rejectLabels ?? [], rejectType) }),
      },
    };
  }

  /** `X-Payload-Digest` = hex HMAC of the raw bytes with the webhook secret; compared in constant time. */
  private verify(rawBody: Buffer, headers: Record<string, string | undefined>) {
    if (!this.config.webhookSecret) throw new VendorSignatureError('not_configured');
    const digest = headers['x-payload-digest']?.trim().toLowerCase();
    if (!digest) throw new VendorSignatureError('missing');
    const algorithm = DIGEST_ALGORITHMS[headers['x-payload-digest-alg']?.trim() || 'HMAC_SHA256_HEX'];
    if (!algorithm) throw new VendorSignatureError('unsupported_algorithm');
    if (!/^[0-9a-f]+$/.test(digest)) throw new VendorSignatureError('malformed');
    const expected = createHmac(algorithm, this.config.webhookSecret).update(rawBody).digest();
    const given = Buffer.from(digest, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new VendorSignatureError('mismatch');
  }

  private async call(method: 'GET' | 'POST', pathWithQuery: string, json?: unknown): Promise<{ status: number; body: unknown }> {
    const payload = json === undefined ? '' : JSON.stringify(json);
    const ts = Math.floor(this.now().getTime() / 1000);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-App-Token': this.config.appToken,
      'X-App-Access-Ts': String(ts),
      'X-App-Access-Sig': signSumsubRequest(this.config.secretKey, ts, method, pathWithQuery, payload),
    };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.config.apiUrl}${pathWithQuery}`, { method, headers, body: json === undefined ? undefined : payload, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (e) {
      throw new VendorUnavailableError(this.name, e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'network');
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: res.status, body };
  }

  private parse<T>(res: { status: number; body: unknown }, schema: z.ZodType<T>, step: string): T {
    if (res.status < 200 || res.status >= 300) {
      this.logger.warn({ step, status: res.status }, 'Sumsub refused a request');
      throw new VendorUnavailableError(this.name, `${step}_http_${res.status}`);
    }
    const parsed = schema.safeParse(res.body);
    if (!parsed.success) throw new VendorUnavailableError(this.name, `${step}_malformed`);
    return parsed.data;
  }
}
