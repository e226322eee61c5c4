/**
 * Sanctions screening: an in-memory index over list entries and a name matcher.
 *
 * Matching model (per list name, best name per entry wins):
 *   - Both names are normalised (see normalize.ts) into tokens with romanisation variants and
 *     phonetic skeleton keys.
 *   - Tokens are aligned one-to-one, greedily by similarity (order-independent):
 *       1.00  identical primary form (Иванов ↔ Ivanov, İBRAHİM ↔ Ibrahim, Şahin ↔ Sahin)
 *       0.99  one side's romanisation variant equals the other's (Юрий ↔ Iurii)
 *       0.96  equal skeleton / strong given-name class (Shcherbakov ↔ Scherbakow, Aleksandr ↔ Alexander)
 *       ≤0.94 fuzzy: mean of Jaro-Winkler (talisman) and normalised edit similarity over skeleton
 *             keys; weak given-name classes (Mikhail ↔ Michael) count 0.90.
 *     Jaro-Winkler alone over-rewards shared prefixes (Petrov/Petrenko = 0.89) and edit distance alone
 *     punishes short names (Ivanov/Ivanova = 0.86); their mean separates typos from different names
 *     (Petrov/Petrenko 0.72 < 0.80 threshold; Shcherbakov/Shcherbakof 0.91). The edit distance is
 *     fastest-levenshtein's (Myers bit-parallel, ~4× faster than talisman's), refined by talisman's
 *     optimal-string-alignment Damerau-Levenshtein only when it is ≥ 2, so that a transposed pair
 *     counts as one typo (Mruat/Murat: Levenshtein 2, OSA 1).
 *   - Every required token of BOTH names must be aligned. Particles (al, bin, de, ve…) are optional;
 *     a patronymic present on one side only is ignored (Ivan Ivanovich Ivanov ↔ Ivan Ivanov), but two
 *     different patronymics cap the result at review.
 *   - Decision: all tokens aligned at ≥ 0.95 → `hit` (strength exact/near); all aligned at ≥ 0.80
 *     and overall score ≥ 0.85 → `review` (fuzzy); one name fully contained in the other (≥ 2 tokens,
 *     e.g. "Mehmet Yilmaz" vs "Mehmet Ali Yilmaz") → `review`; otherwise nothing — so sharing only a
 *     first name or only a surname is `clear`.
 *   - A contradicting birth date, or a person/entity kind mismatch, lowers a hit to review (never clear).
 *
 * Speed: the constructor builds an inverted index (skeleton key → names) and a deletion-neighbourhood
 * index (every key with one character deleted → keys), so a query only scores names that share at
 * least two tokens (exactly, by variant, or within ~2 edits) with it.
 */
import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein.js';
import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import { distance as levenshtein } from 'fastest-levenshtein';
import type { ListEntry, ListSource } from './lists';
import { normalizeName, type NormalizedName, type NormalizedToken } from './normalize';

export type ScreeningDecision = 'hit' | 'review' | 'clear';
export type MatchStrength = 'exact' | 'near' | 'fuzzy';

export interface ScreeningHit {
  entryId: string;
  source: ListSource;
  /** The list name (primary or alias) that matched best. */
  matchedName: string;
  /** 0..1 */
  score: number;
  strength: MatchStrength;
  /** What this hit contributes to the decision. */
  decision: Exclude<ScreeningDecision, 'clear'>;
  kind: ListEntry['kind'];
  /** Birth-date comparison (persons only; 'unknown' when either side has no date). */
  birthDate: 'match' | 'mismatch' | 'unknown';
  /** Why a near/exact match was lowered to review, if it was. */
  downgradedBy?: ('birth_date' | 'kind' | 'patronymic')[];
}

export interface ScreeningResult {
  decision: ScreeningDecision;
  hits: ScreeningHit[];
}

export interface ScreenOptions {
  kind?: 'person' | 'entity';
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  birthDate?: string;
  /** Maximum hits returned (default 20). */
  maxHits?: number;
}

export interface ScreeningIndexOptions {
  /**
   * Decision for near matches (same name in another script/romanisation). Default 'hit' (blocking);
   * set 'review' to send every non-identical match to the manual-review queue.
   */
  nearMatchDecision?: 'hit' | 'review';
  /** Minimum overall score for a fuzzy review (default 0.85). */
  reviewThreshold?: number;
}

