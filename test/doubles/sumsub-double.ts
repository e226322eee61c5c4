/**
 * Local Sumsub API test double: a real HTTP server on 127.0.0.1 that checks every request's
 * app-token signature exactly as Sumsub does (`X-App-Token`, `X-App-Access-Ts` within a minute,
 * `X-App-Access-Sig` = hex HMAC-SHA256(secret, ts + METHOD + path-with-query + body)), creates
 * applicants keyed by `externalUserId` (409 on a second create), finds them again
 * (`/resources/applicants/-;externalUserId=…/one`), answers `websdkLink`, and signs webhook bodies
 * (`X-Payload-Digest`, `X-Payload-Digest-Alg`). Test-only: nothing here ships.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SumsubDoubleOptions {
  appToken?: string;
  secretKey?: string;
  webhookSecret?: string;
  levelName?: string;
}

export interface SumsubApplicant {
  id: string;
  externalUserId: string;
  levelName: string;
  createdAt: string;
}

export interface SumsubDoubleRequest {
  method: string;
  path: string;
  status: number;
}

export interface ReviewInput {
  answer: 'GREEN' | 'RED';
  rejectType?: 'RETRY' | 'FINAL';
  labels?: string[];
  moderationComment?: string;
  clientComment?: string;
  /** Defaults to now. */
  at?: Date;
}

export interface SumsubDouble {
  url: string;
  env: Record<string, string>;
  applicants: Map<string, SumsubApplicant>;
  requests: SumsubDoubleRequest[];
  /** Answer the next N API requests with this status (e.g. 503). */
  failNext(status: number, count?: number): void;
  /** A webhook body and headers as Sumsub sends them, signed with the webhook secret (or `secret`). */
  webhook(payload: Record<string, unknown>, opts?: { alg?: 'HMAC_SHA256_HEX' | 'HMAC_SHA512_HEX' | 'HMAC_SHA1_HEX'; secret?: string }): { body: Buffer; headers: Record<string, string> };
  /** An `applicantReviewed` payload for the applicant of a case. */
  reviewed(caseId: string, review: ReviewInput): Record<string, unknown>;
  close(): Promise<void>;
}

const ALGS = { HMAC_SHA256_HEX: 'sha256', HMAC_SHA512_HEX: 'sha512', HMAC_SHA1_HEX: 'sha1' } as const;

