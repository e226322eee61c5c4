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

  it('is documented in the README, every variable of it', () => {
    const readme = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');
    for (const v of CONFIG_VARIABLES) expect({ variable: v.name, documented: readme.includes(`| \`${v.name}\``) }).toEqual({ variable: v.name, documented: true });
  });
});
