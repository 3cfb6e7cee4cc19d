// How old a close may be and still count as current: one notion for the whole app (the
// renderer's "as of … — N days old" notes and the data-health check use it).
import { dayToNumber } from '../engine/dates';

/**
 * Calendar days a close may lag and still count as current: a weekend plus a holiday (or a
 * Friday close read on Tuesday morning) is normal; more means no fresh prices came.
 */
export const CURRENT_FOR_DAYS = 4;

/** Calendar days from `from` to `to` ('YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return dayToNumber(to) - dayToNumber(from);
}
