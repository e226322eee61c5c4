/**
 * The do-not-translate glossary, applied with DeepL's XML tag handling: every protected token is
 * wrapped in `<x>…</x>` and the request says `ignore_tags: ["x"]`, so the engine leaves it as it is
 * and translates the words around it. Chosen over DeepL glossaries because a glossary is per
 * language pair, immutable in v2 (a new one for every change of a seller's brand list), and maps
 * words rather than forbidding changes to them; tags work for every pair and need no state.
 * After translation every token must come back verbatim (the placeholder check), else the text is
 * not used.
 *
 * Protected: the glossary terms given (brand names), sizes (`XS`…`XXXL`, `3XL`, `M`), and numbers
 * with a unit or a percent sign (`100%`, `250 ml`, `1,5 kg`, `40 cm`).
 */

const SIZE = String.raw`(?:[2-6]?X{0,4}[SL]|M)`;
const UNIT = String.raw`(?:%|‰|mm|cm|m|km|mg|kg|g|ml|cl|l|L|oz|lb|lbs|in|ft|W|kW|V|mAh|Wh|GB|TB|MB)`;
const NUMBER = String.raw`\d+(?:[.,]\d+)*(?:\s?${UNIT})?`;
const PATTERN = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${SIZE}|${NUMBER})(?![\p{L}\p{N}])`, 'gu');

const TAG = 'x';
const WORD = /^[\p{L}\p{N}]$/u;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] as string);

export interface ProtectedText {
  /** The text as XML for the engine, protected tokens in `<x>` tags. */
  xml: string;
  /** The protected tokens, in order. */
  tokens: string[];
}

/** Marks the protected tokens of `text`; glossary terms win over patterns, longer terms over shorter ones. */
export function protect(text: string, terms: readonly string[]): ProtectedText {
  const spans: [number, number][] = [];
  const taken = (a: number, b: number) => spans.some(([s, e]) => a < e && b > s);
  const sorted = [...new Set(terms.map((t) => t.normalize('NFC').trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const nfc = text.normalize('NFC');
  for (const term of sorted) {
    for (let i = nfc.indexOf(term); i !== -1; i = nfc.indexOf(term, i + 1)) {
      // whole words only: the brand "Sun" is not protected inside "Sunny"
      const whole = !WORD.test(nfc.slice(i - 1, i)) && !WORD.test(nfc.slice(i + term.length, i + term.length + 1));
      if (whole && !taken(i, i + term.length)) spans.push([i, i + term.length]);
    }
  }
  for (const m of nfc.matchAll(PATTERN)) {
    const start = m.index;
    if (!taken(start, start + m[0].length)) spans.push([start, start + m[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let xml = '';
  let at = 0;
  const tokens: string[] = [];
  for (const [s, e] of spans) {
    xml += escape(nfc.slice(at, s)) + `<${TAG}>${escape(nfc.slice(s, e))}</${TAG}>`;
    tokens.push(nfc.slice(s, e));
    at = e;
  }
  return { xml: xml + escape(nfc.slice(at)), tokens };
}

/** The plain text of an engine's answer, or undefined when a protected token did not come back verbatim. */
export function restore(xml: string, tokens: readonly string[]): string | undefined {
  const back: string[] = [];
  const plain = xml.replace(new RegExp(`<${TAG}>([\\s\\S]*?)</${TAG}>`, 'g'), (_, inner: string) => {
    back.push(unescape(inner));
    return `\u0000${back.length - 1}\u0000`;
  });
  if (/<\/?[A-Za-z]/.test(plain)) return undefined; // a tag the engine made up or broke
  const expected = [...tokens].sort();
  const got = [...back].sort();
  if (expected.length !== got.length || expected.some((t, i) => t !== got[i])) return undefined;
  return unescape(plain).replace(/\u0000(\d+)\u0000/g, (_, i: string) => back[Number(i)]);
}
