/**
 * The controls of the hazard log (docs/clinical-safety.md), one `describe`
 * per hazard. Each test names the hazard id it proves; the hazard-log test
 * fails when a hazard names a test that does not exist here.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, shortCitation } from '../knowledge/index.js';
import { generatePlan } from '../plan/generate-plan.js';
import type { AnswerValue } from './answers.js';
import { assess } from './assess.js';
import { nextQuestion, runInterview } from './interview.js';
import { withCalmScreen } from './screen-fixture.js';

const kb = loadKnowledgeBase();
const screened = (given: Record<string, AnswerValue>) => withCalmScreen(kb, given);
const tierOf = (given: Record<string, AnswerValue>) => assess(kb, screened(given)).triage.tier;
const firedOf = (given: Record<string, AnswerValue>) =>
  assess(kb, screened(given)).triage.reasons.map((r) => r.id);

describe('HAZ-01 the warning-sign screen is bypassed', () => {
  it('HAZ-01: an empty or partial answer set gives no verdict and no plan', () => {
    for (const answers of [{}, { age: 40 }, { age: 34, sex: 'male' }] as Record<
      string,
      AnswerValue
    >[]) {
      const result = assess(kb, answers);
      expect(result.status).toBe('incomplete');
      expect(result.triage.tier).toBeNull();
      expect(result.missing.length).toBeGreaterThan(0);
      expect(generatePlan(kb, result, answers).kind).toBe('no_plan');
    }
  });

  it('HAZ-01: an interview whose runner stops answering during the screen ends without a verdict', () => {
    const run = runInterview(kb, (q) => (q.id === 'age' ? 34 : undefined), { mode: 'adaptive' });
    expect(run.result.status).toBe('incomplete');
    expect(run.result.triage.tier).toBeNull();
  });
});

describe('HAZ-02 doubt about a cauda equina sign is treated as no sign', () => {
  it('HAZ-02: "not sure" about saddle numbness asks how wiping feels next', () => {
    const step = nextQuestion(
      kb,
      {
        answers: {
          age: 40,
          sex: 'male',
          duration: 'under_1_week',
          trend: 'same',
          saddle_numbness: 'unsure',
        },
        asked: ['age', 'sex', 'duration', 'trend', 'saddle_numbness'],
      },
      { mode: 'adaptive' },
    );
    expect(!step.done && step.question.id).toBe('saddle_wiping');
  });

  it('HAZ-02: saddle doubt that wiping does not resolve is an emergency; wiping that feels different is too', () => {
    expect(tierOf({ saddle_numbness: 'unsure', saddle_wiping: 'unsure' })).toBe('emergency');
    expect(tierOf({ saddle_numbness: 'unsure', saddle_wiping: 'yes' })).toBe('emergency');
    expect(tierOf({ saddle_numbness: 'unsure', saddle_wiping: 'no' })).toBe('see_clinician');
  });

  it('HAZ-02: bladder doubt with a weak stream, or doubt left, is an emergency', () => {
    expect(tierOf({ bladder_change: 'unsure', bladder_detail: ['weak_stream'] })).toBe('emergency');
    expect(tierOf({ bladder_change: 'unsure', bladder_detail: ['unsure'] })).toBe('emergency');
    expect(tierOf({ bladder_change: 'unsure', bladder_detail: ['none'] })).toBe('see_clinician');
  });

  it('HAZ-02: doubt about the bowels, sexual function or both legs is a same-day matter', () => {
    for (const id of ['bowel_change', 'sexual_dysfunction', 'both_legs'])
      expect(tierOf({ [id]: 'unsure' }), id).toBe('emergency');
  });
});

describe('HAZ-03 doubt about leg weakness is downgraded', () => {
  it('HAZ-03: "not sure" about weakness with sciatica, or about it worsening, needs a doctor within days', () => {
    const sciatica = { leg_nerve_symptoms: 'yes', pain_map: ['low_back_left', 'below_knee_left'] };
    expect(tierOf({ ...sciatica, leg_weakness: 'unsure', leg_weakness_worsening: 'no' })).toBe(
      'urgent_doctor',
    );
    expect(tierOf({ leg_weakness: 'yes', leg_weakness_worsening: 'unsure' })).toBe('urgent_doctor');
    expect(tierOf({ leg_weakness: 'unsure', leg_weakness_worsening: 'yes' })).toBe('emergency');
  });
});

describe('HAZ-04 a fragility fracture is missed', () => {
  it('HAZ-04: an 80-year-old with sudden pain lifting a bag, and steroids with a sudden bend, are urgent', () => {
    expect(tierOf({ age: 80, sex: 'female', onset: 'sudden_movement' })).toBe('urgent_doctor');
    expect(tierOf({ age: 45, bone_health: ['steroids'], onset: 'sudden_movement' })).toBe(
      'urgent_doctor',
    );
    expect(firedOf({ age: 80, sex: 'female', onset: 'sudden_movement' })).toContain(
      'fragility_fracture',
    );
  });
});

describe('HAZ-04b a bone injury warning sign leaves the ranking unchanged', () => {
  it('HAZ-04: a fired bone-injury warning sign raises bone overload as a weak link, and says why', () => {
    const given = { age: 80, sex: 'female', onset: 'sudden_movement' } as const;
    const result = assess(kb, screened(given));
    const bone = result.contributors.find((c) => c.id === 'bone_stress');
    const step = bone?.explanation.find((e) => e.questionId === 'fragility_fracture');
    expect(step?.factor).toBeGreaterThan(1);
    expect(step?.question).toMatch(/warning sign of a bone injury/);
    const calm = assess(kb, screened({ age: 40, sex: 'female', onset: 'sudden_movement' }));
    expect(bone?.probability).toBeGreaterThan(
      calm.contributors.find((c) => c.id === 'bone_stress')?.probability ?? 1,
    );
    // Several signs of a non-mechanical cause raise "no single mechanical weak link" once, not each.
    const many = assess(
      kb,
      screened({
        cancer_history: 'yes',
        weight_loss: 'yes',
        night_pain: 'yes',
        night_pain_unrelieved: 'yes',
      }),
    );
    const nonspecific = many.contributors.find((c) => c.id === 'nonspecific');
    expect(
      nonspecific?.explanation.filter((e) => /non-mechanical cause/.test(e.question)),
    ).toHaveLength(1);
  });
});

describe('HAZ-05 a femoral neck stress fracture is missed or provoked', () => {
  it('HAZ-05: groin pain with a load spike and worsening pain is urgent even when walking is normal', () => {
    expect(
      tierOf({
        groin_pain: 'yes',
        weight_bearing: 'normal',
        weekly_change: 'up_large',
        trend: 'worse',
      }),
    ).toBe('urgent_doctor');
    expect(assess(kb, screened({ groin_pain: 'yes', trend: 'worse' })).triage.serious).toContain(
      'femoral_neck_stress_fracture',
    );
    expect(tierOf({ groin_pain: 'yes', weight_bearing: 'limp' })).toBe('emergency');
  });

  it('HAZ-05: never asks for a hop when the groin hurts', () => {
    const run = runInterview(
      kb,
      (q) => screened({ groin_pain: 'yes' })[q.id] ?? (q.type === 'yes_no' ? 'no' : undefined),
      { mode: 'full' },
    );
    expect(run.questionsAsked).toContain('groin_pain');
    expect(run.questionsAsked).not.toContain('hop_pain');
  });
});

describe('HAZ-06 a young athlete’s pars stress injury is missed', () => {
  it('HAZ-06: a 15-year-old jumper with ten days of pain on arching is urgent and gets no plan', () => {
    const answers = screened({
      age: 15,
      sex: 'female',
      duration: 'weeks_1_6',
      arching_pain_young: 'yes',
    });
    const result = assess(kb, answers);
    expect(result.triage.tier).toBe('urgent_doctor');
    expect(generatePlan(kb, result, answers).kind).toBe('no_plan');
  });

  it('HAZ-06: a "no" to the arching question does not lower the suspicion of bone stress', () => {
    const base = screened({ age: 17, sex: 'male', arching_pain_young: 'no' });
    const without = { ...base };
    delete without.arching_pain_young;
    const p = (a: Record<string, AnswerValue>) =>
      assess(kb, a).contributors.find((c) => c.id === 'bone_stress')?.probability;
    expect(p(base)).toBe(p(without));
  });

  it('HAZ-06: a young runner with arching pain for under a week still sees a clinician, with no running increase', () => {
    const answers = screened({ age: 19, duration: 'under_1_week', worse_with: ['arching_back'] });
    const result = assess(kb, answers);
    expect(result.triage.tier).toBe('see_clinician');
    const plan = generatePlan(kb, result, answers);
    expect(plan.kind === 'plan' && plan.runningMode).toBe('no_running');
  });
});

describe('HAZ-07 children are handled as adults', () => {
  it('HAZ-07: a 12-year-old with night pain is urgent; a 10-year-old with a limp is urgent', () => {
    expect(tierOf({ age: 12, sex: 'female', night_pain: 'yes', night_pain_unrelieved: 'no' })).toBe(
      'urgent_doctor',
    );
    expect(tierOf({ age: 10, weight_bearing: 'limp' })).toBe('urgent_doctor');
  });

  it('HAZ-07: a child with no warning sign sees a clinician and gets no self-care plan', () => {
    const answers = screened({ age: 13 });
    const result = assess(kb, answers);
    expect(result.triage.tier).toBe('see_clinician');
    expect(generatePlan(kb, result, answers).kind).toBe('no_plan');
  });

  it('HAZ-07: children are not asked about sexual function, and periods may not have started', () => {
    const child = screened({ age: 12, sex: 'female' });
    expect(child.sexual_dysfunction).toBeUndefined();
    const periods = kb.questions.find((q) => q.id === 'periods');
    expect(periods?.options?.map((o) => o.id)).toContain('not_started');
  });
});

describe('HAZ-08 minor warning signs never add up', () => {
  it('HAZ-08: a 68-year-old smoker with constant pain that nothing eases is urgent', () => {
    expect(
      tierOf({ age: 68, smoker: 'current', constant_pain: 'yes', eased_by: ['nothing'] }),
    ).toBe('urgent_doctor');
  });

  it('HAZ-08: two minor signs reach a clinician and the runner is told which', () => {
    const result = assess(kb, screened({ age: 55, infection_risks: ['diabetes'] }));
    expect(result.triage.tier).toBe('see_clinician');
    const reason = result.triage.reasons.find((r) => r.id === 'concern_two_minor_flags');
    expect(reason?.reason).toContain('age over 50');
    expect(reason?.reason).toContain('diabetes');
  });

  it('HAZ-08: an older runner getting worse after six weeks is urgent whatever the onset', () => {
    expect(
      tierOf({ age: 58, duration: 'weeks_6_12', trend: 'worse', onset: 'sudden_movement' }),
    ).toBe('urgent_doctor');
  });

  it('HAZ-08: a recent spinal injection or diabetes with feeling unwell is an emergency', () => {
    expect(tierOf({ infection_risks: ['diabetes'], feel_unwell: 'yes' })).toBe('emergency');
    expect(tierOf({ infection_risks: ['recent_spinal_procedure'], feel_unwell: 'yes' })).toBe(
      'emergency',
    );
  });
});

describe('HAZ-09 cancer, spondyloarthritis and aneurysm are missed', () => {
  it('HAZ-09: the cancer question covers a cancer that was diagnosed and is being watched', () => {
    const q = kb.questions.find((x) => x.id === 'cancer_history');
    expect(q?.text).toMatch(/diagnosed/);
    expect(q?.text).toMatch(/watched/);
    expect(tierOf({ cancer_history: 'yes' })).toBe('urgent_doctor');
  });

  it('HAZ-09: five of five ASAS features refer to a clinician for spondyloarthritis', () => {
    const result = assess(
      kb,
      screened({
        age: 28,
        duration: 'over_3_months',
        age_back_pain_began: 25,
        inflammatory_features: [
          'insidious_onset',
          'better_with_exercise',
          'not_better_with_rest',
          'wakes_second_half_night',
        ],
      }),
    );
    expect(result.triage.tier).toBe('see_clinician');
    expect(result.triage.serious).toContain('inflammatory_axspa');
  });

  it('HAZ-09: the age when back pain began counts, not today’s age', () => {
    const given = {
      age: 50,
      duration: 'over_3_months',
      inflammatory_features: ['better_with_exercise', 'nsaid_relief'],
      inflammatory_history: ['psoriasis'],
    };
    expect(assess(kb, screened({ ...given, age_back_pain_began: 30 })).triage.serious).toContain(
      'inflammatory_axspa',
    );
    expect(
      assess(kb, screened({ ...given, age_back_pain_began: 48 })).triage.serious,
    ).not.toContain('inflammatory_axspa');
  });

  it('HAZ-09: sudden severe pain with faintness, or over 50, is an emergency', () => {
    expect(tierOf({ sudden_severe_pain: 'yes', faint_or_collapse: 'yes' })).toBe('emergency');
    expect(
      tierOf({
        age: 70,
        smoker: 'ex',
        duration: 'under_1_week',
        sudden_severe_pain: 'yes',
        faint_or_collapse: 'no',
      }),
    ).toBe('emergency');
  });
});

describe('HAZ-10 over-triage from wording', () => {
  it('HAZ-10: a young lifter’s sudden pain without faintness is not an emergency, and the question excludes lifts', () => {
    expect(tierOf({ age: 24, sudden_severe_pain: 'yes', faint_or_collapse: 'no' })).toBe(
      'urgent_doctor',
    );
    expect(kb.questions.find((q) => q.id === 'sudden_severe_pain')?.text).toMatch(
      /not during a lift/,
    );
  });

  it('HAZ-10: the both-legs and bladder questions exclude post-race soreness and leaking since childbirth', () => {
    expect(kb.questions.find((q) => q.id === 'both_legs')?.help).toMatch(/soreness/);
    expect(kb.questions.find((q) => q.id === 'bladder_change')?.help).toMatch(/childbirth/);
  });

  it('HAZ-10: pregnancy and the year after birth get a pelvic-health referral and no generic plan', () => {
    for (const pregnancy of ['pregnant', 'postpartum']) {
      const answers = screened({
        age: 31,
        sex: 'female',
        pregnancy,
        postpartum_pelvic_floor: 'no',
      });
      const result = assess(kb, answers);
      expect(result.triage.tier).toBe('see_clinician');
      const plan = generatePlan(kb, result, answers);
      expect(plan.kind).toBe('no_plan');
      expect(plan.kind === 'no_plan' && plan.reason).toMatch(/pelvic-health physiotherapist/);
    }
  });

  it('HAZ-10: leaking since childbirth goes to a pelvic-health physiotherapist, not the emergency department', () => {
    const result = assess(
      kb,
      screened({ age: 33, sex: 'female', pregnancy: 'postpartum', postpartum_pelvic_floor: 'yes' }),
    );
    expect(result.triage.tier).toBe('see_clinician');
    expect(result.triage.reasons.map((r) => r.id)).toContain('postpartum_pelvic_floor');
  });
});

describe('HAZ-11 a runner who needs a clinician is sent to self-care', () => {
  it.each([
    [{ duration: 'over_3_months', trend: 'better' }, 'persistent_not_improving'],
    [{ duration: 'weeks_6_12', trend: 'same' }, 'persistent_not_improving'],
    [{ trend: 'worse', duration: 'under_1_week' }, 'worsening'],
    [{ run_pattern: 'not_running', duration: 'weeks_1_6' }, 'stopped_running'],
    [{ groin_pain: 'yes' }, 'groin_hip_pattern'],
    [{ hip_joint_signs: 'yes' }, 'groin_hip_pattern'],
    [{ walking_leg_pain_sitting_eases: 'yes' }, 'walking_leg_pain'],
    [{ sb_fear: 'yes' }, 'fear_of_movement'],
    [{ age: 30, sex: 'female', pregnancy: 'pregnant' }, 'pregnancy_or_postpartum'],
  ] as [Record<string, AnswerValue>, string][])(
    'HAZ-11: %o books a clinician (%s)',
    (given, rule) => {
      const result = assess(kb, screened(given));
      expect(result.triage.tier === 'see_clinician' || result.triage.tier === 'urgent_doctor').toBe(
        true,
      );
      expect(result.triage.reasons.map((r) => r.id)).toContain(rule);
    },
  );

  it('HAZ-11: STarT Back medium or high risk books a clinician', () => {
    const medium = screened({
      sb_leg_spread: 'yes',
      sb_other_pain: 'yes',
      sb_walk_short: 'yes',
      sb_dress_slow: 'yes',
      sb_fear: 'no',
      sb_worry: 'no',
      sb_catastrophising: 'no',
      sb_low_mood: 'no',
      sb_bothersome: 'slightly',
    });
    const result = assess(kb, medium);
    expect(result.risk.level).toBe('medium');
    expect(result.triage.reasons.map((r) => r.id)).toContain('medium_risk_screen');
  });
});

describe('HAZ-12 raw ids reach a runner', () => {
  it('HAZ-12: no reason or action shown to a runner contains a question id or a source id', () => {
    const ids = new Set([...kb.questions.map((q) => q.id), ...kb.sources.map((s) => s.id)]);
    const texts = [
      ...kb.redFlags.flatMap((f) => [f.reason, f.action, f.name]),
      ...kb.triageRules.flatMap((t) => [t.reason, t.action]),
      ...kb.minorFlags.map((m) => m.label),
      ...kb.questions.flatMap((q) => [
        q.text,
        q.help ?? '',
        q.topic ?? '',
        ...(q.options ?? []).map((o) => o.label),
      ]),
    ];
    for (const text of texts)
      for (const word of text.split(/[^a-z0-9_-]+/))
        if (word.includes('_') || /^[a-z]+-\d{4}$/.test(word))
          expect(ids.has(word), `${word} in "${text}"`).toBe(false);
    const unsure = assess(
      kb,
      screened({ hop_pain: 'unsure', night_pain: 'unsure', night_pain_unrelieved: 'no' }),
    );
    const reason = unsure.triage.reasons.find((r) => r.id === 'unsure_warning_signs')?.reason ?? '';
    expect(reason).toContain('pain on hopping');
    expect(reason).not.toContain('hop_pain');
  });

  it('HAZ-12: sources are named by author and year or by their body, never by id or with reviewers’ notes', () => {
    const ids = [...kb.sources.map((x) => x.id), ...kb.seedClaims.map((c) => c.id)];
    for (const id of ids) {
      const name = shortCitation(kb, id);
      expect(name, id).not.toBe(id);
      expect(name, id).not.toMatch(/^S\d-\d\d$|not verified|not captured|\b[a-z]+-\d{4}\b/);
    }
    expect(shortCitation(kb, 'finucane-2020')).toBe('Finucane 2020');
    for (const source of kb.sources)
      expect(source.citation, source.id).not.toMatch(/not verified|not captured|recalled/);
  });
});
