/**
 * Check-in reminders are off by default; a runner who opts in is mailed at
 * their chosen hour on their own clock (across a DST change), only on a plan
 * day without a check-in, and a link in the mail turns them off without
 * signing in.
 */
import { createRepositories } from '@backtrack/db';
import { describe, expect, it } from 'vitest';
import type { ReminderSettingsDto } from '../contract.js';
import { signUp } from '../testing/clinic.js';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

async function runnerWithPlan(t: TestApp, email: string) {
  const runner = await signUp(t, email);
  const assessment = await takeAssessment(runner, DESK_RUNNER);
  const plan = await runner.post('/api/plans', {
    assessmentId: assessment.id,
    startDate: '2026-03-02',
  });
  expect(plan.status).toBe(201);
  return { runner, planId: (plan.body as { id: string }).id };
}

describe('check-in reminders', { timeout: 120_000 }, () => {
  it('mails at the runner’s local hour across DST, skips days with a check-in, and stops from the link', async () => {
    const t = await createTestApp({ now: '2026-03-03T08:00:00.000Z' });
    try {
      const lazy = await runnerWithPlan(t, 'lazy@example.org');
      const keen = await runnerWithPlan(t, 'keen@example.org');
      await runnerWithPlan(t, 'quiet@example.org'); // never opts in: off by default
      expect((await lazy.runner.get('/api/me/reminders')).body).toEqual({
        timeZone: null,
        checkInHour: null,
      });
      // New York is UTC−5 until 8 March 2026, then UTC−4.
      const set = await lazy.runner.put('/api/me/reminders', {
        timeZone: 'America/New_York',
        checkInHour: 19,
      });
      expect(set.status, set.text).toBe(200);
      expect(set.body as ReminderSettingsDto).toEqual({
        timeZone: 'America/New_York',
        checkInHour: 19,
      });
      expect(
        (
          await keen.runner.put('/api/me/reminders', {
            timeZone: 'Europe/Copenhagen',
            checkInHour: 18,
          })
        ).status,
      ).toBe(200);
      const checkIn = await keen.runner.post(`/api/plans/${keen.planId}/checkins`, {
        date: '2026-03-03',
        painDuring: 2,
        painAfter: 2,
        painNextMorning: 1,
        sessionsDone: 1,
        sessionsPlanned: 1,
      });
      expect(checkIn.status).toBe(201);

      const repos = createRepositories(t.database.db);
      const pending = async () =>
        (await repos.jobs.listByKind('checkin-reminder'))
          .filter((j) => j.doneAt === null && j.cancelledAt === null)
          .map((j) => `${String(j.payload.date)} ${j.runAt.toISOString()}`)
          .sort();

      // 18:00 in Copenhagen: keen checked in, so no mail.
      expect(await t.runDueJobs(new Date('2026-03-03T16:59:59.000Z'))).toMatchObject({ done: 0 });
      expect(await t.runDueJobs(new Date('2026-03-03T17:00:00.000Z'))).toMatchObject({ done: 1 });
      expect(await t.mail()).toEqual([]);
      // 19:00 in New York (00:00 UTC): lazy is reminded, with a link to the plan and one to stop.
      expect(await t.runDueJobs(new Date('2026-03-04T00:00:00.000Z'))).toMatchObject({ done: 1 });
      const mail = await t.mail();
      expect(mail.map((m) => m.to)).toEqual(['lazy@example.org']);
      expect(mail[0]?.text).toContain(`/plans/${lazy.planId}`);
      const link = /\/reminders\/off\?token=(\S+)/.exec(mail[0]?.text ?? '');
      expect(link).not.toBeNull();
      expect(await pending()).toEqual([
        '2026-03-04 2026-03-04T17:00:00.000Z',
        '2026-03-04 2026-03-05T00:00:00.000Z',
      ]);

      // Across the change to daylight time the hour stays 19:00 in New York: 23:00 UTC.
      await t.runDueJobs(new Date('2026-03-07T00:00:00.000Z'));
      await t.runDueJobs(new Date('2026-03-08T00:00:00.000Z'));
      expect((await pending()).filter((p) => p.startsWith('2026-03-08'))).toContain(
        '2026-03-08 2026-03-08T23:00:00.000Z',
      );

      // The link turns it off, signed out; a forged token does not.
      const anonymous = t.browser();
      const forged = await anonymous.post('/api/reminders/unsubscribe', {
        token: `${decodeURIComponent(link?.[1] ?? '').split('.')[0] ?? ''}.AAAA`,
      });
      expect(forged.status).toBe(400);
      expect(forged.text).toMatch(/token/);
      const off = await anonymous.post('/api/reminders/unsubscribe', {
        token: decodeURIComponent(link?.[1] ?? ''),
      });
      expect(off.status, off.text).toBe(200);
      expect(off.body).toEqual({ timeZone: 'America/New_York', checkInHour: null });
      const toLazy = async () => (await t.mail()).filter((m) => m.to === 'lazy@example.org').length;
      const before = await toLazy();
      await t.runDueJobs(new Date('2026-03-08T23:00:00.000Z'));
      expect(await toLazy()).toBe(before);
      expect((await pending()).filter((p) => p.endsWith('T23:00:00.000Z'))).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('names the field of bad settings and needs an account', async () => {
    const t = await createTestApp();
    try {
      const runner = await signUp(t, 'runner@example.org');
      const zone = await runner.put('/api/me/reminders', {
        timeZone: 'Mars/Olympus',
        checkInHour: 8,
      });
      expect(zone.status).toBe(400);
      expect(zone.text).toMatch(/timeZone/);
      const hour = await runner.put('/api/me/reminders', { timeZone: 'UTC', checkInHour: 24 });
      expect(hour.status).toBe(400);
      expect(hour.text).toMatch(/checkInHour/);
      expect((await t.browser().get('/api/me/reminders')).status).toBe(401);
      expect(
        (await t.browser().put('/api/me/reminders', { timeZone: 'UTC', checkInHour: 8 })).status,
      ).toBe(401);
    } finally {
      await t.close();
    }
  });
});
