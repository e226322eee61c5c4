// The web app's API client (apps/web/src/api/generated), generated from apps/web/openapi.json.
//   node scripts/web-client.mjs           regenerate it (npm run web:client also rewrites openapi.json first)
//   node scripts/web-client.mjs --check [--document FILE]
//        exit 1 when the committed client differs from what the committed document generates, or (with
//        --document, a fresh `npm run cli -- openapi --out FILE`) when the committed document differs from the API's
import { createClient } from '@hey-api/openapi-ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import config from '../apps/web/openapi-ts.config.mjs';

const check = process.argv.includes('--check');
const fresh = process.argv.includes('--document') ? process.argv[process.argv.indexOf('--document') + 1] : undefined;
if (fresh && readFileSync(fresh, 'utf8') !== readFileSync(config.input, 'utf8')) {
  process.stderr.write(`${config.input} differs from the API's OpenAPI document: run npm run web:client and commit\n`);
  process.exit(1);
}
const committed = config.output.path;
const out = check ? mkdtempSync(join(tmpdir(), 'web-client-')) : committed;
await createClient({ ...config, output: { ...config.output, path: out }, logs: { ...config.logs, level: 'silent' } });
if (!check) process.exit(0);

const files = (dir) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
const a = files(committed);
const b = files(out);
const differing = [...new Set([...a, ...b])].filter((f) => {
  try {
    return readFileSync(join(committed, f), 'utf8') !== readFileSync(join(out, f), 'utf8');
  } catch {
    return true;
  }
});
rmSync(out, { recursive: true, force: true });
if (differing.length) {
  process.stderr.write(`the generated API client is out of date (${differing.map((f) => relative('.', join(committed, f))).join(', ')}): run npm run web:client and commit\n`);
  process.exit(1);
}
process.stdout.write('web client: up to date with apps/web/openapi.json\n');
