/**
 * Check-ins for different days of one plan sent at the same time, on every
 * database the tests reach (PGlite always; PostgreSQL when a server answers,
 * see scripts/setup-test-deps.sh): every one is stored and none is a 500
 * (regression: on PostgreSQL 18 of 20 pairs collided on the week's adaptation).
 */
import { testDatabaseKinds } from '@backtrack/db/testing';
import { describe, expect, it } from 'vitest';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp } from '../testing/test-app.js';
import type { SavedPlanDto } from './dto.js';

const kinds = await testDatabaseKinds();

describe.each(kinds)('concurrent check-ins on $name', (kind) => {
  it.skipIf(kind.unavailable !== undefined)(
    'stores every check-in of a burst and rebuilds the plan once per check-in',
    async () => {
      const database = await kind.open();
      const t = await createTestApp({ database, now: '2026-03-20T20:00:00.000Z' });
      try {
        const runner = t.browser();
        const assessmentId = (await takeAssessment(runner, DESK_RUNNER)).id;
        const registered = await t.register(runner, 'burst@example.org', 'long enough password');
        expect(registered.status).toBe(200);
        for (let round = 0; round < 5; round++) {
          const created = await runner.post('/api/plans', {
            assessmentId,
            startDate: '2026-03-02',
            // A different profile each round: the same request again would give back the same plan.
            profile: { runningDaysPerWeek: 3, weeklyKm: 30 + round, longestRunKm: 10 },
          });
          expect(created.status).toBe(201);
          const plan = created.body as SavedPlanDto;
          const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
          const results = await Promise.all(
            days.map((date) =>
              runner.post(`/api/plans/${plan.id}/checkins`, {
                date,
                painDuring: 2,
                painAfter: 2,
                painNextMorning: 1,
                sessionsDone: 1,
                sessionsPlanned: 1,
              }),
            ),
          );
          expect(results.map((r) => r.status)).toEqual(days.map(() => 201));
          const saved = (await runner.get(`/api/plans/${plan.id}`)).body as SavedPlanDto;
          expect(saved.checkIns).toHaveLength(days.length);
        }
      } finally {
        await t.close();
        await database.close();
      }
    },
    60_000,
  );
});
