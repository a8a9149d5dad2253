/**
 * The adaptive interview's stopping rule, its plan questions and its
 * information gain, on named answer sets (regression for the held-out case
 * cards, where it stopped after about five ranking questions with the
 * prior's top three).
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/index.js';
import type { Question } from '../knowledge/schema.js';
import type { AnswerValue } from './answers.js';
import {
  boundaryWeights,
  expectedInformationGain,
  PLAN_QUESTION_IDS,
  runInterview,
  triageQuestionIds,
} from './interview.js';
import { NO_WARNING_SIGNS } from './named-answers.js';
import { overlapKey, rankContributors } from './rank-contributors.js';

const kb = loadKnowledgeBase();
const redFlagIds = new Set(kb.questions.filter((q) => q.redFlag).map((q) => q.id));

/** Answers from a set; any other question gets "no", "none" or the first option. */
function answerer(own: Readonly<Record<string, AnswerValue>>) {
  return (q: Question): AnswerValue | undefined => {
    const value = { ...NO_WARNING_SIGNS, ...own }[q.id];
    if (value !== undefined) return value;
    if (q.type === 'yes_no') return 'no';
    if (q.type === 'multi') return q.options?.some((o) => o.id === 'none') ? ['none'] : [];
    if (q.type === 'single') return q.options?.[0]?.id;
    return undefined;
  };
}

function afterScreen(asked: readonly string[]): string[] {
  return asked.filter((id) => !redFlagIds.has(id) && !id.startsWith('sb_'));
}

describe('adaptive interview', () => {
  it.each([
    ['a runner who answers little', {}],
    ['a runner with a training spike', { weekly_change: 'up_large', rest_days: 0 }],
    ['a runner with leg pain', { pain_map: ['low_back_left', 'below_knee_left'] }],
  ])('always asks what the plan needs: %s', (_name, own) => {
    const run = runInterview(kb, answerer(own), { mode: 'adaptive', includeRiskScreen: false });
    for (const id of PLAN_QUESTION_IDS) expect(run.questionsAsked).toContain(id);
  });

  it('does not ask the weekly distance of a runner who cannot run', () => {
    const run = runInterview(kb, answerer({ run_pattern: 'not_running' }), {
      mode: 'adaptive',
      includeRiskScreen: false,
    });
    expect(run.questionsAsked).toContain('pain_now');
    expect(run.questionsAsked).not.toContain('weekly_km');
  });

  it('keeps asking past five ranking questions and stays within its cap', () => {
    const run = runInterview(kb, answerer({}), { mode: 'adaptive', includeRiskScreen: false });
    const asked = afterScreen(run.questionsAsked);
    expect(asked.length).toBeGreaterThanOrEqual(8);
    // Questions that triage rules read are safety questions outside the ranking's budget.
    const triageRead = triageQuestionIds(kb);
    expect(asked.filter((id) => !triageRead.has(id)).length).toBeLessThanOrEqual(16);
  });

  it('counts an answer that overlaps one already given at half strength in the gain', () => {
    const weekly = kb.questions.find((q) => q.id === 'weekly_change');
    if (!weekly) throw new Error('weekly_change missing');
    const probabilities = new Map(
      rankContributors(kb, NO_WARNING_SIGNS).map((c) => [c.id, c.probability]),
    );
    const fresh = expectedInformationGain(weekly, probabilities);
    const covered = new Set(weekly.effects.map((e) => overlapKey(weekly.id, e)));
    expect(expectedInformationGain(weekly, probabilities, covered)).toBeLessThan(fresh);
  });

  it('weighs the contributors at the top-three boundary most', () => {
    const ranked = rankContributors(kb, NO_WARNING_SIGNS);
    const weights = boundaryWeights(ranked, 1);
    const third = weights.get(ranked[2]?.id ?? '') ?? 0;
    const last = weights.get(ranked.at(-1)?.id ?? '') ?? 1;
    expect(third).toBeGreaterThan(0.5);
    expect(last).toBeLessThan(third);
    for (const w of weights.values()) expect(w).toBeLessThanOrEqual(1);
  });
});
