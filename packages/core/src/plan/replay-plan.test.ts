/**
 * Plan replay: one function for the CLI, the server and the web, and the
 * same plan whatever order the check-ins were entered in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../assessment/answers.js';
import { assess } from '../assessment/assess.js';
import { NO_WARNING_SIGNS } from '../assessment/named-answers.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { generatePlan } from './generate-plan.js';
import { replayPlan } from './replay-plan.js';
import type { CheckIn, Plan } from './types.js';

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

const good = (day: number): CheckIn => ({
  day,
  painDuring: 1,
  painAfter: 1,
  painNextMorning: 2,
  sessionsDone: 2,
  sessionsPlanned: 2,
});

const arbCheckIn: fc.Arbitrary<CheckIn> = fc.record({
  day: fc.integer({ min: 1, max: 42 }),
  painDuring: fc.integer({ min: 0, max: 10 }),
  painAfter: fc.integer({ min: 0, max: 10 }),
  painNextMorning: fc.integer({ min: 0, max: 10 }),
  sessionsDone: fc.integer({ min: 0, max: 2 }),
  sessionsPlanned: fc.constant(2),
});

describe('replayPlan', () => {
  it('regression: six check-ins in weeks 1 and 4 give the same levels in either order', () => {
    const week1 = [1, 3, 5].map(good);
    const week4 = [22, 24, 26].map(good);
    const a = replayPlan(kb, plan, [...week1, ...week4]);
    const b = replayPlan(kb, plan, [...week4, ...week1]);
    const levels = (r: typeof a) => r.plan.weeks.map((w) => w.level);
    expect(levels(a)).toEqual(levels(b));
    // Weeks 2 and 3 had no check-ins: they hold. Week 4's good week moves week 5 up.
    expect(levels(a)).toEqual([0, 1, 1, 1, 2, 3]);
    expect(a.adaptations.map((x) => x.decision)).toEqual(['progress', 'hold', 'hold', 'progress']);
  });

  it('gives the same plan for any permutation of the same check-ins', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(arbCheckIn, { maxLength: 12, selector: (c) => c.day })
          .chain((cs) =>
            fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length })),
          ),
        fc.option(fc.integer({ min: 1, max: 42 }), { nil: undefined }),
        ([checkIns, shuffled], asOfDay) => {
          const options = asOfDay === undefined ? {} : { asOfDay };
          expect(replayPlan(kb, plan, shuffled, options)).toEqual(
            replayPlan(kb, plan, checkIns, options),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves the plan as generated without check-ins and before any week has passed', () => {
    const r = replayPlan(kb, plan, [], { asOfDay: 3 });
    expect(r.plan).toEqual(plan);
    expect(r.adaptations).toEqual([]);
    expect(r.baseline).toEqual({ pain: 3, from: 'pain_now' });
  });

  it('holds every week that passed without check-ins', () => {
    const r = replayPlan(kb, plan, [], { asOfDay: 22 });
    expect(r.adaptations.map((a) => a.decision)).toEqual(['hold', 'hold', 'hold']);
    expect(r.plan.weeks.slice(0, 4).map((w) => w.level)).toEqual([0, 0, 0, 0]);
  });

  it('projects later weeks from the last decided level along the schedule', () => {
    const bad = [1, 3].map((d) => ({ ...good(d), painNextMorning: 6 }));
    const r = replayPlan(kb, plan, bad);
    const generated = plan.weeks.map((w) => w.level);
    const replayed = r.plan.weeks.map((w) => w.level);
    expect(replayed[1]).toBe(-1);
    for (let i = 2; i < generated.length; i++)
      expect((replayed[i] ?? 0) - (replayed[i - 1] ?? 0)).toBe(
        (generated[i] ?? 0) - (generated[i - 1] ?? 0),
      );
  });

  it('decides the last week too, without changing the plan’s length', () => {
    const r = replayPlan(kb, plan, [36, 38, 40].map(good));
    expect(r.adaptations.at(-1)).toMatchObject({ week: 6, decision: 'progress' });
    expect(r.adaptations.at(-1)?.nextWeek.week).toBe(7);
    expect(r.plan.weeks).toHaveLength(plan.weeks.length);
  });

  it('ignores check-ins outside the plan', () => {
    const r = replayPlan(kb, plan, [{ ...good(1), day: 200 }]);
    expect(r.plan).toEqual(plan);
  });
});
