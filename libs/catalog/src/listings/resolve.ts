import { contentLocaleParents } from '@app/kernel';
import type { ContentLocale } from '@app/kernel';

/** One text of a product in some content locale: the source, or a translation with its status. */
export interface Candidate {
  locale: string;
  value: string;
  origin: 'source' | 'translation';
  status: 'source' | 'machine' | 'translated' | 'reviewed';
  outdated: boolean;
}

/**
 * A text as shown in a market: `exact` in the first locale of the chain, `fallback` when found
 * further down the chain (the locale it came from is named), `missing` when no locale of the chain
 * has it — never the seller's language unless the market shows that language.
 */
export interface LocalisedText {
  state: 'exact' | 'fallback' | 'missing';
  value: string | null;
  locale: string | null;
  origin: 'source' | 'translation' | null;
  status: 'source' | 'machine' | 'translated' | 'reviewed' | null;
  outdated: boolean;
}

const MISSING: LocalisedText = { state: 'missing', value: null, locale: null, origin: null, status: null, outdated: false };

/** A text written in `locale` serves `wanted` when it is the same tag or a more specific one (`en-GB` serves `en`). */
const serves = (locale: string, wanted: string) => locale === wanted || contentLocaleParents(locale as ContentLocale).includes(wanted as ContentLocale);

function pick(candidates: Candidate[], wanted: string): Candidate | undefined {
  return candidates.find((c) => c.locale === wanted) ?? candidates.find((c) => serves(c.locale, wanted));
}

/** Marketing text: the first locale of the chain that has it. */
export function resolveText(candidates: Candidate[], chain: readonly string[]): LocalisedText {
  for (const [i, wanted] of chain.entries()) {
    const c = pick(candidates, wanted);
    if (c) return { state: i === 0 && c.locale === wanted ? 'exact' : 'fallback', value: c.value, locale: c.locale, origin: c.origin, status: c.status, outdated: c.outdated };
  }
  return MISSING;
}

/** Legal text: exactly in `locale` (or a more specific tag of it), never another language. */
export function resolveLegal(candidates: Candidate[], locale: string): LocalisedText {
  const c = pick(candidates, locale);
  return c ? { state: 'exact', value: c.value, locale: c.locale, origin: c.origin, status: c.status, outdated: c.outdated } : MISSING;
}