// Similarity levels
const SIM_EXACT = 1;
const SIM_VARIANT = 0.99;
const SIM_KEY = 0.96;
const SIM_WEAK = 0.9;
const SIM_INITIAL = 0.86;
const NEAR_MIN = 0.95;
const TOKEN_MIN = 0.8;
const DEFAULT_REVIEW = 0.85;
/** Fuzzy lookups only for keys at least this long (shorter keys need an exact/variant match). */
const FUZZY_MIN_LEN = 4;
const DEL2_MIN_LEN = 7;

const F_OPTIONAL = 1;
const F_PATRONYMIC = 2;

interface Tok {
  text: string;
  variants: string[];
  keys: string[];
  weakKeys: string[];
}

interface IndexedName {
  entry: number;
  name: string;
  tok: Int32Array;
  flags: Uint8Array;
  /** Required (non-optional, non-patronymic) token count. */
  req: number;
  /** Indexed from a joined form of the list name (Abdul Rahman → Abdulrahman). */
  joined: boolean;
}

interface QueryTok extends Tok {
  optional: boolean;
  patronymic: boolean;
}

export class ScreeningIndex {
  private readonly entries: ListEntry[];
  private readonly entryDates: (DateSpec[] | undefined)[];
  private readonly names: IndexedName[] = [];
  private readonly toks: Tok[] = [];
  private readonly tokIds = new Map<string, number>();
  private readonly keyIds = new Map<string, number>();
  private readonly keyStr: string[] = [];
  private postings: Int32Array[] = [];
  private readonly deletions = new Map<string, number[]>();
  private readonly nearDecision: 'hit' | 'review';
  private readonly reviewThreshold: number;
  // scratch buffers reused across queries
  private stamp: Uint32Array;
  private mask: Uint32Array;
  private generation = 0;

  constructor(entries: ListEntry[], options: ScreeningIndexOptions = {}) {
    this.entries = entries;
    this.nearDecision = options.nearMatchDecision ?? 'hit';
    this.reviewThreshold = options.reviewThreshold ?? DEFAULT_REVIEW;
    this.entryDates = entries.map((e) => {
      const specs = (e.birthDates ?? []).map(parseDate).filter((d): d is DateSpec => d !== null);
      return specs.length ? specs : undefined;
    });

    const post: number[][] = [];
    entries.forEach((entry, entryIdx) => {
      const seen = new Set<string>();
      for (const rawName of entry.names) {
        if (!rawName || !rawName.trim()) continue;
        nameForms(rawName).forEach((form, formIdx) => {
          const norm = normalizeName(form, { kind: entry.kind });
          if (!norm.parts.length) return;
          const sig = norm.parts.map((p) => `${p.text}:${p.optional ? 1 : 0}${p.patronymic ? 1 : 0}`).sort().join(' ');
          if (seen.has(sig)) return; // aliases that normalise identically
          seen.add(sig);
          this.addName(entryIdx, rawName, norm.parts, formIdx > 0, post);
        });
      }
    });
    this.postings = post.map((l) => Int32Array.from(l ?? []));

    // Deletion neighbourhood (1 deletion) of every strong key long enough for fuzzy matching.
    this.keyStr.forEach((k, kid) => {
      if (k.startsWith('~') || k.length < FUZZY_MIN_LEN) return;
      for (const d of deletes1(k)) {
        const list = this.deletions.get(d);
        if (!list) this.deletions.set(d, [kid]);
        else if (list[list.length - 1] !== kid) list.push(kid);
      }
    });

    this.stamp = new Uint32Array(this.names.length);
    this.mask = new Uint32Array(this.names.length);
  }

  /** Index size, for monitoring. */
  get stats(): { entries: number; names: number; tokens: number; keys: number; deletionKeys: number } {
    return {
      entries: this.entries.length,
      names: this.names.length,
      tokens: this.toks.length,
      keys: this.keyStr.length,
      deletionKeys: this.deletions.size,
    };
  }

