/**
 * Calendar dates as `YYYY-MM-DD` strings. A plan day is a calendar date, not
 * an instant, so arithmetic runs on UTC midnights and never meets a daylight
 * saving change. Only "today" reads the local clock (passed in by the caller).
 */

import { addDays as coreAddDays, dateOfDay, daysBetween as coreDaysBetween } from '@backtrack/core';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

function toUtc(date: IsoDate): Date {
  const parsed = parseIsoDate(date);
  if (parsed === undefined) throw new RangeError(`not a date: ${date}`);
  return new Date(`${parsed}T00:00:00Z`);
}

/** `text` as a date if it is a real calendar date in `YYYY-MM-DD` form, else undefined. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number);
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2025-02-30 over to March: a real date survives the round trip.
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? text
    : undefined;
}

/** The local calendar date of an instant (the machine's time zone, or `TZ`). */
export function localDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `date` plus `days` (the core's plan calendar). */
export const addDays: (date: IsoDate, days: number) => IsoDate = coreAddDays;

/** Whole days from `from` to `to`; negative when `to` is earlier (the core's plan calendar). */
export const daysBetween: (from: IsoDate, to: IsoDate) => number = coreDaysBetween;

/** The first Monday after `today` (a week later when `today` is a Monday). */
export function nextMonday(today: IsoDate): IsoDate {
  const weekday = toUtc(today).getUTCDay(); // 0 = Sunday
  return addDays(today, ((8 - weekday) % 7) + (weekday === 1 ? 7 : 0));
}

/** Short weekday name: `Mon`. */
export function weekdayName(date: IsoDate): string {
  return WEEKDAYS[toUtc(date).getUTCDay()] ?? '';
}

/** A date for people: `Mon 6 Jan 2025`. */
export function formatDate(date: IsoDate): string {
  const d = toUtc(date);
  return `${weekdayName(date)} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

/** The date of day `day` (1–7) of plan week `week`, for a plan starting on `start`. */
export function planDate(start: IsoDate, week: number, day: number): IsoDate {
  return dateOfDay(start, (week - 1) * 7 + day);
}

/** `[year, month, day]` of a date, as calendar libraries take it. */
export function dateParts(date: IsoDate): [number, number, number] {
  const d = toUtc(date);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** The machine's offset from UTC at an instant, minutes (UTC+1 → 60). */
export function localOffsetMin(at: Date): number {
  // getTimezoneOffset is minutes *behind* UTC, and -0 would print oddly.
  return -at.getTimezoneOffset() || 0;
}
