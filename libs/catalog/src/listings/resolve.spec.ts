import { describe, expect, it } from '@jest/globals';
import type { MarketDocument } from '../markets/schema';
import { fallbackChain } from '../markets/fallback';
import type { ContentLocale } from '@app/kernel';
import { Candidate, resolveLegal, resolveText } from './resolve';

const source = (locale: string, value: string): Candidate => ({ locale, value, origin: 'source', status: 'source', outdated: false });
const tr = (locale: string, value: string, status: Candidate['status'] = 'translated', outdated = false): Candidate => ({ locale, value, origin: 'translation', status, outdated });

const market = (displayLocales: string[], chain: string[]) => ({ displayLocales, fallbackChain: chain }) as unknown as MarketDocument;

describe('display fallback (golden scenario 18)', () => {
  const CH = market(['de-CH', 'fr-CH', 'it-CH'], ['de-CH', 'de', 'fr-CH', 'fr', 'it-CH', 'it']);

  it('builds it-CH → it → the market chain, and nothing the market does not show', () => {
    expect(fallbackChain(CH, 'it-CH' as ContentLocale)).toEqual(['it-CH', 'it', 'de-CH', 'de', 'fr-CH', 'fr']);
    expect(fallbackChain(market(['it'], ['it']))).toEqual(['it']);
    expect(fallbackChain(market(['en-GB'], ['en-GB', 'en']))).toEqual(['en-GB', 'en']);
  });

  it('marks a text found further down the chain as a fallback, naming its locale', () => {
    const title = resolveText([source('ru', 'Платье'), tr('it', 'Abito')], fallbackChain(CH, 'it-CH' as ContentLocale));
    expect(title).toEqual({ state: 'fallback', value: 'Abito', locale: 'it', origin: 'translation', status: 'translated', outdated: false });
  });

  it('never shows the Russian source in Italy: missing instead', () => {
    expect(resolveText([source('ru', 'Платье')], ['it'])).toEqual({ state: 'missing', value: null, locale: null, origin: null, status: null, outdated: false });
  });

  it('shows the source when the market shows its language, and exact matches as exact', () => {
    expect(resolveText([source('ru', 'Платье')], ['kk', 'ru'])).toMatchObject({ state: 'fallback', locale: 'ru', origin: 'source' });
    expect(resolveText([tr('it', 'Abito', 'machine', true)], ['it'])).toMatchObject({ state: 'exact', status: 'machine', outdated: true });
    expect(resolveText([source('en-GB', 'Jumper')], ['en-US', 'en'])).toMatchObject({ state: 'fallback', locale: 'en-GB' });
  });
});

describe('legal text (golden scenario 19): no fallback', () => {
  it('is there in the language asked for, or missing', () => {
    const candidates = [source('tr', 'Uyarı'), tr('de', 'Warnung')];
    expect(resolveLegal(candidates, 'it')).toMatchObject({ state: 'missing', value: null });
    expect(resolveLegal(candidates, 'de')).toMatchObject({ state: 'exact', value: 'Warnung' });
    expect(resolveLegal([source('en-GB', 'Warning')], 'en')).toMatchObject({ state: 'exact', locale: 'en-GB' });
  });
});
