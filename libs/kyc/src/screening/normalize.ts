/**
 * Name normalisation for sanctions screening.
 *
 * Pipeline for one raw name (person or company):
 *   1. Unicode NFKC (full-width letters, ligatures such as "ﬁ", compatibility forms).
 *   2. Turkish-aware case folding: İ→i, I→i, ı→i (and the stray U+0307 that `toLowerCase()` leaves
 *      after "İ"), so İBRAHİM / Ibrahim / IBRAHIM / ıbrahim all meet. `toLocaleLowerCase('tr')` is NOT
 *      used: it maps "I"→"ı", which splits IBRAHIM from Ibrahim.
 *   3. Tokenisation: any non letter/digit separates tokens, apostrophes are removed inside words
 *      (Dar'ya, O'Neil), dotted abbreviations are joined (A.Ş. → "as", S.r.l. → "srl", Ltd.Şti. → ltd, sti).
 *   4. Per token, an ASCII primary form plus alternatives:
 *      - Cyrillic: our own multi-scheme transliterator (BGN/PCGN, ICAO 9303, "English" -y / -i endings,
 *        ISO 9 / scholarly (diacritics folded), GOST 7.79-B, German (Duden), French, г→h, Ukrainian
 *        national). One Cyrillic token therefore yields several romanisations (Щербаков → shcherbakov,
 *        scherbakow, scerbakov, shherbakov, chtcherbakov…). any-ascii is NOT used for Cyrillic: it gives
 *        exactly one romanisation (Юрий → "Yuriy", Дарья → "Dar'ya") and cannot produce Iurii/Yury/Yuri.
 *      - Everything else: any-ascii (tested: ş→s, ğ→g, ç→c, ö→o, ü→u, é→e, Ø→o, ß→ss, Ł→l, ı→i,
 *        İ→i, Greek, Arabic…). Plain NFD + mark-stripping was rejected: it leaves ı, Ø, ß, Ł, ł intact
 *        (Ağrı → "Agrı") and breaks Ukrainian ї into Cyrillic і.
 *      - Mixed Latin/Cyrillic tokens (homoglyph evasion such as "Ivanоv" with a Cyrillic "о") are
 *        mapped to Latin look-alikes first.
 *   5. A phonetic "skeleton" key per alternative (see `skeleton()`): collapses transliteration
 *      differences (shch/sch/sc/sh/š, kh/h, zh/ž, ts/tz/c, y/j/i, w/v, x/ks, oe/ö, doubled letters, the
 *      -iy/-ii/-y endings, iotated vowels). Equal skeletons = "near" (same name, other romanisation).
 *   6. Given-name equivalence classes: strong (romanisations of one native name that the skeleton
 *      cannot merge: Aleksandr/Alexander/Aleksander, Nikolai/Nicolai, Mikhail/Michail, Ibrahim/Ibragim…)
 *      and weak (cross-language equivalents: Mikhail/Michael, Mehmet/Muhammad, Pyotr/Peter — only
 *      good enough for a manual review).
 *   7. Company legal forms removed (ООО, LLC, Ltd. Şti., A.Ş., S.r.l., S.L., GmbH, "obshchestvo s
 *      ogranichennoy otvetstvennostyu", "limited şirketi", "società a responsabilità limitata"…) unless
 *      the name is known to be a person's. Short ambiguous forms (as, sa, ao, co…) only at either end.
 *   8. Russian patronymics flagged (-ovich/-evich/-ovna/-evna/-ichna/-ich…, Cyrillic -ович/-евич/…)
 *      when the name has ≥ 3 tokens and the token is not the first one, so a match can treat them as
 *      optional. Particles (al, bin, de, van, ve, and…) are flagged optional.
 */
import anyAscii from 'any-ascii';

