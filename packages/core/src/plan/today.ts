/**
 * Today in a plan: what the runner does on one calendar date (the exercise
 * session and the day's run, walk or cross-training), how many sessions that
 * is for the day's check-in, and how many of them the runner has done. Pure:
 * the caller passes the date (the web its local calendar date, the CLI its
 * clock's), so "today" is counted here once for every adapter.
 */
import { daysBetween, planPosition, type PlanPosition } from './calendar.js';
import type { Plan, PlanItem } from './types.js';

/** An exercise of a plan day. */
export type PlanExerciseItem = Extract<PlanItem, { kind: 'exercise' }>;
/** A run, run/walk, walk or cross-training of a plan day: each is a session of its own. */
export type PlanActivityItem = Exclude<PlanItem, { kind: 'exercise' }>;

/**
 * Sessions planned on a day, for check-ins: the day's exercises together are
 * one session (done in one go), and each run, run/walk, walk or cross-training
 * is one more. A day with seven exercises and a run is two sessions, not eight.
 */
export function sessionsPlannedOn(items: readonly PlanItem[]): number {
  const exercises = items.some((i) => i.kind === 'exercise') ? 1 : 0;
  return exercises + items.filter((i) => i.kind !== 'exercise').length;
}

/** Where a date falls relative to a plan. */
export type PlanDayStatus = 'before_start' | 'in_plan' | 'after_end';

/** What a plan holds for one date. */
export interface PlanToday {
  /** The date asked about, `YYYY-MM-DD`. */
  date: string;
  status: PlanDayStatus;
  /** Day, week and day of week; null outside the plan. */
  position: PlanPosition | null;
  /** Days until the plan starts (with `before_start`), else 0. */
  daysUntilStart: number;
  /** The day's exercises, in plan order: together one session. */
  exercises: PlanExerciseItem[];
  /** The day's runs, run/walks, walks or cross-training, in plan order: one session each. */
  activities: PlanActivityItem[];
  /** Sessions planned on the day ({@link sessionsPlannedOn}); 0 outside the plan. */
  sessionsPlanned: number;
}

/**
 * What `plan` (saved with `startDate`) holds on `date`: the day's exercises
 * and activities and the sessions planned. Outside the plan the lists are
 * empty and `status` says which side. Throws RangeError when a date is not
 * `YYYY-MM-DD`.
 */
export function planToday(plan: Plan, startDate: string, date: string): PlanToday {
  const empty = { exercises: [], activities: [], sessionsPlanned: 0 };
  const position = planPosition(startDate, date);
  if (!position) {
    return {
      date,
      status: 'before_start',
      position: null,
      daysUntilStart: daysBetween(date, startDate),
      ...empty,
    };
  }
  const week = plan.weeks[position.week - 1];
  if (!week) return { date, status: 'after_end', position: null, daysUntilStart: 0, ...empty };
  const items = week.days.find((d) => d.day === position.dayOfWeek)?.items ?? [];
  return {
    date,
    status: 'in_plan',
    position,
    daysUntilStart: 0,
    exercises: items.filter((i): i is PlanExerciseItem => i.kind === 'exercise'),
    activities: items.filter((i): i is PlanActivityItem => i.kind !== 'exercise'),
    sessionsPlanned: sessionsPlannedOn(items),
  };
}

/** What the runner has ticked off on a day. */
export interface DayTicks {
  /** Ids of the exercises ticked off. */
  exercisesDone: readonly string[];
  /** Whether the guided exercise session was finished (every exercise counts as done). */
  sessionFinished: boolean;
  /** Indexes into `PlanToday.activities` of the activities ticked off. */
  activitiesDone: readonly number[];
}

/**
 * Sessions done on a day from what was ticked off, for the check-in: the
 * exercise session counts once it is finished or every exercise is ticked,
 * and each ticked activity counts one. Never more than `sessionsPlanned`.
 */
export function sessionsDoneOn(today: PlanToday, ticks: DayTicks): number {
  const done = new Set(ticks.exercisesDone);
  const exercises =
    today.exercises.length > 0 &&
    (ticks.sessionFinished || today.exercises.every((e) => done.has(e.exerciseId)))
      ? 1
      : 0;
  const activities = new Set(
    ticks.activitiesDone.filter(
      (i) => Number.isInteger(i) && i >= 0 && i < today.activities.length,
    ),
  ).size;
  return Math.min(today.sessionsPlanned, exercises + activities);
}
