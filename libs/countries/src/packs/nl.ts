import type { CountryPackInput } from '../pack/schema';

/**
 * The Netherlands, defined entirely as data: its national numbers are pack `identifierTypes`
 * built from the generic rules, not code. KvK-nummer (Handelsregister, 8 digits, no check digit),
 * RSIN (9 digits, 11-test in its BSN/RSIN form: weights 9…2 and -1) and BSN (the same test) for
 * persons' ID numbers; the btw-id is the built-in `eu.vat` (NL + 9 digits + B + 2 digits). The
 * btw-id is not cross-checked with the RSIN: sole traders' btw-ids are no longer derived from
 * their BSN (since 2020) and fiscal units get their own. Document lists are compliance policy.
 */
const L = (en: string, ru: string, tr: string, it: string, es: string) => ({ en, ru, tr, it, es });

const ELEVEN_TEST = [9, 8, 7, 6, 5, 4, 3, 2, -1];

const KVK = {
  type: 'nl.kvk',
  required: true,
  purpose: 'registry',
  label: L(
    'Chamber of Commerce number (KvK-nummer, 8 digits)',
    'Номер в Торговой палате (KvK-nummer, 8 цифр)',
    'Ticaret Odası numarası (KvK-nummer, 8 haneli)',
    'Numero della Camera di commercio (KvK-nummer, 8 cifre)',
    'Número de la Cámara de Comercio (KvK-nummer, 8 dígitos)',
  ),
} as const;

const RSIN = (required: boolean) =>
  ({
    type: 'nl.rsin',
    required,
    purpose: 'tax_id',
    label: L(
      'Legal entities and partnerships information number (RSIN, 9 digits)',
      'Идентификационный номер юрлиц и товариществ (RSIN, 9 цифр)',
      'Tüzel kişi ve ortaklık bilgi numarası (RSIN, 9 haneli)',
      'Numero di identificazione di enti e società di persone (RSIN, 9 cifre)',
      'Número de información de personas jurídicas y sociedades (RSIN, 9 dígitos)',
    ),
  }) as const;

const BTW = {
  type: 'eu.vat',
  required: false,
  purpose: 'vat',
  prefix: 'NL',
  label: L('VAT identification number (btw-id)', 'Номер плательщика НДС (btw-id)', 'KDV kimlik numarası (btw-id)', 'Partita IVA olandese (btw-id)', 'Número de IVA (btw-id)'),
} as const;

