import type { ContentLocale } from '@app/kernel';

/** The machine-translation port: product texts out, translations back, as typed outcomes (no vendor types). */
export const MACHINE_TRANSLATION = Symbol('MACHINE_TRANSLATION');

export interface MachineTranslationRequest {
  source: ContentLocale;
  target: ContentLocale;
  texts: string[];
  /** Do-not-translate terms (brand names) besides the built-in patterns (sizes, numbers with units, percentages). */
  doNotTranslate: string[];
}

export type MachineTranslationFailure = 'auth' | 'quota' | 'rate_limited' | 'refused' | 'unavailable' | 'bad_response';

export type MachineTranslationResult =
  /** One entry per text, in order; null when the placeholder check failed (a protected token did not come back verbatim). */
  | { ok: true; texts: (string | null)[] }
  | { ok: false; failure: MachineTranslationFailure };

export interface MachineTranslator {
  /** `none`: not configured, nothing leaves the service. */
  readonly provider: 'none' | 'deepl';
  /** Whether the engine translates this pair (no network call); the unsupported side when not. */
  supports(source: ContentLocale, target: ContentLocale): { ok: true } | { ok: false; side: 'source' | 'target' };
  translate(request: MachineTranslationRequest): Promise<MachineTranslationResult>;
}

/** MT_PROVIDER=none: refuses everything, sends nothing. */
export class NoMachineTranslation implements MachineTranslator {
  readonly provider = 'none' as const;
  supports(): { ok: false; side: 'target' } {
    return { ok: false, side: 'target' };
  }
  translate(): Promise<MachineTranslationResult> {
    return Promise.resolve({ ok: false, failure: 'refused' });
  }
}
