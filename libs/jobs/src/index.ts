export * from './job-handler';
export * from './jobs.module';
export { JobQueue } from './job-queue';
export type { JobsOptions } from './job-queue';
export { Outbox, OutboxEventEntity, OutboxRelayJob, OUTBOX_RELAY_JOB } from './outbox';
export * from './events';
