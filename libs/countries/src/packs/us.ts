import type { CountryPackInput } from '../pack/schema';
import { US_STATES } from './regions';

/**
 * United States (second tier). Sole proprietors register with their SSN (an EIN is optional);
 * LLCs, corporations and partnerships with their EIN. Every seller files a Form W-9. There is no
 * federal statutory return window or warranty term: see `sources`. Document lists are
 * compliance policy.
 */
const EIN_REQUIRED = {
  type: 'us.ein',
  required: true,
  purpose: 'tax_id',
  label: {
    en: 'Employer Identification Number (EIN)',
    ru: 'Идентификационный номер работодателя (EIN)',
    tr: 'İşveren Kimlik Numarası (EIN)',
    it: 'Numero di identificazione del datore di lavoro (EIN)',
    es: 'Número de Identificación del Empleador (EIN)',
  },
} as const;

const COMPANY_DOCUMENTS = [
  { type: 'us.ein_letter', required: true, condition: 'always' },
  { type: 'us.formation_documents', required: true, condition: 'always' },
  { type: 'us.w9', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const US: CountryPackInput = {
  country: 'US',
  seedRevision: 2,
  name: { en: 'United States', ru: 'Соединённые Штаты', tr: 'Amerika Birleşik Devletleri', it: 'Stati Uniti', es: 'Estados Unidos' },
  sellerLocales: ['en'],
  currencies: { default: 'USD', payout: ['USD'] },
  legalForms: [
    {
      code: 'us.sole_proprietorship',
      localName: 'Sole proprietorship',
      sellerType: 'individual',
      label: {
        en: 'Sole proprietorship',
        ru: 'Индивидуальное предприятие (sole proprietorship)',
        tr: 'Şahıs işletmesi (sole proprietorship)',
        it: 'Impresa individuale (sole proprietorship)',
        es: 'Empresa individual (sole proprietorship)',
      },
      eligibility: { allowed: true },
      identifiers: [
        {
          type: 'us.ssn',
          required: true,
          purpose: 'tax_id',
          label: {
            en: 'Social Security number (SSN)',
            ru: 'Номер социального страхования (SSN)',
            tr: 'Sosyal Güvenlik numarası (SSN)',
            it: 'Numero di previdenza sociale (SSN)',
            es: 'Número de Seguro Social (SSN)',
          },
        },
        { ...EIN_REQUIRED, required: false },
      ],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'us.w9', required: true, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'us.llc',
      localName: 'Limited liability company',
      abbreviation: 'LLC',
      sellerType: 'company',
      label: {
        en: 'Limited liability company (LLC)',
        ru: 'Компания с ограниченной ответственностью (LLC)',
        tr: 'Limited şirket (LLC)',
        it: 'Società a responsabilità limitata (LLC)',
        es: 'Sociedad de responsabilidad limitada (LLC)',
      },
      eligibility: { allowed: true },
      identifiers: [EIN_REQUIRED],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'us.corporation',
      localName: 'Corporation (C corporation or S corporation)',
      abbreviation: 'Inc. / Corp.',
      sellerType: 'company',
      label: {
        en: 'Corporation (Inc. / Corp.)',
        ru: 'Корпорация (Inc. / Corp.)',
        tr: 'Anonim şirket (Inc. / Corp.)',
        it: 'Società per azioni (Inc. / Corp.)',
        es: 'Corporación (Inc. / Corp.)',
      },
      eligibility: { allowed: true },
      identifiers: [EIN_REQUIRED],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'us.partnership',
      localName: 'Partnership (general, limited or limited liability)',
      abbreviation: 'GP / LP / LLP',
      sellerType: 'company',
      label: {
        en: 'Partnership (GP / LP / LLP)',
        ru: 'Товарищество (GP / LP / LLP)',
        tr: 'Ortaklık (GP / LP / LLP)',
        it: 'Società di persone (GP / LP / LLP)',
        es: 'Sociedad de personas (GP / LP / LLP)',
      },
      eligibility: { allowed: true },
      identifiers: [EIN_REQUIRED],
      documents: [...COMPANY_DOCUMENTS],
    },
  ],
  documentTypes: [
    {
      code: 'us.w9',
      label: {
        en: 'IRS Form W-9 (request for taxpayer identification number and certification)',
        ru: 'Форма IRS W-9 (запрос идентификационного номера налогоплательщика и подтверждение)',
        tr: 'IRS W-9 formu (vergi mükellefi kimlik numarası talebi ve beyanı)',
        it: 'Modulo IRS W-9 (richiesta del numero di identificazione fiscale e certificazione)',
        es: 'Formulario W-9 del IRS (solicitud y certificación del número de identificación del contribuyente)',
      },
    },
    {
      code: 'us.ein_letter',
      label: {
        en: 'IRS EIN confirmation letter (CP 575 or 147C)',
        ru: 'Письмо IRS о присвоении EIN (CP 575 или 147C)',
        tr: 'IRS EIN onay mektubu (CP 575 veya 147C)',
        it: "Lettera dell'IRS di conferma dell'EIN (CP 575 o 147C)",
        es: 'Carta del IRS de confirmación del EIN (CP 575 o 147C)',
      },
    },
    {
      code: 'us.formation_documents',
      label: {
        en: 'Formation documents filed with the Secretary of State (articles of organization or incorporation, certificate of partnership)',
        ru: 'Учредительные документы, поданные секретарю штата (articles of organization или incorporation, certificate of partnership)',
        tr: 'Eyalet Sekreterliğine sunulan kuruluş belgeleri (articles of organization veya incorporation, certificate of partnership)',
        it: 'Documenti costitutivi depositati presso il Secretary of State (articles of organization o incorporation, certificate of partnership)',
        es: 'Documentos de constitución presentados ante el Secretary of State (articles of organization o incorporation, certificate of partnership)',
      },
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: {
        en: "Government-issued photo ID of the owner or authorized representative (passport, driver's license or state ID)",
        ru: 'Государственный документ с фотографией владельца или уполномоченного представителя (паспорт, водительские права или удостоверение штата)',
        tr: 'İşletme sahibinin veya yetkili temsilcinin resmi fotoğraflı kimliği (pasaport, sürücü belgesi veya eyalet kimliği)',
        it: "Documento d'identità ufficiale con foto del titolare o del rappresentante autorizzato (passaporto, patente o carta d'identità statale)",
        es: 'Documento oficial con fotografía del titular o del representante autorizado (pasaporte, licencia de conducir o identificación estatal)',
      },
    },
    {
      code: 'trademark_certificate',
      label: { en: 'Trademark registration certificate', ru: 'Свидетельство о регистрации товарного знака', tr: 'Marka tescil belgesi', it: 'Certificato di registrazione del marchio', es: 'Certificado de registro de marca' },
    },
  ],
  address: {
    postalCode: {
      pattern: '^\\d{5}(-\\d{4})?$',
      example: '10001',
      label: { en: 'ZIP code', ru: 'Почтовый индекс (ZIP)', tr: 'Posta kodu (ZIP)', it: 'Codice postale (ZIP)', es: 'Código postal (ZIP)' },
    },
    regionRequired: true,
    regionLabel: { en: 'State', ru: 'Штат', tr: 'Eyalet', it: 'Stato', es: 'Estado' },
    regions: US_STATES,
  },
  phone: { sameCountryOnly: false, example: '+1 201 555 0123' },
  bank: { type: 'us_aba', example: '021000021/123456789' },
  payouts: { available: true, rails: ['stripe_connect', 'bank_transfer'] },
  obligations: { shipFromCountries: ['US'], minReturnWindowDays: 0, warrantyMonths: 0, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  sources: [
    { title: 'No federal statutory return window for distance sales: returns are the seller’s policy' },
    { title: 'Magnuson-Moss Warranty Act (15 U.S.C. §§ 2301–2312): no obligation to give a written warranty; UCC § 2-314 implied warranty of merchantability applies unless disclaimed' },
    { title: 'FinCEN Customer Due Diligence rule (31 CFR 1010.230): beneficial owners with 25 % or more' },
    { title: 'IRS Form W-9', url: 'https://www.irs.gov/forms-pubs/about-form-w-9' },
  ],
  samples: [
    {
      name: 'an LLC in Austin, Texas with a valid EIN',
      expect: 'accept',
      registration: {
        legalForm: 'us.llc',
        legalName: 'Lone Star Leatherworks LLC',
        identifiers: { 'us.ein': '82-4567890' },
        registeredAddress: { line1: '600 Congress Ave', line2: 'Suite 1400', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
        phone: '+1 512 555 0147',
        representative: { firstName: 'Emily', lastName: 'Johnson' },
      },
    },
    {
      name: 'a sole proprietor in New York with an SSN and a ZIP+4 code',
      expect: 'accept',
      registration: {
        legalForm: 'us.sole_proprietorship',
        legalName: 'Michael Brown',
        identifiers: { 'us.ssn': '512-34-5678' },
        registeredAddress: { line1: '350 W 31st St', city: 'New York', region: 'NY', postalCode: '10001-2727', country: 'US' },
        phone: '+1 212 555 0187',
        representative: { firstName: 'Michael', lastName: 'Brown' },
      },
    },
    {
      name: 'an LLC whose EIN has a prefix the IRS never assigns (07)',
      expect: 'reject',
      rejectFields: ['identifiers[us.ein]'],
      registration: {
        legalForm: 'us.llc',
        legalName: 'Lone Star Leatherworks LLC',
        identifiers: { 'us.ein': '07-1234567' },
        registeredAddress: { line1: '600 Congress Ave', line2: 'Suite 1400', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
        phone: '+1 512 555 0147',
        representative: { firstName: 'Emily', lastName: 'Johnson' },
      },
    },
    {
      name: 'a sole proprietor with an SSN in the never-issued 666 area',
      expect: 'reject',
      rejectFields: ['identifiers[us.ssn]'],
      registration: {
        legalForm: 'us.sole_proprietorship',
        legalName: 'Michael Brown',
        identifiers: { 'us.ssn': '666-12-3456' },
        registeredAddress: { line1: '350 W 31st St', city: 'New York', region: 'NY', postalCode: '10001', country: 'US' },
        phone: '+1 212 555 0187',
        representative: { firstName: 'Michael', lastName: 'Brown' },
      },
    },
    {
      name: 'an LLC with a four-digit ZIP code',
      expect: 'reject',
      rejectFields: ['registeredAddress.postalCode'],
      registration: {
        legalForm: 'us.llc',
        legalName: 'Lone Star Leatherworks LLC',
        identifiers: { 'us.ein': '82-4567890' },
        registeredAddress: { line1: '600 Congress Ave', city: 'Austin', region: 'TX', postalCode: '7870', country: 'US' },
        phone: '+1 512 555 0147',
        representative: { firstName: 'Emily', lastName: 'Johnson' },
      },
    },
  ],
};
