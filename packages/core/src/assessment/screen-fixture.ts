/**
 * Test and demo helper: completes the warning-sign screen around a few given
 * answers, answering every other applicable warning-sign question with its
 * calm default ("no", "none", the first option), so a test states only what
 * matters to it and keeps working when questions are added.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Question } from '../knowledge/schema.js';
import { isApplicable, type AnswerValue } from './answers.js';

const CALM_SINGLE: Readonly<Record<string, string>> = {
  sex: 'male',
  duration: 'weeks_1_6',
  trend: 'better',
  pregnancy: 'no',
  trauma: 'none',
  weight_bearing: 'normal',
  periods: 'regular',
  smoker: 'never',
};

/** The calm answer to a warning-sign question: "no", "none", or its least worrying option. */
export function calmAnswer(
  question: Question,
  answers: Readonly<Record<string, AnswerValue>>,
): AnswerValue {
  if (question.type === 'yes_no') return 'no';
  if (question.type === 'multi') return ['none'];
  if (question.type === 'number') return typeof answers.age === 'number' ? answers.age : 35;
  return CALM_SINGLE[question.id] ?? question.options?.[0]?.id ?? 'no';
}

/** The given answers plus a calm answer to every other applicable warning-sign question. */
export function withCalmScreen(
  kb: KnowledgeBase,
  given: Readonly<Record<string, AnswerValue>>,
): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = { age: 35, ...given };
  for (let changed = true; changed;) {
    changed = false;
    for (const q of kb.questions) {
      if (!q.redFlag || answers[q.id] !== undefined || !isApplicable(q, answers)) continue;
      answers[q.id] = calmAnswer(q, answers);
      changed = true;
    }
  }
  return answers;
}
