import { describe, expect, it } from '@jest/globals';
import { copyJson, copyNullable, copyText, utf8Chunks } from './copy';

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
    expect(copyNullable(null)).toBe('\\N');
    expect(copyNullable('\\N')).toBe('\\\\N');
    expect(copyJson({ a: 'x\ty' })).toBe('{"a":"x\\\\ty"}');
    expect(copyJson(undefined)).toBe('\\N');
  });
});
