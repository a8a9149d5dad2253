/** The interview over HTTP: the safety rules and the step operations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAssessment } from '../testing/interview.js';
import { DESK_RUNNER } from '../testing/runners.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import type { InterviewDto } from './dto.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function start(mode: 'adaptive' | 'full' = 'adaptive') {
  const browser = t.browser();
  const res = await browser.post('/api/assessments', { mode });
  expect(res.status).toBe(201);
  return { browser, interview: res.body as InterviewDto };
}

/** Answers the open questions from DESK_RUNNER until `until` is the open question. */
async function answerUntil(
  browser: ReturnType<TestApp['browser']>,
  interview: InterviewDto,
  until: string,
) {
  let current = interview;
  while (current.next && current.next.question.id !== until) {
    const id = current.next.question.id;
    const res = await browser.post(`/api/assessments/${current.id}/answers`, {
      questionId: id,
      value: DESK_RUNNER[id] ?? 'unsure',
    });
    current = res.body as InterviewDto;
  }
  return current;
}

describe('the interview', () => {
  it('starts with a warning-sign question and an anonymous, httpOnly, SameSite=Lax session cookie', async () => {
    const browser = t.browser();
    const res = await browser.post('/api/assessments', {});
    expect(res.status).toBe(201);
    const interview = res.body as InterviewDto;
    expect(interview).toMatchObject({
      mode: 'adaptive',
      status: 'in_progress',
      asked: [],
      answers: {},
    });
    expect(interview.next?.stage).toBe('red_flags');
    expect(interview.next?.question.redFlag).toBe(true);
    expect(interview.next?.question).not.toHaveProperty('effects');
    const cookie = res.cookies.find((c) => c.startsWith('bt_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('accepts a start without a body (mode defaults to adaptive)', async () => {
    const browser = t.browser();
    const res = await browser.request('POST', '/api/assessments');
    expect(res.status).toBe(201);
    expect((res.body as InterviewDto).mode).toBe('adaptive');
  });

  it('never lets a warning-sign question be skipped, and loses nothing when refused', async () => {
    const { browser, interview } = await start();
    const first = interview.next?.question.id ?? '';
    const refused = await browser.post(`/api/assessments/${interview.id}/skip`, {
      questionId: first,
    });
    expect(refused.status).toBe(400);
    const after = (await browser.get(`/api/assessments/${interview.id}`)).body as InterviewDto;
    expect(after.asked).toEqual([]);
    expect(after.next?.question.id).toBe(first);
  });

  it('ends at once with the result when an answer makes it an emergency', async () => {
    const { browser, interview } = await start();
    const atSaddle = await answerUntil(browser, interview, 'saddle_numbness');
    const res = await browser.post(`/api/assessments/${interview.id}/answers`, {
      questionId: 'saddle_numbness',
      value: 'yes',
    });
    const done = res.body as InterviewDto;
    expect(atSaddle.status).toBe('in_progress');
    expect(done).toMatchObject({ status: 'done', endedBecause: 'emergency', next: null });
    expect(done.result?.triage.tier).toBe('emergency');
    expect(done.result?.triage.whatToDoNow).toBeTruthy();
    const plan = await browser.get(`/api/assessments/${interview.id}/plan`);
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ kind: 'no_plan', tier: 'emergency' });
    // No way back from an emergency: the triage is never lowered.
    expect((await browser.post(`/api/assessments/${interview.id}/back`, {})).status).toBe(409);
  });

  it('accepts booleans for yes/no questions and stores them as "yes"/"no"', async () => {
    const { browser, interview } = await start();
    const at = await answerUntil(browser, interview, 'saddle_numbness');
    const res = await browser.post(`/api/assessments/${at.id}/answers`, {
      questionId: 'saddle_numbness',
      value: false,
    });
    expect((res.body as InterviewDto).answers.saddle_numbness).toBe('no');
  });

  it('goes back one step: the last answer is removed and its question is open again', async () => {
    const { browser, interview } = await start();
    const q = interview.next?.question.id ?? '';
    const answered = (
      await browser.post(`/api/assessments/${interview.id}/answers`, {
        questionId: q,
        value: DESK_RUNNER[q],
      })
    ).body as InterviewDto;
    expect(answered.asked).toEqual([q]);
    const back = (await browser.post(`/api/assessments/${interview.id}/back`, {}))
      .body as InterviewDto;
    expect(back.asked).toEqual([]);
    expect(back.answers).toEqual({});
    expect(back.next?.question.id).toBe(q);
  });

  it('skips an ordinary question: asked, not answered', async () => {
    const { browser, interview } = await start();
    let current = interview;
    while (current.next?.question.redFlag) {
      const id = current.next.question.id;
      current = (
        await browser.post(`/api/assessments/${current.id}/answers`, {
          questionId: id,
          value: DESK_RUNNER[id] ?? 'unsure',
        })
      ).body as InterviewDto;
    }
    const open = current.next?.question.id ?? '';
    const skipped = (
      await browser.post(`/api/assessments/${current.id}/skip`, { questionId: open })
    ).body as InterviewDto;
    expect(skipped.asked.at(-1)).toBe(open);
    expect(skipped.answers).not.toHaveProperty(open);
  });

  it('finishes early once the warning signs are answered, and finishing again changes nothing', async () => {
    const { browser, interview } = await start();
    let current = interview;
    while (current.next?.stage === 'red_flags') {
      const id = current.next.question.id;
      current = (
        await browser.post(`/api/assessments/${current.id}/answers`, {
          questionId: id,
          value: DESK_RUNNER[id] ?? 'unsure',
        })
      ).body as InterviewDto;
    }
    const finished = (await browser.post(`/api/assessments/${current.id}/finish`, {}))
      .body as InterviewDto;
    expect(finished).toMatchObject({ status: 'done', next: null });
    expect(finished.endedBecause).toBeUndefined();
    expect(finished.result?.triage.tier).toBeDefined();
    const again = await browser.post(`/api/assessments/${current.id}/finish`, {});
    expect(again.status).toBe(200);
    expect(again.body).toEqual(finished);
  });

  it('asks every applicable question in full mode', async () => {
    const browser = t.browser();
    const adaptive = await takeAssessment(browser, DESK_RUNNER);
    const full = await takeAssessment(browser, DESK_RUNNER, { mode: 'full' });
    expect(full.mode).toBe('full');
    expect(full.endedBecause).toBe('complete');
    expect(full.asked.length).toBeGreaterThan(adaptive.asked.length);
  });

  it('refuses a stale step: two answers racing for the same question', async () => {
    const { browser, interview } = await start();
    const q = interview.next?.question.id ?? '';
    const [a, b] = await Promise.all([
      browser.post(`/api/assessments/${interview.id}/answers`, {
        questionId: q,
        value: DESK_RUNNER[q],
      }),
      browser.post(`/api/assessments/${interview.id}/answers`, {
        questionId: q,
        value: DESK_RUNNER[q],
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});
