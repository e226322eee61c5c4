/**
 * Kazakhstan: ИИН (individuals, incl. ИП) and БИН (legal entities). Not in stdnum-js.
 * Structure and checksum: Постановление Правительства РК № 565 (2003) / № 406 (2007).
 */
import { checkDigitsShape, defineIdentifier, digitAt, fail, isValidDate, ok, weightedSum } from './helpers';
import type { IdentifierResult, IdentifierType } from './types';

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/**
 * Check digit over the first 11 digits: Σ i·dᵢ mod 11; when that is 10, Σ with weights
 * 3…11,1,2 mod 11; when that is 10 again the number is not issued (returns null).
 */
export function kzCheckDigit(first11: string): number | null {
  const first = weightedSum(first11, FIRST_WEIGHTS) % 11;
  if (first !== 10) return first;
  const second = weightedSum(first11, SECOND_WEIGHTS) % 11;
  return second === 10 ? null : second;
}

function checkKzChecksum(value: string): IdentifierResult | null {
  const expected = kzCheckDigit(value.slice(0, 11));
  return expected === digitAt(value, 11) ? null : fail('INVALID_CHECKSUM', value);
}

/** Century of birth from the 7th IIN digit: 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s (odd = male). */
const IIN_CENTURY: Readonly<Record<string, number>> = { 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 };

/** ИИН: YYMMDD birth date + century/sex digit 1–6 + 4-digit serial + check digit. */
export const kzIin = defineIdentifier({
  code: 'kz.iin',
  country: 'KZ',
  example: '791028302728',
  check(value) {
    const shape = checkDigitsShape(value, 12);
    if (shape) return shape;
    const century = IIN_CENTURY[value[6]];
    const birth = [value.slice(0, 2), value.slice(2, 4), value.slice(4, 6)].map(Number);
    if (century === undefined || !isValidDate(century + birth[0], birth[1], birth[2])) {
      return fail('INVALID_COMPONENT', value);
    }
    return checkKzChecksum(value) ?? ok(value);
  },
});

/**
 * БИН: YYMM of registration + type (4 resident legal entity, 5 non-resident, 6 joint ИП) +
 * division (0 head office, 1 branch, 2 representative office, 3 peasant farm) + 5-digit serial +
 * check digit.
 */
export const kzBin = defineIdentifier({
  code: 'kz.bin',
  country: 'KZ',
  example: '971240001315',
  check(value) {
    const shape = checkDigitsShape(value, 12);
    if (shape) return shape;
    const month = Number(value.slice(2, 4));
    if (month < 1 || month > 12 || !'456'.includes(value[4]) || !'0123'.includes(value[5])) {
      return fail('INVALID_COMPONENT', value);
    }
    return checkKzChecksum(value) ?? ok(value);
  },
});

export const KZ_IDENTIFIERS: readonly IdentifierType[] = [kzIin, kzBin];
