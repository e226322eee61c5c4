import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { PgBoss } from 'pg-boss';
import type { Client } from 'pg';
import request from 'supertest';
import { CATALOG_IMPORT_JOB, CATALOG_IMPORT_SWEEP_JOB, ImportProcessor, ImportSweeper } from '@app/catalog';
import { JobQueue } from '@app/jobs';
import { signup, startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/eventually';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const sorted = (ids: string[]) => [...ids].sort();

/**
 * An import whose pg-boss job will never run again — its last attempt expired, it was cancelled or deleted — ends
 * FAILED (INTERNAL) through the sweeper, with the counts of its committed batches; an import whose job waits or runs,
 * or that still shows progress, is left alone. Real PostgreSQL, real pg-boss: the job states are made by pg-boss itself
 * (a second pg-boss client stands in for a worker that fetched the job and then died).
 */
describe('catalog import sweeper (e2e)', () => {
  let t: TestApp;
  let token: string;
  let boss: PgBoss;

  beforeAll(async () => {
    // no worker: the test decides what happens to each job; JOB_RETRY_DELAY_SECONDS: retries are due at once
    t = await startTestApp({ WORKER_ENABLED: 'false', JOB_RETRY_DELAY_SECONDS: '0' });
    token = (await signup(t.http, { country: 'TR', locale: 'tr' })).token!;
    boss = new PgBoss({ connectionString: t.db.url, schema: 'pgboss', supervise: false, schedule: false, monitorIntervalSeconds: 1, max: 2 });
    boss.on('error', () => undefined);
    await boss.start();
  }, 60000);

  afterAll(async () => {
    await boss?.stop({ graceful: false, close: true }).catch(() => undefined);
    await t?.close();
  });

  let skus = 0;
  /** An import of one new product (its own SKU). */
  const upload = async () => {
    const res = await request(t.http).post('/v1/sellers/me/products/imports').set(bearer(token)).attach('file', Buffer.from(`sku,title,category,price\nA-${++skus},Bir,toys,10\n`), 'x.csv');
    expect(res.status).toBe(202);
    return res.body.id as string;
  };
  const read = async (id: string, lang = 'en') => (await request(t.http).get(`/v1/sellers/me/products/imports/${id}`).set(bearer(token)).set('Accept-Language', lang)).body;
  const job = async (importId: string) =>
    (await t.sql.query('SELECT id, state, retry_count, retry_limit FROM pgboss.job WHERE name = $1 AND singleton_key = $2', [CATALOG_IMPORT_JOB, importId])).rows[0] as
      | { id: string; state: string; retry_count: number; retry_limit: number }
      | undefined;
  const hasFile = async (importId: string) => (await t.sql.query('SELECT count(*)::int AS n FROM catalog_import_files WHERE import_id = $1', [importId])).rows[0].n === 1;
  /** A worker took it and committed two batches (their counts, one error line and the heartbeat), just now. */
  const running = async (importId: string) => {
    await t.sql.query(
      `UPDATE catalog_imports SET status = 'RUNNING', started_at = now(), heartbeat_at = now(),
              rows_read = 2000, created = 1990, updated = 0, unchanged = 0, failed = 10, rows_done = 2000 WHERE id = $1`,
      [importId],
    );
    await t.sql.query(`INSERT INTO catalog_import_errors (import_id, seq, "row", "column", sku, code, message_key, params) VALUES ($1, 1, 7, 'price', 'Z-7', 'REQUIRED', 'catalog.import.row.REQUIRED', '{}')`, [importId]);
  };
  /** Nothing has happened to the import for an hour (no batch committed since, or never started). */
  const silent = (importId: string) =>
    t.sql.query(
      `UPDATE catalog_imports SET created_at = created_at - interval '1 hour', started_at = started_at - interval '1 hour', heartbeat_at = heartbeat_at - interval '1 hour' WHERE id = $1`,
      [importId],
    );
  /** pg-boss hands the job to a worker (the only job ready in the queue: the test drives one import at a time). */
  const fetchJob = async (importId: string) => {
    const [fetched] = await boss.fetch<{ importId: string }>(CATALOG_IMPORT_JOB);
    expect(fetched?.data.importId).toBe(importId);
    return fetched;
  };
  /** Every attempt is fetched by a worker that then dies: pg-boss expires it (its monitor, on demand here), and after the last one fails the job without calling our handler. */
  const expireEveryAttempt = async (importId: string) => {
    const { id } = (await job(importId))!;
    await boss.update(CATALOG_IMPORT_JOB, undefined, { id, expireInSeconds: 1 });
    for (let attempt = 0; attempt < 10 && (await job(importId))!.state !== 'failed'; attempt++) {
      await fetchJob(importId);
      await eventually(
        async () => {
          await new Promise((r) => setTimeout(r, 1000));
          await boss.supervise(CATALOG_IMPORT_JOB);
          return (await job(importId))!.state;
        },
        (state) => state !== 'active',
      );
    }
    const failed = (await job(importId))!;
    expect(failed).toMatchObject({ state: 'failed' });
    expect(failed.retry_count).toBe(failed.retry_limit);
  };

  let healthyWaiting: string;

  it('ends an import whose job expired on its last attempt, was cancelled or is gone; leaves alive ones alone', async () => {
    const sweeper = t.app.get(ImportSweeper);

    // the last attempt expired while its worker was gone: the import stays RUNNING with two batches committed
    const expired = await upload();
    await running(expired);
    await expireEveryAttempt(expired);

    // an operator cancelled the job of a waiting import
    const cancelled = await upload();
    await boss.cancel(CATALOG_IMPORT_JOB, (await job(cancelled))!.id);
    expect(await job(cancelled)).toMatchObject({ state: 'cancelled' });
    await silent(cancelled);

    // the job row is gone (pg-boss's retention deleted it)
    const gone = await upload();
    await running(gone);
    await boss.deleteJob(CATALOG_IMPORT_JOB, (await job(gone))!.id);
    expect(await job(gone)).toBeUndefined();
    await silent(gone);

    // alive: a worker holds its job (active), even though no batch committed for an hour
    const active = await upload();
    await running(active);
    await fetchJob(active);
    expect(await job(active)).toMatchObject({ state: 'active' });
    await silent(active);

    // alive: its job waits for a worker (created), however long
    healthyWaiting = await upload();
    await silent(healthyWaiting);

    // a batch of another attempt is committing right now: the row is locked, the sweeper passes over it
    const batch = t.sql as Client;
    await batch.query('BEGIN');
    await batch.query('SELECT id FROM catalog_imports WHERE id = $1 FOR UPDATE', [gone]);
    let first: string[];
    try {
      first = await sweeper.sweep();
    } finally {
      await batch.query('COMMIT');
    }
    // `expired` showed progress a moment ago (its handler may still run after pg-boss expired it): not yet
    expect(first).toEqual([cancelled]);
    expect(await read(expired)).toMatchObject({ status: 'RUNNING' });
    expect(await read(gone)).toMatchObject({ status: 'RUNNING' });

    await silent(expired);
    expect(sorted(await sweeper.sweep())).toEqual(sorted([expired, gone]));

    for (const id of [expired, gone]) {
      const view = await read(id);
      expect(view).toMatchObject({ status: 'FAILED', failure: { code: 'INTERNAL', message: 'The import stopped because of an error on our side; the rows before it were imported.' } });
      // the committed batches stay: counts and the error file's lines
      expect(view.counts).toEqual({ read: 2000, created: 1990, updated: 0, unchanged: 0, failed: 10 });
      expect(view.finishedAt).toEqual(expect.any(String));
      expect(await hasFile(id)).toBe(false);
      const errors = await request(t.http).get(`/v1/sellers/me/products/imports/${id}/errors.csv`).set(bearer(token));
      expect(errors.text).toContain('Z-7');
      expect(errors.text).toContain('INTERNAL');
    }
    expect(await read(cancelled)).toMatchObject({ status: 'FAILED', failure: { code: 'INTERNAL' }, counts: { read: 0 } });
    expect((await read(cancelled, 'tr')).failure.message).toBe('İçe aktarma bizim tarafımızdaki bir hata nedeniyle durdu; önceki satırlar içe aktarıldı.');
    expect(await hasFile(cancelled)).toBe(false);

    // the alive ones are as they were
    expect(await read(active)).toMatchObject({ status: 'RUNNING', failure: null, finishedAt: null });
    expect(await read(healthyWaiting)).toMatchObject({ status: 'WAITING', failure: null });
    expect(await hasFile(active)).toBe(true);
    expect(await hasFile(healthyWaiting)).toBe(true);
    expect(await job(active)).toMatchObject({ state: 'active' });
    expect(await job(healthyWaiting)).toMatchObject({ state: 'created' });

    // idempotent: nothing left to end, nothing changes
    const before = await read(expired);
    expect(await sweeper.sweep()).toEqual([]);
    expect(await read(expired)).toEqual(before);
  }, 60000);

  it('a handler that outlived its job and was swept does not turn the FAILED import COMPLETE', async () => {
    const processor = t.app.get(ImportProcessor);
    const sweeper = t.app.get(ImportSweeper);
    const id = await upload();
    // pg-boss has given up on the job (expired, then deleted), but its handler still runs: its rows are read and
    // committed, then it goes silent long enough for the sweeper to end the import before it writes its outcome
    await boss.deleteJob(CATALOG_IMPORT_JOB, (await job(id))!.id);
    const readFile = processor.process.bind(processor);
    const swept: string[][] = [];
    const spy = jest.spyOn(processor, 'process').mockImplementation(async (entity, content) => {
      const outcome = await readFile(entity, content);
      await silent(id);
      swept.push(await sweeper.sweep());
      return outcome;
    });
    try {
      await processor.handle({ importId: id });
    } finally {
      spy.mockRestore();
    }
    expect(swept).toEqual([[id]]);
    // FAILED is final; the batch it committed is counted
    expect(await read(id)).toMatchObject({ status: 'FAILED', failure: { code: 'INTERNAL' }, counts: { read: 1, created: 1 } });
  });

  it('runs in the worker on a cron schedule; the worker’s batches keep the heartbeat', async () => {
    // an import whose job is gone, silent for an hour
    const orphan = await upload();
    await boss.deleteJob(CATALOG_IMPORT_JOB, (await job(orphan))!.id);
    await silent(orphan);

    const worker = await startTestApp({ WORKER_ENABLED: 'true', JOB_RETRY_DELAY_SECONDS: '0' }, t.db);
    try {
      const schedules = await t.sql.query('SELECT name, cron FROM pgboss.schedule WHERE name = $1', [CATALOG_IMPORT_SWEEP_JOB]);
      expect(schedules.rows).toEqual([{ name: CATALOG_IMPORT_SWEEP_JOB, cron: '*/5 * * * *' }]);
      // what the cron sends every five minutes, sent now
      const sweepJob = await worker.app.get(JobQueue).send(CATALOG_IMPORT_SWEEP_JOB, {});
      const state = await eventually(
        async () => (await t.sql.query('SELECT state FROM pgboss.job WHERE id = $1', [sweepJob])).rows[0]?.state as string | undefined,
        (s) => s === 'completed' || s === 'failed',
        30000,
      );
      expect(state).toBe('completed');
      expect(await read(orphan)).toMatchObject({ status: 'FAILED', failure: { code: 'INTERNAL' } });

      // the waiting import (its job was there all along) is run by the worker; each committed batch touched the heartbeat
      const done = await eventually(() => read(healthyWaiting), (b) => b.status === 'COMPLETE', 30000);
      expect(done).toMatchObject({ status: 'COMPLETE', counts: { read: 1, created: 1 } });
      const row = (await t.sql.query('SELECT started_at, heartbeat_at, finished_at FROM catalog_imports WHERE id = $1', [healthyWaiting])).rows[0];
      expect(row.heartbeat_at).toEqual(expect.any(Date));
      expect(row.heartbeat_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime() - 1000);
      expect(row.heartbeat_at.getTime()).toBeLessThanOrEqual(row.finished_at.getTime() + 1000);
    } finally {
      await worker.close();
    }
  }, 90000);

  it('a worker that took the import and died is noticed by the job’s heartbeat (seconds), not its expiry (an hour): the job is retried', async () => {
    const importId = await upload();
    const sent = (await job(importId))!;
    expect((await t.sql.query('SELECT heartbeat_seconds, expire_seconds FROM pgboss.job WHERE id = $1', [sent.id])).rows[0]).toEqual({ heartbeat_seconds: 60, expire_seconds: 3600 });
    // pg-boss's shortest heartbeat, so the test need not wait a minute; the worker takes the job and is never heard from again
    await boss.update(CATALOG_IMPORT_JOB, undefined, { id: sent.id, heartbeatSeconds: 10 });
    await fetchJob(importId);
    expect((await job(importId))!.state).toBe('active');
    const retried = await eventually(
      async () => {
        await new Promise((r) => setTimeout(r, 1000));
        await boss.supervise(CATALOG_IMPORT_JOB);
        return (await job(importId))!;
      },
      (j) => j.state !== 'active',
      40000,
    );
    // failed by the heartbeat and due again (JOB_RETRY_DELAY_SECONDS=0): another worker takes it and resumes the import
    expect(retried).toMatchObject({ state: 'retry' });
    expect((await fetchJob(importId))!.id).toBe(retried.id);
    await boss.cancel(CATALOG_IMPORT_JOB, retried.id);
  }, 60000);
});
