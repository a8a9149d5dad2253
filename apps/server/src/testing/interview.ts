/** Drives an interview through the API the way the web app does. */
import type { AnswerValue } from '@backtrack/core';
import type { InterviewDto } from '../assessments/dto.js';
import type { TestBrowser } from './test-app.js';

/** Starts an assessment and answers every question asked from `answers` (red flags without an answer: "unsure"; others: skipped). */
export async function takeAssessment(
  browser: TestBrowser,
  answers: Readonly<Record<string, AnswerValue>>,
  options: { mode?: 'adaptive' | 'full'; stopAfter?: number } = {},
): Promise<InterviewDto> {
  const started = await browser.post('/api/assessments', { mode: options.mode ?? 'adaptive' });
  if (started.status !== 201) throw new Error(`start failed: ${started.status} ${started.text}`);
  let interview = started.body as InterviewDto;
  let steps = 0;
  while (interview.next && steps < (options.stopAfter ?? Infinity)) {
    const { question } = interview.next;
    const value = answers[question.id] ?? (question.redFlag ? 'unsure' : undefined);
    const res =
      value === undefined
        ? await browser.post(`/api/assessments/${interview.id}/skip`, { questionId: question.id })
        : await browser.post(`/api/assessments/${interview.id}/answers`, {
            questionId: question.id,
            value,
          });
    if (res.status !== 200)
      throw new Error(`answer to ${question.id} failed: ${res.status} ${res.text}`);
    interview = res.body as InterviewDto;
    steps += 1;
  }
  return interview;
}
