/**
 * Plan replay through the API on an in-memory PGlite: the order in which
 * check-ins are entered cannot change the plan (regression: the server held
 * a week without check-ins, the CLI skipped it, and entering week 4 before
 * week 1 gave different levels), and severe pain stops running.
 */
import { createRepositories } from '@backtrack/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { AdaptationDto, SavedPlanDto } from './dto.js';

let t: TestApp;
let runner: TestBrowser;
let assessmentId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T07:30:00.000Z' });
  runner = t.browser();
  assessmentId = (await takeAssessment(runner, DESK_RUNNER)).id;
  const registered = await t.register(runner, 'order@example.org', 'long enough password');
  expect(registered.status).toBe(200);
}, 60_000);
afterAll(async () => {
  await t.close();
});

const START = '2026-03-02';
const dateOfDay = (day: number) =>
  new Date(Date.parse(`${START}T00:00:00Z`) + (day - 1) * 86_400_000).toISOString().slice(0, 10);

let plansMade = 0;
/** A new plan; the units differ each time (display only), since the same request again gives back the same plan. */
async function newPlan(): Promise<SavedPlanDto> {
  plansMade += 1;
  const res = await runner.post('/api/plans', {
    assessmentId,
    startDate: START,
    profile: {
      runningDaysPerWeek: 3,
      weeklyKm: 30,
      longestRunKm: 10,
      units: plansMade % 2 === 0 ? 'mi' : 'km',
      equipment: plansMade > 2 ? ['mat'] : [],
    },
  });
  expect(res.status).toBe(201);
  return res.body as SavedPlanDto;
}

async function checkIn(planId: string, day: number, pain: number) {
  const res = await runner.post(`/api/plans/${planId}/checkins`, {
    date: dateOfDay(day),
    painDuring: pain,
    painAfter: pain,
    painNextMorning: pain,
    sessionsDone: 1,
    sessionsPlanned: 1,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { adaptation: AdaptationDto | null };
}

describe('check-ins in any order', () => {
  it('regression: weeks 1 and 4 entered in either order give the same levels and stored adaptations', async () => {
    // Today is the last day of week 4: every check-in is in the past.
    t.clock.set('2026-03-29T20:00:00.000Z');
    const forwards = await newPlan();
    const backwards = await newPlan();
    const week1 = [1, 3, 5];
    const week4 = [22, 24, 26];
    for (const day of [...week1, ...week4]) await checkIn(forwards.id, day, 1);
    for (const day of [...week4, ...week1]) await checkIn(backwards.id, day, 1);

    const read = async (id: string) => (await runner.get(`/api/plans/${id}`)).body as SavedPlanDto;
    const [a, b] = [await read(forwards.id), await read(backwards.id)];
    const levels = (p: SavedPlanDto) => p.plan.weeks.map((w) => w.level);
    expect(levels(b)).toEqual(levels(a));
    expect(levels(a)).toEqual([0, 1, 1, 1, 2, 3]);
    expect(b.adaptations).toEqual(a.adaptations);
    expect(a.adaptations.map((x) => x.decision)).toEqual(['progress', 'hold', 'hold', 'progress']);

    // What is stored is the same too, whatever the order of entry.
    const repos = createRepositories(t.database.db);
    const stored = async (id: string) =>
      (await repos.plans.listAdaptations(id)).map((r) => [r.week, r.decision, r.toLevel]);
    expect(await stored(backwards.id)).toEqual(await stored(forwards.id));
  });

  it('pain of 9/10 stops running in the plan, asks for a re-screen and advises a clinician', async () => {
    t.clock.set('2026-03-04T20:00:00.000Z');
    const plan = await newPlan();
    const { adaptation } = await checkIn(plan.id, 2, 9);
    expect(adaptation?.decision).toBe('stop_running');
    expect(adaptation?.safetyStop).toMatchObject({ week: 1, rescreen: true });
    const read = (await runner.get(`/api/plans/${plan.id}`)).body as SavedPlanDto;
    expect(read.plan.safetyStop?.seeClinician).toMatch(/physiotherapist or doctor/);
    const laterRunKm = read.plan.weeks.slice(1).reduce((km, w) => km + w.runKm, 0);
    expect(laterRunKm).toBe(0);
    expect(
      read.plan.weeks[1]?.days.flatMap((d) => d.items).some((i) => i.kind === 'cross_train'),
    ).toBe(true);
  });
});
