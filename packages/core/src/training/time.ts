/**
 * Calendar helpers for the training analytics: local days and ISO 8601
 * weeks, given a fixed offset from UTC. Pure: callers pass every instant.
 */

const DAY_MS = 86_400_000;

/** Options shared by the calendar-based analytics. */
export interface CalendarOptions {
  /**
   * The runner's offset from UTC in minutes (e.g. 60 for UTC+1). Days and
   * weeks are counted in that local time. Default 0 (UTC).
   */
  utcOffsetMin?: number;
}

/** A day number (days since 1970-01-01) in local time for an instant in ms. */
export function localDayNumber(ms: number, utcOffsetMin = 0): number {
  return Math.floor((ms + utcOffsetMin * 60_000) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` string, or undefined when it is not a real date. */
export function parseDay(day: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!Number.isFinite(ms)) return undefined;
  const n = Math.round(ms / DAY_MS);
  return dayString(n) === day ? n : undefined;
}

/** The ISO week of a day: its label (`2024-W09`) and the day number of its Monday. */
export function isoWeek(dayNumber: number): { label: string; monday: number } {
  // 1970-01-01 was a Thursday; ISO weekday 1 = Monday … 7 = Sunday.
  const weekday = ((((dayNumber + 3) % 7) + 7) % 7) + 1;
  const monday = dayNumber - (weekday - 1);
  const thursday = monday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Math.round(Date.UTC(year, 0, 1) / DAY_MS);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return { label: `${year}-W${String(week).padStart(2, '0')}`, monday };
}
