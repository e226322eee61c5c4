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
