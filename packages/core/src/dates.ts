/**
 * Dates for people, one format everywhere (web, CLI, PDFs): a calendar date
 * is `Mon 3 Mar 2025` (`formatDate` in the plan calendar), a table's short
 * date `Mon 3 Mar`, and an instant is its date, or date and `HH:MM` time, in
 * a named IANA time zone, `Mon 3 Mar 2025, 09:00`. Callers pass the zone
 * (the runner's, the clinic's, or `UTC`); the core reads no clock and no
 * locale. Text that is not a date or an instant is returned as it is.
 */
import { formatDate, formatShortDate, isCalendarDate } from './plan/calendar.js';
import { formatClockTime, toLocalTime } from './clinic/time-zone.js';

/** A `YYYY-MM-DD` date for people, `Mon 3 Mar 2025`; other text as it is. */
export function formatCalendarDate(date: string): string {
  return isCalendarDate(date) ? formatDate(date) : date;
}

/** A `YYYY-MM-DD` date for tables, `Mon 3 Mar`; other text as it is. */
export function formatShortCalendarDate(date: string): string {
  return isCalendarDate(date) ? formatShortDate(date) : date;
}

/** The calendar date (`YYYY-MM-DD`) of an ISO instant in `timeZone`, or null when it is not an instant. */
export function instantDate(instant: string, timeZone: string): string | null {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? null : toLocalTime(ms, timeZone).date;
}

/** An ISO instant's date in `timeZone`: `Mon 3 Mar 2025`. */
export function formatInstantDate(instant: string, timeZone: string): string {
  const date = instantDate(instant, timeZone);
  return date === null ? instant : formatDate(date);
}

/** An ISO instant's date and time in `timeZone`: `Mon 3 Mar 2025, 09:00`. */
export function formatDateTime(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const local = toLocalTime(ms, timeZone);
  return `${formatDate(local.date)}, ${formatClockTime(local.minutes)}`;
}
