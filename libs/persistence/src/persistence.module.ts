import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
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

@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(options), autoLoadEntities: true })],
      providers: [UnitOfWork],
      exports: [UnitOfWork],
    };
  }
}
