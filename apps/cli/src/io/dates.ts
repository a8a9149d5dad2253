/**
 * Calendar dates as `YYYY-MM-DD` strings. A plan day is a calendar date, not
 * an instant, so arithmetic runs on UTC midnights and never meets a daylight
 * saving change; the arithmetic, names and formats are the core's plan
 * calendar. Only "today" reads the local clock (passed in by the caller).
 */

import { dateOfDay, isCalendarDate, weekdayOf } from '@backtrack/core';

export { addDays, daysBetween, formatDate } from '@backtrack/core';

/** A calendar date, `YYYY-MM-DD`. */
export type { IsoDate } from '@backtrack/documents';
import type { IsoDate } from '@backtrack/documents';

/** `text` as a date if it is a real calendar date in `YYYY-MM-DD` form, else undefined. */
export function parseIsoDate(text: string): IsoDate | undefined {
  return isCalendarDate(text) ? text : undefined;
}

/** The local calendar date of an instant (the machine's time zone, or `TZ`). */
export function localDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first Monday after `today` (a week later when `today` is a Monday). */
export function nextMonday(today: IsoDate): IsoDate {
  const weekday = weekdayOf(today); // 0 = Sunday
  return dateOfDay(today, 1 + ((8 - weekday) % 7) + (weekday === 1 ? 7 : 0));
}

/** Plan days as dates, shared with the handout and the calendar (packages/documents). */
export { dateParts, planDate } from '@backtrack/documents';

/** The machine's offset from UTC at an instant, minutes (UTC+1 → 60). */
export function localOffsetMin(at: Date): number {
  // getTimezoneOffset is minutes *behind* UTC, and -0 would print oddly.
  return -at.getTimezoneOffset() || 0;
}
