// Registration benchmark: `PUT /v1/sellers/me/business` (the registration upsert) and `GET /v1/sellers/me`
// on the real app, against a bare Node + pg server doing the same work in the same run (bearer token →
// seller, then one upsert … RETURNING, or one select), with interleaved rounds so both see the same machine.
//
//   node scripts/build-if-changed.mjs api && node bench/registration.mjs      # or: npm run bench:registration
//
// Environment (all optional):
//   DATABASE_URL        admin connection; a fresh database ltg_bench_<random> is created beside it and dropped
//                       at the end (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_SELLERS       sellers signed up (default 200; every one registers its own valid Italian identifiers)
//   BENCH_REQUESTS      requests per round and phase (default 3000)
//   BENCH_ROUNDS        interleaved rounds (default 3; the median round is reported)
//   BENCH_CONCURRENCY   requests in flight (default 64); a second pass runs at 1
//
// A report, not a test: exit 0 even when a target is missed; 1 on a crash or when any answer is not 200.
import { createRequire } from 'node:module';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { bootApp, scratchDatabase } from './support.mjs';

// ------------------------------------------------------------------------------------------------------
// Load generator (worker thread): keep-alive node:http, C requests in flight, latencies in ms.
// ------------------------------------------------------------------------------------------------------
if (!isMainThread) {
  const { port, requests, concurrency, method, path, bodies, tokens } = workerData;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const one = (i) =>
    new Promise((resolve) => {
      const body = bodies ? bodies[i % bodies.length] : undefined;
      const started = performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: {
            authorization: `Bearer ${tokens[i % tokens.length]}`,
            ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode }));
        },
      );
      req.on('error', () => resolve({ ms: performance.now() - started, status: 0 }));
      req.end(body);
    });
  let next = 0;
  const latencies = [];
  const statuses = {};
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const r = await one(next++);
        latencies.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    }),
  );
  parentPort.postMessage({ wallMs: performance.now() - started, latencies, statuses });
  agent.destroy();
}

function runLoad(options) {
  return new Promise((resolve, reject) => {
    const w = new Worker(fileURLToPath(import.meta.url), { workerData: options });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : 'n/a');

/** A valid partita IVA: 7-digit serial, office 015 (Milano), Luhn-style check digit. */
function partitaIva(serial) {
  const digits = `${String(serial).padStart(7, '0')}015`.split('').map(Number);
  let sum = 0;
  digits.forEach((d, i) => {
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  });
  return digits.join('') + ((10 - (sum % 10)) % 10);
}

function registration(i) {
  const piva = partitaIva(1000000 + i);
  return {
    legalForm: 'it.srl',
    legalName: `Pelletteria Navigli ${i} S.r.l.`,
    identifiers: { 'it.piva': piva, 'it.cf': piva, 'it.rea': `MI-${2000000 + i}` },
    registeredAddress: { line1: 'Via Torino 51', city: 'Milano', region: 'MI', postalCode: '20123', country: 'IT' },
    phone: '+39 02 1234 5678',
    representative: { firstName: 'Lucia', lastName: 'Rossi' },
  };
}

/** The bare server: the least work the same two routes can do on the same database. */
function bareServer(pool) {
  const sellerOf = async (req) => {
    const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!m) return undefined;
    const { rows } = await pool.query('SELECT seller_id FROM bench_sessions WHERE token_hash = $1', [createHash('sha256').update(m[1]).digest('hex')]);
    return rows[0]?.seller_id;
  };
  return http.createServer(async (req, res) => {
    try {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const seller = await sellerOf(req);
      if (!seller) {
        res.writeHead(401).end();
        return;
      }
      let row;
      if (req.method === 'PUT') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        ({ rows: [row] } = await pool.query(
          `INSERT INTO bench_profiles (seller_id, legal_form, legal_name, identifiers, registered_address, phone, representative, checked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now())
           ON CONFLICT (seller_id) DO UPDATE SET legal_form = EXCLUDED.legal_form, legal_name = EXCLUDED.legal_name,
             identifiers = EXCLUDED.identifiers, registered_address = EXCLUDED.registered_address, phone = EXCLUDED.phone,
             representative = EXCLUDED.representative, checked_at = EXCLUDED.checked_at
           RETURNING *`,
          [seller, body.legalForm, body.legalName, body.identifiers, body.registeredAddress, body.phone, body.representative],
        ));
      } else {
        ({ rows: [row] } = await pool.query('SELECT * FROM bench_sellers WHERE id = $1', [seller]));
      }
      const out = JSON.stringify(row);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) }).end(out);
    } catch (e) {
      res.writeHead(500).end(String(e?.message ?? e));
    }
  });
}

