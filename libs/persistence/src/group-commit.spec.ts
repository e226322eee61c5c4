import { describe, expect, it } from '@jest/globals';
import { GroupCommit } from './group-commit';

/** A flush that records its batches and answers when `release()` is called. */
function controlledFlush<T>() {
  const batches: T[][] = [];
  const pending: { items: T[]; resolve: (r: string[]) => void; reject: (e: unknown) => void }[] = [];
  let active = 0;
  let maxActive = 0;
  const flush = (items: T[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push(items);
      active++;
      maxActive = Math.max(maxActive, active);
      pending.push({
        items,
        resolve: (r) => {
          active--;
          resolve(r);
        },
        reject: (e) => {
          active--;
          reject(e);
        },
      });
    });
  const tick = () => new Promise((r) => setImmediate(r));
  return { flush, batches, pending, tick, maxActive: () => maxActive };
}

describe('GroupCommit', () => {
  it('flushes a lone item on the next turn of the event loop', async () => {
    const c = controlledFlush<number>();
    const gc = new GroupCommit<number, string>(c.flush, { maxBatch: 10, maxInFlight: 2 });
    const result = gc.submit(7);
    expect(c.batches).toEqual([]);
    await c.tick();
    expect(c.batches).toEqual([[7]]);
    c.pending[0].resolve(['seven']);
    await expect(result).resolves.toBe('seven');
  });

  it('puts items submitted together in one batch and gives each caller its own result', async () => {
    const c = controlledFlush<number>();
    const gc = new GroupCommit<number, string>(c.flush, { maxBatch: 10, maxInFlight: 2 });
    const results = [1, 2, 3].map((n) => gc.submit(n));
    await c.tick();
    expect(c.batches).toEqual([[1, 2, 3]]);
    c.pending[0].resolve(['a', 'b', 'c']);
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
  });

  it('grows batches while earlier ones are in flight, never exceeding maxBatch or maxInFlight', async () => {
    const c = controlledFlush<number>();
    const gc = new GroupCommit<number, string>(c.flush, { maxBatch: 4, maxInFlight: 1 });
    const first = gc.submit(0);
    await c.tick();
    const rest = Array.from({ length: 9 }, (_, i) => gc.submit(i + 1));
    await c.tick();
    expect(c.batches).toEqual([[0]]); // the slot is taken: the others wait
    expect(gc.waiting).toBe(9);
    for (let i = 0; i < 4; i++) {
      const p = c.pending[i];
      p.resolve(p.items.map((n) => `r${n}`));
      await c.tick();
    }
    expect(c.batches).toEqual([[0], [1, 2, 3, 4], [5, 6, 7, 8], [9]]);
    expect(c.maxActive()).toBe(1);
    await expect(first).resolves.toBe('r0');
    await expect(Promise.all(rest)).resolves.toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
  });

  it('fails every caller of a failed batch and only them', async () => {
    const c = controlledFlush<string>();
    const gc = new GroupCommit<string, string>(c.flush, { maxBatch: 2, maxInFlight: 2 });
    const results = ['a', 'b', 'c'].map((s) => gc.submit(s).then((r) => `ok:${r}`, (e: Error) => `failed:${e.message}`));
    await c.tick();
    expect(c.batches).toEqual([['a', 'b'], ['c']]);
    c.pending[0].reject(new Error('connection lost'));
    c.pending[1].resolve(['C']);
    await expect(Promise.all(results)).resolves.toEqual(['failed:connection lost', 'failed:connection lost', 'ok:C']);
  });

  it('refuses a flush that answers the wrong number of results instead of misrouting them', async () => {
    const gc = new GroupCommit<number, number>(async (items) => items.slice(1), { maxBatch: 10, maxInFlight: 1 });
    const results = [1, 2].map((n) => gc.submit(n).catch((e: Error) => e.message));
    await expect(Promise.all(results)).resolves.toEqual(['group commit: 1 results for 2 items', 'group commit: 1 results for 2 items']);
  });
});
