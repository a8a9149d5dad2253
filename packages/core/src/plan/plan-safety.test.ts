/**
 * The plan's safety promises (clinical-safety issue): no invented inputs,
 * one dose variable at a time, walk/run only after its start criteria,
 * severe or rising pain stops running and calls for a re-screen, and
 * next-morning pain is judged against the runner's own baseline.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../assessment/answers.js';
import { assess } from '../assessment/assess.js';
import { NO_WARNING_SIGNS } from '../assessment/named-answers.js';
import { loadKnowledgeBase, PLAN_RULES, RETURN_TO_RUN } from '../knowledge/index.js';
import { adaptPlan, decide, MIN_CHECK_INS_TO_PROGRESS, STOP_RUNNING_PAIN } from './adapt-plan.js';
import {
  doseAtLevel,
  generatePlan,
  LEVEL_MAX,
  LEVEL_MIN,
  RETURN_TO_RUN_LEVEL_MAX,
  SUSPECTED,
} from './generate-plan.js';
import { replayPlan } from './replay-plan.js';
import type { CheckIn, Plan, PlanDose, PlanItem, RunnerProfileInput } from './types.js';

const kb = loadKnowledgeBase();

function planFrom(extra: Record<string, unknown>, profile: RunnerProfileInput = {}): Plan {
  const { answers } = validateAnswers(kb, { ...NO_WARNING_SIGNS, trend: 'same', ...extra });
  const outcome = generatePlan(kb, assess(kb, answers), answers, profile);
  if (outcome.kind !== 'plan') throw new Error(`expected a plan, got ${outcome.reason}`);
  return outcome;
}

const items = (plan: Plan, week: number): PlanItem[] =>
  plan.weeks[week - 1]?.days.flatMap((d) => d.items) ?? [];
const running = (plan: Plan, week: number) =>
  items(plan, week).filter((i) => i.kind === 'run' || i.kind === 'run_walk');

const checkIn = (day: number, pain: Partial<CheckIn> = {}): CheckIn => ({
  day,
  painDuring: 1,
  painAfter: 1,
  painNextMorning: 1,
  sessionsDone: 2,
  sessionsPlanned: 2,
  ...pain,
});

describe('no invented inputs', () => {
  it('without pain_now and weekly_km, withholds running doses and says what is missing', () => {
    const plan = planFrom({});
    expect(plan.runningMode).toBe('running');
    expect(plan.basis.baselinePain).toBeNull();
    expect(plan.basis.baseWeeklyKm).toBeNull();
    expect(plan.missing.map((m) => m.field).sort()).toEqual(['pain_now', 'weekly_km']);
    expect(plan.missing.find((m) => m.field === 'weekly_km')?.why).toMatch(/weekly distance/);
    for (const week of plan.weeks) {
      expect(week.runKm).toBe(0);
      expect(running(plan, week.week)).toEqual([]);
    }
  });

  it('with weekly_km but no longest run, spreads the distance evenly and says so', () => {
    const plan = planFrom({ weekly_km: 30, pain_now: 2 });
    expect(plan.missing.map((m) => m.field)).toEqual(['longest_run_km']);
    expect(plan.basis.longestRunKm).toBeNull();
    const runs = items(plan, 1).flatMap((i) => (i.kind === 'run' ? [i] : []));
    expect(runs.length).toBeGreaterThan(1);
    expect(new Set(runs.map((r) => r.distanceKm)).size).toBe(1);
    expect(runs.some((r) => r.long)).toBe(false);
  });

  it('with everything given, misses nothing and uses the runner’s numbers', () => {
    const plan = planFrom({ weekly_km: 30, pain_now: 2 }, { longestRunKm: 12 });
    expect(plan.missing).toEqual([]);
    expect(plan.basis.baselinePain).toBe(2);
    expect(plan.basis.longestRunKm).toBe(12);
  });
});

describe('one dose variable at a time', () => {
  const dose = (d: PlanDose) => [d.sets, d.reps, d.holdSeconds, d.minutes];
  const changed = (a: PlanDose, b: PlanDose) => dose(a).filter((v, i) => v !== dose(b)[i]).length;

  it('for any exercise and level, neighbouring levels differ in at most one variable', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kb.exercises),
        fc.integer({ min: LEVEL_MIN - 3, max: RETURN_TO_RUN_LEVEL_MAX + 3 }),
        (exercise, level) => {
          expect(
            changed(doseAtLevel(exercise, level), doseAtLevel(exercise, level + 1)),
          ).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('regression: side plank no longer jumps from 1×3×10 s to 2×5×20 s in one step', () => {
    const sidePlank = kb.exercises.find((e) => e.id === 'side_plank');
    if (!sidePlank) throw new Error('side_plank missing');
    expect(doseAtLevel(sidePlank, 0)).toMatchObject({ sets: 1, reps: 3, holdSeconds: 10 });
    expect(doseAtLevel(sidePlank, 1)).toMatchObject({ sets: 2, reps: 3, holdSeconds: 10 });
    expect(doseAtLevel(sidePlank, 2)).toMatchObject({ sets: 2, reps: 5, holdSeconds: 10 });
    expect(doseAtLevel(sidePlank, 3)).toMatchObject({ sets: 2, reps: 5, holdSeconds: 15 });
  });

  it('a running week differs from the one before in its distance only', () => {
    const plan = planFrom({ weekly_km: 30, pain_now: 2 }, { longestRunKm: 12 });
    const shape = (week: number) =>
      plan.weeks[week - 1]?.days.map((d) =>
        d.items.flatMap((i) => (i.kind === 'run' ? [`${i.effort} ${String(i.flatOnly)}`] : [])),
      );
    for (let w = 2; w <= plan.weeks.length; w++) expect(shape(w)).toEqual(shape(1));
    expect(plan.weeks.at(-1)?.runKm).toBeGreaterThan(plan.weeks[0]?.runKm ?? Infinity);
  });

  it('each walk/run phase changes one thing: the session length or the split', () => {
    const phases = RETURN_TO_RUN.phases;
    for (let i = 1; i < phases.length; i++) {
      const [a, b] = [phases[i - 1], phases[i]];
      if (!a || !b) continue;
      const total = (p: typeof a) => (p.walkMinutes + p.runMinutes) * p.repeats;
      const sameSplit = a.walkMinutes === b.walkMinutes && a.runMinutes === b.runMinutes;
      const sameLength = total(a) === total(b);
      expect(sameSplit !== sameLength, `phase ${a.phase} → ${b.phase}`).toBe(true);
    }
  });
});

describe('walk/run starts only when its start criteria are met', () => {
  const plan = planFrom({ run_pattern: 'not_running', pain_now: 2 });
  const good = [1, 3, 5].map((d) =>
    checkIn(d, { painDuring: 0, painAfter: 0, painNextMorning: 1 }),
  );

  it('the first week is a walking week with the criteria, no walk/run', () => {
    expect(plan.runningMode).toBe('return_to_run');
    expect(running(plan, 1)).toEqual([]);
    expect(plan.weeks[0]?.focus).toMatch(/30-minute walk/);
    expect(plan.weeks[0]?.focus).toMatch(/hops/);
  });

  it('the walking week’s walks are 30 minutes, also in a gentler plan, so the first criterion can be shown', () => {
    const gentle: Plan = { ...plan, basis: { ...plan.basis, conservative: true } };
    const { plan: replayed } = replayPlan(kb, gentle, [checkIn(1)]);
    const walks = items(replayed, 2).flatMap((i) => (i.kind === 'walk' ? [i.minutes] : []));
    expect(walks.length).toBeGreaterThan(0);
    for (const minutes of walks) expect(minutes).toBe(30);
  });

  it('a week without check-ins keeps walking', () => {
    const { plan: replayed } = replayPlan(kb, plan, [], { asOfDay: 8 });
    expect(running(replayed, 2)).toEqual([]);
  });

  it('walk/run phase 1 follows a walking week of good check-ins with low morning pain', () => {
    const { plan: replayed } = replayPlan(kb, plan, good);
    expect(running(replayed, 2)[0]).toMatchObject({ kind: 'run_walk', phase: 1 });
  });

  it('morning pain above 2/10 keeps the runner walking even when walking went well', () => {
    const sore = good.map((c) => ({ ...c, painNextMorning: 3 }));
    const { plan: replayed, adaptations } = replayPlan(
      kb,
      { ...plan, basis: { ...plan.basis, baselinePain: 3 } },
      sore,
    );
    expect(adaptations[0]?.decision).toBe('hold');
    expect(running(replayed, 2)).toEqual([]);
  });
});

describe('severe or rising pain stops running', () => {
  const plan = planFrom({ weekly_km: 25, pain_now: 3 }, { longestRunKm: 10 });

  it('regression: three check-ins at 9/10 stop running, ask for a re-screen and advise a clinician', () => {
    const nines = [1, 3, 5].map((d) =>
      checkIn(d, { painDuring: 9, painAfter: 9, painNextMorning: 9 }),
    );
    const { plan: replayed, adaptations } = replayPlan(kb, plan, nines);
    expect(adaptations[0]?.decision).toBe('stop_running');
    expect(replayed.safetyStop).toMatchObject({ week: 1, rescreen: true });
    expect(replayed.safetyStop?.seeClinician).toMatch(/physiotherapist or doctor/);
    for (const week of replayed.weeks.slice(1)) {
      expect(week.runKm).toBe(0);
      expect(running(replayed, week.week)).toEqual([]);
      expect(items(replayed, week.week).some((i) => i.kind === 'cross_train')).toBe(true);
    }
    expect(replayed.weeks.slice(1).reduce((km, w) => km + w.runKm, 0)).toBe(0);
  });

  it(`stops at ${STOP_RUNNING_PAIN}/10 and not below`, () => {
    expect(decide([checkIn(1, { painAfter: STOP_RUNNING_PAIN })], 3).decision).toBe('stop_running');
    expect(decide([checkIn(1, { painAfter: STOP_RUNNING_PAIN - 1 })], 3).decision).toBe(
      'step_back',
    );
  });

  it('stops when next-morning pain rises by two points over a week past the baseline', () => {
    const rising = [
      checkIn(1, { painNextMorning: 2 }),
      checkIn(4, { painNextMorning: 3 }),
      checkIn(6, { painNextMorning: 4 }),
    ];
    const decision = decide(rising, 2);
    expect(decision.decision).toBe('stop_running');
    expect(decision.stop?.reason).toMatch(/rose from 2\/10 to 4\/10/);
    // One point is within the noise of the scale; a rise that stays under the baseline is not a worsening back.
    expect(decide(rising.slice(0, 2), 2).decision).not.toBe('stop_running');
    expect(decide(rising, 5).decision).not.toBe('stop_running');
  });

  it('stays stopped in later weeks even after good check-ins', () => {
    const checkIns = [
      checkIn(2, { painDuring: 8 }),
      ...[8, 10, 12].map((d) => checkIn(d, { painDuring: 0, painAfter: 0, painNextMorning: 0 })),
    ];
    const { plan: replayed, adaptations } = replayPlan(kb, plan, checkIns);
    expect(adaptations.map((a) => a.decision)).toEqual(['stop_running', 'progress']);
    expect(running(replayed, 3)).toEqual([]);
  });

  it('raises the stop also when bone stress is suspected and pain is not adapting the plan', () => {
    const bonePlan: Plan = {
      ...plan,
      adaptation: 'none',
      runningMode: 'no_running',
      basis: { ...plan.basis, runningMode: 'no_running' },
    };
    const a = adaptPlan(kb, bonePlan, 1, [checkIn(1, { painDuring: 9 })]);
    expect(a.decision).toBe('stop_running');
    expect(a.safetyStop?.rescreen).toBe(true);
    expect(a.nextWeek.days.flatMap((d) => d.items).some((i) => i.kind === 'cross_train')).toBe(
      true,
    );
  });
});

describe('next-morning pain against the runner’s own baseline', () => {
  it('uses pain_now when it was given', () => {
    const plan = planFrom({ weekly_km: 25, pain_now: 2 }, { longestRunKm: 10 });
    const mornings = [1, 3, 5].map((d) => checkIn(d, { painNextMorning: 3 }));
    const { adaptations, baseline } = replayPlan(kb, plan, mornings);
    expect(baseline).toEqual({ pain: 2, from: 'pain_now' });
    expect(adaptations[0]?.decision).toBe('step_back');
  });

  it('uses the first morning check-in when pain_now was not asked, never an assumed number', () => {
    const plan = planFrom({ weekly_km: 25 }, { longestRunKm: 10 });
    expect(plan.basis.baselinePain).toBeNull();
    // Mornings of 4/10 every day are the runner's own normal, not a reason to step back.
    const mornings = [1, 3, 5].map((d) =>
      checkIn(d, { painDuring: 1, painAfter: 1, painNextMorning: 4 }),
    );
    const { adaptations, baseline } = replayPlan(kb, plan, mornings);
    expect(baseline).toEqual({ pain: 4, from: 'first_morning' });
    expect(adaptations[0]?.decision).toBe('progress');
    // A morning above the first one steps back.
    const worse = [...mornings, checkIn(6, { painNextMorning: 5 })];
    expect(replayPlan(kb, plan, worse).adaptations[0]?.decision).toBe('step_back');
  });
});

describe('plan-engine thresholds are knowledge-base records', () => {
  it.each([
    ['suspectedProbability', SUSPECTED],
    ['minCheckInsToProgress', MIN_CHECK_INS_TO_PROGRESS],
    ['stopRunningPain', STOP_RUNNING_PAIN],
  ] as const)('%s is read from the knowledge base', (id, value) => {
    const rule = kb.planRules.find((r) => r.id === id);
    expect(rule?.value).toBe(value);
    expect(rule?.sources.length).toBeGreaterThan(0);
  });

  it('the level range and adherence cut come from the knowledge base', () => {
    expect([LEVEL_MIN, LEVEL_MAX]).toEqual(kb.planRules.find((r) => r.id === 'levelRange')?.value);
    expect(kb.planRules.find((r) => r.id === 'adherenceMin')?.value).toBe(
      PLAN_RULES.adherenceMin.value,
    );
  });

  it('holds below the adherence cut', () => {
    const share = PLAN_RULES.adherenceMin.value;
    const few = [1, 3, 5].map((d) =>
      checkIn(d, {
        painDuring: 0,
        painAfter: 0,
        painNextMorning: 0,
        sessionsDone: 1,
        sessionsPlanned: 2,
      }),
    );
    expect(0.5).toBeLessThan(share);
    expect(decide(few, 0).decision).toBe('hold');
  });
});
