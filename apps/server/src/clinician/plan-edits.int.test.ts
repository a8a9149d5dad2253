/**
 * Clinician plan edits over HTTP: a consenting runner's plan changes within
 * the knowledge base's bounds, the runner sees who changed what and why, the
 * edit is in the runner's access log, and anything else is a 4xx naming the
 * field.
 */
import { loadKnowledgeBase } from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClinic, runnerSharingPlan, signUp, type TestClinic } from '../testing/clinic.js';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { AccountExport } from '../account/service.js';
import type { AccessEntryDto, PlanEditDto, PreVisitSummaryDto, SavedPlanDto } from '../contract.js';

const NOW = '2026-03-02T09:00:00.000Z';
const kb = loadKnowledgeBase();

let t: TestApp;
let clinic: TestClinic;
let runner: TestBrowser;
let runnerId = '';
let plan: SavedPlanDto;

/** The first exercise of the plan whose knowledge-base dose bounds reps. */
function repsExercise(p: SavedPlanDto) {
  const ids = p.plan.weeks.flatMap((w) =>
    w.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'exercise' ? [i.exerciseId] : []))),
  );
  const exercise = kb.exercises.find((e) => ids.includes(e.id) && e.dose.bounds.reps);
  if (!exercise?.dose.bounds.reps) throw new Error('the plan has no exercise with rep bounds');
  return { exercise, reps: exercise.dose.bounds.reps };
}

/** The doses of `exerciseId` in each week of a plan. */
function dosesOf(p: SavedPlanDto, exerciseId: string) {
  return p.plan.weeks.map((w) => ({
    week: w.week,
    reps: w.days
      .flatMap((d) => d.items)
      .flatMap((i) => (i.kind === 'exercise' && i.exerciseId === exerciseId ? [i.dose.reps] : [])),
  }));
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  clinic = await openClinic(t, { email: 'anna@clinic-a.test' });
  ({ runner, runnerId, plan } = await runnerSharingPlan(t, clinic, 'runner@example.org'));
}, 120_000);
afterAll(async () => {
  await t.close();
});

const url = () => `/api/clinician/runners/${runnerId}/plan-edits`;

