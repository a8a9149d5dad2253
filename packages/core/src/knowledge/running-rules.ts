/**
 * Running modifications: form cues, cadence, hills, load, rest and shoes, and
 * the graded return-to-run progression. Each rule says which contributors it
 * addresses, how strong its evidence is, and where it comes from. The plan
 * generator picks the rules whose targets are suspected.
 */
import { z } from 'zod';
import { ZBasis, ZContributorId, ZSourceId } from './schema.js';

/** A running modification shown in the plan. */
export const ZRunningRule = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  category: z.enum(['form', 'cadence', 'hills', 'load', 'rest', 'shoes']),
  title: z.string().min(5),
  /** What to do, in plain language. */
  text: z.string().min(20),
  /** Honest statement of the evidence and its limits. */
  evidence: z.string().min(20),
  /** Contributors this rule addresses; empty = shown to every runner with a plan. */
  targets: z.array(ZContributorId),
  basis: ZBasis,
  sources: z.array(ZSourceId).min(1),
});
export type RunningRule = z.infer<typeof ZRunningRule>;

/** Numbers the plan generator uses for running load, each with its source. */
export const LOAD_LIMITS = {
  /** No single run more than this fraction longer than the longest run of the last 30 days (Frandsen 2025). */
  longRunSpikeMax: 0.1,
  /** Soft guide for week-to-week increases; a trial found no injury benefit of the 10% rule (Buist 2008). */
  weeklyIncreaseSoft: 0.1,
  /** Progressions over 30% in two weeks were linked to distance-related injuries (Nielsen 2014, HR 1.59). */
  twoWeekIncreaseCeiling: 0.3,
  /** Cadence increase range studied (Heiderscheit 2011: +5% and +10%). */
  cadenceIncreaseMin: 0.05,
  cadenceIncreaseMax: 0.1,
  sources: ['frandsen-2025', 'buist-2008', 'nielsen-2014', 'heiderscheit-2011'],
} as const;

/** Pain-monitoring thresholds (Silbernagel 2007): pain during activity on 0–10. */
export const PAIN_MONITORING = {
  /** Pain during activity up to this is treated as safe. */
  safeMax: 2,
  /** Up to this is acceptable; above it the load was too much. */
  acceptableMax: 5,
  /**
   * Next-morning pain more than this above the runner's own baseline means step
   * back. The baseline is their `pain_now` answer, else their first morning check-in.
   */
  morningRiseMax: 0,
  sources: ['silbernagel-2007'],
  note: 'Validated in Achilles tendinopathy, not back pain; never used when a bone stress injury is suspected, where running must be pain-free.',
} as const;

