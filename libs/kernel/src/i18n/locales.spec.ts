import { describe, expect, it } from '@jest/globals';
import { negotiateLocale, parseAcceptLanguage, SUPPORTED_LOCALES } from './locales';

describe('language negotiation', () => {
  it('derives the supported languages from the message files', () => {
    expect([...SUPPORTED_LOCALES].sort()).toEqual(['en', 'es', 'it', 'ru', 'tr']);
  });

  it('orders ranges by q-value, keeping header order on ties, and drops q=0', () => {
    expect(parseAcceptLanguage('fr;q=0.2, ru-RU, it;q=0.9, es;q=0, tr;q=0.9')).toEqual([
      { lang: 'ru', q: 1 },
      { lang: 'it', q: 0.9 },
      { lang: 'tr', q: 0.9 },
      { lang: 'fr', q: 0.2 },
    ]);
  });

  it.each([
    [undefined, 'tr-TR,tr;q=0.9,en;q=0.5', 'tr', true],
    [undefined, 'de-DE, it;q=0.3', 'it', true],
    [undefined, 'de, fr', 'en', false],
    [undefined, undefined, 'en', false],
    ['es', 'ru', 'es', true],
    ['ES-mx', 'ru', 'es', true],
    ['de', 'ru', 'ru', true],
    [['it', 'ru'], undefined, 'en', false],
    [undefined, '*', 'en', false],
    [undefined, '*, ru;q=0.5', 'en', false],
    [undefined, 'ru;q=0.5, *', 'en', false],
    [undefined, 'it;q=0.9, *;q=0.1', 'it', true],
    [undefined, 'garbage;;;q=abc,,', 'en', false],
  ])('?lang=%j with Accept-Language %j gives %s', (query, header, locale, explicit) => {
    expect(negotiateLocale(query, header)).toEqual({ locale, explicit });
  });
});