const ADDRESS = { line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' };

export const NL: CountryPackInput = {
  country: 'NL',
  seedRevision: 2,
  name: L('Netherlands', 'Нидерланды', 'Hollanda', 'Paesi Bassi', 'Países Bajos'),
  sellerLocales: ['en'],
  currencies: { default: 'EUR', payout: ['EUR'] },
  identifierTypes: [
    {
      code: 'nl.kvk',
      name: L('KvK number', 'Номер KvK', 'KvK numarası', 'Numero KvK', 'Número KvK'),
      example: '69599084',
      rule: {
        normalize: { strip: ['spaces', 'dots', 'dashes'], upperCase: true },
        lengths: [8],
        pattern: '^\\d{8}$',
        checkDigit: { algorithm: 'none' },
        valueCheck: { ranges: [{ min: '00000001', max: '99999999' }] },
      },
    },
    {
      code: 'nl.rsin',
      name: L('RSIN', 'RSIN', 'RSIN', 'RSIN', 'RSIN'),
      example: '004495445',
      rule: {
        normalize: { strip: ['spaces', 'dots', 'dashes'], upperCase: true },
        lengths: [9],
        checkDigit: { algorithm: 'weighted_mod11', weights: ELEVEN_TEST },
        valueCheck: { ranges: [{ min: '000000001', max: '999999999' }] },
      },
    },
    {
      code: 'nl.bsn',
      name: L('Citizen service number (BSN)', 'Гражданский сервисный номер (BSN)', 'Vatandaş hizmet numarası (BSN)', 'Numero di servizio del cittadino (BSN)', 'Número de servicio al ciudadano (BSN)'),
      example: '111222333',
      rule: {
        normalize: { strip: ['spaces', 'dots', 'dashes'], upperCase: true },
        lengths: [9],
        checkDigit: { algorithm: 'weighted_mod11', weights: ELEVEN_TEST },
        valueCheck: { ranges: [{ min: '000000001', max: '999999999' }] },
      },
    },
  ],
  legalForms: [
    {
      code: 'nl.eenmanszaak',
      localName: 'Eenmanszaak',
      sellerType: 'individual',
      label: L('Sole proprietorship (eenmanszaak)', 'Индивидуальное предприятие (eenmanszaak)', 'Şahıs işletmesi (eenmanszaak)', 'Ditta individuale (eenmanszaak)', 'Empresa individual (eenmanszaak)'),
      eligibility: { allowed: true },
      identifiers: [KVK, BTW],
      documents: [
        { type: 'nl.kvk_extract', required: true, condition: 'always' },
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'nl.vof',
      localName: 'Vennootschap onder firma',
      abbreviation: 'V.O.F.',
      sellerType: 'partnership',
      label: L('General partnership (V.O.F.)', 'Полное товарищество (V.O.F.)', 'Kollektif şirket (V.O.F.)', 'Società in nome collettivo (V.O.F.)', 'Sociedad colectiva (V.O.F.)'),
      eligibility: { allowed: true },
      identifiers: [KVK, RSIN(false), BTW],
      documents: [
        { type: 'nl.kvk_extract', required: true, condition: 'always' },
        { type: 'nl.partnership_agreement', required: false, condition: 'always' },
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'nl.bv',
      localName: 'Besloten vennootschap met beperkte aansprakelijkheid',
      abbreviation: 'B.V.',
      sellerType: 'company',
      label: L('Private limited company (B.V.)', 'Закрытое акционерное общество (B.V.)', 'Limited şirket (B.V.)', 'Società a responsabilità limitata (B.V.)', 'Sociedad limitada (B.V.)'),
      eligibility: { allowed: true },
      identifiers: [KVK, RSIN(true), BTW],
      documents: [
        { type: 'nl.kvk_extract', required: true, condition: 'always' },
        { type: 'nl.ubo_extract', required: true, condition: 'always' },
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
  ],
  documentTypes: [
    {
      code: 'nl.kvk_extract',
      maxAgeDays: 90,
      label: L(
        'Chamber of Commerce extract (uittreksel KvK), at most 3 months old',
        'Выписка из Торговой палаты (uittreksel KvK), не старше 3 месяцев',
        'Ticaret Odası kaydı (uittreksel KvK), en fazla 3 aylık',
        'Visura della Camera di commercio (uittreksel KvK), non più vecchia di 3 mesi',
        'Extracto de la Cámara de Comercio (uittreksel KvK), de no más de 3 meses',
      ),
    },
    {
      code: 'nl.partnership_agreement',
      label: L('Partnership agreement (vennootschapscontract)', 'Договор товарищества (vennootschapscontract)', 'Ortaklık sözleşmesi (vennootschapscontract)', 'Contratto di società (vennootschapscontract)', 'Contrato de sociedad (vennootschapscontract)'),
    },
    {
      code: 'nl.ubo_extract',
      label: L('Extract from the UBO register', 'Выписка из реестра бенефициаров (UBO-register)', 'Gerçek faydalanıcı sicili özeti (UBO-register)', 'Estratto del registro dei titolari effettivi (UBO-register)', 'Extracto del registro de titulares reales (UBO-register)'),
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: L(
        'ID card or passport of the owner, a partner or the legal representative',
        'Удостоверение личности или паспорт владельца, партнёра или законного представителя',
        'İşletme sahibinin, bir ortağın veya yasal temsilcinin kimlik kartı ya da pasaportu',
        "Carta d'identità o passaporto del titolare, di un socio o del legale rappresentante",
        'Documento de identidad o pasaporte del titular, de un socio o del representante legal',
      ),
    },
    {
      code: 'trademark_certificate',
      label: L('Trademark registration certificate', 'Свидетельство о регистрации товарного знака', 'Marka tescil belgesi', 'Certificato di registrazione del marchio', 'Certificado de registro de marca'),
    },
  ],
  address: {
    postalCode: { pattern: '^[1-9]\\d{3}[A-Z]{2}$', example: '1012LG', label: L('Postcode', 'Почтовый индекс', 'Posta kodu', 'CAP (postcode)', 'Código postal') },
    regionRequired: false,
  },
  phone: { sameCountryOnly: false, example: '+31 6 12345678' },
  bank: { type: 'iban', ibanCountry: 'NL', example: 'NL91ABNA0417164300' },
  payouts: { available: true, rails: ['stripe_connect', 'bank_transfer'] },
  obligations: { shipFromCountries: ['NL'], minReturnWindowDays: 14, warrantyMonths: 24, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  personIdNumber: {
    types: ['nl.bsn'],
    label: L('Citizen service number (BSN, 9 digits)', 'Гражданский сервисный номер (BSN, 9 цифр)', 'Vatandaş hizmet numarası (BSN, 9 haneli)', 'Numero di servizio del cittadino (BSN, 9 cifre)', 'Número de servicio al ciudadano (BSN, 9 dígitos)'),
  },
  sources: [
    { title: 'Kamer van Koophandel: rechtsvormen, KvK-nummer (8 digits) and RSIN', url: 'https://www.kvk.nl/' },
    { title: 'Belastingdienst: btw-identificatienummer (NL + 9 digits + B + 2 digits)', url: 'https://www.belastingdienst.nl/' },
    { title: 'Wet algemene bepalingen burgerservicenummer: BSN and its 11-test' },
    { title: 'Burgerlijk Wetboek 7:7 (14-day withdrawal) and 7:17 (conformity); Directive (EU) 2019/771' },
  ],
  samples: [
    {
      name: 'a B.V. in Amsterdam with KvK number, RSIN and btw-id',
      expect: 'accept',
      registration: {
        legalForm: 'nl.bv',
        legalName: 'Tulpenhandel Amsterdam B.V.',
        identifiers: { 'nl.kvk': '69599084', 'nl.rsin': '004495445', 'eu.vat': 'NL004495445B01' },
        registeredAddress: ADDRESS,
        phone: '+31 6 12345678',
        representative: { firstName: 'Sanne', lastName: 'de Vries' },
      },
    },
    {
      name: 'a V.O.F. of two partners with its KvK number',
      expect: 'accept',
      registration: {
        legalForm: 'nl.vof',
        legalName: 'Bakkerij Jansen & de Boer V.O.F.',
        identifiers: { 'nl.kvk': '12345678' },
        registeredAddress: { line1: 'Oudegracht 100', city: 'Utrecht', postalCode: '3511 AX', country: 'NL' },
        phone: '+31 30 123 4567',
        representative: { firstName: 'Pieter', lastName: 'Jansen' },
      },
    },
    {
      name: 'a B.V. whose RSIN fails the 11-test',
      expect: 'reject',
      rejectFields: ['identifiers[nl.rsin]'],
      registration: {
        legalForm: 'nl.bv',
        legalName: 'Tulpenhandel Amsterdam B.V.',
        identifiers: { 'nl.kvk': '69599084', 'nl.rsin': '004495446' },
        registeredAddress: ADDRESS,
        phone: '+31 6 12345678',
        representative: { firstName: 'Sanne', lastName: 'de Vries' },
      },
    },
    {
      name: 'an eenmanszaak with a seven-digit KvK number and a Belgian VAT number',
      expect: 'reject',
      rejectFields: ['identifiers[eu.vat]', 'identifiers[nl.kvk]'],
      registration: {
        legalForm: 'nl.eenmanszaak',
        legalName: 'Fietsenmaker Bakker',
        identifiers: { 'nl.kvk': '6959908', 'eu.vat': 'BE0428759497' },
        registeredAddress: ADDRESS,
        phone: '+31 6 12345678',
        representative: { firstName: 'Jan', lastName: 'Bakker' },
      },
    },
  ],
};
