/**
 * Property tests of the engine's invariants over random valid answer sets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { BODY_REGIONS, type Question } from '../knowledge/schema.js';
import type { AnswerValue } from './answers.js';
import { assess } from './assess.js';
import { runInterview } from './interview.js';
import { tierRank } from './triage.js';

const kb = loadKnowledgeBase();

/** An arbitrary valid answer for one question. */
function arbAnswer(q: Question): fc.Arbitrary<AnswerValue> {
  const ids = q.options?.map((o) => o.id) ?? [];
  switch (q.type) {
    case 'yes_no':
      return fc.constantFrom('yes', 'no', 'unsure');
    case 'single':
      return fc.constantFrom(...ids);
    case 'multi':
      return fc.subarray(
        ids.filter((id) => id !== 'none' && id !== 'nothing' && id !== 'not_known'),
      );
    case 'body_regions':
      return fc.subarray([...BODY_REGIONS]);
    case 'number':
      return fc.integer({ min: q.min ?? 0, max: q.max ?? 100 });
    case 'scale':
      return fc.integer({ min: 0, max: 10 });
  }
}

/** Arbitrary answers to an arbitrary subset of questions. */
const arbAnswers = fc.record(Object.fromEntries(kb.questions.map((q) => [q.id, arbAnswer(q)])), {
  requiredKeys: [],
}) as fc.Arbitrary<Record<string, AnswerValue>>;

const redFlagQuestions = kb.questions.filter((q) => q.redFlag);

describe('engine invariants', () => {
  it('gives probabilities in [0, 1], sorted, for any valid answers, and never throws', () => {
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        const result = assess(kb, answers);
        expect(result.contributors).toHaveLength(kb.contributors.length);
        let previous = Infinity;
        for (const c of result.contributors) {
          expect(c.probability).toBeGreaterThanOrEqual(0);
          expect(c.probability).toBeLessThanOrEqual(1);
          expect(c.probability).toBeLessThanOrEqual(previous);
          previous = c.probability;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the tier when more answers are added', () => {
    fc.assert(
      fc.property(arbAnswers, arbAnswers, (base, extra) => {
        const added = { ...extra, ...base };
        expect(tierRank(assess(kb, added).triage.tier)).toBeLessThanOrEqual(
          tierRank(assess(kb, base).triage.tier),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the tier when a red-flag answer is added', () => {
    const arbFlag = fc
      .constantFrom(...redFlagQuestions)
      .chain((q) => fc.tuple(fc.constant(q.id), arbAnswer(q)));
    fc.assert(
      fc.property(arbAnswers, arbFlag, (answers, [id, value]) => {
        const without = Object.fromEntries(Object.entries(answers).filter(([k]) => k !== id));
        const before = tierRank(assess(kb, without).triage.tier);
        expect(tierRank(assess(kb, { ...without, [id]: value }).triage.tier)).toBeLessThanOrEqual(
          before,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for the same answers, whatever their order', () => {
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(assess(kb, reversed)).toEqual(assess(kb, answers));
      }),
      { numRuns: 100 },
    );
  });

  it('asks every applicable red-flag question before any other, unless an emergency ends the interview', () => {
    fc.assert(
      fc.property(
        arbAnswers,
        fc.constantFrom('adaptive' as const, 'full' as const),
        (answers, mode) => {
          const run = runInterview(kb, (q) => answers[q.id], { mode });
          const firstOther = run.questionsAsked.findIndex(
            (id) => !redFlagQuestions.some((q) => q.id === id),
          );
          if (run.endedBecause === 'emergency') {
            expect(run.result.triage.tier).toBe('emergency');
            return;
          }
          const redFlagsAsked = run.questionsAsked.filter((id) =>
            redFlagQuestions.some((q) => q.id === id),
          );
          if (firstOther >= 0)
            expect(redFlagsAsked.every((id) => run.questionsAsked.indexOf(id) < firstOther)).toBe(
              true,
            );
          const unasked = redFlagQuestions.filter(
            (q) => q.askIf === undefined && !run.questionsAsked.includes(q.id),
          );
          expect(unasked.map((q) => q.id)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stops at once on an emergency answer and says what to do', () => {
    const run = runInterview(
      kb,
      (q) => (q.id === 'saddle_numbness' ? 'yes' : q.id === 'age' ? 40 : undefined),
      {
        mode: 'adaptive',
      },
    );
    expect(run.endedBecause).toBe('emergency');
    expect(run.questionsAsked.at(-1)).toBe('saddle_numbness');
    expect(run.result.triage.tier).toBe('emergency');
    expect(run.result.triage.whatToDoNow).toMatch(/emergency/i);
  });
});
