import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from './api/client';
import en from './i18n/en.json';

/**
 * The UI's messages: one JSON file per language in ./i18n, the same languages as the API's message
 * catalogue (libs/kernel/src/i18n), the same keys in each (apps/web/test/catalogue.spec.ts fails
 * otherwise). API messages (errors, labels, statuses) come from the API in the chosen language.
 */
const catalogues = import.meta.glob<Record<string, string>>('./i18n/*.json', { eager: true, import: 'default' });
const MESSAGES: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(catalogues).map(([path, messages]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), messages]),
);
export type MessageKey = keyof typeof en;
export const LANGUAGES = ['en', 'ru', 'tr', 'it', 'es'].filter((l) => l in MESSAGES);
const STORAGE_KEY = 'ltg.lang';

function initialLanguage(): string {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && LANGUAGES.includes(stored)) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lang = tag.toLowerCase().split('-')[0];
    if (LANGUAGES.includes(lang)) return lang;
  }
  return 'en';
}

export interface I18n {
  lang: string;
  setLang(lang: string): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  date(value: string | Date): string;
  number(value: number): string;
  /** Money from integer minor units (as the API sends them) and an ISO 4217 code. */
  money(minorUnits: string, currency: string): string;
  currencyName(code: string): string;
  countryName(code: string): string;
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState(initialLanguage);
  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: string) => {
    if (!LANGUAGES.includes(next)) return;
    localStorage.setItem(STORAGE_KEY, next);
    setApiLanguage(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[lang] ?? MESSAGES.en;
    const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
      (messages[key] ?? MESSAGES.en[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
    const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long' });
    const numbers = new Intl.NumberFormat(lang);
    const currencies = new Intl.DisplayNames([lang], { type: 'currency' });
    const regions = new Intl.DisplayNames([lang], { type: 'region' });
    return {
      lang,
      setLang,
      t,
      date: (v) => dates.format(typeof v === 'string' ? new Date(v) : v),
      number: (v) => numbers.format(v),
      money: (minor, currency) => {
        const format = new Intl.NumberFormat(lang, { style: 'currency', currency });
        const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
        // exact: integer minor units become a decimal string, never a float
        const negative = minor.startsWith('-');
        const padded = (negative ? minor.slice(1) : minor).padStart(digits + 1, '0');
        const decimal = `${negative ? '-' : ''}${padded.slice(0, padded.length - digits)}${digits ? `.${padded.slice(-digits)}` : ''}`;
        return format.format(decimal as unknown as number);
      },
      currencyName: (code) => currencies.of(code) ?? code,
      countryName: (code) => regions.of(code) ?? code,
    };
  }, [lang, setLang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
