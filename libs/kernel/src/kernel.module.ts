import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { Translations } from './i18n/locales';
import { Translator } from './i18n/translator';

/** Config, clock and translations, available to every module. */
@Global()
@Module({})
export class KernelModule {
  static forRoot(config: AppConfig, translations: Translations<Record<string, string>>[]): DynamicModule {
    return {
      module: KernelModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
        { provide: Translator, useValue: new Translator(translations) },
      ],
      exports: [APP_CONFIG, CLOCK, Translator],
    };
  }
}
