/**
 * The plan calendar: plan days are calendar dates (`YYYY-MM-DD`) counted on
 * UTC midnights, so no daylight-saving change moves a day. Day 1 is the start
 * date; week n holds days 7(n−1)+1 … 7n; day of week 1 is the start date's
 * weekday. Pure: the caller supplies today's date. The CLI, the server and
 * the web all count plan days with these functions.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The dates Backtrack accepts wherever a date enters (API, CLI, imported
 * files): wide enough for any runner's history and plan, narrow enough that
 * date arithmetic (a plan's end, a 12-week window) never leaves the years
 * JavaScript prints as `YYYY` (year 0 and 9999-12-31 did).
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2199-12-31' } as const;

/** Whether `text` is a real calendar date `YYYY-MM-DD` within {@link DATE_RANGE}. */
export function isSupportedDate(text: string): boolean {
  return isCalendarDate(text) && text >= DATE_RANGE.min && text <= DATE_RANGE.max;
}

function utcMs(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

/** `date` plus `days` (which may be negative). */
export function addDays(date: string, days: number): string {
  return new Date(utcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The day of the plan (1-based) on which `date` falls; 0 or less before the start. */
export function planDay(startDate: string, date: string): number {
  return daysBetween(startDate, date) + 1;
}

/** The week (1-based) of a plan day (1-based). */
export function weekOfDay(day: number): number {
  return Math.ceil(day / 7);
}

/** The day of its week (1–7) of a plan day (1-based). */
export function dayOfWeek(day: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (((((day - 1) % 7) + 7) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** The date of a plan day (1-based). */
export function dateOfDay(startDate: string, day: number): string {
  return addDays(startDate, day - 1);
}

/** Where a date falls in a plan: day, week and day of week. */
export interface PlanPosition {
  day: number;
  week: number;
  dayOfWeek: 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Where `date` falls in a plan that starts on `startDate`; null before the start. */
export function planPosition(startDate: string, date: string): PlanPosition | null {
  const day = planDay(startDate, date);
  if (day < 1) return null;
  return { day, week: weekOfDay(day), dayOfWeek: dayOfWeek(day) };
}

/** Month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Weekday names, Sunday first (as `Date#getUTCDay` counts them). */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** The weekday of a date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(utcMs(date)).getUTCDay();
}

/** Short weekday name: `Mon`. */
export function weekdayName(date: string): string {
  return (WEEKDAY_NAMES[weekdayOf(date)] ?? '').slice(0, 3);
}

/** Day and short month, for axis labels: `3 Mar`. */
export function formatDayMonth(date: string): string {
  const d = new Date(utcMs(date));
  return `${d.getUTCDate()} ${(MONTH_NAMES[d.getUTCMonth()] ?? '').slice(0, 3)}`;
}

/** A short date for tables: `Mon 3 Mar`. */
export function formatShortDate(date: string): string {
  return `${weekdayName(date)} ${formatDayMonth(date)}`;
}

/** A date for people: `Mon 3 Mar 2025`. */
export function formatDate(date: string): string {
  return `${formatShortDate(date)} ${new Date(utcMs(date)).getUTCFullYear()}`;
}
