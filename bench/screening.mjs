// Sanctions-screening benchmark: index build time, index memory, screenings/s and latency of
// ScreeningIndex.screen() over a synthetic list of 20,000+ entries (persons and entities, Latin,
// Cyrillic and Turkish spellings, 1–4 aliases each), for a mix of 1,000+ query names.
//
//   # against a standalone build of libs/kyc/src/screening (the app build does not include it yet):
//   npx tsc --ignoreConfig libs/kyc/src/screening/*.ts --outDir /tmp/screening-bench \
//     --module nodenext --moduleResolution nodenext --target es2022 --esModuleInterop --skipLibCheck
//   SCREENING_DIST=/tmp/screening-bench/index.js node --expose-gc bench/screening.mjs
//
//   # once the folder is part of the Nest build:
//   npx nest build api && node --expose-gc bench/screening.mjs
//
// Environment (all optional):
//   SCREENING_DIST     compiled CommonJS entry (default dist/libs/kyc/src/screening/index.js)
//   BENCH_ENTRIES      list entries (default 20000)
//   BENCH_QUERIES      distinct query names (default 2000)
//   BENCH_ROUNDS       timed passes over the query set (default 3)
//   BENCH_SEED         PRNG seed (default 20250115)
//   BENCH_TARGET_QPS   target screenings/s (default 1000)
//   BENCH_VERBOSE=1    print up to 10 examples per unexpected outcome (variant not hit, random not clear…)
//
// It is a report, not a test: exit code 0 even when the target is missed, 1 on a crash.
import { createRequire, Module } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const env = (k, d) => (process.env[k] ? Number(process.env[k]) : d);
const N_ENTRIES = env('BENCH_ENTRIES', 20_000);
const N_QUERIES = env('BENCH_QUERIES', 2_000);
const ROUNDS = env('BENCH_ROUNDS', 3);
const SEED = env('BENCH_SEED', 20250115);
const TARGET = env('BENCH_TARGET_QPS', 1000);
const DIST = resolve(process.cwd(), process.env.SCREENING_DIST ?? 'dist/libs/kyc/src/screening/index.js');

