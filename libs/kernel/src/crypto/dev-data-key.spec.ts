import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Several processes (api + worker started together) create the development key at the same moment:
 * they must all end with the same, complete key, and none may crash. Child processes run the real
 * module (transpiled as is) and meet at a common instant for each of many rounds.
 */
describe('developmentKey', () => {
  it('gives every process started together the same complete key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dev-key-'));
    try {
      const source = readFileSync(join(process.cwd(), 'libs/kernel/src/crypto/dev-data-key.ts'), 'utf8');
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
      writeFileSync(join(dir, 'dev-data-key.mjs'), js);
      const ROUNDS = 150;
      const start = Date.now() + 600;
      const child = `
        import { developmentKey } from ${JSON.stringify(join(dir, 'dev-data-key.mjs'))};
        const out = [];
        for (let r = 0; r < ${ROUNDS}; r++) {
          while (Date.now() < ${start} + r * 4) {}
          try { out.push(developmentKey(${JSON.stringify(dir)} + '/r' + r + '/.data/dev-data-key')); }
          catch (e) { out.push('error: ' + e.code); }
        }
        process.stdout.write(JSON.stringify(out));`;
      const run = () =>
        new Promise<string[]>((resolve, reject) => {
          const p = spawn(process.execPath, ['--input-type=module', '-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
          let text = '';
          p.stdout.on('data', (c: Buffer) => (text += c.toString()));
          p.on('error', reject);
          p.on('close', () => resolve(JSON.parse(text) as string[]));
        });
      const results = await Promise.all([run(), run(), run(), run()]);
      for (let r = 0; r < ROUNDS; r++) {
        const keys = results.map((k) => k[r]);
        expect(keys[0]).toMatch(/^dev:[A-Za-z0-9+/]{43}=$/);
        expect(new Set(keys).size).toBe(1);
        expect(readFileSync(join(dir, `r${r}/.data/dev-data-key`), 'utf8').trim()).toBe(keys[0]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30000);
});
