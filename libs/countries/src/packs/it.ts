import type { CountryPackInput } from '../pack/schema';
import { IT_PROVINCES } from './regions';

/**
 * Italy. Sole proprietors (ditta individuale) register with the owner's codice fiscale and their
 * own partita IVA; companies with their partita IVA (the company's codice fiscale is usually the
 * same number). The REA number is optional. PEC and SDI code are not modelled as identifiers.
 * Document lists are compliance policy.
 */
const PIVA = {
  type: 'it.piva',
  required: true,
  purpose: 'vat',
  label: {
    en: 'VAT number (partita IVA, 11 digits)',
    ru: 'Номер плательщика НДС (partita IVA, 11 цифр)',
    tr: 'KDV numarası (partita IVA, 11 haneli)',
    it: 'Partita IVA (11 cifre)',
    es: 'Número de IVA (partita IVA, 11 dígitos)',
  },
} as const;

/** The same partita IVA with the IT prefix, as VIES knows it; cross-checked with the partita IVA when both are given. */
const EU_VAT = {
  type: 'eu.vat',
  required: false,
  purpose: 'vat',
  prefix: 'IT',
  label: {
    en: 'EU VAT number (IT + partita IVA, VIES)',
    ru: 'Номер плательщика НДС ЕС (IT + partita IVA, VIES)',
    tr: 'AB KDV numarası (IT + partita IVA, VIES)',
    it: 'Partita IVA comunitaria (IT + partita IVA, VIES)',
    es: 'NIF-IVA intracomunitario (IT + partita IVA, VIES)',
  },
} as const;

const REA = {
  type: 'it.rea',
  required: false,
  purpose: 'registry',
  label: {
    en: 'REA number (Economic and Administrative Index of the chamber of commerce)',
    ru: 'Номер REA (экономико-административный реестр торговой палаты)',
    tr: 'REA numarası (ticaret odasının ekonomik ve idari sicili)',
    it: 'Numero REA (Repertorio Economico Amministrativo)',
    es: 'Número REA (registro económico y administrativo de la cámara de comercio)',
  },
} as const;

const COMPANY_IDENTIFIERS = [
  PIVA,
  {
    type: 'it.cf',
    required: false,
    purpose: 'tax_id',
    label: {
      en: 'Company tax code (codice fiscale, usually the same as the VAT number)',
      ru: 'Налоговый код компании (codice fiscale, обычно совпадает с partita IVA)',
      tr: 'Şirketin vergi kodu (codice fiscale, genellikle KDV numarasıyla aynı)',
      it: 'Codice fiscale della società (di solito coincide con la partita IVA)',
      es: 'Código fiscal de la sociedad (codice fiscale, normalmente igual a la partita IVA)',
    },
    example: '00743110157',
  },
  REA,
  EU_VAT,
] as const;

