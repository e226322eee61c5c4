import { en } from './messages/en';
import { es } from './messages/es';
import { it } from './messages/it';
import { ru } from './messages/ru';
import { tr } from './messages/tr';

/** The kernel's message files define which languages exist; everything else derives from them. */
export const KERNEL_MESSAGES = { en, ru, tr, it, es };

export type Locale = keyof typeof KERNEL_MESSAGES;
export const SUPPORTED_LOCALES = Object.keys(KERNEL_MESSAGES) as Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (SUPPORTED_LOCALES as string[]).includes(value);

/** A context's messages: the same keys in every supported language (checked by the compiler). */
export type Translations<T extends Record<string, string>> = { readonly [L in Locale]: T };

/**
 * Picks the caller's language: `?lang=` when it names a supported language, else the best
 * `Accept-Language` match (q-values honoured, `ru-RU` matches `ru`), else the fallback.
 */
export function negotiateLocale(
  queryLang: unknown,
  acceptLanguage: string | undefined,
  fallback: Locale = DEFAULT_LOCALE,
): { locale: Locale; explicit: boolean } {
  if (typeof queryLang === 'string') {
    const q = queryLang.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(q)) return { locale: q, explicit: true };
  }
  if (acceptLanguage) {
    const best = parseAcceptLanguage(acceptLanguage).find((tag) => tag.lang === '*' || isLocale(tag.lang));
    // `*` ("any language", what HTTP libraries such as fetch send by default) is no choice: the
    // account's preferred language still applies
    if (best) return best.lang === '*' ? { locale: fallback, explicit: false } : { locale: best.lang as Locale, explicit: true };
  }
  return { locale: fallback, explicit: false };
}

/** Language ranges of an Accept-Language header, best first; q=0 ranges are dropped. */
export function parseAcceptLanguage(header: string): { lang: string; q: number }[] {
  return header
    .slice(0, 1024)
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { lang: range.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.lang.length > 0 && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ lang, q }) => ({ lang, q }));
}
