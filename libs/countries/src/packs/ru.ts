import type { CountryPackInput } from '../pack/schema';

/**
 * Russia. Every legal form may register, but payouts are off: EU sanctions (Reg. 833/2014 Art. 5b)
 * and the absence of Stripe leave no rail an EU platform may use by default. Registrations get
 * enhanced due diligence and a second reviewer. Document lists are compliance policy.
 */
const INN_PERSON = {
  type: 'ru.inn',
  required: true,
  purpose: 'tax_id',
  label: {
    en: 'Personal taxpayer number (INN, 12 digits)',
    ru: 'ИНН физического лица (12 цифр)',
    tr: 'Kişisel vergi kimlik numarası (INN, 12 haneli)',
    it: 'Codice fiscale personale (INN, 12 cifre)',
    es: 'Número de identificación fiscal personal (INN, 12 dígitos)',
  },
  example: '123456789047',
} as const;

const COMPANY_IDENTIFIERS = [
  {
    type: 'ru.inn',
    required: true,
    purpose: 'tax_id',
    label: {
      en: 'Taxpayer number of the organisation (INN, 10 digits)',
      ru: 'ИНН организации (10 цифр)',
      tr: 'Kuruluşun vergi kimlik numarası (INN, 10 haneli)',
      it: "Codice fiscale dell'organizzazione (INN, 10 cifre)",
      es: 'Número de identificación fiscal de la organización (INN, 10 dígitos)',
    },
  },
  {
    type: 'ru.kpp',
    required: true,
    purpose: 'tax_id',
    label: {
      en: 'Tax registration reason code (KPP)',
      ru: 'КПП (код причины постановки на учёт)',
      tr: 'Vergi kaydı neden kodu (KPP)',
      it: 'Codice del motivo di registrazione fiscale (KPP)',
      es: 'Código de motivo de inscripción fiscal (KPP)',
    },
  },
  {
    type: 'ru.ogrn',
    required: true,
    purpose: 'registry',
    label: {
      en: 'Primary state registration number (OGRN, 13 digits)',
      ru: 'ОГРН (основной государственный регистрационный номер, 13 цифр)',
      tr: 'Ana devlet tescil numarası (OGRN, 13 haneli)',
      it: 'Numero principale di registrazione statale (OGRN, 13 cifre)',
      es: 'Número principal de registro estatal (OGRN, 13 dígitos)',
    },
  },
] as const;

