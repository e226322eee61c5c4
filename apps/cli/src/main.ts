import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { runCli } from './commands';

runCli(parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    check: { type: 'boolean' },
    batch: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
}))
  .then((code) => process.exit(code))
  .catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
