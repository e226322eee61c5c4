export { ListFormatError, parseEuConsolidated, parseOfacSdn, parseUnConsolidated } from './lists';
export type { ListEntry, ListSource } from './lists';
export { clearNormalizeCache, foldCase, normalizeName, romanize, skeleton } from './normalize';
export type { NormalizedName, NormalizedToken, NormalizeOptions } from './normalize';
export { ScreeningIndex, fuzzySim } from './matcher';
export type {
  MatchStrength,
  ScreenOptions,
  ScreeningDecision,
  ScreeningHit,
  ScreeningIndexOptions,
  ScreeningResult,
} from './matcher';
