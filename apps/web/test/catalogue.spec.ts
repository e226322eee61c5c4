import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SUPPORTED_LOCALES } from '@app/kernel';

/**
 * The web app's messages (apps/web/src/i18n/<lang>.json) against the API's: the same languages as the
 * API's message catalogue, every key in every language, the same placeholders, and a label for every
 * status the API's OpenAPI document can send.
 */
const dir = resolve(process.cwd(), 'apps/web/src/i18n');
const catalogues: Record<string, Record<string, string>> = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8'))]),
);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const path = join(folder, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('web app messages', () => {
  it('come in exactly the languages of the API', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it('have every key in every language, none empty, with the same placeholders', () => {
    const keys = Object.keys(catalogues.en).sort();
    expect(keys.length).toBeGreaterThan(50);
    for (const [lang, messages] of Object.entries(catalogues)) {
      expect({ lang, keys: Object.keys(messages).sort() }).toEqual({ lang, keys });
      for (const key of keys) {
        expect({ lang, key, empty: messages[key].trim() === '' }).toEqual({ lang, key, empty: false });
        expect({ lang, key, placeholders: placeholders(messages[key]) }).toEqual({ lang, key, placeholders: placeholders(catalogues.en[key]) });
      }
    }
  });

  it('define every key the code asks for', () => {
    const used = new Set(sources(resolve(process.cwd(), 'apps/web/src')).flatMap((code) => [...code.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((k) => !(k in catalogues.en))).toEqual([]);
  });

  it('name every status, rail, reason and decision the API can send (from its OpenAPI document)', () => {
    const schemas = JSON.parse(readFileSync(resolve(process.cwd(), 'apps/web/openapi.json'), 'utf8')).components.schemas;
    const enumOf = (schema: string, prop: string): string[] => schemas[schema].properties[prop].enum;
    const expected = [
      ...enumOf('SellerView', 'status').map((s) => `seller.status.${s}`),
      ...enumOf('SellerKycView', 'status').map((s) => `kyc.status.${s}`),
      ...enumOf('PayoutOverviewView', 'status').map((s) => `payout.status.${s}`),
      ...enumOf('PayoutOverviewView', 'rail').map((s) => `payout.rail.${s}`),
      // the ops console
      ...enumOf('KycQueueItemView', 'reviewReason').map((s) => `ops.reviewReason.${s}`),
      ...enumOf('KycQueueItemView', 'fourEyesState').map((s) => `ops.fourEyes.${s}`),
      ...enumOf('KycCheckView', 'result').map((s) => `ops.checkResult.${s}`),
      ...enumOf('DecisionDto', 'decision').map((s) => `ops.decision.${s}`),
      ...enumOf('DecisionDto', 'reasonCode').map((s) => `ops.reasonCode.${s}`),
      ...enumOf('BankAccountReviewView', 'status').map((s) => `bank.status.${s}`),
      ...enumOf('BankAccountReviewView', 'rejectionReason').map((s) => `ops.bankReason.${s}`),
      ...enumOf('WebhookEventView', 'status').map((s) => `ops.webhookStatus.${s}`),
      ...enumOf('PackChangeView', 'change').map((s) => `ops.pack.change.${s}`),
      ...enumOf('MarketChangeView', 'change').map((s) => `ops.pack.change.${s}`),
      // the catalog and FX
      ...enumOf('ProductView', 'status').map((s) => `catalog.status.${s}`),
      ...enumOf('LocalisedTextView', 'status').map((s) => `catalog.translationStatus.${s}`),
      ...enumOf('LocalisedTextView', 'state').map((s) => `catalog.textState.${s}`),
      ...enumOf('MarketPriceDoc', 'outcome').map((s) => `catalog.priceOutcome.${s}`),
      ...enumOf('MarketPriceDoc', 'source').map((s) => `catalog.priceSource.${s}`),
      ...enumOf('ReadinessView', 'status').map((s) => `catalog.readiness.${s}`),
      ...enumOf('IssueView', 'severity').map((s) => `catalog.severity.${s}`),
      ...enumOf('SnapshotView', 'source').map((s) => `ops.fx.source.${s}`),
    ];
    expect(expected.length).toBeGreaterThan(50);
    expect(expected.filter((k) => !(k in catalogues.en))).toEqual([]);
  });
});
