/**
 * Configuration comes from the environment only, and is validated once at boot: a bad value stops
 * the process with a message naming the variable. {@link CONFIG_VARIABLES} is the single list of
 * variables (the README's configuration table is checked against it by a test).
 */
type Kind =
  | { type: 'int'; min: number; max: number }
  | { type: 'bool' }
  | { type: 'string'; pattern?: RegExp; patternHint?: string; minLength?: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'postgres-url' }
  | { type: 'http-url' }
  | { type: 'email' };

export interface ConfigVariable {
  name: string;
  kind: Kind;
  default?: string;
  description: string;
  /** Secrets are never echoed in error messages. */
  secret?: boolean;
}

export const CONFIG_VARIABLES = [
  { name: 'NODE_ENV', kind: { type: 'enum', values: ['development', 'production', 'test'] }, default: 'development', description: 'Runtime mode. In `production`, DATABASE_URL is required (no embedded database).' },
  { name: 'HOST', kind: { type: 'string', minLength: 1 }, default: '127.0.0.1', description: 'Interface the HTTP server binds to (`0.0.0.0` in containers).' },
  { name: 'PORT', kind: { type: 'int', min: 1, max: 65535 }, default: '3000', description: 'HTTP port of the API.' },
  { name: 'DATABASE_URL', kind: { type: 'postgres-url' }, description: 'PostgreSQL connection string. Unset: an embedded PostgreSQL is started with data under EMBEDDED_PG_DIR.', secret: true },
  { name: 'DATABASE_POOL_SIZE', kind: { type: 'int', min: 1, max: 200 }, default: '10', description: 'Maximum connections in the pool of each process.' },
  { name: 'EMBEDDED_PG_DIR', kind: { type: 'string', minLength: 1 }, default: '.data/pg', description: 'Data folder of the embedded PostgreSQL (ignored by git).' },
  { name: 'EMBEDDED_PG_PORT', kind: { type: 'int', min: 1024, max: 65535 }, default: '54329', description: 'Port of the embedded PostgreSQL (loopback only).' },
  { name: 'EMBEDDED_PG_DATABASE', kind: { type: 'string', pattern: /^[a-z_][a-z0-9_]{0,62}$/, patternHint: 'a lower-case PostgreSQL identifier' }, default: 'local_to_global', description: 'Database name inside the embedded PostgreSQL.' },
  { name: 'MIGRATIONS_RUN', kind: { type: 'bool' }, default: 'true', description: 'Apply pending migrations at start-up (api and worker). Off: run `npm run migration:run` yourself.' },
  { name: 'WORKER_ENABLED', kind: { type: 'bool' }, default: 'true', description: 'Run the background worker inside the API process. Set `false` and run `npm run start:worker` to scale them separately.' },
  { name: 'WORKER_CONCURRENCY', kind: { type: 'int', min: 1, max: 64 }, default: '2', description: 'Jobs each worker process handles at once per queue.' },
  { name: 'JOB_RETRY_DELAY_SECONDS', kind: { type: 'int', min: 0, max: 3600 }, description: 'Replace every job queue\'s retry delay (and its exponential backoff) with this fixed delay, in the jobs this process sends and the queues it configures (set it alike on the API and the workers); unset: each queue\'s own policy. For tests and incident handling.' },
  { name: 'LOG_LEVEL', kind: { type: 'enum', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }, default: 'info', description: 'Minimum level of the JSON logs written to stdout.' },
  { name: 'BODY_LIMIT_BYTES', kind: { type: 'int', min: 1024, max: 52428800 }, default: '1048576', description: 'Largest JSON body accepted; larger bodies get 413.' },
  { name: 'TRUST_PROXY', kind: { type: 'bool' }, default: 'false', description: 'Trust X-Forwarded-For (set `true` behind a reverse proxy) for client IPs in throttling and audit.' },
  { name: 'DOCS_ENABLED', kind: { type: 'bool' }, default: 'true', description: 'Serve Swagger UI at /docs and the OpenAPI document at /docs-json.' },
  { name: 'WEB_DIR', kind: { type: 'string', minLength: 1 }, default: 'dist/web', description: 'Folder of the built web app (`npm run web:build`), served at `/` with an SPA fallback; when it has no index.html the API runs without it.' },
  { name: 'ACCESS_TOKEN_TTL_SECONDS', kind: { type: 'int', min: 60, max: 2592000 }, default: '43200', description: 'Lifetime of a bearer access token.' },
  { name: 'LOGIN_MAX_FAILURES', kind: { type: 'int', min: 1, max: 1000 }, default: '5', description: 'Failed logins per email (and, ×4, per client IP) within LOGIN_FAILURE_WINDOW_SECONDS before logins are refused with 429.' },
  { name: 'LOGIN_FAILURE_WINDOW_SECONDS', kind: { type: 'int', min: 1, max: 86400 }, default: '900', description: 'Window in which failed logins are counted; also how long a throttled key stays blocked.' },
  { name: 'BOOTSTRAP_OPS_ADMIN_EMAIL', kind: { type: 'email' }, description: 'With BOOTSTRAP_OPS_ADMIN_PASSWORD: create this ops_admin at boot if it does not exist (idempotent).' },
  { name: 'BOOTSTRAP_OPS_ADMIN_PASSWORD', kind: { type: 'string', minLength: 12 }, description: 'Password of the bootstrap ops_admin (at least 12 characters). Used only when the account is created.', secret: true },
  { name: 'STRIPE_SECRET_KEY', kind: { type: 'string', pattern: /^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, patternHint: 'a Stripe secret key (sk_test_… or sk_live_…)' }, description: 'Stripe secret key of the platform. Unset: the stripe_connect payout rail reports itself as not configured (nothing crashes).', secret: true },
  { name: 'STRIPE_WEBHOOK_SECRET', kind: { type: 'string', pattern: /^whsec_[A-Za-z0-9_]+(,whsec_[A-Za-z0-9_]+)*$/, patternHint: 'one or more comma-separated whsec_… secrets' }, description: 'Signing secret(s) of the Stripe webhook endpoint, comma-separated so a rotated secret keeps working during the overlap.', secret: true },
  { name: 'STRIPE_API_URL', kind: { type: 'http-url' }, description: 'Base URL the Stripe SDK talks to instead of api.stripe.com (e.g. http://127.0.0.1:12111 for stripe-mock or a local double).' },
  { name: 'STRIPE_PLATFORM_COUNTRY', kind: { type: 'string', pattern: /^[A-Z]{2}$/, patternHint: 'an ISO 3166-1 alpha-2 code' }, default: 'IT', description: "Country of the platform's Stripe account. Sellers established elsewhere get connected accounts that only receive transfers, under Stripe's recipient service agreement." },
  { name: 'SELLER_APP_URL', kind: { type: 'http-url' }, default: 'http://localhost:5173', description: 'Seller front end; Stripe onboarding returns to `<SELLER_APP_URL>/payouts/return` and refreshes via `/payouts/refresh`.' },
  { name: 'DATA_ENCRYPTION_KEYS', kind: { type: 'string', pattern: /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, patternHint: 'comma-separated id:base64 keys of 32 bytes (openssl rand -base64 32)' }, description: 'Keys for personal data encrypted at rest (bank account numbers, ID numbers, KYC documents), `id:base64(32 bytes)`, comma-separated; the first encrypts, all decrypt. Rotation: put the new key first, run `npm run cli -- reencrypt`, then drop the old one. Required in production; in development a key is generated once into `.data/dev-data-key`.', secret: true },
  { name: 'DOCUMENT_STORAGE', kind: { type: 'enum', values: ['local', 's3'] }, default: 'local', description: 'Where uploaded files are stored (KYC documents, always encrypted first; product images): a local folder, or an S3-compatible bucket (S3_* variables).' },
  { name: 'S3_BUCKET', kind: { type: 'string', pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, patternHint: 'an S3 bucket name' }, description: 'Bucket for DOCUMENT_STORAGE=s3.' },
  { name: 'S3_REGION', kind: { type: 'string', minLength: 1 }, default: 'eu-central-1', description: 'Region for DOCUMENT_STORAGE=s3.' },
  { name: 'S3_ENDPOINT', kind: { type: 'http-url' }, description: 'Endpoint of an S3-compatible store (MinIO, Ceph, R2…); unset: AWS.' },
  { name: 'S3_FORCE_PATH_STYLE', kind: { type: 'bool' }, default: 'false', description: 'Path-style bucket addressing (most S3-compatible stores need it).' },
  { name: 'S3_ACCESS_KEY_ID', kind: { type: 'string', minLength: 1 }, description: 'Access key for DOCUMENT_STORAGE=s3 (unset: the AWS default credential chain).', secret: true },
  { name: 'S3_SECRET_ACCESS_KEY', kind: { type: 'string', minLength: 1 }, description: 'Secret key for DOCUMENT_STORAGE=s3.', secret: true },
  { name: 'DOCUMENT_STORAGE_DIR', kind: { type: 'string', minLength: 1 }, default: '.data/documents', description: 'Folder of the local document storage (KYC files, encrypted with DATA_ENCRYPTION_KEYS; product images).' },
  { name: 'DOCUMENT_MAX_BYTES', kind: { type: 'int', min: 1024, max: 104857600 }, default: '10485760', description: 'Largest KYC document accepted; larger uploads get 413.' },
  { name: 'KYC_PROVIDER', kind: { type: 'enum', values: ['manual', 'sumsub'] }, default: 'manual', description: 'Identity verification: `manual` (ops review the documents) or `sumsub` (sellers also pass a hosted Sumsub check; results arrive at `POST /v1/webhooks/kyc/sumsub`). `sumsub` needs the SUMSUB_* variables.' },
  { name: 'SUMSUB_API_URL', kind: { type: 'http-url' }, default: 'https://api.sumsub.com', description: 'Base URL of the Sumsub API (a local double in tests).' },
  { name: 'SUMSUB_APP_TOKEN', kind: { type: 'string', minLength: 1 }, description: 'Sumsub app token (`X-App-Token`); required when KYC_PROVIDER=sumsub.', secret: true },
  { name: 'SUMSUB_SECRET_KEY', kind: { type: 'string', minLength: 1 }, description: 'Secret key signing Sumsub API requests (`X-App-Access-Sig`); required when KYC_PROVIDER=sumsub.', secret: true },
  { name: 'SUMSUB_WEBHOOK_SECRET', kind: { type: 'string', minLength: 1 }, description: 'Secret of the Sumsub webhook (`X-Payload-Digest`); required when KYC_PROVIDER=sumsub.', secret: true },
  { name: 'SUMSUB_LEVEL_NAME', kind: { type: 'string', minLength: 1, pattern: /^[\w .-]{1,100}$/, patternHint: 'a Sumsub level name (letters, digits, space, _ . -)' }, description: 'Sumsub verification level sellers are sent through; required when KYC_PROVIDER=sumsub.' },
  { name: 'SANCTIONS_FETCH_ENABLED', kind: { type: 'bool' }, default: 'false', description: 'Let the worker download the official sanctions lists (OFAC SDN + ALT CSV, EU consolidated XML, UN consolidated XML) daily at 05:15 UTC and load each changed one like an ops upload (re-screening approved sellers). Off: ops load files with `POST /v1/ops/screening-lists`.' },
  { name: 'SANCTIONS_OFAC_SDN_URL', kind: { type: 'http-url' }, default: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV', description: 'Where the scheduled fetch downloads OFAC\'s SDN.CSV.' },
  { name: 'SANCTIONS_OFAC_ALT_URL', kind: { type: 'http-url' }, default: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV', description: 'Where the scheduled fetch downloads OFAC\'s ALT.CSV (aliases of SDN entries).' },
  { name: 'SANCTIONS_EU_URL', kind: { type: 'http-url' }, default: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw', description: 'Where the scheduled fetch downloads the EU consolidated financial sanctions list (XML 1.1).' },
  { name: 'SANCTIONS_UN_URL', kind: { type: 'http-url' }, default: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml', description: 'Where the scheduled fetch downloads the UN Security Council consolidated list (XML).' },
  { name: 'FX_FETCH_ENABLED', kind: { type: 'bool' }, default: 'false', description: 'Let the worker download the official FX files (ECB, Bank of Russia, TCMB) on weekdays at 16:30 UTC and import them like an ops upload. Off: ops upload files with `POST /v1/ops/fx/imports`.' },
  { name: 'FX_ECB_URL', kind: { type: 'http-url' }, default: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml', description: 'Where the scheduled fetch downloads the ECB daily reference rates XML.' },
  { name: 'FX_CBR_URL', kind: { type: 'http-url' }, default: 'https://www.cbr.ru/scripts/XML_daily.asp', description: 'Where the scheduled fetch downloads the Bank of Russia XML_daily (windows-1251).' },
  { name: 'FX_TCMB_URL', kind: { type: 'http-url' }, default: 'https://www.tcmb.gov.tr/kurlar/today.xml', description: 'Where the scheduled fetch downloads the TCMB today.xml.' },
  { name: 'FX_MAX_AGE_TARGET_DAYS', kind: { type: 'int', min: 0, max: 60 }, default: '4', description: 'FX snapshots older than this many TARGET working days are shown as stale to ops (`GET /v1/ops/fx/snapshots`); markets set their own limit for prices.' },
  { name: 'CATALOG_IMAGE_MAX_BYTES', kind: { type: 'int', min: 1024, max: 52428800 }, default: '5242880', description: 'Largest product image accepted (JPEG, PNG or WebP by its bytes); larger uploads get 413.' },
  { name: 'CATALOG_IMAGES_PER_PRODUCT', kind: { type: 'int', min: 1, max: 50 }, default: '10', description: 'Most images a product may have; one more is 409 `CATALOG_IMAGE_LIMIT_REACHED`.' },
  { name: 'MT_PROVIDER', kind: { type: 'enum', values: ['none', 'deepl'] }, default: 'none', description: 'Machine translation of product texts: `none` (nothing leaves the box; the machine-translation endpoint answers 409 `CATALOG_MT_NOT_CONFIGURED`) or `deepl` (DeepL REST API v2; needs DEEPL_API_KEY).' },
  { name: 'DEEPL_API_KEY', kind: { type: 'string', minLength: 1 }, description: 'DeepL authentication key (`DeepL-Auth-Key` header); required when MT_PROVIDER=deepl. Free-plan keys end in `:fx`.', secret: true },
  { name: 'DEEPL_API_URL', kind: { type: 'http-url' }, description: 'Base URL of the DeepL API (a local double in tests). Unset: https://api-free.deepl.com for a `:fx` key, else https://api.deepl.com.' },
  { name: 'DEEPL_FORMALITY', kind: { type: 'enum', values: ['default', 'more', 'less'] }, default: 'more', description: 'Formality asked of DeepL for target languages that support it (German, French, Italian, Spanish, Dutch, Polish, Portuguese, Japanese, Russian); never sent for the others.' },
  { name: 'SHUTDOWN_TIMEOUT_MS', kind: { type: 'int', min: 100, max: 120000 }, default: '10000', description: 'How long graceful shutdown waits for in-flight requests and jobs.' },
] as const satisfies readonly ConfigVariable[];

type VarName = (typeof CONFIG_VARIABLES)[number]['name'];

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl?: string;
  databasePoolSize: number;
  embeddedPg: { dir: string; port: number; database: string };
  migrationsRun: boolean;
  worker: { enabled: boolean; concurrency: number; retryDelaySeconds?: number };
  logLevel: string;
  bodyLimitBytes: number;
  trustProxy: boolean;
  docsEnabled: boolean;
  webDir: string;
  auth: { accessTokenTtlSeconds: number; loginMaxFailures: number; loginFailureWindowSeconds: number };
  bootstrapOpsAdmin?: { email: string; password: string };
  shutdownTimeoutMs: number;
  stripe: { secretKey?: string; webhookSecrets: string[]; apiUrl?: string; platformCountry: string };
  sellerAppUrl: string;
  dataEncryptionKeys?: string;
  /** Identity verification: the built-in manual review, or a vendor with its settings. */
  kyc: { provider: 'manual' | 'sumsub'; sumsub?: { apiUrl: string; appToken: string; secretKey: string; webhookSecret: string; levelName: string } };
  /** Sanctions lists: the optional scheduled fetch of the official files. */
  screening: { fetchEnabled: boolean; urls: { ofacSdn: string; ofacAlt: string; eu: string; un: string } };
  /** FX rate imports: the optional scheduled fetch of the official files, and the staleness shown to ops. */
  fx: { fetchEnabled: boolean; urls: { ecb: string; cbr: string; tcmb: string }; maxAgeTargetDays: number };
  /** Product images: the largest file and how many a product may have. */
  catalog: { imageMaxBytes: number; imagesPerProduct: number };
  /** Machine translation of product texts: off (`none`) unless ops configure a provider. */
  mt: { provider: 'none' | 'deepl'; deepl?: { apiKey: string; apiUrl: string; formality: 'default' | 'more' | 'less' } };
  documents: {
    storage: 'local' | 's3';
    storageDir: string;
    maxBytes: number;
    s3?: { bucket: string; region: string; endpoint?: string; forcePathStyle: boolean; accessKeyId?: string; secretAccessKey?: string };
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseOne(v: ConfigVariable, raw: string): { value?: unknown; problem?: string } {
  const shown = v.secret ? '' : ` (got "${raw.slice(0, 60)}")`;
  const k = v.kind;
  switch (k.type) {
    case 'int': {
      if (!/^-?\d+$/.test(raw.trim())) return { problem: `${v.name} must be a whole number from ${k.min} to ${k.max}${shown}` };
      const n = Number(raw.trim());
      if (n < k.min || n > k.max) return { problem: `${v.name} must be a whole number from ${k.min} to ${k.max}${shown}` };
      return { value: n };
    }
    case 'bool': {
      const s = raw.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(s)) return { value: true };
      if (['false', '0', 'no', 'off'].includes(s)) return { value: false };
      return { problem: `${v.name} must be true or false${shown}` };
    }
    case 'enum':
      if (!k.values.includes(raw.trim())) return { problem: `${v.name} must be one of ${k.values.join(', ')}${shown}` };
      return { value: raw.trim() };
    case 'string':
      if (k.minLength && raw.length < k.minLength) return { problem: `${v.name} must be at least ${k.minLength} characters long` };
      if (k.pattern && !k.pattern.test(raw)) return { problem: `${v.name} must be ${k.patternHint ?? `like ${k.pattern}`}${shown}` };
      return { value: raw };
    case 'email':
      if (!EMAIL.test(raw.trim())) return { problem: `${v.name} must be an email address${shown}` };
      return { value: raw.trim() };
    case 'http-url': {
      try {
        const u = new URL(raw);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
        return { value: u.toString().replace(/\/$/, '') };
      } catch {
        return { problem: `${v.name} must be an http:// or https:// URL${shown}` };
      }
    }
    case 'postgres-url': {
      try {
        const u = new URL(raw);
        if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error('protocol');
        return { value: raw };
      } catch {
        return { problem: `${v.name} must be a postgres:// or postgresql:// connection URL` };
      }
    }
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const values = {} as Record<VarName, unknown>;
  const problems: string[] = [];
  for (const v of CONFIG_VARIABLES as readonly ConfigVariable[]) {
    const raw = env[v.name];
    const source = raw === undefined || raw === '' ? (v as { default?: string }).default : raw;
    if (source === undefined) continue;
    const { value, problem } = parseOne(v, source);
    if (problem) problems.push(problem);
    else values[v.name as VarName] = value;
  }
  const get = <T>(name: VarName) => values[name] as T;
  const nodeEnv = get<AppConfig['nodeEnv']>('NODE_ENV');
  if (values.DOCUMENT_STORAGE === 's3' && !values.S3_BUCKET) problems.push('S3_BUCKET is required when DOCUMENT_STORAGE=s3');
  if (Boolean(values.S3_ACCESS_KEY_ID) !== Boolean(values.S3_SECRET_ACCESS_KEY)) problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  if (nodeEnv === 'production' && !values.DATA_ENCRYPTION_KEYS) {
    problems.push('DATA_ENCRYPTION_KEYS is required when NODE_ENV=production (personal data is encrypted at rest)');
  }
  if (nodeEnv === 'production' && !values.DATABASE_URL) {
    problems.push('DATABASE_URL is required when NODE_ENV=production (the embedded database is for development)');
  }
  const adminEmail = get<string | undefined>('BOOTSTRAP_OPS_ADMIN_EMAIL');
  const adminPassword = get<string | undefined>('BOOTSTRAP_OPS_ADMIN_PASSWORD');
  if (Boolean(env.BOOTSTRAP_OPS_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_OPS_ADMIN_PASSWORD)) {
    problems.push('BOOTSTRAP_OPS_ADMIN_EMAIL and BOOTSTRAP_OPS_ADMIN_PASSWORD must be set together');
  }
  if (values.KYC_PROVIDER === 'sumsub') {
    for (const name of ['SUMSUB_APP_TOKEN', 'SUMSUB_SECRET_KEY', 'SUMSUB_WEBHOOK_SECRET', 'SUMSUB_LEVEL_NAME'] as const) {
      if (!values[name]) problems.push(`${name} is required when KYC_PROVIDER=sumsub`);
    }
  }
  if (values.MT_PROVIDER === 'deepl' && !values.DEEPL_API_KEY) problems.push('DEEPL_API_KEY is required when MT_PROVIDER=deepl');
  if (problems.length) throw new ConfigError(problems);
  return {
    nodeEnv,
    host: get('HOST'),
    port: get('PORT'),
    databaseUrl: get('DATABASE_URL'),
    databasePoolSize: get('DATABASE_POOL_SIZE'),
    embeddedPg: { dir: get('EMBEDDED_PG_DIR'), port: get('EMBEDDED_PG_PORT'), database: get('EMBEDDED_PG_DATABASE') },
    migrationsRun: get('MIGRATIONS_RUN'),
    worker: { enabled: get('WORKER_ENABLED'), concurrency: get('WORKER_CONCURRENCY'), retryDelaySeconds: get('JOB_RETRY_DELAY_SECONDS') },
    logLevel: get('LOG_LEVEL'),
    bodyLimitBytes: get('BODY_LIMIT_BYTES'),
    trustProxy: get('TRUST_PROXY'),
    docsEnabled: get('DOCS_ENABLED'),
    webDir: get('WEB_DIR'),
    auth: {
      accessTokenTtlSeconds: get('ACCESS_TOKEN_TTL_SECONDS'),
      loginMaxFailures: get('LOGIN_MAX_FAILURES'),
      loginFailureWindowSeconds: get('LOGIN_FAILURE_WINDOW_SECONDS'),
    },
    bootstrapOpsAdmin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
    shutdownTimeoutMs: get('SHUTDOWN_TIMEOUT_MS'),
    stripe: {
      secretKey: get('STRIPE_SECRET_KEY'),
      webhookSecrets: (get<string | undefined>('STRIPE_WEBHOOK_SECRET') ?? '').split(',').filter(Boolean),
      apiUrl: get('STRIPE_API_URL'),
      platformCountry: get('STRIPE_PLATFORM_COUNTRY'),
    },
    sellerAppUrl: get('SELLER_APP_URL'),
    dataEncryptionKeys: get('DATA_ENCRYPTION_KEYS'),
    kyc: {
      provider: get('KYC_PROVIDER'),
      sumsub:
        values.KYC_PROVIDER === 'sumsub'
          ? { apiUrl: get('SUMSUB_API_URL'), appToken: get('SUMSUB_APP_TOKEN'), secretKey: get('SUMSUB_SECRET_KEY'), webhookSecret: get('SUMSUB_WEBHOOK_SECRET'), levelName: get('SUMSUB_LEVEL_NAME') }
          : undefined,
    },
    screening: {
      fetchEnabled: get('SANCTIONS_FETCH_ENABLED'),
      urls: { ofacSdn: get('SANCTIONS_OFAC_SDN_URL'), ofacAlt: get('SANCTIONS_OFAC_ALT_URL'), eu: get('SANCTIONS_EU_URL'), un: get('SANCTIONS_UN_URL') },
    },
    fx: {
      fetchEnabled: get('FX_FETCH_ENABLED'),
      urls: { ecb: get('FX_ECB_URL'), cbr: get('FX_CBR_URL'), tcmb: get('FX_TCMB_URL') },
      maxAgeTargetDays: get('FX_MAX_AGE_TARGET_DAYS'),
    },
    catalog: { imageMaxBytes: get('CATALOG_IMAGE_MAX_BYTES'), imagesPerProduct: get('CATALOG_IMAGES_PER_PRODUCT') },
    mt: {
      provider: get('MT_PROVIDER'),
      deepl:
        values.MT_PROVIDER === 'deepl'
          ? {
              apiKey: get('DEEPL_API_KEY'),
              apiUrl: get<string | undefined>('DEEPL_API_URL') ?? (get<string>('DEEPL_API_KEY').endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com'),
              formality: get('DEEPL_FORMALITY'),
            }
          : undefined,
    },
    documents: {
      storage: get('DOCUMENT_STORAGE'),
      storageDir: get('DOCUMENT_STORAGE_DIR'),
      maxBytes: get('DOCUMENT_MAX_BYTES'),
      s3: values.S3_BUCKET
        ? {
            bucket: get('S3_BUCKET'),
            region: get('S3_REGION'),
            endpoint: get('S3_ENDPOINT'),
            forcePathStyle: get('S3_FORCE_PATH_STYLE'),
            accessKeyId: get('S3_ACCESS_KEY_ID'),
            secretAccessKey: get('S3_SECRET_ACCESS_KEY'),
          }
        : undefined,
    },
  };
}

/** Injection token of the validated {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');
