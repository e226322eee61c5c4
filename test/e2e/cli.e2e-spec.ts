import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { runCli } from '../../apps/cli/src/commands';
import { createTestDatabase, sql, TestDatabase } from '../support/database';
import { login, startTestApp } from '../support/app';

describe('CLI (e2e)', () => {
  let db: TestDatabase;
  const saved = { ...process.env };
  const output: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.url;
    process.env.LOG_LEVEL = 'silent';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    process.env = saved;
    await db.drop();
  });

  const run = (...args: string[]) => {
    const positionals = args.filter((a) => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.startsWith('--'));
    const values: Record<string, string> = {};
    args.forEach((a, i) => a.startsWith('--') && (values[a.slice(2)] = args[i + 1]));
    return runCli({ values, positionals });
  };

  it('applies migrations, then finds no schema drift', async () => {
    expect(await run('migrate')).toBe(0);
    const c = await sql(db.url);
    expect((await c.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBeGreaterThan(0);
    await c.end();
    expect(await run('db-check')).toBe(0);
    expect(output.join('')).toContain('entities and migrations agree');
  });

  it('creates an ops user idempotently, who can then sign in', async () => {
    expect(await run('create-ops-user', '--email', 'cli.admin@ops.example.com', '--role', 'ops_admin', '--password', 'Cli-Admin-Passphrase-5')).toBe(0);
    expect(await run('create-ops-user', '--email', 'CLI.Admin@ops.example.com', '--role', 'ops_admin', '--password', 'Cli-Admin-Passphrase-5')).toBe(0);
    expect(output.join('')).toMatch(/created ops_admin cli\.admin@ops\.example\.com[\s\S]*exists: ops_admin/);
    const c = await sql(db.url);
    expect((await c.query("SELECT count(*)::int AS n FROM accounts WHERE role = 'ops_admin'")).rows[0].n).toBe(1);
    await c.end();
    const t = await startTestApp({}, db);
    try {
      expect(await login(t.http, 'cli.admin@ops.example.com', 'Cli-Admin-Passphrase-5')).toMatch(/^ltg_at_/);
    } finally {
      await t.close();
    }
  });

  it('refuses a bad role, a short password and an unknown command with exit code 2', async () => {
    expect(await run('create-ops-user', '--email', 'x@ops.example.com', '--role', 'seller', '--password', 'Long-Enough-Passphrase')).toBe(2);
    expect(await run('create-ops-user', '--email', 'x@ops.example.com', '--role', 'ops_reviewer', '--password', 'short')).toBe(2);
    expect(await run('frobnicate')).toBe(2);
  });
});
