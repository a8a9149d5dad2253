/**
 * Past one machine: two server instances, each with its own connection pool,
 * on one PostgreSQL database behind a round-robin balancer, serve a runner
 * as one server does. Sessions, the interview's state, plans and check-ins,
 * rate limits, the idempotent plan save and the durable job table all live
 * in the database, so every request may land on either instance (the login
 * throttle across instances: auth/throttle.int.test.ts; several processes
 * of `main.ts`: main.int.test.ts). Skipped with a message when no
 * PostgreSQL server answers (scripts/setup-test-deps.sh starts one).
 */
import { createRepositories, openDatabase, type Database } from '@backtrack/db';
import { openThrowawayPostgres, testDatabaseKinds, testDatabaseUrl } from '@backtrack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewDto } from './assessments/dto.js';
import type { SavedPlanDto } from './plans/dto.js';
import { takeAssessment } from './testing/interview.js';
import { DESK_RUNNER } from './testing/runners.js';
import { createTestApp, TestBrowser, type TestApp } from './testing/test-app.js';

const postgres = (await testDatabaseKinds()).find((k) => k.name === 'postgres');
const unavailable = postgres?.unavailable;
if (unavailable !== undefined) console.warn(`[server] skipping the scale-out test: ${unavailable}`);

describe.skipIf(unavailable !== undefined)(
  'two server instances on one PostgreSQL',
  { timeout: 60_000 },
  () => {
    let database: Database & { url: string };
    let second: Database;
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      database = await openThrowawayPostgres(testDatabaseUrl());
      second = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
      a = await createTestApp({ database, now: '2026-03-02T09:00:00.000Z' });
      b = await createTestApp({ database: second, now: '2026-03-02T09:00:00.000Z' });
    }, 60_000);
    afterAll(async () => {
      await a.close();
      await b.close();
      await second.close();
      await database.close();
    });

    it('moves a runner between them at every request, from sign-up to check-ins to logout', async () => {
      // Signed up on A (the mailed link opened in the same browser)…
      const onA = a.browser();
      expect((await a.register(onA, 'roaming@example.org', 'long enough password')).status).toBe(
        200,
      );
      // …then every request of the journey alternates between A and B.
      const runner = new TestBrowser([b.app, a.app]);
      for (const [name, value] of onA.cookies) runner.cookies.set(name, value);
      expect((await runner.get('/api/auth/me')).body).toMatchObject({
        user: { email: 'roaming@example.org' },
      });
      const interview: InterviewDto = await takeAssessment(runner, DESK_RUNNER);
      expect(interview.status).toBe('done');
      expect(interview.asked.length).toBeGreaterThan(10);
      const saved = await runner.post('/api/plans', {
        assessmentId: interview.id,
        startDate: '2026-03-02',
        profile: { runningDaysPerWeek: 3 },
      });
      expect(saved.status, saved.text).toBe(201);
      const plan = saved.body as SavedPlanDto;
      for (const t of [a, b]) t.clock.set('2026-03-05T20:00:00.000Z');
      for (const date of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) {
        const res = await runner.post(`/api/plans/${plan.id}/checkins`, {
          date,
          painDuring: 1,
          painAfter: 1,
          painNextMorning: 1,
          sessionsDone: 1,
          sessionsPlanned: 1,
        });
        expect(res.status, res.text).toBe(201);
      }
      // Both instances read the same plan, with every check-in.
      const readA = (await a.browser().get(`/api/plans/${plan.id}`)).status;
      expect(readA).toBe(401); // a stranger's browser, on either instance
      const [one, two] = [
        await runner.get(`/api/plans/${plan.id}`),
        await runner.get(`/api/plans/${plan.id}`),
      ];
      expect((one.body as SavedPlanDto).checkIns).toHaveLength(4);
      expect(two.body).toEqual(one.body);
      // Logging out on one instance ends the session on the other at once.
      expect((await runner.post('/api/auth/logout')).status).toBe(204);
      const after = new TestBrowser([a.app, b.app]);
      for (const [name, value] of onA.cookies) after.cookies.set(name, value);
      expect((await after.get(`/api/plans/${plan.id}`)).status).toBe(401);
      expect((await after.get(`/api/plans/${plan.id}`)).status).toBe(401);
    });

    it('saves one plan for twenty identical requests spread over both instances at once', async () => {
      const onA = a.browser();
      await a.register(onA, 'double-click@example.org', 'long enough password');
      const runner = new TestBrowser([a.app, b.app]);
      for (const [name, value] of onA.cookies) runner.cookies.set(name, value);
      const interview = await takeAssessment(runner, DESK_RUNNER);
      const saves = await Promise.all(
        Array.from({ length: 20 }, () =>
          runner.post('/api/plans', { assessmentId: interview.id, startDate: '2026-03-09' }),
        ),
      );
      expect(saves.map((s) => s.status)).toEqual(saves.map(() => 201));
      expect(new Set(saves.map((s) => (s.body as SavedPlanDto).id)).size).toBe(1);
      const listed = await runner.get('/api/plans');
      expect((listed.body as { plans: unknown[] }).plans).toHaveLength(1);
    });

    it('sends a due reminder once when both instances run their job pass at the same moment', async () => {
      const runner = new TestBrowser([a.app, b.app]);
      const onA = a.browser();
      await a.register(onA, 'reminded@example.org', 'long enough password');
      for (const [name, value] of onA.cookies) runner.cookies.set(name, value);
      const interview = await takeAssessment(runner, DESK_RUNNER);
      const saved = await runner.post('/api/plans', {
        assessmentId: interview.id,
        startDate: '2026-03-02',
      });
      expect(saved.status, saved.text).toBe(201);
      const set = await runner.put('/api/me/reminders', { timeZone: 'UTC', checkInHour: 19 });
      expect(set.status, set.text).toBe(200);
      const jobs = createRepositories(database.db).jobs;
      const due = (await jobs.listByKind('checkin-reminder')).filter((j) => j.doneAt === null);
      expect(due).toHaveLength(1);
      const at = due[0]?.runAt ?? new Date(Number.NaN);
      expect(at.toISOString()).toMatch(/T19:00:00/);
      const passes = await Promise.all([
        a.runDueJobs(at),
        b.runDueJobs(at),
        a.runDueJobs(at),
        b.runDueJobs(at),
      ]);
      expect(passes.reduce((sum, p) => sum + p.done, 0)).toBe(1);
      const mails = [...(await a.mail()), ...(await b.mail())].filter(
        (m) => m.to.includes('reminded@example.org') && !/confirm|finish/i.test(m.subject),
      );
      expect(mails).toHaveLength(1);
    });
  },
);
