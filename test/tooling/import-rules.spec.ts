import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * `npm run lint` refuses what the house rules forbid: an import cycle, a deep import into another library,
 * a library importing one above it. Each probe is written into the tree for the run and removed after.
 */
const root = process.cwd();
const cruise = (files: string[]) =>
  new Promise<{ code: number; out: string }>((done) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs', ...files],
      { cwd: root },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    );
  });

function probe(lib: string, files: Record<string, string>): { dir: string; paths: string[] } {
  const dir = join('libs', lib, 'src', `lint-probe-${randomBytes(4).toString('hex')}`);
  mkdirSync(join(root, dir), { recursive: true });
  const paths = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(root, dir, name), text);
    return join(dir, name);
  });
  return { dir, paths };
}

describe('import rules (npm run lint:imports)', () => {
  it.each([
    ['a cycle', 'kernel', { 'a.ts': "import { b } from './b';\nexport const a = () => b;\n", 'b.ts': "import { a } from './a';\nexport const b = () => a;\n" }, 'no-circular'],
    ['a deep import into another library', 'sellers', { 'deep.ts': "export { CountryErrorCode } from '../../../countries/src/errors';\n" }, 'no-deep-imports'],
    ['a library importing one above it', 'kernel', { 'up.ts': "export * from '@app/sellers';\n" }, 'layers-kernel'],
  ])('fails on %s', async (_what, lib, files, rule) => {
    const { dir, paths } = probe(lib, files);
    try {
      const { code, out } = await cruise(paths);
      expect(out).toContain(rule);
      expect(code).not.toBe(0);
    } finally {
      rmSync(join(root, dir), { recursive: true, force: true });
    }
  }, 60000);

  it('passes on an import through the index', async () => {
    const { dir, paths } = probe('sellers', { 'ok.ts': "export { CountryRulesService } from '@app/countries';\n" });
    try {
      const { code, out } = await cruise(paths);
      expect(out).toContain('no dependency violations');
      expect(code).toBe(0);
    } finally {
      rmSync(join(root, dir), { recursive: true, force: true });
    }
  }, 60000);
});
