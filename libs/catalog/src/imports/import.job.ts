import { Inject, Injectable, Logger } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { In } from 'typeorm';
import { CountryRulesService } from '@app/countries';
import { CLOCK, isStorableText, safeError } from '@app/kernel';
import type { Clock, MessageParam } from '@app/kernel';
import { JobHandler, JobProcessor, JobQueue } from '@app/jobs';
import { COPY_NULL, copyBytes, CopyRows, isUniqueViolation, UnitOfWork } from '@app/persistence';
import type { Tx } from '@app/persistence';
import { SellerDirectory } from '@app/sellers';
import { PricesService } from '../prices/prices.service';
import { ProductEntity, ProductTranslationEntity, VariantEntity } from '../products/product.entity';
import { ProductsService } from '../products/products.service';
import { sourceFields } from '../products/source-fields';
import { parseHeader } from './columns';
import { plainCsv } from './plain-csv';
import type { CsvRecord } from './plain-csv';
import type { Header } from './columns';
import type { ImportEncoding } from './csv-format';
import { IMPORT_LIFECYCLE, ImportEntity, ImportErrorEntity, ImportFileEntity } from './import.entity';
import { endImportInternally } from './import-sweeper';
import { CATALOG_IMPORT_JOB } from './imports.service';
import { checkGroup, sameProduct, sameVariant } from './rows';
import type { CsvRow, Existing, GroupContext, GroupOutcome, ProductColumns, RowProblem, VariantColumns } from './rows';
import { ReadinessTrigger } from '../readiness/trigger';

export const CATALOG_IMPORT_REPRICE_JOB = 'catalog.import-reprice';
/** Products re-priced per transaction by {@link ImportRepriceJob}. */
const IMPORT_REPRICE_CHUNK = 200;

/** The stored file is read in slices of this many bytes. */
const FILE_SLICE_BYTES = 1024 * 1024;

/** Rows per transaction: whole products only, so no product is ever half written. */
export const IMPORT_BATCH_ROWS = 1000;

/**
 * Turns for pending I/O during the CPU-bound reading and checking: every millisecond or so, `due()` gives a promise
 * that resolves on the next turn of the event loop (`setImmediate`, after I/O callbacks). Without it the transaction
 * of the previous batch, which needs a callback for each of its statements, waits until the next batch is read and
 * checked, and PostgreSQL idles meanwhile; with it the two overlap.
 */
class IoBreaks {
  private since = performance.now();
  private calls = 0;

  due(): Promise<void> | undefined {
    if ((++this.calls & 15) !== 0 || performance.now() - this.since < 1) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        this.since = performance.now();
        resolve();
      }),
    );
  }
}

interface Group {
  key: string;
  rows: CsvRow[];
  /** Problems found before the database is asked (cell count, characters, SKU repeated in the file). */
  problems: RowProblem[];
  /**
   * The group checked as a new product (what it is unless one of its SKUs exists), before its batch's transaction:
   * its COPY lines (a new product's id drawn), or its problems. Only these are kept until the batch commits.
   */
  asNew?: { rows: NewRows } | { problems: RowProblem[] };
}

/** A product row to insert (the columns as the API's create writes them). */
type NewProduct = ProductColumns & { id: string; sellerId: string; status: 'draft' };
type NewVariant = VariantColumns & { id: string; productId: string; sellerId: string; position: number };

interface Tally {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  rows: number;
}

const rowProblem = (r: CsvRow, sku: string | null, column: string, code: string, params: Record<string, MessageParam> = {}): RowProblem => ({
  row: r.row,
  column,
  sku,
  code,
  messageKey: `catalog.import.row.${code}`,
  params: { ...params, column, field: column },
});

/**
 * Runs an import: streams the stored file through the decoder and csv-parse, groups consecutive
 * rows into products and commits them in batches of whole products. A batch's counts, errors and
 * progress are written in its own transaction, so a second run of the job (crash, retry) resumes
 * after the last committed batch; rows are upserts by SKU, so the same file twice changes nothing.
 */
