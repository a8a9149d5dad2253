/**
 * Saving plans is idempotent and bounded: the same request again (a double
 * click, a retry, a burst) gives back the same plan, and one account keeps at
 * most MAX_PLANS_PER_ACCOUNT plans (regression: 200 identical requests made
 * 200 plans).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import type { SavedPlanDto } from './dto.js';
import { MAX_PLANS_PER_ACCOUNT } from './service.js';

let t: TestApp;
let runner: TestBrowser;
let assessmentId: string;

beforeAll(async () => {
  t = await createTestApp();
  runner = t.browser();
  assessmentId = (await takeAssessment(runner, DESK_RUNNER)).id;
  const registered = await t.register(runner, 'plans@example.org', 'long enough password');
  expect(registered.status).toBe(200);
  await runner.get('/api/auth/csrf');
}, 60_000);
afterAll(async () => {
  await t.close();
});

const save = (startDate: string, weeklyKm = 30) =>
  runner.post('/api/plans', { assessmentId, startDate, profile: { weeklyKm } });

describe('saving plans', () => {
  it('gives back the same plan for the same request, even twenty at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => save('2026-03-02')));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    const ids = new Set(results.map((r) => (r.body as SavedPlanDto).id));
    expect(ids.size).toBe(1);
    const other = await save('2026-03-02', 40);
    expect(ids.has((other.body as SavedPlanDto).id)).toBe(false);
    const list = ((await runner.get('/api/plans')).body as { plans: unknown[] }).plans;
    expect(list).toHaveLength(2);
  });

  it(`keeps at most ${String(MAX_PLANS_PER_ACCOUNT)} plans per account and says so`, async () => {
    const day = (i: number) =>
      new Date(Date.parse('2027-01-01T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10);
    const have = ((await runner.get('/api/plans')).body as { plans: unknown[] }).plans.length;
    for (let i = have; i < MAX_PLANS_PER_ACCOUNT; i++)
      expect((await save(day(i))).status).toBe(201);
    const refused = await save(day(MAX_PLANS_PER_ACCOUNT + 1));
    expect(refused.status).toBe(409);
    expect((refused.body as { error: { message: string } }).error.message).toMatch(
      /at most 100 plans/,
    );
  }, 120_000);
});
