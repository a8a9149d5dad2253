/**
 * Adaptation by the pain-monitoring model: property tests of its two
 * safety promises, and the decision table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../assessment/answers.js';
import { assess } from '../assessment/assess.js';
import { NO_WARNING_SIGNS } from '../assessment/named-answers.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { adaptPlan, decide } from './adapt-plan.js';
import { generatePlan } from './generate-plan.js';
import type { CheckIn, Plan } from './types.js';

const kb = loadKnowledgeBase();
const answers = validateAnswers(kb, {
  ...NO_WARNING_SIGNS,
  trend: 'same',
  weekly_km: 30,
  weekly_change: 'up_large',
  pain_now: 3,
}).answers;
const planned = generatePlan(kb, assess(kb, answers), answers);
if (planned.kind !== 'plan') throw new Error('expected a plan');
const plan: Plan = planned;
const baseline = plan.basis.baselinePain ?? 0;
if (plan.basis.baselinePain !== 3) throw new Error('expected the pain_now answer as baseline');

const arbGood: fc.Arbitrary<CheckIn> = fc.record({
  day: fc.integer({ min: 1, max: 7 }),
  painDuring: fc.integer({ min: 0, max: 2 }),
  painAfter: fc.integer({ min: 0, max: 2 }),
  painNextMorning: fc.integer({ min: 0, max: baseline }),
  sessionsDone: fc.constant(2),
  sessionsPlanned: fc.constant(2),
});
const arbAny: fc.Arbitrary<CheckIn> = fc.record({
  day: fc.integer({ min: 1, max: 7 }),
  painDuring: fc.integer({ min: 0, max: 10 }),
  painAfter: fc.integer({ min: 0, max: 10 }),
  painNextMorning: fc.integer({ min: 0, max: 10 }),
  sessionsDone: fc.integer({ min: 0, max: 2 }),
  sessionsPlanned: fc.constant(2),
});

describe('adaptation', () => {
  it('never regresses the plan on a run of good check-ins', () => {
    fc.assert(
      fc.property(
        fc.array(arbGood, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 5 }),
        (checkIns, week) => {
          const a = adaptPlan(kb, plan, week, checkIns);
          expect(a.decision).not.toBe('step_back');
          expect(a.toLevel).toBeGreaterThanOrEqual(a.fromLevel);
        },
      ),
    );
  });

  it('never progresses the plan when a next morning is worse than the baseline', () => {
    fc.assert(
      fc.property(
        fc.array(arbAny, { minLength: 0, maxLength: 6 }),
        arbAny,
        fc.integer({ min: baseline + 1, max: 10 }),
        fc.integer({ min: 1, max: 5 }),
        (others, bad, morning, week) => {
          const a = adaptPlan(kb, plan, week, [...others, { ...bad, painNextMorning: morning }]);
          expect(a.decision).not.toBe('progress');
          expect(a.toLevel).toBeLessThanOrEqual(a.fromLevel);
        },
      ),
    );
  });

  it.each([
    [
      Array.from({ length: 3 }, () => ({
        painDuring: 1,
        painAfter: 1,
        painNextMorning: 0,
        sessionsDone: 2,
        sessionsPlanned: 2,
      })),
      'progress',
    ],
    [
      [{ painDuring: 1, painAfter: 1, painNextMorning: 0, sessionsDone: 2, sessionsPlanned: 2 }],
      'hold',
    ],
    [
      [{ painDuring: 4, painAfter: 3, painNextMorning: 1, sessionsDone: 2, sessionsPlanned: 2 }],
      'hold',
    ],
    [
      [{ painDuring: 6, painAfter: 3, painNextMorning: 1, sessionsDone: 2, sessionsPlanned: 2 }],
      'step_back',
    ],
    [
      [{ painDuring: 7, painAfter: 3, painNextMorning: 1, sessionsDone: 2, sessionsPlanned: 2 }],
      'stop_running',
    ],
    [
      [{ painDuring: 1, painAfter: 1, painNextMorning: 6, sessionsDone: 2, sessionsPlanned: 2 }],
      'step_back',
    ],
    [
      [{ painDuring: 0, painAfter: 0, painNextMorning: 0, sessionsDone: 0, sessionsPlanned: 2 }],
      'hold',
    ],
    [[], 'hold'],
  ] as const)('%j → %s', (checkIns, decision) => {
    const result = decide(
      checkIns.map((c) => ({ day: 1, ...c })),
      3,
    );
    expect(result.decision).toBe(decision);
    expect(result.reason.length).toBeGreaterThan(20);
  });

  it('rebuilds the next week at the new level, with harder doses after progress', () => {
    const good = {
      day: 1,
      painDuring: 0,
      painAfter: 0,
      painNextMorning: 0,
      sessionsDone: 2,
      sessionsPlanned: 2,
    };
    const up = adaptPlan(kb, plan, 2, [good, { ...good, day: 3 }, { ...good, day: 5 }]);
    const down = adaptPlan(kb, plan, 2, [{ ...good, painNextMorning: 9 }]);
    expect(up.nextWeek.week).toBe(3);
    expect(up.toLevel).toBe(up.fromLevel + 1);
    expect(down.toLevel).toBe(down.fromLevel - 1);
    expect(up.nextWeek.runKm).toBeGreaterThan(down.nextWeek.runKm);
  });
});
