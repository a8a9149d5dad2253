/**
 * The whole journey through the API on an in-memory PGlite with a fixed
 * clock: assessment → computed plan → register → save plan → check-ins over
 * simulated days → progress → export → delete.
 */
import type { PlanOutcome } from '@backtrack/core';
import { createRepositories } from '@backtrack/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewDto } from './assessments/dto.js';
import type { AccountExport } from './account/service.js';
import type {
  ProgressDto,
  SavedPlanDto,
  SavedPlanSummaryDto,
  AdaptationDto,
  CheckInDto,
} from './plans/dto.js';
import { takeAssessment } from './testing/interview.js';
import { DESK_RUNNER } from './testing/runners.js';
import { createTestApp, type TestApp, type TestBrowser } from './testing/test-app.js';

let t: TestApp;
let runner: TestBrowser;
let interview: InterviewDto;
let saved: SavedPlanDto;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T07:30:00.000Z' });
  runner = t.browser();
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('a runner’s journey', () => {
  it('serves health, questions, knowledge and exercises to anyone', async () => {
    expect((await runner.get('/api/health')).body).toEqual({ ok: true, database: 'pglite' });
    const questions = (await runner.get('/api/questions')).body as {
      questions: { id: string; redFlag: boolean }[];
    };
    expect(questions.questions.length).toBeGreaterThan(40);
    expect(questions.questions.some((q) => q.redFlag)).toBe(true);
    expect(questions.questions[0]).not.toHaveProperty('effects');
    const knowledge = (await runner.get('/api/knowledge')).body as Record<string, unknown[]>;
    expect(knowledge.contributors?.length).toBeGreaterThan(5);
    expect(knowledge.redFlags?.length).toBeGreaterThan(5);
    expect(knowledge.sources?.length).toBeGreaterThan(5);
    // Each source carries the name a runner sees it cited by, never its id.
    expect(knowledge.sources).toContainEqual(
      expect.objectContaining({ id: 'finucane-2020', name: 'Finucane 2020' }),
    );
    const { exercises } = (await runner.get('/api/exercises')).body as {
      exercises: { id: string; illustrationUrl: string }[];
    };
    const first = exercises[0];
    if (!first) throw new Error('no exercises');
    const svg = await runner.get(first.illustrationUrl);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(svg.text).toMatch(/^<svg|^<\?xml/);
    const { stopRules } = (await runner.get('/api/stop-rules')).body as {
      stopRules: { text: string; sources: string[] }[];
    };
    const sourceIds = new Set((knowledge.sources as { id: string }[]).map((s) => s.id));
    expect(stopRules.map((r) => r.text).join(' ')).toMatch(/\d+\/10/);
    for (const r of stopRules) expect(r.sources.every((s) => sourceIds.has(s))).toBe(true);
  });

  it('takes the assessment anonymously: warning signs first, then done with a result', async () => {
    interview = await takeAssessment(runner, DESK_RUNNER);
    expect(runner.cookies.has('bt_session')).toBe(true);
    expect(interview.status).toBe('done');
    expect(interview.next).toBeNull();
    expect(interview.endedBecause).toMatch(/stable|complete/);
    expect(interview.result?.triage.tier).toBe('self_care');
    expect(interview.result?.disclaimer).toMatch(/not a diagnosis/i);
    const questions = (await runner.get('/api/questions')).body as {
      questions: { id: string; redFlag: boolean }[];
    };
    const redFlags = new Set(questions.questions.filter((q) => q.redFlag).map((q) => q.id));
    const firstOther = interview.asked.findIndex((id) => !redFlags.has(id));
    expect(interview.asked.slice(firstOther).some((id) => redFlags.has(id))).toBe(false);
    // The stored interview reads back the same.
    const again = await runner.get(`/api/assessments/${interview.id}`);
    expect(again.body).toEqual(interview);
  });

  it('computes the plan without saving it, with profile fields from the query', async () => {
    const res = await runner.get(
      `/api/assessments/${interview.id}/plan?weeks=4&runningDaysPerWeek=3&weeklyKm=30&equipment=mat,wall`,
    );
    expect(res.status).toBe(200);
    const outcome = res.body as PlanOutcome;
    expect(outcome.kind).toBe('plan');
    if (outcome.kind === 'plan') expect(outcome.weeks).toHaveLength(4);
  });

  it('needs an account to save a plan, and registering claims the anonymous assessment', async () => {
    const anonymous = await runner.post('/api/plans', {
      assessmentId: interview.id,
      startDate: '2026-03-02',
    });
    expect(anonymous.status).toBe(401);
    const anonymousToken = runner.cookies.get('bt_session');
    const registered = await t.register(runner, 'Runner@Example.org', 'long enough password');
    expect(registered.status).toBe(200);
    expect(runner.cookies.get('bt_session')).not.toBe(anonymousToken);
    expect((await runner.get('/api/auth/me')).body).toMatchObject({
      user: { email: 'runner@example.org' },
    });
    expect((await runner.get(`/api/assessments/${interview.id}`)).status).toBe(200);
  });

  it('saves the plan from a start date', async () => {
    const res = await runner.post('/api/plans', {
      assessmentId: interview.id,
      startDate: '2026-03-02',
      profile: { runningDaysPerWeek: 3 },
    });
    expect(res.status).toBe(201);
    saved = res.body as SavedPlanDto;
    expect(saved).toMatchObject({
      assessmentId: interview.id,
      startDate: '2026-03-02',
      endDate: '2026-04-12',
      checkIns: [],
      adaptations: [],
    });
    expect(saved.plan.weeks).toHaveLength(6);
    expect(saved.today).toEqual({ date: '2026-03-02', day: 1, week: 1 });
    const list = (await runner.get('/api/plans')).body as { plans: SavedPlanSummaryDto[] };
    expect(list.plans).toMatchObject([{ id: saved.id, weeks: 6, checkIns: 0, tier: 'self_care' }]);
  });

  it('adapts the next week from each week’s check-ins over simulated days', async () => {
    const level = (week: number) => saved.plan.weeks[week - 1]?.level ?? Number.NaN;
    const week2Before = level(2);
    // Week 1: every day easy, settled next morning → next week moves up a step.
    let last: { checkIn: CheckInDto; adaptation: AdaptationDto | null } | undefined;
    for (let day = 0; day < 7; day++) {
      const date = `2026-03-0${2 + day}`;
      t.clock.set(`${date}T20:00:00.000Z`);
      const res = await runner.post(`/api/plans/${saved.id}/checkins`, {
        date,
        painDuring: 1,
        painAfter: 1,
        painNextMorning: 2,
        sessionsDone: 1,
        sessionsPlanned: 1,
      });
      expect(res.status).toBe(201);
      last = res.body as typeof last;
    }
    expect(last?.checkIn).toMatchObject({ date: '2026-03-08', day: 7, week: 1 });
    expect(last?.adaptation).toMatchObject({
      week: 1,
      decision: 'progress',
      toLevel: week2Before + 1,
    });

    // Week 2: pain flares the next morning (above the runner's baseline, below 7/10) → week 3 steps back.
    t.clock.set('2026-03-10T20:00:00.000Z');
    const flare = await runner.post(`/api/plans/${saved.id}/checkins`, {
      date: '2026-03-10',
      painDuring: 4,
      painAfter: 6,
      painNextMorning: 5,
      sessionsDone: 1,
      sessionsPlanned: 1,
    });
    expect(flare.status).toBe(201);
    const { adaptation } = flare.body as { adaptation: AdaptationDto };
    expect(adaptation).toMatchObject({
      week: 2,
      decision: 'step_back',
      fromLevel: week2Before + 1,
      toLevel: week2Before,
    });

    const plan = (await runner.get(`/api/plans/${saved.id}`)).body as SavedPlanDto;
    expect(plan.checkIns).toHaveLength(8);
    expect(plan.plan.weeks[1]?.level).toBe(week2Before + 1);
    expect(plan.plan.weeks[2]?.level).toBe(week2Before);
    expect(plan.today).toEqual({ date: '2026-03-10', day: 9, week: 2 });
    expect(plan.adaptations.map((a) => [a.week, a.decision])).toEqual([
      [1, 'progress'],
      [2, 'step_back'],
    ]);
  });

  it('shows progress: pain points by day and each week’s level and decision', async () => {
    const progress = (await runner.get(`/api/plans/${saved.id}/progress`)).body as ProgressDto;
    expect(progress.points).toHaveLength(8);
    expect(progress.points[7]).toEqual({
      date: '2026-03-10',
      day: 9,
      week: 2,
      painDuring: 4,
      painAfter: 6,
      painNextMorning: 5,
    });
    expect(progress.weeks).toHaveLength(6);
    expect(progress.weeks.slice(0, 3).map((w) => w.decision)).toEqual([
      'progress',
      'step_back',
      null,
    ]);
  });

  it('exports every record of the account as a JSON attachment', async () => {
    const res = await runner.get('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="backtrack-export-2026-03-10\.json"$/,
    );
    const data = res.body as AccountExport;
    expect(data.user.email).toBe('runner@example.org');
    expect(data.assessments.map((a) => a.id)).toEqual([interview.id]);
    expect(data.assessments[0]?.answers).toEqual(interview.answers);
    expect(data.plans).toHaveLength(1);
    expect(data.plans[0]?.checkIns).toHaveLength(8);
    expect(data.plans[0]?.adaptations).toHaveLength(2);
    expect(data.auditLog.map((e) => e.action)).toEqual(
      expect.arrayContaining(['account.register', 'plan.create', 'account.export']),
    );
    expect(res.text).not.toMatch(/password|scrypt/i);
  });

  it('deletes the account and everything with it', async () => {
    const repos = createRepositories(t.database.db);
    const user = await repos.users.findByEmail('runner@example.org');
    if (!user) throw new Error('no user');
    const res = await runner.delete('/api/me');
    expect(res.status).toBe(204);
    expect(res.cookies.join('\n')).toMatch(/bt_session=;.*Max-Age=0/i);
    expect((await runner.get('/api/auth/me')).body).toEqual({ user: null });
    expect((await runner.get(`/api/plans/${saved.id}`)).status).toBe(401);
    expect(await repos.users.findById(user.id)).toBeUndefined();
    expect(await repos.plans.findForUser(saved.id, user.id)).toBeUndefined();
    expect(await repos.plans.listCheckIns(saved.id)).toEqual([]);
    expect(await repos.assessments.listForUser(user.id)).toEqual([]);
    const login = await runner.post('/api/auth/login', {
      email: 'runner@example.org',
      password: 'long enough password',
    });
    expect(login.status).toBe(401);
  });

  it('logged no server error along the way', () => {
    expect(t.logger.lines).toEqual([]);
  });
});