async function main() {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const S = Number(process.env.BENCH_SELLERS ?? 200);
  const N = Number(process.env.BENCH_REQUESTS ?? 3000);
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
  const C = Number(process.env.BENCH_CONCURRENCY ?? 64);
  const log = (m = '') => process.stdout.write(`${m}\n`);
  const require = createRequire(import.meta.url);
  let platform;
  try {
    platform = require('../dist/libs/platform/src/index.js');
  } catch (e) {
    process.stderr.write(`cannot load the built app: run \`node scripts/build-if-changed.mjs api\` first\n${e?.message ?? e}\n`);
    return 1;
  }
  const { url: benchUrl, cleanups, cleanup } = await scratchDatabase(adminUrl);
  let failed = false;
  try {
    const { port: apiPort, call } = await bootApp(platform, benchUrl, cleanups, { LOGIN_MAX_FAILURES: '1000' });

    log('Registration benchmark');
    const cpus = os.cpus();
    log(`machine: ${cpus.length} CPU(s) ${cpus[0]?.model ?? ''}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    log(`${S} sellers, ${N} requests per round and phase, ${ROUNDS} interleaved rounds, C=${C} and C=1`);

    // sellers, their tokens, one valid registration each
    const tokens = [];
    const bodies = [];
    for (let i = 0; i < S; i++) {
      const email = `bench${i}@example.it`;
      await call('POST', '/v1/auth/signup', { email, password: 'bench-password-123', country: 'IT', locale: 'it' });
      tokens.push((await call('POST', '/v1/auth/login', { email, password: 'bench-password-123' })).accessToken);
      bodies.push(JSON.stringify(registration(i)));
    }
    await call('PUT', '/v1/sellers/me/business', JSON.parse(bodies[0]), tokens[0]);

    // the bare server's tables, filled from the same sellers
    const pool = new pg.Pool({ connectionString: benchUrl, max: 20 });
    pool.on('error', () => undefined);
    cleanups.push(() => pool.end());
    await pool.query(`CREATE TABLE bench_sellers AS SELECT * FROM sellers`);
    await pool.query(`ALTER TABLE bench_sellers ADD PRIMARY KEY (id)`);
    await pool.query(`CREATE TABLE bench_sessions (token_hash varchar(64) PRIMARY KEY, seller_id uuid NOT NULL)`);
    for (const token of tokens) {
      await pool.query(
        `INSERT INTO bench_sessions SELECT t.token_hash, s.id FROM access_tokens t JOIN sellers s ON s.account_id = t.account_id WHERE t.token_hash = $1`,
        [createHash('sha256').update(token).digest('hex')],
      );
    }
    await pool.query(`CREATE TABLE bench_profiles (seller_id uuid PRIMARY KEY, legal_form varchar(40), legal_name varchar(200),
      identifiers jsonb, registered_address jsonb, phone varchar(40), representative jsonb, checked_at timestamptz)`);
    const bare = bareServer(pool);
    await new Promise((r) => bare.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => bare.close(r)));
    const barePort = bare.address().port;

    const phases = [
      { name: 'PUT /v1/sellers/me/business', method: 'PUT', apiPath: '/v1/sellers/me/business', barePath: '/business', bodies },
      { name: 'GET /v1/sellers/me', method: 'GET', apiPath: '/v1/sellers/me', barePath: '/me' },
    ];
    const results = [];
    for (const concurrency of [C, 1]) {
      for (const phase of phases) {
        const requests = concurrency === 1 ? Math.min(N, 500) : N;
        // warm-up of both servers
        for (const [port, path] of [[apiPort, phase.apiPath], [barePort, phase.barePath]]) {
          await runLoad({ port, requests: Math.min(requests, 200), concurrency, method: phase.method, path, bodies: phase.bodies, tokens });
        }
        const rounds = { api: [], bare: [] };
        for (let r = 0; r < ROUNDS; r++) {
          for (const [who, port, path] of [['bare', barePort, phase.barePath], ['api', apiPort, phase.apiPath]]) {
            const out = await runLoad({ port, requests, concurrency, method: phase.method, path, bodies: phase.bodies, tokens });
            const bad = Object.entries(out.statuses).filter(([s]) => s !== '200');
            if (bad.length) {
              failed = true;
              log(`   ! ${who} ${phase.name}: non-200 answers ${JSON.stringify(Object.fromEntries(bad))}`);
            }
            rounds[who].push({ rps: requests / (out.wallMs / 1000), p50: pct(out.latencies, 50), p99: pct(out.latencies, 99) });
          }
        }
        const median = (xs) => [...xs].sort((a, b) => a.rps - b.rps)[Math.floor(xs.length / 2)];
        const a = median(rounds.api);
        const b = median(rounds.bare);
        results.push({ phase: phase.name, concurrency, api: a, bare: b });
        log();
        log(`${phase.name}, C=${concurrency}`);
        log(`   bare Node + pg: ${fmt(b.rps)} req/s  p50 ${fmt(b.p50, 1)} ms  p99 ${fmt(b.p99, 1)} ms`);
        log(`   API:            ${fmt(a.rps)} req/s  p50 ${fmt(a.p50, 1)} ms  p99 ${fmt(a.p99, 1)} ms   → ${fmt(a.rps / b.rps, 2)}× the bare server`);
      }
    }
    const reg = results.find((r) => r.concurrency === C && r.phase.startsWith('PUT'));
    log();
    log('Targets (issue: registration path round-trip lean)');
    log(`   registration ≥ 0.3× bare at C=${C}: ${fmt(reg.api.rps / reg.bare.rps, 2)}× ${reg.api.rps / reg.bare.rps >= 0.3 ? 'PASS' : 'FAIL'}`);
    log(`   registration p99 < 100 ms at C=${C}: ${fmt(reg.api.p99, 1)} ms ${reg.api.p99 < 100 ? 'PASS' : 'FAIL'}`);
    if (os.loadavg()[0] > os.cpus().length) log(`NOTE: load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs: other work depressed these figures`);
  } catch (e) {
    process.stderr.write(`bench failed: ${e?.stack ?? e}\n`);
    failed = true;
  } finally {
    await cleanup();
  }
  return failed ? 1 : 0;
}

if (isMainThread) process.exitCode = await main();
