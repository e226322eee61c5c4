import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';

/**
 * Outside production, without DATA_ENCRYPTION_KEYS, a random key is generated once into
 * `.data/dev-data-key` (git-ignored, mode 0600) so `npm start` works with no setup and data
 * survives restarts. Production refuses to start without configured keys (see app-config).
 *
 * Processes starting together (api + worker) must agree on one key: each writes a complete
 * candidate to its own temporary file and links it into place, which fails if the file exists
 * (O_EXCL semantics; a reader never sees a half-written key); then everyone reads whichever won.
 */
export function developmentKey(file = resolve(process.cwd(), '.data/dev-data-key')): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const candidate = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(candidate, `dev:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(candidate, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      rmSync(candidate, { force: true });
    }
  }
  return readFileSync(file, 'utf8').trim();
}
