/**
 * Calendar dates as ISO `YYYY-MM-DD` strings in the runner's local calendar.
 * Validation, names and formats are the core's plan calendar; this module
 * adds only "today" (the local clock) and the fallback for text that is not
 * a date.
 */
import {
  formatDate as formatCalendarDate,
  formatShortDate as formatShortCalendarDate,
  isCalendarDate,
} from '@backtrack/core';

export { isCalendarDate };

/** The local calendar date of `now` as `YYYY-MM-DD`. */
export function toIsoDate(now: Date): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** A date for people: "Mon 3 Mar 2025"; text that is not a date is shown as it is. */
export function formatDate(iso: string): string {
  return isCalendarDate(iso) ? formatCalendarDate(iso) : iso;
}

/** A short date for tables: "Mon 3 Mar"; text that is not a date is shown as it is. */
export function formatShortDate(iso: string): string {
  return isCalendarDate(iso) ? formatShortCalendarDate(iso) : iso;
}
