import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Tx } from './unit-of-work';

/**
 * `COPY … FROM STDIN` in the caller's transaction: `data` (text-format lines, each ending in `\n`)
 * is pulled chunk by chunk while PostgreSQL reads the earlier ones. For bulk writes, where binding
 * thousands of rows as query parameters costs more in PostgreSQL than the write itself.
 */
export async function copyInto(tx: Tx, copySql: string, data: Iterable<string>): Promise<void> {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('copyInto needs a transaction (uow.run)');
  const client = (await runner.connect()) as PoolClient;
  await pipeline(Readable.from(data, { objectMode: false }), client.query(copyFromStdin(copySql)));
}

const COPY_SPECIAL = /[\\\n\r\t]/;
/** A text value as a COPY text-format field (backslash, newline, carriage return and tab escaped). */
export const copyText = (v: string): string => (COPY_SPECIAL.test(v) ? v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') : v);
/** NULL in COPY text format. */
export const COPY_NULL = '\\N';
