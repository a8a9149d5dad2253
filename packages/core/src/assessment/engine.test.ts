/**
 * Unit tests of validation, triage, ranking and the risk screen, on small
 * named answer sets.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { evaluateRule, validateAnswers, type AnswerValue } from './answers.js';
import { assess, DISCLAIMER } from './assess.js';
import { nextQuestion, runInterview } from './interview.js';
import { NO_WARNING_SIGNS } from './named-answers.js';
import { scoreRisk } from './score-risk.js';

const kb = loadKnowledgeBase();

const calm = NO_WARNING_SIGNS;

describe('validateAnswers', () => {
  it('keeps valid answers and reports each bad one by name', () => {
    const { answers, issues } = validateAnswers(kb, {
      age: 200,
      sex: 'robot',
      fever: 'maybe',
      nonsense: 'yes',
      pain_now: 4,
      hop_pain: false,
      pain_map: ['low_back_left', 'elbow'],
    });
    expect(answers).toEqual({ pain_now: 4, hop_pain: 'no' });
    expect(issues.map((i) => [i.questionId, i.code])).toEqual([
      ['age', 'out_of_range'],
      ['sex', 'unknown_option'],
      ['fever', 'wrong_type'],
      ['nonsense', 'unknown_question'],
      ['pain_map', 'unknown_option'],
    ]);
    expect(
      issues.every((i) => i.severity === 'error' && i.message.includes(i.questionId ?? '@')),
    ).toBe(true);
  });

  it('flags "none" chosen with other options as contradictory and keeps the rest', () => {
    const { answers, issues } = validateAnswers(kb, { infection_risks: ['none', 'diabetes'] });
    expect(answers.infection_risks).toEqual(['diabetes']);
    expect(issues[0]?.code).toBe('contradictory');
  });

  it('rejects a fractional 0-10 scale answer', () => {
    expect(validateAnswers(kb, { pain_now: 4.5 }).issues[0]?.code).toBe('wrong_type');
  });
});

describe('triage', () => {
  it('is self_care with no warning sign, and always carries the disclaimer', () => {
    const result = assess(kb, calm);
    expect(result.triage.tier).toBe('self_care');
    expect(result.triage.reasons).toEqual([]);
    expect(result.disclaimer).toBe(DISCLAIMER);
    expect(result.disclaimer).toMatch(/not a diagnosis/);
  });

  it.each([
    ['saddle_numbness', 'yes', 'emergency', 'cauda_equina', {}],
    ['bladder_change', 'yes', 'emergency', 'cauda_equina', {}],
    ['both_legs', 'yes', 'emergency', 'cauda_equina', {}],
    ['fever', 'yes', 'emergency', 'infection', {}],
    ['sudden_severe_pain', 'yes', 'emergency', 'aaa', { faint_or_collapse: 'yes' }],
    ['trauma', 'major', 'emergency', 'spinal_fracture', {}],
    ['cancer_history', 'yes', 'urgent_doctor', 'malignancy', {}],
    ['weight_loss', 'yes', 'urgent_doctor', 'malignancy', {}],
    [
      'leg_weakness',
      'yes',
      'urgent_doctor',
      'nerve_root_compromise',
      { leg_weakness_worsening: 'no' },
    ],
    ['hop_pain', 'yes', 'urgent_doctor', 'bone_stress_injury', {}],
    ['focal_bone_pain', 'yes', 'urgent_doctor', 'bone_stress_injury', {}],
  ] as const)('%s = %s gives %s (%s)', (id, value, tier, condition, followUps) => {
    const result = assess(kb, { ...calm, [id]: value, ...followUps });
    expect(result.triage.tier).toBe(tier);
    expect(result.triage.serious).toContain(condition);
    expect(result.triage.reasons[0]?.tier).toBe(tier);
  });

  it('escalates a cancer history to an emergency when a nerve symptom joins it', () => {
    const result = assess(kb, { ...calm, cancer_history: 'yes', leg_weakness: 'yes' });
    expect(result.triage.tier).toBe('emergency');
    expect(result.triage.reasons.map((r) => r.id)).toContain('cancer_neuro');
  });

  it('sends an unsure warning-sign answer to a clinician, and reports missing ones', () => {
    const unsure = assess(kb, { ...calm, hop_pain: 'unsure' });
    expect(unsure.triage.tier).toBe('see_clinician');
    const withoutFever: Record<string, unknown> = { ...calm };
    delete withoutFever.fever;
    const missing = assess(kb, withoutFever as typeof calm);
    expect(missing.issues).toContainEqual(
      expect.objectContaining({ code: 'missing', questionId: 'fever' }),
    );
    expect(missing.status).toBe('incomplete');
    expect(missing.missing).toEqual(['fever']);
    expect(missing.triage.tier).toBeNull();
    expect(missing.triage.whatToDoNow).toContain('fever, shivers or sweats');
  });

  it('refers an inflammatory pattern (NICE NG65: three or more features) to a clinician', () => {
    const result = assess(kb, {
      ...calm,
      age: 30,
      duration: 'over_3_months',
      age_back_pain_began: 28,
      inflammatory_features: ['better_with_exercise', 'nsaid_relief'],
      inflammatory_history: ['none'],
    });
    expect(result.triage.tier).toBe('see_clinician');
    expect(result.triage.serious).toEqual(['inflammatory_axspa']);
  });

  it('ignores derived facts smuggled in with the answers', () => {
    expect(assess(kb, { ...calm, __risk_level: 'high' }).triage.tier).toBe('self_care');
  });
});

describe('ranking', () => {
  it('explains every move with the answer, the factor, before and after, and sources', () => {
    const result = assess(kb, { ...calm, shoe_worn: 'yes', shoe_km: 1100 });
    const footwear = result.contributors.find((c) => c.id === 'footwear');
    expect(footwear?.explanation.length).toBeGreaterThan(0);
    for (const step of footwear?.explanation ?? []) {
      expect(step.factor).toBeGreaterThan(0);
      expect(step.sources.length).toBeGreaterThan(0);
      expect(step.after > step.before).toBe(step.factor > 1);
    }
    expect(footwear?.probability).toBeGreaterThan(footwear?.prior ?? 1);
  });

  it('does not move anything on an "unsure" answer', () => {
    const a = assess(kb, calm).contributors;
    const b = assess(kb, { ...calm, shoe_worn: 'unsure' }).contributors;
    expect(b).toEqual(a);
  });
});

describe('risk screen (Hill 2008 algorithm)', () => {
  const items = (positive: string[], bothersome = 'slightly'): Record<string, string> =>
    Object.fromEntries<string>([
      ...[
        'sb_leg_spread',
        'sb_other_pain',
        'sb_walk_short',
        'sb_dress_slow',
        'sb_fear',
        'sb_worry',
        'sb_catastrophising',
        'sb_low_mood',
      ].map((id): [string, string] => [id, positive.includes(id) ? 'yes' : 'no']),
      ['sb_bothersome', bothersome],
    ]);

  it('is low at a total of 3 or less', () => {
    expect(scoreRisk(items(['sb_leg_spread', 'sb_other_pain', 'sb_fear']))).toMatchObject({
      level: 'low',
      total: 3,
    });
  });
  it('is medium at 4 or more with a distress subscale of 3 or less', () => {
    expect(
      scoreRisk(items(['sb_leg_spread', 'sb_other_pain', 'sb_walk_short', 'sb_fear'])),
    ).toMatchObject({
      level: 'medium',
      total: 4,
      psychosocial: 1,
    });
  });
  it('is high when the distress subscale is 4 or more (bothersomeness counts only for very much or extremely)', () => {
    const four = ['sb_fear', 'sb_worry', 'sb_catastrophising'];
    expect(scoreRisk(items(four, 'moderately')).level).toBe('low');
    expect(scoreRisk(items(four, 'very_much'))).toMatchObject({
      level: 'high',
      total: 4,
      psychosocial: 4,
    });
  });
  it('is null, listing what is missing, until all nine are answered', () => {
    const partial = items([]);
    delete partial.sb_worry;
    expect(scoreRisk(partial)).toMatchObject({ level: null, missing: ['sb_worry'] });
  });
  it('sends a high-risk runner to a clinician', () => {
    const result = assess(kb, {
      ...calm,
      ...items(['sb_fear', 'sb_worry', 'sb_catastrophising', 'sb_low_mood']),
    });
    expect(result.risk.level).toBe('high');
    expect(result.triage.tier).toBe('see_clinician');
  });
});

describe('interview', () => {
  it('starts with age and the red-flag screen, and asks the risk screen last', () => {
    const first = nextQuestion(kb, { answers: {}, asked: [] }, { mode: 'full' });
    expect(first.done ? undefined : first.question.id).toBe('age');
    const afterRanking = kb.questions.filter((q) => q.section !== 'risk_screen').map((q) => q.id);
    const step = nextQuestion(kb, { answers: calm, asked: afterRanking }, { mode: 'full' });
    expect(step.done ? undefined : step.stage).toBe('risk_screen');
  });

  it('evaluates follow-up rules on earlier answers', () => {
    expect(evaluateRule({ q: 'age', test: { kind: 'range', min: 50 } }, { age: 50 })).toBe(true);
    expect(evaluateRule({ q: 'age', test: { kind: 'range', min: 50 } }, { age: 49 })).toBe(false);
    expect(
      evaluateRule(
        { atLeast: 2, of: [{ q: 'a', test: { kind: 'is', value: 'yes' } }] },
        { a: 'yes' },
      ),
    ).toBe(false);
  });
});

describe('answers from imported training data', () => {
  it('mark every explanation step they produce with where they came from', () => {
    const from =
      'From your imported runs: your longest run on 3 March was 40% longer than any in the month before.';
    const result = assess(kb, { ...calm, long_run_spike: 'up_30_plus' }, [], {
      provenance: { long_run_spike: from },
    });
    const steps = result.contributors
      .flatMap((c) => c.explanation)
      .filter((s) => s.questionId === 'long_run_spike');
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step.from).toBe(from);
    const own = result.contributors
      .flatMap((c) => c.explanation)
      .filter((s) => s.questionId !== 'long_run_spike');
    for (const step of own) expect(step.from).toBeUndefined();
  });
});

describe('progress estimate', () => {
  it('estimates the whole adaptive interview from the first question, within 40% of what is asked', () => {
    const answers = { ...calm, pain_map: ['low_back_centre'], weekly_km: 30, shoe_km: 900 };
    const first = nextQuestion(kb, { answers: {}, asked: [] }, { mode: 'adaptive' });
    const run = runInterview(
      kb,
      (q) =>
        (answers as Record<string, AnswerValue>)[q.id] ?? (q.type === 'yes_no' ? 'no' : undefined),
      {
        mode: 'adaptive',
      },
    );
    if (first.done) throw new Error('expected a question');
    const estimate = first.progress.remainingEstimate;
    expect(Math.abs(estimate - run.questionsAsked.length) / run.questionsAsked.length).toBeLessThan(
      0.4,
    );
  });
});