  screen(name: string, opts: ScreenOptions = {}): ScreeningResult {
    const best = new Map<number, ScreeningHit>();
    const queryDate = opts.birthDate ? parseDate(opts.birthDate) : null;
    nameForms(name ?? '').forEach((form, formIdx) => {
      const norm = normalizeName(form, { kind: opts.kind });
      this.screenForm(norm, formIdx > 0, opts, queryDate, best);
      // Kind unknown and something looked like a legal form ("Ahmet As", "Sa Ding"): also screen the
      // name as a person's, with nothing removed.
      if (!opts.kind && norm.legalForms.length) {
        this.screenForm(normalizeName(form, { kind: 'person' }), formIdx > 0, opts, queryDate, best);
      }
    });
    const hits = [...best.values()].sort((a, b) => rank(b) - rank(a)).slice(0, opts.maxHits ?? 20);
    const decision: ScreeningDecision = hits.some((h) => h.decision === 'hit')
      ? 'hit'
      : hits.length
        ? 'review'
        : 'clear';
    return { decision, hits };
  }

  private screenForm(
    norm: NormalizedName,
    joinedQuery: boolean,
    opts: ScreenOptions,
    queryDate: DateSpec | null,
    best: Map<number, ScreeningHit>,
  ): void {
    const q: QueryTok[] = norm.parts.slice(0, 31).map((p: NormalizedToken) => ({
      text: p.text,
      variants: p.variants,
      keys: p.keys,
      weakKeys: p.weakKeys,
      optional: p.optional,
      patronymic: p.patronymic,
    }));
    if (!q.length) return;
    const qReq = q.filter((t) => !t.optional && !t.patronymic).length;

    // 1. Candidate names: OR a bit per query token into each name that shares a key with it.
    const gen = this.nextGeneration();
    const candidates: number[] = [];
    q.forEach((t, i) => {
      if (t.optional) return;
      const bit = 1 << i;
      for (const kid of this.lookupKeys(t)) {
        const plist = this.postings[kid];
        for (let j = 0; j < plist.length; j++) {
          const nid = plist[j];
          if (this.stamp[nid] !== gen) {
            this.stamp[nid] = gen;
            this.mask[nid] = bit;
            candidates.push(nid);
          } else this.mask[nid] |= bit;
        }
      }
    });

    // 2. Score candidates sharing enough tokens; keep the best name per entry.
    const simCache = new Map<number, number>();
    for (const nid of candidates) {
      const rec = this.names[nid];
      // A one-token query can only fully match one-token names; otherwise ≥ 2 shared tokens are needed
      // (so a shared first name alone never even reaches scoring).
      // (Exception: a one-word company name may be contained in a longer listed company name.)
      if (qReq <= 1 && rec.req > 1 && !(opts.kind !== 'person' && this.entries[rec.entry].kind === 'entity')) continue;
      if (popcount(this.mask[nid]) < (qReq <= 1 ? 1 : Math.min(2, rec.req))) continue;
      const m = this.scoreName(q, rec, simCache, opts);
      if (!m) continue;
      const entry = this.entries[rec.entry];
      let strength = m.strength;
      let score = m.score;
      if (strength === 'exact' && (joinedQuery || rec.joined)) {
        strength = 'near'; // only equal after joining "Abdul Rahman" → "Abdulrahman"
        score = 0.98;
      }
      const downgraded: ('birth_date' | 'kind' | 'patronymic')[] = [];
      if (m.patronymicConflict) downgraded.push('patronymic');
      if (opts.kind && entry.kind !== 'unknown' && entry.kind !== opts.kind) downgraded.push('kind');
      let dob: ScreeningHit['birthDate'] = 'unknown';
      const entryDates = this.entryDates[rec.entry];
      if (queryDate && entryDates && entry.kind !== 'entity') {
        dob = entryDates.some((d) => datesCompatible(d, queryDate)) ? 'match' : 'mismatch';
        if (dob === 'mismatch') downgraded.push('birth_date');
      }
      const lowered = downgraded.length > 0 && strength !== 'fuzzy';
      if (lowered) {
        strength = 'fuzzy';
        score = Math.min(score, 0.94);
      }
      if (dob === 'mismatch') score *= 0.95;
      const decision: ScreeningHit['decision'] =
        strength === 'fuzzy' ? 'review' : strength === 'near' ? this.nearDecision : 'hit';
      const hit: ScreeningHit = {
        entryId: entry.id,
        source: entry.source,
        matchedName: rec.name,
        score: round(score),
        strength,
        decision,
        kind: entry.kind,
        birthDate: dob,
        ...(lowered ? { downgradedBy: downgraded } : {}),
      };
      const prev = best.get(rec.entry);
      if (!prev || rank(hit) > rank(prev)) best.set(rec.entry, hit);
    }
  }

