import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { CATALOG_IMPORT_JOB, ImportProcessor } from '@app/catalog';
import { signup, startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/eventually';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** An import whose job used up its pg-boss retries ends FAILED (INTERNAL), never stays WAITING or RUNNING. */
describe('catalog import whose job ran out of retries (e2e)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    // JOB_RETRY_DELAY_SECONDS where the job is sent: a job carries its retry policy from the process that sends it
    t = await startTestApp({ WORKER_ENABLED: 'false', JOB_RETRY_DELAY_SECONDS: '0' });
    token = (await signup(t.http, { country: 'TR', locale: 'tr' })).token!;
  }, 60000);

  afterAll(async () => {
    await t?.close();
  });

  const upload = async () => {
    const res = await request(t.http).post('/v1/sellers/me/products/imports').set(bearer(token)).attach('file', Buffer.from('sku,title,category,price\nA-1,Bir,toys,10\n'), 'x.csv');
    expect(res.status).toBe(202);
    return res.body.id as string;
  };
  const read = async (id: string, lang = 'en') => (await request(t.http).get(`/v1/sellers/me/products/imports/${id}`).set(bearer(token)).set('Accept-Language', lang)).body;

  it('marks a waiting or running import FAILED with the stable code INTERNAL, in the seller’s language', async () => {
    const processor = t.app.get(ImportProcessor);
    const waiting = await upload();
    expect(await read(waiting)).toMatchObject({ status: 'WAITING' });
    await processor.exhausted({ importId: waiting });
    expect(await read(waiting)).toMatchObject({ status: 'FAILED', failure: { code: 'INTERNAL', message: 'The import stopped because of an error on our side; the rows before it were imported.' } });
    expect((await read(waiting, 'tr')).failure.message).toBe('İçe aktarma bizim tarafımızdaki bir hata nedeniyle durdu; önceki satırlar içe aktarıldı.');
    expect((await t.sql.query('SELECT count(*)::int AS n FROM catalog_import_files WHERE import_id = $1', [waiting])).rows[0].n).toBe(0);

    const running = await upload();
    await t.sql.query("UPDATE catalog_imports SET status = 'RUNNING', started_at = now() WHERE id = $1", [running]);
    await processor.exhausted({ importId: running });
    expect(await read(running)).toMatchObject({ status: 'FAILED', failure: { code: 'INTERNAL' } });
  });

  it('leaves a finished import as it is', async () => {
    const processor = t.app.get(ImportProcessor);
    const id = await upload();
    await processor.handle({ importId: id });
    const done = await read(id);
    expect(done).toMatchObject({ status: 'COMPLETE', failure: null, counts: { read: 1, created: 1 } });
    await processor.exhausted({ importId: id });
    expect(await read(id)).toEqual(done);
  });

  it('is what the worker does once the import job has failed on every attempt', async () => {
    const id = await upload();
    // a job that throws on every attempt: the stored import names an encoding nobody can decode
    await t.sql.query("UPDATE catalog_imports SET encoding = 'no-such-encoding' WHERE id = $1", [id]);
    const worker = await startTestApp({ WORKER_ENABLED: 'true', JOB_RETRY_DELAY_SECONDS: '0' }, t.db);
    try {
      const failed = await eventually(() => read(id), (b) => b.status === 'FAILED', 60000);
      expect(failed).toMatchObject({ status: 'FAILED', failure: { code: 'INTERNAL' } });
      // it was pg-boss's last attempt that ended it: the first and all the queue's retries threw
      const job = await eventually(
        async () => (await t.sql.query("SELECT state, retry_count AS tries, retry_limit AS limit FROM pgboss.job WHERE name = $1 AND data->>'importId' = $2", [CATALOG_IMPORT_JOB, id])).rows[0],
        (j) => j?.state === 'failed',
      );
      // (the job carries the import handler's declared retryLimit, though the API sent it before any worker configured the queue)
      expect(job.state).toBe('failed');
      expect(job.limit).toBe(3);
      expect(job.tries).toBe(job.limit);
    } finally {
      await worker.close();
    }
  }, 90000);
});
