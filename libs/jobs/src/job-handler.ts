import { SetMetadata } from '@nestjs/common';
import type { RequestContext } from '@app/kernel';
import type { EventType } from './events';

export const JOB_HANDLER = 'ltg:jobHandler';

export interface JobHandlerOptions {
  /** Queue name, `<context>.<job>` (e.g. `accounts.purge-expired-tokens`). */
  name: string;
  /** Cron expression (UTC) for recurring jobs; pg-boss makes sure only one instance fires. */
  schedule?: string;
  /**
   * Retry and expiry policy (defaults: 5 retries, 5 s with exponential backoff, 900 s). Every job of the queue is sent
   * with it, whichever process sends it and whether or not a worker has configured the queue yet.
   */
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  /**
   * For long jobs: while the handler runs, its worker refreshes the job's heartbeat every `heartbeatSeconds / 2`; a job
   * whose heartbeat stops (its worker died, its process hangs) is failed and retried after `heartbeatSeconds` (≥ 10)
   * by pg-boss's supervisor, instead of staying `active` until `expireInSeconds`. Off by default.
   */
  heartbeatSeconds?: number;
  /** Declared domain events (each context's exported {@link EventType}s) this queue receives through pg-boss pub/sub. */
  subscribeTo?: readonly EventType[];
}

/** Implemented by a provider decorated with {@link JobHandler}. Must be idempotent: a job can run twice. */
export interface JobProcessor<T = unknown> {
  handle(data: T, ctx: RequestContext): Promise<void>;
  /**
   * Called once when `handle` failed on the job's last attempt (its retries are used up; pg-boss will not run it
   * again), so state the job owns can be moved to a terminal state instead of waiting for ever. Not called when the
   * last attempt expires, its worker dies or the job is cancelled or deleted: an owner whose state must not wait for
   * ever also sweeps it with a scheduled job of its own, asking {@link JobQueue.jobStates} whether pg-boss will still
   * run the job.
   */
  exhausted?(data: T, error: unknown): Promise<void>;
}

/** Marks a provider as the processor of one queue. The worker discovers it at start-up. */
export const JobHandler = (options: JobHandlerOptions) => SetMetadata(JOB_HANDLER, options);
