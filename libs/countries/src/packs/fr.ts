import type { CountryPackInput } from '../pack/schema';

/**
 * France (second tier). Every form registers with its SIREN (the SIRET of the establishment is
 * optional); the intra-EU VAT number only when the seller is VAT-liable. Document lists are
 * compliance policy.
 */
const IDENTIFIERS = [
  {
    type: 'fr.siren',
    required: true,
    purpose: 'registry',
    label: {
      en: 'Business identification number (SIREN, 9 digits)',
      ru: 'Идентификационный номер предприятия (SIREN, 9 цифр)',
      tr: 'İşletme kimlik numarası (SIREN, 9 haneli)',
      it: "Numero di identificazione dell'impresa (SIREN, 9 cifre)",
      es: 'Número de identificación de la empresa (SIREN, 9 dígitos)',
    },
  },
  {
    type: 'fr.siret',
    required: false,
    purpose: 'registry',
    label: {
      en: 'Establishment identification number (SIRET, 14 digits)',
      ru: 'Идентификационный номер заведения (SIRET, 14 цифр)',
      tr: 'İşyeri kimlik numarası (SIRET, 14 haneli)',
      it: 'Numero di identificazione della sede (SIRET, 14 cifre)',
      es: 'Número de identificación del establecimiento (SIRET, 14 dígitos)',
    },
  },
  {
    type: 'eu.vat',
    required: false,
    purpose: 'vat',
    prefix: 'FR',
    label: {
      en: 'Intra-EU VAT number (numéro de TVA intracommunautaire)',
      ru: 'Внутрисоюзный номер плательщика НДС (numéro de TVA intracommunautaire)',
      tr: 'AB içi KDV numarası (numéro de TVA intracommunautaire)',
      it: 'Partita IVA intracomunitaria (numéro de TVA intracommunautaire)',
      es: 'NIF-IVA intracomunitario (numéro de TVA intracommunautaire)',
    },
  },
] as const;

