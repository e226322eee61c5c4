// Set-up the benchmarks share: a throw-away database beside the admin connection, and undo steps run on exit or Ctrl-C.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Creates `ltg_bench_<random>` beside `adminUrl`. `cleanups` is a stack of undo steps (the database's DROP first, so
 * it runs last); `cleanup()` runs them all, newest first, reporting failures without stopping; Ctrl-C runs them too.
 */
export async function scratchDatabase(adminUrl) {
  const name = `ltg_bench_${randomBytes(5).toString('hex')}`;
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const cleanups = [
    async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  ];
  const cleanup = async () => {
    while (cleanups.length) await Promise.resolve().then(cleanups.pop()).catch((e) => process.stderr.write(`cleanup: ${e?.message ?? e}\n`));
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  return { name, url, cleanups, cleanup };
}

/**
 * The built API booted in this process on `url` (no worker, logs discarded), listening on a free port, with `call`:
 * a JSON request (or a multipart `form`) that throws on any non-2xx answer. `env` adds or overrides configuration.
 * Closing it is pushed onto `cleanups`.
 */
export async function bootApp(platform, url, cleanups, env = {}) {
  const config = platform.loadConfigOrExit({ NODE_ENV: 'test', DATABASE_URL: url, DATABASE_POOL_SIZE: '20', WORKER_ENABLED: 'false', LOG_LEVEL: 'warn', ...env });
  const api = await platform.createApi(config, url, { write: () => undefined });
  await api.listen(0, '127.0.0.1');
  cleanups.push(() => api.close());
  const port = api.getHttpServer().address().port;
  const call = async (method, path, body, token, form) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { ...(form ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: form ?? (body && JSON.stringify(body)),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  return { api, port, call };
}
