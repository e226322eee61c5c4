import type { ErrorMessages, Translations } from '@app/kernel';
import type { CatalogErrorCode } from '../errors';

export type OnboardingErrorCode = CatalogErrorCode.MARKET_NOT_AVAILABLE;

export type OnboardingMessages = ErrorMessages<OnboardingErrorCode> & {
  'onboarding.market.NOT_AVAILABLE': string;
  'onboarding.listings.NONE': string;
  'onboarding.listings.BLOCKED': string;
};

/** Target markets and the go-live checklist (the gates' own messages are the readiness issue messages). */
export const ONBOARDING_MESSAGES: Translations<OnboardingMessages> = {
  en: {
    'error.CATALOG_MARKET_NOT_AVAILABLE': 'You cannot sell in {{market}}: it is not open to sellers.',
    'onboarding.market.NOT_AVAILABLE': '{{field}}: {{market}} is not a market open to sellers.',
    'onboarding.listings.NONE': 'Add a product to sell in {{market}}.',
    'onboarding.listings.BLOCKED': 'None of your listings can be shown in {{market}} yet: {{count}} blocked. Fix the issues listed.',
  },
  ru: {
    'error.CATALOG_MARKET_NOT_AVAILABLE': 'Продавать на рынке {{market}} нельзя: он закрыт для продавцов.',
    'onboarding.market.NOT_AVAILABLE': '{{field}}: {{market}} — не открытый для продавцов рынок.',
    'onboarding.listings.NONE': 'Добавьте товар, чтобы продавать на рынке {{market}}.',
    'onboarding.listings.BLOCKED': 'Ни один ваш товар пока не может быть показан на рынке {{market}}: заблокировано {{count}}. Устраните указанные проблемы.',
  },
  tr: {
    'error.CATALOG_MARKET_NOT_AVAILABLE': '{{market}} pazarında satış yapamazsınız: satıcılara açık değil.',
    'onboarding.market.NOT_AVAILABLE': '{{field}}: {{market}} satıcılara açık bir pazar değil.',
    'onboarding.listings.NONE': '{{market}} pazarında satış yapmak için bir ürün ekleyin.',
    'onboarding.listings.BLOCKED': 'İlanlarınızdan hiçbiri henüz {{market}} pazarında gösterilemiyor: {{count}} ilan engelli. Listelenen sorunları giderin.',
  },
  it: {
    'error.CATALOG_MARKET_NOT_AVAILABLE': 'Non puoi vendere in {{market}}: non è aperto ai venditori.',
    'onboarding.market.NOT_AVAILABLE': '{{field}}: {{market}} non è un mercato aperto ai venditori.',
    'onboarding.listings.NONE': 'Aggiungi un prodotto per vendere in {{market}}.',
    'onboarding.listings.BLOCKED': 'Nessuno dei tuoi annunci può ancora essere mostrato in {{market}}: {{count}} bloccati. Risolvi i problemi elencati.',
  },
  es: {
    'error.CATALOG_MARKET_NOT_AVAILABLE': 'No puede vender en {{market}}: no está abierto a vendedores.',
    'onboarding.market.NOT_AVAILABLE': '{{field}}: {{market}} no es un mercado abierto a vendedores.',
    'onboarding.listings.NONE': 'Añada un producto para vender en {{market}}.',
    'onboarding.listings.BLOCKED': 'Ninguno de sus anuncios puede mostrarse aún en {{market}}: {{count}} bloqueados. Corrija los problemas indicados.',
  },
};
