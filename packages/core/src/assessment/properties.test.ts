/**
 * Property tests of the engine's invariants over random valid answer sets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { BODY_REGIONS, type Question } from '../knowledge/schema.js';
import { generatePlan } from '../plan/generate-plan.js';
import { evaluateRule, isApplicable, type AnswerValue } from './answers.js';
import { assess, withDerivedFacts } from './assess.js';
import { NO_WARNING_SIGNS } from './named-answers.js';
import { runInterview } from './interview.js';
import { contributorProbabilities, rankContributors } from './rank-contributors.js';
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

  it('gives the interview the same probabilities and order as the full ranking, to the last bit', () => {
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        const facts = withDerivedFacts(answers);
        const full = rankContributors(kb, facts).map((c) => ({
          id: c.id,
          probability: c.probability,
        }));
        expect(contributorProbabilities(kb, facts)).toStrictEqual(full);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the tier when more answers are added', () => {
    fc.assert(
      fc.property(arbAnswers, arbAnswers, (base, extra) => {
        const added = { ...extra, ...base };
        expect(tierRank(assess(kb, added).triage.floor)).toBeLessThanOrEqual(
          tierRank(assess(kb, base).triage.floor),
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
        const before = tierRank(assess(kb, without).triage.floor);
        expect(tierRank(assess(kb, { ...without, [id]: value }).triage.floor)).toBeLessThanOrEqual(
          before,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('gives no verdict and no plan while a warning-sign question that applies is unanswered', () => {
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        const result = assess(kb, answers);
        const open = redFlagQuestions.filter(
          (q) => isApplicable(q, withDerivedFacts(answers)) && answers[q.id] === undefined,
        );
        if (open.length === 0 || result.triage.floor === 'emergency') {
          expect(result.status).toBe('complete');
          expect(result.triage.tier).toBe(result.triage.floor);
          return;
        }
        expect(result.status).toBe('incomplete');
        expect(result.triage.tier).toBeNull();
        expect(result.missing).toEqual(open.map((q) => q.id));
        const plan = generatePlan(kb, result, answers);
        expect(plan.kind).toBe('no_plan');
        expect(plan.kind === 'no_plan' && plan.missing).toEqual(result.missing);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the tier when a warning-sign answer "no" becomes "not sure"', () => {
    const yesNoFlags = redFlagQuestions.filter((q) => q.type === 'yes_no');
    fc.assert(
      fc.property(arbAnswers, fc.constantFrom(...yesNoFlags), (answers, q) => {
        const no = assess(kb, { ...answers, [q.id]: 'no' }).triage.floor;
        const unsure = assess(kb, { ...answers, [q.id]: 'unsure' }).triage.floor;
        expect(tierRank(unsure)).toBeLessThanOrEqual(tierRank(no));
        expect(tierRank(unsure)).toBeLessThanOrEqual(tierRank('see_clinician'));
      }),
      { numRuns: 400 },
    );
  });

  it('never lowers the tier when a minor warning sign is added, and two of them always reach a clinician', () => {
    // Answers that make each minor flag hold, one per flag.
    const makes: Record<string, Record<string, AnswerValue>> = {
      age_over_50: { age: 55 },
      age_over_65: { age: 70 },
      non_mechanical_pain: { constant_pain: 'yes' },
      night_pain: { night_pain: 'yes' },
      thoracic_pain: { thoracic_pain: 'yes' },
      long_term_steroids: { bone_health: ['steroids'] },
      osteoporosis: { bone_health: ['osteoporosis'] },
      smoking: { smoker: 'current' },
      diabetes: { infection_risks: ['diabetes'] },
      weakened_immunity: { infection_risks: ['immunosuppressed'] },
      recent_procedure_or_infection: { infection_risks: ['recent_spinal_procedure'] },
      not_improving: { duration: 'weeks_6_12', trend: 'same' },
      feel_unwell: { feel_unwell: 'yes' },
      cancer_history: { cancer_history: 'yes' },
      weight_loss: { weight_loss: 'yes' },
    };
    expect(Object.keys(makes).sort()).toEqual(kb.minorFlags.map((m) => m.id).sort());
    const merge = (a: Record<string, AnswerValue>, b: Record<string, AnswerValue>) => {
      const out: Record<string, AnswerValue> = { ...a };
      for (const [k, v] of Object.entries(b)) {
        const prev = out[k];
        if (Array.isArray(prev) && Array.isArray(v))
          out[k] = [...new Set<string>([...(prev as string[]), ...(v as string[])])];
        else if (typeof prev === 'number' && typeof v === 'number') out[k] = Math.max(prev, v);
        else out[k] = v;
      }
      return out;
    };
    const flagIds = Object.keys(makes);
    fc.assert(
      fc.property(
        fc.constantFrom(...flagIds),
        fc.constantFrom(...flagIds),
        fc.constantFrom(...flagIds),
        (a, b, c) => {
          const one = merge({ ...NO_WARNING_SIGNS, age: 40 }, makes[a] ?? {});
          const two = merge(one, makes[b] ?? {});
          const three = merge(two, makes[c] ?? {});
          const t1 = assess(kb, one).triage.floor;
          const t2 = assess(kb, two).triage.floor;
          const t3 = assess(kb, three).triage.floor;
          expect(tierRank(t2)).toBeLessThanOrEqual(tierRank(t1));
          expect(tierRank(t3)).toBeLessThanOrEqual(tierRank(t2));
          const count = kb.minorFlags.filter((m) => evaluateRule(m.rule, two)).length;
          if (count >= 2) expect(tierRank(t2)).toBeLessThanOrEqual(tierRank('see_clinician'));
        },
      ),
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
