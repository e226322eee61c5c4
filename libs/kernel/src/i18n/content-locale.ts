/**
 * The language of PRODUCT CONTENT (titles, descriptions, safety texts) and of a market's buyers: any
 * BCP 47 tag of the form language[-Script][-REGION] (`de`, `pt-BR`, `en-GB`, `zh-Hant-TW`, `kk`),
 * canonicalised with `Intl.getCanonicalLocales` (`EN-gb` → `en-GB`, the deprecated `iw` → `he`).
 *
 * Not to be confused with {@link Locale}: the five languages the service itself speaks (messages,
 * labels). A Polish buyer reads product content in `pl` although the service has no Polish messages.
 */
export type ContentLocale = string & { readonly __contentLocale: unique symbol };

/** language (2–3 letters, not `und`), optional script, optional region (2 letters or 3 digits); no extensions. */
const SHAPE = /^(?!und(?:-|$))[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;

/** The canonical tag, or undefined when `value` is not a plain language[-Script][-REGION] tag. */
export function parseContentLocale(value: unknown): ContentLocale | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 35) return undefined;
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(value);
  } catch {
    return undefined;
  }
  return canonical !== undefined && SHAPE.test(canonical) ? (canonical as ContentLocale) : undefined;
}

export const isContentLocale = (value: unknown): value is ContentLocale => typeof value === 'string' && parseContentLocale(value) === value;

/**
 * The tag and its less specific parents, most specific first: `zh-Hant-TW` → `zh-Hant-TW`, `zh-Hant`, `zh`;
 * `it-CH` → `it-CH`, `it`.
 */
export function contentLocaleParents(locale: ContentLocale): ContentLocale[] {
  const parts = locale.split('-');
  const out: ContentLocale[] = [];
  for (let n = parts.length; n >= 1; n--) out.push(parts.slice(0, n).join('-') as ContentLocale);
  return out;
}

/** The language subtag (`pt` of `pt-BR`). */
export const languageOf = (locale: ContentLocale): string => locale.split('-')[0];
