/**
 * "Question N of about T": the estimate of the interview's length counts
 * the follow-ups that may still apply, so T falls as answers rule them out
 * and does not grow as answers bring them in (regression: a full interview
 * went from "of about 43" to "of about 52").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/index.js';
import type { Question, Rule } from '../knowledge/schema.js';
import { evaluateRuleSoFar, type AnswerValue, type Answers } from './answers.js';
import type { CaseFile } from './evaluate-cases.js';
import { nextQuestion } from './interview.js';

const kb = loadKnowledgeBase();
const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));
const cases = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, card: JSON.parse(readFileSync(casesDir + f, 'utf8')) as CaseFile }));

/** The "of about" totals shown along an interview answered from `given`. */
function totals(given: Answers, mode: 'full' | 'adaptive'): number[] {
  const answers: Record<string, AnswerValue> = {};
  const asked: string[] = [];
  const seen: number[] = [];
  for (let i = 0; i < 200; i++) {
    const step = nextQuestion(kb, { answers, asked }, { mode });
    if (step.done) break;
    seen.push(step.progress.asked + 1 + step.progress.remainingEstimate);
    const q: Question = step.question;
    asked.push(q.id);
    const value = given[q.id];
    if (value !== undefined) answers[q.id] = value;
    else if (q.redFlag) answers[q.id] = 'unsure';
  }
  return seen;
}

describe('the progress estimate', () => {
  it.each(cases)('never grows along the full interview of $file', ({ card }) => {
    const seen = totals(card.answers as Answers, 'full');
    expect(seen.length).toBeGreaterThan(0);
    const grew = seen.flatMap((t, i) =>
      i > 0 && t > (seen[i - 1] ?? t)
        ? [`${String(seen[i - 1])}→${String(t)} at ${String(i + 1)}`]
        : [],
    );
    expect(grew).toEqual([]);
  });

  it('reads a follow-up condition in three values: true, false, or not yet known', () => {
    const rule: Rule = {
      all: [
        { q: 'a', test: { kind: 'is', value: 'yes' } },
        { q: 'b', test: { kind: 'is', value: 'yes' } },
      ],
    };
    const none = new Set<string>();
    expect(evaluateRuleSoFar(rule, {}, none)).toBeUndefined();
    expect(evaluateRuleSoFar(rule, { a: 'yes' }, none)).toBeUndefined();
    expect(evaluateRuleSoFar(rule, { a: 'no' }, none)).toBe(false);
    expect(evaluateRuleSoFar(rule, { a: 'yes', b: 'yes' }, none)).toBe(true);
    // Asked and skipped: settled, and a test on it is false.
    expect(evaluateRuleSoFar(rule, { a: 'yes' }, new Set(['b']))).toBe(false);
    const any: Rule = {
      any: [
        { q: 'a', test: { kind: 'is', value: 'yes' } },
        { q: 'b', test: { kind: 'is', value: 'yes' } },
      ],
    };
    expect(evaluateRuleSoFar(any, { b: 'yes' }, none)).toBe(true);
    const atLeast: Rule = {
      atLeast: 2,
      of: [
        { q: 'a', test: { kind: 'is', value: 'yes' } },
        { q: 'b', test: { kind: 'is', value: 'yes' } },
        { q: 'c', test: { kind: 'is', value: 'yes' } },
      ],
    };
    expect(evaluateRuleSoFar(atLeast, { a: 'no', b: 'no' }, none)).toBe(false);
    expect(evaluateRuleSoFar(atLeast, { a: 'yes' }, none)).toBeUndefined();
  });
});