@Injectable()
@JobHandler({ name: CATALOG_IMPORT_JOB, retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 3600, heartbeatSeconds: 60 })
export class ImportProcessor implements JobProcessor<{ importId: string }> {
  private readonly logger = new Logger('CatalogImport');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly countries: CountryRulesService,
    private readonly products: ProductsService,
    private readonly jobs: JobQueue,
    private readonly sellers: SellerDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(data: { importId: string }): Promise<void> {
    const job = await this.uow.reader.findOne(ImportEntity, { where: { id: data.importId } });
    if (!job || IMPORT_LIFECYCLE.terminal.includes(job.status)) return;
    const content = await this.storedFile(job.id);
    if (!content) return;
    if (job.status === 'WAITING') {
      job.status = await IMPORT_LIFECYCLE.move(job.status, 'RUNNING');
      job.startedAt = this.clock.now();
      await this.uow.run((tx) => tx.update(ImportEntity, { id: job.id }, { status: job.status, startedAt: job.startedAt }));
    }
    const started = Date.now();
    const failure = await this.process(job, content);
    await this.uow.run(async (tx) => {
      await tx.update(ImportEntity, { id: job.id, status: job.status }, { // not if the sweeper ended it meanwhile (FAILED stays)
        status: await IMPORT_LIFECYCLE.move(job.status, failure ? 'FAILED' : 'COMPLETE'),
        failureCode: failure?.code ?? null,
        failureParams: failure?.params ?? null,
        finishedAt: this.clock.now(),
      });
      await tx.delete(ImportFileEntity, { importId: job.id });
    });
    this.logger.log(`import ${job.id}: ${failure ? `FAILED (${failure.code})` : 'COMPLETE'} in ${Date.now() - started} ms`);
  }

  /**
   * The job failed on its last attempt (pg-boss retries used up): the import must not stay RUNNING (or WAITING) for
   * ever. It ends FAILED with the stable code INTERNAL ("stopped because of an error on our side; the rows before it
   * were imported"), keeping the counts of the batches already committed. When pg-boss ends the job without calling
   * this (the last attempt expired, its worker died), the ImportSweeper does the same.
   */
  async exhausted(data: { importId: string }): Promise<void> {
    if (await this.uow.run((tx) => endImportInternally(tx, data.importId, this.clock.now()))) this.logger.error(`import ${data.importId}: FAILED (INTERNAL) after its last attempt`);
  }

  /**
   * The stored file, read in slices of {@link FILE_SLICE_BYTES}: one 32 MiB bytea comes back as one 64 MiB hex message,
   * which the driver buffers chunk by chunk and decodes at once (measured: 3× the CPU of slices on a 5 MiB file).
   */
  private async storedFile(importId: string): Promise<Buffer | null> {
    const [head] = (await this.uow.reader.query('SELECT length(content) AS size FROM catalog_import_files WHERE import_id = $1', [importId])) as { size: number }[];
    if (!head) return null;
    const parts: Buffer[] = [];
    for (let from = 1; from <= head.size; from += FILE_SLICE_BYTES) {
      const [slice] = (await this.uow.reader.query('SELECT substring(content FROM $2 FOR $3) AS part FROM catalog_import_files WHERE import_id = $1', [importId, from, FILE_SLICE_BYTES])) as { part: Buffer }[];
      if (!slice) return null;
      parts.push(slice.part);
    }
    return Buffer.concat(parts, head.size);
  }

