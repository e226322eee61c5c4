/**
 * Group commit: callers submit one item each and wait for their own result, while the items that
 * arrive together are written in ONE statement. When nothing is in flight an item is flushed on the
 * next turn of the event loop (no added latency when idle); under load batches grow by themselves
 * while earlier ones are in flight (natural batching), so a burst of N concurrent callers costs a
 * few round trips and commits instead of N.
 *
 * `flush` receives the batch and must return one result per item, in order. When it throws, every
 * caller of that batch gets the error (nothing was committed: a batch is one statement).
 */
export interface GroupCommitOptions {
  /** Items per statement at most. */
  maxBatch: number;
  /** Statements in flight at once (each holds a pool connection while it runs). */
  maxInFlight: number;
}

interface Waiter<T, R> {
  item: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export class GroupCommit<T, R> {
  private queue: Waiter<T, R>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly flush: (items: T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions,
  ) {
    if (options.maxBatch < 1 || options.maxInFlight < 1) throw new RangeError('maxBatch and maxInFlight must be at least 1');
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting for a slot (not yet in a statement). */
  get waiting(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    // After the I/O callbacks of this loop turn: every request read in it joins the same batch.
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.run(batch);
    }
  }

  private async run(batch: Waiter<T, R>[]): Promise<void> {
    try {
      const results = await this.flush(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (e) {
      for (const w of batch) w.reject(e);
    } finally {
      this.inFlight--;
      this.pump();
    }
  }
}
