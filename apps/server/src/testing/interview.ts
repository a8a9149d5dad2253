/** Drives an interview through the API the way the web app does. */
import { calmAnswer, loadKnowledgeBase, type AnswerValue, type Question } from '@backtrack/core';

const kb = loadKnowledgeBase();
function kbQuestion(id: string): Question {
  const q = kb.questions.find((x) => x.id === id);
  if (!q) throw new Error(`unknown question ${id}`);
  return q;
}
import type { InterviewDto } from '../assessments/dto.js';
import type { TestBrowser } from './test-app.js';

/** Starts an assessment and answers every question asked from `answers` (red flags without an answer: the calm answer, "no" or "none"; others: skipped). */
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
    const given = answers as Record<string, AnswerValue>;
    const value =
      given[question.id] ??
      (question.redFlag ? calmAnswer(kbQuestion(question.id), given) : undefined);
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
