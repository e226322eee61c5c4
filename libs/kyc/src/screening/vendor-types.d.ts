// Ambient types for the talisman modules used by the screening engine (talisman ships no .d.ts).
// Kept as a script file (no top-level import/export) so it only adds module declarations.

declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro-Winkler similarity in [0, 1] (boost threshold 0.7, prefix scaling 0.1, prefix ≤ 4). */
  const jaroWinkler: (a: string, b: string) => number;
  export default jaroWinkler;
}

declare module 'talisman/metrics/damerau-levenshtein.js' {
  /** Optimal-string-alignment (restricted Damerau-Levenshtein) distance. */
  const damerauLevenshtein: (a: string, b: string) => number;
  export default damerauLevenshtein;
}
