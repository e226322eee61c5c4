// Listing-readiness benchmark: readiness per variant × market for BENCH_VARIANTS variants × 5 markets (IT DE GB US TR),
// on the built app in-process against a fresh database (research §6, issue #12 item 7).
//
//   npm run bench:readiness            # builds the API if needed, then node bench/readiness.mjs
//
// Phases, each timed with the process's peak RSS / heap:
//   0. pure: MarketReadiness.evaluateMany (rules prepared once per market) over products already in memory;
//   1. stored: ReadinessService.evaluateSaved — products, variants and translations read in BENCH_CHUNK-product
//      batches (three queries a batch), the variants' prices in every market (one more read and one FX lookup per
//      market × currency, PricesService.readinessFindings), every market evaluated per batch (unrendered, not stored);
//   2. rendered: the same, plus every issue's message in the viewer's language (Turkish), as a listing shows it;
//   3. worker: ReadinessStore.refreshSeller, what the catalog.readiness job runs — every enabled market (the 5 above:
//      the other seeded markets are disabled first), the seller's
//      gates counted, stored rows and listing.* events written, 1,000 products per transaction — first pass;
//   4. the same again with nothing changed (read, evaluate, compare, write nothing);
//   5. GET /v1/sellers/me/onboarding over HTTP with the 5 markets chosen: the checklist read from the stored rows.
// Today's ECB rates are imported first, so every TRY price can be shown (the pure phase does not look at prices: with
// the rates in, the stored phase finds no price issue and the two counts agree).
// Products: one product made through the API (a Turkish seller's toy with GPSR data, safety text, an Italian title)
// cloned by SQL with variations — every 3rd clone has no EU responsible person, every 5th an RU origin with HS 2208,
// every 7th no HS code — so reports mix READY, READY_WITH_WARNINGS and BLOCKED.
//
// Environment (all optional): DATABASE_URL (admin connection; ltg_bench_<random> is created and dropped),
// BENCH_VARIANTS (100000), BENCH_PER_PRODUCT (10), BENCH_CHUNK (1000 products), BENCH_CONCURRENCY (2).
// A report, not a test: exit 0 even when the 30 s target is missed; 1 on a crash.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { bootApp, scratchDatabase } from './support.mjs';

