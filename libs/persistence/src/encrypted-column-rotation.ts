import { UnitOfWork } from './unit-of-work';

/** What a rotation needs from the field cipher (`FieldCipher` in the kernel). */
export interface RotatingCipher {
  readonly activeKeyId: string;
  /** The value sealed under the active key, or null when it already is. */
  reencrypt(sealed: string, context: string): string | null;
}

export interface EncryptedColumn {
  table: string;
  /** The row's key column; its value is part of the cipher context. */
  key: string;
  /** The column holding `v1.<keyId>.…` sealed values. */
  column: string;
  /** The associated data each value was sealed with, from the row key. */
  context: (key: string) => string;
}

/**
 * Key rotation of one encrypted column (an `EncryptedDataSet` of the kernel): counts values per key
 * id, and re-seals those under an older key in batches. Each update is a compare-and-set, so a
 * value the owner changed meanwhile keeps the new one. Identifiers come from code, never input.
 */
export abstract class EncryptedColumnRotation {
  readonly name: string;

  protected constructor(
    private readonly uow: UnitOfWork,
    private readonly cipher: RotatingCipher,
    private readonly spec: EncryptedColumn,
  ) {
    this.name = `${spec.table}.${spec.column}`;
  }

  async census(): Promise<Record<string, number>> {
    const { table, column } = this.spec;
    const rows: { key: string; n: number }[] = await this.uow.reader.query(
      `SELECT split_part(${column}, '.', 2) AS key, count(*)::int AS n FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.n]));
  }

  async reencryptBatch(limit: number): Promise<number> {
    const { table, key, column, context } = this.spec;
    const rows: { key: string; sealed: string }[] = await this.uow.reader.query(
      `SELECT ${key} AS key, ${column} AS sealed FROM ${table}
        WHERE ${column} IS NOT NULL AND split_part(${column}, '.', 2) <> $1 ORDER BY ${key} LIMIT $2`,
      [this.cipher.activeKeyId, limit],
    );
    for (const row of rows) {
      const next = this.cipher.reencrypt(row.sealed, context(row.key));
      if (next) await this.uow.statement(`UPDATE ${table} SET ${column} = $3 WHERE ${key} = $1 AND ${column} = $2`, [row.key, row.sealed, next]);
    }
    return rows.length;
  }
}
