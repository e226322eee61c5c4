import 'reflect-metadata';
import { createApi, handleShutdown, loadConfigOrExit, openDatabase } from '@app/platform';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const db = await openDatabase(config);
  const app = await createApi(config, db.url);
  handleShutdown(() => app.close(), db, config.shutdownTimeoutMs);
  await app.listen(config.port, config.host);
  process.stderr.write(
    `local-to-global API on http://${config.host}:${config.port} (docs: /docs) — database: ${db.embedded ? 'embedded' : 'DATABASE_URL'}, worker: ${config.worker.enabled ? 'in-process' : 'off'}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
