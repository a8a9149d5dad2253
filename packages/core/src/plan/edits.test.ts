/**
 * Clinician plan edits: within the knowledge base's bounds, applied after the
 * check-in adaptations in time order, and never creating a plan where the
 * triage forbids one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../assessment/answers.js';
import { assess } from '../assessment/assess.js';
import { NO_WARNING_SIGNS } from '../assessment/named-answers.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import {
  applyPlanEdits,
  EDITABLE_DOSE_FIELDS,
  PLAN_EDIT_REASON_MAX,
  planEditOptions,
  validatePlanEdit,
  type PlanEdit,
  type PlanEditRequest,
} from './edits.js';
import { generatePlan } from './generate-plan.js';
import { replayPlan } from './replay-plan.js';
import type { CheckIn, Plan } from './types.js';

const kb = loadKnowledgeBase();
const library = new Map(kb.exercises.map((e) => [e.id, e]));

function planOf(extra: Record<string, string | number>): ReturnType<typeof generatePlan> {
  const { answers } = validateAnswers(kb, {
    ...NO_WARNING_SIGNS,
    trend: 'same',
    weekly_km: 30,
    pain_now: 3,
    ...extra,
  });
  return generatePlan(kb, assess(kb, answers), answers, { longestRunKm: 10 });
}
const outcome = planOf({});
if (outcome.kind !== 'plan') throw new Error('expected a plan');
const plan: Plan = outcome;
const forbidden = planOf({ saddle_numbness: 'yes', bladder_change: 'yes' });

/** Every exercise id in the plan. */
const planExercises = [
  ...new Set(
    plan.weeks.flatMap((w) =>
      w.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'exercise' ? [i.exerciseId] : []))),
    ),
  ),
];
const withBounds = planExercises.find((id) => library.get(id)?.dose.bounds.reps) ?? '';
const exercise = library.get(withBounds);
if (!exercise?.dose.bounds.reps) throw new Error('expected an exercise with rep bounds');
const repsMax = exercise.dose.bounds.reps[1];

const edit = (request: PlanEditRequest, at: string, id = at): PlanEdit => ({
  ...request,
  id,
  at,
  authorName: 'Dr Test',
});

/** Every exercise item of a plan with its week. */
function exerciseItems(p: Plan) {
  return p.weeks.flatMap((w) =>
    w.days.flatMap((d) =>
      d.items.flatMap((i) => (i.kind === 'exercise' ? [{ week: w.week, item: i }] : [])),
    ),
  );
}

describe('validatePlanEdit', () => {
  it('refuses a dose outside the bounds, naming the bound and the exercise', () => {
    const check = validatePlanEdit(kb, plan, {
      exerciseId: withBounds,
      fromWeek: 2,
      reason: 'More volume',
      change: { kind: 'dose', reps: repsMax + 1 },
    });
    expect(check).toEqual({
      ok: false,
      field: 'change.reps',
      message: `change.reps: at most ${String(repsMax)} for ${exercise.name}.`,
    });
  });

  it('refuses a dose field the knowledge base gives no bounds for', () => {
    const noHold = planExercises.find((id) => !library.get(id)?.dose.bounds.holdSeconds);
    if (!noHold) return;
    const check = validatePlanEdit(kb, plan, {
      exerciseId: noHold,
      fromWeek: 1,
      reason: 'Hold longer',
      change: { kind: 'dose', holdSeconds: 5 },
    });
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.message).toMatch(/^change\.holdSeconds: the knowledge base gives no bounds/);
  });

  it('requires a reason of at most 500 characters, a week of the plan and an exercise in it', () => {
    const base: PlanEditRequest = {
      exerciseId: withBounds,
      fromWeek: 1,
      reason: 'x',
      change: { kind: 'pause' },
    };
    expect(validatePlanEdit(kb, plan, { ...base, reason: '  ' })).toMatchObject({
      field: 'reason',
    });
    expect(
      validatePlanEdit(kb, plan, { ...base, reason: 'x'.repeat(PLAN_EDIT_REASON_MAX + 1) }),
    ).toMatchObject({ field: 'reason' });
    expect(validatePlanEdit(kb, plan, { ...base, fromWeek: plan.weeks.length + 1 })).toMatchObject({
      field: 'fromWeek',
    });
    const absent = kb.exercises.find((e) => !planExercises.includes(e.id));
    if (absent)
      expect(validatePlanEdit(kb, plan, { ...base, exerciseId: absent.id })).toMatchObject({
        field: 'exerciseId',
      });
    expect(validatePlanEdit(kb, plan, base).ok).toBe(true);
  });

  it('swaps only to the knowledge base’s own easier or harder variant', () => {
    for (const id of planExercises) {
      const e = library.get(id);
      if (!e) continue;
      for (const to of ['easier', 'harder'] as const) {
        const check = validatePlanEdit(kb, plan, {
          exerciseId: id,
          fromWeek: 1,
          reason: 'Swap',
          change: { kind: 'swap', to },
        });
        const variant = to === 'easier' ? e.regression : e.progression;
        if (check.ok) expect(check.replacement?.id).toBe(variant);
        else expect(check.field).toBe('change.to');
        if (!variant) expect(check.ok).toBe(false);
      }
    }
  });
});

