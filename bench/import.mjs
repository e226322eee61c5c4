// Catalog CSV import benchmark: rows/s of the product import (POST …/products/imports, then the worker's job) against
// PostgreSQL COPY of the same rows into the same tables (and into one plain table), in the same run.
//
//   npm run bench:import     # = node scripts/build-if-changed.mjs api && node --max-semi-space-size=64 bench/import.mjs
//
// The app runs in this process with the V8 flag `npm start`, `start:worker` and the Dockerfile give it: a 64 MiB
// semi-space (young generation). The import allocates short-lived objects for every row, and with V8's default (16 MiB)
// about a fifth of its CPU went to scavenges; the line "V8:" says which setting this run had.
//
// The file is the Turkish Excel export of the golden e2e test: windows-1254, `;`, decimal commas and NBSP thousands,
// kg/cm, GPSR manufacturer, a variant attribute, one product per row (BENCH_ROWS rows). Phases:
//   upload     POST the file (encoding, delimiter and header checked, file stored, job queued): HTTP time;
//   import     the job (ImportProcessor.handle: decode → csv-parse → same validators as the API → batches of whole
//              products written in transactions), run in-process on the fresh database, every row new;
//   re-import  the same file again: every row read, checked and found unchanged (nothing written);
//   update     the file with every title and price changed: every product and variant rewritten;
//   COPY tables  the rows the import wrote (read back after the import with COPY … TO STDOUT, not timed), every id and
//              the seller's id replaced by new ones, COPY … FROM STDIN into the import's own tables catalog_products and
//              catalog_variants (same columns, keys, indexes and foreign keys), one transaction, committed: the floor for
//              "get these products into the catalog", i.e. PostgreSQL COPY doing the same work as the import;
//   COPY       the same rows, as canonical UTF-8 CSV, COPY … FROM STDIN into bench_copy: the product's and the
//              variant's columns in one table, with a uuid primary key and a unique (seller, sku) index like
//              catalog_variants' (no foreign keys, no JSON columns, one table): a lower floor, printed for comparison.
// Targets (issue #12): import ≥ 10,000 rows/s and ≥ 0.3 × COPY of the same rows. Both ratios are printed; the target
// is judged against COPY tables (the same rows into the same tables). A report, not a test: exit 0 even when missed;
// 1 on a crash or wrong counts.
//
// Environment (all optional):
//   DATABASE_URL   admin connection; a fresh database ltg_bench_<random> is created beside it and dropped at the end
//   BENCH_ROWS     rows in the file (default 20000)
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { bootApp, scratchDatabase } from './support.mjs';

const { FormData, Blob } = globalThis;

const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env.BENCH_ROWS ?? 20000);
const log = (m = '') => process.stdout.write(`${m}\n`);

const PRODUCT_COLUMNS = `id, seller_id, status, source_locale, currency, title, description, attributes, category, hs_code, hs_national,
  origin_country, brand, gpsr, conformity, safety_information, search_text, created_at, updated_at`;
