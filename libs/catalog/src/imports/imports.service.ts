import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify';
import iconv from 'iconv-lite';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CLOCK, Translator } from '@app/kernel';
import type { Clock, MessageParam, RequestContext } from '@app/kernel';
import { JobQueue } from '@app/jobs';
import { UnitOfWork } from '@app/persistence';
import { callerSeller } from '@app/sellers';
import { catalogError, CatalogErrorCode } from '../errors';
import { parseHeader } from './columns';
import { detectEncoding, looksBinary, neutraliseFormula, sniffDelimiter } from './csv-format';
import type { ImportEncoding } from './csv-format';
import { ImportEntity, ImportFileEntity, IMPORT_STATUSES } from './import.entity';

export const CATALOG_IMPORT_JOB = 'catalog.import-products';
/** The largest import file: 32 MiB (about 100,000 rows of a full-width sheet). */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;

export class ImportCountsView {
  @ApiProperty({ description: 'Data rows read (empty lines are not rows)' }) read: number;
  @ApiProperty({ description: 'Rows whose variant was created' }) created: number;
  @ApiProperty({ description: 'Rows whose variant or product changed' }) updated: number;
  @ApiProperty({ description: 'Rows that were already exactly so (the same file twice: every row)' }) unchanged: number;
  @ApiProperty({ description: 'Rows not imported; each has at least one line in errors.csv' }) failed: number;
}

export class ImportFailureView {
  @ApiProperty({ example: 'CSV_MALFORMED' }) code: string;
  @ApiProperty({ description: "In the caller's language" }) message: string;
}

export class ProductImportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_STATUSES, description: 'WAITING → RUNNING → COMPLETE | FAILED (FAILED: the file could not be read to its end, `CSV_MALFORMED`, or the import stopped because of an error on our side, `INTERNAL`; the rows before were imported). An import never stays WAITING or RUNNING for ever: one whose job pg-boss will not run again ends FAILED (`INTERNAL`)' }) status: string;
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ example: 'windows-1254' }) encoding: string;
  @ApiProperty({ enum: ['bom', 'utf8', 'declared', 'country'], description: 'bom: byte order mark; utf8: the bytes are valid UTF-8; declared: the `encoding` field; country: the code page of the seller’s country' }) encodingDetectedBy: string;
  @ApiProperty({ enum: [',', ';', '\t'] }) delimiter: string;
  @ApiProperty({ type: ImportCountsView }) counts: ImportCountsView;
  @ApiPropertyOptional({ type: ImportFailureView, nullable: true }) failure: ImportFailureView | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}

export class ImportPageView {
  @ApiProperty({ type: [ProductImportView] }) items: ProductImportView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** CSV the seller opens in a spreadsheet: UTF-8 with a BOM (Excel reads it right), every text cell safe from formula injection. */
export function safeCsv(header: string[], delimiter: ',' | ';'): ReturnType<typeof stringify> {
  return stringify({ bom: true, header: true, columns: header, delimiter, escape_formulas: true, record_delimiter: 'windows', cast: { string: neutraliseFormula } });
}

/** Product imports of the calling seller: upload, state, error file. The rows are processed by the worker ({@link ImportProcessor}). */
@Injectable()
export class ImportsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly jobs: JobQueue,
    private readonly translator: Translator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Checks what can be checked at once — the bytes are text, the header names known columns — and
   * queues the import. Everything else is per row, in the worker.
   */
  async start(ctx: RequestContext, file: { buffer: Buffer; originalname?: string }, declared?: ImportEncoding): Promise<ProductImportView> {
    const seller = callerSeller(ctx);
    const bytes = file.buffer;
    const detected = detectEncoding(bytes, declared, seller.country);
    // declared UTF-8 with bytes that are not UTF-8 cannot be read without losing letters
    const unreadable = detected.by === 'declared' && detected.encoding === 'utf-8';
    if (bytes.length === 0 || unreadable || looksBinary(bytes, detected.encoding)) throw catalogError(CatalogErrorCode.IMPORT_NOT_CSV);
    const head = iconv.decode(bytes.subarray(detected.bomBytes, detected.bomBytes + 65536), detected.encoding).replace(/^\uFEFF/, '');
    const firstLine = head.split(/\r\n|\n|\r/, 1)[0];
    const delimiter = sniffDelimiter(firstLine);
    let cells: string[];
    try {
      cells = (parseSync(firstLine, { delimiter, relax_quotes: true, to_line: 1 }) as string[][])[0] ?? [];
    } catch {
      throw catalogError(CatalogErrorCode.IMPORT_NOT_CSV);
    }
    const { problems } = parseHeader(cells);
    if (problems.length) throw catalogError(CatalogErrorCode.IMPORT_HEADER_INVALID, {}, problems);
    const now = this.clock.now();
    const entity = Object.assign(new ImportEntity(), {
      id: randomUUID(),
      sellerId: seller.id,
      status: 'WAITING' as const,
      fileName: file.originalname ? file.originalname.replace(/[\p{Cc}\\/]/gu, '_').slice(0, 255) : null,
      sizeBytes: bytes.length,
      fileSha256: createHash('sha256').update(bytes).digest('hex'),
      encoding: detected.encoding,
      encodingBy: detected.by,
      delimiter,
      rowsRead: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      rowsDone: 0,
      failureCode: null,
      failureParams: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
    });
    await this.uow.run(async (tx) => {
      await tx.insert(ImportEntity, entity);
      await tx.insert(ImportFileEntity, { importId: entity.id, content: bytes });
      await this.jobs.sendInTx(tx, CATALOG_IMPORT_JOB, { importId: entity.id }, { singletonKey: entity.id });
    });
    return this.view(ctx, entity);
  }