  /** Reads the whole file; returns why it stopped early, or null. */
  async process(job: ImportEntity, content: Buffer): Promise<{ code: string; params: Record<string, string | number> } | null> {
    const seller = await this.sellers.standing(job.sellerId, this.uow.reader);
    if (!seller) return { code: 'INTERNAL', params: {} }; // the seller is gone (a deleted account cascades its imports away)
    const profile = await this.sellers.businessProfile(job.sellerId, this.uow.reader);
    const pack = await this.countries.getPublished(seller.country);
    const bom = job.encodingBy === 'bom' ? (job.encoding === 'utf-8' ? 3 : 2) : 0;
    // The first record that is not CSV ends the import (FAILED); the records before it are imported. Skipping it
    // (instead of failing the stream) keeps the records parsed before it in the same chunk, which a stream error would drop.
    const stop: { malformed: { errorLine: number; reason: string } | null } = { malformed: null };
    // plain spreadsheet CSV is read by plainCsv (the same records, much faster); anything else by csv-parse
    const text = iconv.decode(content.subarray(bom), job.encoding as ImportEncoding);
    const plain = plainCsv(text, job.delimiter);
    // plainCsv cuts cells only at ASCII characters (never inside a surrogate pair): when the whole text is storable,
    // so is every cell, and the rows need no check of their own
    const storable = plain !== null && isStorableText(text);
    const parser = plain ?? this.csvParse(content.subarray(bom), job, stop);
    let lastLine = 0;
    let header: Header | undefined;
    let ctx: GroupContext | undefined;
    let dataRows = 0;
    let seq = (await this.uow.reader.maximum(ImportErrorEntity, 'seq', { importId: job.id })) ?? 0;
    const skuRows = new Map<string, number>();
    const closedKeys = new Map<string, number>();
    let group: Group | undefined;
    let batch: Group[] = [];
    let batchRows = 0;
    // One batch's transaction runs while the next batch is read and checked; transactions still run one at a
    // time and in file order (rows_done must only ever count a prefix of the file).
    let committing: Promise<void> = Promise.resolve();
    const breaks = new IoBreaks();
    /** What the last committed batch found: most of its SKUs stored already, or not. */
    const lastBatch = { stored: false };
    const flush = async () => {
      if (!batch.length) return;
      const groups = batch;
      const rows = batchRows;
      batch = [];
      batchRows = 0;
      const at = this.clock.now().toISOString();
      const newRows = new BatchRows();
      for (const g of groups) {
        const pause = breaks.due();
        if (pause) await pause;
        // when the last batch's SKUs were mostly stored already (a file imported again), checking as new is wasted work
        if (g.problems.length || lastBatch.stored) continue;
        const checked = checkGroup(ctx!, g.rows, null);
        g.asNew = checked.ok ? { rows: writeNewProduct(newRows, job.sellerId, checked, at) } : { problems: checked.problems };
      }
      await committing;
      committing = this.commit(job, ctx!, groups, rows, seq, lastBatch).then((next) => {
        seq = next;
      });
      committing.catch(() => undefined); // handled where it is awaited
    };
    const finish = async () => {
      await flush();
      await committing;
    };
    /** Ends the current product; a promise only when that fills a batch (most rows take no turn of the event loop). */
    const close = (): Promise<void> | undefined => {
      if (!group) return undefined;
      closedKeys.set(group.key, group.rows[group.rows.length - 1].row);
      batch.push(group);
      batchRows += group.rows.length;
      group = undefined;
      return batchRows >= IMPORT_BATCH_ROWS ? flush() : undefined;
    };
    /** One product row's record; a promise only when it ends a batch. */
    const take = (record: string[], info: { lines: number }): Promise<void> | undefined => {
      if (stop.malformed && info.lines >= stop.malformed.errorLine) return undefined;
      lastLine = info.lines;
      if (!header) {
        header = parseHeader(record).header;
        ctx = {
          header,
          defaultCurrency: pack.document.currencies.default,
          defaultSourceLocale: this.products.defaultSourceLocale(seller.country),
          brands: [...(profile?.brands ?? [])],
        };
        return undefined;
      }
      if (record.every((c) => c.trim() === '')) return undefined; // Excel's ";;;;" lines
      dataRows++;
      const row: CsvRow = { row: info.lines, cells: record };
      const skuAt = header.index('sku');
      const sku = record[skuAt] ?? '';
      const keyAt = header.index('product_key');
      const key = (keyAt >= 0 ? record[keyAt]?.trim() : '') || `\u0000${sku}`;
      if (dataRows <= job.rowsDone) {
        // committed by an earlier run of this job: only remembered, for the checks across rows
        if (sku && !skuRows.has(sku)) skuRows.set(sku, row.row);
        closedKeys.set(key, row.row);
        return undefined;
      }
      const problems: RowProblem[] = [];
      const width = header.names.length;
      if (record.length > width && record.slice(width).some((c) => c.trim() !== '')) {
        problems.push(rowProblem(row, sku.slice(0, 64) || null, '', 'COLUMN_COUNT', { count: record.length, expected: width }));
      }
      const bad = storable ? -1 : record.findIndex((c) => !isStorableText(c));
      if (bad >= 0) problems.push(rowProblem(row, null, header.names[bad] ?? '', 'INVALID_CHARACTERS'));
      if (sku && skuRows.has(sku)) problems.push(rowProblem(row, sku.slice(0, 64), 'sku', 'DUPLICATE_SKU_IN_FILE', { sku, row: skuRows.get(sku)! }));
      else if (sku) skuRows.set(sku, row.row);
      if (group && group.key === key) {
        group.rows.push(row);
        for (const p of problems) group.problems.push(p);
        return undefined;
      }
      const open = () => {
        if (closedKeys.has(key)) {
          problems.push(rowProblem(row, sku.slice(0, 64) || null, 'product_key', 'PRODUCT_KEY_NOT_CONSECUTIVE', { key: key.replace(/^\u0000/, ''), row: closedKeys.get(key)! }));
          batch.push({ key: `\u0001${row.row}`, rows: [row], problems });
          batchRows += 1;
          return;
        }
        group = { key, rows: [row], problems };
      };
      const closing = close();
      if (closing) return closing.then(open);
      open();
      return undefined;
    };
    try {
      if (plain) {
        // plain CSV is read synchronously: a promise per record (for await) cost more than reading it
        for (const { record, info } of plain) {
          const pause = breaks.due();
          if (pause) await pause;
          const taking = take(record, info);
          if (taking) await taking;
        }
      } else {
        for await (const { record, info } of parser) {
          const pause = breaks.due();
          if (pause) await pause;
          const taking = take(record, info);
          if (taking) await taking;
        }
      }
      await close();
      await finish();
      const malformed = stop.malformed;
      if (malformed) {
        this.logger.warn(`import ${job.id}: malformed CSV after line ${lastLine} (${malformed.reason})`);
        return { code: 'CSV_MALFORMED', params: { line: lastLine + 1, reason: malformed.reason } };
      }
      return null;
    } catch (e) {
      // the rows read before the file went wrong are still imported
      await Promise.resolve(close()).catch(() => undefined);
      await finish();
      if (e instanceof CsvError) {
        const line = Number((e as CsvError & { lines?: number }).lines ?? 0);
        this.logger.warn(`import ${job.id}: malformed CSV at line ${line} (${e.code})`);
        return { code: 'CSV_MALFORMED', params: { line, reason: e.code } };
      }
      this.logger.error({ err: safeError(e) }, `import ${job.id} stopped`);
      throw e;
    }
  }

