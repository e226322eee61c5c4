// Catalog listing benchmark: listings (market price + localised content) for BENCH_VARIANTS variants × 5 markets
// (IT DE GB US JP, all priced with ECB rates), on the built app in-process against a fresh database.
//
//   node scripts/build-if-changed.mjs api && node bench/catalog.mjs      # or: npx nest build api && node bench/catalog.mjs
//
// Phases, each timed with the process's peak RSS / heap:
//   0. pure pipeline: computeMarketPrice + Intl formatting for every variant × market, no I/O (the floor);
//   1. store: the batched write path (PricesService.repriceProducts: BENCH_CHUNK products per transaction, every
//      market; one FX lookup per market × currency, multi-row upserts);
//   2. read: ListingsService.contents (the batched form of what GET …/listings/{market} answers: texts, prices with
//      breakdown and formatting, readiness) for BENCH_READ_CHUNK products × all markets per call.
// Products are one product made through the API (title, description, attributes, an Italian title) cloned by SQL;
// every clone's prices are shifted by its number, so no two products price alike (nothing can be memoised).
//
// Environment (all optional):
//   DATABASE_URL        admin connection; a fresh database ltg_bench_<random> is created beside it and dropped at the end
//   BENCH_VARIANTS      variants in total (default 100000)
//   BENCH_PER_PRODUCT   variants per product (default 10)
//   BENCH_CONCURRENCY   batches in flight (default 2: the machine has 2 cores, PostgreSQL needs one)
//   BENCH_CHUNK         products per store transaction (default 500)
//   BENCH_READ_CHUNK    products per listing read (default 200)
//
// A report, not a test: exit 0 even when the target (30 s per phase here) is missed; 1 on a crash.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { bootApp, scratchDatabase } from './support.mjs';

const { FormData, Blob } = globalThis;

const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 100000);
const PER = Number(process.env.BENCH_PER_PRODUCT ?? 10);
const C = Number(process.env.BENCH_CONCURRENCY ?? 2);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 500);
const READ_CHUNK = Number(process.env.BENCH_READ_CHUNK ?? 200);
const MARKETS = ['IT', 'DE', 'GB', 'US', 'JP'];
const log = (m = '') => process.stdout.write(`${m}\n`);

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 100);

/** CPU seconds (user + system) of PostgreSQL backends serving the bench database (Linux /proc; 0 elsewhere). */
let pgPool = null;
const TICK = 100; // USER_HZ on Linux
async function pgCpuSeconds() {
  if (!pgPool) return 0;
  const pids = (await pgPool.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows.map((r) => r.pid);
  let ticks = 0;
  for (const pid of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    } catch {
      // gone, or not Linux
    }
  }
  return ticks / TICK;
}
const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;
async function phase(name, items, fn) {
  peakRss = 0;
  peakHeap = 0;
  const load = os.loadavg()[0];
  const cpu0 = process.cpuUsage();
  const pg0 = await pgCpuSeconds();
  const started = performance.now();
  const out = await fn();
  const s = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  const pgCpu = Math.max(0, (await pgCpuSeconds()) - pg0); // backends that exit mid-phase take their ticks with them
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  log(`${name.padEnd(44)} ${s.toFixed(2).padStart(7)} s  ${String(Math.round(items / s)).padStart(8)} /s  peak RSS ${mb(peakRss)}, heap ${mb(peakHeap)}  (load ${load.toFixed(1)})\n${''.padEnd(6)}CPU: node ${nodeCpu.toFixed(1)} s, PostgreSQL ${pgCpu.toFixed(1)} s → on 2 idle cores at least ${Math.max(nodeCpu, (nodeCpu + pgCpu) / 2).toFixed(1)} s${s > 30 ? '  (over the 30 s target)' : ''}`);
  return out;
}
async function pool(items, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: C }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}
const chunks = (list, n) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, (i + 1) * n));

