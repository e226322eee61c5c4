import type { CountryPackInput } from '../pack/schema';

/**
 * United Kingdom (second tier). Sole traders register with their UTR; companies and LLPs with
 * their Companies House number and UTR. The VAT number is optional (GB numbers are not in VIES:
 * `gb.vat`, never `eu.vat`). UK law sets no fixed warranty term: see `sources`. Document lists
 * are compliance policy.
 */
const UTR_REQUIRED = {
  type: 'gb.utr',
  required: true,
  purpose: 'tax_id',
  label: {
    en: 'Unique Taxpayer Reference (UTR, 10 digits)',
    ru: 'Уникальный номер налогоплательщика (UTR, 10 цифр)',
    tr: 'Benzersiz vergi mükellefi referansı (UTR, 10 haneli)',
    it: 'Riferimento univoco del contribuente (UTR, 10 cifre)',
    es: 'Referencia única del contribuyente (UTR, 10 dígitos)',
  },
} as const;

const VAT = {
  type: 'gb.vat',
  required: false,
  purpose: 'vat',
  label: {
    en: 'UK VAT registration number',
    ru: 'Регистрационный номер плательщика НДС в Великобритании',
    tr: 'Birleşik Krallık KDV kayıt numarası',
    it: 'Numero di partita IVA del Regno Unito',
    es: 'Número de registro del IVA del Reino Unido',
  },
} as const;

const COMPANY_IDENTIFIERS = [
  {
    type: 'gb.crn',
    required: true,
    purpose: 'registry',
    label: {
      en: 'Companies House registration number (CRN)',
      ru: 'Регистрационный номер в Companies House (CRN)',
      tr: 'Companies House sicil numarası (CRN)',
      it: 'Numero di registrazione presso Companies House (CRN)',
      es: 'Número de registro en Companies House (CRN)',
    },
  },
  UTR_REQUIRED,
  VAT,
] as const;

