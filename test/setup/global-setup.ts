import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/persistence/src/embedded-postgres';

/**
 * Provides one PostgreSQL server for the whole test run. `DATABASE_URL` (any database on the server
 * the tests may use to create and drop their own databases) wins; without it, an embedded real
 * PostgreSQL is started under `.data/pg-test`. Each spec file then creates its own database
 * (see test/support/database.ts), so files can run in parallel.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const db = await startEmbeddedPostgres({
    dataDir: resolve(process.cwd(), '.data/pg-test'),
    port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54331),
    database: 'postgres',
  });
  process.env.TEST_DATABASE_ADMIN_URL = db.adminUrl;
  (globalThis as { __EMBEDDED_PG__?: typeof db }).__EMBEDDED_PG__ = db;
}