  async get(ctx: RequestContext, id: string): Promise<ProductImportView> {
    return this.view(ctx, await this.owned(ctx, id));
  }

  async list(ctx: RequestContext, limit: number, offset: number): Promise<ImportPageView> {
    const seller = callerSeller(ctx);
    const [rows, total] = await this.uow.reader.findAndCount(ImportEntity, { where: { sellerId: seller.id }, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
    return { items: rows.map((r) => this.view(ctx, r)), total, limit, offset };
  }

  /**
   * The error file, streamed: one line per problem (row, column, sku, code, message in the caller's
   * language), in row order; a file that stopped early ends with the reason. Cells are formula-safe.
   */
  async errorsCsv(ctx: RequestContext, id: string, delimiter: ',' | ';'): Promise<{ stream: Readable; fileName: string }> {
    const entity = await this.owned(ctx, id);
    const out = safeCsv(['row', 'column', 'sku', 'code', 'message'], delimiter);
    const reader = this.uow.reader;
    const render = (key: string, params: Record<string, unknown>) => this.translator.render(ctx.locale, key, params as Record<string, MessageParam>);
    void (async () => {
      let after = -1;
      for (;;) {
        const page = await reader.query(
          'SELECT seq, "row", "column", sku, code, message_key, params FROM catalog_import_errors WHERE import_id = $1 AND seq > $2 ORDER BY seq LIMIT 1000',
          [entity.id, after],
        ) as { seq: number; row: number; column: string; sku: string | null; code: string; message_key: string; params: Record<string, unknown> }[];
        for (const e of page) {
          if (!out.write([e.row, e.column, e.sku ?? '', e.code, render(e.message_key, e.params)])) await new Promise((r) => out.once('drain', r));
        }
        if (page.length < 1000) break;
        after = page[page.length - 1].seq;
      }
      if (entity.status === 'FAILED' && entity.failureCode) {
        out.write([entity.failureParams?.line ?? '', '', '', entity.failureCode, render(`catalog.import.failure.${entity.failureCode}`, entity.failureParams ?? {})]);
      }
      out.end();
    })().catch((e: unknown) => out.destroy(e as Error));
    return { stream: out, fileName: `import-${entity.id}-errors.csv` };
  }

  private async owned(ctx: RequestContext, id: string): Promise<ImportEntity> {
    const seller = callerSeller(ctx);
    const row = UUID.test(id) ? await this.uow.reader.findOne(ImportEntity, { where: { id, sellerId: seller.id } }) : null;
    if (!row) throw catalogError(CatalogErrorCode.IMPORT_NOT_FOUND);
    return row;
  }

  private view(ctx: RequestContext, e: ImportEntity): ProductImportView {
    return {
      id: e.id,
      status: e.status,
      fileName: e.fileName,
      sizeBytes: e.sizeBytes,
      encoding: e.encoding,
      encodingDetectedBy: e.encodingBy,
      delimiter: e.delimiter,
      counts: { read: e.rowsRead, created: e.created, updated: e.updated, unchanged: e.unchanged, failed: e.failed },
      failure: e.failureCode
        ? { code: e.failureCode, message: this.translator.render(ctx.locale, `catalog.import.failure.${e.failureCode}`, (e.failureParams ?? {}) as Record<string, MessageParam>) }
        : null,
      createdAt: e.createdAt.toISOString(),
      startedAt: e.startedAt?.toISOString() ?? null,
      finishedAt: e.finishedAt?.toISOString() ?? null,
    };
  }
}