export interface NormalizedToken {
  /** Primary ASCII form (BGN/PCGN-style for Cyrillic, any-ascii otherwise), e.g. "shcherbakov". */
  text: string;
  /** Alternative romanisations, primary first (only Cyrillic tokens have more than one). */
  variants: string[];
  /** Skeleton keys of all variants + strong given-name class keys. Equal keys ⇒ near match. */
  keys: string[];
  /** Weak (cross-language) given-name class keys, prefixed with "~". */
  weakKeys: string[];
  /** Canonical key of the token (given-name class if any, else skeleton of the primary form). */
  canon: string;
  /** Russian/Ukrainian patronymic (optional when matching). */
  patronymic: boolean;
  /** Particle or generic word (al, bin, de, van, ve, trading…): never required for a match. */
  optional: boolean;
}

export interface NormalizedName {
  original: string;
  /** Primary token forms after legal-form removal, in input order. */
  tokens: string[];
  /** Per token: alternative romanisations (primary first). */
  variants: string[][];
  /** Sorted canonical keys of the required tokens (order-independent identity of the name). */
  key: string;
  /** Full token details used by the matcher. */
  parts: NormalizedToken[];
  /** Legal-form tokens that were removed (primary forms). */
  legalForms: string[];
}

export interface NormalizeOptions {
  /** 'person' disables legal-form removal; default: legal forms are removed. */
  kind?: 'person' | 'entity' | 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Case folding and tokenisation
// ---------------------------------------------------------------------------------------------

/** NFKC + Turkish-aware lowercase: İ/I/ı/i all become "i". */
export function foldCase(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\u0130/g, 'I') // İ (capital dotted I)
    .toLowerCase()
    .replace(/\u0131/g, 'i') // ı (dotless i)
    .replace(/\u0307/g, ''); // combining dot above (left by "İ".toLowerCase() in other paths)
}