/** Sumsub's `createdAtMs`: "2024-05-02 10:11:12.345" (UTC). */
export const sumsubTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export async function startSumsubDouble(opts: SumsubDoubleOptions = {}): Promise<SumsubDouble> {
  const appToken = opts.appToken ?? `sbx:${randomBytes(12).toString('hex')}`;
  const secretKey = opts.secretKey ?? randomBytes(16).toString('hex');
  const webhookSecret = opts.webhookSecret ?? randomBytes(16).toString('hex');
  const levelName = opts.levelName ?? 'basic-kyc-level';
  const applicants = new Map<string, SumsubApplicant>();
  const requests: SumsubDoubleRequest[] = [];
  let failures: { status: number; count: number } | null = null;
  const sockets = new Set<Socket>();

  const send = (res: ServerResponse, req: IncomingMessage, status: number, body: unknown) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', status });
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, req: IncomingMessage, status: number, description: string) =>
    send(res, req, status, { description, code: status, correlationId: randomBytes(8).toString('hex') });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const pathWithQuery = req.url ?? '/';
      if (failures && failures.count > 0) {
        failures.count -= 1;
        return error(res, req, failures.status, 'injected failure');
      }
      // authentication, as Sumsub checks it
      const ts = Number(req.headers['x-app-access-ts']);
      const sig = String(req.headers['x-app-access-sig'] ?? '');
      if (req.headers['x-app-token'] !== appToken) return error(res, req, 401, 'Invalid app token');
      if (!Number.isInteger(ts) || Math.abs(Date.now() / 1000 - ts) > 60) return error(res, req, 401, 'Request timestamp is out of range');
      const expected = createHmac('sha256', secretKey).update(`${ts}${method.toUpperCase()}${pathWithQuery}`).update(raw).digest('hex');
      if (sig !== expected) return error(res, req, 401, 'Request signature mismatch');

      const url = new URL(pathWithQuery, 'http://127.0.0.1');
      if (method === 'POST' && url.pathname === '/resources/applicants') {
        if (url.searchParams.get('levelName') !== levelName) return error(res, req, 404, 'Level not found');
        let body: { externalUserId?: unknown };
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return error(res, req, 400, 'Invalid JSON');
        }
        if (typeof body.externalUserId !== 'string' || !body.externalUserId) return error(res, req, 400, 'externalUserId is required');
        const existing = applicants.get(body.externalUserId);
        if (existing) return error(res, req, 409, `Applicant with external user id '${body.externalUserId}' already exists: ${existing.id}`);
        const applicant = { id: randomBytes(12).toString('hex'), externalUserId: body.externalUserId, levelName, createdAt: sumsubTime(new Date()).slice(0, 19) };
        applicants.set(applicant.externalUserId, applicant);
        return send(res, req, 200, { ...applicant, review: { reviewStatus: 'init' }, type: 'individual' });
      }
      const one = /^\/resources\/applicants\/-;externalUserId=([^/]+)\/one$/.exec(url.pathname);
      if (method === 'GET' && one) {
        const applicant = applicants.get(decodeURIComponent(one[1]));
        return applicant ? send(res, req, 200, { ...applicant, review: { reviewStatus: 'init' } }) : error(res, req, 404, 'Applicant not found');
      }
      const link = /^\/resources\/sdkIntegrations\/levels\/([^/]+)\/websdkLink$/.exec(url.pathname);
      if (method === 'POST' && link) {
        if (decodeURIComponent(link[1]) !== levelName) return error(res, req, 404, 'Level not found');
        const ttl = Number(url.searchParams.get('ttlInSecs'));
        if (!url.searchParams.get('externalUserId') || !(ttl > 0)) return error(res, req, 400, 'externalUserId and ttlInSecs are required');
        return send(res, req, 200, { url: `https://in.sumsub.com/websdk/p/sbx_${randomBytes(12).toString('hex')}` });
      }
      return error(res, req, 404, 'Not found');
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    env: { KYC_PROVIDER: 'sumsub', SUMSUB_API_URL: url, SUMSUB_APP_TOKEN: appToken, SUMSUB_SECRET_KEY: secretKey, SUMSUB_WEBHOOK_SECRET: webhookSecret, SUMSUB_LEVEL_NAME: levelName },
    applicants,
    requests,
    failNext(status, count = 1) {
      failures = { status, count };
    },
    webhook(payload, o = {}) {
      const alg = o.alg ?? 'HMAC_SHA256_HEX';
      // pretty-printed, as a reminder that only the raw bytes are signed
      const body = Buffer.from(JSON.stringify(payload, null, 2), 'utf8');
      const digest = createHmac(ALGS[alg], o.secret ?? webhookSecret).update(body).digest('hex');
      return { body, headers: { 'Content-Type': 'application/json', 'X-Payload-Digest': digest, 'X-Payload-Digest-Alg': alg } };
    },
    reviewed(caseId, review) {
      const applicant = applicants.get(caseId);
      const at = review.at ?? new Date();
      return {
        applicantId: applicant?.id ?? randomBytes(12).toString('hex'),
        inspectionId: randomBytes(12).toString('hex'),
        correlationId: randomBytes(16).toString('hex'),
        levelName,
        externalUserId: caseId,
        type: 'applicantReviewed',
        sandboxMode: true,
        reviewStatus: 'completed',
        createdAt: `${sumsubTime(at).slice(0, 19)}+0000`,
        createdAtMs: sumsubTime(at),
        clientId: 'local-to-global',
        reviewResult: {
          reviewAnswer: review.answer,
          ...(review.answer === 'RED' ? { reviewRejectType: review.rejectType ?? 'FINAL', rejectLabels: review.labels ?? [] } : {}),
          ...(review.moderationComment ? { moderationComment: review.moderationComment } : {}),
          ...(review.clientComment ? { clientComment: review.clientComment } : {}),
        },
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
