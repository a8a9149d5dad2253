/**
 * Plan days are calendar dates (`YYYY-MM-DD`), counted on UTC midnights so
 * that no daylight-saving change moves a day. Day 1 is the start date; week
 * n holds days 7(n-1)+1 … 7n.
 */

const DAY_MS = 86_400_000;

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The day of the plan (1-based) on which `date` falls; ≤ 0 before the start. */
export function planDay(startDate: string, date: string): number {
  return Math.round((utc(date) - utc(startDate)) / DAY_MS) + 1;
}

/** The week (1-based) of a plan day. */
export function weekOfDay(day: number): number {
  return Math.ceil(day / 7);
}

/** `date` plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