// A standalone build outside the repo (e.g. /tmp/screening-bench) cannot find node_modules by walking
// up; add the repo's node_modules to the CommonJS search path before loading it.
process.env.NODE_PATH = [resolve(process.cwd(), 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(':');
Module._initPaths();
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Deterministic PRNG and pools
// ---------------------------------------------------------------------------------------------
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
const cap = (s) => s.charAt(0).toLocaleUpperCase('tr') + s.slice(1);

const RU_FIRST_M = ['Александр', 'Алексей', 'Андрей', 'Артём', 'Борис', 'Вадим', 'Валерий', 'Василий', 'Виктор', 'Виталий', 'Владимир', 'Вячеслав', 'Геннадий', 'Георгий', 'Григорий', 'Денис', 'Дмитрий', 'Евгений', 'Егор', 'Иван', 'Игорь', 'Илья', 'Кирилл', 'Константин', 'Леонид', 'Максим', 'Михаил', 'Никита', 'Николай', 'Олег', 'Павел', 'Пётр', 'Роман', 'Семён', 'Сергей', 'Станислав', 'Степан', 'Тимур', 'Фёдор', 'Юрий', 'Яков'];
const RU_FIRST_F = ['Анна', 'Валентина', 'Галина', 'Дарья', 'Екатерина', 'Елена', 'Ирина', 'Ксения', 'Людмила', 'Марина', 'Мария', 'Наталья', 'Ольга', 'Светлана', 'Татьяна', 'Юлия'];
const RU_ROOT = ['Щерб', 'Хрущ', 'Жук', 'Цвет', 'Чайк', 'Шишк', 'Юрк', 'Ягод', 'Ёлк', 'Волк', 'Медвед', 'Соб', 'Кузнец', 'Смирн', 'Петр', 'Иван', 'Сидор', 'Орл', 'Лебед', 'Соловь', 'Зайц', 'Гусь', 'Кравч', 'Бондар', 'Ткач', 'Мельнич', 'Громыч', 'Белоус', 'Черныш', 'Рыж', 'Седых', 'Крут', 'Тихомир', 'Добрын', 'Святосл', 'Остром', 'Ратибор', 'Жданк', 'Пушк', 'Лермонт', 'Тургень', 'Гонч', 'Карамз', 'Держав', 'Ломонос', 'Менделе', 'Павл', 'Сечен', 'Вернадск', 'Курчат', 'Королёв', 'Туполь', 'Ильюш', 'Микоя', 'Сухомл', 'Яковл', 'Лавочк', 'Бериев', 'Камов', 'Миль', 'Антон', 'Мясищ', 'Шахов', 'Гурев', 'Полик', 'Зворык', 'Сикорск', 'Попов', 'Яблочк', 'Лодыг', 'Можайск', 'Циолк', 'Гагар', 'Титов', 'Терешк', 'Леон', 'Быков', 'Шаталов'];
const RU_SUFFIX_M = ['ов', 'ев', 'ин', 'ский', 'цкий', 'енко', 'ук', 'ович', 'ых'];
// Syllabic surname roots widen the vocabulary towards a real list's (~tens of thousands of tokens).
// Two disjoint syllable sets: A for list entries, B for the "random" non-matching queries.
const SYL_RU_A = ['ба', 'во', 'гра', 'де', 'жи', 'за', 'ки', 'ло', 'ми', 'но', 'пе', 'ра', 'со', 'ту', 'фе', 'ха', 'це', 'чу', 'ше', 'щу'];
const SYL_RU_B = ['бру', 'вле', 'гно', 'дри', 'жму', 'зло', 'кра', 'лю', 'мя', 'нё', 'пры', 'рё', 'стя', 'тщу', 'фы', 'хри', 'цо', 'чма', 'шпу', 'эль'];
const SYL_TR_A = ['ka', 'ya', 'de', 'gü', 'öz', 'tu', 'şe', 'ça', 'bi', 'ne', 'ro', 'sa', 'mu', 'le', 'ha', 'ci'];
const SYL_TR_B = ['kö', 'yu', 'dı', 'gö', 'üs', 'ti', 'şu', 'çe', 'bo', 'nü', 'ra', 'sü', 'mı', 'lo', 'hü', 'cu'];
let syllableSet = 'A';
const sylRoot = (a, b) => {
  const set = syllableSet === 'A' ? a : b;
  const n = 2 + Math.floor(rnd() * 2);
  let out = '';
  for (let i = 0; i < n; i++) out += pick(set);
  return cap(out);
};
const femSurname = (s) => (s.endsWith('ский') ? s.slice(0, -2) + 'ая' : s.endsWith('цкий') ? s.slice(0, -2) + 'ая' : /(ов|ев|ин)$/.test(s) ? s + 'а' : s);
const patronymic = (first, female) => {
  const stem = first.replace(/[йья]$/, '').replace(/ий$/, '');
  const soft = /[йь]$/.test(first) || /ий$/.test(first);
  return stem + (female ? (soft ? 'евна' : 'овна') : soft ? 'евич' : 'ович');
};
const TR_FIRST = ['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'İsmail', 'Osman', 'Yusuf', 'Murat', 'Ömer', 'Ramazan', 'Halil', 'Süleyman', 'Abdullah', 'Mahmut', 'Recep', 'Şükrü', 'Çağlar', 'Gökhan', 'Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Şerife', 'Gülşen', 'Özlem', 'İlknur', 'Ebru'];
const TR_ROOT = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Polat', 'Korkmaz', 'Karataş', 'Erdoğan', 'Bozkurt', 'Güneş', 'Akın', 'Tekin', 'Ağa', 'Deniz', 'Toprak', 'Işık', 'Uçar', 'Gündüz', 'Tuncer', 'Karakaya', 'Sönmez', 'Bulut', 'Ateş', 'Keskin'];
const TR_SUFFIX = ['', 'oğlu', 'er', 'soy', 'han', 'gil', 'kan', 'türk', 'baş', 'elli'];
const IT_FIRST = ['Giuseppe', 'Giovanni', 'Antonio', 'Mario', 'Luigi', 'Francesco', 'Angelo', 'Vincenzo', 'Pietro', 'Salvatore', 'Carlo', 'Franco', 'Domenico', 'Bruno', 'Paolo', 'Maria', 'Anna', 'Giuseppina', 'Rosa', 'Angela', 'Giovanna', 'Teresa', 'Lucia', 'Carmela', 'Caterina', 'Francesca', 'Giulia', 'Chiara'];
const IT_ROOT = ['Ross', 'Russ', 'Ferrar', 'Espos', 'Bianch', 'Roman', 'Colomb', 'Ricc', 'Marin', 'Grec', 'Brun', 'Gall', 'Cont', 'De Luc', 'Mancin', 'Costa', 'Giordan', 'Rizz', 'Lombard', 'Morett', 'Barbier', 'Fontan', 'Santor', 'Mariott', 'Rinald', 'Caruso', 'Ferrett', 'Galli', 'Leon', 'Longh', 'Gentil', 'Martinell', 'Vitale', 'Serr', 'Coppol', 'De Sant', "D'Angel", 'Marchett', 'Parisi', 'Villa'];
const IT_SUFFIX = ['i', 'o', 'etti', 'ini', 'elli', 'one', 'ucci', 'ato', 'ari'];
const ES_FIRST = ['José', 'Antonio', 'Manuel', 'Francisco', 'Juan', 'David', 'José Luis', 'Jesús', 'Javier', 'Carlos', 'Miguel', 'Alejandro', 'Rafael', 'Pedro', 'Ángel', 'María', 'Carmen', 'Ana', 'Isabel', 'Dolores', 'Pilar', 'Teresa', 'Rosa', 'Cristina', 'Lucía', 'Mercedes', 'Inés'];
const ES_SUR = ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina', 'Morales', 'Suárez', 'Ortega', 'Delgado', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Núñez', 'Iglesias', 'Medina', 'Garrido', 'Cortés', 'Castillo', 'Santos', 'Lozano', 'Guerrero', 'Cano', 'Prieto', 'Méndez', 'Cruz', 'Calvo', 'Gallego', 'Vidal', 'León', 'Márquez', 'Herrera', 'Peña', 'Flores', 'Cabrera', 'Campos', 'Vega', 'Fuentes', 'Carrasco', 'Diez', 'Caballero', 'Reyes', 'Nieto', 'Aguilar', 'Pascual', 'Santana', 'Herrero', 'Lorenzo', 'Montero', 'Hidalgo', 'Giménez', 'Ibáñez', 'Ferrer', 'Durán', 'Santiago', 'Benítez', 'Mora', 'Vicente', 'Vargas', 'Arias', 'Carmona', 'Crespo', 'Román', 'Pastor', 'Soto', 'Sáez', 'Velasco', 'Moya', 'Soler', 'Parra', 'Esteban', 'Bravo', 'Gallardo', 'Rojas'];
const AR_FIRST = ['Muhammad', 'Ahmad', 'Ali', 'Hassan', 'Hussein', 'Omar', 'Khalid', 'Abdullah', 'Ibrahim', 'Yusuf', 'Mahmoud', 'Mustafa', 'Tariq', 'Said', 'Karim', 'Nasser', 'Faisal', 'Hamza', 'Bilal', 'Zaid'];
const AR_SUR = ['Al-Rashid', 'Al-Hashimi', 'Haddad', 'Khoury', 'Nasser', 'Saleh', 'Mansour', 'Hamdan', 'Qasim', 'Aziz', 'Farouk', 'Jaber', 'Karam', 'Sabbagh', 'Darwish', 'Bakr', 'Othman', 'Zayed', 'Shami', 'Masri', 'Halabi', 'Baghdadi', 'Tikriti', 'Najjar', 'Attar'];
const CO_WORDS = ['Romashka', 'Severnaya', 'Chaika', 'Zvezda', 'Vostok', 'Sever', 'Neva', 'Volga', 'Ural', 'Baikal', 'Sibir', 'Altai', 'Kama', 'Don', 'Amur', 'Taiga', 'Meridian', 'Polaris', 'Atlas', 'Orion', 'Vega', 'Global', 'Trans', 'Energo', 'Neft', 'Gaz', 'Prom', 'Stroy', 'Invest', 'Servis', 'Logistik', 'Marin', 'Deniz', 'Karadeniz', 'Akdeniz', 'Anadolu', 'Marmara', 'Ege', 'Toros', 'Kartal', 'Şahin', 'Doğu', 'Batı', 'Yıldız', 'Güneş', 'Lagunare', 'Ferramenta', 'Adriatica', 'Tirrena', 'Alpina', 'Padana', 'Ligure', 'Altamar', 'Ibérica', 'Cantábrica', 'Levante', 'Meseta', 'Sierra', 'Costa', 'Aurora', 'Boreal', 'Nordic', 'Baltic', 'Caspian', 'Pontic', 'Steppe', 'Tundra', 'Crystal', 'Granit', 'Titan', 'Kobalt', 'Ferrum', 'Cuprum', 'Argentum', 'Aurum', 'Sapfir', 'Rubin', 'Izumrud', 'Almaz', 'Yantar'];
const CO_CYR = { Romashka: 'Ромашка', Severnaya: 'Северная', Chaika: 'Чайка', Zvezda: 'Звезда', Vostok: 'Восток', Sever: 'Север', Neva: 'Нева', Volga: 'Волга', Ural: 'Урал', Baikal: 'Байкал', Sibir: 'Сибирь', Energo: 'Энерго', Neft: 'Нефть', Gaz: 'Газ', Prom: 'Пром', Stroy: 'Строй', Invest: 'Инвест', Servis: 'Сервис', Almaz: 'Алмаз', Yantar: 'Янтарь', Rubin: 'Рубин', Taiga: 'Тайга', Amur: 'Амур' };
const CO_KIND = ['Trading', 'Shipping', 'Holding', 'Logistics', 'Energy', 'Metals', 'Industries', 'Technologies', 'Group', 'Consulting', 'Marine', 'Petroleum', 'Finance', 'Construction', 'Ticaret', 'Sanayi', 'Costruzioni', 'Servizi', 'Inversiones', 'Transportes'];
const LEGAL = {
  ru: ['ООО', 'АО', 'ПАО', 'OOO', 'LLC', 'JSC', 'Limited Liability Company', 'Obshchestvo s ogranichennoy otvetstvennostyu'],
  tr: ['Ltd. Şti.', 'A.Ş.', 'Limited Şirketi', 'Anonim Şirketi', 'Ticaret Ltd. Şti.'],
  it: ['S.r.l.', 'S.p.A.', 'SRL', 'Società a responsabilità limitata'],
  es: ['S.L.', 'S.A.', 'Sociedad Limitada', 'S.L.U.'],
  en: ['Ltd', 'Limited', 'Inc.', 'Corp.', 'LLC', 'PLC', 'FZE'],
};

// ---------------------------------------------------------------------------------------------
// Synthetic list
// ---------------------------------------------------------------------------------------------
function loadEngine() {
  try {
    return require(DIST);
  } catch (err) {
    console.error(`Cannot load ${DIST}: ${err.message}\nBuild it first (see the header of bench/screening.mjs).`);
    process.exit(1);
  }
}

function romanVariant(engine, cyr) {
  return cyr
    .split(' ')
    .map((w) => {
      const v = engine.romanize(w.toLowerCase());
      return cap(chance(0.6) ? v[0] : pick(v));
    })
    .join(' ');
}

function makePerson(engine) {
  const r = rnd();
  if (r < 0.4) {
    const female = chance(0.25);
    const first = female ? pick(RU_FIRST_F) : pick(RU_FIRST_M);
    let sur = (syllableSet === 'A' && chance(0.4) ? pick(RU_ROOT) : sylRoot(SYL_RU_A, SYL_RU_B)) + pick(RU_SUFFIX_M);
    if (female) sur = femSurname(sur);
    const patr = patronymic(pick(RU_FIRST_M), female);
    const cyr = `${first} ${patr} ${sur}`;
    const latin = romanVariant(engine, cyr);
    const [lf, lp, ls] = latin.split(' ');
    const names = [`${ls.toUpperCase()}, ${lf} ${lp}`];
    const aliases = [cyr, romanVariant(engine, `${first} ${sur}`), `${lf} ${ls}`, romanVariant(engine, `${sur} ${first} ${patr}`)];
    return { kind: 'person', names, aliases, origin: 'ru', cyr };
  }
  if (r < 0.65) {
    const first = pick(TR_FIRST) + (chance(0.2) ? ' ' + pick(TR_FIRST) : '');
    const sur = (syllableSet === 'A' && chance(0.4) ? pick(TR_ROOT) : sylRoot(SYL_TR_A, SYL_TR_B)) + pick(TR_SUFFIX);
    const ascii = (s) => s.replace(/İ/g, 'I').replace(/ı/g, 'i').normalize('NFD').replace(/\p{M}/gu, '');
    return { kind: 'person', names: [`${first} ${sur.toLocaleUpperCase('tr')}`], aliases: [`${ascii(first)} ${ascii(sur)}`, `${sur} ${first}`], origin: 'tr' };
  }
  if (r < 0.78) {
    const first = pick(IT_FIRST);
    const sur = pick(IT_ROOT) + pick(IT_SUFFIX);
    return { kind: 'person', names: [`${first} ${sur}`], aliases: [`${sur.toUpperCase()} ${first}`], origin: 'it' };
  }
  if (r < 0.9) {
    const first = pick(ES_FIRST);
    const s1 = pick(ES_SUR);
    const s2 = pick(ES_SUR);
    return { kind: 'person', names: [`${first} ${s1} ${s2}`], aliases: [`${first} ${s1}`, `${s1.toUpperCase()} ${s2.toUpperCase()}, ${first}`], origin: 'es' };
  }
  const first = pick(AR_FIRST);
  const father = pick(AR_FIRST);
  const sur = pick(AR_SUR);
  return { kind: 'person', names: [`${first} ${father} ${sur}`], aliases: [`${first} bin ${father} ${sur}`, `${first} ${sur}`], origin: 'ar' };
}

function makeEntity() {
  const w1 = pick(CO_WORDS);
  const w2 = chance(0.6) ? pick(CO_WORDS.filter((w) => w !== w1)) : '';
  const core = [w1, w2].filter(Boolean).join(chance(0.3) ? '-' : ' ');
  const kindWord = chance(0.5) ? ' ' + pick(CO_KIND) : '';
  const lang = pick(Object.keys(LEGAL));
  const primary = `${core}${kindWord} ${pick(LEGAL[lang])}`;
  const aliases = [`${core.toUpperCase()} ${pick(LEGAL.en)}`];
  if (lang === 'ru' && CO_CYR[w1]) {
    const cyrCore = [CO_CYR[w1], w2 && CO_CYR[w2] ? CO_CYR[w2] : w2].filter(Boolean).join(' ');
    aliases.push(`ООО «${cyrCore}»`);
  }
  if (lang === 'tr') aliases.push(`${core} ${pick(LEGAL.tr)}`);
  return { kind: 'entity', names: [primary], aliases, origin: lang, core };
}

function buildList(engine) {
  const entries = [];
  const meta = [];
  for (let i = 0; i < N_ENTRIES; i++) {
    const e = chance(0.7) ? makePerson(engine) : makeEntity();
    const nAliases = 1 + Math.floor(rnd() * 4); // 1–4 aliases
    const names = [...e.names, ...e.aliases.slice(0, nAliases)];
    const entry = {
      id: String(100000 + i),
      source: pick(['ofac_sdn', 'eu_consolidated', 'un_consolidated']),
      kind: e.kind,
      names,
    };
    if (e.kind === 'person' && chance(0.6)) {
      const y = 1940 + Math.floor(rnd() * 60);
      entry.birthDates = [chance(0.7) ? `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}` : String(y)];
    }
    entries.push(entry);
    meta.push(e);
  }
  return { entries, meta };
}

// ---------------------------------------------------------------------------------------------
// Query mix
// ---------------------------------------------------------------------------------------------
function typo(s) {
  const chars = [...s];
  const letters = chars.map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i > 0);
  const i = pick(letters);
  const op = Math.floor(rnd() * 3);
  if (op === 0) chars.splice(i, 1);
  else if (op === 1) chars[i] = pick([...'aeioumnrstl']);
  else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  return chars.join('');
}

function buildQueries(engine, entries, meta) {
  const queries = [];
  for (let i = 0; i < N_QUERIES; i++) {
    const r = rnd();
    const k = Math.floor(rnd() * entries.length);
    const e = entries[k];
    const m = meta[k];
    if (r < 0.25) {
      queries.push({ type: 'exact', name: pick(e.names), kind: e.kind });
    } else if (r < 0.5) {
      // variant: other script / transliteration / word order / no patronymic / no diacritics
      let name;
      if (m.origin === 'ru' && m.kind === 'person') {
        const [f, , s] = m.cyr.split(' ');
        name = pick([m.cyr, `${s} ${f}`, romanVariant(engine, `${f} ${s}`), romanVariant(engine, `${s} ${f}`), romanVariant(engine, m.cyr)]);
      } else if (m.kind === 'person') {
        const toks = e.names[0].replace(',', '').split(' ');
        name = chance(0.5) ? toks.reverse().join(' ') : toks.join(' ').normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i');
      } else {
        name = `${m.core} ${pick(LEGAL[pick(Object.keys(LEGAL))])}`;
      }
      queries.push({ type: 'variant', name, kind: e.kind });
    } else if (r < 0.6) {
      queries.push({ type: 'typo', name: typo(e.names[0]), kind: e.kind });
    } else {
      // non-match: freshly generated Russian/Turkish persons whose surnames come from syllable set B
      // (never used by the list), so they share first names and suffixes with list entries but are
      // not on it. Any hit here is a false positive of the matcher.
      syllableSet = 'B';
      let x;
      do x = makePerson(engine);
      while (x.origin !== 'ru' && x.origin !== 'tr');
      syllableSet = 'A';
      queries.push({ type: 'random', name: x.names[0], kind: x.kind });
    }
  }
  return queries;
}

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const gc = () => {
  if (global.gc) {
    global.gc();
    global.gc();
  }
};

const engine = loadEngine();
const { entries, meta } = buildList(engine);
const totalNames = entries.reduce((a, e) => a + e.names.length, 0);
const queries = buildQueries(engine, entries, meta);

gc();
const mem0 = process.memoryUsage();
const t0 = performance.now();
const index = new engine.ScreeningIndex(entries);
const buildMs = performance.now() - t0;
gc();
const mem1 = process.memoryUsage();

// warm-up
for (const q of queries.slice(0, 300)) index.screen(q.name, { kind: q.kind });

const lat = [];
const decisions = { hit: 0, review: 0, clear: 0 };
const byType = {};
const t1 = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const q of queries) {
    const s = performance.now();
    const res = index.screen(q.name, { kind: q.kind });
    lat.push(performance.now() - s);
    if (round === 0) {
      if (process.env.BENCH_VERBOSE) explain(q, res);
      decisions[res.decision]++;
      const t = (byType[q.type] ??= { n: 0, hit: 0, review: 0, clear: 0 });
      t.n++;
      t[res.decision]++;
    }
  }
}
const elapsed = performance.now() - t1;
lat.sort((a, b) => a - b);
const pct = (p) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];
const qps = lat.length / (elapsed / 1000);

