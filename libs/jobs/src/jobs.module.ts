import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JOBS_OPTIONS, JobQueue, JobsOptions } from './job-queue';
import { Outbox, OutboxEventEntity, OutboxRelayJob } from './outbox';
import { WebhookInboxEntity } from './webhook-inbox.entity';
import { WebhookInboxDrainer, WebhookInboxStore } from './webhook-inbox';

@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([OutboxEventEntity, WebhookInboxEntity])],
      providers: [{ provide: JOBS_OPTIONS, useValue: options }, JobQueue, Outbox, OutboxRelayJob, WebhookInboxStore, WebhookInboxDrainer],
      exports: [JobQueue, Outbox, WebhookInboxStore, WebhookInboxDrainer],
    };
  }
}
