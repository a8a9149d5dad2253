/**
 * The plan as an iCalendar file (RFC 5545), generated with the `ics`
 * library: one all-day event per plan day with something planned, titled
 * with the day's exercise families and run or walk, the description listing
 * every item with its dose. Event ids are stable for a start date, so
 * importing a regenerated calendar updates events rather than duplicating them.
 */
import { addDays, type DistanceUnit, type ExerciseCategory, type Plan } from '@backtrack/core';
import { createEvents, type EventAttributes } from 'ics';
import { dateParts, planDate, type IsoDate } from './dates.js';
import { describeItem, summariseDay } from './describe-plan.js';

/** Options of the calendar. */
export interface PlanIcsOptions {
  /** Day 1 of week 1. */
  startDate: IsoDate;
  unit: DistanceUnit;
  categoryOf: (exerciseId: string) => ExerciseCategory | undefined;
}

/** The calendar events of a plan (one per day with something planned), in date order. */
export function planEvents(plan: Plan, options: PlanIcsOptions): EventAttributes[] {
  const events: EventAttributes[] = [];
  for (const week of plan.weeks) {
    for (const day of week.days) {
      const summary = summariseDay(day, options);
      if (summary === undefined) continue;
      const date = planDate(options.startDate, week.week, day.day);
      const description = [
        `Week ${week.week}, day ${day.day}: ${week.focus}`,
        '',
        ...day.items.map((item) => `- ${describeItem(item, options.unit)}`),
        '',
        'Stop and seek care if a warning sign appears or the pain gets worse.',
        plan.disclaimer,
      ].join('\n');
      events.push({
        uid: `backtrack-${options.startDate}-w${week.week}-d${day.day}@backtrack`,
        start: dateParts(date),
        end: dateParts(addDays(date, 1)),
        title: `Backtrack: ${summary}`,
        description,
        transp: 'TRANSPARENT',
        busyStatus: 'FREE',
        categories: ['Backtrack'],
      });
    }
  }
  return events;
}

/** The plan as the text of an `.ics` file. Throws if the library rejects an event. */
export function planToIcs(plan: Plan, options: PlanIcsOptions): string {
  const { error, value } = createEvents(planEvents(plan, options), {
    productId: '-//Backtrack//backtrack CLI//EN',
    calName: 'Backtrack plan',
  });
  if (error !== null || value === null) {
    throw new Error(`could not create the calendar: ${error?.message ?? 'no output'}`);
  }
  return value;
}
