/**
 * Dates in the web app: the core's one format (`Mon 3 Mar 2025`, `Mon 3 Mar`,
 * `Mon 3 Mar 2025, 09:00`; packages/core/src/dates.ts) with the browser's
 * part added: "today" from the local clock and the runner's time zone as the
 * default zone for instants. Every page formats dates through this module.
 */
import {
  formatCalendarDate,
  formatDateTime as formatDateTimeIn,
  formatInstantDate as formatInstantDateIn,
  formatShortCalendarDate,
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

/** The runner's time zone as the browser knows it (UTC when it does not say). */
export function runnerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A date for people: "Mon 3 Mar 2025"; text that is not a date is shown as it is. */
export function formatDate(iso: string): string {
  return formatCalendarDate(iso);
}

/** A short date for tables: "Mon 3 Mar"; text that is not a date is shown as it is. */
export function formatShortDate(iso: string): string {
  return formatShortCalendarDate(iso);
}

/** An instant's date, in the runner's time zone unless another is named: "Mon 3 Mar 2025". */
export function formatInstantDate(instant: string, timeZone: string = runnerTimeZone()): string {
  return formatInstantDateIn(instant, timeZone);
}

/** An instant's date and time, in the runner's time zone unless another is named: "Mon 3 Mar 2025, 09:00". */
export function formatDateTime(instant: string, timeZone: string = runnerTimeZone()): string {
  return formatDateTimeIn(instant, timeZone);
}