/** Every running modification. */
export const RUNNING_RULES: z.input<typeof ZRunningRule>[] = [
  {
    id: 'posture_tall',
    category: 'form',
    title: 'Run tall and relaxed',
    text: 'Keep your head up, eyes on the path ahead, and your trunk upright with the hips under the shoulders, not folded forward at the waist. Let the shoulders drop away from the ears and keep the hands loose, as if holding a crisp without breaking it.',
    evidence:
      'Clinic articles link poor posture and braced upper bodies to back pain; no trial shows that posture cues treat back pain in runners.',
    targets: ['running_form', 'upper_body_tension', 'core_weakness'],
    basis: 'seed',
    sources: ['S2-01', 'S2-02', 'S0-17'],
  },
  {
    id: 'feet_under_body',
    category: 'form',
    title: 'Land with your feet under you',
    text: 'Aim for each foot to land close to under your hips rather than reaching far out in front with a straight knee. Think "quick, light steps" instead of long strides.',
    evidence:
      'Overstriding raises braking forces; shorter, quicker steps reduce them (lab data). The link to back pain is reasoned, not proven.',
    targets: ['running_form', 'si_joint', 'glute_hip_weakness'],
    basis: 'seed',
    sources: ['S2-03', 'heiderscheit-2011'],
  },
  {
    id: 'less_rotation',
    category: 'form',
    title: 'Keep the twist out of your trunk',
    text: 'Swing the arms forward and back beside the body, not across it, with elbows bent at about 90 degrees. The chest points forward; the hips do the work.',
    evidence:
      'Named by the clinic articles as a cause of back pain in runners; no trial has tested arm-swing cues for back pain.',
    targets: ['running_form', 'core_weakness', 'upper_body_tension'],
    basis: 'seed',
    sources: ['S0-15', 'S0-17'],
  },
  {
    id: 'cadence_plus_5',
    category: 'cadence',
    title: 'Try a slightly quicker step rate',
    text: 'Count your steps for 30 seconds on an easy run and double it; then run to a metronome 5% faster (no more than 10%), for a few minutes at a time at first. Keep the speed the same: the steps get shorter, not faster.',
    evidence:
      'A 5–10% higher step rate reduced knee and hip loading in healthy runners on a treadmill (Heiderscheit 2011). No trial shows that a higher cadence treats back pain, and changing form takes weeks to feel natural.',
    targets: ['running_form', 'glute_hip_weakness'],
    basis: 'study',
    sources: ['heiderscheit-2011', 'S2-04'],
  },
  {
    id: 'hills_out_two_weeks',
    category: 'hills',
    title: 'Leave hills out for two weeks and compare',
    text: 'Run only flat routes for two weeks and note your pain in the check-ins. If the back is clearly better, bring hills back gradually: short, gentle uphills first, downhills last.',
    evidence:
      'A clinic article advises this trial. The lower back arches most when running downhill and least uphill (lab study of 20 runners); whether avoiding hills helps back pain has not been tested.',
    targets: ['hill_running', 'facet_joint_irritation', 'running_form'],
    basis: 'seed',
    sources: ['S4-08', 'levine-2007'],
  },
  {
    id: 'downhill_caution',
    category: 'hills',
    title: 'Go easy downhill',
    text: 'If arching the back is what hurts, walk or shorten your steps on descents, and avoid long or steep downhill stretches early on.',
    evidence:
      'Downhill running increases lumbar extension (Levine 2007, lab study); extension-sensitive pain is the reason for caution.',
    targets: ['facet_joint_irritation', 'hill_running'],
    basis: 'study',
    sources: ['levine-2007'],
  },
  {
    id: 'long_run_cap',
    category: 'load',
    title: 'Keep every run within 10% of your recent longest',
    text: 'Do not make any single run more than about 10% longer than the longest run you have done in the last 30 days.',
    evidence:
      'In 5,205 runners, single runs more than 10% longer than the 30-day longest raised the rate of overuse injury (Frandsen 2025). This is the best-supported load rule we have.',
    targets: [],
    basis: 'study',
    sources: ['frandsen-2025'],
  },
  {
    id: 'weekly_build_soft',
    category: 'load',
    title: 'Build weekly distance gently',
    text: 'Raise weekly distance by roughly 10% or less, and hold it steady every third or fourth week. Treat this as a guide, not a law: how your back responds next morning matters more.',
    evidence:
      'A trial of the 10% rule found no fewer injuries (Buist 2008), but increases over 30% in two weeks were linked to more distance-related injuries (Nielsen 2014). The acute:chronic ratio is not used: its evidence is disputed (Impellizzeri 2021).',
    targets: ['training_load_error'],
    basis: 'study',
    sources: ['buist-2008', 'nielsen-2014', 'impellizzeri-2021', 'S2-10'],
  },
  {
    id: 'active_rest',
    category: 'rest',
    title: 'Rest without stopping everything',
    text: 'On days you do not run, walk briskly for 20–30 minutes and do your exercises. Complete bed rest slows recovery; staying active speeds it.',
    evidence:
      'NICE advises staying active and continuing normal activities; the clinic articles advise short walks and stretching instead of full rest.',
    targets: [],
    basis: 'guideline',
    sources: ['nice-ng59', 'S2-11', 'S1-02'],
  },
  {
    id: 'shoe_check',
    category: 'shoes',
    title: 'Check your shoes by feel and wear, not only by distance',
    text: 'Replace a pair when the midsole is visibly squashed or creased, the heel leans when the shoe is on a table, or they no longer feel supportive. Change to a very different type of shoe gradually.',
    evidence:
      'The common 500–800 km replacement figure rests on old machine-wear tests (Cook 1985); no study links shoe mileage to back pain or injury. Insoles are not advised: NICE recommends against foot orthotics for low back pain, and trials found no clear benefit (Sahar 2009).',
    targets: ['footwear'],
    basis: 'study',
    sources: ['cook-1985', 'kong-2009', 'sahar-2009', 'nice-ng59', 'S2-08', 'S2-09'],
  },
  {
    id: 'same_direction_switch',
    category: 'form',
    title: 'Share the bends between both sides',
    text: 'On a track or loop, alternate direction between sessions (or within a session if allowed), and on cambered roads switch sides when it is safe.',
    evidence:
      'Running always the same way loads one side more; this is a reasoned step for one-sided pain, not a tested treatment.',
    targets: ['stride_asymmetry'],
    basis: 'expert-estimate',
    sources: ['S0-13', 'maselli-table-8'],
  },
];

