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
  constructor(private readonly dataSource: DataSource) {}

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
