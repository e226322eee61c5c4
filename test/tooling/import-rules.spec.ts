import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * `npm run lint` refuses what the house rules forbid: an import cycle, a deep import into another library,
 * a library importing one above it. The probes live in a scratch tree shaped like ours (libs/<lib>/src,
 * @app/<lib> paths) with our .dependency-cruiser.cjs, never in the repository, where a build or the
 * type-check running at the same time would pick them up.
 */
const root = process.cwd();
let tree: string;

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), text);
};

const cruise = (files: string[]) =>
  new Promise<{ code: number; out: string }>((done) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs', ...files],
      { cwd: tree },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    );
  });

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'l2g-import-rules-'));
  copyFileSync(join(root, '.dependency-cruiser.cjs'), join(tree, '.dependency-cruiser.cjs'));
  const libs = ['kernel', 'countries', 'sellers'];
  write('tsconfig.json', JSON.stringify({ compilerOptions: { paths: Object.fromEntries(libs.map((l) => [`@app/${l}`, [`./libs/${l}/src/index.ts`]])) } }));
  write('libs/countries/src/errors.ts', 'export enum CountryErrorCode { NOT_FOUND = "COUNTRY.NOT_FOUND" }\n');
  write('libs/countries/src/index.ts', "export * from './errors';\n");
  write('libs/sellers/src/index.ts', 'export const sellers = 1;\n');
  write('libs/kernel/src/index.ts', 'export const kernel = 1;\n');
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('import rules (npm run lint:imports)', () => {
  it.each([
    ['a cycle', { 'libs/kernel/src/a.ts': "import { b } from './b';\nexport const a = () => b;\n", 'libs/kernel/src/b.ts': "import { a } from './a';\nexport const b = () => a;\n" }, 'no-circular'],
    ['a deep import into another library', { 'libs/sellers/src/deep.ts': "export { CountryErrorCode } from '../../countries/src/errors';\n" }, 'no-deep-imports'],
    ['a library importing one above it', { 'libs/kernel/src/up.ts': "export * from '@app/sellers';\n" }, 'layers-kernel'],
  ])('fails on %s', async (_what, files, rule) => {
    Object.entries(files).forEach(([path, text]) => write(path, text));
    const { code, out } = await cruise(Object.keys(files));
    expect(out).toContain(rule);
    expect(code).not.toBe(0);
  }, 60000);

  it('passes on an import through the index', async () => {
    write('libs/sellers/src/ok.ts', "export { CountryErrorCode } from '@app/countries';\n");
    const { code, out } = await cruise(['libs/sellers/src/ok.ts']);
    expect(out).toContain('no dependency violations');
    expect(code).toBe(0);
  }, 60000);
});
