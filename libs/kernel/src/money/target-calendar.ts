/**
 * TARGET (the euro area's settlement system) working days: every weekday except New Year's Day,
 * Good Friday, Easter Monday, 1 May, 25 and 26 December. The ECB publishes reference rates on these
 * days only, so FX age is counted in TARGET days (a Monday's rates are not stale on Saturday).
 */
const DAY = 86_400_000;

/** Easter Sunday (Gregorian, anonymous algorithm) as a UTC date. */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

/** Midnight UTC of a `YYYY-MM-DD` string or of a Date's UTC day. */
export function utcDay(value: string | Date): number {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (!m) throw new RangeError(`not a date: ${value.slice(0, 20)}`);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  }
  return Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
}

export function isTargetDay(value: string | Date): boolean {
  const t = utcDay(value);
  const d = new Date(t);
  const wd = d.getUTCDay();
  if (wd === 0 || wd === 6) return false;
  const [month, day] = [d.getUTCMonth() + 1, d.getUTCDate()];
  if ((month === 1 && day === 1) || (month === 5 && day === 1) || (month === 12 && (day === 25 || day === 26))) return false;
  const easter = easterSunday(d.getUTCFullYear());
  return t !== easter - 2 * DAY && t !== easter + DAY;
}

/**
 * How many TARGET days lie after `from` up to and including `to` (0 when `to` is the same day or
 * earlier): rates of Friday read on the next Monday are 1 day old, on Tuesday 2.
 */
export function targetDaysBetween(from: string | Date, to: string | Date): number {
  const start = utcDay(from);
  const end = utcDay(to);
  let n = 0;
  for (let t = start + DAY; t <= end; t += DAY) if (isTargetDay(new Date(t))) n++;
  return n;
}