describe('planEditOptions', () => {
  const request = (exerciseId: string, fromWeek: number, change: PlanEditRequest['change']) => ({
    exerciseId,
    fromWeek,
    reason: 'Because',
    change,
  });

  it('lists every exercise in the plan from the week, with the knowledge base’s bounds', () => {
    const options = planEditOptions(kb, plan, 1);
    expect(options.map((o) => o.exerciseId).sort()).toEqual([...planExercises].sort());
    for (const o of options) {
      const bounds = library.get(o.exerciseId)?.dose.bounds;
      expect(o.bounds.length).toBeGreaterThan(0);
      for (const { field, min, max } of o.bounds) expect(bounds?.[field]).toEqual([min, max]);
      for (const field of EDITABLE_DOSE_FIELDS)
        if (bounds?.[field]) expect(o.bounds.some((b) => b.field === field)).toBe(true);
    }
    const option = options.find((o) => o.exerciseId === withBounds);
    expect(option?.bounds).toContainEqual({
      field: 'reps',
      min: exercise.dose.bounds.reps?.[0],
      max: repsMax,
    });
  });

  it('offers exactly the swaps validatePlanEdit accepts', () => {
    for (const fromWeek of [1, plan.weeks.length]) {
      for (const o of planEditOptions(kb, plan, fromWeek)) {
        for (const to of ['easier', 'harder'] as const) {
          const offered = o.swaps.find((s) => s.to === to);
          const check = validatePlanEdit(
            kb,
            plan,
            request(o.exerciseId, fromWeek, { kind: 'swap', to }),
          );
          expect(check.ok, `${o.exerciseId} ${to} from week ${String(fromWeek)}`).toBe(
            offered !== undefined,
          );
          if (check.ok) expect(offered?.exerciseId).toBe(check.replacement?.id);
        }
      }
    }
  });

  it('gives each exercise its dose in the first week it is in from the given week', () => {
    const last = plan.weeks.length;
    for (const o of planEditOptions(kb, plan, last)) {
      const items = plan.weeks
        .filter((w) => w.week >= last)
        .flatMap((w) => w.days.flatMap((d) => d.items))
        .filter((i) => i.kind === 'exercise' && i.exerciseId === o.exerciseId);
      expect(items[0]).toMatchObject({ dose: o.dose });
    }
  });

  it('offers nothing for a no-plan outcome', () => {
    expect(planEditOptions(kb, forbidden, 1)).toEqual([]);
  });
});

describe('applyPlanEdits', () => {
  it('changes the dose from the given week on and leaves earlier weeks alone', () => {
    const edited = applyPlanEdits(kb, plan, [
      edit(
        {
          exerciseId: withBounds,
          fromWeek: 3,
          reason: 'Fewer reps',
          change: { kind: 'dose', reps: exercise.dose.bounds.reps?.[0] ?? 1 },
        },
        '2026-01-01T10:00:00.000Z',
      ),
    ]);
    for (const { week, item } of exerciseItems(edited).filter(
      (x) => x.item.exerciseId === withBounds,
    )) {
      const original = doseOf(plan, week, withBounds);
      if (week < 3) expect(item.dose).toEqual(original);
      else expect(item.dose.reps).toBe(exercise.dose.bounds.reps?.[0]);
    }
  });

  it('pauses an exercise from the given week on; a later edit of it is skipped', () => {
    const edited = applyPlanEdits(kb, plan, [
      edit(
        { exerciseId: withBounds, fromWeek: 2, reason: 'Pause', change: { kind: 'pause' } },
        'a',
      ),
      edit(
        {
          exerciseId: withBounds,
          fromWeek: 3,
          reason: 'Dose',
          change: { kind: 'dose', sets: 1 },
        },
        'b',
      ),
    ]);
    const weeks = exerciseItems(edited)
      .filter((x) => x.item.exerciseId === withBounds)
      .map((x) => x.week);
    expect(weeks.length).toBeGreaterThan(0);
    expect(weeks.every((w) => w === 1)).toBe(true);
  });

  it('leaves a no-plan outcome a no-plan outcome', () => {
    expect(forbidden.kind).toBe('no_plan');
    const request: PlanEditRequest = {
      exerciseId: withBounds,
      fromWeek: 1,
      reason: 'Try',
      change: { kind: 'pause' },
    };
    expect(validatePlanEdit(kb, forbidden, request)).toMatchObject({ ok: false, field: 'plan' });
    expect(applyPlanEdits(kb, forbidden, [edit(request, 'a')])).toBe(forbidden);
  });
});

