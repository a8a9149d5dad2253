/**
 * The numbers the plan engine decides with: when a contributor counts as
 * suspected, how many check-ins a week needs before it moves up, how the
 * weekly level schedule runs, how a dose grows, and when running stops. They
 * used to be constants inside `plan/`; here each carries its basis and its
 * sources like every other record of the knowledge base, so a clinician can
 * review them in `docs/knowledge-base.md`. Where no study gives the number,
 * the basis is `expert-estimate` and the source is `backtrack-own`: the
 * project's own choice, said plainly.
 */
import { z } from 'zod';
import { ZBasis, ZSourceId } from './schema.js';

/** One number (or small list of numbers) of the plan engine, with where it comes from. */
export const ZPlanRule = z
  .object({
    id: z.string().regex(/^[a-zA-Z0-9]+$/),
    /** Short name for the review document. */
    title: z.string().min(5),
    value: z.union([z.number(), z.array(z.number()).min(1)]),
    /** Unit of `value`, in words (`probability`, `points on 0–10`, `check-ins`). */
    unit: z.string().min(1),
    /** What the engine does with it, in plain language. */
    text: z.string().min(20),
    basis: ZBasis,
    sources: z.array(ZSourceId).min(1),
  })
  .strict();
/** A validated plan rule. */
export type PlanRule = z.infer<typeof ZPlanRule>;

/** A plan rule as written below, before validation (read-only, without its id). */
interface PlanRuleData {
  readonly title: string;
  readonly value: number | readonly number[];
  readonly unit: string;
  readonly text: string;
  readonly basis: z.infer<typeof ZBasis>;
  readonly sources: readonly string[];
}

/**
 * Every plan-engine number, keyed by the name the engine uses. `as const`
 * keeps the values literal, so the engine reads `PLAN_RULES.x.value` with its
 * exact type; `loadKnowledgeBase` validates the same records through `ZPlanRule`.
 */
