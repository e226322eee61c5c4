import { DynamicModule, Global, Module } from '@nestjs/common';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { CLOCK, systemClock } from './clock';
import { FieldCipher } from './crypto/field-cipher';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { Translations } from './i18n/locales';
import { Translator } from './i18n/translator';
import { ErrorRenderer } from './http/error-filter';

/**
 * Outside production, without DATA_ENCRYPTION_KEYS, a random key is generated once into
 * `.data/dev-data-key` (git-ignored, mode 0600) so `npm start` works with no setup and data
 * survives restarts. Production refuses to start without configured keys (see app-config).
 */
function developmentKey(): string {
  const file = resolve(process.cwd(), '.data/dev-data-key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `dev:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

/** Which kind of process this is: the HTTP API, a background worker, or a one-off CLI command. */
export type ProcessRole = 'api' | 'worker' | 'cli';
export const PROCESS_ROLE = Symbol('PROCESS_ROLE');

/** Config, clock, translations and the process role, available to every module. */
@Global()
@Module({})
export class KernelModule {
  static forRoot(config: AppConfig, translations: Translations<Record<string, string>>[], role: ProcessRole): DynamicModule {
    return {
      module: KernelModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
        { provide: Translator, useValue: new Translator(translations) },
        { provide: ErrorRenderer, useFactory: (t: Translator) => new ErrorRenderer(t, config.bodyLimitBytes), inject: [Translator] },
        { provide: PROCESS_ROLE, useValue: role },
        { provide: FieldCipher, useFactory: () => new FieldCipher(FieldCipher.parse(config.dataEncryptionKeys ?? developmentKey())) },
      ],
      exports: [APP_CONFIG, CLOCK, Translator, ErrorRenderer, PROCESS_ROLE, FieldCipher],
    };
  }
}
