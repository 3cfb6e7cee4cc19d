// The window in time a chart screen shows: a preset (1Y, 3Y, All…) or typed from–to days, kept in
// the URL hash so it can be bookmarked. Pure arithmetic (presets to days, clamping to the data's
// span, parsing typed dates and the hash's query, the label beside the statistics); the renderer's
// date-window control and hook are thin over it.
import { addDays, addMonths, isDay } from '../engine/dates';
import { parseQuery } from './hash-query';

export const WINDOW_PRESETS = ['1D', '1M', '3M', 'YTD', '1Y', '3Y', '5Y', 'ALL'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

export interface DayRange {
  from: string;
  to: string;
}

/** A preset, resolved by whoever knows the data's last day, or fixed days. */
export type DateWindow = { preset: WindowPreset } | DayRange;

export const isCustom = (window: DateWindow): window is DayRange => !('preset' in window);

const MONTHS: Partial<Record<WindowPreset, number>> = { '1M': 1, '3M': 3, '1Y': 12, '3Y': 36, '5Y': 60 };

/**
 * A preset's days, counted back from the span's last day and clamped to its first (1D: the day
 * before the last; YTD: from the last day of the previous year, whose close the year is measured from).
 */
export function presetRange(preset: WindowPreset, span: DayRange): DayRange {
  const to = span.to;
  let from: string;
  if (preset === 'ALL') from = span.from;
  else if (preset === 'YTD') from = `${Number(to.slice(0, 4)) - 1}-12-31`;
  else if (preset === '1D') from = addDays(to, -1);
  else from = addMonths(to, -(MONTHS[preset] as number));
  return { from: from < span.from ? span.from : from, to };
}

/**
 * Days inside the data's span: a window reaching past either end is cut to it; one wholly
 * outside it is null (nothing to show, said by the caller rather than an empty chart).
 */
export function clampWindow(window: DayRange, span: DayRange): DayRange | null {
  const from = window.from < span.from ? span.from : window.from;
  const to = window.to > span.to ? span.to : window.to;
  return from <= to ? { from, to } : null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A typed day: YYYY-MM-DD (the date input's value); the message names the field. */
export function parseDay(text: string, field: string): Parsed<string> {
  const value = text.trim();
  if (value === '') return { ok: false, message: `${field}: enter a date.` };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    return { ok: false, message: `${field}: "${value}" is not a date written YYYY-MM-DD.` };
  if (!isDay(value)) return { ok: false, message: `${field}: ${value} is not a day of the calendar.` };
  return { ok: true, value };
}

export interface WindowErrors {
  from?: string;
  to?: string;
}

/**
 * Two typed days as a window: each valid, from before to, and (given the data's span) overlapping
 * it. Errors are per field so the control can show each beside its input.
 */
export function parseWindow(
  fromText: string,
  toText: string,
  span?: DayRange,
): { ok: true; value: DayRange } | { ok: false; errors: WindowErrors } {
  const from = parseDay(fromText, 'From');
  const to = parseDay(toText, 'To');
  const errors: WindowErrors = {};
  if (!from.ok) errors.from = from.message;
  if (!to.ok) errors.to = to.message;
  if (!from.ok || !to.ok) return { ok: false, errors };
  if (from.value > to.value) return { ok: false, errors: { to: `To: ${to.value} is before From (${from.value}).` } };
  if (span && (to.value < span.from || from.value > span.to))
    return {
      ok: false,
      errors: {
        from: `From–To: no prices between ${from.value} and ${to.value}; the data runs ${span.from} to ${span.to}.`,
      },
    };
  return { ok: true, value: { from: from.value, to: to.value } };
}

/**
 * The window in a hash route's query (`from=2016-10-31&to=2016-11-14`, or `range=3Y`). Null when
 * the query names none, or names one that does not parse (a hand-edited link falls back to the
 * screen's default rather than failing).
 */
export function windowFromQuery(query: string): DateWindow | null {
  const params = new Map(parseQuery(query).reverse()); // reversed: the first of a repeated key wins
  const from = params.get('from') ?? null;
  const to = params.get('to') ?? null;
  if (from !== null && to !== null) return isDay(from) && isDay(to) && from <= to ? { from, to } : null;
  const range = params.get('range')?.toUpperCase();
  return range && (WINDOW_PRESETS as readonly string[]).includes(range) ? { preset: range as WindowPreset } : null;
}

/** The window's keys for updateQuery: the other form's keys removed, the rest of the query kept. */
export function windowQueryChanges(window: DateWindow): Record<string, string | null> {
  return isCustom(window)
    ? { from: window.from, to: window.to, range: null }
    : { from: null, to: null, range: window.preset };
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Oct 31 – Nov 14, 2016"; the year on both sides when they differ ("Dec 30, 2015 – Jan 4, 2016"). */
export function windowLabel(from: string, to: string): string {
  const part = (day: string) => `${MONTH_NAMES[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}`;
  const year = (day: string) => day.slice(0, 4);
  if (from === to) return `${part(from)}, ${year(from)}`;
  if (year(from) === year(to)) return `${part(from)} – ${part(to)}, ${year(to)}`;
  return `${part(from)}, ${year(from)} – ${part(to)}, ${year(to)}`;
}
