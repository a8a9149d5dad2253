import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import { openTestPglite } from '../testing/pglite-template.js';
import { createRepositories } from './index.js';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const LATER = new Date('2026-04-02T09:00:00.000Z');

describe('the accountsChanged hook (what empties a session cache)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestPglite();
  });
  afterAll(async () => {
    await database.close();
  });

  it('is told of every write to accounts and sessions, and of no read', async () => {
    let told = 0;
    const repos = createRepositories(database.db, { accountsChanged: () => (told += 1) });
    const user = await repos.users.create({
      email: 'hook@example.org',
      passwordHash: 'x',
      now: NOW,
    });
    expect(told).toBe(1);
    if (!user) throw new Error('no user');
    await repos.sessions.create({ idHash: 'h1', userId: user.id, now: NOW, expiresAt: LATER });
    expect(told).toBe(2);
    await repos.sessions.findActiveWithUser('h1', NOW);
    await repos.users.findById(user.id);
    expect(told).toBe(2);
    await repos.users.setPasswordHash(user.id, 'y');
    await repos.sessions.deleteForUser(user.id);
    await repos.users.delete(user.id);
    expect(told).toBe(5);
  });

  it('inside a transaction: on the write and again once it has ended, committed or not', async () => {
    let told = 0;
    const repos = createRepositories(database.db, { accountsChanged: () => (told += 1) });
    await repos.transaction(async (tx) => {
      await tx.users.create({ email: 'tx@example.org', passwordHash: 'x', now: NOW });
      expect(told).toBe(1);
    });
    expect(told).toBe(2);
    await expect(
      repos.transaction(async (tx) => {
        await tx.users.create({ email: 'rolled@example.org', passwordHash: 'x', now: NOW });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(told).toBe(4);
    // A transaction that writes neither is not reported.
    await repos.transaction(async (tx) => tx.users.findByEmail('tx@example.org'));
    expect(told).toBe(4);
  });
});

describe('the recordsChanged hook (what drops cached plans and reports)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestPglite();
  });
  afterAll(async () => {
    await database.close();
  });

  it('is told the plan or assessment each write changed, and nothing for reads', async () => {
    const told: (string | undefined)[] = [];
    const repos = createRepositories(database.db, { recordsChanged: (id) => told.push(id) });
    const user = await repos.users.create({
      email: 'rec@example.org',
      passwordHash: 'x',
      now: NOW,
    });
    if (!user) throw new Error('no user');
    const owner = { userId: user.id, sessionIdHash: null };
    const a = await repos.assessments.create({ owner, mode: 'adaptive', now: NOW });
    expect(told).toEqual([]);
    await repos.assessments.update(
      a,
      {
        answers: {},
        asked: [],
        status: 'in_progress',
        endedBecause: null,
        result: null,
        trainingAnswers: null,
      },
      NOW,
    );
    expect(told).toEqual([a.id]);
    const plan = await repos.plans.create({
      userId: user.id,
      assessmentId: a.id,
      profile: {},
      plan: { kind: 'plan', weeks: [] } as never,
      startDate: '2026-03-02',
      now: NOW,
    });
    await repos.plans.findForUserWithDetails(plan.id, user.id);
    await repos.assessments.findForOwner(a.id, owner);
    expect(told).toEqual([a.id]);
    await repos.transaction(async (tx) => {
      await tx.plans.addCheckIn({
        planId: plan.id,
        date: '2026-03-02',
        day: 1,
        painDuring: 1,
        painAfter: 1,
        painNextMorning: 1,
        sessionsDone: 1,
        sessionsPlanned: 1,
        now: NOW,
      });
      await tx.plans.replaceAdaptationsFrom(plan.id, 1, [], NOW);
      // Told at once, and again once the transaction has ended.
      expect(told).toEqual([a.id, plan.id, plan.id]);
    });
    expect(told).toEqual([a.id, plan.id, plan.id, plan.id]);
    await repos.workspace.addPlanEdit({
      planId: plan.id,
      authorMemberId: null,
      authorName: 'A clinician',
      edit: {},
      createdAt: NOW,
    });
    expect(told.at(-1)).toBe(plan.id);
    const before = told.length;
    await repos.assessments.claim('no-such-session', user.id);
    await repos.users.delete(user.id);
    expect(told.slice(before)).toEqual([undefined, undefined]);
  });
});
