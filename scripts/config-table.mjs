// Rewrites the configuration table in README.md from CONFIG_VARIABLES (run after `npx nest build api`).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const { CONFIG_VARIABLES } = createRequire(import.meta.url)('../dist/libs/kernel/src/config/app-config.js');
const kind = (k) =>
  ({ int: `integer ${k.min}–${k.max}`, enum: (k.values ?? []).join(' \\| '), bool: 'true \\| false', 'postgres-url': 'postgres:// URL', 'http-url': 'http(s) URL' })[k.type] ?? k.type;
const rows = CONFIG_VARIABLES.map((v) => `| \`${v.name}\` | ${v.default !== undefined ? '`' + v.default + '`' : '—'} | ${kind(v.kind)} | ${v.description} |`).join('\n');
const head = '| Variable | Default | Type | Meaning |\n| --- | --- | --- | --- |\n';
let s = readFileSync('README.md', 'utf8');
const i = s.indexOf(head);
const j = s.indexOf('\n\n', i);
writeFileSync('README.md', s.slice(0, i) + head + rows + s.slice(j));
