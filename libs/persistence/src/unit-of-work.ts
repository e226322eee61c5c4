import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

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
  /** Undo steps for effects outside the database (files written while a transaction ran), per transaction. */
  private readonly rollbackHooks = new WeakMap<Tx, (() => Promise<void>)[]>();

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
      let current: Tx | undefined;
      const tracked = (tx: Tx) => {
        current = tx;
        return work(tx);
      };
      try {
        // READ COMMITTED is PostgreSQL's default: no SET TRANSACTION round trip for it
        return await (options.isolation ? this.dataSource.transaction(options.isolation, tracked) : this.dataSource.transaction(tracked));
      } catch (e) {
        if (current) await this.undo(current);
        const code = (e as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (e as { code?: string }).code;
        if (attempt < retries && code && RETRYABLE.has(code)) {
          await new Promise((r) => setTimeout(r, 10 * 2 ** attempt + Math.random() * 10));
          continue;
        }
        throw e;
      }
    }
  }

  /**
   * Registers an undo step for an effect outside the database made inside `tx` (a file written to
   * the storage): it runs when the transaction rolls back or fails to commit, never after a commit.
   * Prefer doing such effects before the transaction ({@link storedBeforeCommit} in the kernel);
   * this is for work that only a transaction can discover (files carried over in a hook of another
   * context's transaction). Only transactions started by {@link run} undo.
   */
  onRollback(tx: Tx, undo: () => Promise<void>): void {
    const hooks = this.rollbackHooks.get(tx) ?? [];
    hooks.push(undo);
    this.rollbackHooks.set(tx, hooks);
  }

  private async undo(tx: Tx): Promise<void> {
    const hooks = this.rollbackHooks.get(tx) ?? [];
    this.rollbackHooks.delete(tx);
    await Promise.allSettled(hooks.map((h) => h()));
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

  /**
   * {@link statement} sent as the named prepared statement `name`: PostgreSQL parses and plans it once
   * per connection instead of on every call (the registration write is a CTE whose planning cost
   * more than its execution). Rows come back as `pg` returns them. `name` must be unique per SQL text.
   */
  preparedStatement<T = unknown>(name: string, sql: string, params: unknown[]): Promise<T[]> {
    return prepared<T>(this.dataSource, name, sql, params);
  }

  /** {@link preparedStatement} on the reader's read-only connections (the per-request token lookup). */
  preparedRead<T = unknown>(name: string, sql: string, params: unknown[]): Promise<T[]> {
    return prepared<T>(this.readOnly, name, sql, params);
  }
}

/**
 * One named statement on a pooled connection: the data source's own `pg` pool (as TypeORM's query
 * runner takes it, without building a runner per call) and `pg`'s prepared-statement cache, which
 * TypeORM's `query` does not expose. Failures are QueryFailedError (with `driverError`) and logged
 * without parameters, as TypeORM's queries are.
 */
async function prepared<T>(ds: DataSource, name: string, sql: string, params: unknown[]): Promise<T[]> {
  type PgClient = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
  const driver = ds.driver as unknown as { obtainMasterConnection(): Promise<[PgClient, (err?: unknown) => void]> };
  const [client, release] = await driver.obtainMasterConnection();
  const started = Date.now();
  try {
    const { rows } = await client.query({ name, text: sql, values: params });
    release();
    const took = Date.now() - started;
    const slow = ds.options.maxQueryExecutionTime;
    if (slow && took > slow) ds.logger.logQuerySlow(took, sql);
    return rows;
  } catch (e) {
    // a statement's error (it has an SQLSTATE) leaves the connection usable; anything else destroys it
    const sqlState = (e as { code?: unknown })?.code;
    release(typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState) ? undefined : e);
    ds.logger.logQueryError(e as Error, sql);
    throw new QueryFailedError(sql, params, e as Error);
  }
}

/** True when a database error is a unique-constraint violation of the named constraint. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const driver = ((e as { driverError?: unknown }).driverError ?? e) as { code?: string; constraint?: string };
  return driver?.code === '23505' && (!constraint || driver.constraint === constraint);
}

/**
 * The refusal a single statement raised through `ltg_refuse(code, detail)` (SQLSTATE LT409, see the
 * RefuseFunction migration): the statement was aborted, so nothing it wrote stays. Undefined for
 * any other error.
 */
export function refusalOf(e: unknown): { code: string; detail: string } | undefined {
  const driver = ((e as { driverError?: unknown }).driverError ?? e) as { code?: string; message?: string; detail?: string };
  return driver?.code === 'LT409' ? { code: driver.message ?? '', detail: driver.detail ?? '' } : undefined;
}
