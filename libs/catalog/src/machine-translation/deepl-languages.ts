import { languageOf } from '@app/kernel';
import type { ContentLocale } from '@app/kernel';

/**
 * Our content locales (BCP 47) → DeepL language codes (API v2, `source_lang` / `target_lang`).
 * Sources are languages only; targets name a variant where DeepL has one (EN-GB/EN-US, PT-BR/PT-PT,
 * ZH-HANS/ZH-HANT). Languages DeepL does not offer (Kazakh `kk`, Nynorsk `nn`, …) have no code: the
 * caller refuses them clearly instead of sending them out. The lists are pinned, not fetched.
 */
const SOURCES = new Set(['AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN', 'ES', 'ET', 'FI', 'FR', 'HU', 'ID', 'IT', 'JA', 'KO', 'LT', 'LV', 'NB', 'NL', 'PL', 'PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TR', 'UK', 'ZH']);
const PLAIN_TARGETS = new Set(['AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'ES', 'ET', 'FI', 'FR', 'HU', 'ID', 'IT', 'JA', 'KO', 'LT', 'LV', 'NB', 'NL', 'PL', 'RO', 'RU', 'SK', 'SL', 'SV', 'TR', 'UK']);

/** Target languages for which DeepL accepts `formality` (for others it answers 400, so it is not sent). */
export const DEEPL_FORMALITY_TARGETS: ReadonlySet<string> = new Set(['DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'PT-BR', 'PT-PT', 'JA', 'RU']);

const language = (locale: ContentLocale): string => {
  const lang = languageOf(locale);
  return lang === 'no' ? 'NB' : lang.toUpperCase();
};

/** DeepL `source_lang` for a content locale, or undefined when DeepL cannot translate from it. */
export function deeplSource(locale: ContentLocale): string | undefined {
  const code = language(locale);
  return SOURCES.has(code) ? code : undefined;
}

/**
 * DeepL `target_lang` for a content locale, or undefined when DeepL cannot translate into it.
 * `en-US` and plain `en` → EN-US, any other English → EN-GB; `pt-BR` → PT-BR, other Portuguese → PT-PT;
 * Traditional Chinese (`zh-Hant`, TW, HK, MO) → ZH-HANT, other Chinese → ZH-HANS; `it-CH` → IT.
 */
export function deeplTarget(locale: ContentLocale): string | undefined {
  const parts = locale.split('-');
  const region = parts.find((p, i) => i > 0 && /^[A-Z]{2}$/.test(p));
  const script = parts.find((p, i) => i > 0 && /^[A-Z][a-z]{3}$/.test(p));
  const code = language(locale);
  if (code === 'EN') return !region || region === 'US' ? 'EN-US' : 'EN-GB';
  if (code === 'PT') return region === 'BR' ? 'PT-BR' : 'PT-PT';
  if (code === 'ZH') return script === 'Hant' || (!script && ['TW', 'HK', 'MO'].includes(region ?? '')) ? 'ZH-HANT' : 'ZH-HANS';
  return PLAIN_TARGETS.has(code) ? code : undefined;
}
