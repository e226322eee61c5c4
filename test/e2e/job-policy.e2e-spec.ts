import { describe, expect, it } from '@jest/globals';
import { PgBoss } from 'pg-boss';
import request from 'supertest';
import { PURGE_AUTH_STATE_JOB } from '@app/accounts';
import { CATALOG_IMPORT_JOB } from '@app/catalog';
import { JobQueue } from '@app/jobs';
import { signup, startTestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import type { TestApp } from '../support/app';

const policyOf = async (t: TestApp, table: 'job' | 'queue', where: string, param: string) =>
  (await t.sql.query(`SELECT retry_limit, retry_delay, retry_backoff, expire_seconds, heartbeat_seconds FROM pgboss.${table} WHERE ${where} = $1`, [param])).rows[0];

/**
 * pg-boss copies a queue's policy into each job when it is inserted. A job sent before any worker configured its
 * queue must still carry its handler's declared retries and expiry, not pg-boss's defaults (2 retries, 900 s).
 */
describe('job retry and expiry policy come from the handler’s declaration, whatever starts first (e2e)', () => {
  it('the API, on a database no worker has ever run on, sends an import job with the import handler’s policy', async () => {
    const api = await startTestApp({ WORKER_ENABLED: 'false' });
    try {
      const token = (await signup(api.http, { country: 'TR', locale: 'tr' })).token!;
      const res = await request(api.http).post('/v1/sellers/me/products/imports').set({ Authorization: `Bearer ${token}` }).attach('file', Buffer.from('sku,title,category,price\nA-1,Bir,toys,10\n'), 'x.csv');
      expect(res.status).toBe(202);
      // @JobHandler({ name: CATALOG_IMPORT_JOB, retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 3600, heartbeatSeconds: 60 })
      const declared = { retry_limit: 3, retry_delay: 10, retry_backoff: true, expire_seconds: 3600, heartbeat_seconds: 60 };
      expect(await policyOf(api, 'job', 'singleton_key', res.body.id)).toEqual(declared);
      // the queue it created carries the policy too (jobs published to it through pub/sub get it from there)
      expect(await policyOf(api, 'queue', 'name', CATALOG_IMPORT_JOB)).toEqual(declared);
    } finally {
      await api.close();
    }
  }, 60000);

  it('a queue that already exists with pg-boss’s defaults changes nothing a process sends; a worker then configures it', async () => {
    const db = await createTestDatabase();
    // an older release (or another tool) created the queue with pg-boss's defaults
    const old = new PgBoss({ connectionString: db.url, schema: 'pgboss', supervise: false, schedule: false, max: 1 });
    old.on('error', () => undefined);
    await old.start();
    await old.createQueue(PURGE_AUTH_STATE_JOB);
    await old.stop({ graceful: false, close: true });

    const api = await startTestApp({ WORKER_ENABLED: 'false' }, db);
    try {
      const defaults = { retry_limit: 2, retry_delay: 0, retry_backoff: false, expire_seconds: 900, heartbeat_seconds: null };
      expect(await policyOf(api, 'queue', 'name', PURGE_AUTH_STATE_JOB)).toEqual(defaults);
      // @JobHandler({ name: PURGE_AUTH_STATE_JOB, retryLimit: 3 }): the library's defaults for the rest (5 s with backoff, 900 s)
      const declared = { retry_limit: 3, retry_delay: 5, retry_backoff: true, expire_seconds: 900, heartbeat_seconds: null };
      const sent = await api.app.get(JobQueue).send(PURGE_AUTH_STATE_JOB, {});
      expect(await policyOf(api, 'job', 'id', sent!)).toEqual(declared);

      // JOB_RETRY_DELAY_SECONDS replaces the delay (and the backoff) of what a process sends
      const fast = await startTestApp({ WORKER_ENABLED: 'false', JOB_RETRY_DELAY_SECONDS: '0' }, db);
      try {
        const sentFast = await fast.app.get(JobQueue).send(PURGE_AUTH_STATE_JOB, {});
        expect(await policyOf(fast, 'job', 'id', sentFast!)).toEqual({ ...declared, retry_delay: 0, retry_backoff: false });
      } finally {
        await fast.close();
      }

      const worker = await startTestApp({ WORKER_ENABLED: 'true' }, db);
      try {
        expect(await policyOf(worker, 'queue', 'name', PURGE_AUTH_STATE_JOB)).toEqual(declared);
      } finally {
        await worker.close();
      }
    } finally {
      await api.close();
      await db.drop();
    }
  }, 90000);
});
