import type { CountryPackInput } from '../pack/schema';

/**
 * Poland (second tier). Sole proprietors (JDG, registered in CEIDG) register with NIP + REGON;
 * companies (registered in KRS) with NIP + REGON + KRS. The VAT-EU number is optional.
 * Document lists are compliance policy.
 */
const NIP = {
  type: 'pl.nip',
  required: true,
  purpose: 'tax_id',
  label: {
    en: 'Tax identification number (NIP)',
    ru: 'Идентификационный налоговый номер (NIP)',
    tr: 'Vergi kimlik numarası (NIP)',
    it: 'Numero di identificazione fiscale (NIP)',
    es: 'Número de identificación fiscal (NIP)',
  },
} as const;

const REGON = {
  type: 'pl.regon',
  required: true,
  purpose: 'registry',
  label: {
    en: 'Statistical business number (REGON)',
    ru: 'Статистический номер предприятия (REGON)',
    tr: 'İstatistiksel işletme numarası (REGON)',
    it: "Numero statistico dell'impresa (REGON)",
    es: 'Número estadístico de empresa (REGON)',
  },
} as const;

const VAT = {
  type: 'eu.vat',
  required: false,
  purpose: 'vat',
  prefix: 'PL',
  label: {
    en: 'EU VAT number (NIP with the PL prefix)',
    ru: 'Номер плательщика НДС ЕС (NIP с префиксом PL)',
    tr: 'AB KDV numarası (PL önekli NIP)',
    it: 'Partita IVA UE (NIP con prefisso PL)',
    es: 'NIF-IVA intracomunitario (NIP con prefijo PL)',
  },
} as const;

const COMPANY_IDENTIFIERS = [
  NIP,
  REGON,
  {
    type: 'pl.krs',
    required: true,
    purpose: 'registry',
    label: {
      en: 'National Court Register number (KRS)',
      ru: 'Номер в Национальном судебном реестре (KRS)',
      tr: 'Ulusal Mahkeme Sicili numarası (KRS)',
      it: 'Numero del Registro giudiziario nazionale (KRS)',
      es: 'Número del Registro Judicial Nacional (KRS)',
    },
  },
  VAT,
] as const;

