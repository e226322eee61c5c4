import { describe, expect, it } from '@jest/globals';
import { COPY_NULL, CopyRows, copyText, utf8Chunks } from './copy';

describe('utf8Chunks', () => {
  const lines = [
    ...Array.from({ length: 500 }, (_, i) => `${i}\tŞık Kadın Çantası — ığüşöç İ 😀 ${'x'.repeat(i % 97)}\n`),
    `${'ğ'.repeat(3000)}\n`, // longer than a chunk of 4,096 bytes: travels alone
    'tail\n',
  ];

  it('gives exactly the UTF-8 of the lines, in order, in chunks no larger than asked (a longer line alone)', () => {
    const chunks = [...utf8Chunks(lines, 4096)];
    expect(Buffer.concat(chunks).equals(Buffer.from(lines.join(''), 'utf8'))).toBe(true);
    expect(chunks.length).toBeGreaterThan(10);
    const oversized = chunks.filter((c) => c.length > 4096);
    expect(oversized.map((c) => c.toString('utf8'))).toEqual([`${'ğ'.repeat(3000)}\n`]);
  });

  it('never splits a character between chunks', () => {
    for (const chunk of utf8Chunks(lines, 4096)) expect(Buffer.from(chunk.toString('utf8'), 'utf8').equals(chunk)).toBe(true);
  });

  it('gives nothing for no lines', () => {
    expect([...utf8Chunks([])]).toEqual([]);
  });
});

describe('COPY text fields', () => {
  it('escapes backslash, tab and line breaks, and writes NULL as \\N (a literal \\N stays text)', () => {
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(COPY_NULL).toBe('\\N');
  });
});

describe('CopyRows', () => {
  it('writes fields as COPY text format: tab-separated, escaped, NULL as \\N, a newline per row', () => {
    const out = new CopyRows(16);
    out.raw('9b2c').text('Şık\tçanta\\ \\N').text(null).json({ a: 'x\ny' }).raw(42).end();
    const second = out.mark();
    out.text('İkinci').json(undefined).end();
    expect(out.bytes().toString('utf8')).toBe('9b2c\tŞık\\tçanta\\\\ \\\\N\t\\N\t{"a":"x\\\\ny"}\t42\nİkinci\t\\N\n');
    expect(out.bytes(second).toString('utf8')).toBe('İkinci\t\\N\n');
  });

  it('keeps the bytes already cut out when it grows', () => {
    const out = new CopyRows(8);
    const rows: Buffer[] = [];
    for (let i = 0; i < 200; i++) {
      const from = out.mark();
      out.raw(i).text(`ğ${'x'.repeat(i)}`).end();
      rows.push(out.bytes(from));
    }
    expect(rows.map((r) => r.toString('utf8'))).toEqual(Array.from({ length: 200 }, (_, i) => `${i}\tğ${'x'.repeat(i)}\n`));
    expect(Buffer.concat(rows).equals(out.bytes())).toBe(true);
  });
});
