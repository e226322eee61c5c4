import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { plainCsv } from './plain-csv';

/** csv-parse with the import job's options (import.job.ts). */
function csvParse(text: string, delimiter: string): { record: string[]; lines: number }[] | Error {
  try {
    const out = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return out.map(({ record, info }) => ({ record, lines: info.lines }));
  } catch (e) {
    return e as Error;
  }
}

function plain(text: string, delimiter: string): { record: string[]; lines: number }[] | null {
  const records = plainCsv(text, delimiter);
  return records && [...records].map(({ record, info }) => ({ record, lines: info.lines }));
}

let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

describe('plainCsv: what csv-parse gives, for plain spreadsheet CSV', () => {
  it('reads quoted cells, doubled quotes, empty lines and every line ending like csv-parse', () => {
    const cases: [string, string][] = [
      ['sku;title;price\r\nA;"Şık; çanta";"1 990,50"\r\n\r\nB;"say ""hi""";""\r\n;;\r\n', ';'],
      ['a,b\nc,"d"\n"e",\n', ','],
      ['a\tb\rc\t"d"\r', '\t'],
      ['\uFEFFsku,title\nA,B', ','],
      ['only', ','],
      ['', ','],
      ['\n\n\na,b\n\n', ','],
      ['"";"""";""""""\r\n', ';'],
    ];
    for (const [text, d] of cases) {
      const mine = plain(text, d);
      expect(mine).not.toBeNull();
      expect(mine).toEqual(csvParse(text, d));
    }
  });

  it('leaves to csv-parse what it does not read the same way', () => {
    for (const [text, d] of [
      ['a,"b\nc",d\n', ','], // a quoted cell over two lines
      ['a,b"c\n', ','], // a quote inside a cell
      ['a,"b"c\n', ','], // text after a closing quote
      ['a, "b"\n', ','], // a space before an opening quote
      ['a,"b\n', ','], // a quote never closed
      ['a,b\r\nc,d\ne,f\r\n', ','], // mixed line endings
      ['a,b\rc\n', ','],
      ['a,\u0000b\n', ','],
      ['a,\ud800\n', ','],
    ] as const) {
      expect(plain(text, d)).toBeNull();
    }
  });

  it('agrees with csv-parse on random spreadsheet-like files', () => {
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const d = pick([',', ';', '\t']);
      const ending = pick(['\r\n', '\n', '\r']);
      const cell = () => {
        const raw = Array.from({ length: Math.floor(rnd() * 6) }, () => pick(['a', 'ş', 'İ', ' ', '1', ',', ';', '\t', '"', '\u00a0', '—'])).join('');
        return rnd() < 0.3 || raw.includes(d) || raw.includes('"') ? `"${raw.replace(/"/g, '""')}"` : raw;
      };
      const lines = Array.from({ length: Math.floor(rnd() * 6) }, () => (rnd() < 0.1 ? '' : Array.from({ length: 1 + Math.floor(rnd() * 4) }, cell).join(d)));
      const text = (rnd() < 0.1 ? '\uFEFF' : '') + lines.join(ending) + (rnd() < 0.5 ? ending : '');
      const mine = plain(text, d);
      if (mine === null) continue;
      accepted++;
      expect({ text, records: mine }).toEqual({ text, records: csvParse(text, d) });
    }
    expect(accepted).toBeGreaterThan(2500);
  });

  it('never disagrees with csv-parse on random noise: either the same records or it declines', () => {
    for (let n = 0; n < 20000; n++) {
      const d = pick([',', ';']);
      const text = Array.from({ length: Math.floor(rnd() * 14) }, () => pick(['a', 'b', ' ', ',', ';', '"', '""', '\r', '\n', '\r\n', 'ş', '\uFEFF'])).join('');
      const mine = plain(text, d);
      if (mine !== null) expect({ text, records: mine }).toEqual({ text, records: csvParse(text, d) });
    }
  });
});
