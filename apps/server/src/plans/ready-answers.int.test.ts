/**
 * Saved plans, reports and computed plans kept ready to send on the embedded
 * database (http/response-cache.ts): a kept answer goes to its owner only,
 * every write that changes it shows at once, a revoked consent or a deleted
 * account serves nothing, and ETags answer 304.
 */
import { gunzipSync } from 'node:zlib';
import { calmAnswer, loadKnowledgeBase } from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewDto, PlanOutcomeDto, SavedPlanDto } from '../contract.js';
import { openClinic, runnerSharingPlan, signUp, type TestClinic } from '../testing/clinic.js';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';

const NOW = '2026-03-02T09:00:00.000Z';
const kb = loadKnowledgeBase();

let t: TestApp;
let clinic: TestClinic;
let runner: TestBrowser;
let other: TestBrowser;
let runnerId = '';
let assessment: InterviewDto;
let plan: SavedPlanDto;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  clinic = await openClinic(t, { email: 'anna@clinic.test' });
  ({ runner, runnerId, assessment, plan } = await runnerSharingPlan(
    t,
    clinic,
    'runner@example.org',
  ));
  other = await signUp(t, 'other@example.org');
}, 120_000);
afterAll(async () => {
  await t.close();
});

const planUrl = () => `/api/plans/${plan.id}`;

