import { describe, expect, it } from '@jest/globals';
import { compareHolderName } from './holder-name';

describe('compareHolderName (bank account holder vs legal name)', () => {
  it.each([
    ['EGE TEKSTİL SANAYİ VE TİCARET LTD. ŞTİ.', 'Ege Tekstil Sanayi ve Ticaret Limited Şirketi'],
    ['ege tekstil sanayi ve ticaret limited sirketi', 'Ege Tekstil Sanayi ve Ticaret Limited Şirketi'],
    ['Ege Tekstil Sanayi ve Ticaret', 'Ege Tekstil Sanayi ve Ticaret Limited Şirketi'],
    ['ООО «Ромашка»', 'Romashka OOO'],
    ['Щербаков Александр Юрьевич', 'Shcherbakov Aleksandr Yurevich'],
    ['Rossi Maria', 'Maria Rossi'],
    ['Lucía Fernández García', 'LUCIA FERNANDEZ GARCIA'],
    ['Bianchi S.r.l.', 'BIANCHI SRL'],
  ])('%s ≈ %s', (holder, legal) => {
    expect(compareHolderName(holder, legal)).toBe('match');
  });

  it.each([
    ['Ege Seramik Anonim Şirketi', 'Ege Tekstil Sanayi ve Ticaret Limited Şirketi'],
    ['Ayşe Yılmaz', 'Ege Tekstil Sanayi ve Ticaret Limited Şirketi'],
    ['Maria Rossi', 'Mario Rossi'],
  ])('%s ≠ %s', (holder, legal) => {
    expect(compareHolderName(holder, legal)).toBe('mismatch');
  });

  it('says when there is no legal name to compare with', () => {
    expect(compareHolderName('Maria Rossi', null)).toBe('no_legal_name');
  });
});
