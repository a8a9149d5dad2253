/**
 * Wall-clock time in an IANA time zone, with `Intl.DateTimeFormat` offset
 * maths (no time-zone library): a clinic's working hours are local times,
 * slots and bookings are UTC instants. Local times that do not exist (the
 * hour skipped when clocks go forward) move forward by the gap; local times
 * that happen twice (clocks go back) take the earlier instant.
 */

const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA time zone this runtime knows (`Europe/Copenhagen`). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** A local date and time of day in some time zone. */
export interface LocalTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

/** The local date and time of an instant in `timeZone`. */
export function toLocalTime(instantMs: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instantMs)) parts[p.type] = p.value;
  return {
    date: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  const local = toLocalTime(instantMs, timeZone);
  const asUtc = Date.parse(`${local.date}T00:00:00Z`) + local.minutes * MINUTE_MS;
  const floored = Math.floor(instantMs / MINUTE_MS) * MINUTE_MS;
  return Math.round((asUtc - floored) / MINUTE_MS);
}

/**
 * The UTC instant (ms) of a local date and time in `timeZone`. A time in the
 * spring-forward gap comes out shifted forward by the gap; a time in the
 * autumn overlap comes out as the earlier of its two instants.
 */
export function fromLocalTime(local: LocalTime, timeZone: string): number {
  const wall = Date.parse(`${local.date}T00:00:00Z`) + local.minutes * MINUTE_MS;
  // The offset a few hours either side; an instant is one of wall − offset.
  const before = offsetMinutes(wall - 12 * 60 * MINUTE_MS, timeZone);
  const after = offsetMinutes(wall + 12 * 60 * MINUTE_MS, timeZone);
  const candidates = [wall - before * MINUTE_MS, wall - after * MINUTE_MS].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const back = toLocalTime(candidate, timeZone);
    if (back.date === local.date && back.minutes === local.minutes) return candidate;
  }
  // In the gap: the wall time never shows; the offset before the change puts it after the gap.
  return wall - before * MINUTE_MS;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** `HH:MM` → minutes since midnight; undefined when malformed. `24:00` is allowed (end of day). */
export function parseClockTime(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

/** Minutes since midnight → `HH:MM`. */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
