/**
 * True for a UUID in its canonical 8-4-4-4-12 hex form. Route ids are checked with this before they
 * reach a query: PostgreSQL refuses anything else with 22P02 (a 500), while a malformed id must be
 * the same 404 as an unknown one. (A looser `[0-9a-f-]{36}` lets `----…` or misplaced hyphens through.)
 */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
