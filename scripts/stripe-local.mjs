// npm run stripe:local — the local Stripe double for an offline demo of the whole Stripe path.
//
// Starts the Stripe API double the tests use (test/doubles/stripe-double.ts; it is compiled here on the fly and
// never ships: nothing under apps/ or libs/ imports it) on a fixed port, with its hosted onboarding pages served
// locally, and prints the settings that point the API's stripe-node at it. Completing the hosted onboarding page
// marks the connected account verified, forwards the signed `account.updated` to the API's webhook endpoint
// (like `stripe listen --forward-to`) and redirects to the return URL.
//
//   npm run stripe:local                      port 12111, forwards to http://127.0.0.1:3000/v1/webhooks/stripe
//   STRIPE_LOCAL_PORT=12112 STRIPE_LOCAL_FORWARD_TO=http://127.0.0.1:4000/v1/webhooks/stripe npm run stripe:local
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(join(root, 'test/doubles/stripe-double.ts'), 'utf8');
const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
const dir = mkdtempSync(join(tmpdir(), 'stripe-local-'));
writeFileSync(join(dir, 'stripe-double.mjs'), outputText);
const { startStripeDouble } = await import(pathToFileURL(join(dir, 'stripe-double.mjs')).href);
rmSync(dir, { recursive: true, force: true });

const port = Number(process.env.STRIPE_LOCAL_PORT ?? 12111);
const webhookUrl = process.env.STRIPE_LOCAL_FORWARD_TO ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/v1/webhooks/stripe`;
const webhookSecret = 'whsec_local_stripe_double';
const platformCountry = process.env.STRIPE_PLATFORM_COUNTRY ?? 'IT';
const double = await startStripeDouble({ port, platformCountry, hostedOnboarding: { webhookUrl, webhookSecret } });

const settings = {
  STRIPE_SECRET_KEY: double.secretKey,
  STRIPE_API_URL: double.url,
  STRIPE_WEBHOOK_SECRET: webhookSecret,
  STRIPE_PLATFORM_COUNTRY: platformCountry,
};
const env = Object.entries(settings)
  .map(([k, v]) => `${k}=${v}`)
  .join(' ');
process.stdout.write(
  [
    `Stripe double listening on ${double.url} (Accounts, Account Links, Events; hosted onboarding at ${double.url}/hosted/onboarding/…)`,
    `Completed onboarding is forwarded, signed, to ${webhookUrl}`,
    '',
    'Start the API against it (another terminal):',
    '',
    ...Object.entries(settings).map(([k, v]) => `  export ${k}=${v}`),
    '  export SELLER_APP_URL=http://127.0.0.1:3000   # onboarding returns to the web app served by the API',
    '',
    `  or: ${env} SELLER_APP_URL=http://127.0.0.1:3000 npm start`,
    '',
    'Ctrl-C stops it (its state lives in memory only).',
    '',
  ].join('\n'),
);

const stop = async () => {
  await double.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
