import type { LocalizedTextParam } from '@app/kernel';
import type { CountryPackDocument, Label } from './schema';

/**
 * How the fields of a registration body are NAMED to sellers: one label per field in every
 * language. The country spec (`GET /v1/countries/{cc}`) shows these labels and the registration
 * check names the same field by the same label in its messages, so a seller reads in an error
 * exactly what the form showed, never a path such as `registeredAddress.postalCode`. Where a pack
 * labels a field itself (postal code, region, identifiers), the pack's label wins.
 */
export const FIELD_LABELS = {
  legalForm: { en: 'Legal form', ru: 'Организационно-правовая форма', tr: 'Şirket türü', it: 'Forma giuridica', es: 'Forma jurídica' },
  legalName: { en: 'Registered name', ru: 'Полное наименование', tr: 'Ticaret unvanı', it: 'Ragione sociale', es: 'Razón social' },
  tradingName: { en: 'Trading name', ru: 'Торговое название', tr: 'İşletme adı', it: 'Nome commerciale', es: 'Nombre comercial' },
  identifiers: { en: 'Tax and registry numbers', ru: 'Налоговые и регистрационные номера', tr: 'Vergi ve sicil numaraları', it: 'Numeri fiscali e di registro', es: 'Números fiscales y registrales' },
  registeredAddress: { en: 'Registered address', ru: 'Юридический адрес', tr: 'Kayıtlı adres', it: 'Sede legale', es: 'Domicilio social' },
  shipFrom: { en: 'Dispatch address', ru: 'Адрес отправки', tr: 'Gönderim adresi', it: 'Indirizzo di spedizione', es: 'Dirección de envío' },
  line1: { en: 'Street and number', ru: 'Улица и дом', tr: 'Cadde/sokak ve numara', it: 'Via e numero civico', es: 'Calle y número' },
  line2: { en: 'Address line 2', ru: 'Адрес, строка 2', tr: 'Adres satırı 2', it: 'Indirizzo, riga 2', es: 'Dirección, línea 2' },
  city: { en: 'City', ru: 'Город', tr: 'Şehir / ilçe', it: 'Città', es: 'Ciudad' },
  region: { en: 'Region', ru: 'Регион', tr: 'Bölge', it: 'Regione', es: 'Región' },
  postalCode: { en: 'Postal code', ru: 'Почтовый индекс', tr: 'Posta kodu', it: 'Codice postale', es: 'Código postal' },
  country: { en: 'Country', ru: 'Страна', tr: 'Ülke', it: 'Paese', es: 'País' },
  phone: { en: 'Phone', ru: 'Телефон', tr: 'Telefon', it: 'Telefono', es: 'Teléfono' },
  website: { en: 'Website', ru: 'Сайт', tr: 'Web sitesi', it: 'Sito web', es: 'Sitio web' },
  representative: { en: 'Legal representative', ru: 'Законный представитель', tr: 'Yasal temsilci', it: 'Legale rappresentante', es: 'Representante legal' },
  firstName: { en: 'Representative’s first name', ru: 'Имя представителя', tr: 'Yetkilinin adı', it: 'Nome del rappresentante', es: 'Nombre del representante' },
  lastName: { en: 'Representative’s last name', ru: 'Фамилия представителя', tr: 'Yetkilinin soyadı', it: 'Cognome del rappresentante', es: 'Apellidos del representante' },
  brands: { en: 'Brands you sell under', ru: 'Бренды, под которыми вы продаёте', tr: 'Satış yaptığınız markalar', it: 'Marchi con cui vendi', es: 'Marcas con las que vendes' },
  brand: { en: 'Brand', ru: 'Бренд', tr: 'Marka', it: 'Marchio', es: 'Marca' },
  vatRegistered: { en: 'Registered for VAT', ru: 'Зарегистрирован как плательщик НДС', tr: 'KDV mükellefi', it: 'Iscritto ai fini IVA', es: 'Dado de alta en el IVA' },
} as const satisfies Record<string, Label>;

export type FieldName = keyof typeof FIELD_LABELS;

