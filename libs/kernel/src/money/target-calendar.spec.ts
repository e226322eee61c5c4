import { describe, expect, it } from '@jest/globals';
import { isTargetDay, targetDaysBetween } from './target-calendar';

describe('TARGET calendar', () => {
  it.each([
    ['2026-04-03', false], // Good Friday 2026
    ['2026-04-06', false], // Easter Monday 2026
    ['2026-04-07', true],
    ['2026-05-01', false],
    ['2026-12-25', false],
    ['2026-12-26', false],
    ['2026-01-01', false],
    ['2026-10-03', false], // a Saturday
    ['2026-10-02', true],
    ['2025-04-18', false], // Good Friday 2025
  ])('%s is a TARGET day: %s', (day, expected) => {
    expect(isTargetDay(day)).toBe(expected);
  });

  it('counts TARGET days after the rate date, skipping weekends and holidays', () => {
    expect(targetDaysBetween('2026-10-02', '2026-10-02')).toBe(0);
    expect(targetDaysBetween('2026-10-02', '2026-10-04')).toBe(0); // Friday's rates on Sunday
    expect(targetDaysBetween('2026-10-02', '2026-10-05')).toBe(1);
    expect(targetDaysBetween('2026-10-02', '2026-10-12')).toBe(6);
    expect(targetDaysBetween('2026-04-02', '2026-04-07')).toBe(1); // over Easter
    expect(targetDaysBetween('2026-10-05', new Date('2026-10-02T10:00:00Z'))).toBe(0);
  });
});