function doseOf(p: Plan, week: number, id: string) {
  return exerciseItems(p).find((x) => x.week === week && x.item.exerciseId === id)?.item.dose;
}

const arbCheckIn: fc.Arbitrary<CheckIn> = fc.record({
  day: fc.integer({ min: 1, max: 42 }),
  painDuring: fc.integer({ min: 0, max: 10 }),
  painAfter: fc.integer({ min: 0, max: 10 }),
  painNextMorning: fc.integer({ min: 0, max: 10 }),
  sessionsDone: fc.integer({ min: 0, max: 2 }),
  sessionsPlanned: fc.constant(2),
});

/** Any edit of an exercise of the plan (or of its variants), most of them invalid. */
const arbEdit: fc.Arbitrary<PlanEdit> = fc.record({
  id: fc.uuid(),
  at: fc
    .integer({ min: 0, max: 1_000_000 })
    .map((s) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString()),
  authorName: fc.constant('Dr Test'),
  exerciseId: fc.constantFrom(...planExercises, ...kb.exercises.map((e) => e.id).slice(0, 4)),
  fromWeek: fc.integer({ min: 0, max: plan.weeks.length + 1 }),
  reason: fc.constantFrom('Because', ''),
  change: fc.oneof(
    fc.record(
      {
        kind: fc.constant('dose' as const),
        sets: fc.integer({ min: 0, max: 12 }),
        reps: fc.integer({ min: 0, max: 40 }),
        holdSeconds: fc.integer({ min: 0, max: 120 }),
      },
      { requiredKeys: ['kind'] },
    ),
    fc.record({ kind: fc.constant('swap' as const), to: fc.constantFrom('easier', 'harder') }),
    fc.constant({ kind: 'pause' as const }),
  ),
});

describe('replay with clinician edits (properties)', () => {
  it('gives the same plan for any order of the same check-ins and edits', () => {
    fc.assert(
      fc.property(
        fc.array(arbCheckIn, { maxLength: 12 }),
        fc.array(arbEdit, { maxLength: 6 }),
        fc.nat(),
        (checkIns, edits, seed) => {
          const shuffle = <T>(xs: readonly T[]) =>
            xs
              .map((x, i) => ({ x, k: (i * 7919 + seed) % (xs.length + 13) }))
              .sort((a, b) => a.k - b.k)
              .map((p) => p.x);
          const a = replayPlan(kb, plan, checkIns, { edits });
          const b = replayPlan(kb, plan, shuffle([...checkIns].reverse()), {
            edits: shuffle([...edits].reverse()),
          });
          expect(b.plan).toEqual(a.plan);
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('never gives a dose outside the knowledge base’s bounds, whatever edits are stored', () => {
    fc.assert(
      fc.property(
        fc.array(arbCheckIn, { maxLength: 12 }),
        fc.array(arbEdit, { maxLength: 8 }),
        (checkIns, edits) => {
          const { plan: replayed } = replayPlan(kb, plan, checkIns, { edits });
          for (const { item } of exerciseItems(replayed)) {
            const bounds = library.get(item.exerciseId)?.dose.bounds;
            expect(bounds).toBeDefined();
            for (const field of [...EDITABLE_DOSE_FIELDS, 'minutes'] as const) {
              const value = item.dose[field];
              const range = bounds?.[field];
              if (value === undefined) continue;
              expect(range).toBeDefined();
              expect(value).toBeGreaterThanOrEqual(range?.[0] ?? Infinity);
              expect(value).toBeLessThanOrEqual(range?.[1] ?? -Infinity);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('an edit cannot create a plan where the triage forbids one', () => {
    fc.assert(
      fc.property(fc.array(arbEdit, { maxLength: 6 }), (edits) => {
        for (const e of edits) expect(validatePlanEdit(kb, forbidden, e).ok).toBe(false);
        expect(applyPlanEdits(kb, forbidden, edits).kind).toBe('no_plan');
      }),
      { numRuns: 40 },
    );
  });
});
