import type { INestApplication } from '@nestjs/common';
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
  close(): Promise<void>;
}

/**
 * Boots the real API exactly as main.ts does (createApi → AppModule + configureApp) on a fresh
 * database with the real migrations. `env` overrides configuration variables.
 */
export async function startTestApp(env: Record<string, string> = {}, existingDb?: TestDatabase): Promise<TestApp> {
  const db = existingDb ?? (await createTestDatabase());
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
    ...env,
  });
  const app = await createApi(config, db.url, sink);
  await app.init();
  const client = await sql(db.url);
  return {
    app,
    http: app.getHttpServer(),
    db,
    sql: client,
    logs,
    close: async () => {
      await client.end();
      await app.close();
      if (!existingDb) await db.drop();
    },
  };
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
