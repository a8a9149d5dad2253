/**
 * Check-ins a physiotherapist can use: the distance actually run, where the
 * pain reached and a note are kept and shown; pain newly below the knee
 * answers with the warning-sign re-check (core `checkInRecheck`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { signUp } from '../testing/clinic.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { CheckInResponseDto, SavedPlanDto } from './dto.js';

let t: TestApp;
let runner: TestBrowser;
let planId: string;
const day = (date: string, extra: Record<string, unknown> = {}) => ({
  date,
  painDuring: 2,
  painAfter: 2,
  painNextMorning: 2,
  sessionsDone: 1,
  sessionsPlanned: 1,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-06T20:00:00.000Z' });
  runner = await signUp(t, 'legs@example.org');
  const interview = await takeAssessment(runner, DESK_RUNNER);
  const saved = await runner.post('/api/plans', {
    assessmentId: interview.id,
    startDate: '2026-03-02',
  });
  expect(saved.status, saved.text).toBe(201);
  planId = (saved.body as SavedPlanDto).id;
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('check-in details', { timeout: 30_000 }, () => {
  it('keeps the distance run, where the pain reached and a note, and shows them on the plan', async () => {
    const first = await runner.post(
      `/api/plans/${planId}/checkins`,
      day('2026-03-02', {
        distanceKm: 6.4,
        legPain: 'above_knee',
        note: '  stiff after the hills  ',
      }),
    );
    expect(first.status, first.text).toBe(201);
    const body = first.body as CheckInResponseDto;
    expect(body.checkIn).toMatchObject({
      distanceKm: 6.4,
      legPain: 'above_knee',
      note: 'stiff after the hills',
    });
    expect(body.recheck).toBeNull();
    const plan = (await runner.get(`/api/plans/${planId}`)).body as SavedPlanDto;
    expect(plan.checkIns[0]).toMatchObject({
      distanceKm: 6.4,
      legPain: 'above_knee',
      note: 'stiff after the hills',
    });
    // Without the new fields a check-in still records, with nulls.
    const plain = await runner.post(`/api/plans/${planId}/checkins`, day('2026-03-03'));
    expect((plain.body as CheckInResponseDto).checkIn).toMatchObject({
      distanceKm: null,
      legPain: null,
      note: null,
    });
  });

  it('asks for the warning signs again when the pain first reaches below the knee, not every day after', async () => {
    const first = await runner.post(
      `/api/plans/${planId}/checkins`,
      day('2026-03-04', { legPain: 'below_knee' }),
    );
    expect(first.status, first.text).toBe(201);
    const recheck = (first.body as CheckInResponseDto).recheck;
    expect(recheck?.questionIds).toContain('saddle_numbness');
    expect(recheck?.action).toMatch(/warning-sign questions/);
    const again = await runner.post(
      `/api/plans/${planId}/checkins`,
      day('2026-03-05', { legPain: 'below_knee' }),
    );
    expect((again.body as CheckInResponseDto).recheck).toBeNull();
  });

  it('refuses what it cannot keep with a 400 naming the field', async () => {
    for (const [extra, field] of [
      [{ legPain: 'foot' }, 'legPain'],
      [{ distanceKm: -2 }, 'distanceKm'],
      [{ note: 'x'.repeat(1001) }, 'note'],
    ] as const) {
      const res = await runner.post(`/api/plans/${planId}/checkins`, day('2026-03-06', extra));
      expect(res.status, res.text).toBe(400);
      expect(res.text).toContain(field);
    }
  });
});
