import { Controller, Get, Inject, Injectable, Logger } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { JobHandler } from '@app/jobs';
import type { JobProcessor } from '@app/jobs';
import { APP_CONFIG, CLOCK, Role, Roles, safeError } from '@app/kernel';
import type { AppConfig, Clock, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { LIST_SOURCES } from './codes';
import type { ListSource } from './codes';
import { ScreeningListsService } from './screening-lists.service';

export const SANCTIONS_FETCH_JOB = 'kyc.fetch-sanctions-lists';
/** The official files are large (the EU XML is tens of MB); the same ceiling as an ops upload. */
const LIST_MAX_BYTES = 200 * 1024 * 1024;

/**
 * Where the scheduled fetch gets the official list files. The real adapter is plain HTTP (Node's
 * fetch, i.e. undici) against the configured URL; tests point the URLs at a local double
 * (test/doubles/sanctions-lists-double.ts). Bytes come back unparsed: the list parsers judge them.
 */
export const SANCTIONS_LIST_FEED = Symbol('SANCTIONS_LIST_FEED');

export interface SanctionsListFeed {
  download(url: string, maxBytes: number): Promise<Buffer>;
}

export class ListFeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListFeedError';
  }
}

export class HttpSanctionsListFeed implements SanctionsListFeed {
  constructor(private readonly timeoutMs = 120_000) {}

  async download(url: string, maxBytes: number): Promise<Buffer> {
    const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' });
    // the host only: the EU URL carries a (public) token in its query
    if (!res.ok) throw new ListFeedError(`GET ${new URL(url).host} answered ${res.status}`);
    if (Number(res.headers.get('content-length') ?? '0') > maxBytes) throw new ListFeedError(`the file is larger than ${maxBytes} bytes`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += (chunk as Uint8Array).byteLength;
      if (size > maxBytes) throw new ListFeedError(`the file is larger than ${maxBytes} bytes`);
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
    return Buffer.concat(chunks);
  }
}

export type FetchOutcome = { source: ListSource; outcome: 'loaded' | 'unchanged' | 'failed'; listId?: string };

/**
 * Daily at 05:15 UTC: downloads each official list from its configured URL and loads it like an ops
 * upload (a new version, audited, re-screening approved sellers) — unless the bytes are those of the
 * version in use (`unchanged`: nothing is stored). Does nothing unless SANCTIONS_FETCH_ENABLED=true.
 * One failing source does not stop the others; the job fails (and pg-boss retries) if any did.
 */
@Injectable()
@JobHandler({ name: SANCTIONS_FETCH_JOB, schedule: '15 5 * * *', retryLimit: 3, retryDelaySeconds: 900 })
export class SanctionsListFetchJob implements JobProcessor<{ sources?: ListSource[] }> {
  private readonly logger = new Logger('Screening');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly lists: ScreeningListsService,
    @Inject(SANCTIONS_LIST_FEED) private readonly feed: SanctionsListFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(data: { sources?: ListSource[] } | undefined, ctx: RequestContext): Promise<void> {
    await this.run(data, ctx);
  }

  /** One fetch of the given sources (all by default); what happened to each. */
  async run(data: { sources?: ListSource[] } | undefined, ctx: RequestContext): Promise<FetchOutcome[]> {
    if (!this.config.screening.fetchEnabled) return [];
    const sources = (data?.sources ?? [...LIST_SOURCES]).filter((s) => (LIST_SOURCES as readonly string[]).includes(s));
    const urls = this.config.screening.urls;
    const outcomes: FetchOutcome[] = [];
    for (const source of sources) {
      try {
        const file = await this.feed.download(source === 'ofac_sdn' ? urls.ofacSdn : source === 'eu_consolidated' ? urls.eu : urls.un, LIST_MAX_BYTES);
        const aliases = source === 'ofac_sdn' ? await this.feed.download(urls.ofacAlt, LIST_MAX_BYTES) : undefined;
        // the same digest as ScreeningListsService.load: the same bytes as the version in use are not loaded again
        const sha256 = createHash('sha256').update(file).update(aliases ?? Buffer.alloc(0)).digest('hex');
        const [current]: { sha256: string }[] = await this.uow.reader.query('SELECT sha256 FROM screening_lists WHERE source = $1 ORDER BY loaded_at DESC LIMIT 1', [source]);
        if (current?.sha256 === sha256) {
          outcomes.push({ source, outcome: 'unchanged' });
          this.logger.log(`${source}: unchanged`);
          continue;
        }
        const label = `fetched-${this.clock.now().toISOString().slice(0, 19).replace(/:/g, '.')}`;
        const loaded = await this.lists.load(ctx, { source, label, file, aliases });
        outcomes.push({ source, outcome: 'loaded', listId: loaded.id });
        this.logger.log(`${source}: loaded ${loaded.entryCount} entries as ${label}`);
      } catch (err) {
        outcomes.push({ source, outcome: 'failed' });
        this.logger.warn({ err: safeError(err), source }, `fetching the ${source} list failed`);
      }
    }
    const failed = outcomes.filter((o) => o.outcome === 'failed').map((o) => o.source);
    if (failed.length) throw new Error(`sanctions list fetch failed for ${failed.join(', ')}`);
    return outcomes;
  }
}

export interface ScreeningCoverage {
  status: 'screening' | 'no_lists_loaded';
  sources: { source: ListSource; loaded: boolean; latest: { id: string; label: string; entryCount: number; loadedAt: string; origin: 'upload' | 'fetch' } | null }[];
  fetch: { enabled: boolean; schedule: string; urls: Record<ListSource | 'ofac_alt', string> };
}

/** Which lists screening runs against (the newest version of each source), and how they arrive. */
@Injectable()
export class ScreeningCoverageReader {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether any list is loaded: without one, screening clears nobody (every case goes to review). */
  async anyLoaded(): Promise<boolean> {
    const rows: unknown[] = await this.uow.reader.query('SELECT 1 FROM screening_lists LIMIT 1');
    return rows.length > 0;
  }

