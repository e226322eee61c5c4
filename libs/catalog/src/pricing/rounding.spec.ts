import { describe, expect, it } from '@jest/globals';
import { applyEnding, parseRoundingRules, RoundingRule, ruleFor, validateRoundingRules } from './rounding';

const rule = (step: bigint, ending: bigint, direction: RoundingRule['direction']): RoundingRule => ({ fromMinor: 0n, step, ending, direction });

describe('price endings', () => {
  it.each([
    [2176n, rule(100n, 99n, 'up'), 2199n],
    [2199n, rule(100n, 99n, 'up'), 2199n],
    [2200n, rule(100n, 99n, 'up'), 2299n],
    [2176n, rule(100n, 99n, 'down'), 2099n],
    [2176n, rule(100n, 99n, 'nearest'), 2199n],
    [2140n, rule(100n, 99n, 'nearest'), 2099n],
    [2149n, rule(100n, 99n, 'nearest'), 2199n], // tie (50 each way) goes up
    [3223n, rule(10n, 0n, 'up'), 3230n],
    [1234n, rule(1000n, 980n, 'nearest'), 980n],
    [50n, rule(100n, 99n, 'down'), 99n], // never to zero or below
    [3065n, rule(250n, 0n, 'up'), 3250n], // KWD 0.250 steps
  ])('%s with %o → %s', (minor, r, expected) => {
    expect(applyEnding(minor, r)).toBe(expected);
  });

  it('picks the band holding the amount and checks the bands', () => {
    const rules = parseRoundingRules([
      { fromMinor: '0', toMinor: '10000', step: '100', ending: '99', direction: 'up' },
      { fromMinor: 10000, step: 1000, ending: 900, direction: 'up' },
    ]);
    validateRoundingRules(rules);
    expect(ruleFor(rules, 9999n)?.ending).toBe(99n);
    expect(ruleFor(rules, 10000n)?.ending).toBe(900n);
    expect(applyEnding(10050n, ruleFor(rules, 10050n)!)).toBe(10900n);
    expect(() => validateRoundingRules([rule(100n, 100n, 'up')])).toThrow(/ending/);
    expect(() => validateRoundingRules([rule(0n, 0n, 'up')])).toThrow(/step/);
    expect(() => validateRoundingRules([{ ...rule(100n, 99n, 'up'), toMinor: 500n }, { ...rule(100n, 99n, 'up'), fromMinor: 400n }])).toThrow(/overlap/);
    expect(() => validateRoundingRules([rule(100n, 50n, 'up')], 100n)).toThrow(/multiples/);
    expect(() => parseRoundingRules([{ step: 1.5 }])).toThrow(/whole number/);
  });
});
