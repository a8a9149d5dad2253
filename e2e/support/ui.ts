/**
 * Drives the assessment in the browser the way a runner does: role and
 * label locators only. The question on screen is read from the API (with the
 * page's own cookies) so the test knows what to answer.
 */
import { BODY_REGION_LABELS } from '@backtrack/core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { benignAnswer, optionLabel, type ApiAnswer, type ApiQuestion } from './answers.js';
import type { ApiInterview } from './api.js';

/** The name a screen reader gives a body-map region's checkbox (the core's label). */
export function regionName(id: string): string {
  return new Map<string, string>(Object.entries(BODY_REGION_LABELS)).get(id) ?? id;
}

/** The assessment id in the page's address. */
export function assessmentIdOf(page: Page): string {
  const match = /\/assessment\/([^/?#]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on an assessment page: ${page.url()}`);
  return match[1];
}

/** The interview as the server holds it. */
export async function readInterview(page: Page, id: string): Promise<ApiInterview> {
  const response = await page.request.get(`/api/assessments/${id}`);
  if (!response.ok()) throw new Error(`GET assessment → ${response.status()}`);
  return (await response.json()) as ApiInterview;
}

/** Waits until the question heading on screen is `q`'s text. */
export async function waitForQuestion(page: Page, q: ApiQuestion): Promise<void> {
  await page.getByRole('heading', { level: 1, name: q.text, exact: true }).waitFor();
}

/** Fills in an answer with the mouse/pointer (clicks and typing), then presses Next. */
export async function answerWithPointer(
  page: Page,
  q: ApiQuestion,
  value: ApiAnswer,
): Promise<void> {
  const group = page.getByRole('group', { name: q.text });
  switch (q.type) {
    case 'yes_no':
    case 'single':
      await group.getByRole('radio', { name: optionLabel(q, String(value)), exact: true }).check();
      break;
    case 'scale':
      await group.getByRole('radio', { name: String(value), exact: true }).check();
      break;
    case 'number':
      await group.getByRole('spinbutton').fill(String(value));
      break;
    case 'multi':
      for (const id of value as string[]) {
        await group.getByRole('checkbox', { name: optionLabel(q, id), exact: true }).check();
      }
      break;
    case 'body_regions':
      // Tapped on the drawing (a pointer target; the list beside it is the accessible control).
      for (const id of value as string[]) {
        await page.locator(`.body-map svg [data-region="${id}"]`).click();
        await expect(
          group.getByRole('checkbox', { name: regionName(id), exact: true }).isChecked(),
        ).resolves.toBe(true);
      }
      break;
  }
  await page.getByRole('button', { name: 'Next', exact: true }).click();
}

/**
 * Answers every question on screen until the interview is done, with
 * `choose` giving each answer (benign by default). Returns the final interview.
 */
export async function completeAssessment(
  page: Page,
  options: {
    choose?: (q: ApiQuestion) => ApiAnswer | undefined;
    answer?: (page: Page, q: ApiQuestion, value: ApiAnswer) => Promise<void>;
    onQuestion?: (q: ApiQuestion, index: number) => Promise<void>;
  } = {},
): Promise<ApiInterview> {
  const id = assessmentIdOf(page);
  const answer = options.answer ?? answerWithPointer;
  for (let i = 0; i < 200; i++) {
    const interview = await readInterview(page, id);
    if (interview.status === 'done' || !interview.next) return interview;
    const q = interview.next.question;
    await waitForQuestion(page, q);
    await options.onQuestion?.(q, i);
    await answer(page, q, options.choose?.(q) ?? benignAnswer(q));
    // Wait for the server's answer: the next question (or the end) replaces this one.
    await page
      .getByRole('heading', { level: 1, name: q.text, exact: true })
      .waitFor({ state: 'detached' });
  }
  throw new Error('the assessment did not end within 200 questions');
}
