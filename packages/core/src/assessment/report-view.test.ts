/**
 * The report read at a glance: one line per answer, the parts each tier
 * shows, and the plan rule the adapters read agreeing with the engine's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TRIAGE_TIERS } from '../knowledge/schema.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { generatePlan } from '../plan/generate-plan.js';
import { validateAnswers } from './answers.js';
import { assess } from './assess.js';
import type { CaseFile } from './evaluate-cases.js';
import type { ExplanationStep } from './rank-contributors.js';
import { PLAN_ALLOWED, reasonsInWords, reportParts } from './report-view.js';

const kb = loadKnowledgeBase();
const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));
const cases = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(casesDir + f, 'utf8')) as CaseFile);

function step(over: Partial<ExplanationStep>): ExplanationStep {
  return {
    questionId: 'worse_with',
    question: 'What brings the pain on or makes it worse?',
    answer: 'Sitting, Running',
    factor: 2,
    before: 0.2,
    after: 1 / 3,
    basis: 'expert-estimate',
    sources: ['S4-01'],
    ...over,
  };
}

describe('reasonsInWords', () => {
  it('puts the steps of one multiple-choice answer on one line, factors multiplied (regression: the same answer on two rows)', () => {
    const lines = reasonsInWords([
      step({ factor: 0.7, before: 0.2, after: 0.149, sources: ['S4-01'] }),
      step({ factor: 0.5, before: 0.149, after: 0.081, sources: ['S4-01', 'laslett-2006'] }),
      step({ questionId: 'age', question: 'How old are you?', answer: '40', factor: 1.5 }),
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      questionId: 'worse_with',
      effect: 'made it less likely',
      before: 0.2,
      after: 0.081,
      sources: ['S4-01', 'laslett-2006'],
    });
    expect(lines[0]?.factor).toBeCloseTo(0.35);
    expect(lines[1]?.effect).toBe('made it more likely');
  });

  it('says when opposite options cancel out, and keeps where an answer came from', () => {
    const [line] = reasonsInWords([
      step({ factor: 2 }),
      step({ factor: 0.5, from: 'From your imported runs: 30% downhill.' }),
    ]);
    expect(line?.effect).toBe('did not change it');
    expect(line?.from).toBe('From your imported runs: 30% downhill.');
  });

  it('leaves no answer of any case card on two lines of one weak link', () => {
    for (const c of cases) {
      const result = assess(kb, validateAnswers(kb, c.answers).answers);
      for (const contributor of result.contributors) {
        const lines = reasonsInWords(contributor.explanation);
        const keys = lines.map((l) => `${l.questionId}|${l.answer}`);
        expect(new Set(keys).size, `${c.card} ${contributor.id}`).toBe(keys.length);
        // Grouping keeps the arithmetic: the last line ends where the ranking ends.
        if (lines.length > 0 && contributor.explanation.length > 0)
          expect(lines.at(-1)?.after).toBe(contributor.explanation.at(-1)?.after);
      }
    }
  });
});

describe('reportParts', () => {
  it('shows an emergency only what to do now: no weak links, no numbers, no plan', () => {
    expect(reportParts('emergency')).toEqual({
      weakLinks: false,
      numbers: false,
      plan: false,
      details: false,
    });
  });

  it('offers a plan only where the tier allows one', () => {
    expect(reportParts('urgent_doctor').plan).toBe(false);
    expect(reportParts('see_clinician').plan).toBe(true);
    expect(reportParts('self_care').plan).toBe(true);
    expect(reportParts(null).plan).toBe(false);
  });

  it('PLAN_ALLOWED agrees with generatePlan on every case card', () => {
    const seen = new Set<string>();
    for (const c of cases) {
      const { answers } = validateAnswers(kb, c.answers);
      const result = assess(kb, answers);
      const tier = result.triage.tier;
      if (tier === null) continue;
      const outcome = generatePlan(kb, result, answers);
      // Other gates (children, pregnancy) may also refuse a plan; a forbidding tier always does.
      if (!PLAN_ALLOWED[tier]) expect(outcome.kind, c.card).toBe('no_plan');
      if (outcome.kind === 'plan') expect(PLAN_ALLOWED[tier], c.card).toBe(true);
      seen.add(tier);
    }
    expect([...seen].sort()).toEqual([...TRIAGE_TIERS].sort());
  });
});
