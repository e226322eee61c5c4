import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { PgBoss } from 'pg-boss';
import { randomUUID } from 'node:crypto';
import { safeError, systemContext } from '@app/kernel';
import { isDatabaseGone, ResilientClient } from '@app/persistence';
import { JOB_HANDLER, JobHandlerOptions, JobProcessor } from './job-handler';

export interface JobsOptions {
  url: string;
  /** Process jobs in this process (the worker role); otherwise only send them. */
  work: boolean;
  concurrency: number;
  shutdownTimeoutMs: number;
  /** Overrides every queue's retry delay and turns backoff off (tests, incident handling). */
  retryDelaySeconds?: number;
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

/** A pg-boss job's state: waiting (`created`, `retry`), running (`active`) or final. */
export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** pg-boss will not run a job in this state again (its handler has returned or never will). */
export const isFinalJobState = (state: JobState): boolean => state === 'completed' || state === 'cancelled' || state === 'failed';

/** Jobs a worker fetches at once per queue and concurrency slot. */
const BATCH_SIZE = 20;

/**
 * Background jobs on pg-boss, in the same PostgreSQL (no extra server). Every process can send (a
 * job carries its handler's declared retry and expiry policy, and a queue is created with it);
 * processes with the worker role also configure every queue, run the handlers found by discovery
 * and keep the cron schedules.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private started?: Promise<void>;
  private readonly handlers = new Map<string, { options: JobHandlerOptions; processor: JobProcessor }>();

  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
    private readonly discovery: DiscoveryService,
  ) {
    this.boss = new PgBoss({
      connectionString: options.url,
      schema: 'pgboss',
      max: 4,
      application_name: options.work ? 'local-to-global:worker' : 'local-to-global:jobs',
      supervise: options.work,
      schedule: options.work,
      useListenNotify: options.work,
      // pg.Pool option: every pooled connection keeps an 'error' listener (see ResilientClient)
      Client: ResilientClient,
    } as ConstructorParameters<typeof PgBoss>[0]);
    this.boss.on('error', (err) => {
      // the server closing our connections (it is shutting down or restarting) is not our error
      if (isDatabaseGone(err)) this.logger.warn(`pg-boss: the database closed the connection (${(err as { code?: string }).code ?? 'socket'})`);
      else this.logger.error({ err: safeError(err) }, 'pg-boss error');
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const { metatype, instance } = wrapper;
      if (!metatype || !instance) continue;
      const options = Reflect.getMetadata(JOB_HANDLER, metatype) as JobHandlerOptions | undefined;
      if (options) this.handlers.set(options.name, { options, processor: instance as JobProcessor });
    }
    // Senders start pg-boss on first use; workers at boot.
    if (this.options.work) await this.ensureStarted();
  }

  private ensureStarted(): Promise<void> {
    this.started ??= this.start();
    return this.started;
  }

  private async start(): Promise<void> {
    await this.boss.start();
    if (!this.options.work) return;
    for (const [name, { options, processor }] of this.handlers) {
      await this.boss.createQueue(name, this.queuePolicy(options));
      this.knownQueues.add(name);
      // a queue another process created first (with pg-boss's defaults, or an older declaration) gets the declared policy
      await this.boss.updateQueue(name, this.queuePolicy(options));
      // Batches with a result per job (one failing job does not fail its neighbours), fetched
      // back-to-back while they come back full; idle workers poll every 2 s as a backstop to NOTIFY.
      await this.boss.work<unknown>(
        name,
        { batchSize: BATCH_SIZE, localConcurrency: this.options.concurrency, perJobResults: true, includeMetadata: true, burstWhenBatchFull: true, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 10 },
        async (jobs) => {
          const results: { id: string; status: 'completed' | 'failed'; output?: object }[] = [];
          for (const job of jobs) {
            try {
              await processor.handle(job.data, systemContext(`job:${job.id}`));
              results.push({ id: job.id, status: 'completed' });
            } catch (err) {
              // retryCount is 0 on the first attempt; pg-boss retries while retryCount < the job's own retryLimit
              // (includeMetadata: the job's own limit, which is the queue's at the time it was sent)
              const last = job.retryCount >= ((job as { retryLimit?: number }).retryLimit ?? options.retryLimit ?? 5);
              this.logger.warn({ err: safeError(err), job: job.id, queue: name }, last ? `job ${name} failed on its last attempt` : `job ${name} failed; pg-boss will retry`);
              if (last && processor.exhausted) {
                await processor.exhausted(job.data, err).catch((e: unknown) => this.logger.error({ err: safeError(e), job: job.id, queue: name }, `job ${name}: exhausted() failed`));
              }
              results.push({ id: job.id, status: 'failed', output: { error: (err as Error)?.name ?? 'Error' } });
            }
          }
          return results;
        },
      );
      if (options.schedule) await this.boss.schedule(name, options.schedule, {}, { tz: 'UTC' });
      for (const event of options.subscribeTo ?? []) await this.boss.subscribe(event.type, name);
    }
    this.logger.log(`worker processing ${this.handlers.size} queue(s): ${[...this.handlers.keys()].join(', ')}`);
  }

  private readonly knownQueues = new Set<string>();

  /**
   * A queue's retry and expiry policy, from its handler's declaration (every process discovers every handler: API,
   * worker and CLI compose the same contexts). `JOB_RETRY_DELAY_SECONDS` replaces the delay and turns backoff off.
   */
  private queuePolicy(options: JobHandlerOptions) {
    return {
      retryLimit: options.retryLimit ?? 5,
      retryDelay: this.options.retryDelaySeconds ?? options.retryDelaySeconds ?? 5,
      retryBackoff: this.options.retryDelaySeconds === undefined,
      expireInSeconds: options.expireInSeconds ?? 900,
      ...(options.heartbeatSeconds ? { heartbeatSeconds: options.heartbeatSeconds } : {}),
      // senders' inserts NOTIFY the listening workers: no waiting for the next poll
      notify: true,
    };
  }