/** Help texts of the spec, one per field that needs one, in every language. `{{example}}` is filled in. */
export const FIELD_HELP = {
  tradingName: {
    en: 'Only if you trade under another name than the registered one; buyers see it.',
    ru: 'Только если вы работаете под другим названием, чем зарегистрированное; его видят покупатели.',
    tr: 'Yalnızca kayıtlı unvandan farklı bir adla satış yapıyorsanız; alıcılar bu adı görür.',
    it: 'Solo se operi con un nome diverso da quello registrato; gli acquirenti lo vedono.',
    es: 'Solo si operas con un nombre distinto del registrado; los compradores lo ven.',
  },
  phone: {
    en: 'With the country code, for example {{example}}.',
    ru: 'С кодом страны, например {{example}}.',
    tr: 'Ülke koduyla birlikte, örneğin {{example}}.',
    it: 'Con il prefisso internazionale, ad esempio {{example}}.',
    es: 'Con el prefijo del país, por ejemplo {{example}}.',
  },
  phoneLocal: {
    en: 'A number of this country, with the country code, for example {{example}}.',
    ru: 'Номер этой страны с кодом страны, например {{example}}.',
    tr: 'Bu ülkeye ait bir numara, ülke koduyla birlikte, örneğin {{example}}.',
    it: 'Un numero di questo paese, con il prefisso internazionale, ad esempio {{example}}.',
    es: 'Un número de este país, con el prefijo del país, por ejemplo {{example}}.',
  },
  website: {
    en: 'Starting with https://, for example {{example}}.',
    ru: 'Начинается с https://, например {{example}}.',
    tr: 'https:// ile başlar, örneğin {{example}}.',
    it: 'Inizia con https://, ad esempio {{example}}.',
    es: 'Empieza por https://, por ejemplo {{example}}.',
  },
  brands: {
    en: 'Leave empty if you sell no branded goods; each brand asks for its trademark certificate.',
    ru: 'Оставьте пустым, если не продаёте товары под брендом; для каждого бренда нужно свидетельство о товарном знаке.',
    tr: 'Markalı ürün satmıyorsanız boş bırakın; her marka için tescil belgesi istenir.',
    it: 'Lascia vuoto se non vendi prodotti di marca; per ogni marchio serve il certificato di registrazione.',
    es: 'Déjalo vacío si no vendes productos de marca; cada marca requiere su certificado de registro.',
  },
  vatRegistered: {
    en: 'Tick if your business is registered for VAT; the VAT certificate is then asked for.',
    ru: 'Отметьте, если ваша компания зарегистрирована как плательщик НДС; тогда понадобится свидетельство.',
    tr: 'İşletmeniz KDV mükellefiyse işaretleyin; bu durumda KDV belgesi istenir.',
    it: 'Spunta se la tua attività è iscritta ai fini IVA; ti verrà chiesto il certificato.',
    es: 'Márcalo si tu empresa está dada de alta en el IVA; entonces se pide el certificado.',
  },
} as const satisfies Record<string, Label>;

const LOCALES = ['en', 'ru', 'tr', 'it', 'es'] as const;

/** Combines labels per language: `compose([a, b], (x, y) => `${x} (${y})`)`. */
export function composeLabels(labels: readonly Label[], join: (...parts: string[]) => string): Label {
  return Object.fromEntries(LOCALES.map((l) => [l, join(...labels.map((label) => label[l]))])) as Label;
}

const subLabel = (pack: Pick<CountryPackDocument, 'address'>, key: string): Label | undefined => {
  if (key === 'postalCode') return pack.address.postalCode.label;
  if (key === 'region') return pack.address.regionLabel ?? FIELD_LABELS.region;
  return (FIELD_LABELS as Record<string, Label>)[key];
};

/**
 * The label of a registration field by its detail path (`registeredAddress.postalCode`,
 * `identifiers[es.cif]`, `brands[2]`), as the seller reads it; undefined for a path the body does
 * not have (an unknown field is named by what the seller sent).
 */
