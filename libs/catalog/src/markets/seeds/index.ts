import type { MarketInput } from '../schema';

/**
 * Seed markets, published as version 1 at the first boot of an empty database (later versions come
 * from ops through the API). Price-ending bands are starting policies (research §2.5), not facts;
 * VAT rates are the standard rates in force in December 2026. Display and legal locales follow the
 * research (§4.5): marketing text falls back only within the market's own languages.
 */
const EU_SOURCES = [
  { title: 'Research: catalog localisation (markets, FX, units), /work/shared/research/catalog-localisation.md' },
  { title: 'European Commission: VAT rates in the EU', url: 'https://taxation-customs.ec.europa.eu/taxation/vat/vat-directive/vat-rates_en' },
  { title: 'ECB euro foreign exchange reference rates', url: 'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html' },
];

const EUR_ENDINGS = [
  { fromMinor: '0', toMinor: '10000', step: '100', ending: '99', direction: 'up' },
  { fromMinor: '10000', step: '1000', ending: '900', direction: 'up' },
] as const;

const ECB = { source: 'ecb', maxAgeDays: 4 } as const;

const eu = (code: string, name: MarketInput['name'], locale: string, vatRate: string): MarketInput => ({
  code,
  name,
  status: 'enabled',
  countries: [code],
  currency: 'EUR',
  displayLocales: [locale],
  fallbackChain: [locale],
  legalLocales: [locale],
  taxDisplay: { mode: 'gross', vatRate },
  priceEndings: { EUR: [...EUR_ENDINGS] },
  units: 'metric',
  fx: ECB,
  complianceRuleSetId: 'eu',
  sources: EU_SOURCES,
});

export const IT = eu('IT', { en: 'Italy', ru: 'Италия', tr: 'İtalya', it: 'Italia', es: 'Italia' }, 'it', '0.22');
export const ES = eu('ES', { en: 'Spain', ru: 'Испания', tr: 'İspanya', it: 'Spagna', es: 'España' }, 'es', '0.21');
export const DE = eu('DE', { en: 'Germany', ru: 'Германия', tr: 'Almanya', it: 'Germania', es: 'Alemania' }, 'de', '0.19');
export const FR = eu('FR', { en: 'France', ru: 'Франция', tr: 'Fransa', it: 'Francia', es: 'Francia' }, 'fr', '0.20');

export const PL: MarketInput = {
  ...eu('PL', { en: 'Poland', ru: 'Польша', tr: 'Polonya', it: 'Polonia', es: 'Polonia' }, 'pl', '0.23'),
  currency: 'PLN',
  priceEndings: { PLN: [{ fromMinor: '0', toMinor: '100000', step: '100', ending: '99', direction: 'up' }, { fromMinor: '100000', step: '1000', ending: '900', direction: 'up' }] },
};

export const GB: MarketInput = {
  code: 'GB',
  name: { en: 'United Kingdom', ru: 'Великобритания', tr: 'Birleşik Krallık', it: 'Regno Unito', es: 'Reino Unido' },
  status: 'enabled',
  countries: ['GB'],
  currency: 'GBP',
  displayLocales: ['en-GB'],
  fallbackChain: ['en-GB', 'en'],
  legalLocales: ['en'],
  taxDisplay: { mode: 'gross', vatRate: '0.20' },
  priceEndings: { GBP: [{ fromMinor: '0', step: '100', ending: '99', direction: 'up' }] },
  units: 'metric',
  fx: ECB,
  complianceRuleSetId: 'gb',
  sources: [
    { title: 'Research: catalog localisation, /work/shared/research/catalog-localisation.md' },
    { title: 'GOV.UK: VAT rates', url: 'https://www.gov.uk/vat-rates' },
  ],
};

export const US: MarketInput = {
  code: 'US',
  name: { en: 'United States', ru: 'США', tr: 'Amerika Birleşik Devletleri', it: 'Stati Uniti', es: 'Estados Unidos' },
  status: 'enabled',
  countries: ['US'],
  currency: 'USD',
  displayLocales: ['en-US'],
  fallbackChain: ['en-US', 'en'],
  legalLocales: ['en'],
  // sales tax is added at checkout (it differs by state); prices are shown net
  taxDisplay: { mode: 'net' },
  priceEndings: { USD: [{ fromMinor: '0', step: '100', ending: '99', direction: 'up' }] },
  units: 'imperial',
  fx: ECB,
  complianceRuleSetId: 'us',
  sources: [{ title: 'Research: catalog localisation (net prices, imperial units, §3.1, §4.4), /work/shared/research/catalog-localisation.md' }],
};