const VARIANT_COLUMNS = 'id, product_id, seller_id, sku, position, attributes, price_minor, currency, weight_g, length_mm, width_mm, height_mm';
const HEADER = [
  'sku', 'title', 'description', 'category', 'price', 'weight_kg', 'length_cm', 'width_cm', 'height_cm', 'hs_code', 'origin_country',
  'manufacturer_name', 'manufacturer_line1', 'manufacturer_city', 'manufacturer_country', 'manufacturer_email', 'safety_information', 'attr.renk',
];
const row = (n) => [
  `TR-ÇANTA-${String(n).padStart(6, '0')}`, `Şık Kadın Çantası No ${n} — ığüşöç İ`, 'Hakiki deri, el yapımı; İzmir atölyesinde dikildi.', 'apparel.women',
  n % 2 ? `1\u00a0${String(n % 1000).padStart(3, '0')},50` : `${(n % 900) + 10},90`, '0,8', '30,5', '20', '10', '420222', 'TR',
  'Güneş Deri A.Ş.', 'Kemeraltı Cd. 5', 'İzmir', 'TR', 'info@gunes-deri.example.com.tr', 'Küçük parçalar içerir.', n % 2 ? 'kırmızı' : 'siyah',
];
const cell = (c, d) => (c.includes(d) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const csv = (rows, d) => rows.map((r) => r.map((c) => cell(c, d)).join(d)).join('\r\n') + '\r\n';

async function main() {
  const require = createRequire(import.meta.url);
  let platform, catalog, iconv, copyFrom, copyTo;
  try {
    platform = require('../dist/libs/platform/src/index.js');
    catalog = require('../dist/libs/catalog/src/index.js');
    iconv = require('iconv-lite');
    ({ from: copyFrom, to: copyTo } = require('pg-copy-streams'));
  } catch (e) {
    process.stderr.write(`cannot load the built app: run \`npx nest build api\` first\n${e?.message ?? e}\n`);
    return 1;
  }
  const { url: benchUrl, cleanups, cleanup } = await scratchDatabase(adminUrl);
  try {
    const { api, call } = await bootApp(platform, benchUrl, cleanups, { DATABASE_POOL_SIZE: '10' });
    const cpus = os.cpus();
    log('Catalog CSV import benchmark');
    log(`machine: ${cpus.length} CPU(s) ${cpus[0]?.model ?? ''}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const semiSpace = process.execArgv.find((a) => a.startsWith('--max-semi-space-size'));
    log(`V8: ${semiSpace ?? 'default semi-space (npm start runs the app with --max-semi-space-size=64: use npm run bench:import)'}`);

    const seller = await call('POST', '/v1/auth/signup', { email: 'bench.import@example.com', password: 'bench-password-123', country: 'TR', locale: 'tr' });
    const token = seller.session.accessToken;
    const rows = Array.from({ length: ROWS }, (_, i) => row(i + 1));
    const file = iconv.encode(csv([HEADER, ...rows], ';'), 'windows-1254');
    log(`file: ${ROWS} rows, ${(file.length / 1048576).toFixed(1)} MiB, windows-1254, ';', decimal commas, one product per row`);
    log('');
    const processor = api.get(catalog.ImportProcessor);
    const db = new pg.Pool({ connectionString: benchUrl, max: 2 });
    cleanups.push(() => db.end());

    const results = {};
    /** CPU seconds (user + system) of the PostgreSQL backends serving the bench database (Linux /proc; 0 elsewhere). */
    const pgCpuSeconds = async () => {
      const pids = (await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows.map((r) => r.pid);
      let ticks = 0;
      for (const pid of pids) {
        try {
          const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
          ticks += Number(f[11]) + Number(f[12]); // utime, stime; USER_HZ = 100
        } catch {
          // gone, or not Linux
        }
      }
      return ticks / 100;
    };
    // wall time, and the CPU time of this process (the app: the import's JavaScript) — on a busy machine the wall
    // time mostly measures the wait for a core, the CPU time does not
    const timed = async (name, fn) => {
      const load = os.loadavg()[0];
      const pg0 = await pgCpuSeconds();
      const started = performance.now();
      const cpu = process.cpuUsage();
      const out = await fn();
      const s = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuS = (used.user + used.system) / 1e6;
      const pgS = Math.max(0, (await pgCpuSeconds()) - pg0);
      results[name] = { s, rate: ROWS / s, cpuS, pgS };
      log(`${name.padEnd(12)} ${s.toFixed(2).padStart(7)} s  ${String(Math.round(ROWS / s)).padStart(8)} rows/s   app CPU ${cpuS.toFixed(2)} s (${Math.round((cpuS * 1e6) / ROWS)} µs/row), PostgreSQL CPU ${pgS.toFixed(2)} s  (load ${load.toFixed(1)})`);
      return out;
    };
    const upload = async () => {
      const form = new FormData();
      form.append('file', new Blob([file], { type: 'text/csv' }), 'urunler.csv');
      return call('POST', '/v1/sellers/me/products/imports', undefined, token, form);
    };
    const counts = async (id) => (await call('GET', `/v1/sellers/me/products/imports/${id}`, undefined, token)).counts;

    const first = await timed('upload', upload);
    await timed('import', () => processor.handle({ importId: first.id }));
    const c1 = await counts(first.id);
    // the rows the import wrote, exactly, in COPY text format (for the same-tables COPY below; not timed)
    const sellerId = (await db.query('SELECT id FROM sellers LIMIT 1')).rows[0].id;
    const dump = async (sql) => {
      const client = await db.connect();
      try {
        const chunks = [];
        for await (const chunk of client.query(copyTo(`COPY (${sql}) TO STDOUT`))) chunks.push(chunk);
        return Buffer.concat(chunks).toString('utf8');
      } finally {
        client.release();
      }
    };
    const productDump = await dump(`SELECT ${PRODUCT_COLUMNS} FROM catalog_products WHERE seller_id = '${sellerId}'`);
    const variantDump = await dump(`SELECT ${VARIANT_COLUMNS} FROM catalog_variants WHERE seller_id = '${sellerId}'`);
    // the same rows into the import's own tables, by COPY: what the import wrote, for a second seller (every id and the
    // seller's id replaced, so the primary keys and the (seller, sku) keys are new), in one transaction; right after the
    // import, so both write into tables as the import left them (then removed again, not timed)
    await call('POST', '/v1/auth/signup', { email: 'bench.copy@example.com', password: 'bench-password-123', country: 'TR', locale: 'tr' });
    const otherId = (await db.query('SELECT id FROM sellers WHERE id <> $1 LIMIT 1', [sellerId])).rows[0].id;
    const ids = new Map([[sellerId, otherId]]);
    const rekey = (text) => Buffer.from(text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      let to = ids.get(id);
      if (!to) ids.set(id, (to = randomUUID()));
      return to;
    }), 'utf8');
    const productCopy = rekey(productDump);
    const variantCopy = rekey(variantDump);
    {
      const client = await db.connect();
      try {
        await timed('COPY tables', async () => {
          await client.query('BEGIN');
          await pipeline(Readable.from([productCopy]), client.query(copyFrom(`COPY catalog_products (${PRODUCT_COLUMNS}) FROM STDIN`)));
          await pipeline(Readable.from([variantCopy]), client.query(copyFrom(`COPY catalog_variants (${VARIANT_COLUMNS}) FROM STDIN`)));
          await client.query('COMMIT');
        });
      } finally {
        client.release();
      }
    }
    const copiedTables = (await db.query('SELECT count(*)::int AS n FROM catalog_variants WHERE seller_id = $1', [otherId])).rows[0].n;
    await db.query('DELETE FROM catalog_products WHERE seller_id = $1', [otherId]);
    await db.query('VACUUM ANALYZE catalog_products, catalog_variants');

    const second = await upload();
    await timed('re-import', () => processor.handle({ importId: second.id }));
    const c2 = await counts(second.id);
    // the seller's next price list: every price and every title changed (the update path: stored rows rewritten)
    const changed = iconv.encode(csv([HEADER, ...rows.map((r) => [r[0], `${r[1]} (yeni)`, ...r.slice(2, 4), r[4].replace(/,(\d)0$/, ',$19'), ...r.slice(5)])], ';'), 'windows-1254');
    const third = await call('POST', '/v1/sellers/me/products/imports', undefined, token, (() => {
      const form = new FormData();
      form.append('file', new Blob([changed], { type: 'text/csv' }), 'urunler-yeni.csv');
      return form;
    })());
    await timed('update', () => processor.handle({ importId: third.id }));
    const c3 = await counts(third.id);

    // the same rows as canonical CSV into one comparable table, by COPY
    await db.query(`CREATE TABLE bench_copy (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), seller_id uuid NOT NULL, sku varchar(64) COLLATE "C" NOT NULL, title varchar(200) NOT NULL, description text,
      category varchar(64) NOT NULL, price_minor bigint NOT NULL, currency char(3) NOT NULL DEFAULT 'TRY', weight_g integer, length_mm integer, width_mm integer, height_mm integer,
      hs_code char(6), origin_country char(2), manufacturer_name varchar(200), manufacturer_line1 varchar(200), manufacturer_city varchar(100), manufacturer_country char(2),
      manufacturer_email varchar(254), safety_information text, colour varchar(200), created_at timestamptz NOT NULL DEFAULT now())`);
    await db.query('CREATE UNIQUE INDEX uq_bench_copy_seller_sku ON bench_copy (seller_id, sku)');
    const decimal = (s) => s.replace(/\u00a0/g, '').replace(',', '.');
    const canonical = rows.map((r) => [sellerId, r[0], r[1], r[2], r[3], String(Math.round(Number(decimal(r[4])) * 100)), '800', '305', '200', '100', ...r.slice(9)]);
    const copyCsv = Buffer.from(csv(canonical, ','), 'utf8');
    const client = await db.connect();
    try {
      await timed('COPY', () =>
        pipeline(
          Readable.from([copyCsv]),
          client.query(copyFrom(`COPY bench_copy (seller_id, sku, title, description, category, price_minor, weight_g, length_mm, width_mm, height_mm, hs_code, origin_country,
            manufacturer_name, manufacturer_line1, manufacturer_city, manufacturer_country, manufacturer_email, safety_information, colour) FROM STDIN WITH (FORMAT csv)`)),
        ),
      );
    } finally {
      client.release();
    }
    const copied = (await db.query('SELECT count(*)::int AS n FROM bench_copy')).rows[0].n;

    log('');
    const ok = c1.created === ROWS && c1.failed === 0 && c2.unchanged === ROWS && c2.created + c2.updated + c2.failed === 0 && c3.updated === ROWS && c3.created + c3.unchanged + c3.failed === 0 && copied === ROWS && copiedTables === ROWS;
    log(`counts: import ${JSON.stringify(c1)}; re-import ${JSON.stringify(c2)}; update ${JSON.stringify(c3)}; COPY ${copied} rows, COPY tables ${copiedTables} rows: ${ok ? 'as expected' : 'WRONG'}`);
    const ratio = results.import.rate / results.COPY.rate;
    log(`import ${Math.round(results.import.rate)} rows/s (target ≥ 10,000): ${results.import.rate >= 10000 ? 'PASS' : 'FAIL'}`);
    const ratioTables = results.import.rate / results['COPY tables'].rate;
    log(`import / COPY tables = ${ratioTables.toFixed(3)} (target ≥ 0.3): ${ratioTables >= 0.3 ? 'PASS' : 'FAIL'}`);
    log(`import / COPY one table = ${ratio.toFixed(3)} (for comparison: a plain table, no foreign keys or JSON)`);
    log(`re-import (nothing written) ${Math.round(results['re-import'].rate)} rows/s; update (every row changed) ${Math.round(results.update.rate)} rows/s; upload ${(results.upload.s * 1000).toFixed(0)} ms`);
    return ok ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  },
);
