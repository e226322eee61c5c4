import { SetMetadata } from '@nestjs/common';
import type { RequestContext } from '@app/kernel';

export const JOB_HANDLER = 'ltg:jobHandler';

export interface JobHandlerOptions {
  /** Queue name, `<context>.<job>` (e.g. `accounts.purge-expired-tokens`). */
  name: string;
  /** Cron expression (UTC) for recurring jobs; pg-boss makes sure only one instance fires. */
  schedule?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  /** Domain events (outbox types, e.g. `kyc.suspended`) this queue receives through pg-boss pub/sub. */
  subscribeTo?: string[];
}

/** Implemented by a provider decorated with {@link JobHandler}. Must be idempotent: a job can run twice. */
export interface JobProcessor<T = unknown> {
  handle(data: T, ctx: RequestContext): Promise<void>;
}

/** Marks a provider as the processor of one queue. The worker discovers it at start-up. */
export const JobHandler = (options: JobHandlerOptions) => SetMetadata(JOB_HANDLER, options);
