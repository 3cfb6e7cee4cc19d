import { CURRENT_FOR_DAYS } from '../../../shared/health/staleness';
import { formatDay } from './format';

const DAY_MS = 86_400_000;

// One notion of "current" for the whole app: the data-health check uses the same.
export { CURRENT_FOR_DAYS } from '../../../shared/health/staleness';

/** Calendar days from a close ('YYYY-MM-DD') to `now`, never negative. */
export function daysOld(day: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(`${day}T00:00:00Z`)) / DAY_MS));
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

/** An age in the largest whole unit that fits: '7 years', '3 months', '12 days'. */
export function ageWords(days: number): string {
  if (days >= 365) return plural(Math.floor(days / 365), 'year');
  if (days >= 61) return plural(Math.floor(days / 30.4375), 'month');
  return plural(days, 'day');
}

/** 'as of Feb 22, 2019 — 7 years old' for figures valued on a stale day; null while current. */
export function staleNote(day: string | null | undefined, now: number): string | null {
  if (!day) return null;
  const days = daysOld(day, now);
  return days > CURRENT_FOR_DAYS ? `as of ${formatDay(day)} — ${ageWords(days)} old` : null;
}
