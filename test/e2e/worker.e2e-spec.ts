import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PURGE_AUTH_STATE_JOB } from '@app/accounts';
import { defineEvent, JobQueue, Outbox, OutboxRelayJob } from '@app/jobs';
import { UnitOfWork } from '@app/persistence';
import { signup, startTestApp, TestApp } from '../support/app';

async function eventually<T>(probe: () => Promise<T>, accept: (v: T) => boolean, timeoutMs = 15000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('in-process worker on pg-boss (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true' });
  });
  afterAll(async () => t?.close());

  it('creates its queues and cron schedule in PostgreSQL', async () => {
    const queues = await t.sql.query('SELECT name FROM pgboss.queue WHERE name = $1', [PURGE_AUTH_STATE_JOB]);
    expect(queues.rowCount).toBe(1);
    const schedules = await t.sql.query('SELECT name, cron FROM pgboss.schedule WHERE name = $1', [PURGE_AUTH_STATE_JOB]);
    expect(schedules.rows).toEqual([{ name: PURGE_AUTH_STATE_JOB, cron: '17 * * * *' }]);
  });

  it('processes a job: expired tokens are purged, live ones kept', async () => {
    const { res } = await signup(t.http);
    const accountId = res.body.seller.accountId as string;
    const expiredId = randomUUID();
    await t.sql.query(
      `INSERT INTO access_tokens (id, account_id, token_hash, expires_at) VALUES ($1, $2, $3, now() - interval '3 days')`,
      [expiredId, accountId, 'e'.repeat(64)],
    );
    const jobId = await t.app.get(JobQueue).send(PURGE_AUTH_STATE_JOB, {});
    expect(jobId).toEqual(expect.any(String));

    const state = await eventually(
      async () => (await t.sql.query('SELECT state FROM pgboss.job WHERE id = $1', [jobId])).rows[0]?.state as string | undefined,
      (s) => s === 'completed' || s === 'failed',
    );
    expect(state).toBe('completed');
    const left = await t.sql.query('SELECT id FROM access_tokens WHERE account_id = $1 ORDER BY created_at', [accountId]);
    expect(left.rows.map((r) => r.id)).not.toContain(expiredId);
    expect(left.rowCount).toBe(1); // the sign-up session survives
  });
});

describe('outbox relay (e2e)', () => {
  let t: TestApp;

  // no worker anywhere on this database: the test runs the relay itself
  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false' });
  });
  afterAll(async () => t?.close());

  it('delivers outbox events in the order they were written, even when they share a timestamp', async () => {
    const types = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'].map((n) => `test.${n}`);
    const outbox = t.app.get(Outbox);
    await t.app.get(UnitOfWork).run(async (tx) => {
      for (const type of types) await outbox.add(tx, defineEvent<object>()(type, 'test'), 'order', {});
    });
    // one transaction, one millisecond: the time alone cannot order them
    await t.sql.query(`UPDATE outbox_events SET occurred_at = '2026-01-01T00:00:00Z' WHERE type LIKE 'test.%'`);
    const jobs = t.app.get(JobQueue);
    const published: string[] = [];
    const spy = jest.spyOn(jobs, 'publishInTx').mockImplementation(async (_tx: unknown, type: string) => {
      published.push(type);
    });
    try {
      await t.app.get(OutboxRelayJob).handle();
    } finally {
      spy.mockRestore();
    }
    expect(published).toEqual(types);
    const pending = (await t.sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE delivered_at IS NULL`)).rows[0].n;
    expect(pending).toBe(0);
  });

  it('writes many events of one type in one go (addMany) in the order given, each delivered once with its payload', async () => {
    const Counted = defineEvent<{ n: number; note?: string }>()('test.counted', 'test');
    const items = Array.from({ length: 2500 }, (_, n) => ({ aggregateId: `agg-${n % 7}`, payload: { n, ...(n % 2 ? { note: `ç'"\\${n}` } : {}) } }));
    await t.app.get(UnitOfWork).run((tx) => t.app.get(Outbox).addMany(tx, Counted, items));
    const rows = (await t.sql.query(`SELECT type, aggregate_type, aggregate_id, payload FROM outbox_events WHERE type = 'test.counted' ORDER BY seq`)).rows;
    expect(rows).toEqual(items.map((i) => ({ type: 'test.counted', aggregate_type: 'test', aggregate_id: i.aggregateId, payload: i.payload })));
    const jobs = t.app.get(JobQueue);
    const published: number[] = [];
    const spy = jest.spyOn(jobs, 'publishInTx').mockImplementation(async (_tx: unknown, _type: string, event: object) => {
      published.push((event as { payload: { n: number } }).payload.n);
    });
    try {
      await t.app.get(OutboxRelayJob).handle();
    } finally {
      spy.mockRestore();
    }
    expect(published).toEqual(items.map((i) => i.payload.n));
    // nothing written for an empty list
    await t.app.get(UnitOfWork).run((tx) => t.app.get(Outbox).addMany(tx, Counted, []));
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM outbox_events WHERE delivered_at IS NULL`)).rows[0].n).toBe(0);
  });
});