describe('a saved plan kept ready to send', { timeout: 60_000 }, () => {
  it('goes to its owner only, not to another account that asks after it was kept', async () => {
    const first = await runner.get(planUrl());
    expect(first.status).toBe(200);
    const again = await runner.get(planUrl());
    expect(again.text).toBe(first.text);
    const theirs = await other.get(planUrl());
    expect(theirs.status).toBe(404);
    expect(theirs.text).not.toContain('"checkIns"');
    expect((await t.browser().get(planUrl())).status).toBe(401);
  });

  it('answers 304 to a current ETag, and gzips for a client that accepts it', async () => {
    const res = await runner.get(planUrl());
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const same = await runner.get(planUrl(), { headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    expect(same.headers.get('cache-control')).toBe('no-store');
    expect((await runner.get(planUrl(), { headers: { 'if-none-match': '"x"' } })).status).toBe(200);
    const zipped = await runner.get(planUrl(), { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(gunzipSync(zipped.bytes).toString()).toBe(res.text);
    // Another account's If-None-Match with the owner's ETag learns nothing.
    expect((await other.get(planUrl(), { headers: { 'if-none-match': etag } })).status).toBe(404);
  });

  it('shows a new check-in at once, with a new ETag', async () => {
    const before = await runner.get(planUrl());
    expect((before.body as SavedPlanDto).checkIns).toHaveLength(0);
    const posted = await runner.post(`${planUrl()}/checkins`, {
      date: '2026-03-02',
      painDuring: 2,
      painAfter: 3,
      painNextMorning: 2,
      sessionsDone: 1,
      sessionsPlanned: 1,
    });
    expect(posted.status).toBe(201);
    const after = await runner.get(planUrl(), {
      headers: { 'if-none-match': before.headers.get('etag') ?? '' },
    });
    expect(after.status).toBe(200);
    expect((after.body as SavedPlanDto).checkIns).toMatchObject([
      { date: '2026-03-02', painAfter: 3 },
    ]);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('shows a clinician’s edit at once', async () => {
    const before = (await runner.get(planUrl())).body as SavedPlanDto;
    expect(before.edits).toHaveLength(0);
    const exerciseId = before.plan.weeks
      .flatMap((w) => w.days.flatMap((d) => d.items))
      .flatMap((i) => (i.kind === 'exercise' ? [i.exerciseId] : []))[0];
    const edit = await clinic.admin.post(`/api/clinician/runners/${runnerId}/plan-edits`, {
      exerciseId,
      fromWeek: 2,
      reason: 'Leave it out while the back settles.',
      change: { kind: 'pause' },
    });
    expect(edit.status, edit.text).toBe(201);
    const after = (await runner.get(planUrl())).body as SavedPlanDto;
    expect(after.edits).toMatchObject([{ reason: 'Leave it out while the back settles.' }]);
  });

  it('gives a clinician nothing once the consent is revoked, though the owner’s copy is kept', async () => {
    const summary = `/api/clinician/runners/${runnerId}/summary`;
    expect((await clinic.admin.get(summary)).status).toBe(200);
    expect((await runner.get(planUrl())).status).toBe(200);
    const consents = (await runner.get('/api/me/consents')).body as {
      consents: { id: string }[];
    };
    const revoked = await runner.post(`/api/me/consents/${consents.consents[0]?.id ?? ''}/revoke`);
    expect(revoked.status).toBe(200);
    expect((await clinic.admin.get(summary)).status).toBe(403);
    expect((await clinic.admin.get(planUrl())).status).toBe(404);
  });
});

describe('a report and a computed plan kept ready to send', { timeout: 60_000 }, () => {
  it('the report goes to its owner only, and an answer shows at once', async () => {
    const url = `/api/assessments/${assessment.id}`;
    const mine = await runner.get(url);
    expect(mine.status).toBe(200);
    expect((mine.body as InterviewDto).result).toBeDefined();
    expect((await other.get(url)).status).toBe(404);
    expect((await t.browser().get(url)).status).toBe(404);

    const started = await other.post('/api/assessments', { mode: 'adaptive' });
    const open = started.body as InterviewDto;
    const path = `/api/assessments/${open.id}`;
    expect(((await other.get(path)).body as InterviewDto).asked).toEqual([]);
    const question = open.next?.question.id ?? '';
    const asked = kb.questions.find((q) => q.id === question);
    if (!asked) throw new Error(`no question ${question}`);
    const value = calmAnswer(asked, {});
    const answered = await other.post(`${path}/answers`, { questionId: question, value });
    expect(answered.status, answered.text).toBe(200);
    const after = (await other.get(path)).body as InterviewDto;
    expect(after.asked).toEqual([question]);
    expect(after.next?.question.id).toBe((answered.body as InterviewDto).next?.question.id);
  });

  it('an anonymous report goes to its session only, and to the account that claims it', async () => {
    const anonymous = t.browser();
    const done = await takeAssessment(anonymous, DESK_RUNNER);
    const url = `/api/assessments/${done.id}`;
    expect((await anonymous.get(url)).status).toBe(200);
    expect((await t.browser().get(url)).status).toBe(404);
    expect((await runner.get(url)).status).toBe(404);
    // Signing up claims the session's assessments for the new account.
    const registered = await t.register(anonymous, 'claimer@example.org');
    expect(registered.status).toBe(200);
    const claimed = await anonymous.get(url);
    expect(claimed.status).toBe(200);
    expect((claimed.body as InterviewDto).result).toEqual(done.result);
  });

  it('a computed plan is kept per query, for its owner only', async () => {
    const url = `/api/assessments/${assessment.id}/plan`;
    const six = await runner.get(`${url}?weeks=6`);
    const four = await runner.get(`${url}?weeks=4`);
    expect(six.status).toBe(200);
    expect((six.body as PlanOutcomeDto as { weeks: unknown[] }).weeks).toHaveLength(6);
    expect((four.body as PlanOutcomeDto as { weeks: unknown[] }).weeks).toHaveLength(4);
    expect((await runner.get(`${url}?weeks=6`)).text).toBe(six.text);
    expect((await other.get(`${url}?weeks=6`)).status).toBe(404);
    const etag = six.headers.get('etag') ?? '';
    expect(
      (await runner.get(`${url}?weeks=6`, { headers: { 'if-none-match': etag } })).status,
    ).toBe(304);
  });
});

describe('a deleted account', { timeout: 60_000 }, () => {
  it('is served nothing from what was kept for it', async () => {
    const leaving = await signUp(t, 'leaving@example.org');
    const done = await takeAssessment(leaving, DESK_RUNNER);
    const saved = await leaving.post('/api/plans', {
      assessmentId: done.id,
      startDate: '2026-03-02',
    });
    const id = (saved.body as SavedPlanDto).id;
    expect((await leaving.get(`/api/plans/${id}`)).status).toBe(200);
    const cookie = leaving.cookies.get('bt_session') ?? '';
    expect((await leaving.delete('/api/me')).status).toBe(204);
    // The old session cookie, replayed, finds neither session nor plan.
    const replay = t.browser();
    replay.cookies.set('bt_session', cookie);
    expect((await replay.get(`/api/plans/${id}`)).status).toBe(401);
    expect((await replay.get(`/api/assessments/${done.id}`)).status).toBe(404);
  });
});
