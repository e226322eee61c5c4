import type { CountryPackInput } from '../pack/schema';

/**
 * Kazakhstan (second tier). Individual entrepreneurs register with their ИИН; ТОО and АО with
 * their БИН. Stripe has no Kazakh Connect accounts, so payouts go by bank transfer (KZ IBAN).
 * Postal codes: the legacy 6-digit codes and the 7-character codes introduced in 2015 are both
 * in use. The return window and warranty are business policy pending legal review (see
 * `sources`). Document lists are compliance policy.
 */
const BIN = {
  type: 'kz.bin',
  required: true,
  purpose: 'tax_id',
  label: {
    en: 'Business identification number (BIN, 12 digits)',
    ru: 'Бизнес-идентификационный номер (БИН, 12 цифр)',
    tr: 'İşletme kimlik numarası (BIN, 12 haneli)',
    it: "Numero di identificazione dell'impresa (BIN, 12 cifre)",
    es: 'Número de identificación empresarial (BIN, 12 dígitos)',
  },
} as const;

const COMPANY_DOCUMENTS = [
  { type: 'kz.registration_certificate', required: true, condition: 'always' },
  { type: 'kz.charter', required: true, condition: 'always' },
  { type: 'kz.director_appointment', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'kz.vat_certificate', required: true, condition: 'vat_registered' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const KZ: CountryPackInput = {
  country: 'KZ',
  seedRevision: 2,
  name: { en: 'Kazakhstan', ru: 'Казахстан', tr: 'Kazakistan', it: 'Kazakistan', es: 'Kazajistán' },
  sellerLocales: ['ru'],
  currencies: { default: 'KZT', payout: ['KZT'] },
  legalForms: [
    {
      code: 'kz.ip',
      localName: 'Индивидуальный предприниматель (жеке кәсіпкер)',
      abbreviation: 'ИП / ЖК',
      sellerType: 'individual',
      label: {
        en: 'Individual entrepreneur (IP)',
        ru: 'Индивидуальный предприниматель (ИП)',
        tr: 'Bireysel girişimci (IP)',
        it: 'Imprenditore individuale (IP)',
        es: 'Empresario individual (IP)',
      },
      eligibility: { allowed: true },
      identifiers: [
        {
          type: 'kz.iin',
          required: true,
          purpose: 'tax_id',
          label: {
            en: 'Individual identification number (IIN, 12 digits)',
            ru: 'Индивидуальный идентификационный номер (ИИН, 12 цифр)',
            tr: 'Bireysel kimlik numarası (IIN, 12 haneli)',
            it: 'Numero di identificazione individuale (IIN, 12 cifre)',
            es: 'Número de identificación individual (IIN, 12 dígitos)',
          },
        },
      ],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'kz.ip_notification', required: true, condition: 'always' },
        { type: 'kz.vat_certificate', required: true, condition: 'vat_registered' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'kz.too',
      localName: 'Товарищество с ограниченной ответственностью (жауапкершілігі шектеулі серіктестік)',
      abbreviation: 'ТОО / ЖШС',
      sellerType: 'company',
      label: {
        en: 'Limited liability partnership (TOO)',
        ru: 'Товарищество с ограниченной ответственностью (ТОО)',
        tr: 'Limited şirket (TOO)',
        it: 'Società a responsabilità limitata (TOO)',
        es: 'Sociedad de responsabilidad limitada (TOO)',
      },
      eligibility: { allowed: true },
      identifiers: [BIN],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'kz.ao',
      localName: 'Акционерное общество (акционерлік қоғам)',
      abbreviation: 'АО / АҚ',
      sellerType: 'company',
      label: {
        en: 'Joint-stock company (AO)',
        ru: 'Акционерное общество (АО)',
        tr: 'Anonim şirket (AO)',
        it: 'Società per azioni (AO)',
        es: 'Sociedad anónima (AO)',
      },
      eligibility: { allowed: true },
      identifiers: [BIN],
      documents: [...COMPANY_DOCUMENTS],
    },
  ],
  documentTypes: [
    {
      code: 'kz.ip_notification',
      label: {
        en: 'Notification of the start of business as an individual entrepreneur (talon from eGov)',
        ru: 'Уведомление о начале деятельности в качестве ИП (талон с портала eGov)',
        tr: 'Bireysel girişimci olarak faaliyete başlama bildirimi (eGov talonu)',
        it: 'Notifica di inizio attività come imprenditore individuale (talon da eGov)',
        es: 'Notificación de inicio de actividad como empresario individual (talón de eGov)',
      },
    },
    {
      code: 'kz.registration_certificate',
      label: {
        en: 'Certificate of state registration (re-registration) of the legal entity (eGov)',
        ru: 'Справка о государственной регистрации (перерегистрации) юридического лица (eGov)',
        tr: 'Tüzel kişinin devlet tescili (yeniden tescili) belgesi (eGov)',
        it: 'Certificato di registrazione statale (o nuova registrazione) della persona giuridica (eGov)',
        es: 'Certificado de registro estatal (o de nuevo registro) de la persona jurídica (eGov)',
      },
    },
    {
      code: 'kz.charter',
      label: { en: 'Charter (ustav)', ru: 'Устав', tr: 'Esas sözleşme (ustav)', it: 'Statuto (ustav)', es: 'Estatutos (ustav)' },
    },
    {
      code: 'kz.director_appointment',
      label: {
        en: 'Decision or order appointing the director',
        ru: 'Решение или приказ о назначении руководителя',
        tr: 'Yöneticinin atanmasına ilişkin karar veya emir',
        it: 'Delibera o ordine di nomina del direttore',
        es: 'Decisión u orden de nombramiento del director',
      },
    },
    {
      code: 'kz.vat_certificate',
      label: {
        en: 'VAT registration certificate',
        ru: 'Свидетельство (уведомление) о постановке на регистрационный учёт по НДС',
        tr: 'KDV kayıt belgesi',
        it: 'Certificato di registrazione ai fini IVA',
        es: 'Certificado de registro a efectos del IVA',
      },
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: {
        en: 'Kazakh identity card or passport of the entrepreneur or director',
        ru: 'Удостоверение личности или паспорт гражданина РК предпринимателя или руководителя',
        tr: 'Girişimcinin veya yöneticinin Kazakistan kimlik kartı ya da pasaportu',
        it: "Carta d'identità kazaka o passaporto dell'imprenditore o del direttore",
        es: 'Documento de identidad kazajo o pasaporte del empresario o del director',
      },
    },
    {
      code: 'trademark_certificate',
      label: { en: 'Trademark registration certificate', ru: 'Свидетельство о регистрации товарного знака', tr: 'Marka tescil belgesi', it: 'Certificato di registrazione del marchio', es: 'Certificado de registro de marca' },
    },
  ],
  address: {
    postalCode: {
      pattern: '^(\\d{6}|[A-Z]\\d{2}[A-Z]\\d[A-Z]\\d)$',
      example: 'A05C9G3',
      label: { en: 'Postal code', ru: 'Почтовый индекс', tr: 'Posta kodu', it: 'Codice postale', es: 'Código postal' },
    },
    regionRequired: false,
  },
  phone: { sameCountryOnly: false, example: '+7 701 234 56 78' },
  bank: { type: 'iban', ibanCountry: 'KZ', example: 'KZ86125KZT5004100100' },
  payouts: { available: true, rails: ['bank_transfer'] },
  obligations: { shipFromCountries: ['KZ'], minReturnWindowDays: 14, warrantyMonths: 12, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  // Kazakh citizens' identity cards and passports carry the ИИН (research §2.6)
  personIdNumber: {
    types: ['kz.iin'],
    label: {
      en: 'Individual identification number (IIN, 12 digits)',
      ru: 'Индивидуальный идентификационный номер (ИИН, 12 цифр)',
      tr: 'Bireysel kimlik numarası (IIN, 12 haneli)',
      it: 'Numero di identificazione individuale (IIN, 12 cifre)',
      es: 'Número de identificación individual (IIN, 12 dígitos)',
    },
  },
  sources: [
    // the 14-day return window follows art. 30 (to be confirmed by legal); the 12-month warranty is marketplace policy, not a statutory figure
    { title: 'Law of the Republic of Kazakhstan No. 274-IV «О защите прав потребителей», art. 30: return of non-food goods within 14 days' },
    { title: 'Постановление Правительства РК № 565 / № 406: structure and check digit of ИИН / БИН' },
    { title: 'Kazpost: 7-character postal codes since 2015 alongside the legacy 6-digit codes' },
    { title: 'Stripe Connect has no Kazakh accounts: payouts by bank transfer (KZ IBAN)' },
  ],
  samples: [
    {
      name: 'a TOO in Almaty with a valid BIN and a legacy 6-digit postal code',
      expect: 'accept',
      registration: {
        legalForm: 'kz.too',
        legalName: 'ТОО «Степной ветер»',
        identifiers: { 'kz.bin': '180440012349' },
        registeredAddress: { line1: 'пр. Абая, д. 150', line2: 'офис 12', city: 'Алматы', postalCode: '050046', country: 'KZ' },
        phone: '+7 727 250 12 34',
        representative: { firstName: 'Айгерим', lastName: 'Садыкова' },
      },
    },
    {
      name: 'an IP in Astana with a valid IIN and a new-style postal code',
      expect: 'accept',
      registration: {
        legalForm: 'kz.ip',
        legalName: 'ИП Нурланов Асхат',
        identifiers: { 'kz.iin': '850715301233' },
        registeredAddress: { line1: 'ул. Кенесары, д. 40, кв. 21', city: 'Астана', postalCode: 'Z05K7B9', country: 'KZ' },
        phone: '+7 701 234 56 78',
        representative: { firstName: 'Асхат', lastName: 'Нурланов' },
      },
    },
    {
      name: 'a TOO whose BIN has a wrong check digit',
      expect: 'reject',
      rejectFields: ['identifiers[kz.bin]'],
      registration: {
        legalForm: 'kz.too',
        legalName: 'ТОО «Степной ветер»',
        identifiers: { 'kz.bin': '180440012348' },
        registeredAddress: { line1: 'пр. Абая, д. 150', city: 'Алматы', postalCode: '050046', country: 'KZ' },
        phone: '+7 727 250 12 34',
        representative: { firstName: 'Айгерим', lastName: 'Садыкова' },
      },
    },
    {
      name: 'an IP whose IIN has a wrong check digit',
      expect: 'reject',
      rejectFields: ['identifiers[kz.iin]'],
      registration: {
        legalForm: 'kz.ip',
        legalName: 'ИП Нурланов Асхат',
        identifiers: { 'kz.iin': '850715301234' },
        registeredAddress: { line1: 'ул. Кенесары, д. 40, кв. 21', city: 'Астана', postalCode: 'Z05K7B9', country: 'KZ' },
        phone: '+7 701 234 56 78',
        representative: { firstName: 'Асхат', lastName: 'Нурланов' },
      },
    },
    {
      name: 'a TOO with a five-digit postal code',
      expect: 'reject',
      rejectFields: ['registeredAddress.postalCode'],
      registration: {
        legalForm: 'kz.too',
        legalName: 'ТОО «Степной ветер»',
        identifiers: { 'kz.bin': '180440012349' },
        registeredAddress: { line1: 'пр. Абая, д. 150', city: 'Алматы', postalCode: '05004', country: 'KZ' },
        phone: '+7 727 250 12 34',
        representative: { firstName: 'Айгерим', lastName: 'Садыкова' },
      },
    },
  ],
};
