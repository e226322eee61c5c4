import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AccountsService } from '@app/accounts';
import { AppConfig, isLocale, Role, systemContext } from '@app/kernel';
import { buildOpenApiDocument, createContext, KeyCensus, keyCensus, loadConfigOrExit, openDatabase, reencryptAll } from '@app/platform';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                          apply pending migrations to the configured database
  db-check                         fail (exit 1) if the entities differ from what the migrations build
                                   (checked on a fresh temporary database on the same server)
  migration:generate <Name>        write a migration with the SQL that brings the schema up to the entities
  create-ops-user --email E --role ops_admin|ops_reviewer [--password P | --password-stdin]
                                   create an ops account (idempotent; also reads OPS_USER_PASSWORD)
  reencrypt [--check] [--batch N]  move data encrypted at rest (bank account numbers, ID numbers, KYC documents)
                                   to the first key of DATA_ENCRYPTION_KEYS, so older keys can be removed;
                                   --check only counts values per key (exit 1 while any is under another key)
  openapi [--out FILE]             write the OpenAPI document (what GET /docs-json serves) to FILE or stdout;
                                   needs no database (the web client is generated from it: npm run web:client)
`;

function printCensus(census: KeyCensus): void {
  out(`active key: ${census.activeKeyId}`);
  for (const set of census.sets) {
    const byKey = Object.entries(set.byKey).map(([k, n]) => `${k}=${n}`).join(', ') || 'empty';
    out(`  ${set.name}: ${byKey}`);
  }
  out(census.outstanding ? `${census.outstanding} value(s) still under other keys: keep those keys configured` : 'every value is under the active key: other keys can be removed');
}

type Args = { values: Record<string, string | boolean | undefined>; positionals: string[] };

const out = (m: string) => process.stdout.write(`${m}\n`);

async function withContext<T>(config: AppConfig, url: string, fn: (app: Awaited<ReturnType<typeof createContext>>) => Promise<T>): Promise<T> {
  const app = await createContext(config, url, 'cli');
  await app.init();
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** Runs `fn` against a new, empty database on the same server, dropped afterwards. */
async function withScratchDatabase<T>(url: string, fn: (scratchUrl: string) => Promise<T>): Promise<T> {
  const name = `ltg_scratch_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const scratch = new URL(url);
    scratch.pathname = `/${name}`;
    return await fn(scratch.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function pendingSchemaChanges(config: AppConfig, url: string): Promise<{ up: string[]; down: string[] }> {
  return withScratchDatabase(url, (scratchUrl) =>
    withContext({ ...config, migrationsRun: true }, scratchUrl, async (app) => {
      const sql = await app.get(DataSource).driver.createSchemaBuilder().log();
      return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
    }),
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function runCli({ values, positionals }: Args): Promise<number> {
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    out(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfigOrExit({ ...process.env, WORKER_ENABLED: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  if (command === 'openapi') {
    const json = `${JSON.stringify(await buildOpenApiDocument(config), null, 2)}\n`;
    if (typeof values.out === 'string') writeFileSync(resolve(process.cwd(), values.out), json);
    else process.stdout.write(json);
    return 0;
  }
  const db = await openDatabase(config, () => undefined);
  try {
    switch (command) {
      case 'migrate':
        await withContext({ ...config, migrationsRun: true }, db.url, async () => undefined);
        out('migrations applied');
        return 0;
      case 'db-check': {
        const { up } = await pendingSchemaChanges(config, db.url);
        if (up.length === 0) {
          out('db-check: entities and migrations agree (no pending schema changes)');
          return 0;
        }
        out(`db-check: the entities differ from the migrations; a migration is missing:\n${up.join(';\n')};`);
        return 1;
      }
      case 'migration:generate': {
        const name = rest[0];
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
          out('migration:generate needs a PascalCase name, e.g. AddSellerProfile');
          return 2;
        }
        const { up, down } = await pendingSchemaChanges(config, db.url);
        if (up.length === 0) {
          out('no schema changes to write');
          return 0;
        }
        const ts = Date.now();
        const q = (s: string) => `    await queryRunner.query(${JSON.stringify(s)});`;
        const file = resolve(process.cwd(), `libs/persistence/src/migrations/${ts}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
        writeFileSync(
          file,
          `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${ts} implements MigrationInterface {\n  name = '${name}${ts}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up.map(q).join('\n')}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down.reverse().map(q).join('\n')}\n  }\n}\n`,
        );
        out(`wrote ${file}\nadd ${name}${ts} to MIGRATIONS in libs/persistence/src/migrations/index.ts`);
        return 0;
      }
      case 'create-ops-user': {
        const email = values.email;
        const role = values.role;
        if (typeof email !== 'string' || (role !== Role.OPS_ADMIN && role !== Role.OPS_REVIEWER)) {
          out('create-ops-user needs --email and --role ops_admin|ops_reviewer');
          return 2;
        }
        const password =
          (typeof values.password === 'string' ? values.password : undefined) ??
          process.env.OPS_USER_PASSWORD ??
          (values['password-stdin'] ? await readStdin() : undefined);
        if (!password || password.length < 12) {
          out('a password of at least 12 characters is needed (--password, --password-stdin or OPS_USER_PASSWORD)');
          return 2;
        }
        const locale = isLocale(process.env.OPS_USER_LOCALE) ? process.env.OPS_USER_LOCALE : 'en';
        return withContext(config, db.url, async (app) => {
          const { created, account } = await app.get(AccountsService).ensureOpsAccount(systemContext('cli'), {
            email,
            password,
            role: role as Role,
            locale,
          });
          out(created ? `created ${account.role} ${account.email} (${account.id})` : `exists: ${account.role} ${account.email} (${account.id}); unchanged`);
          return 0;
        });
      }
      case 'reencrypt': {
        const batch = values.batch === undefined ? 200 : Number(values.batch);
        if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) {
          out('--batch must be an integer from 1 to 10000');
          return 2;
        }
        return withContext(config, db.url, async (app) => {
          if (values.check) {
            const census = await keyCensus(app);
            printCensus(census);
            return census.outstanding ? 1 : 0;
          }
          const { processed, census } = await reencryptAll(app, batch, out);
          for (const [name, n] of Object.entries(processed)) out(`${name}: ${n} checked`);
          printCensus(census);
          return 0;
        });
      }
      default:
        out(`unknown command: ${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await db.stop();
  }
}
