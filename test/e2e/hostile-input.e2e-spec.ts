import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { login, signup, startTestApp, TestApp, uniqueEmail } from '../support/app';
import { sql } from '../support/database';
import { pdfVariant } from '../support/files';
import { Answer, envelopeProblems, rawExchange, send } from '../support/raw-http';
import { uniqueItalianCompany } from '../support/registrations';

/**
 * Hostile input, schema-driven: the app's own OpenAPI document lists every operation, and each
 * gets wrong types per property, lone surrogates, NUL, huge numbers, deep nesting, 10,000-item
 * arrays, prototype keys, wrong content types, bad percent-encoding in parameters and a declared
 * body that never comes — with a signed-in seller or ops token where the route needs one. Whatever
 * the input: never a 5xx, every 4xx in the envelope with a request id, and an answer within a second.
 */
const ADMIN = { email: 'hostile.admin@ops.example.com', password: 'Hostile-Admin-Pass-1' };

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
};

/** A JSON token spliced into a body as is (numbers JSON.stringify cannot write). */
const RAW = (token: string) => ({ __raw: token });
const deep = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};
/** Values every property gets in turn. */
const HOSTILE_VALUES: unknown[] = [
  123,
  -1,
  true,
  null,
  {},
  [],
  [[]],
  [{}],
  '',
  'a\ud800@example.com',
  'a\u0000b',
  'x'.repeat(5000),
  RAW('99999999999999999999999'),
  RAW('1e400'),
  deep(40),
  new Array(10_000).fill({}),
  RAW('{"__proto__":{"role":"ops_admin"}}'),
  RAW('{"a\\ud800":1}'),
];
/** Whole bodies that are not the object a route expects. */
const HOSTILE_BODIES: (string | Buffer)[] = [
  '',
  '[]',
  '"text"',
  '1',
  'null',
  '{',
  '{"a":1,}',
  `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  JSON.stringify(new Array(100_000).fill('a')),
  '{"__proto__":{"role":"ops_admin"}}',
  '{"\\u0000":1}',
  '"\\ud800"',
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // {"a":"<invalid UTF-8>"}
];
const HOSTILE_PARAMS = ['%E0%A4%A', '%ZZ', '%00', '%ED%A0%80', '%C0%AF', '99999999999999999999', '-1', 'x'.repeat(300), '__proto__', '..%2F..%2Fetc', '%20'];
const HOSTILE_QUERY = ['%00', '%ED%A0%80', '%E0%A4%A', '99999999999999999999', '-1', '1e3', 'abc', '', '%5B%5D'];
const WRONG_CONTENT_TYPES = ['text/plain', 'application/xml', 'multipart/form-data; boundary=zz', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16'];

function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && '__raw' in v) {
      raws.push((v as { __raw: string }).__raw);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return v;
  });
  return text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]);
}

describe('hostile input on every operation (e2e)', () => {
  let t: TestApp;
  let port: number;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  let admin: string;
  let seller: { token: string; sellerId: string };
  let caseId: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const call = (method: string, path: string, options: Parameters<typeof send>[4] = {}) => send(port, agent, method, path, options);
  const jsonCall = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(method, path, { headers: { 'Content-Type': 'application/json', ...headers }, body: serialize(body) });

  beforeAll(async () => {
    t = await startTestApp({ BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' });
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    port = (t.http.address() as AddressInfo).port;
    admin = await login(t.http, ADMIN.email, ADMIN.password);
    const s = await signup(t.http, { country: 'IT', locale: 'it' });
    seller = { token: s.token!, sellerId: s.res.body.seller.id as string };
    expect((await jsonCall('PUT', '/v1/sellers/me/business', uniqueItalianCompany(), bearer(seller.token))).status).toBe(200);
    expect((await call('GET', '/v1/sellers/me/kyc', { headers: bearer(seller.token) })).status).toBe(200);
    caseId = (await t.sql.query('SELECT id FROM kyc_cases WHERE seller_id = $1', [seller.sellerId])).rows[0].id as string;
    doc = (await call('GET', '/docs-json')).body as typeof doc;
  });
  afterAll(async () => {
    agent.destroy();
    await t?.close();
  });

  describe('reproducers', () => {
    it('refuses lone surrogates (and NUL) in any string field as INVALID_CHARACTERS, never a 500', async () => {
      const body = { email: 'a\ud800@example.com', password: 'tortellini-di-bologna', country: 'IT', locale: 'it' };
      for (const [path, headers] of [['/v1/auth/signup', {}], ['/v1/auth/login', {}], ['/v1/ops/accounts', bearer(admin)]] as const) {
        const res = await jsonCall('POST', path, path === '/v1/ops/accounts' ? { ...body, role: 'ops_reviewer', country: undefined, locale: undefined } : body, headers);
        expect(res.status).toBe(400);
        expect((res.body as { error: { details: unknown[] } }).error.details).toContainEqual({ field: 'email', code: 'INVALID_CHARACTERS', message: 'Email address contains characters that are not allowed.' });
      }
      // an address field PostgreSQL would refuse: a field detail, not COMMON_INVALID_VALUE
      const registration = uniqueItalianCompany();
      (registration.registeredAddress as Record<string, unknown>).line1 = 'Via Roma \udc00 1';
      const profile = await jsonCall('PUT', '/v1/sellers/me/business', registration, { ...bearer(seller.token), 'Accept-Language': 'es' });
      expect(profile.status).toBe(400);
      expect(profile.body).toMatchObject({
        error: { code: 'COMMON_VALIDATION_FAILED', details: [{ field: 'registeredAddress.line1', code: 'INVALID_CHARACTERS', message: 'El campo registeredAddress.line1 contiene caracteres no permitidos.' }] },
      });
      const key = await jsonCall('POST', '/v1/auth/signup', RAW('{"a\\ud800b":1}'));
      expect(key.status).toBe(400);
      expect((key.body as { error: { details: unknown[] } }).error.details).toEqual([{ field: 'a\ufffdb', code: 'INVALID_CHARACTERS', message: 'a\ufffdb contains characters that are not allowed.' }]);
    });

    it('answers a 100,000-item body with at most 100 details and a count of the rest, quickly', async () => {
      const started = Date.now();
      const res = await call('PUT', '/v1/sellers/me/kyc/persons', {
        headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', ...bearer(seller.token) },
        body: JSON.stringify({ persons: new Array(100_000).fill({}) }),
      });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(res.status).toBe(400);
      expect(res.text.length).toBeLessThan(20_000);
      expect((res.body as { error: { details: unknown[] } }).error.details).toEqual([
        { field: 'persons', code: 'TOO_LONG', message: 'Persons must contain at most 1000 items.' },
      ]);
      // 1,000 invalid persons fit the walk but make 4,000+ field details: 100 shown, the rest counted
      const many = await call('PUT', '/v1/sellers/me/kyc/persons', {
        headers: { 'Content-Type': 'application/json', ...bearer(seller.token) },
        body: JSON.stringify({ persons: new Array(1000).fill({}) }),
      });
      expect(many.status).toBe(400);
      const error = (many.body as { error: { details: { field: string }[]; omittedDetails: number } }).error;
      expect(error.details).toHaveLength(100);
      expect(error.details[0]).toMatchObject({ field: 'persons', code: 'TOO_LONG' });
      expect(error.omittedDetails).toBeGreaterThan(3000);
      // the field is documented in the envelope schema
      const envelope = doc.components.schemas.ErrorBodyDto as { properties: Record<string, Schema & { maxItems?: number }> };
      expect(envelope.properties.omittedDetails).toMatchObject({ type: 'number' });
      expect(envelope.properties.details.maxItems).toBe(100);
    });

    it('validates a KYC decision as a closed shape: documents is a list of objects', async () => {
      for (const documents of [[[]], ['x'], [null], [1], [[{ documentId: randomUUID(), status: 'rejected' }]]]) {
        const res = await jsonCall('POST', `/v1/ops/kyc/cases/${caseId}/decisions`, { decision: 'request_changes', documents }, bearer(admin));
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ error: { code: 'COMMON_VALIDATION_FAILED' } });
        expect((res.body as { error: { details: { field: string; code: string }[] } }).error.details).toContainEqual(expect.objectContaining({ field: 'documents', code: 'WRONG_TYPE' }));
      }
      const persons = await jsonCall('PUT', '/v1/sellers/me/kyc/persons', { persons: [[]] }, bearer(seller.token));
      expect(persons.status).toBe(400);
    });

    it('bounds query integers: an offset beyond bigint is a field detail, not COMMON_INVALID_VALUE', async () => {
      for (const path of ['/v1/ops/sellers', '/v1/ops/accounts']) {
        const res = await call('GET', `${path}?offset=99999999999999999999`, { headers: bearer(admin) });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ error: { code: 'COMMON_VALIDATION_FAILED', details: [{ field: 'offset', code: 'OUT_OF_RANGE' }] } });
      }
    });

    const multipart = (fields: Record<string, string>, file: { name: string; bytes: Buffer }) => {
      const boundary = `----hostile${randomUUID()}`;
      const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
      const body = Buffer.concat([
        Buffer.from(parts.join('')),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        file.bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return { headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, ...bearer(admin) }, body };
    };

    it('refuses a sanctions list nested 200 levels deep, or carrying a NUL, as a list-format error', async () => {
      const nested = `<?xml version="1.0"?><export>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</export>`;
      for (const source of ['eu_consolidated', 'un_consolidated']) {
        const res = await call('POST', '/v1/ops/screening-lists', multipart({ source, label: `deep-${source}` }, { name: 'list.xml', bytes: Buffer.from(nested) }));
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ error: { code: 'SCREENING_LIST_FORMAT' } });
      }
      const nul = Buffer.from('36,"AERO\u0000CARIBBEAN AIRLINES",-0-,"CUBA",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n', 'latin1');
      const csv = await call('POST', '/v1/ops/screening-lists', multipart({ source: 'ofac_sdn', label: 'nul' }, { name: 'SDN.CSV', bytes: nul }));
      expect(csv.status).toBe(422);
      expect(csv.body).toMatchObject({ error: { code: 'SCREENING_LIST_FORMAT' } });
      expect((await t.sql.query('SELECT count(*)::int AS n FROM screening_lists')).rows[0].n).toBe(0);
    });

    it('a registration racing another seller for one identifier is told which identifier clashed', async () => {
      // seller C registers, so the stored (normalised) values are known; its rows are then removed
      const registration = uniqueItalianCompany();
      const c = await signup(t.http, { country: 'IT' });
      expect((await jsonCall('PUT', '/v1/sellers/me/business', registration, bearer(c.token!))).status).toBe(200);
      // the identifier inserted LAST (the legal form's order), so it is not the first of the profile
      const spec = (await call('GET', '/v1/countries/IT')).body as { legalForms: { code: string; identifiers: { type: string }[] }[] };
      const types = spec.legalForms.find((f) => f.code === registration.legalForm)!.identifiers.map((i) => i.type).filter((type) => type in (registration.identifiers as object));
      expect(types.length).toBeGreaterThan(1);
      const clashing = types[types.length - 1];
      const { rows } = await t.sql.query('SELECT type, value FROM seller_identifiers WHERE seller_id = $1', [c.res.body.seller.id]);
      const value = rows.find((r: { type: string }) => r.type === clashing).value as string;
      // the message a sequential clash on that identifier alone gets
      const fresh = uniqueItalianCompany();
      const late = await signup(t.http, { country: 'IT' });
      const sequential = await jsonCall('PUT', '/v1/sellers/me/business', { ...fresh, identifiers: { ...(fresh.identifiers as object), [clashing]: (registration.identifiers as Record<string, string>)[clashing] } }, bearer(late.token!));
      expect(sequential.status).toBe(409);
      await t.sql.query('DELETE FROM seller_identifiers WHERE seller_id = $1', [c.res.body.seller.id]);

      // C's registration of the LAST identifier is in flight (uncommitted) while B registers all of them
      const other = await sql(t.db.url);
      try {
        await other.query('BEGIN');
        await other.query('INSERT INTO seller_identifiers (country, type, value, seller_id) VALUES ($1, $2, $3, $4)', ['IT', clashing, value, c.res.body.seller.id]);
        const b = await signup(t.http, { country: 'IT' });
        const racing = jsonCall('PUT', '/v1/sellers/me/business', registration, bearer(b.token!));
        for (let i = 0; i < 100; i++) {
          const waiting = await t.sql.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
          if (waiting.rows[0].n > 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await other.query('COMMIT');
        const res = await racing;
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ error: { code: 'COUNTRY_IDENTIFIER_IN_USE', message: (sequential.body as { error: { message: string } }).error.message } });
      } finally {
        await other.end();
      }
    });
  });

  describe('raw HTTP', () => {
    const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;

    it('answers parser errors in the envelope with a request id, in the caller language when it can be read', async () => {
      const cases: [string, string | Buffer, number, string, string][] = [
        ['bad chunk size', head(['POST /v1/auth/login HTTP/1.1', 'Host: x', 'Accept-Language: tr', 'X-Request-Id: hostile-chunk-0001', 'Content-Type: application/json', 'Transfer-Encoding: chunked']) + 'zz\r\n{}\r\n0\r\n\r\n', 400, 'COMMON_MALFORMED_HTTP', 'tr'],
        ['Content-Length with Transfer-Encoding', head(['POST /v1/auth/login HTTP/1.1', 'Host: x', 'Content-Length: 2', 'Transfer-Encoding: chunked']) + '{}', 400, 'COMMON_MALFORMED_HTTP', 'en'],
        ['NUL in a header', Buffer.from(head(['GET /health HTTP/1.1', 'Host: x', 'X-Thing: a\u0000b']), 'latin1'), 400, 'COMMON_MALFORMED_HTTP', 'en'],
        ['unknown method', head(['FOO /health HTTP/1.1', 'Host: x']), 400, 'COMMON_MALFORMED_HTTP', 'en'],
        ['head over 16 KB', head(['GET /health HTTP/1.1', 'Host: x', 'Accept-Language: es', `X-Big: ${'a'.repeat(20_000)}`]), 431, 'COMMON_HEADERS_TOO_LARGE', 'es'],
        ['not HTTP at all', 'HELLO\r\n\r\n', 400, 'COMMON_MALFORMED_HTTP', 'en'],
        ['bad Content-Length', head(['POST /v1/auth/login HTTP/1.1', 'Host: x', 'Content-Length: abc']), 400, 'COMMON_MALFORMED_HTTP', 'en'],
      ];
      for (const [label, bytes, status, code, language] of cases) {
        const a = await rawExchange(port, bytes);
        expect(envelopeProblems(label, a)).toEqual([]);
        expect([label, a.status, (a.body as { error: { code: string } }).error.code, a.headers['content-language']]).toEqual([label, status, code, language]);
      }
      const named = await rawExchange(port, cases[0][1]);
      expect(named.body).toMatchObject({ requestId: 'hostile-chunk-0001', error: { message: 'İstek geçerli bir HTTP isteği değil ve okunamadı.' } });
    });

    it('refuses a declared body over the limit before reading it, on every operation', async () => {
      const problems: string[] = [];
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          const url = concretePath(path, op);
          const multipart = !!op.requestBody?.content['multipart/form-data'];
          const auth = op.security ? `Authorization: Bearer ${path.startsWith('/v1/ops') ? admin : seller.token}` : 'X-None: 1';
          // JSON routes: over BODY_LIMIT_BYTES; uploads: over their files' limits (plus multipart overhead)
          for (const length of multipart ? ['1073741824', '53687091200'] : ['2000000', '1073741824']) {
            const type = multipart ? 'multipart/form-data; boundary=zz' : 'application/json';
            const a = await rawExchange(port, head([`${method.toUpperCase()} ${url} HTTP/1.1`, 'Host: x', auth, `Content-Type: ${type}`, `Content-Length: ${length}`]) + '{"a":');
            problems.push(...envelopeProblems(`${method.toUpperCase()} ${path} declaring ${length} bytes`, a));
            if (a.status !== 413 && !(a.status === 404 && path.startsWith('/v1/webhooks/kyc'))) problems.push(`${method.toUpperCase()} ${path} declaring ${length} bytes: ${a.status}, not 413`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });

  /** The path with real ids where the route reads one (the seller's case, the seller), otherwise plausible values. */
  function concretePath(path: string, op: Operation, override?: [string, string]): string {
    return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (override && override[0] === name) return override[1];
      const schema = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
      if (name === 'cc') return path.startsWith('/v1/ops') ? 'DE' : 'IT';
      if (name === 'id' && path.includes('/kyc/cases/')) return caseId;
      if (name === 'sellerId') return seller.sellerId;
      if (name === 'version') return '1';
      if (name === 'provider') return 'sumsub';
      return schema?.format === 'uuid' || name.endsWith('id') || name.endsWith('Id') ? randomUUID() : 'x';
    });
  }

  function resolve(s: Schema | undefined): Schema | undefined {
    if (!s) return undefined;
    if (s.$ref) return doc.components.schemas[s.$ref.split('/').pop()!];
    if (s.allOf?.length) return resolve(s.allOf[0]);
    if (s.oneOf?.length) return resolve(s.oneOf[0]);
    return s;
  }

  /** A plausible value for a schema: its example, its first enum value, or one of its type. */
  function sample(schema: Schema | undefined, depth = 0): unknown {
    const s = resolve(schema);
    if (!s || depth > 5) return 'text';
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    if (s.properties) return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sample(v, depth + 1)]));
    switch (s.type) {
      case 'array':
        return [sample(s.items, depth + 1)];
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return true;
      case 'object':
        return {};
      default:
        return s.format === 'uuid' ? randomUUID() : s.format === 'email' ? uniqueEmail('hostile') : s.format === 'date' ? '2020-01-01' : 'text';
    }
  }

  /** Every property path of a body schema, nested objects and the first item of object lists included. */
  function propertyPaths(schema: Schema | undefined, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
    const s = resolve(schema);
    if (!s?.properties || depth > 1) return [];
    const out: (string | number)[][] = [];
    for (const [name, child] of Object.entries(s.properties)) {
      out.push([...prefix, name]);
      const c = resolve(child);
      if (c?.properties) out.push(...propertyPaths(c, [...prefix, name], depth + 1));
      if (c?.type === 'array' && resolve(c.items)?.properties) out.push(...propertyPaths(c.items, [...prefix, name, 0], depth + 1));
    }
    return out;
  }

  function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
    const copy = structuredClone(base) as Record<string | number, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) {
      if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof key === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
    node[path[path.length - 1]] = value;
    return copy;
  }

  it('never answers a hostile request to any operation with a 5xx, outside the envelope, or late', async () => {
    const problems: string[] = [];
    let requests = 0;
    // each operation's cases run two at a time (the app and this client share one process)
    let cases: [string, () => Promise<Answer>][] = [];
    const queue = (label: string, run: () => Promise<Answer>) => cases.push([label, run]);
    const drain = async () => {
      const todo = cases;
      cases = [];
      const worker = async () => {
        for (let next = todo.shift(); next; next = todo.shift()) {
          requests++;
          problems.push(...envelopeProblems(next[0], await next[1]()));
        }
      };
      await Promise.all([worker(), worker()]);
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
    expect(operations.length).toBeGreaterThanOrEqual(50);
    for (const { path, method, op } of operations) {
      const name = `${method} ${path}`;
      const auth: Record<string, string> = op.security ? bearer(path.startsWith('/v1/ops') ? admin : seller.token) : {};
      const url = concretePath(path, op);
      const json = op.requestBody?.content['application/json'];
      const multipart = op.requestBody?.content['multipart/form-data'];

      // path parameters: broken percent-encoding, NUL, encoded surrogates, huge numbers, traversal
      for (const p of (op.parameters ?? []).filter((x) => x.in === 'path')) {
        for (const v of HOSTILE_PARAMS) queue(`${name} ${p.name}=${v.slice(0, 20)}`, () => call(method, concretePath(path, op, [p.name, v]), { headers: auth }));
      }
      // query parameters (declared ones, a repeated one, unknown and prototype keys)
      const query = (op.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name);
      for (const q of query) {
        for (const v of HOSTILE_QUERY) queue(`${name} ?${q}=${v}`, () => call(method, `${url}?${q}=${v}`, { headers: auth }));
        queue(`${name} ?${q} repeated`, () => call(method, `${url}?${q}=1&${q}=2`, { headers: auth }));
      }
      for (const q of ['__proto__', 'constructor[prototype]', 'unknown', 'lang']) queue(`${name} ?${q}=%00`, () => call(method, `${url}?${q}=%00`, { headers: auth }));
      queue(`${name} ?x repeated 5000 times`, () => call(method, `${url}?${'x=1&'.repeat(5000)}`, { headers: auth }));

      // bodies: not an object, broken JSON, huge arrays…, then each property in turn
      const bodies = json || multipart || method !== 'GET' ? HOSTILE_BODIES : [];
      for (const body of bodies) {
        queue(`${name} body ${String(body).slice(0, 30)}`, () => call(method, url, { headers: { 'Content-Type': 'application/json', ...auth }, body }));
      }
      if (json) {
        const base = sample(json.schema);
        for (const prop of propertyPaths(json.schema)) {
          for (const value of HOSTILE_VALUES) {
            queue(`${name} ${prop.join('.')}=${serialize(value).slice(0, 30)}`, () => jsonCall(method, url, withValue(base, prop, value), auth));
          }
        }
      }
      // other media types, content encodings
      if (json || multipart || method !== 'GET') {
        for (const type of WRONG_CONTENT_TYPES) queue(`${name} as ${type}`, () => call(method, url, { headers: { 'Content-Type': type, ...auth }, body: 'email=%00&__proto__=1&a[b]=c' }));
        queue(`${name} gzip`, () => call(method, url, { headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', ...auth }, body: 'not gzip' }));
      }
      // multipart uploads: hostile fields, files and framing
      if (multipart) {
        const fields = Object.keys(resolve(multipart.schema)?.properties ?? {}).filter((f) => !['file', 'aliases'].includes(f));
        const form = (parts: string[], boundary = 'hostileboundary') => ({
          headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, ...auth },
          body: Buffer.from(parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') + `--${boundary}--\r\n`, 'latin1'),
        });
        const field = (n: string, v: string) => `Content-Disposition: form-data; name="${n}"\r\n\r\n${v}`;
        const file = (n: string, bytes: string) => `Content-Disposition: form-data; name="${n}"; filename="f.pdf"\r\nContent-Type: application/pdf\r\n\r\n${bytes}`;
        const pdf = pdfVariant(1).toString('latin1');
        const variants: [string, ReturnType<typeof form>][] = [
          ['no parts', form([])],
          ['no file', form(fields.map((f) => field(f, 'x')))],
          ['NUL fields', form([...fields.map((f) => field(f, 'a\u0000b')), file('file', pdf)])],
          ['invalid UTF-8 fields', form([...fields.map((f) => field(f, '\xff\xfe\xed\xa0\x80')), file('file', pdf)])],
          ['long fields', form([...fields.map((f) => field(f, 'x'.repeat(200_000))), file('file', pdf)])],
          ['unknown file field', form([file('other', pdf)])],
          ['two files', form([file('file', pdf), file('file', pdf), file('file', pdf)])],
          ['garbage file', form([...fields.map((f) => field(f, 'text')), file('file', '\u0000'.repeat(100))])],
          ['prototype field', form([field('__proto__', 'x'), field('constructor', 'y'), file('file', pdf)])],
          ['many fields', form(new Array(200).fill(0).map((_v, i) => field(`f${i}`, 'x')))],
          ['quoted name', form([`Content-Disposition: form-data; name="a\\"b"; filename="../../etc/passwd"\r\n\r\nx`])],
        ];
        for (const [label, v] of variants) queue(`${name} multipart ${label}`, () => call(method, url, v));
        const truncated = form([file('file', pdf)]);
        queue(`${name} multipart truncated`, () => call(method, url, { ...truncated, body: truncated.body.subarray(0, truncated.body.length - 30) }));
        queue(`${name} multipart without boundary`, () => call(method, url, { headers: { 'Content-Type': 'multipart/form-data', ...auth }, body: 'x' }));
      }
      await drain();
    }
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThan(2000);
  }, 120_000);
});