  /**
   * The options every job of a declared queue is sent with: its handler's retry and expiry policy. pg-boss copies a
   * queue's policy into each job when it is inserted, so without them a job sent before any worker configured the
   * queue (the API started first, or the queue was created by an older release) would keep pg-boss's defaults
   * (2 retries, 15 minutes) for its whole life. An undeclared queue (a sender that has no handler for it) keeps its
   * queue's policy.
   */
  private jobPolicy(name: string): { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; expireInSeconds?: number; heartbeatSeconds?: number } {
    const handler = this.handlers.get(name);
    if (!handler) return {};
    const { notify: _notify, ...policy } = this.queuePolicy(handler.options);
    return policy;
  }

  private async ensureQueue(name: string): Promise<void> {
    await this.ensureStarted();
    if (this.knownQueues.has(name)) return;
    const handler = this.handlers.get(name);
    // created with its declared policy whoever creates it first (an existing queue is left as it is: a worker updates it)
    await this.boss.createQueue(name, handler ? this.queuePolicy(handler.options) : undefined);
    this.knownQueues.add(name);
  }

  /**
   * Enqueues a job INSIDE the caller's transaction (pg-boss runs its INSERT on the transaction's
   * connection): the job exists if and only if the transaction commits.
   */
  async sendInTx(tx: { query(sql: string, params?: unknown[]): Promise<unknown> }, name: string, data: object, options: { singletonKey?: string } = {}): Promise<string | null> {
    await this.ensureQueue(name);
    return this.boss.send(name, data, {
      ...this.jobPolicy(name),
      id: randomUUID(),
      singletonKey: options.singletonKey,
      db: inTransaction(tx),
    });
  }

  /** Publishes an event to every queue subscribed to it, inside the caller's transaction. */
  async publishInTx(tx: { query(sql: string, params?: unknown[]): Promise<unknown> }, event: string, data: object): Promise<void> {
    await this.ensureStarted();
    await this.boss.publish(event, data, { db: inTransaction(tx) });
  }

  /** Subscribes a queue to a published event type (pg-boss pub/sub). */
  async subscribe(event: string, queue: string): Promise<void> {
    await this.ensureQueue(queue);
    await this.boss.subscribe(event, queue);
  }

  /** Enqueues a job; returns its id. `singletonKey` de-duplicates jobs that must not queue twice. */
  async send(name: string, data: object, options: { singletonKey?: string; startAfterSeconds?: number } = {}): Promise<string | null> {
    if (this.options.work && !this.handlers.has(name)) throw new Error(`no handler for job queue ${name}`);
    await this.ensureQueue(name);
    return this.boss.send(name, data, {
      ...this.jobPolicy(name),
      id: randomUUID(),
      singletonKey: options.singletonKey,
      startAfter: options.startAfterSeconds,
    });
  }

  /**
   * The states of a queue's jobs sent with `singletonKey`, oldest first: empty when there is none (never sent, or
   * deleted by pg-boss's retention). For a job's owner to tell a job that will still run (or runs now) from one that
   * never will again (see {@link isFinalJobState}).
   */
  async jobStates(name: string, singletonKey: string): Promise<JobState[]> {
    await this.ensureQueue(name);
    const jobs = await this.boss.findJobs(name, { key: singletonKey });
    return jobs.map((j) => j.state);
  }

  get isWorker(): boolean {
    return this.options.work;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: true, timeout: this.options.shutdownTimeoutMs, close: true }).catch(() => undefined);
  }
}

/**
 * pg-boss's `db` option on the caller's transaction. pg-boss may run several statements at once
 * (publish sends to every subscribed queue with Promise.allSettled), but a transaction is ONE
 * connection: the statements are queued here, one after the other, instead of being handed to the
 * pg client while it is still busy (deprecated in pg 8, an error in pg 9).
 */
function inTransaction(tx: { query(sql: string, params?: unknown[]): Promise<unknown> }): { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    executeSql(text: string, values?: unknown[]) {
      const run = tail.then(() => tx.query(text, values));
      tail = run.catch(() => undefined);
      return run.then((rows) => ({ rows: rows as unknown[] }));
    },
  };
}
