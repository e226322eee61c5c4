/**
 * Turkey: VKN (companies), T.C. Kimlik No (persons, also their tax number) and MERSİS No.
 * VKN and TCKN come from stdnum-js; MERSİS has no public checksum.
 */
import { stdnum } from 'stdnum';
import { checkDigitsShape, defineIdentifier, fail, fromStdnum, normalizeIdentifierInput, ok } from './helpers';
import type { IdentifierType } from './types';

export const trVkn = defineIdentifier({
  code: 'tr.vkn',
  country: 'TR',
  example: '4540536920',
  check: (value) => fromStdnum(stdnum.TR.vkn, value),
});

/** 11 digits, first digit not 0; foreigners' YKN (starting 99) use the same algorithm. */
export const trTckn = defineIdentifier({
  code: 'tr.tckn',
  country: 'TR',
  example: '17291716060',
  check: (value) => fromStdnum(stdnum.TR.tckimlik, value),
});

/** MERSİS No: 16 digits, format only (no public checksum). */
export const trMersis = defineIdentifier({
  code: 'tr.mersis',
  country: 'TR',
  example: '0454053692000015',
  check(value) {
    const shape = checkDigitsShape(value, 16);
    if (shape) return shape;
    if (/^0+$/.test(value)) return fail('INVALID_COMPONENT', value);
    return ok(value);
  },
});

/**
 * Cross-field heuristic, not a validity rule: a MERSİS number is normally `0` + the company's
 * 10-digit VKN + 5 more digits. Use it to flag (not reject) a mismatching pair.
 */
export function mersisMatchesVkn(mersis: string, vkn: string): boolean {
  const m = normalizeIdentifierInput(mersis);
  const v = normalizeIdentifierInput(vkn);
  return m.length === 16 && v.length === 10 && m.startsWith(`0${v}`);
}

export const TR_IDENTIFIERS: readonly IdentifierType[] = [trVkn, trTckn, trMersis];
