/**
 * Free appointment slots: from each clinician's weekly working hours (local
 * times in the clinic's time zone), minus absences and holidays, minus
 * existing appointments with the buffer after each, on a grid (every 15
 * minutes by default) within a window of dates, none in the past or sooner
 * than the minimum notice. Pure: the caller passes the time (`nowMs`).
 *
 * An appointment blocks its clinician from its start to its end plus the
 * buffer (`blockedUntil`); the database's exclusion constraint uses the same
 * range, so a slot offered here is one the database accepts.
 */
import { DomainError } from '../errors.js';
import { addDays, daysBetween, isCalendarDate } from '../plan/calendar.js';
import { fromLocalTime, isoWeekday } from './time-zone.js';

const MINUTE_MS = 60_000;

/** The widest window of dates one slot query may cover (inclusive). */
export const MAX_SLOT_WINDOW_DAYS = 31;
/** The default slot grid: a slot may start every 15 minutes of the working day. */
export const DEFAULT_SLOT_GRID_MINUTES = 15;

/** One block of weekly working hours of a clinician (local times). */
export interface WorkingHoursBlock {
  clinicianId: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  startMinutes: number;
  /** Minutes since local midnight, after `startMinutes` (1440 = midnight at the end). */
  endMinutes: number;
}

/** A span of time (UTC ms) when a clinician, or the whole clinic (`clinicianId` null), is away. */
export interface BusySpan {
  clinicianId: string | null;
  startMs: number;
  endMs: number;
}

/** What the slots are computed from. */
export interface SlotQuery {
  /** The clinic's IANA time zone. */
  timeZone: string;
  /** First and last local date of the window, `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
  durationMinutes: number;
  /** Free time kept after every appointment. */
  bufferMinutes: number;
  /** Slots start on this grid from the start of each working block (default 15). */
  gridMinutes?: number;
  /** The current time, UTC ms. */
  nowMs: number;
  /** No slot starts sooner than this after `nowMs` (default 0). */
  minNoticeMinutes?: number;
  workingHours: readonly WorkingHoursBlock[];
  /** Absences and holidays. */
  exceptions: readonly BusySpan[];
  /** Active appointments, each from its start to its end plus the buffer. */
  appointments: readonly BusySpan[];
  /** Only these clinicians (default: everyone with working hours). */
  clinicianIds?: readonly string[];
}

/** A free slot of one clinician. */
export interface FreeSlot {
  clinicianId: string;
  startMs: number;
  endMs: number;
}

/** Problems with a window of dates (empty when fine). */
export function slotWindowProblems(from: string, to: string): string[] {
  const problems: string[] = [];
  if (!isCalendarDate(from)) problems.push(`from: not a date YYYY-MM-DD: ${from}`);
  if (!isCalendarDate(to)) problems.push(`to: not a date YYYY-MM-DD: ${to}`);
  if (problems.length > 0) return problems;
  const days = daysBetween(from, to) + 1;
  if (days < 1) problems.push(`to (${to}) is before from (${from})`);
  else if (days > MAX_SLOT_WINDOW_DAYS)
    problems.push(
      `the window from ${from} to ${to} is ${String(days)} days; ask for at most ${String(MAX_SLOT_WINDOW_DAYS)}`,
    );
  return problems;
}

/**
 * Whether `[start, end)` overlaps none of the busy spans: a binary search
 * finds the first span ending after `start` (only those can overlap), and
 * the scan stops once spans must start after `end`.
 */
function isFree(busy: SortedSpans, start: number, end: number): boolean {
  const { spans, longestMs } = busy;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.endMs ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < spans.length; i++) {
    const b = spans[i];
    if (!b) break;
    if (b.startMs < end) return false;
    // Every later span ends later still, so starts after end − longest: none can overlap.
    if (b.endMs - longestMs >= end) break;
  }
  return true;
}

/** Busy spans sorted by end, with the longest span's length. */
interface SortedSpans {
  spans: BusySpan[];
  longestMs: number;
}

/**
 * The free slots in the window, by start time then clinician. Throws an
 * `invalid_input` DomainError for a malformed or too wide window.
 */
export function freeSlots(query: SlotQuery): FreeSlot[] {
  const problems = slotWindowProblems(query.from, query.to);
  if (problems.length > 0) throw new DomainError('invalid_input', problems[0] ?? '', problems);
  if (!(query.durationMinutes > 0)) throw new RangeError('durationMinutes must be positive');
  const grid = query.gridMinutes ?? DEFAULT_SLOT_GRID_MINUTES;
  if (!(grid > 0)) throw new RangeError('gridMinutes must be positive');
  const earliest = query.nowMs + (query.minNoticeMinutes ?? 0) * MINUTE_MS;
  const durationMs = query.durationMinutes * MINUTE_MS;
  const bufferMs = query.bufferMinutes * MINUTE_MS;
  const only = query.clinicianIds === undefined ? undefined : new Set(query.clinicianIds);

  // Each clinician's busy spans (their own and the clinic's), sorted by end, for a binary search.
  const clinicWide = query.exceptions.filter((e) => e.clinicianId === null);
  const busyOf = new Map<string, SortedSpans>();
  const busyFor = (clinicianId: string): SortedSpans => {
    let sorted = busyOf.get(clinicianId);
    if (!sorted) {
      const spans = [...query.exceptions, ...query.appointments]
        .filter((b) => b.clinicianId === clinicianId)
        .concat(clinicWide)
        .sort((a, b) => a.endMs - b.endMs);
      sorted = { spans, longestMs: Math.max(0, ...spans.map((b) => b.endMs - b.startMs)) };
      busyOf.set(clinicianId, sorted);
    }
    return sorted;
  };

  // Clinicians share start and end times: convert each local time once (Intl is the slow part).
  const instants = new Map<string, number>();
  const instant = (date: string, minutes: number): number => {
    const key = `${date} ${String(minutes)}`;
    let ms = instants.get(key);
    if (ms === undefined) {
      ms =
        minutes >= 1440
          ? fromLocalTime({ date: addDays(date, 1), minutes: 0 }, query.timeZone)
          : fromLocalTime({ date, minutes }, query.timeZone);
      instants.set(key, ms);
    }
    return ms;
  };

  const out: FreeSlot[] = [];
  const days = daysBetween(query.from, query.to) + 1;
  for (let i = 0; i < days; i++) {
    const date = addDays(query.from, i);
    const weekday = isoWeekday(date);
    for (const block of query.workingHours) {
      if (block.weekday !== weekday) continue;
      if (only && !only.has(block.clinicianId)) continue;
      const blockStart = instant(date, block.startMinutes);
      const blockEnd = instant(date, block.endMinutes);
      const busy = busyFor(block.clinicianId);
      for (let start = blockStart; start + durationMs <= blockEnd; start += grid * MINUTE_MS) {
        if (start < earliest) continue;
        const end = start + durationMs;
        // The new appointment also blocks its buffer: it must not run into the next one.
        if (!isFree(busy, start, end + bufferMs)) continue;
        out.push({ clinicianId: block.clinicianId, startMs: start, endMs: end });
      }
    }
  }
  out.sort((a, b) => a.startMs - b.startMs || a.clinicianId.localeCompare(b.clinicianId));
  // Two overlapping working blocks of one clinician would offer a slot twice.
  return out.filter(
    (s, i) =>
      i === 0 || s.startMs !== out[i - 1]?.startMs || s.clinicianId !== out[i - 1]?.clinicianId,
  );
}
