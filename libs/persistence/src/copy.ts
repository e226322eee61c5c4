import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Tx } from './unit-of-work';

/** Bytes per chunk sent to COPY. */
const COPY_CHUNK_BYTES = 64 * 1024;

/**
 * Text lines as UTF-8 chunks of about {@link COPY_CHUNK_BYTES}: each line is written into the chunk
 * (`Buffer.write`), not joined into one long string first. Joining thousands of lines builds a rope
 * that V8 flattens and then measures and encodes in passes over megabytes of two-byte characters;
 * writing short strings one by one costs a tenth of that (measured: 1 ms against 7–11 ms per 1,000
 * catalog rows). A line longer than a chunk travels alone.
 */
export function* utf8Chunks(lines: Iterable<string>, chunkBytes = COPY_CHUNK_BYTES): Generator<Buffer> {
  let chunk = Buffer.allocUnsafe(chunkBytes);
  let at = 0;
  for (const line of lines) {
    // a UTF-16 code unit is at most 3 bytes of UTF-8
    if (line.length * 3 > chunkBytes - at) {
      if (at > 0) {
        yield chunk.subarray(0, at);
        chunk = Buffer.allocUnsafe(chunkBytes);
        at = 0;
      }
      if (line.length * 3 > chunkBytes) {
        yield Buffer.from(line, 'utf8');
        continue;
      }
    }
    at += chunk.write(line, at, 'utf8');
  }
  if (at > 0) yield chunk.subarray(0, at);
}

/**
 * `COPY … FROM STDIN` in the caller's transaction: `data` (text-format lines, each ending in `\n`;
 * one string may hold several lines) is encoded chunk by chunk while PostgreSQL reads the earlier
 * ones. For bulk writes, where binding thousands of rows as query parameters costs more in
 * PostgreSQL than the write itself.
 */
export async function copyInto(tx: Tx, copySql: string, data: Iterable<string>): Promise<void> {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('copyInto needs a transaction (uow.run)');
  const client = (await runner.connect()) as PoolClient;
  await pipeline(Readable.from(utf8Chunks(data), { objectMode: false }), client.query(copyFromStdin(copySql)));
}

const COPY_SPECIAL = /[\\\n\r\t]/;
/**
 * `COPY … FROM STDIN` of bytes already in COPY text format (see {@link CopyRows}), in the caller's transaction. Parts
 * that follow each other in one buffer travel as one message.
 */
export async function copyBytes(tx: Tx, copySql: string, parts: readonly Buffer[]): Promise<void> {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('copyBytes needs a transaction (uow.run)');
  const client = (await runner.connect()) as PoolClient;
  await pipeline(Readable.from(coalesced(parts), { objectMode: false }), client.query(copyFromStdin(copySql)));
}

function* coalesced(parts: readonly Buffer[]): Generator<Buffer> {
  let run: Buffer | undefined;
  for (const part of parts) {
    if (!part.length) continue;
    if (run && run.buffer === part.buffer && run.byteOffset + run.length === part.byteOffset) {
      run = Buffer.from(run.buffer, run.byteOffset, run.length + part.length);
      continue;
    }
    if (run) yield run;
    run = part;
  }
  if (run) yield run;
}

/**
 * Rows in COPY text format written field by field straight into bytes: no line is built as a string first (joining
 * the fields of a row makes a rope that V8 flattens, measures and encodes; the fields themselves are short strings,
 * mostly slices of the file being imported). {@link mark} and {@link bytes} cut the rows of one record out again.
 */
export class CopyRows {
  private buf: Buffer;
  private at = 0;
  private fields = 0;

  constructor(initialBytes = 256 * 1024) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** Where the next row starts. */
  mark(): number {
    return this.at;
  }

  /** The bytes from `from` (a {@link mark}) to `to` (default: the end). */
  bytes(from = 0, to = this.at): Buffer {
    return this.buf.subarray(from, to);
  }

  /** A text field, escaped; `null`/`undefined` as NULL. */
  text(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.raw('\\N');
    // a UTF-16 unit is at most 3 bytes of UTF-8; an escaped one is 2
    this.room(value.length * 3 + 1);
    this.separate();
    this.at += this.buf.write(COPY_SPECIAL.test(value) ? escapeCopy(value) : value, this.at, 'utf8');
    return this;
  }

  /** A value as JSON (a text field); `null`/`undefined` as NULL. */
  json(value: unknown): this {
    return value === null || value === undefined ? this.raw('\\N') : this.text(JSON.stringify(value));
  }

  /** A field that needs no escaping and is ASCII: a uuid, a number, an ISO timestamp, a fixed code. */
  raw(value: string | number | bigint): this {
    const text = typeof value === 'string' ? value : String(value);
    this.room(text.length + 1);
    this.separate();
    this.at += this.buf.write(text, this.at, 'latin1');
    return this;
  }

  /** Ends the row. */
  end(): this {
    this.room(1);
    this.buf[this.at++] = 0x0a;
    this.fields = 0;
    return this;
  }

  private separate(): void {
    if (this.fields++ > 0) this.buf[this.at++] = 0x09;
  }

  private room(bytes: number): void {
    if (this.at + bytes + 1 <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + bytes + 1) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
}

const escapeCopy = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');


/** A text value as a COPY text-format field (backslash, newline, carriage return and tab escaped). */
export const copyText = (v: string): string => (COPY_SPECIAL.test(v) ? escapeCopy(v) : v);
/** NULL in COPY text format. */
export const COPY_NULL = '\\N';