export function registrationFieldLabel(pack: Pick<CountryPackDocument, 'address' | 'legalForms'>, path: string, legalForm?: string): Label | undefined {
  const id = /^identifiers\[(.+)\]$/.exec(path);
  if (id) {
    const forms = legalForm ? pack.legalForms.filter((f) => f.code === legalForm) : pack.legalForms;
    return forms.flatMap((f) => f.identifiers).find((r) => r.type === id[1])?.label;
  }
  const brand = /^brands\[(\d+)\]$/.exec(path);
  if (brand) return composeLabels([FIELD_LABELS.brand], (b) => `${b} ${Number(brand[1]) + 1}`);
  const [head, sub, ...rest] = path.split('.');
  if (rest.length) return undefined;
  if (!sub) return (FIELD_LABELS as Record<string, Label>)[head];
  if (head === 'registeredAddress' || head === 'shipFrom') {
    const label = subLabel(pack, sub);
    return label && composeLabels([label, FIELD_LABELS[head]], (s, g) => `${s} (${g})`);
  }
  if (head === 'representative' && (sub === 'firstName' || sub === 'lastName')) return FIELD_LABELS[sub];
  return undefined;
}

/** A field named in a message: its label in every language, or (only for fields the body does not have) what the seller sent. */
export function fieldParam(pack: Pick<CountryPackDocument, 'address' | 'legalForms'>, path: string, legalForm?: string): LocalizedTextParam | string {
  const label = registrationFieldLabel(pack, path, legalForm);
  return label ? { text: label } : path;
}

/** Obligations and person roles as sentences of the spec; `{{n}}` / `{{list}}` are filled in. */
export const SPEC_TEXTS = {
  shipFromCountries: { en: 'Goods ship from: {{list}}', ru: 'Товары отправляются из: {{list}}', tr: 'Ürünlerin gönderildiği ülkeler: {{list}}', it: 'Le merci partono da: {{list}}', es: 'Los productos se envían desde: {{list}}' },
  minReturnWindowDays: { en: 'Returns accepted for at least {{n}} days', ru: 'Возврат принимается не менее {{n}} дней', tr: 'İadeler en az {{n}} gün kabul edilir', it: 'Resi accettati per almeno {{n}} giorni', es: 'Devoluciones aceptadas durante al menos {{n}} días' },
  warrantyMonths: { en: 'Legal guarantee: {{n}} months', ru: 'Гарантия по закону: {{n}} мес.', tr: 'Yasal garanti: {{n}} ay', it: 'Garanzia legale: {{n}} mesi', es: 'Garantía legal: {{n}} meses' },
  maxShopsPerCompany: { en: 'Shops per business: at most {{n}}', ru: 'Магазинов на одну компанию: не более {{n}}', tr: 'İşletme başına mağaza: en fazla {{n}}', it: 'Negozi per attività: al massimo {{n}}', es: 'Tiendas por empresa: como máximo {{n}}' },
  representative: { en: 'The legal representative (exactly one)', ru: 'Законный представитель (ровно один)', tr: 'Yasal temsilci (tam olarak bir kişi)', it: 'Il legale rappresentante (esattamente uno)', es: 'El representante legal (exactamente uno)' },
  owner: { en: 'Every owner with a share of at least {{n}} %', ru: 'Каждый владелец с долей не менее {{n}} %', tr: 'Payı en az %{{n}} olan her ortak', it: 'Ogni titolare con una quota di almeno il {{n}} %', es: 'Cada titular con una participación de al menos el {{n}} %' },
  partner: { en: 'Every partner (at least {{n}})', ru: 'Каждый участник товарищества (не менее {{n}})', tr: 'Her ortak (en az {{n}})', it: 'Ogni socio (almeno {{n}})', es: 'Cada socio (al menos {{n}})' },
  issuedOn: { en: 'Issue date (YYYY-MM-DD, for example 2026-11-02)', ru: 'Дата выдачи (ГГГГ-ММ-ДД, например 2026-11-02)', tr: 'Düzenlenme tarihi (YYYY-AA-GG, örneğin 2026-11-02)', it: 'Data di rilascio (AAAA-MM-GG, ad esempio 2026-11-02)', es: 'Fecha de expedición (AAAA-MM-DD, por ejemplo 2026-11-02)' },
  expiresOn: { en: 'Expiry date (YYYY-MM-DD, for example 2031-05-20)', ru: 'Срок действия (ГГГГ-ММ-ДД, например 2031-05-20)', tr: 'Geçerlilik tarihi (YYYY-AA-GG, örneğin 2031-05-20)', it: 'Data di scadenza (AAAA-MM-GG, ad esempio 2031-05-20)', es: 'Fecha de caducidad (AAAA-MM-DD, por ejemplo 2031-05-20)' },
} as const satisfies Record<string, Label>;

/** Fills `{{name}}` placeholders of a label in one language. */
export const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
