import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Client } from 'pg';
import request from 'supertest';
import { loadConfig } from '@app/kernel';
import { createApi } from '@app/platform';
import { createTestDatabase, sql, TestDatabase } from './database';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  db: TestDatabase;
  sql: Client;
  /** Every log line the app wrote, as raw JSON text. */
  logs: string[];
  /**
   * Every response a seller (or anyone but ops and webhook senders) could read: method, path,
   * status and body text, in order. Tests scan it for what must never reach a seller.
   */
  sellerResponses: SellerResponse[];
  close(): Promise<void>;
}

/**
 * Boots the real API exactly as main.ts does (createApi → AppModule + configureApp) on a fresh
 * database with the real migrations. `env` overrides configuration variables. Unless `env` names a
 * DOCUMENT_STORAGE_DIR, the app stores documents and images in a folder of its own under the system's
 * temporary folder, removed by `close()` (never in `.data/documents`, where `npm start` keeps its own).
 */
export async function startTestApp(env: Record<string, string> = {}, existingDb?: TestDatabase): Promise<TestApp> {
  const db = existingDb ?? (await createTestDatabase());
  const ownStorage = env.DOCUMENT_STORAGE_DIR ? undefined : mkdtempSync(join(tmpdir(), 'ltg-test-documents-'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    WORKER_ENABLED: 'false',
    LOG_LEVEL: 'info',
    DATABASE_POOL_SIZE: '4',
    ...(ownStorage ? { DOCUMENT_STORAGE_DIR: ownStorage } : {}),
    ...env,
  });
  const app = await createApi(config, db.url, sink);
  await app.init();
  const client = await sql(db.url);
  const sellerResponses: SellerResponse[] = [];
  recordSellerResponses(app.getHttpServer(), sellerResponses);
  return {
    app,
    http: app.getHttpServer(),
    db,
    sql: client,
    logs,
    sellerResponses,
    close: async () => {
      await client.end();
      await app.close();
      if (!existingDb) await db.drop();
      if (ownStorage) rmSync(ownStorage, { recursive: true, force: true });
    },
  };
}

/**
 * What most e2e specs boot with: the worker on, failed jobs retried at once, and `admin` bootstrapped as the first ops
 * admin. `env` adds to it or overrides it.
 */
export function workerWithOpsAdmin(admin: { email: string; password: string }, env: Record<string, string> = {}): Record<string, string> {
  return { WORKER_ENABLED: 'true', JOB_RETRY_DELAY_SECONDS: '0', BOOTSTRAP_OPS_ADMIN_EMAIL: admin.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: admin.password, ...env };
}

export interface SellerResponse {
  method: string;
  path: string;
  status: number;
  body: string;
}

/** Not seller-facing: ops routes, vendor webhooks, API docs. */
const NOT_SELLER_FACING = /^\/(v1\/ops\/|v1\/webhooks\/|docs)/;

/** Records the bodies of seller-facing responses as they leave the server (Express and fast routes alike). */
function recordSellerResponses(server: ReturnType<INestApplication['getHttpServer']>, into: SellerResponse[]) {
  server.prependListener('request', (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    if (NOT_SELLER_FACING.test(path)) return;
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      into.push({ method: req.method ?? '', path, status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') });
      return end(chunk, ...rest);
    }) as typeof res.end;
  });
}

let counter = 0;
export const uniqueEmail = (prefix = 'seller') => `${prefix}.${process.pid}.${Date.now()}.${counter++}@example.com`;

export async function signup(http: TestApp['http'], body: Partial<{ email: string; password: string; country: string; locale: string }> = {}) {
  const payload = { email: uniqueEmail(), password: 'a-long-enough-passphrase', country: 'IT', ...body };
  const res = await request(http).post('/v1/auth/signup').send(payload);
  return { res, payload, token: res.body?.session?.accessToken as string | undefined };
}

export async function login(http: TestApp['http'], email: string, password: string): Promise<string> {
  const res = await request(http).post('/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}