const COMPANY_DOCUMENTS = [
  { type: 'fr.kbis', required: true, condition: 'always' },
  { type: 'fr.statuts', required: true, condition: 'always' },
  { type: 'fr.rbe', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const FR: CountryPackInput = {
  country: 'FR',
  seedRevision: 2,
  name: { en: 'France', ru: 'Франция', tr: 'Fransa', it: 'Francia', es: 'Francia' },
  sellerLocales: ['en'],
  currencies: { default: 'EUR', payout: ['EUR'] },
  legalForms: [
    {
      code: 'fr.ei',
      localName: 'Entrepreneur individuel (dont micro-entrepreneur)',
      abbreviation: 'EI',
      sellerType: 'individual',
      label: {
        en: 'Sole trader (EI, incl. micro-entrepreneur)',
        ru: 'Индивидуальный предприниматель (EI, включая микропредпринимателя)',
        tr: 'Şahıs girişimcisi (EI, mikro girişimci dahil)',
        it: 'Imprenditore individuale (EI, incluso il micro-entrepreneur)',
        es: 'Empresario individual (EI, incluido el microempresario)',
      },
      eligibility: { allowed: true },
      identifiers: [...IDENTIFIERS],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'fr.avis_sirene', required: true, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'fr.sarl',
      localName: 'Société à responsabilité limitée (dont EURL)',
      abbreviation: 'SARL / EURL',
      sellerType: 'company',
      label: {
        en: 'Limited liability company (SARL, incl. single-member EURL)',
        ru: 'Общество с ограниченной ответственностью (SARL, включая EURL с одним участником)',
        tr: 'Limited şirket (SARL, tek ortaklı EURL dahil)',
        it: 'Società a responsabilità limitata (SARL, inclusa la EURL unipersonale)',
        es: 'Sociedad de responsabilidad limitada (SARL, incluida la EURL unipersonal)',
      },
      eligibility: { allowed: true },
      identifiers: [...IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'fr.sas',
      localName: 'Société par actions simplifiée (dont SASU)',
      abbreviation: 'SAS / SASU',
      sellerType: 'company',
      label: {
        en: 'Simplified joint-stock company (SAS, incl. single-member SASU)',
        ru: 'Упрощённое акционерное общество (SAS, включая SASU с одним участником)',
        tr: 'Basitleştirilmiş anonim şirket (SAS, tek ortaklı SASU dahil)',
        it: 'Società per azioni semplificata (SAS, inclusa la SASU unipersonale)',
        es: 'Sociedad por acciones simplificada (SAS, incluida la SASU unipersonal)',
      },
      eligibility: { allowed: true },
      identifiers: [...IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'fr.sa',
      localName: 'Société anonyme',
      abbreviation: 'SA',
      sellerType: 'company',
      label: {
        en: 'Public limited company (SA)',
        ru: 'Акционерное общество (SA)',
        tr: 'Anonim şirket (SA)',
        it: 'Società per azioni (SA)',
        es: 'Sociedad anónima (SA)',
      },
      eligibility: { allowed: true },
      identifiers: [...IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
  ],
  documentTypes: [
    {
      code: 'fr.kbis',
      maxAgeDays: 90,
      label: {
        en: 'Company registration extract (extrait Kbis), less than 3 months old',
        ru: 'Выписка из торгового реестра (extrait Kbis), не старше 3 месяцев',
        tr: 'Şirket sicil özeti (extrait Kbis), 3 aydan eski olmayan',
        it: 'Visura del registro delle imprese (extrait Kbis), non più vecchia di 3 mesi',
        es: 'Extracto del registro mercantil (extrait Kbis), de menos de 3 meses',
      },
    },
    {
      code: 'fr.statuts',
      label: { en: 'Articles of association (statuts)', ru: 'Устав (statuts)', tr: 'Esas sözleşme (statuts)', it: 'Statuto (statuts)', es: 'Estatutos (statuts)' },
    },
    {
      code: 'fr.rbe',
      label: {
        en: 'Register of beneficial owners extract (RBE)',
        ru: 'Выписка из реестра бенефициарных владельцев (RBE)',
        tr: 'Gerçek faydalanıcılar sicili özeti (RBE)',
        it: 'Estratto del registro dei titolari effettivi (RBE)',
        es: 'Extracto del registro de titulares reales (RBE)',
      },
    },
    {
      code: 'fr.avis_sirene',
      label: {
        en: 'SIRENE registration notice or RNE extract (avis de situation SIRENE / extrait RNE)',
        ru: 'Уведомление о регистрации в SIRENE или выписка из RNE (avis de situation SIRENE / extrait RNE)',
        tr: 'SIRENE kayıt bildirimi veya RNE özeti (avis de situation SIRENE / extrait RNE)',
        it: 'Avviso di iscrizione SIRENE o estratto RNE (avis de situation SIRENE / extrait RNE)',
        es: 'Aviso de situación SIRENE o extracto del RNE (avis de situation SIRENE / extrait RNE)',
      },
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: {
        en: 'ID card or passport of the owner or legal representative',
        ru: 'Удостоверение личности или паспорт владельца или законного представителя',
        tr: 'İşletme sahibinin veya yasal temsilcinin kimlik kartı ya da pasaportu',
        it: "Carta d'identità o passaporto del titolare o del legale rappresentante",
        es: 'Documento de identidad o pasaporte del titular o del representante legal',
      },
    },
    {
      code: 'trademark_certificate',
      label: { en: 'Trademark registration certificate', ru: 'Свидетельство о регистрации товарного знака', tr: 'Marka tescil belgesi', it: 'Certificato di registrazione del marchio', es: 'Certificado de registro de marca' },
    },
  ],
  address: {
    postalCode: {
      pattern: '^(0[1-9]|[1-8]\\d|9[0-8])\\d{3}$',
      example: '75002',
      label: { en: 'Postal code', ru: 'Почтовый индекс', tr: 'Posta kodu', it: 'Codice postale', es: 'Código postal' },
    },
    regionRequired: false,
  },
  phone: { sameCountryOnly: false, example: '+33 6 12 34 56 78' },
  bank: { type: 'iban', ibanCountry: 'FR', example: 'FR1420041010050500013M02606' },
  payouts: { available: true, rails: ['stripe_connect', 'bank_transfer'] },
  obligations: { shipFromCountries: ['FR'], minReturnWindowDays: 14, warrantyMonths: 24, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  sources: [
    { title: 'Code de la consommation, art. L221-18: 14-day right of withdrawal' },
    { title: 'Code de la consommation, art. L217-3 and following: 2-year legal guarantee of conformity' },
    { title: 'Directive 2011/83/EU: 14-day withdrawal period', url: 'https://eur-lex.europa.eu/eli/dir/2011/83/oj' },
    { title: 'Code monétaire et financier, art. R561-1: beneficial owner holds more than 25 %' },
    { title: 'INSEE SIRENE register and RNE (INPI guichet unique since 2023)', url: 'https://annuaire-entreprises.data.gouv.fr' },
    { title: 'Directive (EU) 2021/514 (DAC7): seller data to collect' },
  ],
  samples: [
    {
      name: 'an SAS in Lyon with SIREN, SIRET and VAT number',
      expect: 'accept',
      registration: {
        legalForm: 'fr.sas',
        legalName: 'Atelier Rhône SAS',
        identifiers: { 'fr.siren': '841234560', 'fr.siret': '84123456000016', 'eu.vat': 'FR81841234560' },
        registeredAddress: { line1: '12 rue de la République', city: 'Lyon', postalCode: '69002', country: 'FR' },
        phone: '+33 4 78 12 34 56',
        representative: { firstName: 'Camille', lastName: 'Martin' },
      },
    },
    {
      name: 'a micro-entrepreneur in Paris with a SIREN only',
      expect: 'accept',
      registration: {
        legalForm: 'fr.ei',
        legalName: 'Élodie Dubois',
        identifiers: { 'fr.siren': '912345675' },
        registeredAddress: { line1: '8 rue Saint-Denis', city: 'Paris', postalCode: '75002', country: 'FR' },
        phone: '+33 6 12 34 56 78',
        representative: { firstName: 'Élodie', lastName: 'Dubois' },
      },
    },
    {
      name: 'an SAS whose SIREN fails the Luhn check',
      expect: 'reject',
      rejectFields: ['identifiers[fr.siren]'],
      registration: {
        legalForm: 'fr.sas',
        legalName: 'Atelier Rhône SAS',
        identifiers: { 'fr.siren': '841234561' },
        registeredAddress: { line1: '12 rue de la République', city: 'Lyon', postalCode: '69002', country: 'FR' },
        phone: '+33 4 78 12 34 56',
        representative: { firstName: 'Camille', lastName: 'Martin' },
      },
    },
    {
      name: 'a micro-entrepreneur with a four-digit postal code',
      expect: 'reject',
      rejectFields: ['registeredAddress.postalCode'],
      registration: {
        legalForm: 'fr.ei',
        legalName: 'Élodie Dubois',
        identifiers: { 'fr.siren': '912345675' },
        registeredAddress: { line1: '8 rue Saint-Denis', city: 'Paris', postalCode: '7502', country: 'FR' },
        phone: '+33 6 12 34 56 78',
        representative: { firstName: 'Élodie', lastName: 'Dubois' },
      },
    },
  ],
};
