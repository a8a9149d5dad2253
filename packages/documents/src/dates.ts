/**
 * Plan days as calendar dates (`YYYY-MM-DD`): the date of a plan day and the
 * parts calendar libraries take. The arithmetic is the core's plan calendar.
 */
import { dateOfDay, isCalendarDate } from '@backtrack/core';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** The date of day `day` (1–7) of plan week `week`, for a plan starting on `start`. */
export function planDate(start: IsoDate, week: number, day: number): IsoDate {
  return dateOfDay(start, (week - 1) * 7 + day);
}

/** `[year, month, day]` of a date, as calendar libraries take it. */
export function dateParts(date: IsoDate): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError(`not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}