const COMPANY_DOCUMENTS = [
  { type: 'ru.egrul_extract', required: true, condition: 'always' },
  { type: 'ru.charter', required: true, condition: 'always' },
  { type: 'ru.director_appointment', required: true, condition: 'always' },
  { type: 'representative_id', required: true, condition: 'always' },
  { type: 'ru.company_card', required: false, condition: 'always' },
  { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
] as const;

export const RU: CountryPackInput = {
  country: 'RU',
  seedRevision: 3,
  name: { en: 'Russia', ru: 'Россия', tr: 'Rusya', it: 'Russia', es: 'Rusia' },
  sellerLocales: ['ru'],
  currencies: { default: 'RUB', payout: ['RUB'] },
  legalForms: [
    {
      code: 'ru.ip',
      localName: 'Индивидуальный предприниматель',
      abbreviation: 'ИП',
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
        INN_PERSON,
        {
          type: 'ru.ogrnip',
          required: true,
          purpose: 'registry',
          label: {
            en: 'Primary state registration number of the entrepreneur (OGRNIP, 15 digits)',
            ru: 'ОГРНИП (основной государственный регистрационный номер ИП, 15 цифр)',
            tr: 'Bireysel girişimcinin ana devlet tescil numarası (OGRNIP, 15 haneli)',
            it: "Numero principale di registrazione statale dell'imprenditore (OGRNIP, 15 cifre)",
            es: 'Número principal de registro estatal del empresario (OGRNIP, 15 dígitos)',
          },
        },
      ],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'ru.egrip_extract', required: true, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'ru.npd',
      localName: 'Самозанятый (плательщик налога на профессиональный доход)',
      abbreviation: 'НПД',
      sellerType: 'individual',
      label: {
        en: 'Self-employed (professional income tax payer, NPD)',
        ru: 'Самозанятый (плательщик НПД)',
        tr: 'Serbest çalışan (profesyonel gelir vergisi mükellefi, NPD)',
        it: "Lavoratore autonomo (contribuente dell'imposta sul reddito professionale, NPD)",
        es: 'Trabajador autónomo (contribuyente del impuesto sobre la renta profesional, NPD)',
      },
      eligibility: { allowed: true },
      identifiers: [INN_PERSON],
      documents: [
        { type: 'representative_id', required: true, condition: 'always' },
        { type: 'ru.npd_certificate', required: true, condition: 'always' },
        { type: 'trademark_certificate', required: true, condition: 'brand_declared' },
      ],
    },
    {
      code: 'ru.ooo',
      localName: 'Общество с ограниченной ответственностью',
      abbreviation: 'ООО',
      sellerType: 'company',
      label: {
        en: 'Limited liability company (OOO)',
        ru: 'Общество с ограниченной ответственностью (ООО)',
        tr: 'Limited şirket (OOO)',
        it: 'Società a responsabilità limitata (OOO)',
        es: 'Sociedad de responsabilidad limitada (OOO)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'ru.ao',
      localName: 'Акционерное общество (в том числе публичное)',
      abbreviation: 'АО / ПАО',
      sellerType: 'company',
      label: {
        en: 'Joint-stock company (AO / PAO)',
        ru: 'Акционерное общество (АО / ПАО)',
        tr: 'Anonim şirket (AO / PAO)',
        it: 'Società per azioni (AO / PAO)',
        es: 'Sociedad anónima (AO / PAO)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
    {
      code: 'ru.pt',
      localName: 'Полное товарищество',
      abbreviation: 'ПТ',
      sellerType: 'partnership',
      label: {
        en: 'General partnership (polnoye tovarishchestvo)',
        ru: 'Полное товарищество',
        tr: 'Kollektif şirket (polnoye tovarişçestvo)',
        it: 'Società in nome collettivo (polnoye tovariščestvo)',
        es: 'Sociedad colectiva (polnoye továrishchestvo)',
      },
      eligibility: { allowed: true },
      identifiers: [...COMPANY_IDENTIFIERS],
      documents: [...COMPANY_DOCUMENTS],
    },
  ],
  documentTypes: [
    {
      code: 'ru.egrip_extract',
      maxAgeDays: 30,
      label: {
        en: 'Extract from the Unified State Register of Individual Entrepreneurs (EGRIP), electronic with the Federal Tax Service signature, at most 30 days old',
        ru: 'Выписка из ЕГРИП в электронной форме с подписью ФНС, не старше 30 дней',
        tr: 'Bireysel Girişimciler Birleşik Devlet Sicili (EGRIP) özeti, Federal Vergi Servisi imzalı elektronik belge, en fazla 30 günlük',
        it: 'Estratto del Registro statale unificato degli imprenditori individuali (EGRIP), elettronico con firma del Servizio fiscale federale, non più vecchio di 30 giorni',
        es: 'Extracto del Registro Estatal Unificado de Empresarios Individuales (EGRIP), electrónico con firma del Servicio Federal de Impuestos, de no más de 30 días',
      },
    },
    {
      code: 'ru.egrul_extract',
      maxAgeDays: 30,
      label: {
        en: 'Extract from the Unified State Register of Legal Entities (EGRUL), electronic with the Federal Tax Service signature, at most 30 days old',
        ru: 'Выписка из ЕГРЮЛ в электронной форме с подписью ФНС, не старше 30 дней',
        tr: 'Tüzel Kişiler Birleşik Devlet Sicili (EGRUL) özeti, Federal Vergi Servisi imzalı elektronik belge, en fazla 30 günlük',
        it: 'Estratto del Registro statale unificato delle persone giuridiche (EGRUL), elettronico con firma del Servizio fiscale federale, non più vecchio di 30 giorni',
        es: 'Extracto del Registro Estatal Unificado de Personas Jurídicas (EGRUL), electrónico con firma del Servicio Federal de Impuestos, de no más de 30 días',
      },
    },
    {
      code: 'ru.npd_certificate',
      label: {
        en: 'Certificate of registration as a professional income tax (NPD) payer, from the "Moy nalog" app',
        ru: 'Справка о постановке на учёт в качестве плательщика НПД (из приложения «Мой налог»)',
        tr: '"Moy nalog" uygulamasından alınan profesyonel gelir vergisi (NPD) mükellefiyet kayıt belgesi',
        it: "Certificato di iscrizione come contribuente dell'imposta sul reddito professionale (NPD), dall'app «Moy nalog»",
        es: 'Certificado de alta como contribuyente del impuesto sobre la renta profesional (NPD), de la aplicación «Moy nalog»',
      },
    },
    {
      code: 'ru.charter',
      label: { en: 'Charter (ustav)', ru: 'Устав', tr: 'Esas sözleşme (ustav)', it: 'Statuto (ustav)', es: 'Estatutos (ustav)' },
    },
    {
      code: 'ru.director_appointment',
      label: {
        en: 'Decision or minutes appointing the general director',
        ru: 'Решение или протокол о назначении генерального директора',
        tr: 'Genel müdürün atanmasına ilişkin karar veya tutanak',
        it: 'Delibera o verbale di nomina del direttore generale',
        es: 'Decisión o acta de nombramiento del director general',
      },
    },
    {
      code: 'ru.company_card',
      label: {
        en: 'Company details card (INN, KPP, OGRN, BIK, bank account)',
        ru: 'Карточка предприятия (ИНН, КПП, ОГРН, БИК, расчётный счёт)',
        tr: 'Şirket bilgi kartı (INN, KPP, OGRN, BIK, banka hesabı)',
        it: 'Scheda anagrafica della società (INN, KPP, OGRN, BIK, conto bancario)',
        es: 'Ficha de datos de la empresa (INN, KPP, OGRN, BIK, cuenta bancaria)',
      },
    },
    {
      code: 'representative_id', person: 'representative', expiresOn: 'optional',
      label: {
        en: 'Passport of the entrepreneur or of the legal representative',
        ru: 'Паспорт предпринимателя или законного представителя',
        tr: 'Girişimcinin veya yasal temsilcinin pasaportu',
        it: "Passaporto dell'imprenditore o del legale rappresentante",
        es: 'Pasaporte del empresario o del representante legal',
      },
    },
    {
      code: 'trademark_certificate',
      label: { en: 'Trademark registration certificate', ru: 'Свидетельство о регистрации товарного знака', tr: 'Marka tescil belgesi', it: 'Certificato di registrazione del marchio', es: 'Certificado de registro de marca' },
    },
  ],
  address: {
    postalCode: {
      pattern: '^\\d{6}$',
      example: '105082',
      label: { en: 'Postal code', ru: 'Почтовый индекс', tr: 'Posta kodu', it: 'Codice postale', es: 'Código postal' },
    },
    regionRequired: true,
    regionLabel: { en: 'Region (federal subject)', ru: 'Субъект РФ (регион)', tr: 'Bölge (federal özne)', it: 'Regione (soggetto federale)', es: 'Región (sujeto federal)' },
  },
  phone: { sameCountryOnly: false, example: '+7 912 345 67 89' },
  bank: { type: 'ru_account', example: '044525225/40702810538000123456' },
  payouts: {
    available: false,
    reason: 'SANCTIONS_POLICY',
    explanation: {
      en: 'Payouts to Russia are not available. EU sanctions (Council Regulation (EU) No 833/2014, Art. 5b) prohibit EU payment service providers from serving Russian residents and entities established in Russia by default, and Stripe does not support Russia. You can still register; payouts stay disabled until our compliance team confirms a lawful payout route.',
      ru: 'Выплаты в Россию недоступны. Санкции ЕС (Регламент Совета (ЕС) № 833/2014, ст. 5b) по умолчанию запрещают платёжным сервисам ЕС обслуживать резидентов России и организации, учреждённые в России; Stripe также не работает с Россией. Зарегистрироваться можно, но выплаты останутся отключены, пока наша служба комплаенса не подтвердит законный способ выплаты.',
      tr: "Rusya'ya ödeme yapılamıyor. AB yaptırımları (Konsey Tüzüğü (AB) No 833/2014, madde 5b), AB ödeme hizmeti sağlayıcılarının varsayılan olarak Rusya'da yerleşik kişilere ve Rusya'da kurulmuş kuruluşlara hizmet vermesini yasaklar; Stripe da Rusya'yı desteklemez. Kayıt olabilirsiniz, ancak uyum ekibimiz yasal bir ödeme yolunu onaylayana kadar ödemeler kapalı kalır.",
      it: "I pagamenti verso la Russia non sono disponibili. Le sanzioni dell'UE (regolamento (UE) n. 833/2014 del Consiglio, art. 5 ter) vietano, in via generale, ai prestatori di servizi di pagamento dell'UE di servire i residenti in Russia e le entità stabilite in Russia; inoltre Stripe non supporta la Russia. Puoi comunque registrarti, ma i pagamenti restano disattivati finché il nostro team di compliance non conferma un canale di pagamento lecito.",
      es: 'Los pagos a Rusia no están disponibles. Las sanciones de la UE (Reglamento (UE) n.º 833/2014 del Consejo, art. 5 ter) prohíben, por defecto, que los proveedores de servicios de pago de la UE presten servicio a residentes en Rusia y a entidades establecidas en Rusia; además, Stripe no opera en Rusia. Puede registrarse, pero los pagos seguirán desactivados hasta que nuestro equipo de cumplimiento confirme una vía de pago lícita.',
    },
  },
  obligations: { shipFromCountries: ['RU'], minReturnWindowDays: 7, warrantyMonths: 24, maxShopsPerCompany: 1 },
  risk: { enhancedDueDiligence: true, fourEyesReview: true, uboThresholdPercent: 25 },
  sources: [
    { title: 'Council Regulation (EU) No 833/2014, Art. 5b: no payment services to Russian residents and Russia-established entities', url: 'https://eur-lex.europa.eu/eli/reg/2014/833/oj' },
    { title: 'Stripe: Impact of sanctions on Russia and Belarus (Russia not supported)', url: 'https://support.stripe.com/questions/impact-of-sanctions-on-russia-and-belarus' },
    { title: 'Приказ Минфина России от 30.10.2017 № 165н, п. 7: structure and check digit of ОГРН / ОГРНИП' },
    { title: 'Федеральный закон от 27.11.2018 № 422-ФЗ (НПД): self-employed may not resell goods bought from others (ст. 4 ч. 2 п. 2)' },
    { title: 'Закон РФ от 07.02.1992 № 2300-1 «О защите прав потребителей»: ст. 26.1 (7-day refusal of goods sold at a distance), ст. 19 (defect claims within 2 years when no warranty period is set)' },
    { title: 'Федеральный закон от 07.08.2001 № 115-ФЗ: beneficial owner holds more than 25 %' },
  ],
  samples: [
    {
      name: 'an OOO in Moscow with valid INN, KPP and OGRN, shipping from a Moscow-region warehouse',
      expect: 'accept',
      registration: {
        legalForm: 'ru.ooo',
        legalName: 'ООО «Северный ветер»',
        identifiers: { 'ru.inn': '7719543217', 'ru.kpp': '771901001', 'ru.ogrn': '1207700456787' },
        registeredAddress: { line1: 'ул. Большая Почтовая, д. 26', line2: 'офис 305', city: 'Москва', region: 'Москва', postalCode: '105082', country: 'RU' },
        phone: '+7 916 123 45 67',
        shipFrom: { line1: 'Складская ул., д. 5', city: 'Подольск', region: 'Московская область', postalCode: '142100', country: 'RU' },
        representative: { firstName: 'Анна', lastName: 'Смирнова' },
      },
    },
    {
      name: 'an IP whose OGRNIP check digit comes from a remainder of 10 (mod 13)',
      expect: 'accept',
      registration: {
        legalForm: 'ru.ip',
        legalName: 'ИП Кузнецов Дмитрий Сергеевич',
        identifiers: { 'ru.inn': '500812345676', 'ru.ogrnip': '321508101234030' },
        registeredAddress: { line1: 'ул. Московская, д. 12, кв. 48', city: 'Химки', region: 'Московская область', postalCode: '141400', country: 'RU' },
        phone: '+7 912 345 67 89',
        representative: { firstName: 'Дмитрий', lastName: 'Кузнецов' },
      },
    },
    {
      name: 'a self-employed (NPD) seller with a 12-digit INN only',
      expect: 'accept',
      registration: {
        legalForm: 'ru.npd',
        legalName: 'Волкова Екатерина Андреевна',
        identifiers: { 'ru.inn': '661234567874' },
        registeredAddress: { line1: 'ул. Малышева, д. 51, кв. 17', city: 'Екатеринбург', region: 'Свердловская область', postalCode: '620014', country: 'RU' },
        phone: '+7 912 345 67 89',
        representative: { firstName: 'Екатерина', lastName: 'Волкова' },
      },
    },
    {
      name: 'an OOO whose INN has a wrong check digit',
      expect: 'reject',
      rejectFields: ['identifiers[ru.inn]'],
      registration: {
        legalForm: 'ru.ooo',
        legalName: 'ООО «Северный ветер»',
        identifiers: { 'ru.inn': '7719543218', 'ru.kpp': '771901001', 'ru.ogrn': '1207700456787' },
        registeredAddress: { line1: 'ул. Большая Почтовая, д. 26', city: 'Москва', region: 'Москва', postalCode: '105082', country: 'RU' },
        phone: '+7 916 123 45 67',
        representative: { firstName: 'Анна', lastName: 'Смирнова' },
      },
    },
    {
      name: 'an OOO whose OGRN has a wrong check digit',
      expect: 'reject',
      rejectFields: ['identifiers[ru.ogrn]'],
      registration: {
        legalForm: 'ru.ooo',
        legalName: 'ООО «Северный ветер»',
        identifiers: { 'ru.inn': '7719543217', 'ru.kpp': '771901001', 'ru.ogrn': '1207700456788' },
        registeredAddress: { line1: 'ул. Большая Почтовая, д. 26', city: 'Москва', region: 'Москва', postalCode: '105082', country: 'RU' },
        phone: '+7 916 123 45 67',
        representative: { firstName: 'Анна', lastName: 'Смирнова' },
      },
    },
    {
      name: 'an IP with a five-digit postal code',
      expect: 'reject',
      rejectFields: ['registeredAddress.postalCode'],
      registration: {
        legalForm: 'ru.ip',
        legalName: 'ИП Кузнецов Дмитрий Сергеевич',
        identifiers: { 'ru.inn': '500812345676', 'ru.ogrnip': '321508101234030' },
        registeredAddress: { line1: 'ул. Московская, д. 12, кв. 48', city: 'Химки', region: 'Московская область', postalCode: '14140', country: 'RU' },
        phone: '+7 912 345 67 89',
        representative: { firstName: 'Дмитрий', lastName: 'Кузнецов' },
      },
    },
    {
      name: 'a self-employed seller giving a 10-digit INN of an organisation',
      expect: 'reject',
      rejectFields: ['identifiers[ru.inn]'],
      registration: {
        legalForm: 'ru.npd',
        legalName: 'Волкова Екатерина Андреевна',
        identifiers: { 'ru.inn': '7719543217' },
        registeredAddress: { line1: 'ул. Малышева, д. 51, кв. 17', city: 'Екатеринбург', region: 'Свердловская область', postalCode: '620014', country: 'RU' },
        phone: '+7 912 345 67 89',
        representative: { firstName: 'Екатерина', lastName: 'Волкова' },
      },
    },
  ],
};
