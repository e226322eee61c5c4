import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SafeTypeOrmLogger } from './typeorm-logger';
import { UnitOfWork } from './unit-of-work';

export interface PersistenceOptions {
  url: string;
  poolSize: number;
  migrationsRun: boolean;
  applicationName: string;
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
    extra: { max: options.poolSize },
  };
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
      providers: [UnitOfWork],
      exports: [UnitOfWork],
    };
  }
}
