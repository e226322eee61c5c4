/**
 * A conservative structural check for regular expressions written by ops in a pack (identifier
 * patterns, postal codes), so that no pattern can make a check backtrack catastrophically and
 * stall the service. It accepts a deliberately small subset of JavaScript regex syntax:
 *
 * - anchored: starts with `^` and ends with `$`; at most {@link MAX_PATTERN_LENGTH} characters;
 * - no backreferences (`\1`, `\k<name>`) and no lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`);
 * - a group repeated more than once (`(…)+`, `(…)*`, `(…){2,}`, `(…){2,5}`) may contain neither a
 *   variable quantifier (`+`, `*`, `?`, `{n,m}`; a fixed `{n}` is fine) nor an alternation `|`:
 *   `(\d{3}\.){2}` passes, `(a+)+`, `(a|ab)*` and `(\d?){8}` do not;
 * - at most {@link MAX_UNBOUNDED} unbounded quantifiers (`+`, `*`, `{n,}`) in the whole pattern;
 * - it must compile with the `u` flag (strict syntax).
 *
 * Without nested variable repetition the matcher backtracks at most polynomially, and inputs are
 * short (identifier values are capped at 64 characters after normalisation), so every match is fast.
 */
export const MAX_PATTERN_LENGTH = 200;
export const MAX_UNBOUNDED = 3;

export type UnsafePatternReason = 'NOT_ANCHORED' | 'TOO_LONG' | 'BACKREFERENCE' | 'LOOKAROUND' | 'NESTED_QUANTIFIER' | 'TOO_MANY_UNBOUNDED' | 'SYNTAX';

interface Frame {
  /** A variable quantifier or an alternation somewhere inside (incl. nested groups). */
  variable: boolean;
}

/** Reads a quantifier at `i`: its length and bounds, or null when there is none. */
function quantifierAt(p: string, i: number): { length: number; min: number; max: number } | null {
  const c = p[i];
  let q: { length: number; min: number; max: number } | null = null;
  if (c === '*') q = { length: 1, min: 0, max: Infinity };
  else if (c === '+') q = { length: 1, min: 1, max: Infinity };
  else if (c === '?') q = { length: 1, min: 0, max: 1 };
  else if (c === '{') {
    const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(p.slice(i));
    if (!m) return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    q = { length: m[0].length, min, max };
  }
  if (q && p[i + q.length] === '?') q.length++; // lazy
  return q;
}

/** Null when the pattern is in the safe subset, else why not. */
export function unsafePatternReason(pattern: string): UnsafePatternReason | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return 'TOO_LONG';
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return 'NOT_ANCHORED';
  try {
    new RegExp(pattern, 'u');
  } catch {
    return 'SYNTAX';
  }
  const stack: Frame[] = [{ variable: false }];
  let unbounded = 0;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    // the atom: what a following quantifier would repeat
    let atomVariable = false;
    let isAtom = true;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (/[1-9]/.test(next) || next === 'k') return 'BACKREFERENCE';
      // \u{…}, \p{…}, \xHH, \uHHHH are single atoms
      const m = /^\\(u\{[0-9A-Fa-f]+\}|[pP]\{[^}]*\}|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|c[A-Za-z]|.)/u.exec(pattern.slice(i));
      i += m ? m[0].length : 2;
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else if (c === '(') {
      if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i) || pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) return 'LOOKAROUND';
      stack.push({ variable: false });
      i += pattern.startsWith('(?:', i) ? 3 : pattern.startsWith('(?<', i) ? pattern.indexOf('>', i) + 1 : 1;
      continue;
    } else if (c === ')') {
      const frame = stack.pop();
      if (!frame || stack.length === 0) return 'SYNTAX';
      atomVariable = frame.variable;
      i++;
      // the enclosing group inherits what is inside (decided again below if quantified)
      stack[stack.length - 1].variable ||= frame.variable;
    } else if (c === '|') {
      stack[stack.length - 1].variable = true;
      i++;
      continue;
    } else if (c === '^' || c === '$') {
      isAtom = false;
      i++;
    } else {
      i += c.length;
    }
    const q = quantifierAt(pattern, i);
    if (!q) continue;
    if (!isAtom) return 'SYNTAX';
    i += q.length;
    if (q.max > 1 && atomVariable) return 'NESTED_QUANTIFIER';
    if (q.max === Infinity && ++unbounded > MAX_UNBOUNDED) return 'TOO_MANY_UNBOUNDED';
    if (q.min !== q.max) stack[stack.length - 1].variable = true;
  }
  return stack.length === 1 ? null : 'SYNTAX';
}
