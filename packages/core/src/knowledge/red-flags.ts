/**
 * Red flags: rules over the runner's answers that set a minimum triage tier,
 * following the urgency table of the project's shared research notes, §1.8 (a synthesis of the
 * IFOMPT framework, BMJ Best Practice, NICE NG59/NG65 and the bone-stress
 * literature). Single flags have poor accuracy on their own (Finucane 2020),
 * so the rules deliberately over-triage: a missed emergency is a safety
 * failure, an extra referral is not.
 */
import type { z } from 'zod';
import type { Rule, ZMinorFlag, ZRedFlag, ZTriageRule } from './schema.js';

const yes = (q: string): Rule => ({ q, test: { kind: 'is', value: 'yes' } });
const is = (q: string, value: string): Rule => ({ q, test: { kind: 'is', value } });
const has = (q: string, value: string): Rule => ({ q, test: { kind: 'includes', value } });
const hasAny = (q: string, values: string[]): Rule => ({
  q,
  test: { kind: 'includesAny', values },
});
const ageAtLeast = (min: number): Rule => ({ q: 'age', test: { kind: 'range', min } });
const ageUnder = (max: number): Rule => ({ q: 'age', test: { kind: 'range', max } });
const oneOf = (q: string, values: string[]): Rule => ({ q, test: { kind: 'oneOf', values } });
const unsure = (q: string): Rule => ({ q, test: { kind: 'is', value: 'unsure' } });
/** Yes, or not sure: doubt that a clinician would not leave unresolved. */
const yesOrUnsure = (q: string): Rule => oneOf(q, ['yes', 'unsure']);
/** Back pain that began before `age`: the answer to when it began, or else today's age (which is later). */
const beganBefore = (age: number): Rule => ({
  any: [{ q: 'age_back_pain_began', test: { kind: 'range', max: age } }, ageUnder(age)],
});
/** A sudden onset with one movement or a minor fall, slip or lift: minor trauma relative to bone strength. */
const minorTrauma: Rule = { any: [is('trauma', 'minor'), is('onset', 'sudden_movement')] };
/** Pain made worse by arching backwards. */
const extensionPain: Rule = { any: [yes('arching_pain_young'), has('worse_with', 'arching_back')] };
/** A recent rise in running load. */
const loadSpike: Rule = {
  any: [
    oneOf('weekly_change', ['up_moderate', 'up_large']),
    oneOf('long_run_spike', ['up_10_30', 'up_30_plus']),
    hasAny('training_changes', ['more_runs', 'speed_work', 'back_after_break']),
  ],
};
/** Signs of low energy availability or poor bone health (RED-S). */
const energyOrBoneSigns: Rule = {
  any: [
    is('periods', 'irregular_or_missed'),
    yes('restricted_eating'),
    hasAny('low_energy_signs', ['fatigue', 'performance_drop', 'low_libido']),
    has('bone_health', 'previous_stress_fracture'),
  ],
};

/** Any nerve symptom that makes a history of cancer an emergency (evidence §1.2). */
const neuroSymptom: Rule = {
  any: [
    yes('leg_weakness'),
    yes('both_legs'),
    yes('saddle_numbness'),
    yes('bladder_change'),
    yes('bowel_change'),
    yes('leg_nerve_symptoms'),
  ],
};

const NG65_INFLAMMATORY_FEATURES = [
  'wakes_second_half_night',
  'alternating_buttock',
  'better_with_exercise',
  'nsaid_relief',
];
const NG65_HISTORY = ['psoriasis', 'arthritis', 'enthesitis', 'family_spondyloarthritis'];
const featureRules = (q: string, ids: string[]): Rule[] => ids.map((id) => has(q, id));

/**
 * Minor warning signs (the IFOMPT framework's risk factors and features,
 * Finucane 2020; fracture flags from Downie 2013; malignancy flags from
 * Henschke 2013; infection risks from Yusuf 2019). Each is weak alone; the
 * level-of-concern rules below count them. Age over 65 counts on top of age
 * over 50: it is the stronger fracture and malignancy flag.
 */
