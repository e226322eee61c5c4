import { describe, expect, it } from '@jest/globals';
import { hsCodeProblem, isValidSku } from './checks';
import { searchFold } from './product.entity';

describe('HS codes', () => {
  it('accepts 6-digit subheadings of chapters 01–97 except 77', () => {
    for (const ok of ['010121', '620442', '220830', '732393', '970600']) expect({ ok, problem: hsCodeProblem(ok) }).toEqual({ ok, problem: undefined });
    expect(hsCodeProblem('770000')?.code).toBe('HS_CHAPTER_UNKNOWN');
    expect(hsCodeProblem('000000')?.code).toBe('HS_CHAPTER_UNKNOWN');
    expect(hsCodeProblem('980100')?.code).toBe('HS_CHAPTER_UNKNOWN');
    for (const bad of ['62044', '6204420', '62O442', '６２０４４２']) expect(hsCodeProblem(bad)?.code).toBe('INVALID_HS_CODE');
  });
});

describe('SKUs and search folding (golden scenario 40)', () => {
  it('keeps SKUs as typed: no trimming, no case folding', () => {
    expect(isValidSku('kiwi-i')).toBe(true);
    expect(isValidSku('KIWI-İ')).toBe(true);
    expect(isValidSku(' kiwi')).toBe(false);
    expect(isValidSku('ki\u0007wi')).toBe(false);
    expect(isValidSku('')).toBe(false);
  });

  it('folds for search without any locale: İ, I, ı and i alike; accents dropped', () => {
    expect(searchFold('İSTANBUL')).toBe('istanbul');
    expect(searchFold('ıstanbul')).toBe('istanbul');
    expect(searchFold('Rize ÇAYI')).toBe('rize cayi');
    expect(searchFold('Cerámicas')).toBe('ceramicas');
    expect(searchFold('Ｇüneş')).toBe('gunes');
  });
});
