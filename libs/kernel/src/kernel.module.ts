import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock';
import { developmentKey } from './crypto/dev-data-key';
import { FieldCipher } from './crypto/field-cipher';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { Translations } from './i18n/locales';
import { Translator } from './i18n/translator';
import { ErrorRenderer } from './http/error-filter';
import { DOCUMENT_STORAGE, documentStorageFactory } from './storage/document-storage';

/** Which kind of process this is: the HTTP API, a background worker, or a one-off CLI command. */
export type ProcessRole = 'api' | 'worker' | 'cli';
export const PROCESS_ROLE = Symbol('PROCESS_ROLE');

/** Config, clock, translations, the process role and the file storage port, available to every module. */
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
        // one storage for every context's uploads (KYC documents, product images), chosen by DOCUMENT_STORAGE
        { provide: DOCUMENT_STORAGE, useFactory: () => documentStorageFactory(config) },
      ],
      exports: [APP_CONFIG, CLOCK, Translator, ErrorRenderer, PROCESS_ROLE, FieldCipher, DOCUMENT_STORAGE],
    };
  }
}
