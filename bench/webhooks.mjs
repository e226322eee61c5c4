// Stripe webhook benchmark: acknowledgement throughput of POST /v1/webhooks/stripe against an
// in-process baseline (signature check + one INSERT), duplicate-burst correctness, and how long the
// worker takes to drain the inbox.
//
//   npx nest build api && node bench/webhooks.mjs
//
// Environment (all optional):
//   DATABASE_URL           admin connection; a fresh database ltg_bench_<random> is created next to it and dropped
//                          at the end (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_EVENTS           timed events per phase (default 5000)
//   BENCH_CONCURRENCY      concurrent in-flight events (default 64)
//   BENCH_DUPLICATES       repeats of one event in the duplicate burst (default 500)
//   BENCH_DRAIN_TIMEOUT_S  cap on the wait for the worker to drain the inbox (default 60)
//   BENCH_WORKER_CONCURRENCY  WORKER_CONCURRENCY of the draining worker (default: the app's default)
//   BENCH_LOG_LEVEL        LOG_LEVEL of the app (default warn; info adds one log line per request)
//
// It is a report, not a test: exit code 0 even when a target is missed; 1 on a crash or a correctness
// failure (a non-200 answer, a wrong `duplicate` flag, a duplicate stored twice), 2 on the global timeout.
import { createRequire } from 'node:module';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import Stripe from 'stripe';
import pg from 'pg';

const SECRET = 'whsec_bench_secret';
const TOLERANCE = 300;
const PATH = '/v1/webhooks/stripe';

// ---------------------------------------------------------------------------------------------
// Event factory: a realistic account.updated (~2.5 KB), the shape Stripe sends for a Connect account
// ---------------------------------------------------------------------------------------------
function makeEvent(id, created = Math.floor(Date.now() / 1000)) {
  const due = [
    'business_profile.mcc',
    'business_profile.url',
    'company.address.city',
    'company.address.line1',
    'company.address.postal_code',
    'company.tax_id',
    'external_account',
    'representative.address.city',
    'representative.address.line1',
    'representative.address.postal_code',
    'representative.dob.day',
    'representative.dob.month',
    'representative.dob.year',
    'representative.email',
    'representative.first_name',
    'representative.last_name',
    'representative.phone',
    'tos_acceptance.date',
    'tos_acceptance.ip',
  ];
  return {
    id,
    object: 'event',
    type: 'account.updated',
    created,
    livemode: false,
    account: 'acct_bench',
    api_version: '2026-10-28.endive',
    data: {
      object: {
        id: 'acct_bench',
        object: 'account',
        business_type: 'company',
        country: 'IT',
        default_currency: 'eur',
        email: 'owner@example.it',
        created: created - 86400,
        charges_enabled: false,
        payouts_enabled: false,
        details_submitted: true,
        type: 'none',
        capabilities: { transfers: 'pending' },
        controller: { fees: { payer: 'application' }, losses: { payments: 'application' }, requirement_collection: 'stripe', stripe_dashboard: { type: 'none' }, type: 'application' },
        metadata: { seller_id: '0b6f9f0e-7c2a-4d0e-9a57-3c1d2e4f5a6b' },
        requirements: {
          alternatives: [],
          current_deadline: created + 14 * 86400,
          currently_due: due.slice(0, 12),
          disabled_reason: 'requirements.past_due',
          errors: [
            { code: 'verification_document_address_mismatch', reason: 'The address on the document does not match the address on the account.', requirement: 'company.verification.document' },
            { code: 'invalid_tax_id_format', reason: 'The tax ID does not match the expected format for IT.', requirement: 'company.tax_id' },
          ],
          eventually_due: due,
          past_due: due.slice(0, 6),
          pending_verification: ['company.verification.document', 'representative.verification.document'],
        },
        future_requirements: {
          alternatives: [],
          current_deadline: null,
          currently_due: [],
          disabled_reason: null,
          errors: [],
          eventually_due: ['company.ownership_declaration.date', 'company.ownership_declaration.ip', 'representative.verification.additional_document'],
          past_due: [],
          pending_verification: [],
        },
        settings: { payouts: { debit_negative_balances: true, schedule: { delay_days: 7, interval: 'daily' }, statement_descriptor: null } },
      },
      previous_attributes: { requirements: { currently_due: due.slice(0, 10) } },
    },
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  };
}

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
  } catch {
    return '?';
  }
}

