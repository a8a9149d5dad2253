/**
 * Today in a plan: the day's exercises and activities, and sessions counted
 * per session, not per exercise (issue 12: "sessions planned today: 7").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../assessment/answers.js';
import { assess } from '../assessment/assess.js';
import { NO_WARNING_SIGNS } from '../assessment/named-answers.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { addDays } from './calendar.js';
import { generatePlan } from './generate-plan.js';
import { planToday, sessionsDoneOn, sessionsPlannedOn, type DayTicks } from './today.js';
import type { Plan, PlanItem } from './types.js';

const kb = loadKnowledgeBase();
const { answers } = validateAnswers(kb, {
  ...NO_WARNING_SIGNS,
  trend: 'same',
  weekly_km: 30,
  pain_now: 3,
});
const outcome = generatePlan(kb, assess(kb, answers), answers, { longestRunKm: 10 });
if (outcome.kind !== 'plan') throw new Error('expected a plan');
const plan: Plan = outcome;
const start = '2025-03-03';

const exercise = (id: string): PlanItem => ({
  kind: 'exercise',
  exerciseId: id,
  name: id,
  dose: { sets: 2, reps: 8, perSide: false },
  targets: [],
  reason: 'test',
});
const run: PlanItem = {
  kind: 'run',
  distanceKm: 5,
  effort: 'easy',
  flatOnly: false,
  long: false,
  targets: [],
  reason: 'test',
};
const noTicks: DayTicks = { exercisesDone: [], sessionFinished: false, activitiesDone: [] };

describe('sessionsPlannedOn', () => {
  it('counts seven exercises and a run as two sessions (regression: "sessions planned today: 7")', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(exercise);
    expect(sessionsPlannedOn(items)).toBe(1);
    expect(sessionsPlannedOn([...items, run])).toBe(2);
    expect(sessionsPlannedOn([run])).toBe(1);
    expect(sessionsPlannedOn([])).toBe(0);
  });
});

describe('planToday', () => {
  it('finds the day of the plan and splits exercises from activities', () => {
    for (let day = 1; day <= plan.weeks.length * 7; day++) {
      const date = addDays(start, day - 1);
      const today = planToday(plan, start, date);
      const week = plan.weeks[Math.ceil(day / 7) - 1];
      const items = week?.days.find((d) => d.day === ((day - 1) % 7) + 1)?.items ?? [];
      expect(today.status).toBe('in_plan');
      expect(today.position?.day).toBe(day);
      expect([...today.exercises, ...today.activities]).toHaveLength(items.length);
      expect(today.sessionsPlanned).toBe(sessionsPlannedOn(items));
      expect(today.sessionsPlanned).toBeLessThanOrEqual(1 + today.activities.length);
    }
  });

  it('has a plan day with several exercises counted as one session', () => {
    const days = plan.weeks.flatMap((w) => w.days);
    const busy = days.find((d) => d.items.filter((i) => i.kind === 'exercise').length > 1);
    expect(busy).toBeDefined();
    const index = plan.weeks.findIndex((w) => w.days.includes(busy as never));
    const today = planToday(plan, start, addDays(start, index * 7 + (busy?.day ?? 1) - 1));
    expect(today.exercises.length).toBeGreaterThan(1);
    expect(today.sessionsPlanned).toBe(1 + today.activities.length);
  });

  it('says before the start and after the end, with nothing planned', () => {
    expect(planToday(plan, start, '2025-03-01')).toMatchObject({
      status: 'before_start',
      daysUntilStart: 2,
      sessionsPlanned: 0,
      exercises: [],
    });
    expect(planToday(plan, start, addDays(start, plan.weeks.length * 7))).toMatchObject({
      status: 'after_end',
      position: null,
      sessionsPlanned: 0,
    });
  });

  it('rejects text that is not a date', () => {
    expect(() => planToday(plan, start, '2025-02-30')).toThrow(RangeError);
  });
});

describe('sessionsDoneOn', () => {
  const [firstWeek] = plan.weeks;
  if (!firstWeek) throw new Error('expected a week');
  const today = planToday(
    {
      ...plan,
      weeks: [{ ...firstWeek, days: [{ day: 1, items: [exercise('a'), exercise('b'), run] }] }],
    },
    start,
    start,
  );

  it('counts the exercise session once every exercise is ticked or the session is finished', () => {
    expect(sessionsDoneOn(today, noTicks)).toBe(0);
    expect(sessionsDoneOn(today, { ...noTicks, exercisesDone: ['a'] })).toBe(0);
    expect(sessionsDoneOn(today, { ...noTicks, exercisesDone: ['a', 'b'] })).toBe(1);
    expect(sessionsDoneOn(today, { ...noTicks, sessionFinished: true })).toBe(1);
    expect(sessionsDoneOn(today, { ...noTicks, sessionFinished: true, activitiesDone: [0] })).toBe(
      2,
    );
  });

  it('never counts more than planned, whatever is ticked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 5 }),
        fc.boolean(),
        fc.array(fc.integer({ min: -3, max: 6 }), { maxLength: 6 }),
        (exercisesDone, sessionFinished, activitiesDone) => {
          const done = sessionsDoneOn(today, { exercisesDone, sessionFinished, activitiesDone });
          expect(done).toBeGreaterThanOrEqual(0);
          expect(done).toBeLessThanOrEqual(today.sessionsPlanned);
        },
      ),
    );
  });
});