async function main() {
  const require = createRequire(import.meta.url);
  let platform, catalog;
  try {
    platform = require('../dist/libs/platform/src/index.js');
    catalog = require('../dist/libs/catalog/src/index.js');
  } catch (e) {
    process.stderr.write(`cannot load the built app: run \`npx nest build api\` first\n${e?.message ?? e}\n`);
    return 1;
  }
  const { url: benchUrl, cleanups, cleanup } = await scratchDatabase(adminUrl);
  try {
    const ops = { email: 'bench.ops@example.com', password: 'Bench-Ops-Pass-123' };
    const { api, call } = await bootApp(platform, benchUrl, cleanups, { BOOTSTRAP_OPS_ADMIN_EMAIL: ops.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ops.password });
    const cpus = os.cpus();
    log('Catalog listing benchmark');
    log(`machine: ${cpus.length} CPU(s) ${cpus[0]?.model ?? ''}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    // today's ECB rates (any weekday ≤ today is fresh enough: the limit is 4 TARGET days)
    const d = new Date();
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
    const day = d.toISOString().slice(0, 10);
    const xml = `<?xml version="1.0" encoding="UTF-8"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><gesmes:subject>Reference rates</gesmes:subject><gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender><Cube><Cube time='${day}'><Cube currency='USD' rate='1.1225'/><Cube currency='JPY' rate='176.99'/><Cube currency='GBP' rate='0.86915'/><Cube currency='TRY' rate='54.8310'/></Cube></Cube></gesmes:Envelope>`;
    const opsToken = (await call('POST', '/v1/auth/login', ops)).accessToken;
    const form = new FormData();
    form.append('source', 'ecb');
    form.append('file', new Blob([xml], { type: 'text/xml' }), 'eurofxref-daily.xml');
    await call('POST', '/v1/ops/fx/imports', undefined, opsToken, form);

    // one Turkish seller's product through the API, then cloned
    const seller = await call('POST', '/v1/auth/signup', { email: 'bench.tr@example.com', password: 'bench-password-123', country: 'TR', locale: 'tr' });
    const token = seller.session.accessToken;
    const template = await call('POST', '/v1/sellers/me/products', {
      title: 'Güneş Kadın Elbise 100% pamuk',
      description: 'Yazlık pamuklu elbise, makinede yıkanabilir.',
      category: 'apparel.women',
      attributes: [{ key: 'material', value: '100% pamuk' }],
      variants: Array.from({ length: PER }, (_, i) => ({ sku: `T-${i}`, attributes: [{ key: 'size', value: String(36 + i) }], price: { amountMinor: String(99000 + i * 12345), currency: 'TRY' }, weightG: 500 + i, dimensionsMm: { length: 300, width: 200, height: 100 } })),
      hsCode: '620442',
      originCountry: 'TR',
    }, token);
    await call('PUT', `/v1/sellers/me/products/${template.id}/translations/it`, { fields: [{ field: 'title', value: 'Abito da donna Güneş 100% cotone', sourceHash: (await call('GET', `/v1/sellers/me/products/${template.id}/translations`, undefined, token)).source.find((f) => f.field === 'title').sourceHash }] }, token);

    const db = new pg.Pool({ connectionString: benchUrl, max: 4 });
    cleanups.push(() => db.end());
    pgPool = db;
    const P = Math.ceil(VARIANTS / PER);
    const cols = async (table) => (await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table])).rows.map((r) => r.column_name);
    const started = performance.now();
    await db.query(`CREATE TABLE bench_map AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${P - 1}) n`);
    const pc = await cols('catalog_products');
    await db.query(`INSERT INTO catalog_products (${pc.map((c) => `"${c}"`).join(',')}) SELECT ${pc.map((c) => (c === 'id' ? 'm.id' : `p."${c}"`)).join(',')} FROM catalog_products p CROSS JOIN bench_map m WHERE p.id = $1`, [template.id]);
    const vc = await cols('catalog_variants');
    await db.query(`INSERT INTO catalog_variants (${vc.map((c) => `"${c}"`).join(',')}) SELECT ${vc.map((c) => (c === 'id' ? 'gen_random_uuid()' : c === 'product_id' ? 'm.id' : c === 'sku' ? `v.sku || '-' || m.n` : c === 'price_minor' ? 'v.price_minor + m.n' : `v."${c}"`)).join(',')} FROM catalog_variants v CROSS JOIN bench_map m WHERE v.product_id = $1`, [template.id]);
    const tc = await cols('catalog_product_translations');
    await db.query(`INSERT INTO catalog_product_translations (${tc.map((c) => `"${c}"`).join(',')}) SELECT ${tc.map((c) => (c === 'id' ? 'gen_random_uuid()' : c === 'product_id' ? 'm.id' : `t."${c}"`)).join(',')} FROM catalog_product_translations t CROSS JOIN bench_map m WHERE t.product_id = $1 AND t.field NOT LIKE 'variants.%'`, [template.id]);
    await db.query('ANALYZE');
    const ids = [template.id, ...(await db.query('SELECT id FROM bench_map ORDER BY n')).rows.map((r) => r.id)];
    const nVariants = (await db.query('SELECT count(*)::int AS n FROM catalog_variants')).rows[0].n;
    log(`${ids.length} products, ${nVariants} variants × ${MARKETS.length} markets (${MARKETS.join(' ')}) = ${nVariants * MARKETS.length} variant listings; C=${C}; data made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    log('');

    const markets = await Promise.all(MARKETS.map((c) => api.get(catalog.MarketsService).getPublished(c)));
    const prices = api.get(catalog.PricesService);
    const listings = api.get(catalog.ListingsService);
    const uow = api.get(require('../dist/libs/persistence/src/index.js').UnitOfWork);
    const fx = api.get(require('../dist/libs/fx/src/index.js').FxService);
    const ctx = { requestId: randomUUID(), locale: 'en', localeExplicit: false, actor: { accountId: seller.account?.id ?? randomUUID(), role: 'seller', seller: { id: (await db.query('SELECT id FROM sellers LIMIT 1')).rows[0].id, country: 'TR' } } };
    const variants = (await db.query('SELECT price_minor, currency FROM catalog_variants')).rows;

    // 0. the pure pipeline, no I/O
    const rates = await Promise.all(markets.map((m) => fx.lookupRate({ source: 'ecb', from: 'TRY', to: m.document.currency })));
    let checksum = 0n;
    await phase('0. pure pipeline + Intl (no I/O)', nVariants * MARKETS.length, async () => {
      const per = markets.map((m, i) => ({ m, fx: catalog.fxInputFromRate(rates[i]), rounding: catalog.parseRoundingRules(m.document.priceEndings[m.document.currency]), tax: m.document.taxDisplay, nf: m.document.displayLocales[0] }));
      const now = new Date();
      for (const v of variants) {
        for (const p of per) {
          const r = catalog.computeMarketPrice({ source: { amountMinor: BigInt(v.price_minor), currency: v.currency }, targetCurrency: p.m.document.currency, tax: p.tax, fx: p.fx, rounding: p.rounding, fxMaxAgeTargetDays: p.m.document.fx.maxAgeDays, now, ruleVersion: `market:${p.m.code}@${p.m.version}` });
          catalog.formatMinorUnits(r.amountMinor, r.currency, p.nf);
          checksum += r.amountMinor;
        }
      }
    });
    // 1. the write path, batched
    const cache = prices.newFxCache(uow.reader);
    await phase(`1. store (repriceProducts, ${CHUNK} products/tx)`, nVariants * MARKETS.length, () => pool(chunks(ids, CHUNK), (chunk) => uow.run((tx) => prices.repriceProducts(tx, chunk, MARKETS, cache))));
    const stored = (await db.query('SELECT count(*)::int AS n, sum(amount_minor)::text AS s FROM catalog_market_prices WHERE market_code = ANY($1)', [MARKETS])).rows[0];
    // 2. the read path, batched
    let listed = 0;
    let readSum = 0n;
    let ready = 0;
    await phase(`2. listings (content + price + readiness), ${READ_CHUNK} products × ${MARKETS.length} markets/call`, nVariants * MARKETS.length, () =>
      pool(chunks(ids, READ_CHUNK), async (chunk) => {
        for (const l of await listings.contents(ctx, chunk, MARKETS)) {
          if (l.readiness.status !== 'BLOCKED') ready++;
          for (const v of l.variants) {
            listed++;
            readSum += BigInt(v.price.amountMinor);
          }
        }
      }),
    );
    log('');
    log(`readiness: ${ready} of ${ids.length * MARKETS.length} product listings not blocked`);
    log(`checks: stored ${stored.n} prices (sum ${stored.s}), listed ${listed} variant listings (sum ${readSum}), pure sum ${checksum}: ${String(readSum) === stored.s && readSum === checksum ? 'agree' : 'DISAGREE'}`);
    return 0;
  } finally {
    clearInterval(sampler);
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