const COMPANY_DOCUMENTS = [
  { type: 'it.visura_camerale', required: true, condition: 'always' },
  { type: 'it.atto_costitutivo', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'it.tessera_sanitaria', required: true, condition: 'always' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const IT: CountryPackInput = {
  country: 'IT',
  seedRevision: 3,
  name: { en: 'Italy', ru: 'Италия', tr: 'İtalya', it: 'Italia', es: 'Italia' },
  sellerLocales: ['it'],
  currencies: { default: 'EUR', payout: ['EUR'] },
  legalForms: [
    {
      code: 'it.ditta_individuale',
      localName: 'Ditta individuale (impresa individuale)',
      sellerType: 'individual',
      label: {
        en: 'Sole proprietorship (ditta individuale)',
        ru: 'Индивидуальное предприятие (ditta individuale)',
        tr: 'Şahıs işletmesi (ditta individuale)',
        it: 'Ditta individuale',
        es: 'Empresa individual (ditta individuale)',
      },
      eligibility: { allowed: true },
      identifiers: [
        {
          type: 'it.cf',
          required: true,
          purpose: 'tax_id',
          label: {
            en: "Owner's tax code (codice fiscale, 16 characters)",
            ru: 'Налоговый код владельца (codice fiscale, 16 символов)',
            tr: 'İşletme sahibinin vergi kodu (codice fiscale, 16 karakter)',
            it: 'Codice fiscale del titolare (16 caratteri)',
            es: 'Código fiscal del titular (codice fiscale, 16 caracteres)',
          },
        },
        PIVA,
        REA,
        EU_VAT,
      ],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'it.tessera_sanitaria', required: true, condition: 'always' },
        { type: 'it.certificato_piva', required: true, condition: 'always' },
        { type: 'it.visura_camerale', required: false, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'it.srl',
      localName: 'Società a responsabilità limitata (anche semplificata)',
      abbreviation: 'S.r.l. / S.r.l.s.',
      sellerType: 'company',
      label: {
        en: 'Limited liability company (S.r.l., incl. simplified S.r.l.s.)',
        ru: 'Общество с ограниченной ответственностью (S.r.l., включая упрощённое S.r.l.s.)',
        tr: 'Limited şirket (S.r.l., basitleştirilmiş S.r.l.s. dahil)',
        it: 'Società a responsabilità limitata (S.r.l., anche semplificata S.r.l.s.)',
        es: 'Sociedad de responsabilidad limitada (S.r.l., incluida la simplificada S.r.l.s.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'it.spa',
      localName: 'Società per azioni',
      abbreviation: 'S.p.A.',
      sellerType: 'company',
      label: {
        en: 'Joint-stock company (S.p.A.)',
        ru: 'Акционерное общество (S.p.A.)',
        tr: 'Anonim şirket (S.p.A.)',
        it: 'Società per azioni (S.p.A.)',
        es: 'Sociedad anónima (S.p.A.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'it.snc',
      localName: 'Società in nome collettivo',
      abbreviation: 'S.n.c.',
      sellerType: 'partnership',
      label: {
        en: 'General partnership (S.n.c.)',
        ru: 'Полное товарищество (S.n.c.)',
        tr: 'Kollektif şirket (S.n.c.)',
        it: 'Società in nome collettivo (S.n.c.)',
        es: 'Sociedad colectiva (S.n.c.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'it.sas',
      localName: 'Società in accomandita semplice',
      abbreviation: 'S.a.s.',
      sellerType: 'partnership',
      label: {
        en: 'Limited partnership (S.a.s.)',
        ru: 'Коммандитное товарищество (S.a.s.)',
        tr: 'Adi komandit şirket (S.a.s.)',
        it: 'Società in accomandita semplice (S.a.s.)',
        es: 'Sociedad comanditaria simple (S.a.s.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
  ],
  documentTypes: [
    {
      code: 'it.visura_camerale',
      maxAgeDays: 90,
      label: {
        en: 'Chamber of commerce company extract (visura camerale), at most 3 months old',
        ru: 'Выписка из реестра торговой палаты (visura camerale), не старше 3 месяцев',
        tr: 'Ticaret odası sicil özeti (visura camerale), en fazla 3 aylık',
        it: 'Visura camerale (non più vecchia di 3 mesi)',
        es: 'Extracto de la cámara de comercio (visura camerale), de no más de 3 meses',
      },
    },
    {
      code: 'it.atto_costitutivo',
      label: {
        en: 'Deed of incorporation and articles of association (atto costitutivo e statuto)',
        ru: 'Учредительный акт и устав (atto costitutivo e statuto)',
        tr: 'Kuruluş senedi ve esas sözleşme (atto costitutivo e statuto)',
        it: 'Atto costitutivo e statuto',
        es: 'Escritura de constitución y estatutos (atto costitutivo e statuto)',
      },
    },
    {
      code: 'it.certificato_piva',
      label: {
        en: 'VAT number allocation certificate (certificato di attribuzione della partita IVA)',
        ru: 'Свидетельство о присвоении номера плательщика НДС (certificato di attribuzione della partita IVA)',
        tr: 'KDV numarası tahsis belgesi (certificato di attribuzione della partita IVA)',
        it: 'Certificato di attribuzione della partita IVA',
        es: 'Certificado de asignación del número de IVA (certificato di attribuzione della partita IVA)',
      },
    },
    {
      code: 'it.tessera_sanitaria',
      label: {
        en: 'Health card or tax code card showing the codice fiscale of the owner or legal representative',
        ru: 'Медицинская карта или карточка налогового кода с codice fiscale владельца или законного представителя',
        tr: 'İşletme sahibinin veya yasal temsilcinin codice fiscale bilgisini gösteren sağlık kartı ya da vergi kodu kartı',
        it: 'Tessera sanitaria o tesserino del codice fiscale del titolare o del legale rappresentante',
        es: 'Tarjeta sanitaria o tarjeta del código fiscal del titular o del representante legal',
      },
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: {
        en: "ID card or passport of the owner or legal representative",
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
      pattern: '^\\d{5}$',
      example: '20123',
      label: { en: 'Postal code (CAP)', ru: 'Почтовый индекс (CAP)', tr: 'Posta kodu (CAP)', it: 'CAP (codice di avviamento postale)', es: 'Código postal (CAP)' },
    },
    regionRequired: true,
    regionLabel: { en: 'Province', ru: 'Провинция', tr: 'İl', it: 'Provincia', es: 'Provincia' },
    regions: IT_PROVINCES,
  },
  phone: { sameCountryOnly: false, example: '+39 347 123 4567' },
  bank: { type: 'iban', ibanCountry: 'IT', example: 'IT25O0306909606100000012345' },
  payouts: { available: true, rails: ['stripe_connect', 'bank_transfer'] },
  obligations: { shipFromCountries: ['IT'], minReturnWindowDays: 14, warrantyMonths: 24, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  sources: [
    { title: 'Codice del Consumo (D.Lgs. 206/2005), art. 52: 14-day right of withdrawal for distance contracts' },
    { title: 'Codice del Consumo (D.Lgs. 206/2005), legal guarantee of conformity: 24 months from delivery (art. 132; art. 133 after D.Lgs. 170/2021)' },
    { title: 'Directive (EU) 2019/771 on the sale of goods: 2-year minimum liability period', url: 'https://eur-lex.europa.eu/eli/dir/2019/771/oj' },
    { title: 'Directive 2011/83/EU: 14-day withdrawal period', url: 'https://eur-lex.europa.eu/eli/dir/2011/83/oj' },
    { title: 'D.P.R. 633/1972, art. 35 (partita IVA) and D.P.R. 605/1973 (codice fiscale)' },
    { title: 'Registro delle Imprese and REA (Camere di Commercio)', url: 'https://www.registroimprese.it' },
    { title: 'Directive (EU) 2021/514 (DAC7): seller data to collect' },
  ],
  samples: [
    {
      name: 'an S.r.l. in Milan with a valid partita IVA and REA number',
      expect: 'accept',
      registration: {
        legalForm: 'it.srl',
        legalName: 'Pelletteria Navigli S.r.l.',
        identifiers: { 'it.piva': '09876540155', 'it.cf': '09876540155', 'it.rea': 'MI-2123456' },
        registeredAddress: { line1: 'Via Torino 51', city: 'Milano', region: 'MI', postalCode: '20123', country: 'IT' },
        phone: '+39 02 1234 5678',
        representative: { firstName: 'Lucia', lastName: 'Rossi' },
      },
    },
    {
      name: 'a ditta individuale in Rome with the owner’s codice fiscale and a partita IVA',
      expect: 'accept',
      registration: {
        legalForm: 'it.ditta_individuale',
        legalName: 'Ceramiche Artistiche di Giulia Bianchi',
        identifiers: { 'it.cf': 'BNCGLI80A41H501C', 'it.piva': '12345670587' },
        registeredAddress: { line1: 'Via dei Coronari 12', city: 'Roma', region: 'RM', postalCode: '00186', country: 'IT' },
        phone: '+39 347 123 4567',
        shipFrom: { line1: 'Via dei Coronari 12', city: 'Roma', region: 'RM', postalCode: '00186', country: 'IT' },
        representative: { firstName: 'Giulia', lastName: 'Bianchi' },
      },
    },
    {
      name: 'an S.n.c. (a partnership) with its partita IVA and the same number as EU VAT number',
      expect: 'accept',
      registration: {
        legalForm: 'it.snc',
        legalName: 'Fratelli Esposito S.n.c.',
        identifiers: { 'it.piva': '00743110157', 'eu.vat': 'IT 00743110157' },
        registeredAddress: { line1: 'Via Toledo 156', city: 'Napoli', region: 'NA', postalCode: '80134', country: 'IT' },
        phone: '+39 081 123 4567',
        representative: { firstName: 'Gennaro', lastName: 'Esposito' },
      },
    },
    {
      name: 'an S.r.l. whose EU VAT number is another partita IVA than the one given',
      expect: 'reject',
      rejectFields: ['identifiers[eu.vat]'],
      registration: {
        legalForm: 'it.srl',
        legalName: 'Pelletteria Navigli S.r.l.',
        identifiers: { 'it.piva': '09876540155', 'eu.vat': 'IT00743110157' },
        registeredAddress: { line1: 'Via Torino 51', city: 'Milano', region: 'MI', postalCode: '20123', country: 'IT' },
        phone: '+39 02 1234 5678',
        representative: { firstName: 'Lucia', lastName: 'Rossi' },
      },
    },
    {
      name: 'an S.r.l. whose partita IVA has a wrong check digit',
      expect: 'reject',
      rejectFields: ['identifiers[it.piva]'],
      registration: {
        legalForm: 'it.srl',
        legalName: 'Pelletteria Navigli S.r.l.',
        identifiers: { 'it.piva': '09876540156' },
        registeredAddress: { line1: 'Via Torino 51', city: 'Milano', region: 'MI', postalCode: '20123', country: 'IT' },
        phone: '+39 02 1234 5678',
        representative: { firstName: 'Lucia', lastName: 'Rossi' },
      },
    },
    {
      name: 'a ditta individuale whose codice fiscale encodes 31 April (check letter correct)',
      expect: 'reject',
      rejectFields: ['identifiers[it.cf]'],
      registration: {
        legalForm: 'it.ditta_individuale',
        legalName: 'Mario Rossi',
        identifiers: { 'it.cf': 'RSSMRA80D31H501D', 'it.piva': '12345670587' },
        registeredAddress: { line1: 'Via Appia Nuova 250', city: 'Roma', region: 'RM', postalCode: '00183', country: 'IT' },
        phone: '+39 312 345 6789',
        representative: { firstName: 'Mario', lastName: 'Rossi' },
      },
    },
    {
      name: 'an S.p.A. with a four-digit CAP',
      expect: 'reject',
      rejectFields: ['registeredAddress.postalCode'],
      registration: {
        legalForm: 'it.spa',
        legalName: 'Pelletteria Navigli S.p.A.',
        identifiers: { 'it.piva': '09876540155' },
        registeredAddress: { line1: 'Via Torino 51', city: 'Milano', region: 'MI', postalCode: '2012', country: 'IT' },
        phone: '+39 02 1234 5678',
        representative: { firstName: 'Lucia', lastName: 'Rossi' },
      },
    },
  ],
};
