/**
 * Local stand-in for the DeepL REST API v2, enough for the adapter's tests: `POST /v2/translate`
 * (JSON body) with the `DeepL-Auth-Key` header, the v2 target/source codes, `formality` refused for
 * targets without it (as DeepL answers), and XML tag handling with `ignore_tags`. It "translates"
 * with a tiny word list per target language and mangles what a real engine mangles — it translates
 * the brand "Güneş" (Turkish for "sun"), lower-cases size codes and writes "100 %" — but never
 * inside ignored tags. A key `quota-exceeded` gets 456; any key but the accepted one 403. Test-only: nothing here ships.
 * Glossary endpoints are not implemented: the adapter protects terms with ignored tags instead.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface DeeplRequest {
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
}

export interface DeeplDouble {
  url: string;
  requests: DeeplRequest[];
  /** Accept another key from now on (the app's own key is then refused with 403). */
  acceptKey(key: string): void;
  close(): Promise<void>;
}

const TARGETS = ['AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN-GB', 'EN-US', 'ES', 'ET', 'FI', 'FR', 'HU', 'ID', 'IT', 'JA', 'KO', 'LT', 'LV', 'NB', 'NL', 'PL', 'PT-BR', 'PT-PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TR', 'UK', 'ZH-HANS', 'ZH-HANT'];
const FORMALITY = new Set(['DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'PT-BR', 'PT-PT', 'JA', 'RU']);

const WORDS: Record<string, Record<string, string>> = {
  IT: { Güneş: 'Sole', Kadın: 'Donna', Elbise: 'Abito', elbise: 'abito', pamuk: 'cotone', Yazlık: 'Estivo', pamuklu: 'di cotone' },
  DE: { Güneş: 'Sonne', Kadın: 'Damen', Elbise: 'Kleid', elbise: 'Kleid', pamuk: 'Baumwolle', Yazlık: 'Sommerliches', pamuklu: 'Baumwoll' },
  'EN-US': { Güneş: 'Sun', Kadın: 'Women', Elbise: 'Dress', elbise: 'dress', pamuk: 'cotton', Yazlık: 'Summer', pamuklu: 'cotton' },
};

/** Mangles like an engine: dictionary words, lower-cased size codes, a space before %. */
function translatePlain(text: string, target: string): string {
  const words = WORDS[target] ?? {};
  return text
    .replace(/[\p{L}]+/gu, (w) => words[w] ?? (/^[2-6]?X{0,4}[SL]$/.test(w) ? w.toLowerCase() : w))
    .replace(/(\d)%/g, '$1 %');
}

function translate(text: string, target: string, ignored: string[]): string {
  if (!ignored.length) return translatePlain(text, target);
  const tags = ignored.map((t) => t.replace(/[^\w-]/g, '')).join('|');
  const re = new RegExp(`<(${tags})>[\\s\\S]*?</\\1>`, 'g');
  let out = '';
  let at = 0;
  for (const m of text.matchAll(re)) {
    out += translatePlain(text.slice(at, m.index), target) + m[0];
    at = m.index + m[0].length;
  }
  return out + translatePlain(text.slice(at), target);
}

export async function startDeeplDouble(initialKey: string): Promise<DeeplDouble> {
  let apiKey = initialKey;
  const requests: DeeplRequest[] = [];
  const sockets = new Set<Socket>();
  const json = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        return json(res, 400, { message: 'Invalid JSON' });
      }
      requests.push({ path, authorization: req.headers.authorization, body });
      const key = /^DeepL-Auth-Key (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (key === 'quota-exceeded') return json(res, 456, { message: 'Quota exceeded' });
      if (key !== apiKey) return json(res, 403, { message: 'Wrong endpoint. Use https://api.deepl.com' });
      if (path !== '/v2/translate' || req.method !== 'POST') return json(res, 404, { message: 'Not found' });
      const target = String(body.target_lang ?? '').toUpperCase();
      if (!TARGETS.includes(target)) return json(res, 400, { message: "Value for 'target_lang' not supported." });
      if (body.formality !== undefined && !FORMALITY.has(target)) return json(res, 400, { message: "'formality' is not supported for given 'target_lang'." });
      const texts = body.text;
      if (!Array.isArray(texts) || texts.length === 0 || texts.length > 50 || texts.some((t) => typeof t !== 'string')) return json(res, 400, { message: "Parameter 'text' not specified." });
      const ignored = body.tag_handling === 'xml' && Array.isArray(body.ignore_tags) ? (body.ignore_tags as string[]) : [];
      return json(res, 200, {
        translations: (texts as string[]).map((t) => ({ detected_source_language: String(body.source_lang ?? 'TR'), text: translate(t, target, ignored) })),
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    acceptKey: (key) => {
      apiKey = key;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
