import { TR_PROVINCES } from './regions';
import type { CountryPackInput } from '../pack/schema';

/**
 * Türkiye. Sole proprietors register with their T.C. Kimlik No (their tax number); Ltd. and A.Ş.
 * with VKN + MERSİS. Stripe has no Turkish Connect accounts, so payouts go by local TRY bank
 * transfer (IBAN). Document lists are compliance policy.
 */
const COMPANY_IDENTIFIERS = [
  {
    type: 'tr.vkn',
    required: true,
    purpose: 'tax_id',
    label: {
      en: 'Tax identification number (VKN, 10 digits)',
      ru: 'Налоговый идентификационный номер (VKN, 10 цифр)',
      tr: 'Vergi Kimlik Numarası (VKN, 10 haneli)',
      it: 'Numero di identificazione fiscale (VKN, 10 cifre)',
      es: 'Número de identificación fiscal (VKN, 10 dígitos)',
    },
  },
  {
    type: 'tr.mersis',
    required: true,
    purpose: 'registry',
    label: {
      en: 'MERSİS number (Central Registry System, 16 digits)',
      ru: 'Номер MERSİS (центральная регистрационная система, 16 цифр)',
      tr: 'MERSİS numarası (Merkezi Sicil Kayıt Sistemi, 16 haneli)',
      it: 'Numero MERSİS (sistema centrale di registrazione, 16 cifre)',
      es: 'Número MERSİS (Sistema Central de Registro, 16 dígitos)',
    },
  },
] as const;

