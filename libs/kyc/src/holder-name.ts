import { normalizeName } from './screening';

export type HolderNameComparison = 'match' | 'mismatch' | 'no_legal_name';

/**
 * Compares a bank account's holder name with the seller's legal name the way screening compares
 * names: case (Turkish İ/ı included), diacritics, legal-form words ("Ltd. Şti." = "Limited
 * Şirketi", "S.r.l.", "ООО"), word order and script (Cyrillic romanised under several schemes) do
 * not count; anything else is a mismatch for a reviewer to look at.
 */
export function compareHolderName(holderName: string, legalName: string | null): HolderNameComparison {
  if (!legalName) return 'no_legal_name';
  const a = normalizeName(holderName);
  const b = normalizeName(legalName);
  if (a.key && a.key === b.key) return 'match';
  // the same tokens under another romanisation of the same Cyrillic name
  const forms = (n: ReturnType<typeof normalizeName>) => n.parts.filter((p) => !p.optional).map((p) => new Set([...p.variants, ...p.keys]));
  const fa = forms(a);
  const fb = forms(b);
  const covered = (x: Set<string>[], y: Set<string>[]) => x.length > 0 && x.length === y.length && x.every((s) => y.some((t) => [...s].some((v) => t.has(v))));
  return covered(fa, fb) && covered(fb, fa) ? 'match' : 'mismatch';
}
