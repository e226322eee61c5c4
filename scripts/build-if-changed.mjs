#!/usr/bin/env node
/**
 * `npm start` builds the app only when its inputs changed since the last build: a fingerprint of every
 * source file, tsconfig, nest-cli.json and the lock file is kept beside the output (dist/.build-<app>),
 * so a second start with nothing changed skips the ~30 s compile and is up in seconds.
 *
 *   node scripts/build-if-changed.mjs api [worker cli]
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apps = process.argv.slice(2);
if (!apps.length) {
  process.stderr.write('usage: build-if-changed.mjs <app> [app…]\n');
  process.exit(2);
}

const SOURCE = /\.(ts|json)$/;
const SKIP = /\.(spec|e2e-spec)\.ts$/;
function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') yield* files(path);
    } else if (SOURCE.test(entry.name) && !SKIP.test(entry.name)) yield path;
  }
}

function fingerprint() {
  const hash = createHash('sha256');
  const inputs = [
    ...['apps', 'libs'].flatMap((d) => [...files(join(root, d))]),
    ...['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'].map((f) => join(root, f)),
  ].sort();
  for (const file of inputs) {
    hash.update(relative(root, file)).update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : '').update('\0');
  }
  return hash.digest('hex');
}

const print = process.argv.includes('--quiet') ? () => undefined : (m) => process.stdout.write(`${m}\n`);
const current = fingerprint();
for (const app of apps.filter((a) => !a.startsWith('--'))) {
  const stamp = join(root, 'dist', `.build-${app}`);
  const output = join(root, 'dist', 'apps', app, 'src', 'main.js');
  if (existsSync(output) && existsSync(stamp) && readFileSync(stamp, 'utf8') === current) {
    print(`${app}: up to date (nothing changed since the last build)`);
    continue;
  }
  const started = Date.now();
  execFileSync(process.execPath, [join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', app], { cwd: root, stdio: 'inherit' });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, current);
  print(`${app}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
