import type { CountryPackInput } from '../pack/schema';

/**
 * Germany (second tier). Every form registers with its Steuernummer; registered merchants and
 * companies also with their Handelsregister number. The USt-IdNr is optional (only VAT-registered
 * sellers have one). Document lists are compliance policy.
 */
const STNR = {
  type: 'de.stnr',
  required: true,
  purpose: 'tax_id',
  label: {
    en: 'Tax number (Steuernummer)',
    ru: 'Налоговый номер (Steuernummer)',
    tr: 'Vergi numarası (Steuernummer)',
    it: 'Numero fiscale (Steuernummer)',
    es: 'Número fiscal (Steuernummer)',
  },
} as const;

const HRN = {
  type: 'de.hrn',
  required: true,
  purpose: 'registry',
  label: {
    en: 'Commercial register number (Handelsregisternummer, HRA/HRB)',
    ru: 'Номер в торговом реестре (Handelsregisternummer, HRA/HRB)',
    tr: 'Ticaret sicil numarası (Handelsregisternummer, HRA/HRB)',
    it: 'Numero del registro di commercio (Handelsregisternummer, HRA/HRB)',
    es: 'Número del registro mercantil (Handelsregisternummer, HRA/HRB)',
  },
} as const;

const VAT = {
  type: 'eu.vat',
  required: false,
  purpose: 'vat',
  prefix: 'DE',
  label: {
    en: 'VAT identification number (USt-IdNr)',
    ru: 'Идентификационный номер плательщика НДС (USt-IdNr)',
    tr: 'KDV kimlik numarası (USt-IdNr)',
    it: 'Partita IVA tedesca (USt-IdNr)',
    es: 'Número de identificación a efectos del IVA (USt-IdNr)',
  },
} as const;