/** Aggregate CPU ticks of the machine (Linux /proc/stat); null elsewhere. */
function machineCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** CPU ticks (user + system) of a local PostgreSQL backend, or null (not local, not postgres, gone). */
function backendTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (!stat.includes('(postgres)')) return null;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return null;
  }
}

/**
 * CPU use over an interval, in cores: the whole machine, this process (all its threads) and the
 * PostgreSQL backends serving the bench database (found through pg_stat_activity; only when the
 * server runs on this machine; assumes 100 clock ticks per second).
 */
async function cpuMeter(pool) {
  const backends = async () => {
    try {
      return (await pool.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows.map((r) => r.pid);
    } catch {
      return [];
    }
  };
  const ticks0 = new Map((await backends()).map((pid) => [pid, backendTicks(pid)]));
  const m0 = machineCpu();
  const p0 = process.cpuUsage();
  const t0 = performance.now();
  return async () => {
    const m1 = machineCpu();
    const p = process.cpuUsage(p0);
    const wallMs = performance.now() - t0;
    let pgTicks = 0;
    let pgSeen = false;
    for (const pid of new Set([...ticks0.keys(), ...(await backends())])) {
      const now = backendTicks(pid);
      if (now === null) continue;
      pgSeen = true;
      pgTicks += now - (ticks0.get(pid) ?? 0);
    }
    const machine = m0 && m1 && m1.total > m0.total ? ((m1.total - m0.total - (m1.idle - m0.idle)) / (m1.total - m0.total)) * os.cpus().length : NaN;
    const proc = (p.user + p.system) / 1000 / wallMs;
    const postgres = pgSeen ? (pgTicks * 10) / wallMs : NaN;
    return { machine, proc, postgres, other: machine - proc - (pgSeen ? postgres : 0) };
  };
}

const sign = (payload) => Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });

function pct(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `total` tasks with `concurrency` loops; returns the latencies in ms (sorted) and the wall time. */
async function runPool(total, concurrency, task) {
  const latencies = new Float64Array(total);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (let i = next++; i < total; i = next++) {
        const s = performance.now();
        await task(i);
        latencies[i] = performance.now() - s;
      }
    }),
  );
  const wallMs = performance.now() - t0;
  return { latencies: Array.from(latencies).sort((a, b) => a - b), wallMs };
}

// ---------------------------------------------------------------------------------------------
// Load generator (a worker thread, so the client does not share the API's event loop)
// ---------------------------------------------------------------------------------------------
/** The project's undici when installed (resolved from the repository, or NODE_PATH), else null. */
function loadUndici() {
  try {
    return createRequire(import.meta.url)('undici');
  } catch {
    return null;
  }
}

