// Calendar days as 'YYYY-MM-DD' strings, the one module for them (the ledger, quotes, CSV files
// and the API all use it). Days are plain civil dates with no time zone, so the arithmetic is done
// on day numbers (Howard Hinnant's civil-date algorithms) rather than on Date objects, which would
// drag the host's zone and clock into pure code.
//
// A valid day is any existing date of the proleptic Gregorian calendar with a four-digit year,
// 0000-01-01 to 9999-12-31, the same range the quote cache's CHECK admits. There is no floor at
// 1900: price histories reach further back (the Dow's starts in 1896), and the floor only ever
// guarded Date.UTC, which reads years 0–99 as 1900–1999; digit arithmetic needs none.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a proleptic Gregorian date. */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a well-formed, existing calendar date such as '2016-02-29' (see above for the range). */
export function isDay(text: unknown): text is string {
  // Read digit by digit: a ledger checks every new date it meets, and a regular expression's
  // match made an array and three strings each time.
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    return false;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The decimal number in text[from, to), or −1 if any character there is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** Days since 1970-01-01. Assumes a well-formed day (check with isDay at the edges). */
export function dayToNumber(day: string): number {
  // Digits read in place: no substrings, since weekly resampling calls this for every bar.
  return civilToDayNumber(digits(day, 0, 4), digits(day, 5, 7), digits(day, 8, 10));
}

export function dayFromNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

export function addDays(day: string, days: number): string {
  return dayFromNumber(dayToNumber(day) + days);
}

/** Calendar months later (negative: earlier), clamped to the month's end: 03-31 minus 1 month is 02-28/29. */
export function addMonths(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  const newDate = Math.min(date, daysInMonth(newYear, newMonth));
  return dayFromNumber(civilToDayNumber(newYear, newMonth, newDate));
}

/** The Monday that starts the ISO week holding `dayNumber`, as a day number: a stable week key. */
export function weekStart(dayNumber: number): number {
  return dayNumber - ((((dayNumber + 3) % 7) + 7) % 7);
}

/** Midnight UTC at the start of the day, in milliseconds since the epoch. */
export function dayToUtcMs(day: string): number {
  return dayToNumber(day) * MS_PER_DAY;
}

/** The UTC calendar day of an instant given in milliseconds since the epoch. */
export function utcMsToDay(ms: number): string {
  return dayFromNumber(Math.floor(ms / MS_PER_DAY));
}