console.log(`Sanctions screening benchmark — node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}`);
console.log(`engine: ${DIST}`);
console.log(`list: ${entries.length} entries (${entries.filter((e) => e.kind === 'person').length} persons), ${totalNames} names incl. aliases`);
console.log(`index: ${JSON.stringify(index.stats)}`);
console.log(`build: ${buildMs.toFixed(0)} ms`);
console.log(`memory delta: heapUsed +${mb(mem1.heapUsed - mem0.heapUsed)}, RSS +${mb(mem1.rss - mem0.rss)}${global.gc ? '' : ' (run with --expose-gc for stable figures)'}`);
console.log(`queries: ${queries.length} distinct × ${ROUNDS} rounds = ${lat.length} screenings in ${elapsed.toFixed(0)} ms`);
console.log(`throughput: ${qps.toFixed(0)} screenings/s (single thread)`);
console.log(`latency: p50 ${pct(50).toFixed(3)} ms, p90 ${pct(90).toFixed(3)} ms, p99 ${pct(99).toFixed(3)} ms, max ${lat[lat.length - 1].toFixed(3)} ms`);
console.log(`decisions (first round): hit ${decisions.hit}, review ${decisions.review}, clear ${decisions.clear}`);
for (const [t, v] of Object.entries(byType)) {
  console.log(`  ${t.padEnd(8)} n=${String(v.n).padStart(4)}  hit ${pct1(v.hit, v.n)}  review ${pct1(v.review, v.n)}  clear ${pct1(v.clear, v.n)}`);
}
console.log(`target ≥ ${TARGET} screenings/s against ≥ 20,000 entries: ${qps >= TARGET && entries.length >= 20000 ? 'PASS' : 'FAIL'}`);

function explain(q, res) {
  const expected = { exact: 'hit', variant: 'hit', typo: 'review', random: 'clear' }[q.type];
  if (res.decision === expected) return;
  const k = `${q.type}->${res.decision}`;
  explain.seen ??= {};
  explain.seen[k] = (explain.seen[k] ?? 0) + 1;
  if (explain.seen[k] > 10) return;
  const h = res.hits[0];
  console.log(`  [${k}] ${JSON.stringify(q.name)}${h ? ` ~ ${JSON.stringify(h.matchedName)} ${h.strength} ${h.score}` : ''}`);
}

function pct1(a, n) {
  return `${((100 * a) / n).toFixed(1).padStart(5)}%`;
}
