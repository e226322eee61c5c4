import 'reflect-metadata';
import { createContext, handleShutdown, loadConfigOrExit, openDatabase } from '@app/platform';

/** Background jobs only (no HTTP): run beside API processes started with WORKER_ENABLED=false. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const db = await openDatabase(config);
  const app = await createContext(config, db.url, 'worker');
  handleShutdown(() => app.close(), db, config.shutdownTimeoutMs);
  await app.init();
  process.stderr.write(`local-to-global worker running — database: ${db.embedded ? 'embedded' : 'DATABASE_URL'}\n`);
}

main().catch((e) => {
  process.stderr.write(`worker failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