export const PLAN_RULES = {
  suspectedProbability: {
    title: 'A contributor counts as suspected',
    value: 0.3,
    unit: 'probability',
    text: 'From this probability on, a contributor is treated as suspected: the plan targets it and leaves out exercises it rules out. The cut-off is the project’s own; no study sets it.',
    basis: 'expert-estimate',
    sources: ['backtrack-own'],
  },
  boneStressSuspectedProbability: {
    title: 'Bone stress counts as suspected',
    value: 0.2,
    unit: 'probability',
    text: 'Bone stress is treated as suspected from a lower probability than other contributors, because a missed stress fracture can get much worse with more running. From here on: no running, no pain-guided adaptation, no impact exercises. The number is the project’s own.',
    basis: 'expert-estimate',
    sources: ['backtrack-own', 'robertson-wood-2017', 'bone-stress-pain-free'],
  },
  adherenceMin: {
    title: 'Sessions done before the plan moves up',
    value: 0.6,
    unit: 'fraction of planned sessions',
    text: 'When fewer than this share of the week’s planned sessions were done, the next week repeats the level instead of moving up. The share is the project’s own.',
    basis: 'expert-estimate',
    sources: ['backtrack-own'],
  },
  minCheckInsToProgress: {
    title: 'Check-ins a week needs before the plan moves up',
    value: 3,
    unit: 'check-ins',
    text: 'A week moves up only with at least this many check-ins, all within the limits. The return-to-run trial repeats each phase at least twice before moving on; three check-ins is the project’s own number on top of that.',
    basis: 'expert-estimate',
    sources: ['backtrack-own', 'return-to-run-trial-2023'],
  },
  settleWeeks: {
    title: 'Settling weeks at the starting level',
    value: 2,
    unit: 'weeks',
    text: 'The first weeks of a plan stay at the starting level while the runner learns the exercises. The number of weeks is the project’s own.',
    basis: 'expert-estimate',
    sources: ['backtrack-own'],
  },
  holdEveryNthWeek: {
    title: 'Schedule holds every few weeks',
    value: 3,
    unit: 'weeks',
    text: 'After the settling weeks the planned level rises one step a week and holds every third week. Holding every third or fourth week is common coaching advice; the 10% weekly rule itself did not prevent injuries in a trial (Buist 2008), and big jumps over two weeks were linked to more injuries (Nielsen 2014).',
    basis: 'expert-estimate',
    sources: ['buist-2008', 'nielsen-2014', 'backtrack-own'],
  },
  levelRange: {
    title: 'Lowest and highest load level',
    value: [-2, 5],
    unit: 'levels',
    text: 'Adaptation moves the load level within this range: at −2 each exercise is swapped for its easier version, from 3 on for its harder one. The range is the project’s own.',
    basis: 'expert-estimate',
    sources: ['backtrack-own'],
  },
  doseStep: {
    title: 'One dose step: +1 set, or +2 reps, or +5 s hold, or +5 min',
    value: [1, 2, 5, 5],
    unit: 'sets, reps, seconds, minutes',
    text: 'Each step up or down changes one thing only, in the order sets, then reps, then hold time, then minutes, and never leaves the exercise’s bounds. Clinic materials for McGill’s exercises progress one set of a few holds to two or three sets, with side holds of 10–30 s; the step sizes and the one-at-a-time order are the project’s own.',
    basis: 'expert-estimate',
    sources: ['mcgill-big-three', 'backtrack-own'],
  },
  stopRunningPain: {
    title: 'Pain that stops running',
    value: 7,
    unit: 'points on 0–10',
    text: 'Pain of 7/10 or more during, after or the next morning stops running in the adapted plan, asks the runner to answer the warning-sign questions again, and advises seeing a clinician. The pain-monitoring model calls anything above 5/10 too much; 7/10 as the point to stop and be seen is the project’s own.',
    basis: 'expert-estimate',
    sources: ['silbernagel-2007', 'backtrack-own'],
  },
  painRiseWeek: {
    title: 'Next-morning pain rising over a week',
    value: 2,
    unit: 'points on 0–10',
    text: 'When next-morning pain rises by this much or more between the first and the last check-in of a week and ends above the runner’s baseline, running stops as for severe pain. Two points is the consensus smallest change in pain that matters to patients (Ostelo 2008); the rise counts when the last morning is above the runner’s own baseline. Using it to stop running is the project’s own choice.',
    basis: 'guideline',
    sources: ['ostelo-2008', 'backtrack-own'],
  },
  returnToRunRestPainMax: {
    title: 'Rest pain allowed before walk/run starts',
    value: 2,
    unit: 'points on 0–10',
    text: 'Walk/run starts only when next-morning pain was at most this in every check-in of a walking week with enough good check-ins (pain-free walking). Readiness checklists use pain of 2/10 or less.',
    basis: 'expert-estimate',
    sources: ['return-to-run-readiness'],
  },
  crossTrainMinutes: {
    title: 'Cross-training in place of running',
    value: [20, 30],
    unit: 'minutes (gentler plan, usual plan)',
    text: 'Where running stops, each run day becomes easy cycling, swimming or pool running for this long, as long as it is pain-free. Staying active is what the guidelines advise; the choice of activities and the minutes are the project’s own, not tested in a trial.',
    basis: 'expert-estimate',
    sources: ['nice-ng59', 'bone-stress-pain-free', 'backtrack-own'],
  },
} as const satisfies Record<string, PlanRuleData>;

/** The plan rules as records with their ids, for validation and the review document. */
export const PLAN_RULE_RECORDS: z.input<typeof ZPlanRule>[] = Object.entries(PLAN_RULES).map(
  ([id, rule]: [string, PlanRuleData]) => ({
    id,
    ...rule,
    value: typeof rule.value === 'number' ? rule.value : [...rule.value],
    sources: [...rule.sources],
  }),
);