async function clientThread({ port, concurrency, phases }) {
  const headersFor = (body, signature) => ({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'stripe-signature': signature, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' });
  const undici = loadUndici();
  let post;
  let close;
  let client;
  if (undici?.Pool) {
    client = `undici Pool (${concurrency} connections)`;
    const upool = new undici.Pool(`http://127.0.0.1:${port}`, { connections: concurrency, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
    post = async (body, signature) => {
      try {
        const res = await upool.request({ path: PATH, method: 'POST', headers: headersFor(body, signature), body });
        return { status: res.statusCode, body: await res.body.text() };
      } catch (e) {
        return { status: 0, body: String(e) };
      }
    };
    close = () => upool.close();
  } else {
    client = `node:http keep-alive Agent (${concurrency} sockets)`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
    post = (body, signature) =>
      new Promise((resolve) => {
        const req = http.request({ host: '127.0.0.1', port, path: PATH, method: 'POST', agent, headers: headersFor(body, signature), timeout: 30_000 }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (e) => resolve({ status: 0, body: String(e) }));
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (e) => resolve({ status: 0, body: String(e) }));
        req.end(body);
      });
    close = async () => agent.destroy();
  }

  const results = {};
  for (const phase of phases) {
    // Sign just before sending: the service refuses signatures older than 300 s.
    const items =
      phase.kind === 'duplicates'
        ? (() => {
            const body = JSON.stringify(makeEvent(phase.eventId));
            const sig = sign(body);
            return Array.from({ length: phase.count }, () => ({ body, sig }));
          })()
        : Array.from({ length: phase.count }, (_, i) => {
            const body = JSON.stringify(makeEvent(`${phase.prefix}${i}`));
            return { body, sig: sign(body) };
          });
    let errors = 0;
    let notDuplicate = 0;
    const samples = [];
    const { latencies, wallMs } = await runPool(items.length, concurrency, async (i) => {
      const { status, body } = await post(items[i].body, items[i].sig);
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = undefined;
      }
      if (status !== 200 || parsed?.received !== true) {
        errors++;
        if (samples.length < 5) samples.push(`${status} ${body.slice(0, 200)}`);
        return;
      }
      if (parsed.duplicate === false) notDuplicate++;
    });
    results[phase.name] = { client, count: items.length, bytes: Buffer.byteLength(items[0].body), wallMs, errors, notDuplicate, samples, p50: pct(latencies, 50), p90: pct(latencies, 90), p99: pct(latencies, 99), max: latencies[latencies.length - 1] };
  }
  await close();
  return results;
}

if (!isMainThread) {
  clientThread(workerData).then(
    (r) => parentPort.postMessage({ ok: true, result: r }),
    (e) => parentPort.postMessage({ ok: false, error: String(e?.stack ?? e) }),
  );
}

function runClient(data) {
  return new Promise((resolve, reject) => {
    const w = new Worker(fileURLToPath(import.meta.url), { workerData: data });
    let settled = false;
    w.once('message', (m) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(new Error(`load generator failed: ${m.error}`));
    });
    w.once('error', (e) => {
      if (!settled) reject(e);
    });
    w.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with ${code}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
async function main() {
  const N = Number(process.env.BENCH_EVENTS ?? 5000);
  const C = Number(process.env.BENCH_CONCURRENCY ?? 64);
  const DUPS = Number(process.env.BENCH_DUPLICATES ?? 500);
  const DRAIN_CAP_S = Number(process.env.BENCH_DRAIN_TIMEOUT_S ?? 60);
  const WARMUP = Math.max(C * 4, 200);
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `ltg_bench_${randomBytes(4).toString('hex')}`;
  const benchUrl = (() => {
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();

  const noisy = [];
  const cpuText = (u, phase) => {
    if (!Number.isFinite(u.machine)) return `this process ${fmt(u.proc, 2)} cores`;
    if (Number.isFinite(u.postgres) && u.other > 0.25 && phase) noisy.push(`${phase} (${fmt(u.other, 2)} cores)`);
    return (
      `${fmt(u.machine, 2)} of ${os.cpus().length} cores busy: this process ${fmt(u.proc, 2)}, ` +
      (Number.isFinite(u.postgres) ? `PostgreSQL backends ${fmt(u.postgres, 2)}, anything else ${fmt(u.other, 2)}` : `PostgreSQL and anything else ${fmt(u.other, 2)}`)
    );
  };
  const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : 'n/a');
  const log = (m = '') => process.stdout.write(`${m}\n`);
  const failures = [];
  const cleanups = [];
  let exitCode = 0;

  const watchdog = setTimeout(() => {
    process.stderr.write('bench: global timeout (240 s) reached, aborting\n');
    process.exit(2);
  }, 240_000);
  watchdog.unref();

  const require = createRequire(import.meta.url);
  let platform;
  try {
    platform = require('../dist/libs/platform/src/index.js');
  } catch (e) {
    process.stderr.write(`cannot load the built app (dist/libs/platform/src/index.js): build it with \`npx nest build api\` and check that the build succeeded\n${e?.message ?? e}\n`);
    return 1;
  }

  // Logs of the app: counted; warnings and errors kept (a few shown at the end).
  const appLogs = { lines: 0, warnOrWorse: 0, samples: [] };
  const logDestination = {
    write(line) {
      appLogs.lines++;
      try {
        const { level, msg } = JSON.parse(line);
        if (level >= 40) {
          appLogs.warnOrWorse++;
          if (appLogs.samples.length < 5) appLogs.samples.push(`[${level}] ${String(msg).slice(0, 200)}`);
        }
      } catch {
        /* not JSON */
      }
    },
  };
  const appConfig = (workerEnabled, extra = {}) =>
    platform.loadConfigOrExit({
      NODE_ENV: 'test',
      DATABASE_URL: benchUrl,
      DATABASE_POOL_SIZE: '20',
      STRIPE_WEBHOOK_SECRET: SECRET,
      WORKER_ENABLED: workerEnabled ? 'true' : 'false',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
      ...extra,
    });

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.query(`CREATE DATABASE ${dbName}`);
  cleanups.push(async () => {
    // Pools resolve end() before their sockets are closed: give the sessions a moment to go away.
    for (let i = 0; i < 30; i++) {
      const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [dbName]);
      if (!rows[0].n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });
  const pool = new pg.Pool({ connectionString: benchUrl, max: 20 });
  // An idle client may still be closing when the database is dropped WITH (FORCE): not a failure.
  pool.on('error', (e) => {
    if (e.code !== '57P01') process.stderr.write(`bench pool: ${e.message}\n`);
  });
  cleanups.unshift(() => pool.end());

  const sigInt = () => {
    process.stderr.write('interrupted; cleaning up\n');
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', sigInt);
  async function cleanup() {
    while (cleanups.length) {
      const fn = cleanups.shift();
      await Promise.resolve()
        .then(fn)
        .catch((e) => process.stderr.write(`cleanup: ${e?.message ?? e}\n`));
    }
  }

  const report = {};
  const cpus = os.cpus();
  try {
    log('Stripe webhook benchmark');
    log(`machine: ${cpus.length} CPU(s) ${cpus[0]?.model ?? ''}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}`);
    log(`node ${process.version}, PostgreSQL ${pgVersion}, stripe ${pkgVersion('stripe')}, pg-boss ${pkgVersion('pg-boss')}`);
    log(`database ${dbName}; N=${N} events, C=${C} concurrent, ${DUPS} duplicates, warm-up ${WARMUP}`);
    log();

    // ---------------- 1. Baseline: verify + one INSERT, in process --------------------------
    await pool.query(`CREATE TABLE bench_inbox (
      id varchar(255) PRIMARY KEY, provider varchar(20) NOT NULL, type varchar(100) NOT NULL, account varchar(64),
      livemode boolean NOT NULL, event_created bigint NOT NULL, payload jsonb NOT NULL, status varchar(16) NOT NULL,
      outcome varchar(40), attempts integer NOT NULL DEFAULT 0, last_error varchar(200),
      received_at timestamptz NOT NULL, processed_at timestamptz,
      CONSTRAINT ck_bench_inbox_status CHECK (status IN ('received', 'processed', 'parked', 'dead')))`);
    await pool.query('CREATE INDEX ix_bench_inbox_status_received ON bench_inbox (status, received_at)');
    const baselineInsert = `INSERT INTO bench_inbox (id, provider, type, account, livemode, event_created, payload, status, attempts, received_at)
      VALUES ($1, 'stripe', $2, $3, $4, $5, $6, 'received', 0, $7) ON CONFLICT (id) DO NOTHING RETURNING id`;
    const baselineOne = async (payload, header) => {
      const event = Stripe.webhooks.constructEvent(payload, header, SECRET, TOLERANCE);
      await pool.query(baselineInsert, [event.id, event.type, event.account ?? null, event.livemode, event.created, event, new Date()]);
    };
    const prep = (prefix, count) =>
      Array.from({ length: count }, (_, i) => {
        const payload = JSON.stringify(makeEvent(`${prefix}${i}`));
        return { payload, header: sign(payload) };
      });
    const warm = prep('evt_warm_', WARMUP);
    await runPool(warm.length, C, (i) => baselineOne(warm[i].payload, warm[i].header));
    const items = prep('evt_bench_', N);
    const baseCpu = await cpuMeter(pool);
    const base = await runPool(N, C, (i) => baselineOne(items[i].payload, items[i].header));
    const baseCpuUse = await baseCpu();
    const baseRows = Number((await pool.query(`SELECT count(*) FROM bench_inbox WHERE id LIKE 'evt_bench_%'`)).rows[0].count);
    if (baseRows !== N) failures.push(`baseline stored ${baseRows} rows, expected ${N}`);
    report.baseline = { eps: N / (base.wallMs / 1000), wallMs: base.wallMs, p50: pct(base.latencies, 50), p99: pct(base.latencies, 99) };
    log(`1. baseline (constructEvent + INSERT … ON CONFLICT DO NOTHING, pg pool 20, C=${C})`);
    log(`   ${fmt(report.baseline.eps)} events/s  (${N} in ${fmt(base.wallMs / 1000, 2)} s; p50 ${fmt(report.baseline.p50, 1)} ms, p99 ${fmt(report.baseline.p99, 1)} ms)`);
    log(`   payload ${Buffer.byteLength(items[0].payload)} bytes; CPU: ${cpuText(baseCpuUse, 'baseline')}`);
    log();

    // ---------------- 2. API acknowledgement (worker off) -----------------------------------
    let t = performance.now();
    const api = await platform.createApi(appConfig(false), benchUrl, logDestination);
    await api.listen(0, '127.0.0.1');
    let apiClosed = false;
    const closeApi = async () => {
      if (apiClosed) return;
      apiClosed = true;
      await api.close();
    };
    cleanups.unshift(closeApi);
    const port = api.getHttpServer().address().port;
    const bootMs = performance.now() - t;

    const lag = monitorEventLoopDelay({ resolution: 10 });
    // Warm-up first (one lone request starts pg-boss lazily, then a concurrent round for the JIT and
    // the pools), then the timed run, then the duplicate burst. Event-loop utilisation and delay and
    // CPU use are measured over the timed run only.
    const warmRes = await runClient({ port, concurrency: C, phases: [{ name: 'single', kind: 'distinct', prefix: 'evt_apiwarm_single_', count: 1 }, { name: 'warmup', kind: 'distinct', prefix: 'evt_apiwarm_', count: WARMUP }] });
    const eluA = performance.eventLoopUtilization();
    const ackCpu = await cpuMeter(pool);
    lag.enable();
    const timed = await runClient({ port, concurrency: C, phases: [{ name: 'ack', kind: 'distinct', prefix: 'evt_bench_', count: N }] });
    lag.disable();
    const eluTimed = performance.eventLoopUtilization(eluA);
    const ackCpuUse = await ackCpu();
    const dupId = `evt_bench_duplicate_${randomBytes(3).toString('hex')}`;
    const dup = await runClient({ port, concurrency: C, phases: [{ name: 'dup', kind: 'duplicates', eventId: dupId, count: DUPS }] });

    for (const [name, r] of Object.entries({ ...warmRes, ...timed, ...dup })) {
      if (r.errors) failures.push(`${name}: ${r.errors} of ${r.count} requests were not 200 {"received":true}: ${r.samples.join(' | ')}`);
    }
    const ack = timed.ack;
    if (ack.notDuplicate !== ack.count - ack.errors) failures.push(`ack: ${ack.count - ack.errors - ack.notDuplicate} distinct events were answered duplicate:true`);
    const dupRows = Number((await pool.query('SELECT count(*) FROM webhook_inbox WHERE id = $1', [dupId])).rows[0].count);
    if (dupRows !== 1) failures.push(`duplicate burst: ${dupRows} inbox rows for ${dupId}, expected exactly 1`);
    if (dup.dup.notDuplicate !== 1 && !dup.dup.errors) failures.push(`duplicate burst: ${dup.dup.notDuplicate} answers said duplicate:false, expected exactly 1`);
    const expectedRows = 1 + WARMUP + N + 1;
    const inboxRows = Number((await pool.query('SELECT count(*) FROM webhook_inbox')).rows[0].count);
    if (inboxRows !== expectedRows) failures.push(`inbox holds ${inboxRows} rows after the API run, expected ${expectedRows}`);

    report.api = { eps: ack.count / (ack.wallMs / 1000), wallMs: ack.wallMs, p50: ack.p50, p90: ack.p90, p99: ack.p99, max: ack.max, errors: ack.errors, bytes: ack.bytes };
    report.dup = { count: dup.dup.count, errors: dup.dup.errors, notDuplicate: dup.dup.notDuplicate, rows: dupRows, p50: dup.dup.p50, p99: dup.dup.p99 };
    log(`2. API acknowledgement: POST ${PATH}, WORKER_ENABLED=false (boot ${fmt(bootMs / 1000, 2)} s, port ${port})`);
    log(`   ${fmt(report.api.eps)} events/s acknowledged  (${ack.count} in ${fmt(ack.wallMs / 1000, 2)} s, ${ack.bytes}-byte events, C=${C} in flight, client: ${ack.client}, in a worker thread)`);
    log(`   latency p50 ${fmt(ack.p50, 1)} ms, p90 ${fmt(ack.p90, 1)} ms, p99 ${fmt(ack.p99, 1)} ms, max ${fmt(ack.max, 1)} ms; errors ${ack.errors}`);
    log(`   API event loop busy ${fmt(eluTimed.utilization * 100)}% (loop delay p50 ${fmt(lag.percentile(50) / 1e6, 1)} ms, p99 ${fmt(lag.percentile(99) / 1e6, 1)} ms); CPU: ${cpuText(ackCpuUse, 'API run')}`);
    log(`   duplicate burst: ${DUPS}× ${dupId} → ${DUPS - dup.dup.errors} × 200, ${dup.dup.notDuplicate} answered duplicate:false, ${dupRows} inbox row(s)`);
    log(`   inbox rows ${inboxRows} (expected ${expectedRows})`);
    log();

    // ---------------- 3. Processing lag: a worker drains the inbox --------------------------
    await closeApi(); // the acknowledging API is idle now; the worker gets the machine
    const countReceived = async () => Number((await pool.query(`SELECT count(*) FROM webhook_inbox WHERE status = 'received'`)).rows[0].count);
    const startReceived = await countReceived();
    const workerExtra = process.env.BENCH_WORKER_CONCURRENCY ? { WORKER_CONCURRENCY: process.env.BENCH_WORKER_CONCURRENCY } : {};
    const workerCfg = appConfig(true, workerExtra);
    t = performance.now();
    const drainCpu = await cpuMeter(pool);
    const worker = await platform.createApi(workerCfg, benchUrl, logDestination);
    cleanups.unshift(() => worker.close());
    const samples = [];
    let firstProgressMs;
    let remaining = startReceived;
    let drainedMs;
    let stoppedEarly = false;
    const polling = (async () => {
      for (;;) {
        const now = performance.now() - t;
        remaining = await countReceived();
        samples.push({ ms: now, remaining });
        if (firstProgressMs === undefined && remaining < startReceived) firstProgressMs = now;
        if (remaining === 0) {
          drainedMs = now;
          return;
        }
        if (now > DRAIN_CAP_S * 1000) return;
        // Stop early when the observed rate cannot drain the rest within the cap (by a wide margin).
        if (firstProgressMs !== undefined && now - firstProgressMs > 20_000) {
          const rate = (startReceived - remaining) / ((now - firstProgressMs) / 1000);
          if (rate > 0 && remaining / rate > 10 * (DRAIN_CAP_S - now / 1000)) {
            stoppedEarly = true;
            return;
          }
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    polling.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    await worker.init();
    const workerBootMs = performance.now() - t;
    await polling;
    const drainCpuUse = await drainCpu();
    const endMs = samples[samples.length - 1].ms;
    const processed = startReceived - remaining;
    const activeS = firstProgressMs !== undefined ? ((drainedMs ?? endMs) - firstProgressMs) / 1000 : NaN;
    const rate = processed > 0 ? processed / Math.max(activeS, 0.25) : 0;
    const byStatus = (await pool.query('SELECT status, outcome, count(*)::int AS n FROM webhook_inbox GROUP BY 1, 2 ORDER BY 1, 2')).rows;
    report.drain = { startReceived, processed, remaining, drainedMs, endMs, rate, workerBootMs, stoppedEarly, concurrency: workerCfg.worker.concurrency, projectedS: rate > 0 ? startReceived / rate : NaN };
    log(`3. processing lag: worker (createApi + init, WORKER_ENABLED=true, WORKER_CONCURRENCY=${workerCfg.worker.concurrency}, boot ${fmt(workerBootMs / 1000, 2)} s) on ${startReceived} received events`);
    if (drainedMs !== undefined) {
      log(`   drained in ${fmt(drainedMs / 1000, 1)} s from worker start; ${fmt(rate)} events/s processed`);
    } else {
      log(`   NOT DRAINED: ${processed} of ${startReceived} processed in ${fmt(endMs / 1000, 1)} s (${stoppedEarly ? 'stopped early, the rate could not drain within the cap' : `cap ${DRAIN_CAP_S} s`}); ${fmt(rate, 1)} events/s`);
      log(`   projected time to drain ${startReceived} events at that rate: ${fmt(report.drain.projectedS)} s (~${fmt(report.drain.projectedS / 60, 1)} min)`);
    }
    log(`   CPU while draining: ${cpuText(drainCpuUse)}`);
    log(`   inbox by status/outcome: ${byStatus.map((r) => `${r.status}/${r.outcome ?? '-'}=${r.n}`).join(', ')}`);
    log();
    await worker.close();
    cleanups.shift();

    // ---------------- 4. Summary ------------------------------------------------------------
    const ratio = report.api.eps / report.baseline.eps;
    const mark = (ok) => (ok ? 'PASS' : 'FAIL');
    log('Summary');
    log(`   machine                  ${cpus.length} CPU(s), node ${process.version}, PostgreSQL ${pgVersion}`);
    log(`   baseline                 ${fmt(report.baseline.eps)} events/s`);
    log(`   API acknowledged         ${fmt(report.api.eps)} events/s   [${mark(report.api.eps >= 3000)}] target ≥ 3,000 events/s`);
    log(`   ratio API/baseline       ${fmt(ratio, 2)}   [${mark(ratio >= 0.5)}] target ≥ 0.50`);
    log(`   ack latency              p50 ${fmt(report.api.p50, 1)} ms, p99 ${fmt(report.api.p99, 1)} ms; non-200: ${report.api.errors}`);
    log(`   duplicates               ${DUPS} deliveries → ${report.dup.rows} inbox row   [${mark(report.dup.rows === 1 && report.dup.notDuplicate === 1 && !report.dup.errors)}]`);
    log(
      `   drain                    ${
        drainedMs !== undefined
          ? `${fmt(drainedMs / 1000, 1)} s for ${startReceived} events (${fmt(rate)} events/s)`
          : `did not drain: ${processed}/${startReceived} in ${fmt(endMs / 1000, 1)} s (${fmt(rate, 1)} events/s, ~${fmt(report.drain.projectedS / 60, 1)} min projected)`
      }`,
    );
    if (noisy.length) log(`   NOTE                     other processes on this machine were busy during: ${noisy.join(', ')}; throughput figures are depressed, re-run on a quiet machine`);
    if (appLogs.warnOrWorse) log(`   app logged ${appLogs.warnOrWorse} warning/error line(s), e.g. ${appLogs.samples.join(' | ')}`);
    if (failures.length) {
      log();
      log('CORRECTNESS FAILURES');
      for (const f of failures) log(`   - ${f}`);
      exitCode = 1;
    }
  } catch (e) {
    process.stderr.write(`bench crashed: ${e?.stack ?? e}\n`);
    exitCode = 1;
  } finally {
    await cleanup();
    process.removeListener('SIGINT', sigInt);
  }
  return exitCode;
}

if (isMainThread) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`bench crashed: ${e?.stack ?? e}\n`);
      process.exit(1);
    },
  );
}
