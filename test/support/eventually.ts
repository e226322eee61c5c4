/** Polls `probe` until `accept` holds or the time is up; returns the last value (assert on it). */
export async function eventually<T>(probe: () => Promise<T>, accept: (v: T) => boolean, timeoutMs = 15000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
