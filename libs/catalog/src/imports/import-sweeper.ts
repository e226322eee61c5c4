import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK } from '@app/kernel';
import type { Clock } from '@app/kernel';
import { isFinalJobState, JobHandler, JobQueue } from '@app/jobs';
import type { JobProcessor, JobState } from '@app/jobs';
import { UnitOfWork } from '@app/persistence';
import type { Tx } from '@app/persistence';
import { IMPORT_LIFECYCLE, ImportEntity, ImportFileEntity } from './import.entity';
import { CATALOG_IMPORT_JOB } from './imports.service';

export const CATALOG_IMPORT_SWEEP_JOB = 'catalog.sweep-imports';

/**
 * How long an unfinished import must have shown no sign of life (created, started, a batch committed: the latest of
 * `createdAt`, `startedAt`, `heartbeatAt`) before the sweeper looks at its job. A batch commits in about a second, so
 * an attempt that is still running (pg-boss may have expired it while its handler goes on) is never this silent.
 */
export const IMPORT_SILENCE_SECONDS = 600;

/** Unfinished imports read per page. */
const PAGE = 100;

/**
 * Ends an unfinished import FAILED with the stable code INTERNAL ("stopped because of an error on our side; the rows
 * before it were imported"), in the caller's transaction: the row is locked, the counts of the batches already
 * committed stay, the stored file is deleted. False when the import is gone or already finished. The one way both
 * {@link ImportProcessor.exhausted} (pg-boss's last attempt failed) and the {@link ImportSweeper} end an import.
 */
export async function endImportInternally(tx: Tx, importId: string, now: Date): Promise<boolean> {
  const job = await tx.findOne(ImportEntity, { where: { id: importId }, lock: { mode: 'pessimistic_write' } });
  if (!job || IMPORT_LIFECYCLE.terminal.includes(job.status)) return false;
  await tx.update(ImportEntity, { id: job.id }, {
    status: await IMPORT_LIFECYCLE.move(job.status, 'FAILED'),
    failureCode: 'INTERNAL',
    failureParams: {},
    finishedAt: now,
  });
  await tx.delete(ImportFileEntity, { importId: job.id });
  return true;
}

const SILENT = `status IN ('WAITING', 'RUNNING') AND GREATEST(created_at, started_at, heartbeat_at) < now() - make_interval(secs => $1)`;

/**
 * An import must never stay WAITING or RUNNING for ever. pg-boss calls {@link ImportProcessor.exhausted} only when
 * the handler threw on the last attempt; when that attempt expires (`expireInSeconds`), its worker dies, or the job
 * is cancelled or deleted (retention), pg-boss ends the job without calling us. Every five minutes (pg-boss cron: one
 * run per slot however many workers) this job ends FAILED (INTERNAL) each unfinished import that has been silent
 * for {@link IMPORT_SILENCE_SECONDS} and whose job pg-boss will not run again: every job sent for it (singleton key =
 * the import's id) is completed, failed or cancelled, or there is none. An import whose job waits (`created`,
 * `retry`) or runs (`active`) is left alone, however old. Idempotent: a finished import is never touched.
 */
@Injectable()
@JobHandler({ name: CATALOG_IMPORT_SWEEP_JOB, schedule: '*/5 * * * *', retryLimit: 1, expireInSeconds: 300 })
export class ImportSweeper implements JobProcessor {
  private readonly logger = new Logger('CatalogImport');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    await this.sweep();
  }

  /** One pass over the unfinished imports; returns the ids it ended. */
  async sweep(): Promise<string[]> {
    const ended: string[] = [];
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const page: { id: string; created_at: Date }[] = await this.uow.reader.query(
        `SELECT id, created_at FROM catalog_imports
          WHERE ${SILENT} AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
          ORDER BY created_at, id LIMIT $4`,
        [IMPORT_SILENCE_SECONDS, after?.createdAt ?? null, after?.id ?? null, PAGE],
      );
      for (const row of page) if (await this.sweepOne(row.id)) ended.push(row.id);
      if (page.length < PAGE) return ended;
      after = { createdAt: page[page.length - 1].created_at, id: page[page.length - 1].id };
    }
  }

  /**
   * Decides under the import's row lock, with pg-boss's word on the job read while it is held: a batch of an attempt
   * that still runs commits before this transaction (then the import is no longer silent and is left alone) or after
   * it (its rows and counts join the FAILED import; ImportProcessor.handle never moves a FAILED import to COMPLETE),
   * never in between. SKIP LOCKED passes over an import whose batch is committing right now: it is alive.
   */
  private async sweepOne(importId: string): Promise<boolean> {
    const ended = await this.uow.run(async (tx) => {
      const [silent]: { id: string }[] = await tx.query(`SELECT id FROM catalog_imports WHERE id = $2 AND ${SILENT} FOR UPDATE SKIP LOCKED`, [IMPORT_SILENCE_SECONDS, importId]);
      if (!silent) return null;
      const states: JobState[] = await this.jobs.jobStates(CATALOG_IMPORT_JOB, importId);
      if (states.some((s) => !isFinalJobState(s))) return null;
      return (await endImportInternally(tx, importId, this.clock.now())) ? states : null;
    });
    if (!ended) return false;
    this.logger.error(`import ${importId}: FAILED (INTERNAL): silent for ${IMPORT_SILENCE_SECONDS} s and its job ${ended.length ? `is ${ended.join(', ')}` : 'is gone'}`);
    return true;
  }
}
