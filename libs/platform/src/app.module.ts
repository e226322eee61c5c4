import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AccountsModule, ACCOUNTS_MESSAGES, AuthGuard } from '@app/accounts';
import { AuditModule } from '@app/audit';
import { CatalogModule, CATALOG_MESSAGES } from '@app/catalog';
import { CountriesModule, COUNTRIES_MESSAGES } from '@app/countries';
import { FxModule, FX_MESSAGES } from '@app/fx';
import { JobsModule } from '@app/jobs';
import { AppConfig, ContentTypeGuard, createValidationPipe, FastRouteServer, HttpErrorFilter, HttpServerEdge, KernelModule } from '@app/kernel';
import type { ProcessRole } from '@app/kernel';
export type { ProcessRole } from '@app/kernel';
import { KycModule, KYC_MESSAGES } from '@app/kyc';
import { PaymentsModule, PAYMENTS_MESSAGES } from '@app/payments';
import { PersistenceModule } from '@app/persistence';
import { SellersModule, SELLERS_MESSAGES } from '@app/sellers';
import { ErrorsController } from './errors.controller';
import { HealthController } from './health.controller';
import { loggerParams } from './logging';
import { PlatformSellerGates } from './seller-gates';
import { SellerGatesReadinessJob } from './seller-gates.job';


export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  role: ProcessRole;
  logDestination?: DestinationStream;
}

/** The bounded contexts, in one list shared by the API, the worker and the CLI. */
const CONTEXTS = [
  AuditModule,
  AccountsModule,
  CountriesModule,
  SellersModule,
  PaymentsModule,
  KycModule,
  FxModule,
  // listing readiness counts the seller's gates, read from sellers, KYC and payouts by this root's adapter
  CatalogModule.register({ sellerGates: { imports: [SellersModule, KycModule, PaymentsModule], useClass: PlatformSellerGates } }),
];
export const TRANSLATIONS = [ACCOUNTS_MESSAGES, CATALOG_MESSAGES, COUNTRIES_MESSAGES, KYC_MESSAGES, PAYMENTS_MESSAGES, SELLERS_MESSAGES, FX_MESSAGES];

/** The composition root: config, logging, database, jobs and every context. */
@Module({})
export class AppModule {
  static register({ config, databaseUrl, role, logDestination }: AppModuleOptions): DynamicModule {
    const http = role === 'api';
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerParams(config, logDestination)),
        KernelModule.forRoot(config, TRANSLATIONS, role),
        PersistenceModule.forRoot({
          url: databaseUrl,
          poolSize: config.databasePoolSize,
          migrationsRun: config.migrationsRun,
          applicationName: `local-to-global:${role}`,
        }),
        JobsModule.forRoot({
          url: databaseUrl,
          work: role === 'worker' || (role === 'api' && config.worker.enabled),
          concurrency: config.worker.concurrency,
          shutdownTimeoutMs: config.shutdownTimeoutMs,
          retryDelaySeconds: config.worker.retryDelaySeconds,
        }),
        ...CONTEXTS,
      ],
      controllers: http ? [HealthController, ErrorsController] : [],
      providers: [
        // KYC and payout events re-evaluate stored readiness (the catalog may not subscribe to them itself)
        SellerGatesReadinessJob,
        ...(http
          ? [
              { provide: APP_FILTER, useClass: HttpErrorFilter },
              { provide: APP_GUARD, useClass: ContentTypeGuard },
              { provide: APP_GUARD, useExisting: AuthGuard },
              { provide: APP_PIPE, useFactory: createValidationPipe },
              FastRouteServer,
              HttpServerEdge,
            ]
          : []),
      ],
    };
  }
}
