import { describe, expect, it } from '@jest/globals';
import type { ContentLocale } from '@app/kernel';
import { deeplSource, deeplTarget } from './deepl-languages';
import { protect, restore } from './protect';

describe('do-not-translate protection (scenario 21)', () => {
  it('wraps the brand, the size and "100%" in ignored tags and escapes the rest as XML', () => {
    const p = protect('Güneş Kadın Elbise XL 100% pamuk <yeni> & ucuz', ['Güneş']);
    expect(p.tokens).toEqual(['Güneş', 'XL', '100%']);
    expect(p.xml).toBe('<x>Güneş</x> Kadın Elbise <x>XL</x> <x>100%</x> pamuk &lt;yeni&gt; &amp; ucuz');
  });

  it('protects numbers with units and longer glossary terms first, not words that merely contain a size letter', () => {
    expect(protect('Şişe 250 ml, 1,5 kg, 40cm; Sun & Co Sunny', ['Sun', 'Sun & Co']).tokens).toEqual(['250 ml', '1,5 kg', '40cm', 'Sun & Co']);
    expect(protect('Salı Lale Mavi', []).tokens).toEqual([]);
    expect(protect('S M L XXL 3XL', []).tokens).toEqual(['S', 'M', 'L', 'XXL', '3XL']);
  });

  it('restores the plain text when every token came back verbatim, and refuses otherwise', () => {
    const p = protect('Güneş elbise XL 100% pamuk', ['Güneş']);
    expect(restore('<x>Güneş</x> abito <x>XL</x> <x>100%</x> cotone &amp; più', p.tokens)).toBe('Güneş abito XL 100% cotone & più');
    expect(restore('Sole abito <x>XL</x> <x>100%</x> cotone', p.tokens)).toBeUndefined();
    expect(restore('<x>Güneş</x> abito <x>xl</x> <x>100%</x> cotone', p.tokens)).toBeUndefined();
    expect(restore('<x>Güneş</x> <b>abito</b> <x>XL</x> <x>100%</x>', p.tokens)).toBeUndefined();
  });
});

describe('content locale → DeepL codes', () => {
  const l = (s: string) => s as ContentLocale;
  it('maps targets to the variant DeepL needs and refuses languages it does not offer', () => {
    expect(['it', 'it-CH', 'de-AT', 'en', 'en-US', 'en-GB', 'en-AU', 'pt', 'pt-BR', 'zh', 'zh-Hant-TW', 'zh-TW', 'no', 'tr', 'ja'].map((x) => deeplTarget(l(x)))).toEqual([
      'IT', 'IT', 'DE', 'EN-US', 'EN-US', 'EN-GB', 'EN-GB', 'PT-PT', 'PT-BR', 'ZH-HANS', 'ZH-HANT', 'ZH-HANT', 'NB', 'TR', 'JA',
    ]);
    expect(deeplTarget(l('kk'))).toBeUndefined();
    expect(deeplTarget(l('nn'))).toBeUndefined();
  });

  it('maps sources to languages only', () => {
    expect(['tr', 'ru', 'en-GB', 'pt-BR', 'zh-Hant'].map((x) => deeplSource(l(x)))).toEqual(['TR', 'RU', 'EN', 'PT', 'ZH']);
    expect(deeplSource(l('kk'))).toBeUndefined();
  });
});
