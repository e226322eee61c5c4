import { describe, expect, it } from '@jest/globals';
import { foldCase, normalizeName, romanize, skeleton } from './normalize';

const key = (s: string, kind?: 'person' | 'entity') => normalizeName(s, { kind }).key;

describe('foldCase (Turkish-aware)', () => {
  it('folds İ, I, ı and i to the same letter', () => {
    expect(foldCase('İBRAHİM')).toBe('ibrahim');
    expect(foldCase('IBRAHIM')).toBe('ibrahim');
    expect(foldCase('ıbrahım')).toBe('ibrahim');
    expect(foldCase('Ibrahim')).toBe('ibrahim');
  });

  it('applies NFKC (full-width letters, ligatures)', () => {
    expect(foldCase('Ｉｖａｎ ﬁrm')).toBe('ivan firm');
  });
});

describe('romanize', () => {
  it('yields several standard romanisations of a Cyrillic token, BGN/PCGN first', () => {
    const v = romanize('щербаков');
    expect(v[0]).toBe('shcherbakov');
    expect(v).toEqual(expect.arrayContaining(['scerbakov', 'shherbakov', 'schtscherbakow', 'chtcherbakov']));
  });

  it('covers the ий ending and iotated vowels', () => {
    expect(romanize('юрий')).toEqual(expect.arrayContaining(['yuriy', 'iurii', 'yury', 'yuri', 'jurij']));
    expect(romanize('дарья')).toEqual(expect.arrayContaining(['darya', 'daria', 'darja']));
    expect(romanize('хрущёв')).toEqual(expect.arrayContaining(['khrushchev', 'khrushchyov']));
    expect(romanize('жуков')).toEqual(expect.arrayContaining(['zhukov', 'zukov', 'joukov']));
    expect(romanize('цветаева')).toEqual(expect.arrayContaining(['tsvetaeva', 'cvetaeva']));
  });

  it('strips Latin diacritics (Turkish, Spanish, Czech, Nordic)', () => {
    expect(romanize('şahin')).toEqual(['sahin']);
    expect(romanize('gökçe')).toEqual(['gokce']);
    expect(romanize('ağaoğlu')).toEqual(['agaoglu']);
    expect(romanize('garcía')).toEqual(['garcia']);
    expect(romanize('ščerbakov')).toEqual(['scerbakov']);
    expect(romanize('øster')).toEqual(['oster']);
  });

  it('maps Cyrillic homoglyphs inside a Latin word back to Latin', () => {
    expect(romanize('ivanоv')).toEqual(['ivanov']); // Cyrillic "о"
  });
});

describe('skeleton', () => {
  it('merges transliteration variants', () => {
    const s = skeleton('shcherbakov');
    for (const v of ['scherbakow', 'scerbakov', 'sherbakov', 'chtcherbakov', 'schtscherbakow']) expect(skeleton(v)).toBe(s);
    const y = skeleton('yuri');
    for (const v of ['yury', 'yuriy', 'iurii', 'juri', 'jurij', 'iouri']) expect(skeleton(v)).toBe(y);
    expect(skeleton('sergeyev')).toBe(skeleton('sergeev'));
    expect(skeleton('grigoryev')).toBe(skeleton('grigorev'));
    expect(skeleton('shahin')).toBe(skeleton('sahin'));
    expect(skeleton('goekce')).toBe(skeleton('gokce'));
  });

  it('keeps different names apart', () => {
    expect(skeleton('petrov')).not.toBe(skeleton('petrenko'));
    expect(skeleton('ivanov')).not.toBe(skeleton('ivanova'));
    expect(skeleton('smirnov')).not.toBe(skeleton('petrov'));
  });
});

