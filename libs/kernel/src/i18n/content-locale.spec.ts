import { describe, expect, it } from '@jest/globals';
import { contentLocaleParents, isContentLocale, languageOf, parseContentLocale } from './content-locale';
import type { ContentLocale } from './content-locale';

describe('content locales (BCP 47)', () => {
  it('accepts and canonicalises language[-Script][-REGION] tags', () => {
    expect(parseContentLocale('de')).toBe('de');
    expect(parseContentLocale('EN-gb')).toBe('en-GB');
    expect(parseContentLocale('pt-br')).toBe('pt-BR');
    expect(parseContentLocale('kk')).toBe('kk');
    expect(parseContentLocale('ja')).toBe('ja');
    expect(parseContentLocale('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(parseContentLocale('es-419')).toBe('es-419');
    expect(parseContentLocale('iw')).toBe('he');
  });

  it('refuses what is not a plain language tag', () => {
    for (const bad of ['', 'x-foo', 'en_GB', 'english', 'und', 'und-IT', 'de-u-co-phonebk', 'de-DE-1996', '12', 'e', 'en-', 42, null, 'a'.repeat(40)]) {
      expect({ bad, parsed: parseContentLocale(bad) }).toEqual({ bad, parsed: undefined });
    }
  });

  it('knows canonical tags, parents and the language', () => {
    expect(isContentLocale('en-GB')).toBe(true);
    expect(isContentLocale('en-gb')).toBe(false);
    expect(contentLocaleParents('zh-Hant-TW' as ContentLocale)).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh']);
    expect(contentLocaleParents('it-CH' as ContentLocale)).toEqual(['it-CH', 'it']);
    expect(languageOf('pt-BR' as ContentLocale)).toBe('pt');
  });
});