const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 100000);
const PER = Number(process.env.BENCH_PER_PRODUCT ?? 10);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 1000);
const C = Number(process.env.BENCH_CONCURRENCY ?? 2);
const MARKETS = ['IT', 'DE', 'GB', 'US', 'TR'];
const log = (m = '') => process.stdout.write(`${m}\n`);
const { FormData, Blob } = globalThis;

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
  log(`${name.padEnd(52)} ${s.toFixed(2).padStart(7)} s  ${String(Math.round(items / s)).padStart(8)} variant×market/s  peak RSS ${mb(peakRss)}, heap ${mb(peakHeap)}  (load ${load.toFixed(1)})\n${''.padEnd(6)}CPU: node ${nodeCpu.toFixed(1)} s, PostgreSQL ${pgCpu.toFixed(1)} s → on 2 idle cores at least ${Math.max(nodeCpu, (nodeCpu + pgCpu) / 2).toFixed(1)} s${s > 30 ? '  OVER the 30 s target' : ''}`);
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
    log('Listing readiness benchmark');
    log(`machine: ${cpus.length} CPU(s) ${cpus[0]?.model ?? ''}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    // today's ECB rates, so the TRY prices can be shown in IT, DE, GB and US (readiness counts the variant's price; any
    // weekday ≤ today is fresh enough: the limit is 4 TARGET days)
    const d = new Date();
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
    const xml = `<?xml version="1.0" encoding="UTF-8"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><gesmes:subject>Reference rates</gesmes:subject><gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender><Cube><Cube time='${d.toISOString().slice(0, 10)}'><Cube currency='USD' rate='1.1225'/><Cube currency='JPY' rate='176.99'/><Cube currency='GBP' rate='0.86915'/><Cube currency='TRY' rate='54.8310'/></Cube></Cube></gesmes:Envelope>`;
    const form = new FormData();
    form.append('source', 'ecb');
    form.append('file', new Blob([xml], { type: 'text/xml' }), 'eurofxref-daily.xml');
    await call('POST', '/v1/ops/fx/imports', undefined, (await call('POST', '/v1/auth/login', ops)).accessToken, form);

    const seller = await call('POST', '/v1/auth/signup', { email: 'bench.tr@example.com', password: 'bench-password-123', country: 'TR', locale: 'tr' });
    const token = seller.session.accessToken;
    const operator = (name, country, city) => ({ name, address: { line1: 'Atatürk Cd. 12', city, postalCode: '16000', country }, email: `info@${country.toLowerCase()}.example.com` });
    const template = await call('POST', '/v1/sellers/me/products', {
      title: 'Ahşap oyuncak tren',
      description: 'El yapımı ahşap tren seti, 3 yaş ve üzeri.',
      safetyInformation: 'Dikkat: 3 yaşından küçük çocuklar için uygun değildir. Küçük parçalar içerir.',
      category: 'toys',
      attributes: [{ key: 'material', value: 'kayın ağacı' }],
      variants: Array.from({ length: PER }, (_, i) => ({ sku: `T-${i}`, attributes: [{ key: 'colour', value: `renk ${i}` }], price: { amountMinor: String(49000 + i * 1000), currency: 'TRY' }, weightG: 800 })),
      hsCode: '950300',
      hsNational: { US: '9503000073' },
      originCountry: 'TR',
      gpsr: { manufacturer: operator('Oyuncak Atölyesi A.Ş.', 'TR', 'Bursa'), euResponsiblePerson: operator('Giocattoli Rappresentanza S.r.l.', 'IT', 'Milano') },
      conformity: { docUrl: 'https://example.com/doc/ce-tren.pdf' },
    }, token);
    const source = (await call('GET', `/v1/sellers/me/products/${template.id}/translations`, undefined, token)).source;
    const hash = (f) => source.find((s) => s.field === f).sourceHash;
    for (const [locale, title, description, safety] of [
      ['it', 'Trenino in legno', 'Set di treni in legno fatto a mano, dai 3 anni in su.', 'Attenzione: non adatto a bambini di età inferiore a 3 anni. Contiene piccole parti.'],
      ['de', 'Holzeisenbahn', 'Handgemachtes Holzeisenbahn-Set, ab 3 Jahren.', 'Achtung: Nicht für Kinder unter 3 Jahren geeignet. Enthält Kleinteile.'],
      ['en', 'Wooden toy train', 'Handmade wooden train set, ages 3 and up.', 'Warning: not suitable for children under 3 years. Contains small parts.'],
    ]) {
      const fields = [['title', title], ['description', description], ['safetyInformation', safety]].map(([field, value]) => ({ field, value, sourceHash: hash(field) }));
      await call('PUT', `/v1/sellers/me/products/${template.id}/translations/${locale}`, { fields }, token);
    }

    const db = new pg.Pool({ connectionString: benchUrl, max: 4 });
    cleanups.push(() => db.end());
    pgPool = db;
    const P = Math.ceil(VARIANTS / PER);
    const cols = async (table) => (await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table])).rows.map((r) => r.column_name);
    const started = performance.now();
    await db.query(`CREATE TABLE bench_map AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${P - 1}) n`);
    const pc = await cols('catalog_products');
    const varied = {
      gpsr: `CASE WHEN m.n % 3 = 0 THEN p.gpsr - 'euResponsiblePerson' ELSE p.gpsr END`,
      origin_country: `CASE WHEN m.n % 5 = 0 THEN 'RU' ELSE p.origin_country END`,
      hs_code: `CASE WHEN m.n % 5 = 0 THEN '220860' WHEN m.n % 7 = 0 THEN NULL ELSE p.hs_code END`,
    };
    await db.query(`INSERT INTO catalog_products (${pc.map((c) => `"${c}"`).join(',')}) SELECT ${pc.map((c) => (c === 'id' ? 'm.id' : varied[c] ?? `p."${c}"`)).join(',')} FROM catalog_products p CROSS JOIN bench_map m WHERE p.id = $1`, [template.id]);
    const vc = await cols('catalog_variants');
    await db.query(`INSERT INTO catalog_variants (${vc.map((c) => `"${c}"`).join(',')}) SELECT ${vc.map((c) => (c === 'id' ? 'gen_random_uuid()' : c === 'product_id' ? 'm.id' : c === 'sku' ? `v.sku || '-' || m.n` : `v."${c}"`)).join(',')} FROM catalog_variants v CROSS JOIN bench_map m WHERE v.product_id = $1`, [template.id]);
    const tc = await cols('catalog_product_translations');
    await db.query(`INSERT INTO catalog_product_translations (${tc.map((c) => `"${c}"`).join(',')}) SELECT ${tc.map((c) => (c === 'id' ? 'gen_random_uuid()' : c === 'product_id' ? 'm.id' : `t."${c}"`)).join(',')} FROM catalog_product_translations t CROSS JOIN bench_map m WHERE t.product_id = $1 AND t.field NOT LIKE 'variants.%' AND (m.n % 11 <> 0 OR t.locale <> 'de')`, [template.id]);
    await db.query('ANALYZE');
    const ids = [template.id, ...(await db.query('SELECT id FROM bench_map ORDER BY n')).rows.map((r) => r.id)];
    const nVariants = (await db.query('SELECT count(*)::int AS n FROM catalog_variants')).rows[0].n;
    const sellerRow = (await db.query('SELECT id, country FROM sellers LIMIT 1')).rows[0];
    log(`${ids.length} products, ${nVariants} variants × ${MARKETS.length} markets (${MARKETS.join(' ')}) = ${nVariants * MARKETS.length} variant readiness reports; chunk ${CHUNK} products, C=${C}; data made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    log('');

    const readiness = api.get(catalog.ReadinessService);
    const uow = api.get(require('../dist/libs/persistence/src/index.js').UnitOfWork);
    const reader = uow.reader;
    const ctx = { requestId: randomUUID(), locale: 'tr', localeExplicit: true, actor: { accountId: randomUUID(), role: 'seller', seller: { id: sellerRow.id, country: sellerRow.country } } };

    // 0. pure evaluation over inputs already in memory
    const markets = await Promise.all(MARKETS.map((c) => api.get(catalog.MarketsService).getPublished(c)));
    const ruleSet = await readiness.ruleSet(reader);
    const inputs = [];
    for (const chunk of chunks(ids, CHUNK)) {
      const products = await reader.find(catalog.ProductEntity, { where: { id: require('typeorm').In(chunk) } });
      const variants = await reader.find(catalog.VariantEntity, { where: { productId: require('typeorm').In(chunk) } });
      const translations = await reader.find(catalog.ProductTranslationEntity, { where: { productId: require('typeorm').In(chunk) } });
      for (const product of products) {
        inputs.push({ product: catalog.readinessInput({ product, variants: variants.filter((v) => v.productId === product.id), translations: translations.filter((t) => t.productId === product.id) }), sellerCountry: 'TR' });
      }
    }
    const count = (reports, tally) => {
      for (const r of reports) for (const v of r.variants) tally[v.status] = (tally[v.status] ?? 0) + 1;
    };
    const pureTally = {};
    await phase('0. pure (MarketReadiness.evaluateMany, in memory)', nVariants * MARKETS.length, async () => {
      for (const m of markets) count(new catalog.MarketReadiness({ code: m.code, version: m.version, document: m.document }, { version: ruleSet.version, rules: ruleSet.document.rules }).evaluateMany(inputs), pureTally);
    });
    inputs.length = 0;

    // 1. stored products, batched reads + every market per batch
    const storedTally = {};
    const perMarket = Object.fromEntries(MARKETS.map((m) => [m, {}]));
    const codes = Object.fromEntries(MARKETS.map((m) => [m, {}]));
    await phase(`1. stored (evaluateSaved, ${CHUNK} products × ${MARKETS.length} markets)`, nVariants * MARKETS.length, () =>
      pool(chunks(ids, CHUNK), async (chunk) => {
        const { reports } = await readiness.evaluateSaved(reader, sellerRow, chunk, MARKETS);
        for (const [m, list] of reports) {
          count(list, storedTally);
          count(list, perMarket[m]);
          for (const r of list) for (const i of r.issues) codes[m][i.code] = (codes[m][i.code] ?? 0) + 1;
        }
      }),
    );

    // 2. rendered for a viewer (Turkish messages), as a listing page shows it
    let issues = 0;
    await phase(`2. rendered (forProducts, ${CHUNK} products, tr messages)`, nVariants * MARKETS.length, () =>
      pool(chunks(ids, CHUNK), async (chunk) => {
        const ts = (await reader.find(catalog.ProductTranslationEntity, { where: { productId: require('typeorm').In(chunk) } }));
        const owned = await api.get(catalog.ProductsService).ownedMany(ctx, chunk, reader);
        for (const m of markets) {
          const views = await readiness.forProducts(ctx, owned.map((o) => ({ product: o.product, variants: o.variants, translations: ts.filter((t) => t.productId === o.product.id) })), m, ruleSet);
          for (const v of views) issues += v.issues.length;
        }
      }),
    );

    // 3. the worker's own path: ReadinessStore.refreshSeller (what catalog.readiness runs after a KYC or payout change,
    // a market or rule publication, an FX import): every enabled market, the seller's gates counted, the stored rows
    // and the listing.* events written; first pass (no stored row yet), then again with nothing changed
    const store = api.get(catalog.ReadinessStore);
    // the target's size: the worker evaluates every enabled market, so the seeded markets other than these 5 are
    // disabled for phases 3–5 (by SQL: no event, nothing else runs)
    await db.query("UPDATE markets SET status = 'disabled' WHERE status = 'enabled' AND NOT (code = ANY($1))", [MARKETS]);
    const enabled = (await db.query("SELECT count(*)::int AS n FROM markets WHERE status = 'enabled'")).rows[0].n;
    let written = 0;
    await phase(`3. worker, first pass (refreshSeller, ${enabled} markets)`, nVariants * enabled, async () => {
      written = await store.refreshSeller(sellerRow.id);
    });
    let rewritten = 0;
    await phase('4. worker, again, nothing changed', nVariants * enabled, async () => {
      rewritten = await store.refreshSeller(sellerRow.id);
    });
    // 5. what the seller's home page asks: the go-live checklist (counts by status and the top blocking codes per chosen
    // market, read from the stored rows), for every market chosen
    await call('PUT', '/v1/sellers/me/markets', { markets: MARKETS }, token);
    let checklist;
    const calls = 5;
    await phase(`5. GET /v1/sellers/me/onboarding (×${calls})`, calls, async () => {
      for (let i = 0; i < calls; i++) checklist = await call('GET', '/v1/sellers/me/onboarding', undefined, token);
    });
    const listingsOf = (m) => m.steps.find((s) => s.step === 'LISTINGS')?.listings;
    log(`      checklist: ${checklist.markets.map((m) => `${m.market} ${JSON.stringify(listingsOf(m)?.counts)} top ${(listingsOf(m)?.topBlockingCodes ?? []).map((c) => `${c.code}×${c.count}`).join(',')}`).join('; ')}`);
    const storedRows = (await db.query('SELECT status, count(*)::int AS n, pg_size_pretty(sum(pg_column_size(issues))) AS issues FROM catalog_listing_readiness GROUP BY status ORDER BY status')).rows;

    log('');
    log(`worker: ${written} rows written in the first pass, ${rewritten} in the second; stored ${JSON.stringify(storedRows)} (the bench seller has no approved KYC or payouts: every row carries those gates and is BLOCKED)`);
    const sorted = (t) => JSON.stringify(Object.fromEntries(Object.entries(t).sort()));
    log(`variant reports: pure ${sorted(pureTally)}; stored ${sorted(storedTally)}: ${sorted(pureTally) === sorted(storedTally) ? 'agree' : 'DISAGREE'}`);
    for (const m of MARKETS) log(`  ${m}: ${JSON.stringify(perMarket[m])}; product issues ${JSON.stringify(codes[m])}`);
    log(`rendered product issues: ${issues}`);
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
