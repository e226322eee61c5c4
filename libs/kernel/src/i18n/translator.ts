import i18next, { i18n as I18nInstance } from 'i18next';
import type { MessageParam } from '../errors/app-error';
import { DEFAULT_LOCALE, KERNEL_MESSAGES, Locale, SUPPORTED_LOCALES, Translations } from './locales';

export type MessageParams = Record<string, string | number | undefined>;

/**
 * Renders messages in one of the supported languages. Every bounded context contributes a
 * {@link Translations} bundle; keys are flat and prefixed by their context (`error.AUTH.…`,
 * `country.legal-form.…`), and a key defined twice is a programming error caught at start-up.
 */
export class Translator {
  private readonly i18n: I18nInstance;
  private readonly keys: ReadonlySet<string>;

  constructor(bundles: Translations<Record<string, string>>[] = []) {
    const all = [KERNEL_MESSAGES as Translations<Record<string, string>>, ...bundles];
    const resources: Record<string, { translation: Record<string, string> }> = {};
    const keys = new Set<string>();
    for (const locale of SUPPORTED_LOCALES) {
      const merged: Record<string, string> = {};
      for (const bundle of all) {
        for (const [key, value] of Object.entries(bundle[locale])) {
          if (key in merged) throw new Error(`i18n key "${key}" is defined by two bundles (${locale})`);
          merged[key] = value;
          keys.add(key);
        }
      }
      resources[locale] = { translation: merged };
    }
    this.keys = keys;
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources,
      lng: DEFAULT_LOCALE,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: SUPPORTED_LOCALES,
      initAsync: false,
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    } as Parameters<I18nInstance['init']>[0]);
  }

  /** Renders one message parameter: plain values as they are, i18n keys and localized texts in `locale`. */
  param(locale: Locale, value: MessageParam): string | number {
    if (typeof value !== 'object') return value;
    if ('t' in value) return this.t(locale, value.t);
    return value.text[locale] ?? value.text[DEFAULT_LOCALE] ?? '';
  }

  /** Renders a message whose params may be translatable (see {@link MessageParam}). */
  render(locale: Locale, key: string, params: Record<string, MessageParam> = {}): string {
    const rendered: MessageParams = {};
    for (const [k, v] of Object.entries(params)) rendered[k] = this.param(locale, v);
    return this.t(locale, key, rendered);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  t(locale: Locale, key: string, params: MessageParams = {}): string {
    return this.i18n.t(key, { ...params, lng: locale }) as string;
  }

  /** All keys of one language's resources, for completeness tests. */
  resourceKeys(locale: Locale): string[] {
    const bundle = this.i18n.getResourceBundle(locale, 'translation') as Record<string, string> | undefined;
    return Object.keys(bundle ?? {});
  }
}
