#!/usr/bin/env node
/**
 * `npm start` builds the apps only when their inputs changed since the last build: a fingerprint of every
 * input file (sources, tsconfig, nest-cli.json, the lock file) is kept beside the output (dist/.build-<app>),
 * so a second start with nothing changed skips the compiles and is up in seconds.
 *
 *   node scripts/build-if-changed.mjs api [worker cli web] [--quiet]
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

const SKIP = /\.(spec|e2e-spec)\.tsx?$/;
function* files(dir, source) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'dist', 'test'].includes(entry.name)) yield* files(path, source);
    } else if (source.test(entry.name) && !SKIP.test(entry.name)) yield path;
  }
}

/** What each app is built from, how, and the file that proves a build exists. */
const nest = (app) => ({
  dirs: ['apps/api', 'apps/worker', 'apps/cli', 'libs'],
  source: /\.(ts|json)$/,
  files: ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'],
  output: join('dist', 'apps', app, 'src', 'main.js'),
  build: [join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', app],
});
const TARGETS = {
  api: nest('api'),
  worker: nest('worker'),
  cli: nest('cli'),
  web: {
    dirs: ['apps/web'],
    source: /\.(ts|tsx|json|css|html|svg|mjs)$/,
    files: ['package-lock.json'],
    output: join('dist', 'web', 'index.html'),
    build: [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts'],
  },
};

function fingerprint(target) {
  const hash = createHash('sha256');
  const inputs = [
    ...target.dirs.flatMap((d) => (existsSync(join(root, d)) ? [...files(join(root, d), target.source)] : [])),
    ...target.files.map((f) => join(root, f)),
  ].sort();
  for (const file of inputs) {
    hash.update(relative(root, file)).update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : '').update('\0');
  }
  return hash.digest('hex');
}

const print = process.argv.includes('--quiet') ? () => undefined : (m) => process.stdout.write(`${m}\n`);
for (const app of apps.filter((a) => !a.startsWith('--'))) {
  const target = TARGETS[app];
  if (!target) {
    process.stderr.write(`unknown app ${app} (known: ${Object.keys(TARGETS).join(', ')})\n`);
    process.exit(2);
  }
  const current = fingerprint(target);
  const stamp = join(root, 'dist', `.build-${app}`);
  if (existsSync(join(root, target.output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === current) {
    print(`${app}: up to date (nothing changed since the last build)`);
    continue;
  }
  const started = Date.now();
  execFileSync(process.execPath, target.build, { cwd: root, stdio: 'inherit' });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, current);
  print(`${app}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
