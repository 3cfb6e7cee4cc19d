// Dates as other programs write them, turned into the store's YYYY-MM-DD. Plain string work: a
// Date object would drag in the host's time zone and shift dates near midnight.
import { isDay } from '../engine/dates';

/**
 * The named layouts, plus two lenient ones for files that mix separators (Ghostfolio's examples
 * use both 16-09-2021 and 17/11/2021): `day-first` reads year first (YYYY-MM-DD, YYYY/MM/DD,
 * YYYY.MM.DD, YYYYMMDD: every layout Ghostfolio's CSV import accepts) or D/M/YYYY with / . or -,
 * `month-first` reads YYYY-MM-DD or M/D/YYYY with / or -.
 */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'YYYY/MM/DD',
  'YYYYMMDD',
  'day-first',
  'month-first',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type DateResult = { ok: true; day: string; time: string | null } | { ok: false; reason: string };

// A time may follow any date: "2021-09-16T00:00:00.000Z", "31.12.2016 14:05". Its zone is
// ignored: the date is taken as written, which is the day the other program showed the user.
const TIME = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;

type Order = 'ymd' | 'dmy' | 'mdy';

interface Layout {
  pattern: RegExp;
  order: Order;
}

function layout(date: string, order: Order): Layout {
  return { pattern: new RegExp(`^${date}${TIME}$`), order };
}

const ISO = layout(String.raw`(\d{4})-(\d{2})-(\d{2})`, 'ymd');

const LAYOUTS: Record<DateFormat, readonly Layout[]> = {
  'YYYY-MM-DD': [ISO],
  'DD/MM/YYYY': [layout(String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`, 'dmy')],
  'MM/DD/YYYY': [layout(String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`, 'mdy')],
  'DD.MM.YYYY': [layout(String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`, 'dmy')],
  'DD-MM-YYYY': [layout(String.raw`(\d{1,2})-(\d{1,2})-(\d{4})`, 'dmy')],
  'YYYY/MM/DD': [layout(String.raw`(\d{4})/(\d{1,2})/(\d{1,2})`, 'ymd')],
  YYYYMMDD: [layout(String.raw`(\d{4})(\d{2})(\d{2})`, 'ymd')],
  'day-first': [
    ISO,
    layout(String.raw`(\d{4})[/.](\d{1,2})[/.](\d{1,2})`, 'ymd'),
    layout(String.raw`(\d{4})(\d{2})(\d{2})`, 'ymd'),
    layout(String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`, 'dmy'),
  ],
  'month-first': [ISO, layout(String.raw`(\d{1,2})[/-](\d{1,2})[/-](\d{4})`, 'mdy')],
};

const pad = (text: string) => text.padStart(2, '0');

export function parseDate(text: string, format: DateFormat): DateResult {
  const value = text.trim();
  for (const { pattern, order } of LAYOUTS[format]) {
    const match = pattern.exec(value);
    if (!match) continue;
    const [a, b, c] = [match[1] ?? '', match[2] ?? '', match[3] ?? ''];
    const [year, month, day] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    if (!isDay(iso)) return { ok: false, reason: `is not a calendar date (read as ${iso})` };
    const hours = match[4];
    const minutes = match[5];
    let time: string | null = null;
    if (hours !== undefined && minutes !== undefined) {
      if (Number(hours) > 23 || Number(minutes) > 59) return { ok: false, reason: 'has a time that does not exist' };
      time = `${pad(hours)}:${minutes}`;
    }
    return { ok: true, day: iso, time };
  }
  return { ok: false, reason: `is not a date (expected ${format})` };
}

/** The first format that reads every sample; day-first before month-first when both would. */
export function guessDateFormat(samples: readonly string[]): DateFormat | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return null;
  return DATE_FORMATS.find((format) => values.every((value) => parseDate(value, format).ok)) ?? null;
}
