/**
 * Interviews in progress kept in memory on the embedded database
 * (assessments/service.ts, `keep`): an answer does not read the row again,
 * yet a kept row goes to its owner only, a write the process did not see is
 * never saved over (the version) nor refused for ever (read again), and a
 * claim by a new account moves the interview to it.
 */
import { calmAnswer, loadKnowledgeBase, type AnswerValue } from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewDto } from '../contract.js';
import { signUp } from '../testing/clinic.js';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';

const kb = loadKnowledgeBase();

/** The calm answer to the interview's open question. */
function calm(interview: InterviewDto): { questionId: string; value: AnswerValue } {
  const open = interview.next?.question;
  if (!open) throw new Error('no open question');
  const question = kb.questions.find((q) => q.id === open.id);
  if (!question) throw new Error(`unknown question ${open.id}`);
  return { questionId: open.id, value: calmAnswer(question, interview.answers) };
}

async function answerOpen(browser: TestBrowser, interview: InterviewDto) {
  return browser.post(`/api/assessments/${interview.id}/answers`, calm(interview));
}

let t: TestApp;
let second: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A second app on the same database: its writes are ones the first app's memory never saw.
  second = await createTestApp({ database: t.database });
}, 60_000);
afterAll(async () => {
  await second.close();
  await t.close();
});

describe('an interview kept in memory', { timeout: 60_000 }, () => {
  it('is answered and read by its owner only', async () => {
    const runner = await signUp(t, 'kept-owner@example.org');
    const other = await signUp(t, 'kept-other@example.org');
    const started = (await runner.post('/api/assessments', { mode: 'adaptive' }))
      .body as InterviewDto;
    const first = await answerOpen(runner, started);
    expect(first.status).toBe(200);
    const kept = first.body as InterviewDto;
    // The row is kept now; another account still finds nothing, and changes nothing.
    expect((await answerOpen(other, kept)).status).toBe(404);
    expect((await other.get(`/api/assessments/${kept.id}`)).status).toBe(404);
    expect((await other.post(`/api/assessments/${kept.id}/back`, {})).status).toBe(404);
    const next = await answerOpen(runner, kept);
    expect(next.status).toBe(200);
    expect((next.body as InterviewDto).asked).toEqual([...kept.asked, calm(kept).questionId]);
  });

  it('is read again when another writer moved it on, never saved over', async () => {
    const runner = await signUp(t, 'kept-moved@example.org');
    const started = (await runner.post('/api/assessments', { mode: 'adaptive' }))
      .body as InterviewDto;
    const kept = (await answerOpen(runner, started)).body as InterviewDto;
    // The same runner, through the second app, answers the open question: the
    // first app's kept row is now a version behind.
    const elsewhere = second.browser();
    for (const [name, value] of runner.cookies) elsewhere.cookies.set(name, value);
    const moved = await answerOpen(elsewhere, kept);
    expect(moved.status).toBe(200);
    const movedOn = moved.body as InterviewDto;

    // Answering the question that is open now works at once on the first app.
    const after = await answerOpen(runner, movedOn);
    expect(after.status).toBe(200);
    const done = after.body as InterviewDto;
    expect(done.asked).toEqual([...movedOn.asked, calm(movedOn).questionId]);
    expect(done.answers).toMatchObject(movedOn.answers);

    // An undo on a kept row that is behind is refused once (the version), then works.
    const third = await answerOpen(elsewhere, done);
    expect(third.status).toBe(200);
    const refused = await runner.post(`/api/assessments/${done.id}/back`, {});
    expect(refused.status).toBe(409);
    const undone = await runner.post(`/api/assessments/${done.id}/back`, {});
    expect(undone.status).toBe(200);
    expect((undone.body as InterviewDto).asked).toEqual(done.asked);
  });

  it('moves to the account that claims it, and the stored row says so', async () => {
    const browser = t.browser();
    const started = (await browser.post('/api/assessments', { mode: 'adaptive' }))
      .body as InterviewDto;
    const kept = (await answerOpen(browser, started)).body as InterviewDto;
    await t.register(browser, 'kept-claim@example.org');
    const next = await answerOpen(browser, kept);
    expect(next.status).toBe(200);
    const stored = await t.database.db.query.assessments.findFirst({
      where: (a, { eq }) => eq(a.id, kept.id),
    });
    expect(stored?.userId).not.toBeNull();
    expect(stored?.sessionId).toBeNull();
    expect(stored?.asked).toEqual((next.body as InterviewDto).asked);
  });
});