describe('POST /api/clinician/runners/:runnerId/plan-edits', { timeout: 60_000 }, () => {
  it('changes a dose within the bounds from a week on; the runner sees who, when and why', async () => {
    const { exercise, reps } = repsExercise(plan);
    const res = await clinic.admin.post(url(), {
      exerciseId: exercise.id,
      fromWeek: 3,
      reason: 'Fewer reps while the back settles.',
      change: { kind: 'dose', reps: reps[0] },
    });
    expect(res.status, res.text).toBe(201);
    const edit = res.body as PlanEditDto;
    expect(edit).toMatchObject({
      planId: plan.id,
      exerciseId: exercise.id,
      exerciseName: exercise.name,
      fromWeek: 3,
      reason: 'Fewer reps while the back settles.',
      change: { kind: 'dose', reps: reps[0] },
      at: NOW,
    });
    expect(edit.authorName.length).toBeGreaterThan(0);

    const seen = (await runner.get(`/api/plans/${plan.id}`)).body as SavedPlanDto;
    expect(seen.edits).toEqual([edit]);
    const before = dosesOf(plan, exercise.id);
    for (const { week, reps: weekReps } of dosesOf(seen, exercise.id)) {
      if (week < 3) expect(weekReps).toEqual(before.find((b) => b.week === week)?.reps);
      else for (const r of weekReps) expect(r).toBe(reps[0]);
    }

    const log = (await runner.get('/api/me/access-log')).body as { entries: AccessEntryDto[] };
    expect(log.entries.find((e) => e.action === 'clinician.plan_edit')).toMatchObject({
      what: edit.id,
      who: edit.authorName,
      clinicName: clinic.clinic.name,
    });
  });

  it('gives the clinician’s summary the bounds and swaps to edit within, and the edits made', async () => {
    const res = await clinic.admin.get(`/api/clinician/runners/${runnerId}/summary`);
    expect(res.status, res.text).toBe(200);
    const { summary } = res.body as PreVisitSummaryDto;
    if (summary.plan.status !== 'shown') throw new Error('expected the plan section');
    const { editFromWeek, editOptions, edits } = summary.plan.data;
    expect(editFromWeek).toBe(1);
    const { exercise, reps } = repsExercise(plan);
    expect(editOptions.find((o) => o.exerciseId === exercise.id)?.bounds).toContainEqual({
      field: 'reps',
      min: reps[0],
      max: reps[1],
    });
    // The edit of the first test, with who, when and why.
    expect(edits).toEqual([
      expect.objectContaining({
        exerciseId: exercise.id,
        exerciseName: exercise.name,
        reason: 'Fewer reps while the back settles.',
        at: NOW,
      }),
    ]);
  });

  it('puts the edits (who, when, what, why) and the edited plan in the runner’s account export', async () => {
    const seen = (await runner.get(`/api/plans/${plan.id}`)).body as SavedPlanDto;
    expect(seen.edits.length).toBeGreaterThan(0);
    const res = await runner.get('/api/me/export');
    expect(res.status, res.text).toBe(200);
    const exported = res.body as AccountExport;
    const [only] = exported.plans;
    expect(only?.edits).toEqual(seen.edits);
    expect(only?.edits[0]).toMatchObject({
      authorName: expect.any(String) as string,
      at: NOW,
      change: { kind: 'dose' },
      reason: 'Fewer reps while the back settles.',
    });
    // The exported plan has the edit applied; the generated one does not.
    const { exercise, reps } = repsExercise(plan);
    const week3 = (p: AccountExport['plans'][number]['plan']) =>
      p.weeks[2]?.days
        .flatMap((d) => d.items)
        .flatMap((i) =>
          i.kind === 'exercise' && i.exerciseId === exercise.id ? [i.dose.reps] : [],
        );
    expect(only && week3(only.plan)?.every((r) => r === reps[0])).toBe(true);
    expect(only && week3(only.generated)).toEqual(
      dosesOf(plan, exercise.id).find((w) => w.week === 3)?.reps,
    );
  });

  it('refuses a dose outside the knowledge base’s bounds, naming the bound', async () => {
    const { exercise, reps } = repsExercise(plan);
    const res = await clinic.admin.post(url(), {
      exerciseId: exercise.id,
      fromWeek: 1,
      reason: 'More',
      change: { kind: 'dose', reps: reps[1] + 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: 'invalid_input',
        message: `change.reps: at most ${String(reps[1])} for ${exercise.name}.`,
      },
    });
  });

  it.each([
    ['no reason', { reason: undefined }, /reason/],
    ['an empty reason', { reason: '   ' }, /reason/],
    ['a reason over 500 characters', { reason: 'x'.repeat(501) }, /reason/],
    ['a week outside the plan', { fromWeek: 40 }, /fromWeek/],
    ['an unknown change', { change: { kind: 'replace' } }, /change/],
    ['an exercise not in the plan', { exerciseId: 'no_such_exercise' }, /exerciseId/],
  ])('answers %s with 400 naming the field', async (_name, override, says) => {
    const { exercise } = repsExercise(plan);
    const res = await clinic.admin.post(url(), {
      exerciseId: exercise.id,
      fromWeek: 1,
      reason: 'Because',
      change: { kind: 'pause' },
      ...override,
    });
    expect(res.status, res.text).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toMatch(says);
  });

  it('refuses a clinician when the runner did not share the plan', async () => {
    const other = await signUp(t, 'noplan@example.org');
    const assessment = await takeAssessment(other, DESK_RUNNER);
    await other.post('/api/plans', { assessmentId: assessment.id, startDate: '2026-03-02' });
    const booked = await other.post('/api/bookings', {
      clinicId: clinic.clinic.id,
      appointmentTypeId: clinic.types.running_analysis,
      start: '2026-03-04T09:00:00.000Z',
      assessmentId: assessment.id,
      share: { assessment: true, plan: false, checkins: false, training: false },
    });
    expect(booked.status, booked.text).toBe(201);
    const otherId = ((await other.get('/api/auth/me')).body as { user: { id: string } }).user.id;
    const res = await clinic.admin.post(`/api/clinician/runners/${otherId}/plan-edits`, {
      exerciseId: repsExercise(plan).exercise.id,
      fromWeek: 1,
      reason: 'Because',
      change: { kind: 'pause' },
    });
    expect(res.status).toBe(403);
    expect((res.body as { error: { message: string } }).error.message).toMatch(/plan/);
  });
});
