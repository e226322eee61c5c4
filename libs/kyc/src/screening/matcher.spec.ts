import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEuConsolidated, parseOfacSdn, parseUnConsolidated, type ListEntry } from './lists';
import { ScreeningIndex, type ScreenOptions } from './matcher';

const fixture = (name: string): Buffer => readFileSync(resolve(process.cwd(), 'libs/kyc/src/screening/fixtures', name));

// Invented names only.
const ENTRIES: ListEntry[] = [
  { id: 'p1', source: 'custom', kind: 'person', names: ['Aleksandr Yurievich Shcherbakov'], birthDates: ['1971-02-14'] },
  { id: 'p2', source: 'custom', kind: 'person', names: ['Aleksandr Petrov'] },
  { id: 'p3', source: 'custom', kind: 'person', names: ['İbrahim Şahinoğlu'], birthDates: ['1980'] },
  { id: 'p4', source: 'custom', kind: 'person', names: ['Ivanov Ivan Ivanovich'] },
  { id: 'p5', source: 'custom', kind: 'person', names: ['Юрий Хрущёвский', 'Yuri Khrushchevsky'] },
  { id: 'p6', source: 'custom', kind: 'person', names: ['Mehmet Ali Yılmazer'] },
  { id: 'p7', source: 'custom', kind: 'person', names: ['José María García Lopetegui'] },
  { id: 'p8', source: 'custom', kind: 'person', names: ['Giulia Bianchetti'] },
  { id: 'p9', source: 'custom', kind: 'person', names: ['Дарья Ильинична Колокольцева'] },
  { id: 'p10', source: 'custom', kind: 'person', names: ['Abdul Rahman Al-Hashimi'] },
  { id: 'p11', source: 'custom', kind: 'person', names: ['Mykola Petrenko'] },
  { id: 'p12', source: 'custom', kind: 'person', names: ['Ahmet As'] },
  { id: 'e1', source: 'custom', kind: 'entity', names: ['Romashka LLC', 'OOO Romashka'] },
  { id: 'e2', source: 'custom', kind: 'entity', names: ['Karadeniz Lojistik Ticaret Limited Şirketi'] },
  { id: 'e3', source: 'custom', kind: 'entity', names: ['Ferramenta Lagunare S.r.l.'] },
  { id: 'e4', source: 'custom', kind: 'entity', names: ['Construcciones Altamar S.L.'] },
];

const index = new ScreeningIndex(ENTRIES);
const screen = (name: string, opts?: ScreenOptions) => index.screen(name, opts);
const top = (name: string, opts?: ScreenOptions) => screen(name, opts).hits[0];

describe('ScreeningIndex — hits', () => {
  it.each([
    ['same script, identical', 'Aleksandr Yurievich Shcherbakov', 'p1'],
    ['Cyrillic vs Latin', 'Александр Юрьевич Щербаков', 'p1'],
    ['other transliteration + English given name', 'Alexander Scherbakow', 'p1'],
    ['ISO/Czech transliteration, surname first', 'Ščerbakov Aleksander', 'p1'],
    ['OFAC style "SURNAME, Given"', 'SHCHERBAKOV, Alexandr', 'p1'],
    ['patronymic absent', 'Aleksandr Shcherbakov', 'p1'],
    ['Turkish capitals with dotted İ', 'İBRAHİM ŞAHİNOĞLU', 'p3'],
    ['Turkish without diacritics', 'IBRAHIM SAHINOGLU', 'p3'],
    ['Turkish dotless ı everywhere', 'ıbrahım şahınoğlu', 'p3'],
    ['Russian rendering of a Turkish name', 'Ибрагим Шахиноглу', 'p3'],
    ['word order + patronymic present in list only', 'Иван Иванов', 'p4'],
    ['patronymic in the middle', 'Ivan Ivanovich Ivanov', 'p4'],
    ['Yuri / Iurii / Yury', 'Iurii Khrushchevskii', 'p5'],
    ['ё as yo', 'Yury Khrushchyovsky', 'p5'],
    ['Spanish diacritics', 'JOSE MARIA GARCIA LOPETEGUI', 'p7'],
    ['Cyrillic list name, ICAO passport spelling, patronymic dropped', 'Daria Kolokoltseva', 'p9'],
    ['Cyrillic list name, BGN spelling with patronymic', "Dar'ya Il'inichna Kolokol'tseva", 'p9'],
    ['homoglyph evasion (Cyrillic "о" inside a Latin name)', 'Aleksandr Shcherbak\u043ev', 'p1'],
    ['Ukrainian Cyrillic vs Ukrainian romanisation', 'Микола Петренко', 'p11'],
    ['spacing: joined Arabic prefix', 'Abdulrahman Alhashimi', 'p10'],
    ['spacing: hyphen instead of space, particle dropped', 'Abdul-Rahman Hashimi', 'p10'],
  ])('%s: %s → hit', (_label, query, id) => {
    const r = screen(query);
    expect(r.decision).toBe('hit');
    expect(r.hits[0]).toMatchObject({ entryId: id, decision: 'hit' });
    expect(['exact', 'near']).toContain(r.hits[0].strength);
    expect(r.hits[0].score).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['ООО «Ромашка»', 'e1'],
    ['Romashka Ltd. Şti.', 'e1'],
    ['ROMASHKA LİMİTED ŞİRKETİ', 'e1'],
    ['Общество с ограниченной ответственностью "Ромашка"', 'e1'],
    ['Romashka S.r.l.', 'e1'],
    ['KARADENİZ LOJİSTİK TİC. LTD. ŞTİ.', 'e2'],
    ['Karadeniz Lojistik Limited', 'e2'],
    ['FERRAMENTA LAGUNARE SRL', 'e3'],
    ['Construcciones Altamar, Sociedad Limitada', 'e4'],
  ])('entity with legal form in another language: %s → hit', (query, id) => {
    const r = screen(query, { kind: 'entity' });
    expect(r.decision).toBe('hit');
    expect(r.hits[0].entryId).toBe(id);
  });

  it('a person whose surname looks like a legal form still matches when the kind is not given', () => {
    expect(screen('AHMET AS').decision).toBe('hit');
    expect(screen('Ahmet As', { kind: 'person' }).decision).toBe('hit');
  });

  it('identical after normalisation is "exact" with score 1', () => {
    expect(top('IBRAHIM SAHINOGLU')).toMatchObject({ strength: 'exact', score: 1, matchedName: 'İbrahim Şahinoğlu' });
    expect(top('Aleksandr Shcherbakov')?.strength).toBe('near'); // patronymic skipped
  });
});