/** A phase of the walk/run return-to-run progression. */
export interface ReturnToRunPhase {
  phase: number;
  /** Minutes of walking and running per repeat. */
  walkMinutes: number;
  runMinutes: number;
  repeats: number;
  /** Which part of the phase comes from a source and which is the project's own. */
  basis: 'expert-estimate';
  note: string;
  sources: string[];
}

/** A condition to meet before walk/run starts, and how the plan checks it. */
export interface ReturnToRunCriterion {
  text: string;
  /** `check-ins`: the plan checks it from a walking week's check-ins; `runner`: the runner checks it. */
  checkedBy: 'check-ins' | 'runner';
  basis: 'expert-estimate';
  sources: string[];
}

/**
 * Graded walk/run return to running. The splits of phases 1 and 3 and the
 * continuous run at the end follow the military trial's protocol (which is
 * counted in miles, not minutes); session lengths and the splits of phases 4
 * and 5 are the project's own, chosen so that each phase changes one thing:
 * the session's length, or the walk/run split at the same length. The rebuild
 * order (frequency, then duration, then intensity) is consensus, not trial
 * evidence. Walk/run starts only after a walking week that meets the start
 * criteria (`PLAN_RULES.returnToRunRestPainMax`).
 */
export const RETURN_TO_RUN = {
  startCriteria: [
    {
      text: 'A brisk 30-minute walk without pain',
      checkedBy: 'check-ins',
      basis: 'expert-estimate',
      sources: ['return-to-run-readiness', 'return-to-run-day-plan'],
    },
    {
      text: 'Pain at rest and on waking no more than 2 out of 10',
      checkedBy: 'check-ins',
      basis: 'expert-estimate',
      sources: ['return-to-run-readiness'],
    },
    {
      text: 'Ten single-leg hops on each side without pain (skip this test, and do not run, if a doctor has told you not to hop)',
      checkedBy: 'runner',
      basis: 'expert-estimate',
      sources: ['return-to-run-readiness'],
    },
    {
      text: 'Ten single-leg squats on each side and one minute of jogging on the spot without pain',
      checkedBy: 'runner',
      basis: 'expert-estimate',
      sources: ['return-to-run-readiness'],
    },
  ] satisfies ReturnToRunCriterion[],
  rules: [
    'At least one rest day between run sessions',
    'Do each phase at least twice before moving on',
    'Move on only if there was no increase in pain during or after, and the next morning is no worse',
    'If pain rises, drop back one phase; flat routes only, easy effort (you can talk in full sentences)',
  ],
  phases: [
    {
      phase: 1,
      walkMinutes: 2,
      runMinutes: 3,
      repeats: 4,
      basis: 'expert-estimate',
      note: 'Walk 2 / run 3 is the trial’s first phase (done there over one mile); 20 minutes is the project’s own.',
      sources: ['return-to-run-trial-2023', 'backtrack-own'],
    },
    {
      phase: 2,
      walkMinutes: 2,
      runMinutes: 3,
      repeats: 6,
      basis: 'expert-estimate',
      note: 'Same split, longer session (30 minutes): the project’s own step.',
      sources: ['backtrack-own'],
    },
    {
      phase: 3,
      walkMinutes: 1,
      runMinutes: 4,
      repeats: 6,
      basis: 'expert-estimate',
      note: 'Walk 1 / run 4 is a later phase of the trial (done there over two miles); the 30 minutes are the project’s own.',
      sources: ['return-to-run-trial-2023', 'backtrack-own'],
    },
    {
      phase: 4,
      walkMinutes: 1,
      runMinutes: 9,
      repeats: 3,
      basis: 'expert-estimate',
      note: 'Longer running blocks at the same 30 minutes: the project’s own step.',
      sources: ['backtrack-own'],
    },
    {
      phase: 5,
      walkMinutes: 1,
      runMinutes: 14,
      repeats: 2,
      basis: 'expert-estimate',
      note: 'One walking break in 30 minutes: the project’s own step.',
      sources: ['backtrack-own'],
    },
    {
      phase: 6,
      walkMinutes: 0,
      runMinutes: 30,
      repeats: 1,
      basis: 'expert-estimate',
      note: 'The trial ends with continuous running; a clinic protocol builds to a 30-minute run.',
      sources: ['return-to-run-trial-2023', 'return-to-run-day-plan'],
    },
  ] satisfies ReturnToRunPhase[],
  sessionsPerPhaseMin: 2,
  basis: 'expert-estimate' as const,
  sources: [
    'return-to-run-trial-2023',
    'warden-2021',
    'return-to-run-readiness',
    'return-to-run-day-plan',
  ],
  note: 'Walk/run progressions are consensus: no controlled trial shows one protocol is better than another.',
};
