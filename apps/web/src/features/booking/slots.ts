/**
 * Free slots for people: grouped by day in the runner's time zone, each with
 * its time there and, when the clinic's zone differs, the clinic's own time.
 * Dates are the core's plan calendar format ("Mon 3 Mar 2025"), times the
 * core's `HH:MM`, so the booking pages show dates one way with the rest of
 * the app.
 */
import { formatClockTime, toLocalTime } from '@backtrack/core';
import { formatDate, formatDateTime } from '../../shared/lib/dates.js';
import type { SlotDto } from '../../shared/api/types.js';

/** One slot as shown: the slot, its time in the runner's zone, and the clinic's time when the zones differ. */
export interface ShownSlot {
  slot: SlotDto;
  /** `HH:MM` in the runner's time zone. */
  time: string;
  /** `HH:MM` in the clinic's time zone, or null when the runner is in the clinic's zone. */
  clinicTime: string | null;
}

/** The slots of one day in the runner's calendar. */
export interface SlotDay {
  /** `YYYY-MM-DD` in the runner's time zone. */
  date: string;
  /** The day for people, e.g. "Mon 3 Mar 2025". */
  label: string;
  slots: ShownSlot[];
}

/** Whether two zones show different wall-clock times at the instant (the same zone under two names does not). */
function zonesDiffer(instantMs: number, a: string, b: string): boolean {
  if (a === b) return false;
  const x = toLocalTime(instantMs, a);
  const y = toLocalTime(instantMs, b);
  return x.date !== y.date || x.minutes !== y.minutes;
}

/**
 * An appointment's time for the runner: in their zone, and the clinic's time
 * with its zone named when that differs, e.g.
 * "Mon 3 Mar 2025, 09:00 (15:00 Europe/Copenhagen time at the clinic)".
 */
export function describeTime(iso: string, runnerZone: string, clinicZone: string): string {
  const ms = Date.parse(iso);
  const shown = formatDateTime(iso, runnerZone);
  if (!zonesDiffer(ms, runnerZone, clinicZone)) return shown;
  const clinic = toLocalTime(ms, clinicZone);
  return `${shown} (${formatClockTime(clinic.minutes)} ${clinicZone} time at the clinic)`;
}

/**
 * Groups slots by day in the runner's time zone, days and slots in time
 * order. A slot late in the clinic's evening may fall on the next day for
 * the runner: it is grouped by the runner's day.
 */
export function groupSlotsByDay(
  slots: readonly SlotDto[],
  runnerZone: string,
  clinicZone: string,
): SlotDay[] {
  const days = new Map<string, ShownSlot[]>();
  const sorted = [...slots].sort(
    (a, b) =>
      Date.parse(a.start) - Date.parse(b.start) || a.clinicianName.localeCompare(b.clinicianName),
  );
  for (const slot of sorted) {
    const ms = Date.parse(slot.start);
    const local = toLocalTime(ms, runnerZone);
    const clinicTime = zonesDiffer(ms, runnerZone, clinicZone)
      ? formatClockTime(toLocalTime(ms, clinicZone).minutes)
      : null;
    const day = days.get(local.date) ?? [];
    day.push({ slot, time: formatClockTime(local.minutes), clinicTime });
    days.set(local.date, day);
  }
  return [...days].map(([date, daySlots]) => ({
    date,
    label: formatDate(date),
    slots: daySlots,
  }));
}

/** `YYYY-MM-DD` plus `days` days (calendar arithmetic in UTC, no time zone involved). */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