describe('ScreeningIndex — review', () => {
  it.each([
    ['typo in surname', 'Aleksandr Shcherbakof', 'p1'],
    ['typo in given name', 'Aleksamdr Shcherbakov', 'p1'],
    ['female form of the surname', 'Ivan Ivanova', 'p4'],
    ['different patronymic', 'Ivan Petrovich Ivanov', 'p4'],
    ['cross-language given name (Mehmet ↔ Muhammad)', 'Muhammad Ali Yilmazer', 'p6'],
    ['list name contains the query', 'Mehmet Yilmazer', 'p6'],
    ['query contains the list name', 'Giulia Maria Bianchetti Rossi', 'p8'],
    ['Italian typo', 'Giulia Bianchetta', 'p8'],
    ['one name missing of a Spanish double surname', 'José María García', 'p7'],
    ['transposed letters', 'Aleksnadr Shcherbakov', 'p1'],
    ['Russian vs Ukrainian form of a given name', 'Nikolay Petrenko', 'p11'],
  ])('%s: %s → review', (_label, query, id) => {
    const r = screen(query);
    expect(r.decision).toBe('review');
    expect(r.hits[0]).toMatchObject({ entryId: id, strength: 'fuzzy', decision: 'review' });
    expect(r.hits[0].score).toBeLessThan(1);
  });

  it('an entity whose list name is contained in the seller name goes to review', () => {
    const r = screen('Romashka Shipping', { kind: 'entity' });
    expect(r.decision).toBe('review');
    expect(r.hits[0].entryId).toBe('e1');
  });

  it('a one-word company name contained in a listed company name goes to review (not for persons)', () => {
    expect(screen('Ferramenta S.p.A.', { kind: 'entity' })).toMatchObject({ decision: 'review', hits: [{ entryId: 'e3' }] });
    expect(screen('Ferramenta', { kind: 'person' }).decision).toBe('clear');
  });

  it('a contradicting birth date lowers a person hit to review, never to clear', () => {
    const ok = screen('Aleksandr Shcherbakov', { birthDate: '1971-02-14' });
    expect(ok.decision).toBe('hit');
    expect(ok.hits[0].birthDate).toBe('match');
    const bad = screen('Aleksandr Shcherbakov', { birthDate: '1985-06-01' });
    expect(bad.decision).toBe('review');
    expect(bad.hits[0]).toMatchObject({ entryId: 'p1', birthDate: 'mismatch', downgradedBy: ['birth_date'] });
    // year-only list date
    expect(screen('Ibrahim Sahinoglu', { birthDate: '1980-03-03' }).decision).toBe('hit');
    expect(screen('Ibrahim Sahinoglu', { birthDate: '1981-03-03' }).decision).toBe('review');
    // no list date → cannot contradict
    expect(screen('Aleksandr Petrov', { birthDate: '1990-01-01' }).decision).toBe('hit');
  });

  it('a kind mismatch (person list entry, company being screened) lowers a hit to review', () => {
    const r = screen('Aleksandr Petrov', { kind: 'entity' });
    expect(r.decision).toBe('review');
    expect(r.hits[0].downgradedBy).toEqual(['kind']);
  });

  it('nearMatchDecision: "review" sends every non-identical match to review', () => {
    const strict = new ScreeningIndex(ENTRIES, { nearMatchDecision: 'review' });
    expect(strict.screen('Alexander Scherbakow').decision).toBe('review');
    expect(strict.screen('IBRAHIM SAHINOGLU').decision).toBe('hit');
  });
});