const APOSTROPHES = /['\u2018\u2019\u02BC\u02B9\u02BB\u0060\u00B4\u2032]/g;
const ABBREVIATION = /^(?:[\p{L}\p{N}]\.){2,}$|^(?:[\p{L}\p{N}]\.)+[\p{L}\p{N}]$/u;

/** Splits folded text into raw tokens (still in their original script). */
export function rawTokens(folded: string): string[] {
  const out: string[] = [];
  const chunks = folded.replace(APOSTROPHES, '').split(/[^\p{L}\p{M}\p{N}.]+/u);
  for (const chunk of chunks) {
    if (!chunk) continue;
    if (ABBREVIATION.test(chunk)) {
      out.push(chunk.replace(/\./g, ''));
      continue;
    }
    for (const part of chunk.split('.')) if (part) out.push(part);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cyrillic → Latin, several schemes
// ---------------------------------------------------------------------------------------------

const CYR_RE = /[\u0400-\u052F]/;
const LAT_RE = /[a-z\u00C0-\u024F]/;
const CYR_VOWELS = new Set([...'аеёиоуыэюяіїєў']);

/** BGN/PCGN-like base table (lowercase), with non-Russian Cyrillic letters for completeness. */
const CYR_BASE: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian / Belarusian
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
  // Serbian / Macedonian
  ђ: 'dj', ћ: 'c', џ: 'dz', љ: 'lj', њ: 'nj', ј: 'j', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  // Kazakh and other Turkic
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u',
};

interface CyrScheme {
  map: Record<string, string>;
  /** е at word start / after a vowel, ь or ъ. */
  eSoft: string;
  /** ё at word start / after a vowel, ь or ъ, and after consonants. */
  yoSoft: string;
  yoHard: string;
  /** Word-final -ий / -ый. */
  iyEnd?: string;
  yyEnd?: string;
  /** German: с between vowels → ss. */
  ssBetweenVowels?: boolean;
}

function scheme(overrides: Record<string, string>, rest: Omit<CyrScheme, 'map'>): CyrScheme {
  return { map: { ...CYR_BASE, ...overrides }, ...rest };
}

const SCHEMES: CyrScheme[] = [
  // 0 — BGN/PCGN (primary): Yevgeniy, Yuriy, Shcherbakov, Dar'ya → darya
  scheme({}, { eSoft: 'ye', yoSoft: 'ye', yoHard: 'e' }),
  // 1 — ICAO 9303 (Russian passports since 2013): Iurii, Aleksandr, Daria, Podieiachev
  scheme({ й: 'i', ъ: 'ie', ю: 'iu', я: 'ia', ї: 'i', є: 'ie' }, { eSoft: 'e', yoSoft: 'e', yoHard: 'e' }),
  // 2 — common English, -y ending: Yury, Dmitry, Evgeny, Fyodor
  scheme({}, { eSoft: 'e', yoSoft: 'yo', yoHard: 'yo', iyEnd: 'y', yyEnd: 'y' }),
  // 3 — common English, -i ending: Yuri, Dmitri, Georgi
  scheme({}, { eSoft: 'e', yoSoft: 'yo', yoHard: 'e', iyEnd: 'i', yyEnd: 'y' }),
  // 4 — ISO 9 / scholarly with diacritics folded: Ščerbakov → scerbakov, Žukov → zukov, Jurij
  scheme(
    { ж: 'z', й: 'j', х: 'h', ц: 'c', ч: 'c', ш: 's', щ: 'sc', ю: 'ju', я: 'ja', ї: 'ji', є: 'je', ы: 'y' },
    { eSoft: 'e', yoSoft: 'e', yoHard: 'e' },
  ),
  // 5 — GOST 7.79-2000 system B: shh, x, cz, j
  scheme({ й: 'j', х: 'x', ц: 'cz', щ: 'shh' }, { eSoft: 'e', yoSoft: 'yo', yoHard: 'yo' }),
  // 6 — German (Duden): Schtscherbakow, Juri, Tschaikowski, Schukow
  scheme(
    { в: 'w', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja' },
    { eSoft: 'je', yoSoft: 'jo', yoHard: 'jo', iyEnd: 'i', ssBetweenVowels: true },
  ),
  // 7 — French: Chtcherbakov, Iouri, Joukov, Tchaïkovski
  scheme(
    { ж: 'j', у: 'ou', х: 'kh', ч: 'tch', ш: 'ch', щ: 'chtch', й: 'i', ю: 'iou', я: 'ia' },
    { eSoft: 'ie', yoSoft: 'io', yoHard: 'io', iyEnd: 'i' },
  ),
  // 8 — г read as h (foreign names in Russian: Ибрагим → Ibrahim, Гусейн → Huseyn)
  scheme({ г: 'h' }, { eSoft: 'ye', yoSoft: 'ye', yoHard: 'e' }),
];

/** Ukrainian national system (2010): г→h, и→y, ї→i/yi, є→ie/ye. Only used when the name is Ukrainian. */
const UKR_SCHEME = scheme(
  { г: 'h', и: 'y', й: 'i', ю: 'iu', я: 'ia', є: 'ie', ї: 'i' },
  { eSoft: 'e', yoSoft: 'e', yoHard: 'e' },
);
const UKR_LETTERS = /[іїєґ]/;

function transliterate(token: string, s: CyrScheme): string {
  let out = '';
  const n = token.length;
  for (let i = 0; i < n; i++) {
    const ch = token[i];
    const prev = i > 0 ? token[i - 1] : '';
    const next = i + 1 < n ? token[i + 1] : '';
    const soft = i === 0 || CYR_VOWELS.has(prev) || prev === 'ь' || prev === 'ъ';
    if ((ch === 'и' || ch === 'ы') && next === 'й' && i + 2 === n) {
      const end = ch === 'и' ? s.iyEnd : s.yyEnd;
      out += end ?? (s.map[ch] ?? '') + (s.map['й'] ?? '');
      i++;
      continue;
    }
    if (ch === 'е') {
      out += soft ? s.eSoft : 'e';
      continue;
    }
    if (ch === 'ё') {
      out += soft ? s.yoSoft : s.yoHard;
      continue;
    }
    if (ch === 'с' && s.ssBetweenVowels && CYR_VOWELS.has(prev) && CYR_VOWELS.has(next)) {
      out += 'ss';
      continue;
    }
    const m = s.map[ch];
    if (m !== undefined) out += m;
    else if (CYR_RE.test(ch)) out += anyAscii(ch).toLowerCase();
    else out += ch;
  }
  return out;
}

/** Lowercase Cyrillic letters that look like Latin letters (for mixed-script evasion). */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
};

/** All romanisations of a lowercase token (primary first), each already ASCII [a-z0-9]. */
export function romanize(token: string, ukrainian = false): string[] {
  let t = token;
  if (CYR_RE.test(t) && LAT_RE.test(t)) {
    // Mixed script inside one word is almost always homoglyph substitution ("Ivanоv").
    t = [...t].map((c) => HOMOGLYPHS[c] ?? c).join('');
  }
  if (!CYR_RE.test(t)) {
    const ascii = cleanAscii(anyAscii(t));
    return ascii ? [ascii] : [];
  }
  const schemes = ukrainian || UKR_LETTERS.test(t) ? [...SCHEMES, UKR_SCHEME] : SCHEMES;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of schemes) {
    const v = cleanAscii(anyAscii(transliterate(t, s)));
    if (v && !seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

function cleanAscii(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Phonetic skeleton
// ---------------------------------------------------------------------------------------------

const SKEL_RE = /schtsch|shch|chtch|szcz|tsch|sch|sc(?=[eiy])|shh|tch|sh|sz|ch|cz|ts|tz|kh|zh|ph|ck|gh|x|w|q|y|j/g;
const SKEL_MAP: Record<string, string> = {
  schtsch: 's', shch: 's', chtch: 's', szcz: 's', tsch: 'c', sch: 's', sc: 's', shh: 's', tch: 'c',
  sh: 's', sz: 's', ch: 'c', cz: 'c', ts: 'c', tz: 'c', kh: 'h', zh: 'z', ph: 'f', ck: 'k', gh: 'g',
  x: 'ks', w: 'v', q: 'k', y: 'i', j: 'i',
};

/**
 * Transliteration-insensitive key of an ASCII token. Examples:
 *   shcherbakov, scherbakow, scerbakov (Ščerbakov), sherbakov, chtcherbakov → "serbakov"
 *   yuri, yury, yuriy, iurii, juri, jurij, iouri → "uri";  sergeyev, sergeev, sergejew → "sergev"
 *   sahin (Şahin), shahin → "sahin";  gokce (Gökçe), goekce, gokche → "gokce"
 * Why not a stock phonetic algorithm: talisman's double-metaphone was tested and rejected — it
 * returns '' for Cyrillic, "N" for ŞAHİN and "RPKF" for Ščerbakov (non-ASCII letters are dropped),
 * and even on ASCII it separates Shcherbakov (XXRP) from Scherbakow (XRPK) and Sherbakov (XRPK ≠ XXRP).
 * Collisions between genuinely different names are possible (e.g. Chan/Can); the matcher therefore
 * scores a skeleton-only equality below an identical primary form, and always needs every required
 * token of both names.
 */
export function skeleton(ascii: string): string {
  let s = ascii.replace(SKEL_RE, (m) => SKEL_MAP[m] ?? m);
  s = s.replace(/(.)\1+/g, '$1'); // doubled letters first: beloousenko (French у = ou) → belousenko
  s = s.replace(/oe/g, 'o').replace(/ue/g, 'u').replace(/ae/g, 'a').replace(/ou/g, 'u');
  s = s.replace(/([aeiou])i(?=[aeou])/g, '$1'); // iotation between vowels: sergeiev → sergeev, cvetaieva
  s = s.replace(/^i(?=[aeou])/, ''); // initial iotation: iuri → uri, ievgeni → evgeni, iakov → akov
  s = s.replace(/ie(?=v)/g, 'e'); // -iev/-yev/-ev: grigoriev → grigorev
  s = s.replace(/(.)\1+/g, '$1'); // doubled letters: gennadii → genadi
  return s || ascii;
}

// ---------------------------------------------------------------------------------------------
// Given-name classes
// ---------------------------------------------------------------------------------------------

/** Romanisations of one native name that the skeleton does not merge by itself. */
const STRONG_NAME_GROUPS: string[][] = [
  ['aleksandr', 'alexander', 'aleksander', 'alexandr', 'alexandre', 'alekzandr'],
  ['aleksandra', 'alexandra', 'aleksandra'],
  ['nikolay', 'nikolai', 'nicolai', 'nikolaj', 'nicolay'],
  ['mikhail', 'mihail', 'michail', 'mikhayl', 'mikhael'],
  ['sergey', 'sergei', 'serguei', 'sergej', 'serghei'],
  ['andrey', 'andrei', 'andrej'],
  ['dmitry', 'dmitri', 'dmitriy', 'dmitrii', 'dimitri', 'dimitry', 'dmitrij'],
  ['fyodor', 'fedor', 'feodor', 'fiodor', 'fjodor', 'fiodor'],
  ['pyotr', 'petr', 'piotr', 'pjotr', 'pyetr'],
  ['semyon', 'semen', 'semion', 'semjon'],
  ['artyom', 'artem', 'artiom', 'artjom'],
  ['alyona', 'alena', 'aliona', 'aljona'],
  ['aleksey', 'alexey', 'alexei', 'aleksei', 'aleksej', 'alexej', 'alexeï'],
  ['yevgeny', 'evgeny', 'evgeniy', 'yevgeniy', 'evgenii', 'evgenij', 'jewgeni', 'evgueni'],
  ['georgy', 'georgiy', 'georgii', 'georgi', 'gheorghi'],
  ['ilya', 'ilia', 'ilja', 'ilyas'],
  ['yulia', 'yuliya', 'julia', 'iuliia', 'ioulia', 'juliya'],
  ['vyacheslav', 'viacheslav', 'wjatscheslaw', 'vjaceslav'],
  ['ksenia', 'kseniya', 'xenia', 'ksenija'],
  ['ibrahim', 'ibragim', 'ibrahym'],
  ['huseyin', 'huseyn', 'guseyn', 'gusein', 'husein', 'hussein', 'husseyn'],
  ['hasan', 'khasan', 'hassan', 'gasan'],
  ['mehmet', 'mekhmet', 'mehmed'],
  ['mahmut', 'mahmud', 'mahmoud', 'makhmud', 'mahmood'],
  ['abdurrahman', 'abdulrahman', 'abdurahman', 'abdelrahman', 'abdoulrahman', 'abdurakhman'],
  ['abdullah', 'abdulla', 'abdallah', 'abdoullah'],
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'muhammed', 'mukhammad', 'mukhammed', 'muhamad', 'mohamad'],
  ['ahmet', 'ahmed', 'akhmed', 'ahmad', 'akhmad', 'akhmet'],
  ['mustafa', 'moustafa', 'mustapha', 'mostafa'],
  ['yusuf', 'yousef', 'youssef', 'yusif', 'yousuf', 'iusuf'],
  ['omer', 'omar', 'umar'],
  ['osman', 'usman', 'othman', 'uthman'],
  ['ramzan', 'ramazan', 'ramadan'],
];

/** Cross-language equivalents: a possible match for a human to review, never an automatic hit. */
const WEAK_NAME_GROUPS: string[][] = [
  // Kept deliberately small: each group makes "X Smith" a review candidate for "Y Smith". Italian and
  // Spanish forms (Alessandro, Sergio, Pietro, Giuseppe…) are left out because our sellers carry them
  // natively; Slavic national forms and the English forms common in list aliases stay in.
  ['mikhail', 'michael', 'mykhailo', 'mikhailo', 'michal'],
  ['pyotr', 'peter', 'petro', 'piotr'],
  ['yevgeny', 'eugene', 'yevhen', 'yauhen'],
  ['aleksandr', 'oleksandr', 'aleksandar', 'aliaksandr', 'alexandru'],
  ['aleksey', 'oleksiy', 'oleksii', 'aliaksei'],
  ['sergey', 'serhiy', 'serhii', 'siarhei'],
  ['andrey', 'andriy', 'andrii', 'andrew', 'andrei'],
  ['dmitry', 'dmytro', 'dzmitry'],
  ['vladimir', 'volodymyr', 'uladzimir', 'wlodzimierz'],
  ['nikolay', 'mykola', 'mikalai', 'nicholas'],
  ['fyodor', 'fedir', 'theodore'],
  ['iosif', 'yosyp', 'joseph', 'yusuf'],
  ['yakov', 'yakiv', 'jacob', 'yakup', 'yaqub'],
  ['mehmet', 'muhammad'],
  ['ibrahim', 'abraham'],
  ['suleyman', 'sulaiman', 'suleiman', 'solomon'],
];

/** First skeleton of a Latin spelling — group members are run through the full token pipeline. */
function groupKey(spelling: string): string {
  return skeleton(cleanAscii(anyAscii(spelling)));
}

const STRONG_CLASS = new Map<string, string>();
for (const group of STRONG_NAME_GROUPS) {
  const canon = groupKey(group[0]);
  for (const member of group) STRONG_CLASS.set(groupKey(member), canon);
}
const WEAK_CLASS = new Map<string, string[]>();
for (const group of WEAK_NAME_GROUPS) {
  const canon = '~' + groupKey(group[0]);
  for (const member of group) {
    const k = groupKey(member);
    for (const kk of [k, STRONG_CLASS.get(k) ?? k]) {
      const list = WEAK_CLASS.get(kk) ?? [];
      if (!list.includes(canon)) list.push(canon);
      WEAK_CLASS.set(kk, list);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Particles, patronymics, legal forms
// ---------------------------------------------------------------------------------------------

/** Tokens that never decide a match on their own (their skeletons). */
const OPTIONAL_WORDS = new Set(
  [
    'al', 'el', 'ul', 'bin', 'ibn', 'bint', 'ben', 'binti', 'de', 'del', 'della', 'dello', 'di', 'da', 'das', 'dos',
    'do', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'lo', 'y', 'e', 'i', 've', 'and', 'und', 'et', 'the', 'of',
    'mr', 'mrs', 'ms', 'dr', 'sheikh', 'haji',
    // generic company words (Turkish titles: "X Ticaret ve Sanayi Ltd. Şti.")
    'ticaret', 'tic', 'sanayi', 'san', 'ithalat', 'ihracat', 'pazarlama', 'trading', 'holding', 'holdings', 'group',
    'grup', 'gruppo', 'grupo', 'gruppa',
  ].map((w) => skeleton(w)),
);

const PATRONYMIC_LAT = /(?:ovich|evich|ovych|evych|ovitch|evitch|owitsch|ewitsch|ovic|evic|ovna|evna|ivna|ichna|inichna|[aeiouy][lmnt]?ich|[dkmst]ich)$/;
const PATRONYMIC_CYR = /(?:ович|евич|ьич|ич|овна|евна|ична|івна|ївна)$/;
const NOT_PATRONYMIC = /rich$/; // Dietrich, Heinrich, Ulrich, Friedrich

interface LegalForm {
  words: string[]; // skeletons
  anywhere: boolean;
}

const LEGAL_FORM_PHRASES: string[] = [
  // Russian / CIS
  'ooo', 'oao', 'zao', 'pao', 'ao', 'ip', 'ano', 'nko', 'gup', 'fgup', 'mup', 'too', 'chp', 'tov', 'pat', 'prat',
  'obshchestvo s ogranichennoy otvetstvennostyu', 'obshchestvo s ogranichennoi otvetstvennostiu',
  'общество с ограниченной ответственностью', 'акционерное общество', 'публичное акционерное общество',
  'закрытое акционерное общество', 'открытое акционерное общество', 'индивидуальный предприниматель',
  'aktsionernoe obshchestvo', 'publichnoe aktsionernoe obshchestvo', 'zakrytoe aktsionernoe obshchestvo',
  'otkrytoe aktsionernoe obshchestvo', 'individualnyy predprinimatel', 'tovarystvo z obmezhenoyu vidpovidalnistyu',
  // English
  'limited liability company', 'limited liability partnership', 'public joint stock company',
  'closed joint stock company', 'open joint stock company', 'joint stock company', 'public limited company',
  'llc', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'plc', 'llp', 'lp',
  'jsc', 'pjsc', 'ojsc', 'cjsc', 'lllp', 'pllc',
  // Turkish
  'limited sirketi', 'anonim sirketi', 'kollektif sirketi', 'komandit sirketi', 'ltd sti', 'sti', 'sirketi', 'as',
  'koll sti',
  // Italian
  'societa a responsabilita limitata', 'societa a responsabilita limitata semplificata', 'societa per azioni',
  'societa in accomandita per azioni', 'societa in nome collettivo', 'societa in accomandita semplice',
  'srl', 'srls', 'spa', 'sapa', 'snc', 'sas',
  // Spanish
  'sociedad de responsabilidad limitada', 'sociedad limitada', 'sociedad anonima', 'sociedad limitada unipersonal',
  'sociedad anonima unipersonal', 'sl', 'slu', 'sa', 'sau', 'slne', 'sll',
  // German / Dutch / French / other
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'gmbh co kg', 'bv', 'nv', 'sarl', 'eurl', 'societe anonyme', 'oy', 'ab', 'as',
  'aps', 'sp z oo', 'spzoo', 'doo', 'dd', 'sro', 'kft', 'zrt', 'fze', 'fzco', 'fzc', 'fz llc',
];

/** Legal forms removable anywhere in a name; the rest only at either end. */
const ANYWHERE_FORMS = new Set(['ooo', 'oao', 'zao', 'pao', 'llc', 'ltd', 'gmbh', 'srl', 'spa', 'sti', 'jsc', 'pjsc', 'cjsc', 'ojsc']);

let legalForms: LegalForm[] | undefined;

function getLegalForms(): LegalForm[] {
  if (legalForms) return legalForms;
  const list: LegalForm[] = [];
  for (const phrase of LEGAL_FORM_PHRASES) {
    const toks = rawTokens(foldCase(phrase)).map((t) => {
      const v = romanize(t);
      return skeleton(v[0] ?? t);
    });
    if (!toks.length) continue;
    const anywhere = toks.length > 1 || toks[0].length >= 5 || ANYWHERE_FORMS.has(toks[0]);
    list.push({ words: toks, anywhere });
  }
  // longest phrases first
  list.sort((a, b) => b.words.length - a.words.length);
  legalForms = list;
  return list;
}

// ---------------------------------------------------------------------------------------------
// Token cache
// ---------------------------------------------------------------------------------------------

interface TokenCore {
  text: string;
  variants: string[];
  keys: string[];
  weakKeys: string[];
  canon: string;
  cyrillic: boolean;
}

const CACHE_LIMIT = 200_000;
let tokenCache = new Map<string, TokenCore>();

function tokenCore(raw: string, ukrainian: boolean): TokenCore[] {
  const cacheKey = ukrainian ? '\u0001' + raw : raw;
  const hit = tokenCache.get(cacheKey);
  if (hit) return [hit];
  const cyrillic = CYR_RE.test(raw);
  const variants = romanize(raw, ukrainian);
  if (!variants.length) return [];
  const keys: string[] = [];
  const pushKey = (k: string) => {
    if (!keys.includes(k)) keys.push(k);
  };
  for (const v of variants) pushKey(skeleton(v));
  let canon = keys[0];
  for (const k of [...keys]) {
    const cls = STRONG_CLASS.get(k);
    if (cls) {
      pushKey(cls);
      if (k === keys[0]) canon = cls;
    }
  }
  const weakKeys: string[] = [];
  for (const k of keys) for (const w of WEAK_CLASS.get(k) ?? []) if (!weakKeys.includes(w)) weakKeys.push(w);
  const core: TokenCore = { text: variants[0], variants, keys, weakKeys, canon, cyrillic };
  if (tokenCache.size >= CACHE_LIMIT) tokenCache = new Map();
  tokenCache.set(cacheKey, core);
  return [core];
}

/** Clears the token cache (tests / memory pressure). */
export function clearNormalizeCache(): void {
  tokenCache = new Map();
}

// ---------------------------------------------------------------------------------------------
// Public entry point
// ---------------------------------------------------------------------------------------------

export function normalizeName(raw: string, opts: NormalizeOptions = {}): NormalizedName {
  const original = raw ?? '';
  const folded = foldCase(original);
  const raws = rawTokens(folded);
  const ukrainian = UKR_LETTERS.test(folded);
  const cores: { core: TokenCore; raw: string }[] = [];
  for (const r of raws) for (const core of tokenCore(r, ukrainian)) cores.push({ core, raw: r });

  // Legal forms (not for persons).
  let kept = cores;
  const removed: string[] = [];
  if (opts.kind !== 'person' && cores.length > 1) {
    kept = stripLegalForms(cores, removed);
  }

  const n = kept.length;
  const parts: NormalizedToken[] = kept.map(({ core, raw }, i) => {
    const optional = core.keys.some((k) => OPTIONAL_WORDS.has(k));
    const patronymic =
      n >= 3 &&
      i > 0 &&
      opts.kind !== 'entity' &&
      (core.cyrillic ? PATRONYMIC_CYR.test(raw) : PATRONYMIC_LAT.test(core.text) && !NOT_PATRONYMIC.test(core.text));
    return {
      text: core.text,
      variants: core.variants,
      keys: core.keys,
      weakKeys: core.weakKeys,
      canon: core.canon,
      patronymic,
      optional,
    };
  });
  // A name made only of particles/patronymics keeps them all as required.
  if (parts.length && parts.every((p) => p.optional || p.patronymic)) {
    for (const p of parts) {
      p.optional = false;
      p.patronymic = false;
    }
  }
  // Never let patronymic-flagging leave fewer than two required tokens.
  const required = parts.filter((p) => !p.optional && !p.patronymic).length;
  if (required < 2) for (const p of parts) p.patronymic = false;

  const key = parts
    .filter((p) => !p.optional && !p.patronymic)
    .map((p) => p.canon)
    .sort()
    .join(' ');
  return {
    original,
    tokens: parts.map((p) => p.text),
    variants: parts.map((p) => p.variants),
    key,
    parts,
    legalForms: removed,
  };
}

function stripLegalForms<T extends { core: TokenCore }>(items: T[], removed: string[]): T[] {
  const forms = getLegalForms();
  const isForm = (tok: TokenCore, word: string) => tok.keys.includes(word);
  const drop = new Array<boolean>(items.length).fill(false);
  const matchAt = (start: number, f: LegalForm) => {
    if (start + f.words.length > items.length) return false;
    for (let j = 0; j < f.words.length; j++) {
      if (drop[start + j] || !isForm(items[start + j].core, f.words[j])) return false;
    }
    return true;
  };
  const remaining = () => drop.filter((d) => !d).length;
  // Pass 1: unambiguous forms anywhere.
  for (let i = 0; i < items.length; i++) {
    for (const f of forms) {
      if (!f.anywhere || !matchAt(i, f)) continue;
      if (remaining() - f.words.length < 1) break;
      for (let j = 0; j < f.words.length; j++) drop[i + j] = true;
      i += f.words.length - 1;
      break;
    }
  }
  // Pass 2: any form at either end, repeatedly ("Romashka Ltd Sti", "AO Romashka").
  let changed = true;
  while (changed) {
    changed = false;
    const alive = items.map((_, i) => i).filter((i) => !drop[i]);
    if (alive.length < 2) break;
    for (const f of forms) {
      if (f.words.length < alive.length && contiguousMatch(alive, 0, f, items, isForm)) {
        for (let j = 0; j < f.words.length; j++) drop[alive[j]] = true;
        changed = true;
        break;
      }
      const startIdx = alive.length - f.words.length;
      if (startIdx > 0 && contiguousMatch(alive, startIdx, f, items, isForm)) {
        for (let j = 0; j < f.words.length; j++) drop[alive[startIdx + j]] = true;
        changed = true;
        break;
      }
    }
  }
  const out: T[] = [];
  items.forEach((it, i) => (drop[i] ? removed.push(it.core.text) : out.push(it)));
  return out;
}

function contiguousMatch<T extends { core: TokenCore }>(
  alive: number[],
  start: number,
  f: LegalForm,
  items: T[],
  isForm: (tok: TokenCore, word: string) => boolean,
): boolean {
  for (let j = 0; j < f.words.length; j++) {
    const idx = alive[start + j];
    if (idx === undefined || !isForm(items[idx].core, f.words[j])) return false;
  }
  return true;
}
