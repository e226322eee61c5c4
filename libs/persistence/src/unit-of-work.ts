import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A transaction handle. Every write goes through one, obtained from {@link UnitOfWork.run}. */
export type Tx = EntityManager;

/**
 * What reading needs and nothing that writes: no save/insert/update/delete, no transaction, no way
 * back to the DataSource. A function that only reads takes a `Reader`, so it accepts both
 * `uow.reader` and a caller's `Tx` (read-your-writes inside a transaction), and a caller always
 * says which one it means: no `tx = this.uow.reader` defaults.
 */
export type Reader = Pick<
  EntityManager,
  | 'find'
  | 'findBy'
  | 'findOne'
  | 'findOneBy'
  | 'findOneOrFail'
  | 'findOneByOrFail'
  | 'findAndCount'
  | 'findAndCountBy'
  | 'count'
  | 'countBy'
  | 'exists'
  | 'existsBy'
  | 'sum'
  | 'average'
  | 'minimum'
  | 'maximum'
  | 'query'
  | 'createQueryBuilder'
  | 'getId'
  | 'hasId'
>;

/**
 * The reader's own connections: every session runs with `default_transaction_read_only = on`, so
 * what the type cannot stop (raw SQL, a query builder's `.update()`) fails in PostgreSQL with
 * SQLSTATE 25006 instead of writing outside a transaction.
 */
export const READ_ONLY_DATA_SOURCE = Symbol('READ_ONLY_DATA_SOURCE');

type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * The one transaction mechanism: services call `uow.run(tx => …)` and pass `tx` to the repositories
 * and collaborators taking part, so a write cannot silently escape the transaction. Serialization
 * failures and deadlocks are retried a few times (the work must be idempotent within its tx).
 */
@Injectable()
export class UnitOfWork implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(READ_ONLY_DATA_SOURCE) private readonly readOnly: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.readOnly.isInitialized) await this.readOnly.destroy();
  }

  async run<T>(work: (tx: Tx) => Promise<T>, options: { isolation?: Isolation; retries?: number } = {}): Promise<T> {
    const retries = options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        // READ COMMITTED is PostgreSQL's default: no SET TRANSACTION round trip for it
        return await (options.isolation ? this.dataSource.transaction(options.isolation, work) : this.dataSource.transaction(work));
      } catch (e) {
        const code = (e as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (e as { code?: string }).code;
        if (attempt < retries && code && RETRYABLE.has(code)) {
          await new Promise((r) => setTimeout(r, 10 * 2 ** attempt + Math.random() * 10));
          continue;
        }
        throw e;
      }
    }
  }

  /** For reads that need no transaction: read-only by type and by session (see {@link Reader}). */
  get reader(): Reader {
    return this.readOnly.manager;
  }

  /**
   * One write statement in its own implicit transaction, for hot paths where BEGIN/COMMIT would
   * double the round trips (the webhook intake's batch insert, a throttle reset, an idempotent
   * `INSERT … ON CONFLICT DO NOTHING`). A statement is atomic on its own; anything needing two
   * statements uses {@link run}.
   */
  async statement<T = unknown>(sql: string, params?: unknown[]): Promise<T> {
    return (await this.dataSource.query(sql, params)) as T;
  }
}

/** True when a database error is a unique-constraint violation of the named constraint. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const driver = ((e as { driverError?: unknown }).driverError ?? e) as { code?: string; constraint?: string };
  return driver?.code === '23505' && (!constraint || driver.constraint === constraint);
}