  // -------------------------------------------------------------------------------------------

  private addName(entryIdx: number, rawName: string, parts: NormalizedToken[], joined: boolean, post: number[][]): void {
    const nameId = this.names.length;
    const tok = new Int32Array(parts.length);
    const flags = new Uint8Array(parts.length);
    let req = 0;
    parts.forEach((p, i) => {
      tok[i] = this.internTok(p);
      flags[i] = (p.optional ? F_OPTIONAL : 0) | (p.patronymic ? F_PATRONYMIC : 0);
      if (!p.optional && !p.patronymic) req++;
      if (p.optional) return; // particles are not indexed
      for (const k of [...p.keys, ...p.weakKeys]) {
        const kid = this.internKey(k);
        const list = (post[kid] ??= []);
        if (list[list.length - 1] !== nameId) list.push(nameId);
      }
    });
    this.names.push({ entry: entryIdx, name: rawName, tok, flags, req: Math.max(req, 1), joined });
  }

  private nextGeneration(): number {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  private internTok(p: NormalizedToken): number {
    const sig = p.text + '|' + p.keys.join('/') + '|' + p.weakKeys.join('/');
    let id = this.tokIds.get(sig);
    if (id === undefined) {
      id = this.toks.length;
      this.toks.push({ text: p.text, variants: p.variants, keys: p.keys, weakKeys: p.weakKeys });
      this.tokIds.set(sig, id);
    }
    return id;
  }

  private internKey(k: string): number {
    let id = this.keyIds.get(k);
    if (id === undefined) {
      id = this.keyStr.length;
      this.keyStr.push(k);
      this.keyIds.set(k, id);
    }
    return id;
  }

  /** Key ids a query token can match: its own keys, weak keys and fuzzy neighbours (~≤ 2 edits). */
  private lookupKeys(t: QueryTok): Set<number> {
    const out = new Set<number>();
    for (const k of t.weakKeys) {
      const id = this.keyIds.get(k);
      if (id !== undefined) out.add(id);
    }
    let fuzzyProbes = 0;
    for (const k of t.keys) {
      const id = this.keyIds.get(k);
      if (id !== undefined) out.add(id);
      // Fuzzy neighbours for the first three keys only (further Cyrillic variants rarely add any).
      if (k.length < FUZZY_MIN_LEN || fuzzyProbes++ >= 3) continue;
      const probe = (cands: number[] | number | undefined) => {
        if (cands === undefined) return;
        const list = typeof cands === 'number' ? [cands] : cands;
        for (const c of list) {
          if (out.has(c)) continue;
          if (fuzzySim(k, this.keyStr[c]) >= TOKEN_MIN) out.add(c);
        }
      };
      probe(this.deletions.get(k)); // list key = k + 1 char
      const d1 = deletes1(k);
      for (const d of d1) {
        probe(this.keyIds.get(d)); // list key = k − 1 char
        probe(this.deletions.get(d)); // one substitution / transposition
      }
      if (k.length >= DEL2_MIN_LEN) {
        for (const d of deletes2(k)) {
          probe(this.keyIds.get(d));
          probe(this.deletions.get(d));
        }
      }
    }
    return out;
  }

  private scoreName(
    q: QueryTok[],
    rec: IndexedName,
    cache: Map<number, number>,
    opts: ScreenOptions,
  ): { score: number; strength: MatchStrength; patronymicConflict: boolean } | null {
    const nq = q.length;
    const ne = rec.tok.length;
    // All pair similarities ≥ TOKEN_MIN, best first.
    const pairs: { i: number; j: number; s: number }[] = [];
    for (let i = 0; i < nq; i++) {
      for (let j = 0; j < ne; j++) {
        const tid = rec.tok[j];
        const ck = tid * 32 + i; // per-query cache key (list token id, query token index)
        let s = cache.get(ck);
        if (s === undefined) {
          s = tokenSim(q[i], this.toks[tid]);
          cache.set(ck, s);
        }
        if (s < TOKEN_MIN) continue;
        // A patronymic only pairs fuzzily with a patronymic ("Ivanovich" must not stand in for "Ivanov").
        const eP = (rec.flags[j] & F_PATRONYMIC) !== 0;
        if (eP !== q[i].patronymic && s < NEAR_MIN) continue;
        pairs.push({ i, j, s });
      }
    }
    if (!pairs.length) return null;
    pairs.sort((a, b) => b.s - a.s || Math.abs(a.i - a.j) - Math.abs(b.i - b.j));
    const qs = new Float64Array(nq).fill(-1);
    const es = new Float64Array(ne).fill(-1);
    const qAligned = new Int32Array(nq).fill(-1);
    for (const p of pairs) {
      if (qs[p.i] >= 0 || es[p.j] >= 0) continue;
      qs[p.i] = p.s;
      es[p.j] = p.s;
      qAligned[p.i] = p.j;
    }

    const qUnmatchedPat = q.some((t, i) => t.patronymic && qs[i] < 0);
    const eUnmatchedPat = Array.from(rec.flags).some((f, j) => (f & F_PATRONYMIC) !== 0 && es[j] < 0);
    const patronymicConflict = qUnmatchedPat && eUnmatchedPat;

    let sum = 0;
    let count = 0;
    let qMissing = 0;
    let eMissing = 0;
    let qCounted = 0;
    let minSim = 1;
    let skipped = 0;
    let allExact = true;
    for (let i = 0; i < nq; i++) {
      const t = q[i];
      if (qs[i] >= 0) {
        if (t.optional) continue;
        sum += qs[i];
        count++;
        qCounted++;
        if (qs[i] < minSim) minSim = qs[i];
        if (qs[i] < SIM_EXACT) allExact = false;
      } else if (t.optional) continue;
      else if (t.patronymic) skipped++;
      else {
        qMissing++;
        count++;
        qCounted++;
      }
    }
    for (let j = 0; j < ne; j++) {
      const f = rec.flags[j];
      if (es[j] >= 0) {
        if (f & F_OPTIONAL) continue;
        sum += es[j];
        count++;
        if (es[j] < minSim) minSim = es[j];
      } else if (f & F_OPTIONAL) continue;
      else if (f & F_PATRONYMIC) skipped++;
      else {
        eMissing++;
        count++;
      }
    }
    if (!count) return null;
    let score = sum / count;
    const missing = qMissing + eMissing;
    if (missing === 0) {
      if (minSim >= NEAR_MIN && !patronymicConflict) {
        if (allExact && skipped === 0) return { score: 1, strength: 'exact', patronymicConflict };
        score = Math.max(0.9, Math.min(0.99, score - 0.01 * skipped));
        return { score, strength: 'near', patronymicConflict };
      }
      if (patronymicConflict) {
        // Same given name and surname but another father: review. A fuzzy name on top of a different
        // patronymic is two disagreements: no match.
        return minSim >= NEAR_MIN ? { score: score * 0.95, strength: 'fuzzy', patronymicConflict } : null;
      }
      if (score >= this.reviewThreshold) return { score, strength: 'fuzzy', patronymicConflict };
      return null;
    }
    // Containment: one name entirely inside the other ("Mehmet Yilmaz" ⊂ "Mehmet Ali Yilmaz").
    // Only pairs of two non-patronymic tokens count (a patronymic "Petrovich" must not vouch for a
    // surname "Petrovich"), and every such pair must be strong.
    let matched = 0;
    let matchedSum = 0;
    let weakest = 1;
    let matchedLen = 0;
    for (let i = 0; i < nq; i++) {
      const j = qAligned[i];
      if (j < 0 || q[i].optional || q[i].patronymic || rec.flags[j] !== 0) continue;
      matched++;
      matchedSum += qs[i];
      matchedLen = q[i].text.length;
      if (qs[i] < weakest) weakest = qs[i];
    }
    const matchedAvg = matched ? matchedSum / matched : 0;
    // One distinctive word shared by two company names ("Gazprom" vs "Gazprom Neft") is enough for
    // a review; for persons it never is (a shared first name or surname alone stays clear).
    const oneCompanyWord =
      matched === 1 &&
      this.entries[rec.entry].kind === 'entity' &&
      opts.kind !== 'person' &&
      weakest >= NEAR_MIN &&
      matchedLen >= 4;
    const entryContained = eMissing === 0 && (matched >= 2 || (oneCompanyWord && rec.req === 1));
    const queryContained = qMissing === 0 && (matched >= 2 || (oneCompanyWord && qCounted === 1));
    if ((entryContained || queryContained) && weakest >= 0.88 && matchedAvg >= 0.92) {
      return { score: Math.min(score, 0.9), strength: 'fuzzy', patronymicConflict };
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Spacing variants
// ---------------------------------------------------------------------------------------------

const HYPHEN_JOIN = /(\p{L})[-\u2010\u2011\u2013](?=\p{L})/gu;
const PREFIX_JOIN =
  /(?<!\p{L})(abdul|abdel|abdal|abdol|abdur|abd|abu|al|el|ul|абдул|абдель|абду|абу|аль|эль)[\s\-\u2010\u2011\u2013]+(?=\p{L})/giu;

/**
 * The name itself plus spacing variants that tokenisation would otherwise keep apart:
 * hyphenated compounds joined (Romashka-Pole → RomashkaPole) and Arabic-origin prefixes joined to
 * the next word (Abdul Rahman → AbdulRahman, Al-Rashid → AlRashid). Applied to list names (extra
 * index records) and to queries (extra lookups), so either side may be the joined one.
 */
function nameForms(raw: string): string[] {
  const forms = [raw];
  const hyphen = raw.replace(HYPHEN_JOIN, '$1');
  if (hyphen !== raw) forms.push(hyphen);
  const prefix = hyphen.replace(PREFIX_JOIN, '$1');
  if (prefix !== hyphen) forms.push(prefix);
  return forms;
}

// ---------------------------------------------------------------------------------------------
// Token similarity
// ---------------------------------------------------------------------------------------------

function tokenSim(a: Tok, b: Tok): number {
  if (a.text === b.text) return SIM_EXACT;
  for (const v of a.variants) if (b.variants.includes(v)) return SIM_VARIANT;
  for (const k of a.keys) if (b.keys.includes(k)) return SIM_KEY;
  if (a.text.length === 1 || b.text.length === 1) {
    const [s, l] = a.text.length === 1 ? [a.text, b.text] : [b.text, a.text];
    return l.length > 1 && l[0] === s ? SIM_INITIAL : 0;
  }
  let best = 0;
  for (const ka of a.keys) {
    if (ka.length < 3) continue;
    for (const kb of b.keys) {
      if (kb.length < 3) continue;
      const s = fuzzySim(ka, kb);
      if (s > best) best = s;
    }
  }
  if (best < SIM_WEAK) {
    for (const w of a.weakKeys) if (b.weakKeys.includes(w)) return SIM_WEAK;
  }
  return Math.min(best, 0.94);
}

/** Mean of Jaro-Winkler and normalised (Damerau-)Levenshtein similarity. */
export function fuzzySim(a: string, b: string): number {
  if (a === b) return 1;
  const max = Math.max(a.length, b.length);
  if (!max) return 0;
  let d = levenshtein(a, b);
  if (d >= 2 && d <= 4) d = Math.min(d, damerauLevenshtein(a, b)); // transpositions count once
  const edit = 1 - d / max;
  if (edit < 0.5) return edit; // cannot reach the threshold; skip Jaro-Winkler
  return (jaroWinkler(a, b) + edit) / 2;
}

function deletes1(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && s[i] === s[i - 1]) continue;
    out.push(s.slice(0, i) + s.slice(i + 1));
  }
  return out;
}

function deletes2(s: string): string[] {
  const seen = new Set<string>();
  for (const d of deletes1(s)) for (const dd of deletes1(d)) seen.add(dd);
  return [...seen];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function rank(h: ScreeningHit): number {
  return (h.decision === 'hit' ? 2 : 1) + h.score;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Birth dates
// ---------------------------------------------------------------------------------------------

interface DateSpec {
  fromYear: number;
  toYear: number;
  month?: number;
  day?: number;
}

/** Parses YYYY-MM-DD, YYYY-MM, YYYY and year ranges "YYYY/YYYY" (as produced by the list parsers). */
export function parseDate(s: string): DateSpec | null {
  const t = s.trim();
  let m = /^(\d{4})\/(\d{4})$/.exec(t);
  if (m) return { fromYear: Number(m[1]), toYear: Number(m[2]) };
  m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  return { fromYear: y, toYear: y, month: month || undefined, day: day || undefined };
}

function datesCompatible(a: DateSpec, b: DateSpec): boolean {
  if (a.toYear < b.fromYear || b.toYear < a.fromYear) return false;
  if (a.fromYear !== a.toYear || b.fromYear !== b.toYear) return true; // a range overlaps
  if (a.month && b.month && a.month !== b.month) return false;
  if (a.day && b.day && a.day !== b.day) return false;
  return true;
}
