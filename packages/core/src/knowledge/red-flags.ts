/**
 * Red flags: rules over the runner's answers that set a minimum triage tier,
 * following the urgency table of clinical-evidence.md §1.8 (a synthesis of the
 * IFOMPT framework, BMJ Best Practice, NICE NG59/NG65 and the bone-stress
 * literature). Single flags have poor accuracy on their own (Finucane 2020),
 * so the rules deliberately over-triage: a missed emergency is a safety
 * failure, an extra referral is not.
 */
import type { z } from 'zod';
import type { Rule, ZRedFlag, ZTriageRule } from './schema.js';

const yes = (q: string): Rule => ({ q, test: { kind: 'is', value: 'yes' } });
const is = (q: string, value: string): Rule => ({ q, test: { kind: 'is', value } });
const has = (q: string, value: string): Rule => ({ q, test: { kind: 'includes', value } });
const hasAny = (q: string, values: string[]): Rule => ({
  q,
  test: { kind: 'includesAny', values },
});
const ageAtLeast = (min: number): Rule => ({ q: 'age', test: { kind: 'range', min } });
const ageUnder = (max: number): Rule => ({ q: 'age', test: { kind: 'range', max } });

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

/** Every red flag, most urgent first. */
export const RED_FLAGS: z.input<typeof ZRedFlag>[] = [
  // ── Cauda equina syndrome: trigger on the early features (evidence §1.1) ──
  {
    id: 'ces_saddle',
    name: 'Numbness in the saddle area',
    condition: 'cauda_equina',
    tier: 'emergency',
    rule: yes('saddle_numbness'),
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
    rule: { any: [yes('bladder_change'), yes('bowel_change')] },
    reason:
      'A new change in passing urine or controlling the bowels alongside back pain is an early warning sign of nerve compression at the base of the spine.',
    action:
      'Go to an emergency department now. Tell them about the back pain and the bladder or bowel change: it needs an MRI scan within hours.',
    basis: 'guideline',
    sources: ['bmj-bp-ces', 'sbns-bass-2018'],
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
    rule: { all: [yes('leg_weakness'), yes('leg_weakness_worsening')] },
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
    rule: yes('sudden_severe_pain'),
    reason:
      'Sudden, severe back or belly pain with faintness or sweating can come from the main artery in the abdomen (an aneurysm) and is life-threatening.',
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
        ]),
      ],
    },
    reason:
      'Feeling unwell with back pain when you inject drugs, have a weakened immune system, a recent spinal procedure or infection raises the chance of a spinal infection.',
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
        { any: [is('duration', 'weeks_6_12'), is('duration', 'over_3_months')] },
        { any: [is('trend', 'same'), is('trend', 'worse')] },
        { any: [is('onset', 'gradual'), is('onset', 'no_idea')] },
        { any: [yes('night_pain'), is('trend', 'worse')] },
      ],
    },
    reason:
      'New back pain after 50 that came on without a clear cause, is getting worse or wakes you, and has not improved over several weeks needs a doctor’s check.',
    action: 'See a doctor within a week or two and describe how the pain has behaved.',
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
            { any: [is('trauma', 'minor'), ageAtLeast(65)] },
          ],
        },
        { all: [is('trauma', 'minor'), ageAtLeast(65)] },
      ],
    },
    reason:
      'Long-term steroid tablets, known thin bones or older age make a small fall or lift enough to crack a vertebra.',
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
    rule: { all: [ageUnder(20), yes('arching_pain_young')] },
    reason:
      'In young athletes, low back pain brought on by arching backwards for more than two weeks is often a stress injury of the vertebra (spondylolysis), the cause of almost half of back pain in this group.',
    action:
      'Stop running, jumping and any arching sport, and see a sports doctor within a week or two. A negative one-leg arching test does not rule it out.',
    basis: 'study',
    sources: ['masci-2006', 'evidence-synthesis-1-8'],
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
        ageUnder(45),
        {
          atLeast: 3,
          of: [
            ageUnder(35),
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
    id: 'low_energy_availability',
    name: 'Signs of low energy availability (RED-S)',
    condition: 'red_s',
    tier: 'see_clinician',
    rule: {
      any: [
        is('periods', 'irregular_or_missed'),
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
      'Missed periods, restricted eating with tiredness, falling performance or low sex drive, or past stress fractures can mean your body is short of energy for the training you do (RED-S). It weakens bones and slows healing.',
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
      all: [
        { any: [is('duration', 'weeks_6_12'), is('duration', 'over_3_months')] },
        { any: [is('trend', 'same'), is('trend', 'worse')] },
      ],
    },
    reason: 'The pain has lasted more than six weeks without getting better.',
    action:
      'Book a physiotherapist within one to two weeks for an assessment; a plan tailored to the findings helps.',
    basis: 'guideline',
    sources: ['nice-ng59', 'S2-12'],
  },
  {
    id: 'worsening',
    tier: 'see_clinician',
    rule: {
      all: [
        is('trend', 'worse'),
        {
          any: [
            is('duration', 'weeks_1_6'),
            is('duration', 'weeks_6_12'),
            is('duration', 'over_3_months'),
          ],
        },
      ],
    },
    reason: 'The pain is getting worse rather than settling.',
    action: 'Book a physiotherapist or doctor within one to two weeks.',
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
];
