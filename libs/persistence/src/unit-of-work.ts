import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A transaction handle. Every write goes through one, obtained from {@link UnitOfWork.run}. */
export type Tx = EntityManager;

type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * The one transaction mechanism: services call `uow.run(tx => …)` and pass `tx` to the repositories
 * and collaborators taking part, so a write cannot silently escape the transaction. Serialization
 * failures and deadlocks are retried a few times (the work must be idempotent within its tx).
 */
@Injectable()
export class UnitOfWork {
  /** Undo steps for effects outside the database (files written while a transaction ran), per transaction. */
  private readonly rollbackHooks = new WeakMap<Tx, (() => Promise<void>)[]>();

  constructor(private readonly dataSource: DataSource) {}

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

  /** For reads that need no transaction. */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }
}

/** True when a database error is a unique-constraint violation of the named constraint. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const driver = ((e as { driverError?: unknown }).driverError ?? e) as { code?: string; constraint?: string };
  return driver?.code === '23505' && (!constraint || driver.constraint === constraint);
}
