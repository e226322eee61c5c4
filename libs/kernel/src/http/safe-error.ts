/**
 * What of an error may reach a log. Database errors carry the failing query, its bound parameters
 * and a `detail` such as `Key (tax_id)=(7707083893) already exists` — personal data that must never
 * be logged — so only their codes are kept. Other errors keep name, message and stack.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & Record<string, unknown>;
  const pgLike = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code as string);
  if (pgLike || e.name === 'QueryFailedError' || 'query' in e || 'parameters' in e) {
    const driver = (e.driverError ?? e) as Record<string, unknown>;
    return {
      type: e.name,
      code: driver.code,
      constraint: driver.constraint,
      table: driver.table,
      column: driver.column,
      routine: driver.routine,
      stack: e.stack?.split('\n').slice(1).join('\n'),
    };
  }
  return { type: e.name, message: e.message, code: e.code, stack: e.stack };
}