export const MINOR_FLAGS: z.input<typeof ZMinorFlag>[] = [
  {
    id: 'age_over_50',
    label: 'age over 50',
    rule: ageAtLeast(50),
    basis: 'guideline',
    sources: ['finucane-2020', 'henschke-2013'],
  },
  {
    id: 'age_over_65',
    label: 'age over 65',
    rule: ageAtLeast(65),
    basis: 'study',
    sources: ['downie-2013'],
  },
  {
    id: 'non_mechanical_pain',
    label: 'pain that never eases with rest or position',
    rule: { any: [yes('constant_pain'), has('eased_by', 'nothing'), yes('night_pain_unrelieved')] },
    basis: 'guideline',
    sources: ['finucane-2020', 'henschke-2013'],
  },
  {
    id: 'night_pain',
    label: 'pain that wakes you at night',
    rule: yes('night_pain'),
    basis: 'guideline',
    sources: ['henschke-2013'],
  },
  {
    id: 'thoracic_pain',
    label: 'pain in the middle or upper back',
    rule: yes('thoracic_pain'),
    basis: 'guideline',
    sources: ['henschke-2013', 'finucane-2020'],
  },
  {
    id: 'long_term_steroids',
    label: 'long-term steroid tablets',
    rule: has('bone_health', 'steroids'),
    basis: 'study',
    sources: ['downie-2013'],
  },
  {
    id: 'osteoporosis',
    label: 'osteoporosis or thin bones',
    rule: has('bone_health', 'osteoporosis'),
    basis: 'guideline',
    sources: ['downie-2013', 'finucane-2020'],
  },
  {
    id: 'smoking',
    label: 'smoking, over 50',
    rule: is('smoker', 'current'),
    basis: 'guideline',
    sources: ['finucane-2020', 'bmj-bp-aaa'],
  },
  {
    id: 'diabetes',
    label: 'diabetes',
    rule: has('infection_risks', 'diabetes'),
    basis: 'study',
    sources: ['yusuf-2019'],
  },
  {
    id: 'weakened_immunity',
    label: 'a weakened immune system or injected drugs',
    rule: hasAny('infection_risks', ['immunosuppressed', 'iv_drug_use']),
    basis: 'study',
    sources: ['yusuf-2019'],
  },
  {
    id: 'recent_procedure_or_infection',
    label: 'a recent spinal procedure or infection',
    rule: hasAny('infection_risks', ['recent_spinal_procedure', 'recent_infection']),
    basis: 'study',
    sources: ['yusuf-2019'],
  },
  {
    id: 'not_improving',
    label: 'new pain not improving after six weeks',
    rule: { all: [is('duration', 'weeks_6_12'), oneOf('trend', ['same', 'worse'])] },
    basis: 'guideline',
    sources: ['henschke-2013', 'finucane-2020'],
  },
  {
    id: 'feel_unwell',
    label: 'feeling generally unwell',
    rule: yes('feel_unwell'),
    basis: 'guideline',
    sources: ['finucane-2020'],
  },
  {
    id: 'cancer_history',
    label: 'a past or present cancer',
    rule: yes('cancer_history'),
    basis: 'study',
    sources: ['henschke-2013', 'downie-2013'],
  },
  {
    id: 'weight_loss',
    label: 'weight loss without trying',
    rule: yes('weight_loss'),
    basis: 'guideline',
    sources: ['henschke-2013'],
  },
];
const MINOR_FLAG_RULES: Rule[] = MINOR_FLAGS.map((f) => f.rule as Rule);