const COMPANY_DOCUMENTS = [
  { type: 'tr.vergi_levhasi', required: true, condition: 'always' },
  { type: 'tr.ticaret_sicil_gazetesi', required: true, condition: 'always' },
  { type: 'tr.imza_sirkuleri', required: true, condition: 'always' },
  { type: 'tr.faaliyet_belgesi', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'tr.etbis_kaydi', required: false, condition: 'always' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const TR: CountryPackInput = {
  country: 'TR',
  seedRevision: 4,
  name: { en: 'Türkiye', ru: 'Турция', tr: 'Türkiye', it: 'Turchia', es: 'Turquía' },
  sellerLocales: ['tr'],
  currencies: { default: 'TRY', payout: ['TRY'] },
  legalForms: [
    {
      code: 'tr.sahis',
      localName: 'Şahıs şirketi (şahıs işletmesi)',
      sellerType: 'individual',
      label: {
        en: 'Sole proprietorship (şahıs şirketi)',
        ru: 'Индивидуальное предприятие (şahıs şirketi)',
        tr: 'Şahıs şirketi',
        it: 'Impresa individuale (şahıs şirketi)',
        es: 'Empresa individual (şahıs şirketi)',
      },
      eligibility: { allowed: true },
      identifiers: [
        {
          type: 'tr.tckn',
          required: true,
          purpose: 'tax_id',
          label: {
            en: 'Turkish ID number (T.C. Kimlik No), used as the tax number',
            ru: 'Турецкий идентификационный номер (T.C. Kimlik No), используется как налоговый номер',
            tr: 'T.C. Kimlik Numarası (vergi numarası olarak kullanılır)',
            it: "Numero d'identità turco (T.C. Kimlik No), usato come numero fiscale",
            es: 'Número de identidad turco (T.C. Kimlik No), usado como número fiscal',
          },
        },
      ],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'tr.vergi_levhasi', required: true, condition: 'always' },
        { type: 'tr.faaliyet_belgesi', required: true, condition: 'always' },
        { type: 'tr.imza_beyannamesi', required: true, condition: 'always' },
        { type: 'proof_of_address', required: true, condition: 'always' },
        { type: 'tr.etbis_kaydi', required: false, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'tr.ltd',
      localName: 'Limited Şirketi',
      abbreviation: 'Ltd. Şti.',
      sellerType: 'company',
      label: {
        en: 'Limited liability company (Ltd. Şti.)',
        ru: 'Общество с ограниченной ответственностью (Ltd. Şti.)',
        tr: 'Limited Şirketi (Ltd. Şti.)',
        it: 'Società a responsabilità limitata (Ltd. Şti.)',
        es: 'Sociedad de responsabilidad limitada (Ltd. Şti.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'tr.as',
      localName: 'Anonim Şirketi',
      abbreviation: 'A.Ş.',
      sellerType: 'company',
      label: {
        en: 'Joint-stock company (A.Ş.)',
        ru: 'Акционерное общество (A.Ş.)',
        tr: 'Anonim Şirketi (A.Ş.)',
        it: 'Società per azioni (A.Ş.)',
        es: 'Sociedad anónima (A.Ş.)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'tr.kollektif',
      localName: 'Kollektif Şirket',
      abbreviation: 'Koll. Şti.',
      sellerType: 'partnership',
      label: {
        en: 'General partnership (Kollektif Şirket)',
        ru: 'Полное товарищество (Kollektif Şirket)',
        tr: 'Kollektif Şirket',
        it: 'Società in nome collettivo (Kollektif Şirket)',
        es: 'Sociedad colectiva (Kollektif Şirket)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
  ],
  documentTypes: [
    {
      code: 'tr.vergi_levhasi',
      label: {
        en: 'Tax plate (vergi levhası)',
        ru: 'Налоговое свидетельство (vergi levhası)',
        tr: 'Vergi levhası',
        it: 'Certificato di registrazione fiscale (vergi levhası)',
        es: 'Certificado de registro fiscal (vergi levhası)',
      },
    },
    {
      code: 'tr.ticaret_sicil_gazetesi',
      label: {
        en: 'Trade Registry Gazette (Ticaret Sicil Gazetesi): incorporation and latest changes',
        ru: 'Вестник торгового реестра (Ticaret Sicil Gazetesi): учреждение и последние изменения',
        tr: 'Ticaret Sicil Gazetesi (kuruluş ve son değişiklikler)',
        it: 'Gazzetta del registro di commercio (Ticaret Sicil Gazetesi): costituzione e ultime modifiche',
        es: 'Boletín del Registro Mercantil (Ticaret Sicil Gazetesi): constitución y últimos cambios',
      },
    },
    {
      code: 'tr.imza_sirkuleri',
      label: {
        en: 'Notarised signature circular (imza sirküleri)',
        ru: 'Нотариально заверенный циркуляр подписей (imza sirküleri)',
        tr: 'Noter onaylı imza sirküleri',
        it: 'Specimen di firma autenticato dal notaio (imza sirküleri)',
        es: 'Registro de firmas autorizadas certificado por notario (imza sirküleri)',
      },
    },
    {
      code: 'tr.imza_beyannamesi',
      label: {
        en: 'Signature declaration (imza beyannamesi)',
        ru: 'Декларация образца подписи (imza beyannamesi)',
        tr: 'İmza beyannamesi',
        it: 'Dichiarazione di firma (imza beyannamesi)',
        es: 'Declaración de firma (imza beyannamesi)',
      },
    },
    {
      code: 'tr.faaliyet_belgesi',
      maxAgeDays: 180,
      label: {
        en: "Certificate of activity from the chamber of commerce or the tradesmen's chamber (faaliyet belgesi), at most 6 months old",
        ru: 'Справка о деятельности от торговой палаты или палаты ремесленников (faaliyet belgesi), не старше 6 месяцев',
        tr: 'Ticaret odası veya esnaf odasından alınmış faaliyet belgesi (en fazla 6 aylık)',
        it: 'Certificato di attività della camera di commercio o della camera degli artigiani (faaliyet belgesi), non più vecchio di 6 mesi',
        es: 'Certificado de actividad de la cámara de comercio o de la cámara de artesanos (faaliyet belgesi), de no más de 6 meses',
      },
    },
    {
      code: 'tr.etbis_kaydi',
      label: {
        en: 'Electronic Commerce Information System (ETBİS) registration',
        ru: 'Регистрация в Информационной системе электронной торговли (ETBİS)',
        tr: 'Elektronik Ticaret Bilgi Sistemi (ETBİS) kaydı',
        it: 'Iscrizione al Sistema informativo del commercio elettronico (ETBİS)',
        es: 'Registro en el Sistema de Información de Comercio Electrónico (ETBİS)',
      },
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: {
        en: "Turkish ID card or passport of the owner or legal representative",
        ru: 'Турецкое удостоверение личности или паспорт владельца или законного представителя',
        tr: 'İşletme sahibinin veya yasal temsilcinin T.C. kimlik kartı ya da pasaportu',
        it: "Carta d'identità turca o passaporto del titolare o del legale rappresentante",
        es: 'Documento de identidad turco o pasaporte del titular o del representante legal',
      },
    },
    {
      code: 'proof_of_address',
      label: {
        en: 'Proof of residence (ikametgah belgesi)',
        ru: 'Справка о месте жительства (ikametgah belgesi)',
        tr: 'İkametgah belgesi',
        it: 'Certificato di residenza (ikametgah belgesi)',
        es: 'Certificado de residencia (ikametgah belgesi)',
      },
    },
    {
      code: 'trademark_certificate',
      label: { en: 'Trademark registration certificate', ru: 'Свидетельство о регистрации товарного знака', tr: 'Marka tescil belgesi', it: 'Certificato di registrazione del marchio', es: 'Certificado de registro de marca' },
    },
  ],
  address: {
    postalCode: {
      pattern: '^(0[1-9]|[1-7]\\d|8[01])\\d{3}$',
      example: '34710',
      label: { en: 'Postal code', ru: 'Почтовый индекс', tr: 'Posta kodu', it: 'Codice postale', es: 'Código postal' },
    },
    regionRequired: true,
    regionLabel: { en: 'Province (il)', ru: 'Провинция (ил)', tr: 'İl', it: 'Provincia (il)', es: 'Provincia (il)' },
    regions: TR_PROVINCES,
  },
  phone: { sameCountryOnly: false, example: '+90 501 234 56 78' },
  bank: { type: 'iban', ibanCountry: 'TR', example: 'TR060006200000006291234567' },
  payouts: { available: true, rails: ['bank_transfer'] },
  obligations: { shipFromCountries: ['TR'], minReturnWindowDays: 14, warrantyMonths: 24, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: false, fourEyesReview: false, uboThresholdPercent: 25 },
  // Turkish citizens' ID cards and passports carry the T.C. Kimlik No (research §2.2)
  personIdNumber: {
    types: ['tr.tckn'],
    label: {
      en: 'T.C. identity number (T.C. Kimlik No, 11 digits)',
      ru: 'Идентификационный номер гражданина Турции (T.C. Kimlik No, 11 цифр)',
      tr: 'T.C. Kimlik No (11 haneli)',
      it: 'Numero di identità turco (T.C. Kimlik No, 11 cifre)',
      es: 'Número de identidad turco (T.C. Kimlik No, 11 dígitos)',
    },
  },
  sources: [
    { title: 'Law No. 6502 on Consumer Protection (Tüketicinin Korunması Hakkında Kanun), art. 12: 2-year liability for defective goods' },
    { title: 'Mesafeli Sözleşmeler Yönetmeliği (Distance Contracts Regulation, 2014), art. 9: 14-day right of withdrawal' },
    { title: 'Turkish Commercial Code No. 6102 (Türk Ticaret Kanunu): limited and joint-stock companies, trade registry and MERSİS' },
    { title: 'Law No. 6563 on the Regulation of Electronic Commerce: ETBİS registration of e-commerce service providers' },
    { title: 'Airwallex: payouts to Türkiye (TRY to local bank accounts by transfer)', url: 'https://www.airwallex.com/docs/payouts/payout-network/turkey' },
    { title: 'Stripe Connect: supported countries (Türkiye is not a Connect account country)', url: 'https://docs.stripe.com/connect/cross-border-payouts' },
  ],
  samples: [
    {
      name: 'a Limited Şirketi in İzmir with valid VKN and MERSİS',
      expect: 'accept',
      registration: {
        legalForm: 'tr.ltd',
        legalName: 'Ege Tekstil Sanayi ve Ticaret Limited Şirketi',
        identifiers: { 'tr.vkn': '7345120982', 'tr.mersis': '0734512098200017' },
        registeredAddress: { line1: 'Alsancak Mah. Atatürk Cad. No: 112', line2: 'Kat 3', city: 'Konak', region: 'İzmir', postalCode: '35220', country: 'TR' },
        phone: '+90 532 123 45 67',
        representative: { firstName: 'Ayşe', lastName: 'Yılmaz' },
      },
    },
    {
      name: 'an Anonim Şirketi in İstanbul shipping from its own warehouse',
      expect: 'accept',
      registration: {
        legalForm: 'tr.as',
        legalName: 'Boğaziçi Seramik Anonim Şirketi',
        identifiers: { 'tr.vkn': '2810367547', 'tr.mersis': '0281036754700019' },
        registeredAddress: { line1: 'Caferağa Mah. Moda Cad. No: 45', city: 'Kadıköy', region: 'İstanbul', postalCode: '34710', country: 'TR' },
        phone: '+90 216 345 67 89',
        shipFrom: { line1: 'Tuzla Organize Sanayi Bölgesi, 4. Cad. No: 8', city: 'Tuzla', region: 'İstanbul', postalCode: '34957', country: 'TR' },
        representative: { firstName: 'Emre', lastName: 'Şahin' },
      },
    },
    {
      name: 'a şahıs şirketi registered with the T.C. Kimlik No of its owner',
      expect: 'accept',
      registration: {
        legalForm: 'tr.sahis',
        legalName: 'Mehmet Demir - Demir El Sanatları',
        identifiers: { 'tr.tckn': '34567890170' },
        registeredAddress: { line1: 'Cumhuriyet Meydanı No: 7', city: 'Ürgüp', region: 'Nevşehir', postalCode: '50400', country: 'TR' },
        phone: '+90 501 234 56 78',
        representative: { firstName: 'Mehmet', lastName: 'Demir' },
      },
    },
    {
      name: 'a Limited Şirketi whose VKN has a wrong check digit',
      expect: 'reject',
      rejectFields: ['identifiers[tr.vkn]'],
      registration: {
        legalForm: 'tr.ltd',
        legalName: 'Ege Tekstil Sanayi ve Ticaret Limited Şirketi',
        identifiers: { 'tr.vkn': '7345120983', 'tr.mersis': '0734512098300017' },
        registeredAddress: { line1: 'Alsancak Mah. Atatürk Cad. No: 112', city: 'Konak', region: 'İzmir', postalCode: '35220', country: 'TR' },
        phone: '+90 532 123 45 67',
        representative: { firstName: 'Ayşe', lastName: 'Yılmaz' },
      },
    },
    {
      name: 'a Limited Şirketi whose MERSİS number has only 15 digits',
      expect: 'reject',
      rejectFields: ['identifiers[tr.mersis]'],
      registration: {
        legalForm: 'tr.ltd',
        legalName: 'Ege Tekstil Sanayi ve Ticaret Limited Şirketi',
        identifiers: { 'tr.vkn': '7345120982', 'tr.mersis': '073451209820001' },
        registeredAddress: { line1: 'Alsancak Mah. Atatürk Cad. No: 112', city: 'Konak', region: 'İzmir', postalCode: '35220', country: 'TR' },
        phone: '+90 532 123 45 67',
        representative: { firstName: 'Ayşe', lastName: 'Yılmaz' },
      },
    },
    {
      name: 'a şahıs şirketi with a postal code of a province that does not exist (99)',
      expect: 'reject',
      rejectFields: ['registeredAddress.postalCode'],
      registration: {
        legalForm: 'tr.sahis',
        legalName: 'Mehmet Demir - Demir El Sanatları',
        identifiers: { 'tr.tckn': '34567890170' },
        registeredAddress: { line1: 'Cumhuriyet Meydanı No: 7', city: 'Ürgüp', region: 'Nevşehir', postalCode: '99400', country: 'TR' },
        phone: '+90 501 234 56 78',
        representative: { firstName: 'Mehmet', lastName: 'Demir' },
      },
    },
  ],
};