describe('ScreeningIndex — clear', () => {
  it.each([
    ['shares only a common first name', 'Aleksandr Smirnov'],
    ['shares only a first name, Cyrillic', 'Александр Смирнов'],
    ['shares only the surname', 'Sergey Petrov'],
    ['similar-prefix but different surname', 'Aleksandr Petrenko'],
    ['only a first name', 'Aleksandr'],
    ['only a surname', 'Shcherbakov'],
    ['unrelated Turkish name', 'Ayşe Demirtaş'],
    ['unrelated Italian name', 'Marco Rossi'],
    ['patronymic cannot stand in for a surname', 'Ivan Ivanovich Petrov'],
    ['different patronymic and a fuzzy surname', 'Ivan Petrovich Ivanof'],
    ['only the legal form in common', 'Altamar Ventures LLC'.replace('Altamar', 'Borealis')],
    ['empty', ''],
  ])('%s: %s → clear', (_label, query) => {
    expect(screen(query)).toEqual({ decision: 'clear', hits: [] });
  });
});

describe('ScreeningIndex over the parsed fixture lists', () => {
  const entries = [
    ...parseOfacSdn(fixture('ofac_sdn.csv'), fixture('ofac_alt.csv')),
    ...parseEuConsolidated(fixture('eu_fsf.xml')),
    ...parseUnConsolidated(fixture('un_consolidated.xml')),
  ];
  const idx = new ScreeningIndex(entries);

  it.each([
    ['Александр Щербатых', 'ofac_sdn', '36001', 'hit'],
    ['ROMASHKA-POLE LLC', 'ofac_sdn', '36002', 'hit'],
    ['RomashkaPole Ltd', 'ofac_sdn', '36002', 'hit'],
    ['ООО «Ромашка-Поле»', 'ofac_sdn', '36002', 'hit'],
    ['Jose Andres Valdes Ortega', 'ofac_sdn', '36003', 'hit'],
    ['İbrahim Halil Şahinkaya', 'ofac_sdn', '36004', 'hit'],
    ['Denizkartal Lojistik Tic. Ltd. Şti.', 'ofac_sdn', '36005', 'hit'],
    ['Iurii Kholodovskii', 'eu_consolidated', '900101', 'hit'],
    ['ŞÜKRÜ BOZKURTOĞLU', 'eu_consolidated', '900202', 'hit'],
    ['Severnaya Chayka OOO', 'eu_consolidated', '900303', 'hit'],
    ['ООО «Северная чайка»', 'eu_consolidated', '900303', 'hit'],
    ['Вадим Желтовский', 'un_consolidated', '7000101', 'hit'],
    ['Huseyin Cakirbeyli', 'un_consolidated', '7000102', 'hit'],
    ['Green Meridian Shipping Ltd', 'un_consolidated', '7000201', 'hit'],
    ['Yuriy Kholodovskiy', 'eu_consolidated', '900101', 'hit'],
    ['Yuriy Kholodovskaya', 'eu_consolidated', '900101', 'review'],
  ])('%s → %s %s (%s)', (query, source, id, decision) => {
    const r = idx.screen(query);
    expect(r.decision).toBe(decision);
    expect(r.hits[0]).toMatchObject({ source, entryId: id });
  });

  it('uses list birth dates (UN range, EU circa)', () => {
    expect(idx.screen('Huseyin Cakirbeyli', { birthDate: '1971-05-05' }).decision).toBe('hit');
    expect(idx.screen('Huseyin Cakirbeyli', { birthDate: '1990-05-05' }).decision).toBe('review');
    expect(idx.screen('Shukru Bozkurtoglu', { birthDate: '1961' }).decision).toBe('hit');
  });

  it('reports clear for unrelated sellers', () => {
    expect(idx.screen('Ferruccio Lamborghetti').decision).toBe('clear');
    expect(idx.screen('Ivan Smirnov').decision).toBe('clear');
  });
});
