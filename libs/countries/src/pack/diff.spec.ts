import { describe, expect, it } from '@jest/globals';
import { diffPacks, tightenedLegalForms } from './diff';

describe('pack diff', () => {
  it('is empty for equal documents', () => {
    expect(diffPacks({ a: [1, 2], b: { c: 'x' } }, { a: [1, 2], b: { c: 'x' } })).toEqual([]);
  });

  it('matches list items by their code, so a reordering is not a change', () => {
    const from = { legalForms: [{ code: 'a', n: 1 }, { code: 'b', n: 2 }] };
    const to = { legalForms: [{ code: 'b', n: 3 }, { code: 'a', n: 1 }, { code: 'c', n: 4 }] };
    expect(diffPacks(from, to)).toEqual([
      { path: 'legalForms[b].n', change: 'changed', from: 2, to: 3 },
      { path: 'legalForms[c]', change: 'added', to: { code: 'c', n: 4 } },
    ]);
  });

  it('reports removed keys and changed scalar lists', () => {
    expect(diffPacks({ x: 1, tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([
      { path: 'x', change: 'removed', from: 1 },
      { path: 'tags', change: 'changed', from: ['a'], to: ['a', 'b'] },
    ]);
  });
});

describe('tightened legal forms', () => {
  const form = (over: object = {}) => ({
    code: 'x.co',
    eligibility: { allowed: true },
    identifiers: [{ type: 'x.tax', required: true }],
    documents: [{ type: 'extract', required: true, condition: 'always' }],
    ...over,
  });

  it('flags a newly required identifier or document, or a form no longer eligible', () => {
    expect(tightenedLegalForms({ legalForms: [form()] }, { legalForms: [form({ identifiers: [{ type: 'x.tax', required: true }, { type: 'x.vat', required: true }] })] })).toEqual(['x.co']);
    expect(tightenedLegalForms({ legalForms: [form()] }, { legalForms: [form({ documents: [{ type: 'extract', required: true }, { type: 'id', required: true, condition: 'always' }] })] })).toEqual(['x.co']);
    expect(tightenedLegalForms({ legalForms: [form()] }, { legalForms: [form({ eligibility: { allowed: false } })] })).toEqual(['x.co']);
  });

  it('does not flag relaxed rules, optional additions or conditional documents', () => {
    expect(tightenedLegalForms({ legalForms: [form()] }, { legalForms: [form({ identifiers: [] })] })).toEqual([]);
    expect(tightenedLegalForms({ legalForms: [form()] }, { legalForms: [form({ identifiers: [{ type: 'x.tax', required: true }, { type: 'x.vat', required: false }] })] })).toEqual([]);
    expect(tightenedLegalForms({ legalForms: [form()] }, { legalForms: [form({ documents: [{ type: 'extract', required: true }, { type: 'tm', required: true, condition: 'brand_declared' }] })] })).toEqual([]);
  });
});