  /** csv-parse over the decoded stream: the first record that is not CSV is noted in `stop` and skipped. */
  private csvParse(content: Buffer, job: ImportEntity, stop: { malformed: { errorLine: number; reason: string } | null }): AsyncIterable<CsvRecord> {
    const parser = Readable.from([content])
      .pipe(iconv.decodeStream(job.encoding as ImportEncoding))
      .pipe(parse({ delimiter: job.delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true, skip_records_with_error: true }));
    parser.on('skip', (e: CsvError & { lines?: number }) => {
      stop.malformed ??= { errorLine: Number(e.lines ?? 0), reason: e.code };
    });
    return parser as AsyncIterable<CsvRecord>;
  }

  /** Commits one batch of whole products (retried once when a concurrent write took a SKU). */
  private async commit(job: ImportEntity, ctx: GroupContext, groups: Group[], rows: number, seq: number, lastBatch: { stored: boolean }): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.uow.run((tx) => this.write(tx, job, ctx, groups, rows, seq, lastBatch));
      } catch (e) {
        if (attempt < 3 && isUniqueViolation(e)) continue;
        throw e;
      }
    }
  }

  private async write(tx: Tx, job: ImportEntity, ctx: GroupContext, groups: Group[], rows: number, seq: number, lastBatch: { stored: boolean }): Promise<number> {
    const skuAt = ctx.header.index('sku');
    const skus = [...new Set(groups.flatMap((g) => g.rows.map((r) => r.cells[skuAt] ?? '')).filter(Boolean))];
    const hits: { product_id: string; sku: string }[] = skus.length
      ? await tx.query('SELECT product_id, sku FROM catalog_variants WHERE seller_id = $1 AND sku = ANY($2::varchar[])', [job.sellerId, skus])
      : [];
    const productOfSku = new Map(hits.map((h) => [h.sku, h.product_id]));
    lastBatch.stored = hits.length * 2 > skus.length;
    const productIds = [...new Set(hits.map((h) => h.product_id))];
    // the stored products (locked, in id order) and their variants, as plain rows: TypeORM's hydration of thousands of
    // entities cost more than the re-import's checks
    const products = productIds.length ? ((await tx.query(`SELECT ${PRODUCT_FIELDS} FROM catalog_products WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [productIds])) as ProductEntity[]) : [];
    const allVariants = productIds.length
      ? ((await tx.query(`SELECT ${VARIANT_FIELDS} FROM catalog_variants WHERE product_id = ANY($1::uuid[]) ORDER BY product_id, position`, [productIds])) as VariantEntity[])
      : [];
    const byId = new Map(products.map((p) => [p.id, p]));
    const variantsOf = new Map<string, VariantEntity[]>();
    for (const v of allVariants) {
      const list = variantsOf.get(v.productId);
      if (list) list.push(v);
      else variantsOf.set(v.productId, [v]);
    }

    const tally: Tally = { created: 0, updated: 0, unchanged: 0, failed: 0, rows };
    const problems: RowProblem[] = [];
    const productRows: Buffer[] = [];
    const variantRows: Buffer[] = [];
    let more: BatchRows | undefined; // new rows found only now (a variant added to a stored product)
    const changedProducts: ChangedProduct[] = [];
    const changedVariants: ChangedVariant[] = [];
    const touched = new Set<string>();
    const fail = (g: Group, own: RowProblem[]) => {
      const failedRows = new Set(own.map((p) => p.row));
      const firstBad = Math.min(...failedRows);
      problems.push(...own);
      for (const r of g.rows) {
        if (!failedRows.has(r.row)) problems.push(rowProblem(r, (r.cells[skuAt] ?? '').slice(0, 64) || null, '', 'PRODUCT_ROW_FAILED', { row: firstBad }));
      }
      tally.failed += g.rows.length;
    };

    for (const g of groups) {
      if (g.problems.length) {
        fail(g, g.problems);
        continue;
      }
      const owners = productOfSku.size ? [...new Set(g.rows.map((r) => productOfSku.get(r.cells[skuAt] ?? '')).filter((p): p is string => !!p))] : [];
      if (owners.length > 1) {
        fail(g, g.rows.filter((r) => productOfSku.get(r.cells[skuAt]) && productOfSku.get(r.cells[skuAt]) !== owners[0]).map((r) => rowProblem(r, r.cells[skuAt].slice(0, 64), 'sku', 'SKU_OTHER_PRODUCT', { sku: r.cells[skuAt] })));
        continue;
      }
      const product = owners.length ? byId.get(owners[0]) : undefined;
      const existing: Existing | null = product ? { product, variants: variantsOf.get(product.id) ?? [] } : null;
      const now = this.clock.now();
      if (!existing && g.asNew && 'problems' in g.asNew) {
        fail(g, g.asNew.problems);
        continue;
      }
      if (!existing && g.asNew && 'rows' in g.asNew) {
        const rows = g.asNew.rows;
        productRows.push(rows.product);
        variantRows.push(rows.variants);
        touched.add(rows.id);
        tally.created += g.rows.length;
        continue;
      }
      const outcome = checkGroup(ctx, g.rows, existing);
      if (!outcome.ok) {
        fail(g, outcome.problems);
        continue;
      }
      if (!existing) {
        more ??= new BatchRows();
        const rows = writeNewProduct(more, job.sellerId, outcome, now.toISOString());
        productRows.push(rows.product);
        variantRows.push(rows.variants);
        touched.add(rows.id);
        tally.created += g.rows.length;
        continue;
      }
      const inFile = new Set(outcome.variants.map((v) => v.sku));
      if (outcome.product.currency !== existing.product.currency && existing.variants.some((v) => !inFile.has(v.sku))) {
        fail(g, [rowProblem(g.rows[0], (g.rows[0].cells[skuAt] ?? '').slice(0, 64), 'currency', 'CURRENCY_CHANGE_PARTIAL', { currency: outcome.product.currency })]);
        continue;
      }
      const productChanged = !sameProduct(existing.product, outcome.product);
      if (productChanged) {
        changedProducts.push({ id: existing.product.id, ...outcome.product, updatedAt: now });
        touched.add(existing.product.id);
      }
      const old = new Map(existing.variants.map((v) => [v.sku, v]));
      let position = existing.variants.reduce((m, v) => Math.max(m, v.position), -1);
      for (const v of outcome.variants) {
        const was = old.get(v.sku);
        if (!was) {
          more ??= new BatchRows();
          const from = more.variants.mark();
          writeVariant(more.variants, { id: randomUUID(), productId: existing.product.id, sellerId: job.sellerId, position: ++position, ...v });
          variantRows.push(more.variants.bytes(from));
          touched.add(existing.product.id);
          tally.created++;
        } else if (!sameVariant(was, v)) {
          const { sku: _sku, ...columns } = v;
          changedVariants.push({ id: was.id, ...columns });
          touched.add(existing.product.id);
          tally.updated++;
        } else if (productChanged) tally.updated++;
        else tally.unchanged++;
      }
    }

    if (productRows.length) await copyBytes(tx, PRODUCT_COPY, productRows);
    if (changedProducts.length) await updateProducts(tx, changedProducts);
    if (variantRows.length) await copyBytes(tx, VARIANT_COPY, variantRows);
    if (changedVariants.length) await updateVariants(tx, changedVariants);
    if (changedProducts.length) await this.dropOrphanTranslations(tx, changedProducts.map((p) => p.id));
    if (problems.length) {
      const list = problems.map((p) => ({ ...p, seq: ++seq }));
      await tx.query(
        `INSERT INTO catalog_import_errors (import_id, seq, "row", "column", sku, code, message_key, params)
         SELECT $1, * FROM unnest($2::int[], $3::int[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::jsonb[])`,
        [job.id, list.map((p) => p.seq), list.map((p) => p.row), list.map((p) => p.column.slice(0, 64)), list.map((p) => p.sku?.slice(0, 64) ?? null), list.map((p) => p.code.slice(0, 64)), list.map((p) => p.messageKey), list.map((p) => JSON.stringify(p.params))],
      );
    }
    await tx.query(
      `UPDATE catalog_imports SET rows_read = rows_read + $2, created = created + $3, updated = updated + $4, unchanged = unchanged + $5, failed = failed + $6, rows_done = rows_done + $2, heartbeat_at = now() WHERE id = $1`,
      [job.id, tally.rows, tally.created, tally.updated, tally.unchanged, tally.failed],
    );
    job.rowsDone += tally.rows;
    // market prices of what changed are stored by the worker after the commit (reads compute them meanwhile); that job
    // then has the products' stored readiness re-evaluated, once, with the prices it reads (a trigger here as well
    // would evaluate every imported product twice; if the job never succeeds, the hourly refresh still catches up)
    if (touched.size) await this.jobs.sendInTx(tx, CATALOG_IMPORT_REPRICE_JOB, { productIds: [...touched] });
    return seq;
  }

  /** As a product update through the API: translations of texts that no longer exist, or in the new source language, go. */
  private async dropOrphanTranslations(tx: Tx, productIds: string[]): Promise<void> {
    const rows = await tx.find(ProductTranslationEntity, { where: { productId: In(productIds) }, select: { id: true, productId: true, field: true, locale: true } });
    if (!rows.length) return;
    const products = await tx.find(ProductEntity, { where: { id: In(productIds) } });
    const variants = await tx.find(VariantEntity, { where: { productId: In(productIds) } });
    const orphans: string[] = [];
    for (const p of products) {
      const live = new Set(sourceFields(p, variants.filter((v) => v.productId === p.id)).map((f) => f.field));
      for (const r of rows) if (r.productId === p.id && (!live.has(r.field) || r.locale === p.sourceLocale)) orphans.push(r.id);
    }
    if (orphans.length) await tx.delete(ProductTranslationEntity, { id: In(orphans) });
  }
}

const PRODUCT_COPY = `COPY catalog_products (id, seller_id, status, source_locale, currency, title, description, attributes, category, hs_code, hs_national,
  origin_country, brand, gpsr, conformity, safety_information, search_text, created_at, updated_at) FROM STDIN`;
const VARIANT_COPY = 'COPY catalog_variants (id, product_id, seller_id, sku, position, attributes, price_minor, currency, weight_g, length_mm, width_mm, height_mm) FROM STDIN';

/** Every column of a product / variant row under its entity property's name (a row read so is the entity's shape). */
const PRODUCT_FIELDS = `id, seller_id AS "sellerId", status, source_locale AS "sourceLocale", currency, title, description, attributes, category,
  hs_code AS "hsCode", hs_national AS "hsNational", origin_country AS "originCountry", brand, gpsr, conformity, battery,
  safety_information AS "safetyInformation", search_text AS "searchText", created_at AS "createdAt", updated_at AS "updatedAt"`;
const VARIANT_FIELDS = `id, product_id AS "productId", seller_id AS "sellerId", sku, position, attributes, price_minor AS "priceMinor", currency,
  floor_minor AS "floorMinor", weight_g AS "weightG", length_mm AS "lengthMm", width_mm AS "widthMm", height_mm AS "heightMm"`;

type ChangedProduct = ProductColumns & { id: string; updatedAt: Date };
type ChangedVariant = Omit<VariantColumns, 'sku'> & { id: string };

/**
 * The changed products of a batch in one statement: the rows travel as one jsonb parameter (`jsonb_to_recordset`),
 * instead of one UPDATE per product (measured: a file that changes every row ran at ~1,400 rows/s that way).
 */
async function updateProducts(tx: Tx, rows: ChangedProduct[]): Promise<void> {
  await tx.query(
    `UPDATE catalog_products p SET title = r.title, description = r.description, attributes = r.attributes, category = r.category,
       hs_code = r."hsCode", hs_national = r."hsNational", origin_country = r."originCountry", brand = r.brand, gpsr = r.gpsr,
       conformity = r.conformity, safety_information = r."safetyInformation", search_text = r."searchText", source_locale = r."sourceLocale",
       currency = r.currency, updated_at = r."updatedAt"
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, title varchar, description text, attributes jsonb, category varchar, "hsCode" char(6),
       "hsNational" jsonb, "originCountry" char(2), brand varchar, gpsr jsonb, conformity jsonb, "safetyInformation" text, "searchText" text,
       "sourceLocale" varchar, currency char(3), "updatedAt" timestamptz)
     WHERE p.id = r.id`,
    [JSON.stringify(rows)],
  );
}

/** The changed variants of a batch in one statement (as {@link updateProducts}). */
async function updateVariants(tx: Tx, rows: ChangedVariant[]): Promise<void> {
  await tx.query(
    `UPDATE catalog_variants v SET attributes = r.attributes, price_minor = r."priceMinor", currency = r.currency, weight_g = r."weightG",
       length_mm = r."lengthMm", width_mm = r."widthMm", height_mm = r."heightMm"
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, attributes jsonb, "priceMinor" bigint, currency char(3), "weightG" int, "lengthMm" int,
       "widthMm" int, "heightMm" int)
     WHERE v.id = r.id`,
    [JSON.stringify(rows)],
  );
}

/** A batch's new rows in COPY text format, written before its transaction (while the previous batch commits). */
class BatchRows {
  readonly products = new CopyRows();
  readonly variants = new CopyRows();
}

/** A checked new product and its variants, with new ids, as their bytes in a {@link BatchRows}. */
interface NewRows {
  id: string;
  product: Buffer;
  variants: Buffer;
}

function writeNewProduct(rows: BatchRows, sellerId: string, outcome: Extract<GroupOutcome, { ok: true }>, at: string): NewRows {
  const id = randomUUID();
  const product = rows.products.mark();
  writeProduct(rows.products, { id, sellerId, status: 'draft', ...outcome.product }, at);
  const variants = rows.variants.mark();
  outcome.variants.forEach((v, i) => writeVariant(rows.variants, { id: randomUUID(), productId: id, sellerId, position: i, ...v }));
  return { id, product: rows.products.bytes(product), variants: rows.variants.bytes(variants) };
}

/** A new product as a row of {@link PRODUCT_COPY}. */
function writeProduct(out: CopyRows, p: NewProduct, at: string): void {
  out.raw(p.id).raw(p.sellerId).raw(p.status).text(p.sourceLocale).text(p.currency).text(p.title).text(p.description)
    .json(p.attributes).text(p.category).text(p.hsCode).json(p.hsNational).text(p.originCountry).text(p.brand)
    .json(p.gpsr).json(p.conformity).text(p.safetyInformation).text(p.searchText).raw(at).raw(at).end();
}

/** A new variant as a row of {@link VARIANT_COPY}. */
function writeVariant(out: CopyRows, v: NewVariant): void {
  out.raw(v.id).raw(v.productId).raw(v.sellerId).text(v.sku).raw(v.position).json(v.attributes).raw(v.priceMinor).text(v.currency)
    .raw(v.weightG ?? COPY_NULL).raw(v.lengthMm ?? COPY_NULL).raw(v.widthMm ?? COPY_NULL).raw(v.heightMm ?? COPY_NULL).end();
}

/**
 * Stores the market prices of products an import created or changed (as a product write through the API does, after
 * the fact), then has their stored readiness re-evaluated: the import's only readiness trigger, placed here because
 * readiness reads the stored prices (a price blocked below the seller's floor, a published price a stale rate keeps).
 */
@Injectable()
@JobHandler({ name: CATALOG_IMPORT_REPRICE_JOB, retryLimit: 5, retryDelaySeconds: 30 })
export class ImportRepriceJob implements JobProcessor<{ productIds: string[] }> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly prices: PricesService,
    private readonly readiness: ReadinessTrigger,
  ) {}

  async handle(data: { productIds: string[] }): Promise<void> {
    const cache = this.prices.newFxCache(this.uow.reader);
    const sellers = new Map<string, string[]>();
    const all = [...new Set(data.productIds ?? [])];
    // a chunk of products per transaction (locked in id order, priced by one batched read and write), not one each
    for (let i = 0; i < all.length; i += IMPORT_REPRICE_CHUNK) {
      const chunk = all.slice(i, i + IMPORT_REPRICE_CHUNK);
      await this.uow.run(async (tx) => {
        const locked: { id: string; seller_id: string }[] = await tx.query('SELECT id, seller_id FROM catalog_products WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [chunk]);
        if (!locked.length) return;
        await this.prices.repriceProducts(tx, locked.map((l) => l.id), undefined, cache);
        for (const l of locked) {
          const ids = sellers.get(l.seller_id);
          if (ids) ids.push(l.id);
          else sellers.set(l.seller_id, [l.id]);
        }
      });
    }
    // one trigger per seller for the whole batch (a retry re-prices — nothing changes — and triggers again)
    if (sellers.size) await this.uow.run(async (tx) => {
      for (const [sellerId, ids] of sellers) await this.readiness.productsChanged(tx, sellerId, ids);
    });
  }
}