export const TR: MarketInput = {
  code: 'TR',
  name: { en: 'Türkiye', ru: 'Турция', tr: 'Türkiye', it: 'Turchia', es: 'Turquía' },
  status: 'enabled',
  countries: ['TR'],
  currency: 'TRY',
  displayLocales: ['tr'],
  fallbackChain: ['tr'],
  legalLocales: ['tr'],
  taxDisplay: { mode: 'gross', vatRate: '0.20' },
  priceEndings: { TRY: [{ fromMinor: '0', step: '100', ending: '90', direction: 'up' }] },
  units: 'metric',
  fx: { source: 'tcmb', maxAgeDays: 4, note: 'TCMB indicative rates (ForexSelling); the pricing pipeline records which quote it used.' },
  complianceRuleSetId: 'tr',
  sources: [
    { title: 'Research: catalog localisation (§2.4 TCMB), /work/shared/research/catalog-localisation.md' },
    { title: 'TCMB exchange rates', url: 'https://www.tcmb.gov.tr/kurlar/today.xml' },
  ],
};

export const KZ: MarketInput = {
  code: 'KZ',
  name: { en: 'Kazakhstan', ru: 'Казахстан', tr: 'Kazakistan', it: 'Kazakistan', es: 'Kazajistán' },
  status: 'enabled',
  countries: ['KZ'],
  currency: 'KZT',
  // Kazakh is the state language, Russian an official one used equally in trade; consumer
  // information must be given in both
  displayLocales: ['kk', 'ru'],
  fallbackChain: ['kk', 'ru'],
  legalLocales: ['kk', 'ru'],
  taxDisplay: { mode: 'gross', vatRate: '0.16' },
  priceEndings: {
    KZT: [
      { fromMinor: '0', toMinor: '100000', step: '10000', ending: '9000', direction: 'up' },
      { fromMinor: '100000', step: '100000', ending: '99000', direction: 'up' },
    ],
  },
  units: 'metric',
  fx: {
    source: 'cbr',
    maxAgeDays: 4,
    note: 'The ECB publishes no KZT reference rate; the Bank of Russia publishes KZT daily (quoted per 100 KZT, Nominal 100), crossed through RUB.',
  },
  complianceRuleSetId: 'kz',
  sources: [
    { title: 'Research: catalog localisation (§2.4 CBR XML_daily), /work/shared/research/catalog-localisation.md' },
    { title: 'Bank of Russia daily rates', url: 'https://www.cbr.ru/scripts/XML_daily.asp' },
    { title: 'Tax Code of the Republic of Kazakhstan (2026): VAT 16%' },
  ],
};

export const JP: MarketInput = {
  code: 'JP',
  name: { en: 'Japan', ru: 'Япония', tr: 'Japonya', it: 'Giappone', es: 'Japón' },
  status: 'enabled',
  countries: ['JP'],
  // JPY has no minor unit (ISO 4217 exponent 0): amounts are whole yen
  currency: 'JPY',
  displayLocales: ['ja'],
  fallbackChain: ['ja'],
  legalLocales: ['ja'],
  // total-price display (consumption tax included) is mandatory since April 2021
  taxDisplay: { mode: 'gross', vatRate: '0.10' },
  priceEndings: {
    JPY: [
      { fromMinor: '0', toMinor: '1000', step: '10', ending: '0', direction: 'up' },
      { fromMinor: '1000', step: '100', ending: '80', direction: 'up' },
    ],
  },
  units: 'metric',
  fx: ECB,
  complianceRuleSetId: 'jp',
  sources: [{ title: 'Research: catalog localisation (§2.1 JPY exponent 0, §2.5 endings), /work/shared/research/catalog-localisation.md' }],
};

export const SEED_MARKETS: readonly MarketInput[] = [IT, ES, DE, FR, PL, GB, US, TR, KZ, JP];