describe('normalizeName', () => {
  it('returns tokens, variants and an order-independent key', () => {
    const n = normalizeName('Александр Щербаков');
    expect(n.tokens).toEqual(['aleksandr', 'shcherbakov']);
    expect(n.variants[1]).toContain('scerbakov');
    expect(n.key).toBe(key('Shcherbakov Aleksandr'));
  });

  it('Cyrillic, transliterations and English given-name variants meet in the same key', () => {
    const k = key('Александр Щербаков');
    for (const s of ['Aleksandr Shcherbakov', 'Alexander Scherbakow', 'Aleksander Ščerbakov', 'SHCHERBAKOV, Alexandr']) {
      expect(key(s)).toBe(k);
    }
    const y = key('Юрий Смирнов');
    for (const s of ['Yuri Smirnov', 'Yury Smirnov', 'Iurii Smirnov', 'Yuriy Smirnov']) expect(key(s)).toBe(y);
  });

  it('Turkish dotted/dotless i and diacritics', () => {
    expect(key('İBRAHİM ŞAHİN')).toBe(key('Ibrahim Sahin'));
    expect(key('ıbrahim şahin')).toBe(key('IBRAHIM SAHIN'));
    expect(key('Gökçe Öztürk')).toBe(key('Gokce Ozturk'));
    expect(normalizeName('İBRAHİM ŞAHİN').tokens).toEqual(['ibrahim', 'sahin']);
  });

  it('punctuation and apostrophes', () => {
    expect(normalizeName("Dar'ya O’Neil-Petrova").tokens).toEqual(['darya', 'oneil', 'petrova']);
  });

  it('flags Russian patronymics (only with ≥ 3 tokens, never the first token)', () => {
    const n = normalizeName('Ivan Ivanovich Ivanov');
    expect(n.parts.map((p) => p.patronymic)).toEqual([false, true, false]);
    expect(n.key).toBe(key('Ivan Ivanov'));
    expect(normalizeName('Иванов Иван Ивановна').parts.map((p) => p.patronymic)).toEqual([false, false, true]);
    expect(normalizeName('Petrova Dar’ya Ilyinichna').parts[2].patronymic).toBe(true);
    // Serbian-style surname in a two-token name is a surname, not a patronymic
    expect(normalizeName('Slobodan Petrovic').parts.every((p) => !p.patronymic)).toBe(true);
    expect(normalizeName('Hans Dietrich Mueller').parts.every((p) => !p.patronymic)).toBe(true);
  });

  it('removes company legal forms in several languages', () => {
    const k = key('Romashka');
    for (const s of [
      'ООО «Ромашка»',
      'Romashka LLC',
      'Romashka Ltd. Şti.',
      'ROMASHKA LİMİTED ŞİRKETİ',
      'Romashka A.Ş.',
      'Romashka S.r.l.',
      'Romashka S.L.',
      'Romashka S.p.A.',
      'Romashka GmbH',
      'Общество с ограниченной ответственностью "Ромашка"',
      'Obshchestvo s ogranichennoy otvetstvennostyu Romashka',
      'LIMITED LIABILITY COMPANY ROMASHKA',
      'Romashka Società a responsabilità limitata',
      'Romashka Sociedad Limitada',
      'АО Ромашка',
    ]) {
      expect({ s, key: key(s) }).toEqual({ s, key: k });
    }
    expect(normalizeName('Romashka Ltd. Şti.').legalForms).toEqual(['ltd', 'sti']);
  });

  it('marks generic Turkish company words as optional rather than dropping them', () => {
    const n = normalizeName('Deniz Ticaret ve Sanayi Ltd. Şti.');
    expect(n.tokens).toEqual(['deniz', 'ticaret', 've', 'sanayi']);
    expect(n.parts.map((p) => p.optional)).toEqual([false, true, true, true]);
    expect(n.key).toBe(key('Deniz'));
  });

  it('does not strip legal-form look-alikes from persons, and never empties a name', () => {
    expect(normalizeName('Ahmet As', { kind: 'person' }).tokens).toEqual(['ahmet', 'as']);
    expect(normalizeName('LLC').tokens).toEqual(['llc']);
  });

  it('is robust to empty or symbol-only input', () => {
    expect(normalizeName('').tokens).toEqual([]);
    expect(normalizeName(' «—» ').key).toBe('');
  });
});