const COMPANY_DOCUMENTS = [
  { type: 'gb.certificate_of_incorporation', required: true, condition: 'always' },
  { type: 'gb.psc_register', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'gb.vat_certificate', required: true, condition: 'vat_registered' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const GB: CountryPackInput = {
  country: 'GB',
  seedRevision: 2,
  name: { en: 'United Kingdom', ru: 'Великобритания', tr: 'Birleşik Krallık', it: 'Regno Unito', es: 'Reino Unido' },
  sellerLocales: ['en'],
  currencies: { default: 'GBP', payout: ['GBP'] },
  legalForms: [
    {
      code: 'gb.sole_trader',
      localName: 'Sole trader',
      sellerType: 'individual',
      label: {
        en: 'Sole trader',
        ru: 'Индивидуальный предприниматель (sole trader)',
        tr: 'Şahıs tüccarı (sole trader)',
        it: 'Imprenditore individuale (sole trader)',
        es: 'Empresario individual (sole trader)',
      },
      eligibility: { allowed: true },
      identifiers: [UTR_REQUIRED, VAT],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'proof_of_address', required: true, condition: 'always' },
        { type: 'gb.vat_certificate', required: true, condition: 'vat_registered' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'gb.ltd',
      localName: 'Private company limited by shares',
      abbreviation: 'Ltd',
      sellerType: 'company',
      label: {
        en: 'Private limited company (Ltd)',
        ru: 'Частная компания с ограниченной ответственностью (Ltd)',
        tr: 'Özel limited şirket (Ltd)',
        it: 'Società privata a responsabilità limitata (Ltd)',
        es: 'Sociedad privada de responsabilidad limitada (Ltd)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'gb.plc',
      localName: 'Public limited company',
      abbreviation: 'PLC',
      sellerType: 'company',
      label: {
        en: 'Public limited company (PLC)',
        ru: 'Публичная компания с ограниченной ответственностью (PLC)',
        tr: 'Halka açık anonim şirket (PLC)',
        it: 'Società per azioni (PLC)',
        es: 'Sociedad anónima (PLC)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'gb.llp',
      localName: 'Limited liability partnership',
      abbreviation: 'LLP',
      sellerType: 'company',
      label: {
        en: 'Limited liability partnership (LLP)',
        ru: 'Партнёрство с ограниченной ответственностью (LLP)',
        tr: 'Sınırlı sorumlu ortaklık (LLP)',
        it: 'Società di persone a responsabilità limitata (LLP)',
        es: 'Sociedad de responsabilidad limitada de tipo asociativo (LLP)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
  ],
  documentTypes: [
    {
      code: 'gb.certificate_of_incorporation',
      label: {
        en: 'Certificate of incorporation (Companies House)',
        ru: 'Свидетельство о регистрации компании (Companies House)',
        tr: 'Şirket kuruluş belgesi (Companies House)',
        it: 'Certificato di costituzione (Companies House)',
        es: 'Certificado de constitución (Companies House)',
      },
    },
    {
      code: 'gb.psc_register',
      label: {
        en: 'Register of people with significant control (PSC)',
        ru: 'Реестр лиц, обладающих значительным контролем (PSC)',
        tr: 'Önemli kontrole sahip kişiler sicili (PSC)',
        it: 'Registro delle persone con controllo significativo (PSC)',
        es: 'Registro de personas con control significativo (PSC)',
      },
    },
    {
      code: 'gb.vat_certificate',
      label: {
        en: 'VAT registration certificate (HMRC)',
        ru: 'Свидетельство о регистрации плательщика НДС (HMRC)',
        tr: 'KDV kayıt belgesi (HMRC)',
        it: 'Certificato di registrazione IVA (HMRC)',
        es: 'Certificado de registro del IVA (HMRC)',
      },
    },
    {
      code: 'proof_of_address',
      label: {
        en: 'Proof of address (e.g. a utility bill or bank statement)',
        ru: 'Подтверждение адреса (например, счёт за коммунальные услуги или банковская выписка)',
        tr: 'Adres belgesi (ör. fatura veya banka hesap özeti)',
        it: 'Prova di indirizzo (ad es. una bolletta o un estratto conto bancario)',
        es: 'Justificante de domicilio (p. ej., una factura de suministros o un extracto bancario)',
      },
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: {
        en: 'Passport or driving licence of the sole trader or director',
        ru: 'Паспорт или водительское удостоверение предпринимателя или директора',
        tr: 'Şahıs tüccarının veya direktörün pasaportu ya da sürücü belgesi',
        it: "Passaporto o patente di guida del titolare o dell'amministratore",
        es: 'Pasaporte o permiso de conducir del empresario o del administrador',
      },
    },
    {
      code: 'trademark_certificate',
      label: { en: 'Trademark registration certificate', ru: 'Свидетельство о регистрации товарного знака', tr: 'Marka tescil belgesi', it: 'Certificato di registrazione del marchio', es: 'Certificado de registro de marca' },
    },
  ],
  address: {
    postalCode: {
      pattern: '^(?:[A-PR-UWYZ](?:\\d{1,2}|\\d[A-HJKPSTUW]|[A-HK-Y]\\d{1,2}|[A-HK-Y]\\d[ABEHMNPRV-Y]) ?\\d[ABD-HJLNP-UW-Z]{2}|GIR ?0AA)$',
      example: 'SW1A 2AA',
      label: { en: 'Postcode', ru: 'Почтовый индекс', tr: 'Posta kodu', it: 'Codice postale', es: 'Código postal' },
    },
    regionRequired: false,
  },
  phone: { sameCountryOnly: false, example: '+44 7400 123456' },
  bank: { type: 'iban', ibanCountry: 'GB', example: 'GB29NWBK60161331926819' },
  payouts: { available: true, rails: ['stripe_connect', 'bank_transfer'] },
  obligations: { shipFromCountries: ['GB'], minReturnWindowDays: 14, warrantyMonths: 12, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  sources: [
    {
      title: 'Consumer Contracts (Information, Cancellation and Additional Charges) Regulations 2013, regs. 29–31: 14-day cancellation period',
      url: 'https://www.legislation.gov.uk/uksi/2013/3134',
    },
    {
      title:
        'Consumer Rights Act 2015, ss. 9–24: no fixed warranty term; goods must be of satisfactory quality and durable, and claims may be brought up to 6 years after delivery (5 in Scotland); the marketplace asks for 12 months',
      url: 'https://www.legislation.gov.uk/ukpga/2015/15',
    },
    { title: 'Limitation Act 1980, s. 5: 6-year limit for claims in contract', url: 'https://www.legislation.gov.uk/ukpga/1980/58' },
    { title: 'Companies Act 2006, Part 21A: people with significant control (more than 25 %)' },
    { title: 'Companies House register', url: 'https://find-and-update.company-information.service.gov.uk' },
    { title: 'UK platform reporting rules (OECD Model Reporting Rules for digital platforms, from 2024)' },
  ],
  samples: [
    {
      name: 'a Ltd in London with CRN, UTR and VAT number',
      expect: 'accept',
      registration: {
        legalForm: 'gb.ltd',
        legalName: 'Thames Teaworks Ltd',
        identifiers: { 'gb.crn': '09876543', 'gb.utr': '2234567890', 'gb.vat': 'GB 287 4561 20' },
        registeredAddress: { line1: '14 Clerkenwell Road', city: 'London', postalCode: 'EC1M 5PQ', country: 'GB' },
        phone: '+44 20 7946 0958',
        representative: { firstName: 'Oliver', lastName: 'Hughes' },
      },
    },
    {
      name: 'a sole trader in Manchester with a UTR',
      expect: 'accept',
      registration: {
        legalForm: 'gb.sole_trader',
        legalName: 'Amelia Clarke',
        identifiers: { 'gb.utr': '8876543210' },
        registeredAddress: { line1: '25 Oldham Street', city: 'Manchester', postalCode: 'M1 1JN', country: 'GB' },
        phone: '+44 7400 123456',
        representative: { firstName: 'Amelia', lastName: 'Clarke' },
      },
    },
    {
      name: 'an LLP with an OC company number',
      expect: 'accept',
      registration: {
        legalForm: 'gb.llp',
        legalName: 'Pennine Crafts LLP',
        identifiers: { 'gb.crn': 'OC412345', 'gb.utr': '6135792468' },
        registeredAddress: { line1: '3 Wellington Place', city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' },
        phone: '+44 161 496 0123',
        representative: { firstName: 'Harry', lastName: 'Walker' },
      },
    },
    {
      name: 'a sole trader whose UTR has a wrong check digit',
      expect: 'reject',
      rejectFields: ['identifiers[gb.utr]'],
      registration: {
        legalForm: 'gb.sole_trader',
        legalName: 'Amelia Clarke',
        identifiers: { 'gb.utr': '2234567891' },
        registeredAddress: { line1: '25 Oldham Street', city: 'Manchester', postalCode: 'M1 1JN', country: 'GB' },
        phone: '+44 7400 123456',
        representative: { firstName: 'Amelia', lastName: 'Clarke' },
      },
    },
    {
      name: 'a Ltd whose company number has an unknown prefix',
      expect: 'reject',
      rejectFields: ['identifiers[gb.crn]'],
      registration: {
        legalForm: 'gb.ltd',
        legalName: 'Thames Teaworks Ltd',
        identifiers: { 'gb.crn': 'XX123456', 'gb.utr': '2234567890' },
        registeredAddress: { line1: '14 Clerkenwell Road', city: 'London', postalCode: 'EC1M 5PQ', country: 'GB' },
        phone: '+44 20 7946 0958',
        representative: { firstName: 'Oliver', lastName: 'Hughes' },
      },
    },
    {
      name: 'a Ltd whose postcode lacks the inward code',
      expect: 'reject',
      rejectFields: ['registeredAddress.postalCode'],
      registration: {
        legalForm: 'gb.ltd',
        legalName: 'Thames Teaworks Ltd',
        identifiers: { 'gb.crn': '09876543', 'gb.utr': '2234567890' },
        registeredAddress: { line1: '14 Clerkenwell Road', city: 'London', postalCode: 'EC1M', country: 'GB' },
        phone: '+44 20 7946 0958',
        representative: { firstName: 'Oliver', lastName: 'Hughes' },
      },
    },
  ],
};