/** Every red flag, most urgent first. */
export const RED_FLAGS: z.input<typeof ZRedFlag>[] = [
  // ── Cauda equina syndrome: trigger on the early features (evidence §1.1) ──
  {
    id: 'ces_saddle',
    name: 'Numbness in the saddle area',
    condition: 'cauda_equina',
    tier: 'emergency',
    rule: { any: [yes('saddle_numbness'), yes('saddle_wiping')] },
    reason:
      'New numbness or altered feeling around the bottom or genitals can mean the nerves at the base of the spine are being squeezed.',
    action:
      'Go to an emergency department now and say you have back pain with saddle numbness. This needs an MRI scan within hours. Do not wait to see if it settles.',
    basis: 'guideline',
    sources: ['bmj-bp-ces', 'sbns-bass-2018', 'finucane-2020'],
  },
  {
    id: 'ces_bladder_bowel',
    name: 'New bladder or bowel change',
    condition: 'cauda_equina',
    tier: 'emergency',
    rule: {
      any: [
        yes('bladder_change'),
        yes('bowel_change'),
        hasAny('bladder_detail', [
          'difficulty_starting',
          'weak_stream',
          'not_emptying',
          'no_sensation',
        ]),
      ],
    },
    reason:
      'A new change in passing urine or controlling the bowels alongside back pain is an early warning sign of nerve compression at the base of the spine.',
    action:
      'Go to an emergency department now. Tell them about the back pain and the bladder or bowel change: it needs an MRI scan within hours.',
    basis: 'guideline',
    sources: ['bmj-bp-ces', 'sbns-bass-2018'],
  },
  {
    id: 'ces_doubt',
    name: 'Doubt about a cauda equina warning sign',
    condition: 'cauda_equina',
    tier: 'emergency',
    rule: {
      any: [
        { all: [unsure('saddle_numbness'), unsure('saddle_wiping')] },
        { all: [unsure('bladder_change'), has('bladder_detail', 'unsure')] },
        unsure('bowel_change'),
        unsure('sexual_dysfunction'),
        unsure('both_legs'),
      ],
    },
    reason:
      'You were not sure about one of the signs that the nerves at the base of the spine are being squeezed (feeling around the saddle area, the bladder, the bowels, sexual function, or both legs). These signs are easy to miss and the harm of waiting is permanent, so doubt is treated as a yes until a clinician has checked.',
    action:
      'Get checked today, at an emergency department or an urgent same-day service. Say you have back pain and may have a change in feeling around the saddle area, the bladder or bowels, or both legs.',
    basis: 'guideline',
    sources: ['bmj-bp-ces', 'sbns-bass-2018', 'finucane-2020'],
  },
  {
    id: 'ces_sexual',
    name: 'New sexual dysfunction',
    condition: 'cauda_equina',
    tier: 'emergency',
    rule: yes('sexual_dysfunction'),
    reason:
      'A new change in sexual function with back pain can be a sign of nerve compression at the base of the spine.',
    action: 'Go to an emergency department now and ask to be checked for cauda equina syndrome.',
    basis: 'guideline',
    sources: ['bmj-bp-ces'],
  },
  {
    id: 'ces_bilateral',
    name: 'Symptoms in both legs',
    condition: 'cauda_equina',
    tier: 'emergency',
    rule: yes('both_legs'),
    reason:
      'Pain, numbness or weakness in both legs at once is an early feature of cauda equina syndrome; on its own it is not certain, but it must be checked the same day.',
    action:
      'Get emergency care today (an emergency department). Go at once if you also notice saddle numbness or any bladder or bowel change.',
    basis: 'guideline',
    sources: ['bmj-bp-ces', 'evidence-synthesis-1-8'],
  },
  {
    id: 'progressive_weakness',
    name: 'Worsening leg weakness',
    condition: 'nerve_root_compromise',
    tier: 'emergency',
    rule: { all: [yesOrUnsure('leg_weakness'), yes('leg_weakness_worsening')] },
    reason: 'Weakness in a leg that is getting worse means a nerve is under increasing pressure.',
    action: 'Get emergency care today: a doctor needs to examine the nerves of your legs.',
    basis: 'guideline',
    sources: ['bmj-bp-ces', 'evidence-synthesis-1-8'],
  },
  // ── Cancer with nerve symptoms (evidence §1.2) ──
  {
    id: 'cancer_neuro',
    name: 'History of cancer with nerve symptoms',
    condition: 'malignancy',
    tier: 'emergency',
    rule: { all: [yes('cancer_history'), neuroSymptom] },
    reason:
      'After cancer, new back pain with leg weakness, numbness or bladder or bowel change must be checked at once for pressure on the spinal cord.',
    action:
      'Go to an emergency department now, or call your cancer team’s urgent line, and describe the back pain and the nerve symptoms.',
    basis: 'guideline',
    sources: ['henschke-2013', 'downie-2013', 'evidence-synthesis-1-8'],
  },
  // ── Aneurysm (evidence §1.6) ──
  {
    id: 'aaa_sudden',
    name: 'Sudden severe tearing pain with faintness',
    condition: 'aaa',
    tier: 'emergency',
    rule: {
      any: [
        { all: [yesOrUnsure('sudden_severe_pain'), yesOrUnsure('faint_or_collapse')] },
        { all: [yes('sudden_severe_pain'), ageAtLeast(50), is('duration', 'under_1_week')] },
      ],
    },
    reason:
      'A sudden, severe back or belly pain without a strain to explain it, with faintness or collapse, or starting in the last few days after the age of 50, can come from the main artery in the abdomen (an aneurysm) and is life-threatening.',
    action: 'Call emergency services now (112, 999 or 911). Do not drive yourself.',
    basis: 'guideline',
    sources: ['bmj-bp-aaa', 'evidence-synthesis-1-8'],
  },
  {
    id: 'aaa_pulsating',
    name: 'Pulsating belly with back pain over 50',
    condition: 'aaa',
    tier: 'emergency',
    rule: { all: [ageAtLeast(50), yes('pulsating_abdomen')] },
    reason:
      'A strong pulsing in the belly with back pain, over the age of 50, can be a sign of an aneurysm of the main artery.',
    action:
      'Get emergency care now. Ask to be checked for an abdominal aortic aneurysm; tell them if you smoke or smoked and about any family history.',
    basis: 'guideline',
    sources: ['bmj-bp-aaa', 'evidence-synthesis-1-8'],
  },
  // ── Infection (evidence §1.3) ──
  {
    id: 'infection_fever',
    name: 'Fever with back pain',
    condition: 'infection',
    tier: 'emergency',
    rule: yes('fever'),
    reason: 'Fever, shivering or sweats with back pain can mean an infection in or near the spine.',
    action:
      'Get seen the same day in an emergency department or urgent care. Say you have back pain with a fever.',
    basis: 'guideline',
    sources: ['yusuf-2019', 'finucane-2020', 'evidence-synthesis-1-8'],
  },
  {
    id: 'infection_risk_unwell',
    name: 'Feeling unwell with an infection risk',
    condition: 'infection',
    tier: 'emergency',
    rule: {
      all: [
        yes('feel_unwell'),
        hasAny('infection_risks', [
          'iv_drug_use',
          'immunosuppressed',
          'recent_spinal_procedure',
          'recent_infection',
          'diabetes',
        ]),
      ],
    },
    reason:
      'Feeling unwell with back pain when you inject drugs, have diabetes or a weakened immune system, or had a recent spinal procedure or infection raises the chance of a spinal infection.',
    action: 'Get seen today in an emergency department or urgent care.',
    basis: 'guideline',
    sources: ['yusuf-2019', 'evidence-synthesis-1-8'],
  },
  // ── Fracture (evidence §1.4) ──
  {
    id: 'fracture_major_trauma',
    name: 'Back pain after major trauma',
    condition: 'spinal_fracture',
    tier: 'emergency',
    rule: is('trauma', 'major'),
    reason: 'Back pain after a major accident or fall may be a broken bone in the spine.',
    action:
      'Get emergency care now. Keep still if moving makes the pain much worse, and call emergency services if you cannot walk.',
    basis: 'guideline',
    sources: ['downie-2013', 'finucane-2020'],
  },
  // ── Femoral neck stress fracture (evidence §1.7) ──
  {
    id: 'femoral_neck_non_weight_bearing',
    name: 'Groin pain that stops you bearing weight',
    condition: 'femoral_neck_stress_fracture',
    tier: 'emergency',
    rule: {
      all: [
        yes('groin_pain'),
        { any: [is('weight_bearing', 'cannot'), is('weight_bearing', 'limp')] },
      ],
    },
    reason:
      'Groin or front-of-hip pain in a runner that makes you limp or unable to bear weight can be a stress fracture of the hip (femoral neck), which can break fully if loaded.',
    action:
      'Stop running and walking on it as much as you can. Get seen today in an emergency department for an X-ray and, if that is normal, an MRI.',
    basis: 'study',
    sources: ['robertson-wood-2017', 'evidence-synthesis-1-8'],
  },
  {
    id: 'femoral_neck_load',
    name: 'Groin pain with a rise in training, low energy or worsening pain',
    condition: 'femoral_neck_stress_fracture',
    tier: 'urgent_doctor',
    rule: {
      all: [
        yes('groin_pain'),
        { any: [loadSpike, energyOrBoneSigns, is('trend', 'worse'), yes('night_pain')] },
      ],
    },
    reason:
      'Groin or front-of-hip pain in a runner who has recently trained more, shows signs of low energy or weak bones, or whose pain is getting worse is typical of a hip (femoral neck) stress fracture until proved otherwise. Diagnosis is often late, and a fracture that displaces does badly.',
    action:
      'Stop running now and see a doctor within a day or two for an X-ray and, if that is normal, an MRI. Go the same day if walking starts to hurt or you limp. Do not test it by hopping.',
    basis: 'study',
    sources: ['robertson-wood-2017', 'mountjoy-2018', 'evidence-synthesis-1-8'],
  },
  {
    id: 'femoral_neck_hop',
    name: 'Groin pain with pain on hopping',
    condition: 'femoral_neck_stress_fracture',
    tier: 'urgent_doctor',
    rule: { all: [yes('groin_pain'), yes('hop_pain')] },
    reason:
      'Groin pain that hurts on hopping is a warning sign of a hip (femoral neck) stress fracture.',
    action:
      'Stop running now and see a doctor within a day or two for an X-ray or MRI. If walking becomes painful or you start to limp, go the same day.',
    basis: 'study',
    sources: ['robertson-wood-2017'],
  },
  // ── Urgent: cancer, fragility fracture, weakness, night pain (evidence §1.2, §1.4, §1.8) ──
  {
    id: 'cancer_history',
    name: 'History of cancer',
    condition: 'malignancy',
    tier: 'urgent_doctor',
    rule: yes('cancer_history'),
    reason:
      'A past cancer is the warning sign with the most consistent accuracy for cancer in the spine: new back pain after cancer should be checked by a doctor.',
    action:
      'See your doctor this week, and mention your cancer history. No running plan until a doctor has cleared you.',
    basis: 'study',
    sources: ['henschke-2013', 'downie-2013'],
  },
  {
    id: 'weight_loss',
    name: 'Unexplained weight loss',
    condition: 'malignancy',
    tier: 'urgent_doctor',
    rule: yes('weight_loss'),
    reason: 'Losing weight without trying, together with back pain, should be checked by a doctor.',
    action: 'See a doctor this week and mention both the weight loss and the back pain.',
    basis: 'guideline',
    sources: ['finucane-2020', 'henschke-2013'],
  },
  {
    id: 'night_pain_unrelieved',
    name: 'Night pain not eased by any position',
    condition: 'malignancy',
    tier: 'urgent_doctor',
    rule: { all: [yes('night_pain'), yes('night_pain_unrelieved')] },
    reason:
      'Pain at night that no position eases is not typical of a mechanical back problem and should be checked by a doctor.',
    action: 'See a doctor within a week. No running plan until you have been checked.',
    basis: 'guideline',
    sources: ['henschke-2013', 'evidence-synthesis-1-8'],
  },
  {
    id: 'older_not_improving',
    name: 'Over 50 with pain that is not improving',
    condition: 'malignancy',
    tier: 'urgent_doctor',
    rule: {
      all: [
        ageAtLeast(50),
        oneOf('duration', ['weeks_6_12', 'over_3_months']),
        is('trend', 'worse'),
      ],
    },
    reason:
      'Back pain after 50 that has lasted six weeks or more and is still getting worse needs a doctor’s check: in older people the usual mechanical causes settle, and the rare serious ones do not. (Pain over 50 that is simply not improving counts as a minor warning sign, together with any others.)',
    action: 'See a doctor within a week or two and describe how the pain has behaved.',
    basis: 'guideline',
    sources: ['henschke-2013', 'evidence-synthesis-1-8'],
  },
  {
    id: 'older_not_improving_watch',
    name: 'Over 50 with new pain not improving',
    condition: 'malignancy',
    tier: 'see_clinician',
    rule: {
      all: [ageAtLeast(50), is('duration', 'weeks_6_12'), oneOf('trend', ['same', 'worse'])],
    },
    reason:
      'New back pain after 50 that has not improved in six weeks is a reason for a clinician to look for the rare causes that do not settle, even when it behaves mechanically.',
    action:
      'Book a physiotherapist or doctor within one to two weeks, and see a doctor sooner if it wakes you, never eases, or you lose weight without trying.',
    basis: 'guideline',
    sources: ['henschke-2013', 'evidence-synthesis-1-8'],
  },
  {
    id: 'fragility_fracture',
    name: 'Risk of a fragility fracture',
    condition: 'spinal_fracture',
    tier: 'urgent_doctor',
    rule: {
      any: [
        {
          all: [
            hasAny('bone_health', ['steroids', 'osteoporosis']),
            { any: [minorTrauma, ageAtLeast(65)] },
          ],
        },
        { all: [minorTrauma, ageAtLeast(65)] },
      ],
    },
    reason:
      'Long-term steroid tablets, known thin bones or older age make a small fall, a lift or one sudden movement enough to crack a vertebra.',
    action:
      'See a doctor within a few days; an X-ray may be needed. Avoid running until you have been checked.',
    basis: 'study',
    sources: ['downie-2013'],
  },
  {
    id: 'leg_weakness',
    name: 'New leg weakness',
    condition: 'nerve_root_compromise',
    tier: 'urgent_doctor',
    rule: yes('leg_weakness'),
    reason:
      'New weakness in a leg or foot means a nerve root is not working properly and needs examining.',
    action:
      'See a doctor within a few days. Go the same day if it gets worse, spreads to the other leg, or your bladder or bowel changes.',
    basis: 'guideline',
    sources: ['nice-ng59', 'evidence-synthesis-1-8'],
  },
  {
    id: 'leg_weakness_doubt',
    name: 'Possible leg weakness',
    condition: 'nerve_root_compromise',
    tier: 'urgent_doctor',
    rule: { any: [unsure('leg_weakness'), unsure('leg_weakness_worsening')] },
    reason:
      'You were not sure whether a leg is weak, or whether a weakness is getting worse. Weakness from a squeezed nerve needs an examination to measure, and it should not be left to see if it settles.',
    action:
      'See a doctor or physiotherapist within a few days for a check of the strength and reflexes in your legs. Go the same day if the weakness clearly grows, spreads to the other leg, or your bladder, bowels or saddle area change.',
    basis: 'guideline',
    sources: ['nice-ng59', 'bmj-bp-ces', 'evidence-synthesis-1-8'],
  },
  {
    id: 'fever_doubt',
    name: 'Possible fever',
    condition: 'infection',
    tier: 'urgent_doctor',
    rule: unsure('fever'),
    reason:
      'You were not sure whether you have had a fever, shivers or sweats. With back pain, a fever can mean an infection, so it needs checking rather than guessing.',
    action:
      'Take your temperature if you can, and see a doctor within a day. Go the same day if it is 38 °C or more, or you feel unwell.',
    basis: 'guideline',
    sources: ['yusuf-2019', 'finucane-2020'],
  },
  {
    id: 'infection_unwell',
    name: 'Feeling unwell with back pain',
    condition: 'infection',
    tier: 'urgent_doctor',
    rule: yes('feel_unwell'),
    reason:
      'Feeling generally unwell with back pain is not typical of a running strain and should be checked.',
    action: 'See a doctor within a day or two; go the same day if you develop a fever.',
    basis: 'guideline',
    sources: ['yusuf-2019', 'finucane-2020'],
  },
  // ── Bone stress in the pelvis and spine (evidence §1.7) ──
  {
    id: 'bone_stress_hop',
    name: 'Pain on hopping',
    condition: 'bone_stress_injury',
    tier: 'urgent_doctor',
    rule: yes('hop_pain'),
    reason:
      'Pain on hopping can come from a stress reaction in the sacrum, pelvis or hip. These bone injuries need rest from running and imaging, not exercises.',
    action: 'Stop running and see a sports doctor within a few days; an MRI is the usual test.',
    basis: 'study',
    sources: ['fredericson-2003', 'johnson-2001', 'evidence-synthesis-1-8'],
  },
  {
    id: 'bone_stress_focal',
    name: 'A focal sore spot on the bone',
    condition: 'bone_stress_injury',
    tier: 'urgent_doctor',
    rule: yes('focal_bone_pain'),
    reason:
      'One small, sharply sore spot on the bone of the low back or pelvis can be a bone stress injury.',
    action: 'Stop running and see a sports doctor within a few days.',
    basis: 'study',
    sources: ['fredericson-2003', 'evidence-synthesis-1-8'],
  },
  {
    id: 'adolescent_extension',
    name: 'Young athlete with pain on arching back',
    condition: 'bone_stress_injury',
    tier: 'urgent_doctor',
    rule: {
      all: [
        ageUnder(20),
        extensionPain,
        oneOf('duration', ['weeks_1_6', 'weeks_6_12', 'over_3_months']),
      ],
    },
    reason:
      'In young athletes, low back pain brought on by arching backwards that has lasted more than a week or two is often a stress injury of the vertebra (spondylolysis), the cause of almost half of back pain in this group.',
    action:
      'Stop running, jumping and any arching sport, and see a sports doctor within a week. Until then, no backward-bending exercises and no increase in training. Swimming with a float between the legs or cycling is usually fine if pain-free.',
    basis: 'study',
    sources: ['masci-2006', 'evidence-synthesis-1-8'],
  },
  // ── Children under 16 (paediatric red flags: pch-paediatric-back-pain, nenc-paediatric-back-pain) ──
  {
    id: 'child_night_or_constant',
    name: 'A child with night pain or pain that never eases',
    condition: 'malignancy',
    tier: 'urgent_doctor',
    rule: {
      all: [ageUnder(16), { any: [yes('night_pain'), yes('constant_pain'), yes('weight_loss')] }],
    },
    reason:
      'In children, back pain that wakes them at night, never eases, or comes with weight loss is a warning sign: serious causes are rarer than in adults but more likely than in adult runners, and children’s guidelines ask for a prompt medical assessment.',
    action:
      'A parent or carer should take the child to a doctor within a day or two, and no running or training until then. Go the same day if there is a fever, the child is unwell, or walking changes.',
    basis: 'guideline',
    sources: ['pch-paediatric-back-pain', 'nenc-paediatric-back-pain'],
  },
  {
    id: 'child_unwell_or_limp',
    name: 'A child with a limp or feeling unwell',
    condition: 'infection',
    tier: 'urgent_doctor',
    rule: {
      all: [
        ageUnder(16),
        {
          any: [yes('feel_unwell'), oneOf('weight_bearing', ['limp', 'cannot'])],
        },
      ],
    },
    reason:
      'A child with back pain who limps, will not put weight on a leg, or feels unwell needs a doctor soon: in children these signs can come from an infection of the spine or hip.',
    action:
      'A parent or carer should take the child to a doctor today or tomorrow; go to an emergency department at once if there is a fever or the child cannot walk.',
    basis: 'guideline',
    sources: ['pch-paediatric-back-pain', 'nenc-paediatric-back-pain'],
  },
  // ── Routine referral: inflammatory back pain, energy deficiency (evidence §1.5, §1.7) ──
  {
    id: 'inflammatory_back_pain',
    name: 'Inflammatory pattern of back pain',
    condition: 'inflammatory_axspa',
    tier: 'see_clinician',
    rule: {
      all: [
        is('duration', 'over_3_months'),
        beganBefore(45),
        {
          atLeast: 3,
          of: [
            beganBefore(35),
            ...featureRules('inflammatory_features', NG65_INFLAMMATORY_FEATURES),
            ...featureRules('inflammatory_history', NG65_HISTORY),
            has('inflammatory_history', 'uveitis'),
            has('inflammatory_history', 'bowel_inflammation'),
          ],
        },
      ],
    },
    reason:
      'Long-standing back pain that began young with several inflammatory features (better with movement, night waking, buttock pain, response to anti-inflammatories, psoriasis, eye or joint inflammation, family history) fits the NICE referral criteria for spondyloarthritis.',
    action:
      'Book your GP within a few weeks and ask about referral to a rheumatologist for axial spondyloarthritis; bring this list of features. Exercise and running can continue.',
    basis: 'guideline',
    sources: ['nice-ng65', 'sieper-2009-asas'],
  },
  {
    id: 'asas_inflammatory_back_pain',
    name: 'Inflammatory back pain by the ASAS criteria',
    condition: 'inflammatory_axspa',
    tier: 'see_clinician',
    rule: {
      all: [
        is('duration', 'over_3_months'),
        {
          atLeast: 4,
          of: [
            beganBefore(40),
            { any: [has('inflammatory_features', 'insidious_onset'), is('onset', 'gradual')] },
            has('inflammatory_features', 'better_with_exercise'),
            has('inflammatory_features', 'not_better_with_rest'),
            has('inflammatory_features', 'wakes_second_half_night'),
          ],
        },
      ],
    },
    reason:
      'Back pain for more than three months with at least four of the five ASAS features (began before 40, crept up gradually, better with exercise, not better with rest, wakes you at night and eases on getting up) is classed as inflammatory back pain, which can be axial spondyloarthritis.',
    action:
      'Book your GP within a few weeks and ask whether a referral to a rheumatologist is needed; take this list with you. Keep running and exercising: movement helps this kind of pain.',
    basis: 'guideline',
    sources: ['sieper-2009-asas', 'nice-ng65'],
  },
  {
    id: 'low_energy_availability',
    name: 'Signs of low energy availability (RED-S)',
    condition: 'red_s',
    tier: 'see_clinician',
    rule: {
      any: [
        is('periods', 'irregular_or_missed'),
        { all: [is('periods', 'not_started'), ageAtLeast(15)] },
        {
          all: [
            yes('restricted_eating'),
            {
              any: [
                hasAny('low_energy_signs', [
                  'fatigue',
                  'performance_drop',
                  'low_libido',
                  'frequent_illness',
                ]),
                has('bone_health', 'previous_stress_fracture'),
              ],
            },
          ],
        },
        {
          all: [
            has('bone_health', 'previous_stress_fracture'),
            hasAny('low_energy_signs', ['fatigue', 'performance_drop', 'low_libido']),
          ],
        },
      ],
    },
    reason:
      'Missed periods, periods that have not started by 15, restricted eating with tiredness, falling performance or low sex drive, or past stress fractures can mean your body is short of energy for the training you do (RED-S). It weakens bones and slows healing.',
    action:
      'Book a sports doctor, and ideally a sports dietitian, within a few weeks. Keep training light until then and eat enough to fuel it.',
    basis: 'guideline',
    sources: ['mountjoy-2018', 'evidence-synthesis-1-8'],
  },
];

