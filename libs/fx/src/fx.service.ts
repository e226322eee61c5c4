import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { JobHandler, JobProcessor, Outbox } from '@app/jobs';
import { APP_CONFIG, CLOCK, safeError, targetDaysBetween } from '@app/kernel';
import type { AppConfig, Clock, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import type { Reader, Tx } from '@app/persistence';
import { FxImportEntity } from './entities/fx-import.entity';
import { FxSnapshotEntity } from './entities/fx-snapshot.entity';
import { fxError, FxErrorCode } from './errors';
import { FX_FEED } from './feed.port';
import type { FxFeed } from './feed.port';
import { FX_SOURCES, FxFormatError, parseFxFile } from './parsers';
import type { FxDay, FxSource, ParsedFxFile, QuoteStyle } from './parsers';
import { crossRate } from './rates';
import { FxSnapshotImportedEvent } from './events';

/** The ECB's full history is ~7 MB; nothing an FX source publishes comes near this. */
export const FX_FILE_MAX_BYTES = 16 * 1024 * 1024;

export interface ImportResult {
  id: string;
  source: FxSource;
  fileSha256: string;
  rateKind: string;
  firstRateDate: string;
  lastRateDate: string;
  snapshotIds: string[];
  newSnapshots: number;
  skipped: string[];
  fetchedAt: string;
  /** True when this exact file had been imported before: nothing changed. */
  duplicate: boolean;
}

export interface RateQuery {
  from: string;
  to: string;
  source: FxSource;
  /** Latest snapshot on or before this date (`YYYY-MM-DD`); default: the latest. */
  date?: string;
}

export interface RateResult {
  from: string;
  to: string;
  rate: string;
  numerator: string;
  denominator: string;
  path: string[];
  source: FxSource;
  rateKind: string;
  asOf: string;
  fetchedAt: string;
  snapshotId: string;
  ageTargetDays: number;
}

const sha256 = (...parts: (string | Buffer)[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');

/** SHA-256 of one day's quotes in a canonical order: the identity of a snapshot's content. */
function contentHash(file: ParsedFxFile, day: FxDay): string {
  const body = Object.keys(day.quotes)
    .sort()
    .map((c) => `${c}=${day.quotes[c].value}/${day.quotes[c].unit}`)
    .join(';');
  return sha256(`${file.source}|${file.rateKind}|${day.rateDate}|${body}`);
}

const importView = (row: FxImportEntity, duplicate: boolean): ImportResult => ({
  id: row.id,
  source: row.source as FxSource,
  fileSha256: row.fileSha256,
  rateKind: row.rateKind,
  firstRateDate: row.firstRateDate,
  lastRateDate: row.lastRateDate,
  snapshotIds: row.snapshotIds,
  newSnapshots: duplicate ? 0 : row.newSnapshots,
  skipped: row.skipped,
  fetchedAt: row.fetchedAt.toISOString(),
  duplicate,
});

/** FX rates: imports files into immutable snapshots, and answers rates from one source's snapshot. */
@Injectable()
export class FxService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  parse(source: FxSource, file: Buffer): ParsedFxFile {
    try {
      return parseFxFile(source, file);
    } catch (e) {
      if (e instanceof FxFormatError) throw fxError(FxErrorCode.FILE_FORMAT, { source: source.toUpperCase(), reason: e.message.slice(0, 300) });
      throw e;
    }
  }

  /**
   * Imports a file of a source: parsed completely before anything is written; one snapshot per rate
   * date (an identical day already stored is reused). The same bytes again return the first import
   * unchanged (`duplicate: true`). Imports of one source are serialised by an advisory lock.
   */
  async import(ctx: RequestContext, input: { source: FxSource; file: Buffer; origin: 'upload' | 'fetch' }): Promise<ImportResult> {
    if (input.file.length > FX_FILE_MAX_BYTES) throw fxError(FxErrorCode.FILE_TOO_LARGE, { limit: FX_FILE_MAX_BYTES });
    const parsed = this.parse(input.source, input.file);
    const fileSha256 = sha256(input.file);
    return this.uow.run(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fx-import:${input.source}`]);
      const existing = await tx.findOne(FxImportEntity, { where: { source: input.source, fileSha256 } });
      if (existing) return importView(existing, true);
      const id = randomUUID();
      const fetchedAt = this.clock.now();
      const snapshotIds: string[] = [];
      let created = 0;
      for (const day of parsed.days) {
        const { snapshotId, isNew } = await this.storeDay(tx, parsed, day, { importId: id, fileSha256, fetchedAt });
        snapshotIds.push(snapshotId);
        if (isNew) created++;
      }
      const row: FxImportEntity = {
        id,
        source: input.source,
        fileSha256,
        byteSize: input.file.length,
        origin: input.origin,
        rateKind: parsed.rateKind,
        firstRateDate: parsed.days[parsed.days.length - 1].rateDate,
        lastRateDate: parsed.days[0].rateDate,
        snapshotIds,
        newSnapshots: created,
        skipped: parsed.skipped,
        importedBy: ctx.actor?.accountId ?? null,
        fetchedAt,
      };
      await tx.insert(FxImportEntity, row as never);
      await this.audit.record(tx, ctx, {
        action: 'fx.imported',
        targetType: 'fx_import',
        targetId: id,
        changes: { source: input.source, origin: input.origin, fileSha256, rateKind: parsed.rateKind, firstRateDate: row.firstRateDate, lastRateDate: row.lastRateDate, days: parsed.days.length, newSnapshots: created },
      });
      // Consumers (catalog re-pricing) read the source's latest snapshot; only new content is news.
      if (created > 0) {
        await this.outbox.add(tx, FxSnapshotImportedEvent, input.source, { source: input.source, importId: id, snapshotIds, lastRateDate: row.lastRateDate, rateKind: parsed.rateKind });
      }
      return importView(row, false);
    });
  }

  private async storeDay(tx: Tx, parsed: ParsedFxFile, day: FxDay, meta: { importId: string; fileSha256: string; fetchedAt: Date }): Promise<{ snapshotId: string; isNew: boolean }> {
    const contentSha256 = contentHash(parsed, day);
    const found = await tx.findOne(FxSnapshotEntity, { where: { source: parsed.source, rateDate: day.rateDate, rateKind: parsed.rateKind, contentSha256 } });
    if (found) return { snapshotId: found.id, isNew: false };
    const id = randomUUID();
    await tx.insert(FxSnapshotEntity, {
      id,
      source: parsed.source,
      pivot: parsed.pivot,
      quoteStyle: parsed.quoteStyle,
      rateKind: parsed.rateKind,
      rateDate: day.rateDate,
      quotes: day.quotes as never,
      currencyCount: Object.keys(day.quotes).length,
      contentSha256,
      fileSha256: meta.fileSha256,
      importId: meta.importId,
      fetchedAt: meta.fetchedAt,
    });
    return { snapshotId: id, isNew: true };
  }

  /** The snapshot prices use for a source: the latest rate date (on or before `date`), the newest fetched for that day. */
  async latestSnapshot(source: FxSource, date: string | undefined, tx: Reader): Promise<FxSnapshotEntity | null> {
    const qb = tx.createQueryBuilder(FxSnapshotEntity, 's').where('s.source = :source', { source });
    if (date) qb.andWhere('s.rateDate <= :date', { date });
    return qb.orderBy('s.rateDate', 'DESC').addOrderBy('s.fetchedAt', 'DESC').addOrderBy('s.id', 'DESC').limit(1).getOne();
  }

  /**
   * The rate between two currencies from ONE source's snapshot, through that source's own pivot
   * (EUR, RUB, TRY). Never falls back to an older snapshot or another source: a currency missing
   * from the latest snapshot (RUB at the ECB) is FX.RATE_UNAVAILABLE. `tx`: read in the caller's transaction
   * (a caller inside a transaction must not wait for a second pool connection).
   */
  /** {@link rate}, read outside any transaction (public API). */
  lookupRate(query: RateQuery): Promise<RateResult> {
    return this.rate(query, this.uow.reader);
  }

  async rate(query: RateQuery, tx: Reader): Promise<RateResult> {
    const snapshot = await this.latestSnapshot(query.source, query.date, tx);
    if (!snapshot) throw fxError(FxErrorCode.NO_SNAPSHOT, { source: query.source.toUpperCase() });
    const rates = { pivot: snapshot.pivot, quoteStyle: snapshot.quoteStyle as QuoteStyle, quotes: snapshot.quotes };
    const r = crossRate(rates, query.from, query.to);
    if (!r) {
      const missing = [query.from, query.to].find((c) => c !== snapshot.pivot && !Object.prototype.hasOwnProperty.call(snapshot.quotes, c)) ?? query.from;
      throw fxError(FxErrorCode.RATE_UNAVAILABLE, { source: query.source.toUpperCase(), currency: missing, rateDate: snapshot.rateDate });
    }
    return {
      from: query.from,
      to: query.to,
      ...r,
      source: query.source,
      rateKind: snapshot.rateKind,
      asOf: snapshot.rateDate,
      fetchedAt: snapshot.fetchedAt.toISOString(),
      snapshotId: snapshot.id,
      ageTargetDays: targetDaysBetween(snapshot.rateDate, this.clock.now()),
    };
  }

  /** Snapshots newest first, with their age; and the freshness of each source's current snapshot. */
  async snapshots(query: { source?: FxSource; limit: number }) {
    const now = this.clock.now();
    const maxAge = this.config.fx.maxAgeTargetDays;
    const qb = this.uow.reader.createQueryBuilder(FxSnapshotEntity, 's');
    if (query.source) qb.where('s.source = :source', { source: query.source });
    const rows = await qb.orderBy('s.rateDate', 'DESC').addOrderBy('s.fetchedAt', 'DESC').addOrderBy('s.id', 'DESC').limit(query.limit).getMany();
    const view = (s: FxSnapshotEntity) => {
      const ageTargetDays = targetDaysBetween(s.rateDate, now);
      return {
        id: s.id,
        source: s.source,
        pivot: s.pivot,
        rateKind: s.rateKind,
        rateDate: s.rateDate,
        fetchedAt: s.fetchedAt.toISOString(),
        currencyCount: s.currencyCount,
        currencies: Object.keys(s.quotes).sort(),
        fileSha256: s.fileSha256,
        importId: s.importId,
        ageTargetDays,
        stale: ageTargetDays > maxAge,
      };
    };
    const freshness = [];
    for (const source of FX_SOURCES) {
      const latest = await this.latestSnapshot(source, undefined, this.uow.reader);
      const age = latest ? targetDaysBetween(latest.rateDate, now) : null;
      freshness.push({ source, snapshotId: latest?.id ?? null, rateDate: latest?.rateDate ?? null, ageTargetDays: age, stale: age === null || age > maxAge });
    }
    return { maxAgeTargetDays: maxAge, freshness, snapshots: rows.map(view) };
  }
}

export const FX_FETCH_JOB = 'fx.fetch-official-rates';

/**
 * Weekdays at 16:30 UTC (after the ECB's ~16:00 CET publication; the CBR and the TCMB publish
 * earlier): downloads each source's file from its configured URL and imports it like an upload
 * (the same bytes twice are one import). Does nothing unless FX_FETCH_ENABLED=true. One failing
 * source does not stop the others; the job fails (and pg-boss retries) if any did.
 */
@Injectable()
@JobHandler({ name: FX_FETCH_JOB, schedule: '30 16 * * 1-5', retryLimit: 3, retryDelaySeconds: 600 })
export class FxFetchJob implements JobProcessor<{ sources?: FxSource[] }> {
  private readonly logger = new Logger('Fx');

  constructor(
    private readonly fx: FxService,
    @Inject(FX_FEED) private readonly feed: FxFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(data: { sources?: FxSource[] }, ctx: RequestContext): Promise<void> {
    if (!this.config.fx.fetchEnabled) return;
    const sources = (data?.sources ?? [...FX_SOURCES]).filter((s) => (FX_SOURCES as readonly string[]).includes(s));
    const failed: string[] = [];
    for (const source of sources) {
      try {
        const bytes = await this.feed.download(this.config.fx.urls[source], FX_FILE_MAX_BYTES);
        const result = await this.fx.import(ctx, { source, file: bytes, origin: 'fetch' });
        this.logger.log(`${source}: ${result.duplicate ? 'unchanged' : `imported ${result.newSnapshots} new snapshot(s)`} up to ${result.lastRateDate}`);
      } catch (err) {
        failed.push(source);
        this.logger.warn({ err: safeError(err), source }, `fetching ${source} rates failed`);
      }
    }
    if (failed.length) throw new Error(`FX fetch failed for ${failed.join(', ')}`);
  }
}
