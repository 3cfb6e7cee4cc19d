// Calendar days as `YYYY-MM-DD` strings: they sort, compare and store as text, and carry no
// time zone, which is what a daily bar is.

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a `YYYY-MM-DD` string naming a day that exists (no 2019-02-30). */
export function isRealDay(text: string): boolean {
  const match = DAY_RE.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function dayToUtcMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function utcMsToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, count: number): string {
  return utcMsToDay(dayToUtcMs(day) + count * MS_PER_DAY);
}

/** `2019-02-22` → `20190222`, Stooq's d1/d2 format. */
export function compactDay(day: string): string {
  return day.replaceAll('-', '');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      return null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The exchange-local calendar day of a Unix timestamp. Yahoo stamps a daily bar with the
 * session's opening instant, so the day must be read in the exchange's zone, not UTC (a Tokyo
 * bar opens at 00:00 UTC; read in New York it would land on the previous day).
 */
export function dayInZone(epochSeconds: number, timeZone: string | null, fallbackOffsetSeconds = 0): string {
  const formatter = timeZone ? formatterFor(timeZone) : null;
  if (formatter) {
    // en-CA formats as YYYY-MM-DD.
    return formatter.format(new Date(epochSeconds * 1000));
  }
  return utcMsToDay((epochSeconds + fallbackOffsetSeconds) * 1000);
}
