import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres, UnitOfWork } from '@app/persistence';
import { startTestApp } from '../support/app';
import { createTestDatabase } from '../support/database';

describe('database', () => {
  it('has no pending schema diff: the migrations build exactly what the entities describe', async () => {
    const t = await startTestApp();
    try {
      const sql = await t.app.get(DataSource).driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
      const applied = await t.sql.query('SELECT name FROM schema_migrations');
      expect(applied.rowCount).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it('gives a reader that cannot write: PostgreSQL refuses a write on its sessions (25006), and a transaction still writes', async () => {
    const t = await startTestApp();
    try {
      const uow = t.app.get(UnitOfWork);
      await expect(uow.reader.query('CREATE TEMP TABLE reader_probe (x int)')).rejects.toMatchObject({ driverError: { code: '25006' } });
      await expect(uow.reader.query(`UPDATE schema_migrations SET name = name WHERE false`)).rejects.toMatchObject({ driverError: { code: '25006' } });
      await expect(uow.reader.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
      await expect(uow.run((tx) => tx.query('CREATE TEMP TABLE writer_probe (x int)'))).resolves.toBeDefined();
      await expect(uow.statement('SELECT 2 AS two')).resolves.toEqual([{ two: 2 }]);
    } finally {
      await t.close();
    }
  });

  it('runs migrations once when several processes start together on an empty database', async () => {
    const db = await createTestDatabase();
    try {
      const apps = await Promise.all([startTestApp({}, db), startTestApp({}, db), startTestApp({}, db)]);
      const { rows } = await apps[0].sql.query('SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.n).toBe(1);
      for (const app of apps) await app.close();
    } finally {
      await db.drop();
    }
  });

  describe('embedded PostgreSQL', () => {
    const parent = mkdtempSync(join(tmpdir(), 'ltg-embedded-'));
    const dataDir = join(parent, 'pg');
    const port = 54390 + (process.pid % 50);
    afterAll(() => rmSync(parent, { recursive: true, force: true }));

    const query = async (url: string, text: string) => {
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        return await c.query(text);
      } finally {
        await c.end();
      }
    };

    it('initialises, keeps data across a restart, and recovers from a server orphaned by a killed process', async () => {
      const first = await startEmbeddedPostgres({ dataDir, port, database: 'app' });
      expect(first.owned).toBe(true);
      await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES (\'survives\')');
      await first.stop();

      const second = await startEmbeddedPostgres({ dataDir, port, database: 'app' });
      expect((await query(second.url, 'SELECT v FROM kept')).rows).toEqual([{ v: 'survives' }]);

      // Simulate `kill -9` of the owning process: the postmaster keeps running and the owner file
      // names a process that no longer exists.
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
      writeFileSync(`${dataDir}.owner`, `${dead.stdout.toString()}\n`);
      const stalePid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

      const third = await startEmbeddedPostgres({ dataDir, port, database: 'app' });
      expect(third.owned).toBe(true);
      const newPid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(newPid).not.toBe(stalePid);
      expect((await query(third.url, 'SELECT v FROM kept')).rows).toEqual([{ v: 'survives' }]);
      await third.stop();
      expect(existsSync(`${dataDir}.owner`)).toBe(false);
      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    });
  });
});
