import type { CountryPackInput } from '../pack/schema';

/**
 * Portugal (second tier). Sole traders (ENI) register with their personal NIF; companies with
 * their NIPC. The VAT number (PT + NIF/NIPC) is optional. Portugal's legal guarantee is 3 years.
 * Document lists are compliance policy.
 */
const VAT = {
  type: 'eu.vat',
  required: false,
  purpose: 'vat',
  prefix: 'PT',
  label: {
    en: 'EU VAT number (NIF/NIPC with the PT prefix)',
    ru: 'Номер плательщика НДС ЕС (NIF/NIPC с префиксом PT)',
    tr: 'AB KDV numarası (PT önekli NIF/NIPC)',
    it: 'Partita IVA UE (NIF/NIPC con prefisso PT)',
    es: 'NIF-IVA intracomunitario (NIF/NIPC con prefijo PT)',
  },
} as const;

const COMPANY_IDENTIFIERS = [
  {
    type: 'pt.nipc',
    required: true,
    purpose: 'tax_id',
    label: {
      en: 'Legal person identification number (NIPC)',
      ru: 'Идентификационный номер юридического лица (NIPC)',
      tr: 'Tüzel kişi kimlik numarası (NIPC)',
      it: 'Numero di identificazione della persona giuridica (NIPC)',
      es: 'Número de identificación de persona jurídica (NIPC)',
    },
  },
  VAT,
] as const;