/**
 * Triage rules that are not red flags but call for a clinician: the runner is
 * safe to self-manage in the meantime.
 */
export const TRIAGE_RULES: z.input<typeof ZTriageRule>[] = [
  {
    id: 'nerve_root_pain',
    tier: 'see_clinician',
    rule: {
      all: [
        yes('leg_nerve_symptoms'),
        { any: [has('pain_map', 'below_knee_left'), has('pain_map', 'below_knee_right')] },
      ],
    },
    reason: 'Shooting or tingling pain below the knee suggests an irritated nerve root (sciatica).',
    action:
      'Book a physiotherapist or doctor within one to two weeks. Stay active within comfort. Go sooner if a leg becomes weak or numb, and to an emergency department at once if both legs, the saddle area, bladder or bowels are affected.',
    basis: 'guideline',
    sources: ['nice-ng59'],
  },
  {
    id: 'persistent_not_improving',
    tier: 'see_clinician',
    rule: {
      any: [
        is('duration', 'over_3_months'),
        { all: [is('duration', 'weeks_6_12'), oneOf('trend', ['same', 'worse'])] },
      ],
    },
    reason:
      'The pain has lasted more than three months, or more than six weeks without getting better. Pain that lasts this long deserves an assessment and a plan made for you.',
    action:
      'Book a physiotherapist within one to two weeks for an assessment; a plan tailored to the findings helps.',
    basis: 'guideline',
    sources: ['nice-ng59', 'S2-12'],
  },
  {
    id: 'worsening',
    tier: 'see_clinician',
    rule: is('trend', 'worse'),
    reason: 'The pain is getting worse rather than settling.',
    action:
      'Book a physiotherapist or doctor within one to two weeks, sooner if it keeps worsening, and answer the warning-sign questions again if anything new appears.',
    basis: 'expert-estimate',
    sources: ['finucane-2020', 'S1-08'],
  },
  {
    id: 'gait_changed_by_injury',
    tier: 'see_clinician',
    rule: yes('gait_changed'),
    reason:
      'Another injury has changed how you run. The back often hurts because it is compensating, and the injury driving it needs its own assessment.',
    action:
      'Book a sports physiotherapist within one to two weeks to assess the other injury and your gait; the back plan alone will not fix the cause.',
    basis: 'seed',
    sources: ['S3-03', 'S0-18'],
  },
  {
    id: 'medium_risk_screen',
    tier: 'see_clinician',
    rule: { q: '__risk_level', test: { kind: 'is', value: 'medium' } },
    reason:
      'Your answers to the risk questions put you in the middle group, where the pain is more likely to linger; in the trial behind this screen, this group did better with a course of physiotherapy.',
    action:
      'Book a physiotherapist within one to two weeks for an assessment and a guided exercise plan.',
    basis: 'study',
    sources: ['hill-2011', 'nice-ng59'],
  },
  {
    id: 'high_risk_screen',
    tier: 'see_clinician',
    rule: { q: '__risk_level', test: { kind: 'is', value: 'high' } },
    reason:
      'Your answers to the risk questions suggest a higher chance of the pain lasting; people in this group do better with more support from a clinician.',
    action:
      'Book a physiotherapist within one to two weeks; ask about a programme that combines exercise with help for worry and mood.',
    basis: 'study',
    sources: ['hill-2011', 'nice-ng59'],
  },
  {
    id: 'stopped_running',
    tier: 'see_clinician',
    rule: {
      all: [
        is('run_pattern', 'not_running'),
        oneOf('duration', ['weeks_1_6', 'weeks_6_12', 'over_3_months']),
      ],
    },
    reason:
      'The pain has stopped you running for a week or more. A physiotherapist can find out why and guide a safe return.',
    action:
      'Book a physiotherapist within one to two weeks. Walk and keep active within comfort meanwhile.',
    basis: 'expert-estimate',
    sources: ['nice-ng59', 'S2-12'],
  },
  {
    id: 'groin_hip_pattern',
    tier: 'see_clinician',
    rule: { any: [yesOrUnsure('groin_pain'), yes('hip_joint_signs')] },
    reason:
      'Pain in the groin or the front of the hip, or a stiff and sore hip, can come from the hip joint or a bone stress injury rather than from the back, and needs examining.',
    action:
      'Book a sports physiotherapist or doctor within one to two weeks. Until then, cut running back, never test the hip by hopping, and stop running and get seen within a day or two if walking starts to hurt.',
    basis: 'study',
    sources: ['robertson-wood-2017', 'evidence-synthesis-1-8'],
  },
  {
    id: 'fear_of_movement',
    tier: 'see_clinician',
    rule: yes('sb_fear'),
    reason:
      'You feel that being active is risky for your back. That belief is understandable, but it tends to keep pain going, and a clinician can help you move with confidence.',
    action:
      'Book a physiotherapist within one to two weeks and tell them about the worry; reassurance with guided exercise works better than rest.',
    basis: 'guideline',
    sources: ['hill-2011', 'nice-ng59'],
  },
  {
    id: 'under_16',
    tier: 'see_clinician',
    rule: ageUnder(16),
    reason:
      'Backtrack’s plans are written for adults and older teenagers. A child or young teenager with back pain should be seen by a doctor or physiotherapist, with a parent or carer, before following any exercise plan.',
    action:
      'A parent or carer should book a GP or children’s physiotherapist within one to two weeks. Go sooner if the pain wakes the child, never eases, or they limp or feel unwell.',
    basis: 'guideline',
    sources: ['pch-paediatric-back-pain', 'nenc-paediatric-back-pain'],
  },
  {
    id: 'young_extension_pain',
    tier: 'see_clinician',
    rule: {
      any: [
        { all: [ageUnder(20), extensionPain] },
        {
          all: [
            ageUnder(26),
            extensionPain,
            oneOf('duration', ['weeks_1_6', 'weeks_6_12', 'over_3_months']),
          ],
        },
      ],
    },
    reason:
      'In young runners, pain on arching backwards can be an early stress injury of a vertebra (spondylolysis). A negative arching test does not rule it out.',
    action:
      'Book a sports physiotherapist or doctor within one to two weeks. Meanwhile avoid backward-bending exercises, jumping and any increase in running.',
    basis: 'study',
    sources: ['masci-2006', 'aspetar-2014', 'evidence-synthesis-1-8'],
  },
  {
    id: 'sudden_severe_unexplained',
    tier: 'urgent_doctor',
    rule: yesOrUnsure('sudden_severe_pain'),
    reason:
      'A sudden, severe pain that no strain, lift or fall explains is not typical of a running back problem.',
    action:
      'See a doctor today or tomorrow. Call emergency services at once if you feel faint, sweaty or collapse, or the pain spreads to the belly or chest.',
    basis: 'guideline',
    sources: ['bmj-bp-aaa', 'finucane-2020'],
  },
  {
    id: 'pregnancy_or_postpartum',
    tier: 'see_clinician',
    rule: oneOf('pregnancy', ['pregnant', 'postpartum']),
    reason:
      'Back and pelvic pain in pregnancy and in the year after birth often comes from the pelvic joints (pelvic girdle pain) and the pelvic floor, which need their own assessment; running after birth is best rebuilt after a pelvic-health check, usually not before three months.',
    action:
      'Book a pelvic-health (women’s health) physiotherapist within one to two weeks. Tell your midwife or doctor at once about any bleeding, fluid loss, tummy pain or reduced baby movements.',
    basis: 'guideline',
    sources: ['vleeming-2008', 'goom-2019'],
  },
  {
    id: 'postpartum_pelvic_floor',
    tier: 'see_clinician',
    rule: yes('postpartum_pelvic_floor'),
    reason:
      'Leaking, heaviness or a tummy gap since pregnancy are signs of pelvic-floor or abdominal-wall weakness. They are common and treatable, and they are not the sudden bladder change of a nerve emergency.',
    action:
      'Book a pelvic-health physiotherapist within one to two weeks; a guided pelvic-floor programme comes before building up running.',
    basis: 'guideline',
    sources: ['goom-2019', 'vleeming-2008'],
  },
  {
    id: 'concern_two_minor_flags',
    tier: 'see_clinician',
    listsMinorFlags: true,
    rule: { atLeast: 2, of: MINOR_FLAG_RULES },
    reason:
      'Two minor warning signs are present. Each is common and weak on its own, but together they call for a clinician to look.',
    action:
      'Book a physiotherapist or doctor within one to two weeks and mention these signs. Get help sooner if another warning sign appears.',
    basis: 'guideline',
    sources: ['finucane-2020'],
  },
  {
    id: 'concern_three_minor_flags',
    tier: 'urgent_doctor',
    listsMinorFlags: true,
    rule: { atLeast: 3, of: MINOR_FLAG_RULES },
    reason:
      'Three or more minor warning signs are present. Together they raise enough concern about a serious cause (such as a fracture, an infection or a tumour) that a doctor should check before you follow a plan.',
    action:
      'See a doctor within a week and mention these signs. No running plan until you have been checked.',
    basis: 'guideline',
    sources: ['finucane-2020', 'downie-2013', 'henschke-2013'],
  },
  {
    id: 'walking_leg_pain',
    tier: 'see_clinician',
    rule: yes('walking_leg_pain_sitting_eases'),
    reason:
      'Leg pain that limits how far you can walk and eases when you sit or bend forward is the pattern of a narrowed spinal canal (spinal stenosis), which needs a clinician’s assessment rather than a running plan alone.',
    action:
      'Book a physiotherapist or doctor within one to two weeks. Go sooner if a leg becomes weak or numb, and at once if both legs, the saddle area, the bladder or the bowels are affected.',
    basis: 'guideline',
    sources: ['nice-ng59'],
  },
];
