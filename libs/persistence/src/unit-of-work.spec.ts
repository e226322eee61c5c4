import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../test/support/database';
import type { TestDatabase } from '../../../test/support/database';
import { UnitOfWork } from './unit-of-work';

describe('UnitOfWork rollback hooks (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let uow: UnitOfWork;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: db.url, poolSize: 2 }).initialize();
    uow = new UnitOfWork(ds, ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('undoes outside effects of a transaction that rolls back, never of one that commits', async () => {
    const undone: string[] = [];
    await uow.run(async (tx) => {
      await tx.query('SELECT 1');
      uow.onRollback(tx, async () => void undone.push('committed'));
    });
    await expect(
      uow.run(async (tx) => {
        uow.onRollback(tx, async () => void undone.push('a'));
        uow.onRollback(tx, async () => Promise.reject(new Error('undo failed too')));
        uow.onRollback(tx, async () => void undone.push('b'));
        await tx.query('SELECT 1/0');
      }),
    ).rejects.toThrow(/division by zero/);
    expect(undone).toEqual(['a', 'b']);
  });
});