  async coverage(): Promise<ScreeningCoverage> {
    const rows: { id: string; source: ListSource; label: string; entry_count: number; loaded_at: Date; loaded_by: string | null }[] = await this.uow.reader.query(
      `SELECT DISTINCT ON (source) id, source, label, entry_count, loaded_at, loaded_by FROM screening_lists ORDER BY source, loaded_at DESC`,
    );
    const bySource = new Map(rows.map((r) => [r.source, r]));
    const urls = this.config.screening.urls;
    return {
      status: rows.length ? 'screening' : 'no_lists_loaded',
      sources: LIST_SOURCES.map((source) => {
        const r = bySource.get(source);
        return {
          source,
          loaded: Boolean(r),
          latest: r ? { id: r.id, label: r.label, entryCount: r.entry_count, loadedAt: new Date(r.loaded_at).toISOString(), origin: r.loaded_by ? 'upload' : 'fetch' } : null,
        };
      }),
      fetch: { enabled: this.config.screening.fetchEnabled, schedule: 'daily 05:15 UTC', urls: { ofac_sdn: urls.ofacSdn, ofac_alt: urls.ofacAlt, eu_consolidated: urls.eu, un_consolidated: urls.un } },
    };
  }
}

class LatestListView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'fetched-2026-12-05T05.15.00' }) label: string;
  @ApiProperty({ example: 20817 }) entryCount: number;
  @ApiProperty({ description: 'When this version was loaded: the last successful load of the list.' }) loadedAt: string;
  @ApiProperty({ enum: ['upload', 'fetch'], description: 'Loaded by ops (POST /v1/ops/screening-lists) or by the scheduled fetch.' }) origin: string;
}

class CoverageSourceView {
  @ApiProperty({ enum: LIST_SOURCES }) source: string;
  @ApiProperty() loaded: boolean;
  @ApiProperty({ type: LatestListView, nullable: true }) latest: LatestListView | null;
}

class CoverageFetchView {
  @ApiProperty({ description: 'SANCTIONS_FETCH_ENABLED' }) enabled: boolean;
  @ApiProperty({ example: 'daily 05:15 UTC' }) schedule: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'The configured official URLs (SANCTIONS_*_URL).' }) urls: Record<string, string>;
}

class ScreeningCoverageView {
  @ApiProperty({ enum: ['screening', 'no_lists_loaded'], description: 'no_lists_loaded: screening clears nobody, so every submission goes to review until a list is loaded.' }) status: string;
  @ApiProperty({ type: [CoverageSourceView] }) sources: CoverageSourceView[];
  @ApiProperty({ type: CoverageFetchView }) fetch: CoverageFetchView;
}

@ApiTags('ops')
@Controller({ path: 'ops/screening', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class ScreeningCoverageController {
  constructor(private readonly coverage: ScreeningCoverageReader) {}

  @Get('coverage')
  @ApiOperation({ summary: 'Which sanctions lists screening runs against: the last successful load of each list, and the scheduled fetch' })
  @ApiOkResponse({ type: ScreeningCoverageView })
  get() {
    return this.coverage.coverage();
  }
}
