/**
 * When a daily reminder at a runner's local hour goes out: the next time the
 * runner's clock shows `hour`:00 in their IANA time zone, DST included (an
 * hour that the spring change skips comes at the first instant after the
 * gap; an hour that the autumn change repeats comes once, the first time).
 */
import { addDays } from '../plan/calendar.js';
import { fromLocalTime, toLocalTime } from './time-zone.js';

/** The hours a daily reminder may be set to: 0–23, local. */
export const REMINDER_HOURS = { min: 0, max: 23 } as const;

/** The next daily reminder: the runner's local date it is for, and its UTC instant. */
export interface LocalHourOccurrence {
  /** The local date (`YYYY-MM-DD`) on which the reminder falls. */
  date: string;
  /** The UTC instant, in ms. */
  atMs: number;
}

/**
 * The first instant strictly after `afterMs` at which it is `hour`:00 on the
 * local clock of `timeZone` (or, on a day the clock skips that hour, the end
 * of the gap).
 */
export function nextLocalHour(
  afterMs: number,
  timeZone: string,
  hour: number,
): LocalHourOccurrence {
  if (!Number.isInteger(hour) || hour < REMINDER_HOURS.min || hour > REMINDER_HOURS.max)
    throw new RangeError(`hour: expected a whole hour 0–23, got ${String(hour)}`);
  const today = toLocalTime(afterMs, timeZone).date;
  // Yesterday covers a zone whose local date lags; two days on cover every offset.
  for (let day = -1; day <= 2; day++) {
    const date = addDays(today, day);
    const atMs = fromLocalTime({ date, minutes: hour * 60 }, timeZone);
    if (atMs > afterMs) return { date, atMs };
  }
  throw new Error(`no ${String(hour)}:00 in ${timeZone} within two days of ${String(afterMs)}`);
}