const COMPANY_DOCUMENTS = [
  { type: 'pl.odpis_krs', required: true, condition: 'always' },
  { type: 'pl.umowa_spolki', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const PL: CountryPackInput = {
  country: 'PL',
  seedRevision: 2,
  name: { en: 'Poland', ru: 'Польша', tr: 'Polonya', it: 'Polonia', es: 'Polonia' },
  sellerLocales: ['en'],
  currencies: { default: 'PLN', payout: ['PLN'] },
  legalForms: [
    {
      code: 'pl.jdg',
      localName: 'Jednoosobowa działalność gospodarcza',
      abbreviation: 'JDG',
      sellerType: 'individual',
      label: {
        en: 'Sole proprietorship (JDG)',
        ru: 'Индивидуальная предпринимательская деятельность (JDG)',
        tr: 'Şahıs işletmesi (JDG)',
        it: 'Impresa individuale (JDG)',
        es: 'Empresa individual (JDG)',
      },
      eligibility: { allowed: true },
      identifiers: [NIP, REGON, VAT],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'pl.wpis_ceidg', required: true, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'pl.spzoo',
      localName: 'Spółka z ograniczoną odpowiedzialnością',
      abbreviation: 'sp. z o.o.',
      sellerType: 'company',
      label: {
        en: 'Limited liability company (sp. z o.o.)',
        ru: 'Общество с ограниченной ответственностью (sp. z o.o.)',
        tr: 'Limited şirket (sp. z o.o.)',
        it: 'Società a responsabilità limitata (sp. z o.o.)',
        es: 'Sociedad de responsabilidad limitada (sp. z o.o.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'pl.sa',
      localName: 'Spółka akcyjna',
      abbreviation: 'S.A.',
      sellerType: 'company',
      label: {
        en: 'Joint-stock company (S.A.)',
        ru: 'Акционерное общество (S.A.)',
        tr: 'Anonim şirket (S.A.)',
        it: 'Società per azioni (S.A.)',
        es: 'Sociedad anónima (S.A.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'pl.psa',
      localName: 'Prosta spółka akcyjna',
      abbreviation: 'P.S.A.',
      sellerType: 'company',
      label: {
        en: 'Simple joint-stock company (P.S.A.)',
        ru: 'Простое акционерное общество (P.S.A.)',
        tr: 'Basit anonim şirket (P.S.A.)',
        it: 'Società per azioni semplice (P.S.A.)',
        es: 'Sociedad anónima simple (P.S.A.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
  ],
  documentTypes: [
    {
      code: 'pl.wpis_ceidg',
      label: {
        en: 'Entry in the Central Register of Business Activity (wpis do CEIDG)',
        ru: 'Запись в Центральном реестре хозяйственной деятельности (wpis do CEIDG)',
        tr: 'Merkezi Ticari Faaliyet Sicili kaydı (wpis do CEIDG)',
        it: 'Iscrizione al Registro centrale delle attività economiche (wpis do CEIDG)',
        es: 'Inscripción en el Registro Central de Actividad Económica (wpis do CEIDG)',
      },
    },
    {
      code: 'pl.odpis_krs',
      label: {
        en: 'National Court Register extract (odpis z KRS)',
        ru: 'Выписка из Национального судебного реестра (odpis z KRS)',
        tr: 'Ulusal Mahkeme Sicili özeti (odpis z KRS)',
        it: 'Estratto del Registro giudiziario nazionale (odpis z KRS)',
        es: 'Extracto del Registro Judicial Nacional (odpis z KRS)',
      },
    },
    {
      code: 'pl.umowa_spolki',
      label: {
        en: 'Articles of association (umowa spółki / statut)',
        ru: 'Учредительный договор или устав (umowa spółki / statut)',
        tr: 'Şirket sözleşmesi veya esas sözleşme (umowa spółki / statut)',
        it: 'Atto costitutivo o statuto (umowa spółki / statut)',
        es: 'Contrato de sociedad o estatutos (umowa spółki / statut)',
      },
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: {
        en: 'ID card or passport of the owner or management board member',
        ru: 'Удостоверение личности или паспорт владельца или члена правления',
        tr: 'İşletme sahibinin veya yönetim kurulu üyesinin kimlik kartı ya da pasaportu',
        it: "Carta d'identità o passaporto del titolare o del membro del consiglio di amministrazione",
        es: 'Documento de identidad o pasaporte del titular o del miembro del consejo de administración',
      },
    },
    {
      code: 'trademark_certificate',
      label: { en: 'Trademark registration certificate', ru: 'Свидетельство о регистрации товарного знака', tr: 'Marka tescil belgesi', it: 'Certificato di registrazione del marchio', es: 'Certificado de registro de marca' },
    },
  ],
  address: {
    postalCode: {
      pattern: '^\\d{2}-\\d{3}$',
      example: '00-950',
      label: { en: 'Postal code', ru: 'Почтовый индекс', tr: 'Posta kodu', it: 'Codice postale', es: 'Código postal' },
    },
    regionRequired: false,
  },
  phone: { sameCountryOnly: false, example: '+48 512 345 678' },
  bank: { type: 'iban', ibanCountry: 'PL', example: 'PL61109010140000071219812874' },
  payouts: { available: true, rails: ['stripe_connect', 'bank_transfer'] },
  obligations: { shipFromCountries: ['PL'], minReturnWindowDays: 14, warrantyMonths: 24, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  sources: [
    { title: 'Ustawa z dnia 30 maja 2014 r. o prawach konsumenta: art. 27 (14-day withdrawal), art. 43c (2-year liability for lack of conformity)' },
    { title: 'Directive 2011/83/EU: 14-day withdrawal period', url: 'https://eur-lex.europa.eu/eli/dir/2011/83/oj' },
    { title: 'CEIDG (sole proprietors) and KRS (companies) registers' },
    { title: 'Directive (EU) 2021/514 (DAC7): seller data to collect' },
  ],
  samples: [
    {
      name: 'an sp. z o.o. in Warsaw with NIP, REGON, KRS and VAT-EU number',
      expect: 'accept',
      registration: {
        legalForm: 'pl.spzoo',
        legalName: 'Wisła Design sp. z o.o.',
        identifiers: { 'pl.nip': '5251234560', 'pl.regon': '365123458', 'pl.krs': '0000654321', 'eu.vat': 'PL5251234560' },
        registeredAddress: { line1: 'ul. Marszałkowska 84/92', city: 'Warszawa', postalCode: '00-514', country: 'PL' },
        phone: '+48 512 345 678',
        representative: { firstName: 'Katarzyna', lastName: 'Nowak' },
      },
    },
    {
      name: 'a JDG in Kraków with NIP and REGON',
      expect: 'accept',
      registration: {
        legalForm: 'pl.jdg',
        legalName: 'Pracownia Ceramiki Piotr Wiśniewski',
        identifiers: { 'pl.nip': '6772345676', 'pl.regon': '143123453' },
        registeredAddress: { line1: 'ul. Floriańska 15', city: 'Kraków', postalCode: '31-019', country: 'PL' },
        phone: '+48 12 345 67 89',
        representative: { firstName: 'Piotr', lastName: 'Wiśniewski' },
      },
    },
    {
      name: 'an sp. z o.o. whose NIP has a wrong check digit',
      expect: 'reject',
      rejectFields: ['identifiers[pl.nip]'],
      registration: {
        legalForm: 'pl.spzoo',
        legalName: 'Wisła Design sp. z o.o.',
        identifiers: { 'pl.nip': '5251234561', 'pl.regon': '365123458', 'pl.krs': '0000654321' },
        registeredAddress: { line1: 'ul. Marszałkowska 84/92', city: 'Warszawa', postalCode: '00-514', country: 'PL' },
        phone: '+48 512 345 678',
        representative: { firstName: 'Katarzyna', lastName: 'Nowak' },
      },
    },
    {
      name: 'an sp. z o.o. whose KRS number has only 9 digits',
      expect: 'reject',
      rejectFields: ['identifiers[pl.krs]'],
      registration: {
        legalForm: 'pl.spzoo',
        legalName: 'Wisła Design sp. z o.o.',
        identifiers: { 'pl.nip': '5251234560', 'pl.regon': '365123458', 'pl.krs': '000065432' },
        registeredAddress: { line1: 'ul. Marszałkowska 84/92', city: 'Warszawa', postalCode: '00-514', country: 'PL' },
        phone: '+48 512 345 678',
        representative: { firstName: 'Katarzyna', lastName: 'Nowak' },
      },
    },
    {
      name: 'a JDG whose postal code has only four digits',
      expect: 'reject',
      rejectFields: ['registeredAddress.postalCode'],
      registration: {
        legalForm: 'pl.jdg',
        legalName: 'Pracownia Ceramiki Piotr Wiśniewski',
        identifiers: { 'pl.nip': '6772345676', 'pl.regon': '143123453' },
        registeredAddress: { line1: 'ul. Floriańska 15', city: 'Kraków', postalCode: '31-01', country: 'PL' },
        phone: '+48 12 345 67 89',
        representative: { firstName: 'Piotr', lastName: 'Wiśniewski' },
      },
    },
  ],
};
