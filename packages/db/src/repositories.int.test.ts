/**
 * The repositories against real databases: an in-memory PGlite, and a
 * throwaway database on PostgreSQL when a server is reachable (otherwise
 * those cases are skipped with the reason printed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plan, PlanWeek } from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import { testDatabaseKinds } from './testing/test-databases.js';

const kinds = await testDatabaseKinds();
const T0 = new Date('2026-03-02T08:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

// Repositories store plans as opaque JSON; the shape is the core's business.
const week = (n: number, level: number) =>
  ({ week: n, phase: 'settle', level, focus: 'f', days: [], runKm: 0 }) as PlanWeek;
const plan = { kind: 'plan', weeks: [week(1, 0), week(2, 0)] } as unknown as Plan;

for (const kind of kinds) {
  if (kind.unavailable !== undefined) {
    console.warn(`[db] skipping PostgreSQL repository tests: ${kind.unavailable}`);
  }
  describe.skipIf(kind.unavailable !== undefined)(`repositories on ${kind.name}`, () => {
    let database: Database;
    let repos: Repositories;
    beforeAll(async () => {
      database = await kind.open();
      repos = createRepositories(database.db);
    }, 60_000);
    afterAll(async () => {
      await database.close();
    });

    const newUser = async (email: string) => {
      const user = await repos.users.create({ email, passwordHash: 'scrypt$x', now: T0 });
      if (!user) throw new Error('user not created');
      return user;
    };

    it('reports its kind', () => {
      expect(database.kind).toBe(kind.name);
    });

    it('creates users with unique emails', async () => {
      const user = await newUser('ada@example.org');
      expect(user.email).toBe('ada@example.org');
      expect(user.createdAt.toISOString()).toBe(T0.toISOString());
      expect(
        await repos.users.create({ email: 'ada@example.org', passwordHash: 'y', now: T0 }),
      ).toBeUndefined();
      expect((await repos.users.findByEmail('ada@example.org'))?.id).toBe(user.id);
      expect((await repos.users.findById(user.id))?.email).toBe('ada@example.org');
      expect(await repos.users.findByEmail('nobody@example.org')).toBeUndefined();
    });

    it('finds sessions only until they expire', async () => {
      await repos.sessions.create({
        idHash: 'h-expiring',
        userId: null,
        now: T0,
        expiresAt: later(10),
      });
      expect(await repos.sessions.findActive('h-expiring', later(9))).toBeDefined();
      expect(await repos.sessions.findActiveWithUser('h-expiring', later(9))).toMatchObject({
        user: null,
      });
      expect(await repos.sessions.findActive('h-expiring', later(10))).toBeUndefined();
      expect(await repos.sessions.deleteExpired(later(10))).toBeGreaterThanOrEqual(1);
      expect(await repos.sessions.findActive('h-expiring', T0)).toBeUndefined();
    });

    it('shows an anonymous assessment only to its session, then to the user who claims it', async () => {
      await repos.sessions.create({
        idHash: 'h-anon',
        userId: null,
        now: T0,
        expiresAt: later(600),
      });
      const a = await repos.assessments.create({
        owner: { userId: null, sessionIdHash: 'h-anon' },
        mode: 'adaptive',
        now: T0,
      });
      expect(a).toMatchObject({
        status: 'in_progress',
        answers: {},
        asked: [],
        version: 0,
        userId: null,
      });
      expect(
        await repos.assessments.findForOwner(a.id, { userId: null, sessionIdHash: 'h-anon' }),
      ).toBeDefined();
      expect(
        await repos.assessments.findForOwner(a.id, { userId: null, sessionIdHash: 'h-other' }),
      ).toBeUndefined();
      expect(
        await repos.assessments.findForOwner(a.id, { userId: null, sessionIdHash: null }),
      ).toBeUndefined();

      const user = await newUser('claimer@example.org');
      expect(
        await repos.assessments.findForOwner(a.id, { userId: user.id, sessionIdHash: null }),
      ).toBeUndefined();
      expect(await repos.assessments.claim('h-anon', user.id)).toBe(1);
      expect(
        await repos.assessments.findForOwner(a.id, { userId: user.id, sessionIdHash: null }),
      ).toBeDefined();
      // Once claimed, the anonymous session no longer sees it.
      expect(
        await repos.assessments.findForOwner(a.id, { userId: null, sessionIdHash: 'h-anon' }),
      ).toBeUndefined();
      expect((await repos.assessments.listForUser(user.id)).map((r) => r.id)).toEqual([a.id]);
    });

    it('updates an assessment only at the expected version', async () => {
      const user = await newUser('versions@example.org');
      const owner = { userId: user.id, sessionIdHash: null };
      const a = await repos.assessments.create({ owner, mode: 'full', now: T0 });
      const changes = {
        answers: { age: 34, saddle_numbness: 'no', regions: ['low_back_left'] },
        asked: ['age', 'saddle_numbness', 'regions'],
        status: 'in_progress' as const,
        endedBecause: null,
        result: null,
        trainingAnswers: null,
      };
      const updated = await repos.assessments.update(a, changes, later(1));
      expect(updated).toMatchObject({ version: 1, answers: changes.answers, asked: changes.asked });
      expect(updated?.updatedAt.toISOString()).toBe(later(1).toISOString());
      expect(await repos.assessments.update(a, changes, later(2))).toBeUndefined();
      // What came back is what is stored.
      expect(await repos.assessments.findForOwner(a.id, owner)).toEqual(updated);
    });

    it('keeps one check-in per plan and date, counts them, and replaces adaptations from a week on', async () => {
      const user = await newUser('plans@example.org');
      const a = await repos.assessments.create({
        owner: { userId: user.id, sessionIdHash: null },
        mode: 'adaptive',
        now: T0,
      });
      const p = await repos.plans.create({
        userId: user.id,
        assessmentId: a.id,
        profile: { runningDaysPerWeek: 3 },
        plan,
        startDate: '2026-03-02',
        now: T0,
      });
      expect(p.startDate).toBe('2026-03-02');
      expect(p.plan).toEqual(plan);
      const checkIn = {
        planId: p.id,
        day: 1,
        painDuring: 2,
        painAfter: 3,
        painNextMorning: 1,
        sessionsDone: 1,
        sessionsPlanned: 1,
        now: T0,
      };
      expect(await repos.plans.addCheckIn({ ...checkIn, date: '2026-03-02' })).toMatchObject({
        date: '2026-03-02',
        day: 1,
      });
      expect(await repos.plans.addCheckIn({ ...checkIn, date: '2026-03-02' })).toBeUndefined();
      await repos.plans.addCheckIn({ ...checkIn, date: '2026-03-04', day: 3 });
      expect((await repos.plans.listCheckIns(p.id)).map((c) => c.date)).toEqual([
        '2026-03-02',
        '2026-03-04',
      ]);
      expect(await repos.plans.listForUser(user.id)).toMatchObject([{ id: p.id, checkInCount: 2 }]);
      expect(await repos.plans.findForUser(p.id, user.id)).toBeDefined();
      const stranger = await newUser('stranger@example.org');
      expect(await repos.plans.findForUser(p.id, stranger.id)).toBeUndefined();
      expect(await repos.plans.listForUser(stranger.id)).toEqual([]);

      const adaptation = (w: number, toLevel: number) => ({
        week: w,
        decision: 'progress' as const,
        reason: 'r',
        fromLevel: toLevel - 1,
        toLevel,
        nextWeek: week(w + 1, toLevel),
      });
      await repos.plans.replaceAdaptationsFrom(p.id, 1, [adaptation(1, 1), adaptation(2, 2)], T0);
      await repos.plans.replaceAdaptationsFrom(p.id, 2, [adaptation(2, 1)], later(1));
      const stored = await repos.plans.listAdaptations(p.id);
      expect(stored.map((s) => [s.week, s.toLevel])).toEqual([
        [1, 1],
        [2, 1],
      ]);
      expect(stored[1]?.nextWeek).toEqual(week(3, 1));
      const withDetails = await repos.plans.findForUserWithDetails(p.id, user.id);
      expect(withDetails).toMatchObject({ id: p.id, startDate: '2026-03-02', plan });
      expect(withDetails?.createdAt).toEqual(p.createdAt);
      expect(withDetails?.checkIns).toEqual(await repos.plans.listCheckIns(p.id));
      expect(withDetails?.adaptations).toEqual(stored);
      expect(await repos.plans.findForUserWithDetails(p.id, stranger.id)).toBeUndefined();
    });

    it('stores activities once per file and user, pages them, and keeps them to their owner', async () => {
      const user = await newUser('activities@example.org');
      const other = await newUser('activities-other@example.org');
      const activity = (contentId: string, start: string | null, km: number) => ({
        userId: user.id,
        contentId,
        source: 'fit' as const,
        sport: 'running' as const,
        startTime: start === null ? null : new Date(start),
        distanceM: km * 1000,
        durationS: km * 330,
        laps: [{ distanceM: km * 1000 }],
        series: { intervalS: 10, points: [{ timeS: 0, distanceM: 0, altitudeM: 100 }] },
        dynamics: { gctBalanceLeftPct: 50.5 },
        shoe: 'Pegasus',
        warnings: [],
      });
      const stored = await repos.activities.insertMany(
        [
          activity('hash-a', '2026-01-05T07:00:00.000Z', 10),
          activity('hash-b', '2026-02-20T07:00:00.000Z', 12),
          activity('hash-c', null, 5),
        ],
        T0,
      );
      expect(stored).toHaveLength(3);
      expect(stored[0]).not.toHaveProperty('series');
      // The same file again is skipped; another user may store the same file.
      expect(
        await repos.activities.insertMany([activity('hash-a', '2026-01-05T07:00:00.000Z', 10)], T0),
      ).toEqual([]);
      expect(
        await repos.activities.insertMany(
          [{ ...activity('hash-a', '2026-01-05T07:00:00.000Z', 10), userId: other.id }],
          T0,
        ),
      ).toHaveLength(1);

      const page = await repos.activities.listPage(user.id, { limit: 2, offset: 0 });
      expect(page.total).toBe(3);
      expect(page.rows.map((r) => r.contentId)).toEqual(['hash-b', 'hash-a']);
      const rest = await repos.activities.listPage(user.id, { limit: 2, offset: 2 });
      expect(rest.rows.map((r) => r.contentId)).toEqual(['hash-c']);
      expect((await repos.activities.listKeys(user.id)).map((k) => k.contentId).sort()).toEqual([
        'hash-a',
        'hash-b',
        'hash-c',
      ]);

      const analysis = await repos.activities.listForAnalysis(user.id, {
        seriesSince: new Date('2026-02-01T00:00:00.000Z'),
      });
      expect(analysis.map((a) => [a.contentId, a.series === null])).toEqual([
        ['hash-c', true],
        ['hash-a', true],
        ['hash-b', false],
      ]);
      expect(analysis[2]?.series?.points[0]?.altitudeM).toBe(100);
      expect(analysis[2]?.dynamics).toEqual({ gctBalanceLeftPct: 50.5 });

      const id = stored[0]?.id ?? '';
      expect((await repos.activities.findForUser(id, user.id))?.laps).toEqual([
        { distanceM: 10000 },
      ]);
      expect(await repos.activities.findForUser(id, other.id)).toBeUndefined();
      expect(await repos.activities.deleteForUser(id, other.id)).toBe(false);
      expect(await repos.activities.deleteForUser(id, user.id)).toBe(true);
      expect(await repos.activities.findForUser(id, user.id)).toBeUndefined();
      expect(await repos.activities.hasAny(user.id)).toBe(true);
      expect((await repos.activities.listAllForUser(user.id)).map((a) => a.contentId)).toEqual([
        'hash-b',
        'hash-c',
      ]);
    });

    it('sets and clears shoe reminders, one row per user and name', async () => {
      const user = await newUser('shoes@example.org');
      await repos.shoes.setReminder(user.id, 'Pegasus 40', 600, T0);
      const updated = await repos.shoes.setReminder(user.id, 'Pegasus 40', 700, later(1));
      expect(updated).toMatchObject({ name: 'Pegasus 40', reminderKm: 700 });
      expect(updated.updatedAt.toISOString()).toBe(later(1).toISOString());
      await repos.shoes.setReminder(user.id, 'Clifton', null, T0);
      expect((await repos.shoes.listForUser(user.id)).map((s) => [s.name, s.reminderKm])).toEqual([
        ['Clifton', null],
        ['Pegasus 40', 700],
      ]);
    });

    it('lists every check-in of a user across plans', async () => {
      const user = await newUser('diary@example.org');
      const a = await repos.assessments.create({
        owner: { userId: user.id, sessionIdHash: null },
        mode: 'adaptive',
        now: T0,
      });
      const values = {
        painDuring: 1,
        painAfter: 2,
        painNextMorning: 3,
        sessionsDone: 1,
        sessionsPlanned: 1,
        now: T0,
      };
      for (const [start, date] of [
        ['2026-03-02', '2026-03-04'],
        ['2026-03-09', '2026-03-10'],
      ] as const) {
        const p = await repos.plans.create({
          userId: user.id,
          assessmentId: a.id,
          profile: {},
          plan,
          startDate: start,
          now: T0,
        });
        await repos.plans.addCheckIn({ ...values, planId: p.id, date, day: 2 });
      }
      expect((await repos.plans.listCheckInsForUser(user.id)).map((c) => c.date)).toEqual([
        '2026-03-04',
        '2026-03-10',
      ]);
      const stranger = await newUser('diary-stranger@example.org');
      expect(await repos.plans.listCheckInsForUser(stranger.id)).toEqual([]);
    });

    it('rolls a transaction back when its work throws', async () => {
      await expect(
        repos.transaction(async (tx) => {
          await tx.users.create({ email: 'rollback@example.org', passwordHash: 'x', now: T0 });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await repos.users.findByEmail('rollback@example.org')).toBeUndefined();
      const committed = await repos.transaction((tx) =>
        tx.users.create({ email: 'commit@example.org', passwordHash: 'x', now: T0 }),
      );
      expect(await repos.users.findById(committed?.id ?? '')).toBeDefined();
    });

    it('deletes an account with everything that belongs to it', async () => {
      const user = await newUser('leaving@example.org');
      await repos.sessions.create({
        idHash: 'h-leaving',
        userId: user.id,
        now: T0,
        expiresAt: later(60),
      });
      expect((await repos.sessions.findActiveWithUser('h-leaving', T0))?.user?.email).toBe(
        'leaving@example.org',
      );
      const a = await repos.assessments.create({
        owner: { userId: user.id, sessionIdHash: null },
        mode: 'adaptive',
        now: T0,
      });
      const p = await repos.plans.create({
        userId: user.id,
        assessmentId: a.id,
        profile: {},
        plan,
        startDate: '2026-03-02',
        now: T0,
      });
      await repos.plans.addCheckIn({
        planId: p.id,
        date: '2026-03-03',
        day: 2,
        painDuring: 0,
        painAfter: 0,
        painNextMorning: 0,
        sessionsDone: 0,
        sessionsPlanned: 0,
        now: T0,
      });
      await repos.plans.replaceAdaptationsFrom(
        p.id,
        1,
        [
          {
            week: 1,
            decision: 'hold',
            reason: 'r',
            fromLevel: 0,
            toLevel: 0,
            nextWeek: week(2, 0),
          },
        ],
        T0,
      );
      await repos.audit.record({ userId: user.id, action: 'plan.create', targetId: p.id, at: T0 });
      expect(await repos.audit.listForUser(user.id)).toHaveLength(1);
      const [activity] = await repos.activities.insertMany(
        [
          {
            userId: user.id,
            contentId: 'leaving-run',
            source: 'gpx',
            sport: 'running',
            distanceM: 5000,
            laps: [],
            warnings: [],
          },
        ],
        T0,
      );
      await repos.shoes.setReminder(user.id, 'Old shoes', 500, T0);

      expect(await repos.users.delete(user.id)).toBe(true);
      expect(await repos.users.delete(user.id)).toBe(false);
      expect(await repos.sessions.findActive('h-leaving', T0)).toBeUndefined();
      expect(
        await repos.assessments.findForOwner(a.id, { userId: user.id, sessionIdHash: null }),
      ).toBeUndefined();
      expect(await repos.plans.findForUser(p.id, user.id)).toBeUndefined();
      expect(await repos.plans.listCheckIns(p.id)).toEqual([]);
      expect(await repos.plans.listAdaptations(p.id)).toEqual([]);
      expect(await repos.audit.listForUser(user.id)).toEqual([]);
      expect(await repos.activities.findForUser(activity?.id ?? '', user.id)).toBeUndefined();
      expect(await repos.activities.listKeys(user.id)).toEqual([]);
      expect(await repos.shoes.listForUser(user.id)).toEqual([]);
    });
  });
}

describe('PGlite in a folder', () => {
  it('creates the folder, applies migrations once, and keeps data across restarts', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'backtrack-db-'));
    const dataDir = path.join(root, 'nested', 'data');
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir });
      expect(first.location).toBe(dataDir);
      // A new folder is loaded from the migrated template, not made by initdb.
      expect(first.startedFrom).toBe('template');
      await createRepositories(first.db).users.create({
        email: 'kept@example.org',
        passwordHash: 'x',
        now: T0,
      });
      await first.close();
      const second = await openDatabase({ kind: 'pglite', dataDir });
      expect(second.startedFrom).toBe('existing');
      // Two PGlite instances must never write one folder.
      await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toThrow(
        /in use by this process/,
      );
      expect(
        await createRepositories(second.db).users.findByEmail('kept@example.org'),
      ).toBeDefined();
      await second.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
