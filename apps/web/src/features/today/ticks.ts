/**
 * What the runner ticked off today, kept in the browser per plan and date so
 * the check-in page can pre-fill "sessions done" (counted by the core's
 * `sessionsDoneOn`). Storage may be unavailable: ticks then last for the page.
 */
import type { DayTicks } from '@backtrack/core';
import { readSetting, writeSetting } from '../../shared/lib/storage.js';

/** Nothing ticked. */
export const NO_TICKS: DayTicks = { exercisesDone: [], sessionFinished: false, activitiesDone: [] };

/** The storage key of a plan day's ticks. */
export function ticksKey(planId: string, date: string): string {
  return `backtrack.ticks.${planId}.${date}`;
}

/** Parses stored ticks; anything unreadable is nothing ticked. */
export function parseTicks(text: string | null): DayTicks {
  if (text === null) return NO_TICKS;
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null) return NO_TICKS;
    const r = raw as Record<string, unknown>;
    const exercisesDone = Array.isArray(r.exercisesDone)
      ? r.exercisesDone.filter((x): x is string => typeof x === 'string')
      : [];
    const activitiesDone = Array.isArray(r.activitiesDone)
      ? r.activitiesDone.filter((x): x is number => Number.isInteger(x))
      : [];
    return { exercisesDone, activitiesDone, sessionFinished: r.sessionFinished === true };
  } catch {
    return NO_TICKS;
  }
}

/** Whether anything was stored for a plan day (even nothing ticked, after unticking). */
export function hasTicks(planId: string, date: string): boolean {
  return readSetting(ticksKey(planId, date)) !== null;
}

/** The ticks stored for a plan day. */
export function readTicks(planId: string, date: string): DayTicks {
  return parseTicks(readSetting(ticksKey(planId, date)));
}

/** Stores the ticks of a plan day. */
export function writeTicks(planId: string, date: string, ticks: DayTicks): void {
  writeSetting(ticksKey(planId, date), JSON.stringify(ticks));
}

/** The ticks with one exercise ticked on or off. */
export function toggleExercise(ticks: DayTicks, exerciseId: string, done: boolean): DayTicks {
  const rest = ticks.exercisesDone.filter((id) => id !== exerciseId);
  return { ...ticks, exercisesDone: done ? [...rest, exerciseId] : rest };
}

/** The ticks with one activity (by its index among the day's activities) ticked on or off. */
export function toggleActivity(ticks: DayTicks, index: number, done: boolean): DayTicks {
  const rest = ticks.activitiesDone.filter((i) => i !== index);
  return { ...ticks, activitiesDone: done ? [...rest, index] : rest };
}
