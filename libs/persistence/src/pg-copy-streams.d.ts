// Ambient types for pg-copy-streams (the package ships no .d.ts): only what `copyInto` uses.
// Kept as a script file (no top-level import/export) so it only adds a module declaration.

declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  import type { Submittable } from 'pg';
  /** `COPY … FROM STDIN` as a writable stream: submit it with `client.query(stream)`, then write the data. */
  export function from(sql: string): Writable & Submittable;
}
