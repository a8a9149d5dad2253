/**
 * The training report, pain against training, shoe reminders, and the
 * assessment with imported runs, for a signed-in runner (and none of it for
 * another runner).
 */
import { ACWR_CAVEATS, SHOE_MILEAGE_CAVEAT, type TrainingReport } from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewDto } from '../assessments/dto.js';
import type { SavedPlanDto } from '../plans/dto.js';
import { hillyHistory, seedActivities } from '../testing/activities.js';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { PainVsTrainingDto, ShoeDto } from './service.js';

const NOW = '2026-03-02T09:00:00.000Z';

let t: TestApp;
let ann: TestBrowser;
let bob: TestBrowser;

async function register(browser: TestBrowser, email: string): Promise<string> {
  await t.register(browser, email, `password of ${email}`);
  return ((await browser.get('/api/auth/me')).body as { user: { id: string } }).user.id;
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  ann = t.browser();
  bob = t.browser();
  const annId = await register(ann, 'ann@example.org');
  await register(bob, 'bob@example.org');
  await seedActivities(t, annId, hillyHistory(new Date(NOW)));
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('GET /api/training', () => {
  it('reports load, spikes, ACWR with caveats, hills, shoes and findings', async () => {
    const res = await ann.get('/api/training');
    expect(res.status).toBe(200);
    const report = res.body as TrainingReport;
    expect(report.asOf).toBe(NOW);
    expect(report.activities.runs).toBe(25);
    expect(report.weekly.weeks).toHaveLength(12);
    expect(report.longestRun30d).toMatchObject({ distanceM: 18_000, name: 'Long Sunday' });
    expect(report.longestRun30d?.activityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(report.spikes).toEqual([expect.objectContaining({ band: 'up_30_100' })]);
    expect(report.acuteChronic.caveats).toEqual(ACWR_CAVEATS);
    expect(report.hills.downhillShare).toBe(1);
    expect(report.shoes.shoes).toEqual([
      expect.objectContaining({ name: 'Pegasus 40', distanceM: 306_000, reminderKm: null }),
    ]);
    expect(report.shoes.caveat).toBe(SHOE_MILEAGE_CAVEAT);
    for (const f of report.findings) expect(f.text).toMatch(/^From your imported runs: /);
    expect(report.answersFromData.answers).toMatchObject({ long_run_spike: 'up_30_plus' });
  });

  it('takes asOf as the runner’s local date', async () => {
    const report = (await ann.get('/api/training?asOf=2026-02-20&utcOffsetMin=60'))
      .body as TrainingReport;
    expect(report.asOf).toBe('2026-02-20T22:59:59.999Z');
    expect(report.utcOffsetMin).toBe(60);
    expect(report.spikes).toEqual([]);
  });

  it('is empty for another runner', async () => {
    const report = (await bob.get('/api/training')).body as TrainingReport;
    expect(report.activities.total).toBe(0);
    expect(report.findings).toEqual([]);
  });
});

describe('PUT /api/shoes/:name/reminder', () => {
  it('sets a reminder that the report then uses, with the weak-evidence caveat', async () => {
    const res = await ann.put('/api/shoes/Pegasus%2040/reminder', { km: 300 });
    expect(res.status).toBe(200);
    const shoe = res.body as ShoeDto;
    expect(shoe.shoe).toMatchObject({ name: 'Pegasus 40', reminderKm: 300, pastReminder: true });
    expect(shoe.caveat).toBe(SHOE_MILEAGE_CAVEAT);
    const report = (await ann.get('/api/training')).body as TrainingReport;
    expect(report.findings.some((f) => f.id === 'shoe_past_reminder')).toBe(true);
    // Cleared again with null.
    const cleared = (await ann.put('/api/shoes/Pegasus%2040/reminder', { km: null }))
      .body as ShoeDto;
    expect(cleared.shoe).toMatchObject({ reminderKm: null, pastReminder: false });
  });

  it('is the runner’s own: another runner’s reminder changes nothing here', async () => {
    const res = await bob.put('/api/shoes/Pegasus%2040/reminder', { km: 10 });
    expect(res.status).toBe(200);
    expect((res.body as ShoeDto).shoe).toMatchObject({ distanceM: 0, runs: 0 });
    const report = (await ann.get('/api/training')).body as TrainingReport;
    expect(report.shoes.shoes[0]?.reminderKm).toBeNull();
  });
});

describe('the assessment with imported runs', () => {
  let interview: InterviewDto;
  // The desk runner's answers without what the runs can tell.
  const own = Object.fromEntries(
    Object.entries(DESK_RUNNER).filter(([id]) => id !== 'long_run_spike' && id !== 'hills'),
  );

  beforeAll(async () => {
    interview = await takeAssessment(ann, own, { mode: 'full' });
  });

  it('fills what the runner left unanswered, and says so in the explanation', () => {
    expect(interview.status).toBe('done');
    expect(interview.answers).not.toHaveProperty('long_run_spike');
    expect(interview.trainingAnswers?.long_run_spike).toMatchObject({
      value: 'up_30_plus',
      statement: expect.stringMatching(/^From your imported runs: /) as string,
    });
    expect(interview.trainingAnswers?.hills?.value).toBe('lots');
    const steps = interview.result?.contributors.flatMap((c) => c.explanation) ?? [];
    const fromRuns = steps.filter((s) => s.from !== undefined);
    expect(fromRuns.length).toBeGreaterThan(0);
    expect(new Set(fromRuns.map((s) => s.questionId))).toEqual(
      new Set(Object.keys(interview.trainingAnswers ?? {})),
    );
  });

  it('keeps the runner’s own answers where the runs disagree', () => {
    // The runner said 40 km a week and "up 10–30%"; the runs say otherwise.
    expect(interview.answers.weekly_km).toBe(40);
    expect(interview.trainingAnswers).not.toHaveProperty('weekly_km');
    expect(interview.trainingAnswers).not.toHaveProperty('weekly_change');
    const weekly = (interview.result?.contributors.flatMap((c) => c.explanation) ?? []).filter(
      (s) => s.questionId === 'weekly_km',
    );
    for (const s of weekly) expect(s.from).toBeUndefined();
  });

  it('is unchanged for a runner without imported runs', async () => {
    const plain = await takeAssessment(bob, own, { mode: 'full' });
    expect(plain).not.toHaveProperty('trainingAnswers');
    const steps = plain.result?.contributors.flatMap((c) => c.explanation) ?? [];
    expect(steps.some((s) => s.from !== undefined)).toBe(false);
  });
});

describe('GET /api/training/pain', () => {
  it('has nothing to compare before any check-in', async () => {
    const res = await ann.get('/api/training/pain');
    expect(res.status).toBe(200);
    const pain = res.body as PainVsTrainingDto;
    expect(pain).toMatchObject({ status: 'no_check_ins', checkIns: 0, from: null });
    expect(pain.note).toMatch(/No check-ins yet/);
  });

  it('compares the check-ins of the runner’s plans with their runs', async () => {
    const interview = await takeAssessment(ann, DESK_RUNNER);
    const saved = await ann.post('/api/plans', {
      assessmentId: interview.id,
      startDate: '2026-02-17',
    });
    expect(saved.status, saved.text).toBe(201);
    const planId = (saved.body as SavedPlanDto).id;
    for (let d = 17; d <= 28; d++) {
      const pain = d % 3;
      const res = await ann.post(`/api/plans/${planId}/checkins`, {
        date: `2026-02-${d}`,
        painDuring: pain,
        painAfter: pain,
        painNextMorning: pain,
        sessionsDone: 0,
        sessionsPlanned: 1,
      });
      expect(res.status, res.text).toBe(201);
    }
    const pain = (await ann.get('/api/training/pain')).body as PainVsTrainingDto;
    expect(pain).toMatchObject({
      status: 'compared',
      checkIns: 12,
      from: '2026-02-17',
      to: '2026-02-28',
      runs: 25,
    });
    const runVsRest = pain.comparisons.find((c) => c.id === 'run_vs_rest');
    expect(runVsRest?.status).toBe('estimated');
    const hills = pain.comparisons.find((c) => c.id === 'hills' && c.outcome === 'pain_after');
    expect(hills?.status).toBe('not_enough_data');
    expect(hills?.text).toMatch(/^Not enough data yet/);
    expect(pain.note).toMatch(/not proof of cause/);
  });

  it('shows another runner none of it', async () => {
    const pain = (await bob.get('/api/training/pain')).body as PainVsTrainingDto;
    expect(pain).toMatchObject({ status: 'no_check_ins', checkIns: 0, runs: 0 });
  });
});
