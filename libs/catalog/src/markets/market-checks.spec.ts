import { describe, expect, it } from '@jest/globals';
import { checkMarket } from './market-checks';
import { currencyExponent, displayDigits } from '@app/kernel';
import { parseRoundingRules, validateRoundingRules } from '../pricing';
import { SEED_MARKETS } from './seeds';

const codes = (input: unknown) => checkMarket(input).problems.map((p) => `${p.field} ${p.code}`);

describe('market checks', () => {
  it('accepts every seed market', () => {
    for (const m of SEED_MARKETS) expect({ market: m.code, problems: codes(m) }).toEqual({ market: m.code, problems: [] });
  });

  it('has price endings the price pipeline accepts as they are stored', () => {
    for (const m of SEED_MARKETS) {
      for (const [currency, bands] of Object.entries(m.priceEndings)) {
        const unit = 10n ** BigInt(currencyExponent(currency) - displayDigits(currency));
        expect(() => validateRoundingRules(parseRoundingRules(bands), unit)).not.toThrow();
      }
    }
  });

  it('seeds the markets the issue asks for, with the FX source each can really use', () => {
    const byCode = Object.fromEntries(SEED_MARKETS.map((m) => [m.code, m]));
    expect(Object.keys(byCode).sort()).toEqual(['DE', 'ES', 'FR', 'GB', 'IT', 'JP', 'KZ', 'PL', 'TR', 'US']);
    // the ECB publishes no KZT (nor RUB) rate
    expect(byCode.KZ.fx).toMatchObject({ source: 'cbr', note: expect.stringContaining('no KZT') });
    expect(byCode.TR.fx.source).toBe('tcmb');
    expect(byCode.US).toMatchObject({ units: 'imperial', taxDisplay: { mode: 'net' }, currency: 'USD' });
    expect(byCode.JP.currency).toBe('JPY');
  });

  it('refuses a chain that does not start with the market’s own language or names a language the market does not show', () => {
    const it = SEED_MARKETS.find((m) => m.code === 'IT')!;
    expect(codes({ ...it, fallbackChain: ['it', 'en'] })).toEqual(['fallbackChain[1] CHAIN_LOCALE_NOT_DISPLAYED']);
    expect(codes({ ...it, fallbackChain: ['en'] })).toEqual(['fallbackChain[0] CHAIN_OWN_LANGUAGE_FIRST', 'fallbackChain[0] CHAIN_LOCALE_NOT_DISPLAYED']);
    expect(codes({ ...it, displayLocales: ['it-CH'], fallbackChain: ['it-CH', 'it'] })).toEqual([]);
  });

  it('refuses non-canonical locales, unknown currencies and countries, duplicates and broken price bands', () => {
    const it = SEED_MARKETS.find((m) => m.code === 'IT')!;
    expect(codes({ ...it, legalLocales: ['IT'] })).toEqual(['legalLocales[0] INVALID_LOCALE']);
    expect(codes({ ...it, countries: ['IT', 'XK', 'IT'] })).toEqual(['countries[1] UNKNOWN_COUNTRY', 'countries[2] DUPLICATE']);
    expect(codes({ ...it, currency: 'BGN' })).toEqual(['currency UNKNOWN_CURRENCY']);
    expect(codes({ ...it, priceEndings: { EUR: [{ fromMinor: '0', step: '0', ending: '0', direction: 'up' }] } })).toEqual(['priceEndings.EUR[0] ENDING_NOT_BELOW_STEP']);
    expect(codes({ ...it, priceEndings: { EUR: [{ fromMinor: '0', step: '100', ending: '99', direction: 'up' }, { fromMinor: '100', step: '100', ending: '99', direction: 'up' }] } })).toEqual([
      'priceEndings.EUR[0] BANDS_OVERLAP',
    ]);
    expect(codes({ ...it, taxDisplay: { mode: 'gross', vatRate: '22%' } })).toEqual(['taxDisplay.vatRate SCHEMA']);
    // HUF is shown in whole forints: a x.90 ending would show one price and charge another
    expect(codes({ ...it, priceEndings: { HUF: [{ fromMinor: '0', step: '100', ending: '90', direction: 'up' }] } })).toEqual(['priceEndings.HUF[0] STEP_NOT_DISPLAYABLE']);
    expect(codes({ ...it, priceEndings: { HUF: [{ fromMinor: '0', step: '1000', ending: '900', direction: 'up' }] } })).toEqual([]);
    expect(codes({ ...it, extra: true })).toEqual(['(root) SCHEMA']);
  });
});