const COMPANY_DOCUMENTS = [
  { type: 'de.handelsregisterauszug', required: true, condition: 'always' },
  { type: 'de.gesellschaftsvertrag', required: true, condition: 'always' },
  { type: 'de.transparenzregister', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'de.ust_idnr_bestaetigung', required: true, condition: 'vat_registered' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const DE: CountryPackInput = {
  country: 'DE',
  seedRevision: 3,
  name: { en: 'Germany', ru: 'Германия', tr: 'Almanya', it: 'Germania', es: 'Alemania' },
  sellerLocales: ['en'],
  currencies: { default: 'EUR', payout: ['EUR'] },
  legalForms: [
    {
      code: 'de.einzelunternehmen',
      localName: 'Einzelunternehmen',
      sellerType: 'individual',
      label: {
        en: 'Sole proprietorship (Einzelunternehmen)',
        ru: 'Индивидуальное предприятие (Einzelunternehmen)',
        tr: 'Şahıs işletmesi (Einzelunternehmen)',
        it: 'Impresa individuale (Einzelunternehmen)',
        es: 'Empresa individual (Einzelunternehmen)',
      },
      eligibility: { allowed: true },
      identifiers: [STNR, VAT],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'de.gewerbeanmeldung', required: true, condition: 'always' },
        { type: 'de.ust_idnr_bestaetigung', required: true, condition: 'vat_registered' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'de.ek',
      localName: 'Eingetragener Kaufmann / Eingetragene Kauffrau',
      abbreviation: 'e.K.',
      sellerType: 'individual',
      label: {
        en: 'Registered merchant (e.K.)',
        ru: 'Зарегистрированный коммерсант (e.K.)',
        tr: 'Tescilli tacir (e.K.)',
        it: 'Commerciante iscritto nel registro di commercio (e.K.)',
        es: 'Comerciante inscrito en el registro mercantil (e.K.)',
      },
      eligibility: { allowed: true },
      identifiers: [STNR, HRN, VAT],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'de.handelsregisterauszug', required: true, condition: 'always' },
        { type: 'de.gewerbeanmeldung', required: true, condition: 'always' },
        { type: 'de.ust_idnr_bestaetigung', required: true, condition: 'vat_registered' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'de.gmbh',
      localName: 'Gesellschaft mit beschränkter Haftung / Unternehmergesellschaft (haftungsbeschränkt)',
      abbreviation: 'GmbH / UG',
      sellerType: 'company',
      label: {
        en: 'Limited liability company (GmbH, incl. UG)',
        ru: 'Общество с ограниченной ответственностью (GmbH, включая UG)',
        tr: 'Limited şirket (GmbH, UG dahil)',
        it: 'Società a responsabilità limitata (GmbH, inclusa la UG)',
        es: 'Sociedad de responsabilidad limitada (GmbH, incluida la UG)',
      },
      eligibility: { allowed: true },
      identifiers: [STNR, HRN, VAT],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'de.ag',
      localName: 'Aktiengesellschaft',
      abbreviation: 'AG',
      sellerType: 'company',
      label: {
        en: 'Stock corporation (AG)',
        ru: 'Акционерное общество (AG)',
        tr: 'Anonim şirket (AG)',
        it: 'Società per azioni (AG)',
        es: 'Sociedad anónima (AG)',
      },
      eligibility: { allowed: true },
      identifiers: [STNR, HRN, VAT],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'de.ohg',
      localName: 'Offene Handelsgesellschaft',
      abbreviation: 'OHG',
      sellerType: 'partnership',
      label: {
        en: 'General partnership (OHG)',
        ru: 'Полное товарищество (OHG)',
        tr: 'Kollektif şirket (OHG)',
        it: 'Società in nome collettivo (OHG)',
        es: 'Sociedad colectiva (OHG)',
      },
      eligibility: { allowed: true },
      identifiers: [STNR, HRN, VAT],
      documents: [...COMPANY_DOCUMENTS],
    },
  ],
  documentTypes: [
    {
      code: 'de.gewerbeanmeldung',
      label: {
        en: 'Trade registration (Gewerbeanmeldung)',
        ru: 'Регистрация промысловой деятельности (Gewerbeanmeldung)',
        tr: 'Ticari faaliyet kaydı (Gewerbeanmeldung)',
        it: 'Denuncia di inizio attività commerciale (Gewerbeanmeldung)',
        es: 'Alta de actividad comercial (Gewerbeanmeldung)',
      },
    },
    {
      code: 'de.handelsregisterauszug',
      label: {
        en: 'Commercial register extract (Handelsregisterauszug)',
        ru: 'Выписка из торгового реестра (Handelsregisterauszug)',
        tr: 'Ticaret sicili özeti (Handelsregisterauszug)',
        it: 'Estratto del registro di commercio (Handelsregisterauszug)',
        es: 'Extracto del registro mercantil (Handelsregisterauszug)',
      },
    },
    {
      code: 'de.gesellschaftsvertrag',
      label: {
        en: 'Articles of association (Gesellschaftsvertrag / Satzung)',
        ru: 'Учредительный договор или устав (Gesellschaftsvertrag / Satzung)',
        tr: 'Şirket sözleşmesi veya esas sözleşme (Gesellschaftsvertrag / Satzung)',
        it: 'Atto costitutivo o statuto (Gesellschaftsvertrag / Satzung)',
        es: 'Contrato social o estatutos (Gesellschaftsvertrag / Satzung)',
      },
    },
    {
      code: 'de.transparenzregister',
      label: {
        en: 'Transparency register extract of beneficial owners (Transparenzregister)',
        ru: 'Выписка из реестра прозрачности о бенефициарных владельцах (Transparenzregister)',
        tr: 'Gerçek faydalanıcılara ilişkin şeffaflık sicili özeti (Transparenzregister)',
        it: 'Estratto del registro della trasparenza dei titolari effettivi (Transparenzregister)',
        es: 'Extracto del registro de transparencia de titulares reales (Transparenzregister)',
      },
    },
    {
      code: 'de.ust_idnr_bestaetigung',
      label: {
        en: 'VAT ID confirmation from the Federal Central Tax Office (BZSt)',
        ru: 'Подтверждение USt-IdNr от Федерального центрального налогового ведомства (BZSt)',
        tr: 'Federal Merkez Vergi Dairesi (BZSt) tarafından verilen KDV kimlik numarası teyidi',
        it: "Conferma della partita IVA dell'Ufficio centrale federale delle imposte (BZSt)",
        es: 'Confirmación del NIF-IVA de la Oficina Central Federal de Impuestos (BZSt)',
      },
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: {
        en: 'ID card or passport of the owner or managing director',
        ru: 'Удостоверение личности или паспорт владельца или управляющего директора',
        tr: 'İşletme sahibinin veya genel müdürün kimlik kartı ya da pasaportu',
        it: "Carta d'identità o passaporto del titolare o dell'amministratore",
        es: 'Documento de identidad o pasaporte del titular o del administrador',
      },
    },
    {
      code: 'trademark_certificate',
      label: { en: 'Trademark registration certificate', ru: 'Свидетельство о регистрации товарного знака', tr: 'Marka tescil belgesi', it: 'Certificato di registrazione del marchio', es: 'Certificado de registro de marca' },
    },
  ],
  address: {
    postalCode: {
      pattern: '^(0[1-9]|[1-9]\\d)\\d{3}$',
      example: '10115',
      label: { en: 'Postal code (PLZ)', ru: 'Почтовый индекс (PLZ)', tr: 'Posta kodu (PLZ)', it: 'Codice postale (PLZ)', es: 'Código postal (PLZ)' },
    },
    regionRequired: false,
  },
  phone: { sameCountryOnly: false, example: '+49 1512 3456789' },
  bank: { type: 'iban', ibanCountry: 'DE', example: 'DE89370400440532013000' },
  payouts: { available: true, rails: ['stripe_connect', 'bank_transfer'] },
  obligations: { shipFromCountries: ['DE'], minReturnWindowDays: 14, warrantyMonths: 24, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  sources: [
    { title: 'BGB § 355: 14-day right of withdrawal', url: 'https://www.gesetze-im-internet.de/bgb/__355.html' },
    { title: 'BGB § 438: 2-year limitation period for claims for defects', url: 'https://www.gesetze-im-internet.de/bgb/__438.html' },
    { title: 'Geldwäschegesetz (GwG) § 3: beneficial owner holds more than 25 %' },
    { title: 'Handelsregister (HRA: e.K. and partnerships; HRB: GmbH, UG, AG)', url: 'https://www.handelsregister.de' },
    { title: 'Directive (EU) 2021/514 (DAC7): seller data to collect' },
  ],
  samples: [
    {
      name: 'a GmbH in Berlin with Steuernummer, HRB number and USt-IdNr',
      expect: 'accept',
      registration: {
        legalForm: 'de.gmbh',
        legalName: 'Spreewald Manufaktur GmbH',
        identifiers: { 'de.stnr': '21/815/08150', 'de.hrn': 'HRB 123456 B', 'eu.vat': 'DE278456125' },
        registeredAddress: { line1: 'Friedrichstraße 123', city: 'Berlin', postalCode: '10117', country: 'DE' },
        phone: '+49 30 12345678',
        representative: { firstName: 'Jonas', lastName: 'Becker' },
      },
    },
    {
      name: 'an Einzelunternehmen in Munich without a VAT number',
      expect: 'accept',
      registration: {
        legalForm: 'de.einzelunternehmen',
        legalName: 'Holzwerk Sophie Wagner',
        identifiers: { 'de.stnr': '143/123/45674' },
        registeredAddress: { line1: 'Leopoldstraße 20', city: 'München', postalCode: '80802', country: 'DE' },
        phone: '+49 1512 3456789',
        representative: { firstName: 'Sophie', lastName: 'Wagner' },
      },
    },
    {
      name: 'a GmbH whose USt-IdNr has a wrong check digit',
      expect: 'reject',
      rejectFields: ['identifiers[eu.vat]'],
      registration: {
        legalForm: 'de.gmbh',
        legalName: 'Spreewald Manufaktur GmbH',
        identifiers: { 'de.stnr': '21/815/08150', 'de.hrn': 'HRB 123456 B', 'eu.vat': 'DE278456126' },
        registeredAddress: { line1: 'Friedrichstraße 123', city: 'Berlin', postalCode: '10117', country: 'DE' },
        phone: '+49 30 12345678',
        representative: { firstName: 'Jonas', lastName: 'Becker' },
      },
    },
    {
      name: 'a GmbH giving a (valid) French VAT number instead of a German one',
      expect: 'reject',
      rejectFields: ['identifiers[eu.vat]'],
      registration: {
        legalForm: 'de.gmbh',
        legalName: 'Spreewald Manufaktur GmbH',
        identifiers: { 'de.stnr': '21/815/08150', 'de.hrn': 'HRB 123456 B', 'eu.vat': 'FR81841234560' },
        registeredAddress: { line1: 'Friedrichstraße 123', city: 'Berlin', postalCode: '10117', country: 'DE' },
        phone: '+49 30 12345678',
        representative: { firstName: 'Jonas', lastName: 'Becker' },
      },
    },
    {
      name: 'an Einzelunternehmen with a four-digit postal code',
      expect: 'reject',
      rejectFields: ['registeredAddress.postalCode'],
      registration: {
        legalForm: 'de.einzelunternehmen',
        legalName: 'Holzwerk Sophie Wagner',
        identifiers: { 'de.stnr': '143/123/45674' },
        registeredAddress: { line1: 'Leopoldstraße 20', city: 'München', postalCode: '8080', country: 'DE' },
        phone: '+49 1512 3456789',
        representative: { firstName: 'Sophie', lastName: 'Wagner' },
      },
    },
  ],
};