const COMPANY_DOCUMENTS = [
  { type: 'pt.certidao_permanente', required: true, condition: 'always' },
  { type: 'pt.rcbe', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const PT: CountryPackInput = {
  country: 'PT',
  seedRevision: 2,
  name: { en: 'Portugal', ru: 'Португалия', tr: 'Portekiz', it: 'Portogallo', es: 'Portugal' },
  sellerLocales: ['en'],
  currencies: { default: 'EUR', payout: ['EUR'] },
  legalForms: [
    {
      code: 'pt.eni',
      localName: 'Empresário em nome individual',
      abbreviation: 'ENI',
      sellerType: 'individual',
      label: {
        en: 'Sole trader (ENI)',
        ru: 'Индивидуальный предприниматель (ENI)',
        tr: 'Şahıs tacir (ENI)',
        it: 'Imprenditore individuale (ENI)',
        es: 'Empresario individual (ENI)',
      },
      eligibility: { allowed: true },
      identifiers: [
        {
          type: 'pt.nif',
          required: true,
          purpose: 'tax_id',
          label: {
            en: 'Personal tax number (NIF)',
            ru: 'Личный налоговый номер (NIF)',
            tr: 'Kişisel vergi numarası (NIF)',
            it: 'Numero di identificazione fiscale personale (NIF)',
            es: 'Número de identificación fiscal personal (NIF)',
          },
          example: '234567899',
        },
        VAT,
      ],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'pt.inicio_atividade', required: true, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'pt.unipessoal',
      localName: 'Sociedade unipessoal por quotas',
      abbreviation: 'Unipessoal Lda.',
      sellerType: 'company',
      label: {
        en: 'Single-member private limited company (Unipessoal Lda.)',
        ru: 'Общество с ограниченной ответственностью с одним участником (Unipessoal Lda.)',
        tr: 'Tek ortaklı limited şirket (Unipessoal Lda.)',
        it: 'Società a responsabilità limitata unipersonale (Unipessoal Lda.)',
        es: 'Sociedad unipersonal de responsabilidad limitada (Unipessoal Lda.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'pt.lda',
      localName: 'Sociedade por quotas',
      abbreviation: 'Lda.',
      sellerType: 'company',
      label: {
        en: 'Private limited company (Lda.)',
        ru: 'Общество с ограниченной ответственностью (Lda.)',
        tr: 'Limited şirket (Lda.)',
        it: 'Società a responsabilità limitata (Lda.)',
        es: 'Sociedad de responsabilidad limitada (Lda.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'pt.sa',
      localName: 'Sociedade anónima',
      abbreviation: 'S.A.',
      sellerType: 'company',
      label: {
        en: 'Public limited company (S.A.)',
        ru: 'Акционерное общество (S.A.)',
        tr: 'Anonim şirket (S.A.)',
        it: 'Società per azioni (S.A.)',
        es: 'Sociedad anónima (S.A.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
  ],
  documentTypes: [
    {
      code: 'pt.inicio_atividade',
      label: {
        en: 'Declaration of start of activity (declaração de início de atividade)',
        ru: 'Декларация о начале деятельности (declaração de início de atividade)',
        tr: 'Faaliyete başlama beyannamesi (declaração de início de atividade)',
        it: 'Dichiarazione di inizio attività (declaração de início de atividade)',
        es: 'Declaración de inicio de actividad (declaração de início de atividade)',
      },
    },
    {
      code: 'pt.certidao_permanente',
      label: {
        en: 'Permanent commercial registry certificate (certidão permanente, with its online access code)',
        ru: 'Постоянная выписка из торгового реестра (certidão permanente, с кодом онлайн-доступа)',
        tr: 'Daimi ticaret sicili belgesi (certidão permanente, çevrimiçi erişim koduyla)',
        it: 'Certificato permanente del registro commerciale (certidão permanente, con codice di accesso online)',
        es: 'Certificado permanente del registro mercantil (certidão permanente, con su código de acceso en línea)',
      },
    },
    {
      code: 'pt.rcbe',
      label: {
        en: 'Central Register of Beneficial Owners declaration (RCBE)',
        ru: 'Декларация в Центральном реестре бенефициарных владельцев (RCBE)',
        tr: 'Gerçek Faydalanıcılar Merkezi Sicili beyanı (RCBE)',
        it: 'Dichiarazione al Registro centrale dei titolari effettivi (RCBE)',
        es: 'Declaración en el Registro Central de Titulares Reales (RCBE)',
      },
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: {
        en: 'Citizen card (Cartão de Cidadão) or passport of the owner or manager',
        ru: 'Карта гражданина (Cartão de Cidadão) или паспорт владельца или управляющего',
        tr: 'İşletme sahibinin veya müdürün vatandaşlık kartı (Cartão de Cidadão) ya da pasaportu',
        it: "Carta di cittadinanza (Cartão de Cidadão) o passaporto del titolare o dell'amministratore",
        es: 'Tarjeta de ciudadano (Cartão de Cidadão) o pasaporte del titular o del gerente',
      },
    },
    {
      code: 'trademark_certificate',
      label: { en: 'Trademark registration certificate', ru: 'Свидетельство о регистрации товарного знака', tr: 'Marka tescil belgesi', it: 'Certificato di registrazione del marchio', es: 'Certificado de registro de marca' },
    },
  ],
  address: {
    postalCode: {
      pattern: '^\\d{4}-\\d{3}$',
      example: '1100-148',
      label: { en: 'Postal code', ru: 'Почтовый индекс', tr: 'Posta kodu', it: 'Codice postale', es: 'Código postal' },
    },
    regionRequired: false,
  },
  phone: { sameCountryOnly: false, example: '+351 912 345 678' },
  bank: { type: 'iban', ibanCountry: 'PT', example: 'PT50000201231234567890154' },
  payouts: { available: true, rails: ['stripe_connect', 'bank_transfer'] },
  obligations: { shipFromCountries: ['PT'], minReturnWindowDays: 14, warrantyMonths: 36, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  sources: [
    { title: 'Decreto-Lei n.º 24/2014: 14-day right of withdrawal for distance contracts' },
    { title: 'Decreto-Lei n.º 84/2021: 3-year legal guarantee of conformity for goods (since 1 January 2022)' },
    { title: 'Directive 2011/83/EU: 14-day withdrawal period', url: 'https://eur-lex.europa.eu/eli/dir/2011/83/oj' },
    { title: 'Registo Comercial (certidão permanente) and RCBE (Lei n.º 89/2017)' },
    { title: 'Directive (EU) 2021/514 (DAC7): seller data to collect' },
  ],
  samples: [
    {
      name: 'an Lda. in Porto with a valid NIPC and VAT number',
      expect: 'accept',
      registration: {
        legalForm: 'pt.lda',
        legalName: 'Azulejos do Douro, Lda.',
        identifiers: { 'pt.nipc': '515678902', 'eu.vat': 'PT515678902' },
        registeredAddress: { line1: 'Rua de Santa Catarina 112', city: 'Porto', postalCode: '4000-442', country: 'PT' },
        phone: '+351 22 123 4567',
        representative: { firstName: 'Inês', lastName: 'Ferreira' },
      },
    },
    {
      name: 'an ENI in Lisbon with a personal NIF',
      expect: 'accept',
      registration: {
        legalForm: 'pt.eni',
        legalName: 'João Santos',
        identifiers: { 'pt.nif': '234567899' },
        registeredAddress: { line1: 'Rua da Graça 45', city: 'Lisboa', postalCode: '1170-165', country: 'PT' },
        phone: '+351 912 345 678',
        representative: { firstName: 'João', lastName: 'Santos' },
      },
    },
    {
      name: 'an Lda. whose NIPC has a wrong check digit',
      expect: 'reject',
      rejectFields: ['identifiers[pt.nipc]'],
      registration: {
        legalForm: 'pt.lda',
        legalName: 'Azulejos do Douro, Lda.',
        identifiers: { 'pt.nipc': '515678903' },
        registeredAddress: { line1: 'Rua de Santa Catarina 112', city: 'Porto', postalCode: '4000-442', country: 'PT' },
        phone: '+351 22 123 4567',
        representative: { firstName: 'Inês', lastName: 'Ferreira' },
      },
    },
    {
      name: 'an ENI with a bare four-digit postal code',
      expect: 'reject',
      rejectFields: ['registeredAddress.postalCode'],
      registration: {
        legalForm: 'pt.eni',
        legalName: 'João Santos',
        identifiers: { 'pt.nif': '234567899' },
        registeredAddress: { line1: 'Rua da Graça 45', city: 'Lisboa', postalCode: '1170', country: 'PT' },
        phone: '+351 912 345 678',
        representative: { firstName: 'João', lastName: 'Santos' },
      },
    },
  ],
};
