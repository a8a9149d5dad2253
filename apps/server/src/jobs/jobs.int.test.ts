/**
 * The durable job runner on a real database: a reminder queued before a
 * restart is sent after it; failures are retried with backoff and given up
 * after `max_attempts` (the check-in reminders: reminders/reminders.int.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRepositories, openDatabase } from '@backtrack/db';
import { openTestPglite } from '@backtrack/db/testing';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../http/logger.js';
import { openClinic, SHARE_ALL, signUp } from '../testing/clinic.js';
import { createTestApp } from '../testing/test-app.js';
import { backoffMs, createJobRunner } from './runner.js';

describe('durable jobs', { timeout: 120_000 }, () => {
  it('sends a reminder queued before a restart after the restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bt-jobs-restart-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir: dir });
      const before = await createTestApp({ database: first, now: '2026-03-02T09:00:00.000Z' });
      const { clinic, types } = await openClinic(before);
      const runner = await signUp(before, 'runner@example.org');
      const booked = await runner.post('/api/bookings', {
        clinicId: clinic.id,
        appointmentTypeId: types.running_analysis,
        start: '2026-03-05T09:00:00.000Z',
        share: SHARE_ALL,
      });
      expect(booked.status).toBe(201);
      await before.close();
      await first.close();

      // A new process: the same data folder, a new app, nothing in memory.
      const second = await openDatabase({ kind: 'pglite', dataDir: dir });
      const after = await createTestApp({ database: second, now: '2026-03-04T09:00:00.000Z' });
      try {
        expect(await after.runDueJobs()).toMatchObject({ done: 1, failed: 0 });
        const mail = await after.mail();
        expect(mail.map((m) => [m.to, m.subject.split(':')[0]])).toEqual([
          ['runner@example.org', 'Tomorrow'],
        ]);
        expect(mail[0]?.attachments[0]?.filename).toBe('appointment.ics');
      } finally {
        await after.close();
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('retries a failing job with backoff and gives up after max attempts', async () => {
    const database = await openTestPglite();
    try {
      const repos = createRepositories(database.db);
      const logger = memoryLogger();
      let calls = 0;
      const runner = createJobRunner({
        repos,
        logger,
        handlers: {
          flaky: async () => {
            calls += 1;
            if (calls < 3) throw new Error(`mail server down (${String(calls)})`);
            await Promise.resolve();
          },
          broken: () => Promise.reject(new Error('always')),
        },
      });
      const t0 = new Date('2026-03-02T09:00:00.000Z');
      await repos.jobs.enqueue({ kind: 'flaky', payload: {}, runAt: t0, dedupeKey: 'f', now: t0 });
      await repos.jobs.enqueue({
        kind: 'broken',
        payload: {},
        runAt: t0,
        dedupeKey: 'b',
        maxAttempts: 2,
        now: t0,
      });
      expect(await runner.runDueJobs(t0)).toEqual({ done: 0, retried: 2, failed: 0 });
      const flaky = await repos.jobs.findByKey('f');
      expect(flaky?.runAt.getTime()).toBe(t0.getTime() + backoffMs(1));
      expect(flaky?.lastError).toBe('mail server down (1)');
      // Not yet due again.
      expect(await runner.runDueJobs(new Date(t0.getTime() + 30_000))).toEqual({
        done: 0,
        retried: 0,
        failed: 0,
      });
      const t1 = new Date(t0.getTime() + backoffMs(1));
      expect(await runner.runDueJobs(t1)).toEqual({ done: 0, retried: 1, failed: 1 });
      expect((await repos.jobs.findByKey('b'))?.failedAt).not.toBeNull();
      const t2 = new Date(t1.getTime() + backoffMs(2));
      expect(await runner.runDueJobs(t2)).toEqual({ done: 1, retried: 0, failed: 0 });
      expect((await repos.jobs.findByKey('f'))?.attempts).toBe(3);
      expect(logger.lines.join('\n')).toMatch(/broken .* failed for good after 2 attempts/);
      expect(backoffMs(30)).toBe(6 * 60 * 60 * 1000);
    } finally {
      await database.close();
    }
  });
});
