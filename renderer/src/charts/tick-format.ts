import type { Time } from 'lightweight-charts';

// lightweight-charts' TickMarkType, by value (the enum is not exported as a type-only import).
const YEAR = 0;
const MONTH = 1;
const DAY_OF_MONTH = 2;

/** A chart time (a 'YYYY-MM-DD' day, a business-day object or seconds) as a UTC Date. */
function toDate(time: Time): Date {
  if (typeof time === 'number') return new Date(time * 1000);
  if (typeof time === 'string') return new Date(`${time}T00:00:00Z`);
  return new Date(Date.UTC(time.year, time.month - 1, time.day));
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}:${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return f;
}

/**
 * Axis ticks that read as dates on their own: a year as "2019", a month as "Mar", and a day with
 * its month ("Feb 15"), never a bare "15" that could be a price or a count.
 */
export function tickMark(time: Time, type: number, locale?: string): string | null {
  const date = toDate(time);
  if (Number.isNaN(date.getTime())) return null;
  if (type === YEAR) return format(locale, { year: 'numeric' }).format(date);
  if (type === MONTH) return format(locale, { month: 'short' }).format(date);
  if (type === DAY_OF_MONTH) return format(locale, { month: 'short', day: 'numeric' }).format(date);
  return null;
}
