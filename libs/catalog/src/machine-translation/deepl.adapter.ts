import { z } from 'zod';
import type { ContentLocale } from '@app/kernel';
import { DEEPL_FORMALITY_TARGETS, deeplSource, deeplTarget } from './deepl-languages';
import type { MachineTranslationFailure, MachineTranslationRequest, MachineTranslationResult, MachineTranslator } from './port';
import { protect, restore } from './protect';

export interface DeeplSettings {
  apiKey: string;
  /** https://api.deepl.com, https://api-free.deepl.com, or a local double in tests. */
  apiUrl: string;
  formality: 'default' | 'more' | 'less';
}

/** DeepL accepts at most 50 texts per request. */
const BATCH = 50;
const TIMEOUT_MS = 20_000;

const TranslateResponse = z.object({ translations: z.array(z.object({ text: z.string() }).passthrough()) }).passthrough();

/** HTTP status → why DeepL refused (456: quota exceeded; 429: too many requests; 403: bad key). */
function failureOf(status: number): MachineTranslationFailure {
  if (status === 401 || status === 403) return 'auth';
  if (status === 456) return 'quota';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'refused';
}

/**
 * DeepL REST API v2 (`POST /v2/translate`, JSON body, `Authorization: DeepL-Auth-Key …`) through
 * Node's fetch. Texts go out as XML with the do-not-translate tokens in ignored `<x>` tags
 * (`tag_handling: xml`, `ignore_tags: [x]`); formality only for targets that support it.
 */
export class DeeplMachineTranslation implements MachineTranslator {
  readonly provider = 'deepl' as const;

  constructor(private readonly settings: DeeplSettings) {}

  supports(source: ContentLocale, target: ContentLocale): { ok: true } | { ok: false; side: 'source' | 'target' } {
    if (!deeplSource(source)) return { ok: false, side: 'source' };
    if (!deeplTarget(target)) return { ok: false, side: 'target' };
    return { ok: true };
  }

  async translate(request: MachineTranslationRequest): Promise<MachineTranslationResult> {
    const source = deeplSource(request.source);
    const target = deeplTarget(request.target);
    if (!source || !target) return { ok: false, failure: 'refused' };
    const prepared = request.texts.map((t) => protect(t, request.doNotTranslate));
    const out: (string | null)[] = [];
    for (let i = 0; i < prepared.length; i += BATCH) {
      const batch = prepared.slice(i, i + BATCH);
      const body = {
        text: batch.map((p) => p.xml),
        source_lang: source,
        target_lang: target,
        tag_handling: 'xml',
        ignore_tags: ['x'],
        preserve_formatting: true,
        ...(this.settings.formality !== 'default' && DEEPL_FORMALITY_TARGETS.has(target) ? { formality: this.settings.formality } : {}),
      };
      let res: Response;
      try {
        res = await fetch(`${this.settings.apiUrl}/v2/translate`, {
          method: 'POST',
          headers: { Authorization: `DeepL-Auth-Key ${this.settings.apiKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        return { ok: false, failure: 'unavailable' };
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, failure: failureOf(res.status) };
      }
      const parsed = TranslateResponse.safeParse(await res.json().catch(() => undefined));
      if (!parsed.success || parsed.data.translations.length !== batch.length) return { ok: false, failure: 'bad_response' };
      parsed.data.translations.forEach((t, j) => out.push(restore(t.text, batch[j].tokens) ?? null));
    }
    return { ok: true, texts: out };
  }
}
