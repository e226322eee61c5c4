import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { Client } from 'pg';
import type { ClientConfig } from 'pg';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SafeTypeOrmLogger } from './typeorm-logger';
import { READ_ONLY_DATA_SOURCE, UnitOfWork } from './unit-of-work';

export interface PersistenceOptions {
  url: string;
  poolSize: number;
  migrationsRun: boolean;
  applicationName: string;
}

const poolLogger = new Logger('Database');

/**
 * The server closed the connection because it is going away (admin_shutdown, crash_shutdown,
 * cannot_connect_now) or the socket dropped: a database restart or shutdown, not our bug.
 */
export function isDatabaseGone(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null | undefined;
  return /^57P0[123]$/.test(String(e?.code ?? '')) || /Connection terminated/.test(String(e?.message ?? ''));
}

/**
 * A pg client that is never without an 'error' listener. The pool listens to idle clients only, so
 * when the server goes away (restart, failover, Ctrl+C reaching the embedded server first) a client
 * checked out between two statements would otherwise raise an uncaught exception and end the
 * process. With the listener, the next statement on it fails normally and the pool discards it.
 */
export class ResilientClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', (err: Error & { code?: string }) => poolLogger.warn(`a database connection failed (${err.code ?? err.name}); it will be replaced`));
  }
}

/**
 * Connection options shared by the app and the CLI. Entities are registered by each context's
 * module (`TypeOrmModule.forFeature`, auto-loaded); migrations are one ordered history listed as
 * classes (globs break in bundled builds). Never `synchronize`.
 */
export function dataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    migrations: MIGRATIONS,
    migrationsRun: options.migrationsRun,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn', 'migration', 'schema'],
    logger: new SafeTypeOrmLogger(),
    maxQueryExecutionTime: 2000,
    applicationName: options.applicationName,
    extra: { max: options.poolSize, Client: ResilientClient },
  };
}

/** The main DataSource's options (entities included) on sessions with `default_transaction_read_only = on`. */
export function readOnlyDataSource(main: DataSource): DataSource {
  const options = main.options as DataSourceOptions & { extra?: Record<string, unknown>; applicationName?: string };
  return new DataSource({
    ...options,
    name: 'read-only',
    migrationsRun: false,
    applicationName: `${options.applicationName ?? 'local-to-global'}:read`,
    extra: { ...options.extra, options: '-c default_transaction_read_only=on' },
  } as unknown as DataSourceOptions);
}

/** Arbitrary constant: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 7_420_133_001;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so an API and a worker
 * starting together (or several replicas) never run the same migration twice.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}

@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(options), migrationsRun: false, autoLoadEntities: true }),
          dataSourceFactory: async (dsOptions) => {
            const dataSource = await new DataSource(dsOptions as DataSourceOptions).initialize();
            if (options.migrationsRun) await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [
        {
          // a second small pool whose sessions cannot write: what UnitOfWork.reader runs on
          provide: READ_ONLY_DATA_SOURCE,
          inject: [DataSource],
          useFactory: (main: DataSource) => readOnlyDataSource(main).initialize(),
        },
        UnitOfWork,
      ],
      exports: [UnitOfWork],
    };
  }
}
