import { ES_PROVINCES } from './regions';
import type { CountryPackInput } from '../pack/schema';

/**
 * Spain. Seed rule: only incorporated companies may sell (autónomos and unincorporated
 * communities are refused). Sources listed in `sources`; document lists are compliance policy.
 */
/** S.L. and S.A. are checked the same way. */
const SOCIEDAD_IDENTIFIERS: CountryPackInput['legalForms'][number]['identifiers'] = [
  {
    type: 'es.cif',
    required: true,
    purpose: 'tax_id',
    label: { en: 'Company tax number (NIF, formerly CIF)', ru: 'Налоговый номер компании (NIF, ранее CIF)', tr: 'Şirket vergi numarası (NIF, eski adıyla CIF)', it: 'Codice fiscale della società (NIF, già CIF)', es: 'NIF de la sociedad (antes CIF)' },
  },
  {
    type: 'eu.vat',
    required: false,
    purpose: 'vat',
    prefix: 'ES',
    label: { en: 'EU VAT number (ROI)', ru: 'Номер плательщика НДС ЕС (ROI)', tr: 'AB KDV numarası (ROI)', it: 'Partita IVA UE (ROI)', es: 'NIF-IVA intracomunitario (ROI)' },
  },
];

const SOCIEDAD_DOCUMENTS = [
  { type: 'es.escritura', required: true, condition: 'always' },
  { type: 'es.nif_card', required: true, condition: 'always' },
  { type: 'es.nota_simple', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'es.poderes', required: false, condition: 'always' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const ES: CountryPackInput = {
  country: 'ES',
  seedRevision: 4,
  name: { en: 'Spain', ru: 'Испания', tr: 'İspanya', it: 'Spagna', es: 'España' },
  sellerLocales: ['es'],
  currencies: { default: 'EUR', payout: ['EUR'] },
  legalForms: [
    {
      code: 'es.sl',
      localName: 'Sociedad de Responsabilidad Limitada',
      abbreviation: 'S.L. / S.L.U.',
      sellerType: 'company',
      label: {
        en: 'Private limited company (S.L.)',
        ru: 'Общество с ограниченной ответственностью (S.L.)',
        tr: 'Limited şirket (S.L.)',
        it: 'Società a responsabilità limitata (S.L.)',
        es: 'Sociedad Limitada (S.L.)',
      },
      eligibility: { allowed: true },
      identifiers: [...SOCIEDAD_IDENTIFIERS],
      documents: [...SOCIEDAD_DOCUMENTS],
    },
    {
      code: 'es.sa',
      localName: 'Sociedad Anónima',
      abbreviation: 'S.A.',
      sellerType: 'company',
      label: { en: 'Public limited company (S.A.)', ru: 'Акционерное общество (S.A.)', tr: 'Anonim şirket (S.A.)', it: 'Società per azioni (S.A.)', es: 'Sociedad Anónima (S.A.)' },
      eligibility: { allowed: true },
      identifiers: [...SOCIEDAD_IDENTIFIERS],
      documents: [...SOCIEDAD_DOCUMENTS],
    },
    {
      code: 'es.autonomo',
      localName: 'Empresario individual (autónomo)',
      sellerType: 'individual',
      label: { en: 'Sole trader (autónomo)', ru: 'Индивидуальный предприниматель (autónomo)', tr: 'Şahıs işletmesi (autónomo)', it: 'Lavoratore autonomo (autónomo)', es: 'Autónomo (empresario individual)' },
      eligibility: {
        allowed: false,
        reason: 'ONLY_INCORPORATED_COMPANIES',
        explanation: {
          en: 'In Spain only incorporated companies (S.L., S.A.) may sell on the marketplace.',
          ru: 'В Испании продавать на площадке могут только зарегистрированные компании (S.L., S.A.).',
          tr: 'İspanya\'da pazaryerinde yalnızca tüzel kişiliği olan şirketler (S.L., S.A.) satış yapabilir.',
          it: 'In Spagna possono vendere sul marketplace solo le società di capitali (S.L., S.A.).',
          es: 'En España solo las sociedades mercantiles (S.L., S.A.) pueden vender en el marketplace.',
        },
      },
      identifiers: [
        {
          type: 'es.nif',
          required: true,
          purpose: 'tax_id',
          label: { en: 'Personal tax number (DNI/NIE)', ru: 'Личный налоговый номер (DNI/NIE)', tr: 'Kişisel vergi numarası (DNI/NIE)', it: 'Codice fiscale personale (DNI/NIE)', es: 'NIF personal (DNI/NIE)' },
          example: '54362315K',
        },
        { ...SOCIEDAD_IDENTIFIERS[1], example: 'ES54362315K' },
      ],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'es.censo_036', required: true, condition: 'always' },
      ],
    },
    {
      code: 'es.cb',
      localName: 'Comunidad de bienes',
      abbreviation: 'C.B.',
      sellerType: 'company',
      label: { en: 'Joint ownership (C.B.)', ru: 'Общая собственность (C.B.)', tr: 'Mal ortaklığı (C.B.)', it: 'Comunione di beni (C.B.)', es: 'Comunidad de bienes (C.B.)' },
      eligibility: {
        allowed: false,
        reason: 'ONLY_INCORPORATED_COMPANIES',
        explanation: {
          en: 'A comunidad de bienes has no legal personality; in Spain only incorporated companies may sell.',
          ru: 'Comunidad de bienes не является юридическим лицом; в Испании продавать могут только компании.',
          tr: 'Comunidad de bienes tüzel kişiliğe sahip değildir; İspanya\'da yalnızca şirketler satış yapabilir.',
          it: 'La comunidad de bienes non ha personalità giuridica; in Spagna possono vendere solo le società.',
          es: 'La comunidad de bienes no tiene personalidad jurídica; en España solo pueden vender las sociedades.',
        },
      },
      identifiers: [
        {
          type: 'es.cif',
          required: true,
          purpose: 'tax_id',
          label: { en: 'Tax number (NIF starting with E)', ru: 'Налоговый номер (NIF на E)', tr: 'Vergi numarası (E ile başlayan NIF)', it: 'Codice fiscale (NIF che inizia con E)', es: 'NIF (empieza por E)' },
          // synthetic: province 28, number 12345, control digit 3
          example: 'E28123453',
        },
        { ...SOCIEDAD_IDENTIFIERS[1], example: 'ESE28123453' },
      ],
      documents: [{ type: 'representative_id', required: true, condition: 'always' }],
    },
  ],
  documentTypes: [
    { code: 'es.escritura', label: { en: 'Deed of incorporation (escritura de constitución)', ru: 'Учредительный акт (escritura de constitución)', tr: 'Kuruluş senedi (escritura de constitución)', it: 'Atto costitutivo (escritura de constitución)', es: 'Escritura de constitución' } },
    { code: 'es.nif_card', label: { en: 'Company NIF card', ru: 'Карточка NIF компании', tr: 'Şirket NIF kartı', it: 'Tessera NIF della società', es: 'Tarjeta NIF de la sociedad' } },
    { code: 'es.nota_simple', maxAgeDays: 90, label: { en: 'Commercial Registry extract (nota simple), at most 3 months old', ru: 'Выписка из торгового реестра (nota simple), не старше 3 месяцев', tr: 'Ticaret sicili özeti (nota simple), en fazla 3 aylık', it: 'Visura del Registro Mercantil (nota simple), non più vecchia di 3 mesi', es: 'Nota simple del Registro Mercantil (máximo 3 meses)' } },
    { code: 'es.poderes', label: { en: 'Power of attorney of the signatory (poderes)', ru: 'Доверенность подписанта (poderes)', tr: 'İmza yetkilisinin vekaletnamesi (poderes)', it: 'Procura del firmatario (poderes)', es: 'Poderes del firmante' } },
    { code: 'es.censo_036', label: { en: 'Tax census registration (modelo 036/037)', ru: 'Регистрация в налоговом цензе (modelo 036/037)', tr: 'Vergi kaydı (modelo 036/037)', it: 'Iscrizione al censimento fiscale (modelo 036/037)', es: 'Alta censal (modelo 036/037)' } },
    { code: 'representative_id', person: 'representative', expiresOn: 'optional', label: { en: "Legal representative's ID (DNI, NIE or passport)", ru: 'Удостоверение личности законного представителя (DNI, NIE или паспорт)', tr: 'Yasal temsilcinin kimliği (DNI, NIE veya pasaport)', it: 'Documento d\'identità del legale rappresentante (DNI, NIE o passaporto)', es: 'Documento de identidad del representante legal (DNI, NIE o pasaporte)' } },
    { code: 'trademark_certificate', label: { en: 'Trademark registration certificate', ru: 'Свидетельство о регистрации товарного знака', tr: 'Marka tescil belgesi', it: 'Certificato di registrazione del marchio', es: 'Certificado de registro de marca' } },
  ],
  address: {
    postalCode: {
      pattern: '^(0[1-9]|[1-4]\\d|5[0-2])\\d{3}$',
      example: '28013',
      label: { en: 'Postal code', ru: 'Почтовый индекс', tr: 'Posta kodu', it: 'Codice postale', es: 'Código postal' },
    },
    regionRequired: true,
    regionLabel: { en: 'Province', ru: 'Провинция', tr: 'İl', it: 'Provincia', es: 'Provincia' },
    regions: ES_PROVINCES,
  },
  phone: { sameCountryOnly: false, example: '+34 612 34 56 78' },
  bank: { type: 'iban', ibanCountry: 'ES', example: 'ES9121000418450200051332' },
  payouts: { available: true, rails: ['stripe_connect', 'bank_transfer'] },
  obligations: { shipFromCountries: ['ES'], minReturnWindowDays: 14, warrantyMonths: 36, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  // Spanish nationals hold a DNI (the NIE is for foreign residents, so it is not accepted here; research §2.4)
  personIdNumber: {
    types: ['es.dni'],
    label: {
      en: 'Spanish national identity document number (DNI)',
      ru: 'Номер национального удостоверения личности Испании (DNI)',
      tr: 'İspanya ulusal kimlik belgesi numarası (DNI)',
      it: "Numero del documento nazionale d'identità spagnolo (DNI)",
      es: 'Número del Documento Nacional de Identidad (DNI)',
    },
  },
  // a person identifies with a DNI (Spaniards), a NIE (foreign residents) or a passport, each checked by its own rule
  personIdDocuments: [
    {
      code: 'national_id',
      label: { en: 'National identity card (DNI for Spaniards)', ru: 'Национальное удостоверение личности (DNI для граждан Испании)', tr: 'Ulusal kimlik kartı (İspanyol vatandaşları için DNI)', it: "Carta d'identità nazionale (DNI per i cittadini spagnoli)", es: 'Documento nacional de identidad (DNI para españoles)' },
      check: { by: 'nationality' },
    },
    {
      code: 'es.nie',
      label: { en: 'Foreigner identity number (NIE)', ru: 'Идентификационный номер иностранца (NIE)', tr: 'Yabancı kimlik numarası (NIE)', it: 'Numero di identità dello straniero (NIE)', es: 'Número de identidad de extranjero (NIE)' },
      check: { by: 'identifier', types: ['es.nie'] },
    },
    {
      code: 'passport',
      label: { en: 'Passport', ru: 'Паспорт', tr: 'Pasaport', it: 'Passaporto', es: 'Pasaporte' },
      check: { by: 'pattern', pattern: '^[A-Z0-9]{6,9}$', example: 'PAA123456' },
    },
  ],
  sources: [
    { title: 'Orden EHA/451/2008: NIF letters of legal entities', url: 'https://www.boe.es/buscar/act.php?id=BOE-A-2008-3580' },
    { title: 'Real Decreto-ley 7/2021: 3-year legal guarantee for goods', url: 'https://www.boe.es/buscar/act.php?id=BOE-A-2021-6872' },
    { title: 'Directive 2011/83/EU: 14-day withdrawal period', url: 'https://eur-lex.europa.eu/eli/dir/2011/83/oj' },
    { title: 'Directive (EU) 2021/514 (DAC7): seller data to collect', url: 'https://eur-lex.europa.eu/eli/dir/2021/514/oj' },
  ],
  samples: [
    {
      name: 'an S.L. in Madrid with a valid NIF and VAT number',
      expect: 'accept',
      registration: {
        legalForm: 'es.sl',
        legalName: 'Cerámicas Triana S.L.',
        identifiers: { 'es.cif': 'B79110482', 'eu.vat': 'ESB79110482' },
        registeredAddress: { line1: 'Calle de Alcalá 45', city: 'Madrid', region: 'Madrid', postalCode: '28014', country: 'ES' },
        phone: '+34 612 34 56 78',
        representative: { firstName: 'Lucía', lastName: 'Fernández García' },
      },
    },
    {
      name: 'an autónomo is refused',
      expect: 'reject',
      rejectFields: ['legalForm'],
      registration: {
        legalForm: 'es.autonomo',
        legalName: 'Lucía Fernández García',
        identifiers: { 'es.nif': '12345678Z' },
        registeredAddress: { line1: 'Calle Betis 12', city: 'Sevilla', region: 'Sevilla', postalCode: '41010', country: 'ES' },
        phone: '+34 612 34 56 78',
        representative: { firstName: 'Lucía', lastName: 'Fernández García' },
      },
    },
    {
      name: 'an S.L. whose NIF carries a letter control where a digit is required',
      expect: 'reject',
      rejectFields: ['identifiers[es.cif]'],
      registration: {
        legalForm: 'es.sl',
        legalName: 'Cerámicas Triana S.L.',
        identifiers: { 'es.cif': 'B7911048B' },
        registeredAddress: { line1: 'Calle de Alcalá 45', city: 'Madrid', region: 'Madrid', postalCode: '28014', country: 'ES' },
        phone: '+34 612 34 56 78',
        representative: { firstName: 'Lucía', lastName: 'Fernández García' },
      },
    },
  ],
};
