import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './app-config';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
};

describe('configuration', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, databaseUrl: undefined, worker: { enabled: true } });
    expect(config.embeddedPg).toEqual({ dir: '.data/pg', port: 54329, database: 'local_to_global' });
  });

  it('names the variable of every bad value', () => {
    const found = problems({ PORT: 'eighty', WORKER_ENABLED: 'maybe', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x/y' });
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(/^PORT must be a whole number from 1 to 65535 \(got "eighty"\)$/);
    expect(found.join('\n')).toMatch(/WORKER_ENABLED must be true or false/);
    expect(found.join('\n')).toMatch(/LOG_LEVEL must be one of/);
    expect(found.join('\n')).toMatch(/DATABASE_URL must be a postgres/);
  });

  it('never echoes a secret value', () => {
    const found = problems({ BOOTSTRAP_OPS_ADMIN_EMAIL: 'a@b.co', BOOTSTRAP_OPS_ADMIN_PASSWORD: 'short' });
    expect(found).toEqual(['BOOTSTRAP_OPS_ADMIN_PASSWORD must be at least 12 characters long']);
  });

  it('requires the bootstrap email and password together, and a database in production', () => {
    expect(problems({ BOOTSTRAP_OPS_ADMIN_EMAIL: 'a@b.co' })).toEqual([
      'BOOTSTRAP_OPS_ADMIN_EMAIL and BOOTSTRAP_OPS_ADMIN_PASSWORD must be set together',
    ]);
    const production = problems({ NODE_ENV: 'production' });
    expect(production).toHaveLength(2);
    expect(production.join('\n')).toMatch(/DATABASE_URL is required/);
    expect(production.join('\n')).toMatch(/DATA_ENCRYPTION_KEYS is required/);
  });

  it('keeps machine translation off by default and needs a DeepL key to turn it on', () => {
    expect(loadConfig({}).mt).toEqual({ provider: 'none', deepl: undefined });
    expect(problems({ MT_PROVIDER: 'deepl' })).toEqual(['DEEPL_API_KEY is required when MT_PROVIDER=deepl']);
    expect(problems({ MT_PROVIDER: 'google' })).toEqual(['MT_PROVIDER must be one of none, deepl (got "google")']);
    expect(loadConfig({ MT_PROVIDER: 'deepl', DEEPL_API_KEY: 'abc:fx' }).mt.deepl).toEqual({ apiKey: 'abc:fx', apiUrl: 'https://api-free.deepl.com', formality: 'more' });
    expect(loadConfig({ MT_PROVIDER: 'deepl', DEEPL_API_KEY: 'abc', DEEPL_API_URL: 'http://127.0.0.1:9/', DEEPL_FORMALITY: 'default' }).mt.deepl).toEqual({
      apiKey: 'abc',
      apiUrl: 'http://127.0.0.1:9',
      formality: 'default',
    });
    expect(loadConfig({ MT_PROVIDER: 'deepl', DEEPL_API_KEY: 'abc' }).mt.deepl?.apiUrl).toBe('https://api.deepl.com');
    expect(problems({ DEEPL_API_KEY: '' , CATALOG_IMAGE_MAX_BYTES: '10' })).toEqual(['CATALOG_IMAGE_MAX_BYTES must be a whole number from 1024 to 52428800 (got "10")']);
  });

  it('is documented in the README, every variable of it', () => {
    const readme = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');
    for (const v of CONFIG_VARIABLES) expect({ variable: v.name, documented: readme.includes(`| \`${v.name}\``) }).toEqual({ variable: v.name, documented: true });
  });
});
