/**
 * Zod schemas for every record of the knowledge base. The data files are
 * plain TypeScript objects; `loadKnowledgeBase` parses them through these
 * schemas, so a malformed record fails at start-up and in tests, never at a
 * runner's answer.
 */
import { z } from 'zod';

/** Where a number or rule comes from: every number says so (docs/architecture.md). */
export const ZBasis = z.enum(['seed', 'guideline', 'study', 'expert-estimate']);
export type Basis = z.infer<typeof ZBasis>;

/**
 * Strength of the best evidence behind a record, using the tags of
 * the project's shared research notes: guideline or consensus, systematic review,
 * randomised trial, cohort or cross-sectional study, lab/biomechanics study,
 * expert opinion or clinic article.
 */
export const ZEvidenceLevel = z.enum([
  'guideline',
  'systematic-review',
  'rct',
  'cohort',
  'lab',
  'expert',
]);
export type EvidenceLevel = z.infer<typeof ZEvidenceLevel>;

/** Id of a source in `sources.ts`, or a seed claim id such as `S2-05`. */
export const ZSourceId = z.string().min(1);

/** A bibliographic source cited by records. */
export const ZSource = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  citation: z.string().min(10),
  url: z.url().optional(),
  level: ZEvidenceLevel,
  /** Section of the project's shared research notes where the fact is summarised. */
  evidenceSection: z.string().optional(),
  /** For clinical reviewers only (shown in docs/knowledge-base.md, never to a runner). */
  reviewNote: z.string().optional(),
});
export type Source = z.infer<typeof ZSource>;

/** Seed claims from the five source articles, and what the knowledge base did with each. */
export const ZSeedClaim = z.object({
  id: z.string().regex(/^S[0-4]-\d{2}$/),
  /** Our own paraphrase of the claim. */
  summary: z.string().min(10),
  /** Set when the claim is deliberately not adopted. */
  notAdopted: z.string().min(10).optional(),
});
export type SeedClaim = z.infer<typeof ZSeedClaim>;

/** The contributor (cause) ids; the vocabulary of the vignette cards plus the articles' extra causes. */
export const CONTRIBUTOR_IDS = [
  'muscle_strain',
  'core_weakness',
  'glute_hip_weakness',
  'hip_mobility_flexibility',
  'calf_ankle',
  'upper_body_tension',
  'facet_joint_irritation',
  'running_form',
  'stride_asymmetry',
  'breathing_pattern',
  'footwear',
  'training_load_error',
  'hill_running',
  'injury_compensation',
  'sitting_posture',
  'radicular_nerve_root',
  'discogenic',
  'si_joint',
  'bone_stress',
  'nonspecific',
] as const;
export const ZContributorId = z.enum(CONTRIBUTOR_IDS);
export type ContributorId = z.infer<typeof ZContributorId>;

/** A contributor: a likely weak link behind the pain. */
export const ZContributor = z.object({
  id: ZContributorId,
  name: z.string().min(3),
  /** Plain-language explanation for a runner. */
  summary: z.string().min(40),
  /** Prior probability before any answer, in (0, 1). */
  prior: z.number().gt(0).lt(1),
  priorBasis: ZBasis,
  priorNote: z.string().min(10),
  evidence: ZEvidenceLevel,
  sources: z.array(ZSourceId).min(1),
});
export type Contributor = z.infer<typeof ZContributor>;

/** Answer types a question can have. */
export const ZAnswerType = z.enum(['yes_no', 'single', 'multi', 'number', 'scale', 'body_regions']);
export type AnswerType = z.infer<typeof ZAnswerType>;

/** Body regions of the body map. */
export const BODY_REGIONS = [
  'low_back_left',
  'low_back_centre',
  'low_back_right',
  'buttock_left',
  'buttock_right',
  'groin_left',
  'groin_right',
  'thigh_back_left',
  'thigh_back_right',
  'thigh_front_left',
  'thigh_front_right',
  'below_knee_left',
  'below_knee_right',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

/** Sections of the interview, in the order they are shown. */
export const ZSection = z.enum([
  'about_you',
  'red_flags',
  'symptoms',
  'training',
  'shoes',
  'other_injuries',
  'work',
  'breathing',
  'health',
  'risk_screen',
]);
export type Section = z.infer<typeof ZSection>;

/**
 * A test on one answer. `is` compares a yes/no or single-choice answer;
 * `oneOf` holds when such an answer is any of several values; `includes`
 * tests a multi-choice or body-region answer; `includesAny` tests several of
 * its options; `range` tests a number or 0–10 scale (`min` inclusive, `max`
 * exclusive). "Not sure" passes only a test that names `unsure` itself.
 */
export const ZAnswerTest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('is'), value: z.string() }),
  z.object({ kind: z.literal('oneOf'), values: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('includes'), value: z.string() }),
  z.object({ kind: z.literal('includesAny'), values: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('range'), min: z.number().optional(), max: z.number().optional() }),
]);
export type AnswerTest = z.infer<typeof ZAnswerTest>;

/**
 * A rule over several answers (red flags, follow-up conditions). There is
 * deliberately no negation: every rule is monotone, so adding an answer can
 * only make more rules true, and triage can never be lowered by a later answer.
 */
export type Rule =
  | { q: string; test: AnswerTest }
  | { all: Rule[] }
  | { any: Rule[] }
  | { atLeast: number; of: Rule[] };
export const ZRule: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.object({ q: z.string(), test: ZAnswerTest }).strict(),
    z.object({ all: z.array(ZRule).min(1) }).strict(),
    z.object({ any: z.array(ZRule).min(1) }).strict(),
    z.object({ atLeast: z.number().int().min(1), of: z.array(ZRule).min(1) }).strict(),
  ]),
);

/**
 * A published association measure (odds, hazard or risk ratio) that an
 * effect's ratio is derived from. Such a measure compares the outcome's rate
 * with and without an exposure; it is not a likelihood ratio, it overstates
 * one unless the exposure is rare, and it usually concerns another outcome
 * (running injury, not this contributor). So the effect uses it shrunk
 * towards 1 by `shrinkAssociation` (its square root), and says so.
 */
export const ZAssociation = z.object({
  measure: z.enum(['odds ratio', 'hazard ratio', 'hazard rate ratio', 'risk ratio']),
  /** The published value (a point estimate, or the geometric mean of the bins the answer spans). */
  value: z.number().gt(0),
  /** What the measure was about, in plain words, e.g. "overuse running injury". */
  outcome: z.string().min(5),
});
export type Association = z.infer<typeof ZAssociation>;

/**
 * The likelihood ratio used for a published association measure: its square
 * root (the log-ratio halved), rounded to two decimals. Halving the log is a
 * deliberately simple, conservative shrinkage: for an exposure of
 * prevalence e, the exposure's likelihood ratio for the outcome is
 * RR / (RR·e + 1 − e), below RR whenever e > 0, and transfer from general
 * running injury to one back-pain contributor weakens it further. It is
 * documented in docs/architecture.md ("Engine model and its limits").
 */
export function shrinkAssociation(value: number): number {
  return Number(Math.sqrt(value).toFixed(2));
}

/**
 * How one answer changes the odds of one contributor. `lr` applies when the
 * test holds, `lrElse` when the question was answered and the test does not
 * hold (1 = no information). "Unsure" and unanswered questions change nothing.
 * `association` is set when `lr` is derived from an odds, hazard or risk
 * ratio (then `lr` must equal `shrinkAssociation(association.value)`).
 */
export const ZEffect = z.object({
  contributor: ZContributorId,
  when: ZAnswerTest,
  lr: z.number().gt(0).max(50),
  lrElse: z.number().gt(0).max(50).default(1),
  basis: ZBasis,
  sources: z.array(ZSourceId).min(1),
  note: z.string().optional(),
  association: ZAssociation.optional(),
  /**
   * Id of an `EffectGroup` of correlated findings. Within one group (and,
   * without a group, within one question) only the strongest factor per
   * contributor counts in full; see `rankContributors`.
   */
  group: z
    .string()
    .regex(/^[a-z_]+$/)
    .optional(),
});
export type Effect = z.infer<typeof ZEffect>;

/**
 * Findings that carry overlapping information (for example the cauda equina
 * signs, or the different ways of asking about a training spike). Naive
 * Bayes would multiply them as if independent; the engine instead counts
 * the strongest factor per contributor in full and the others at half
 * strength (see `rankContributors`).
 */
export const ZEffectGroup = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  /** Plain language, completes "overlaps with other answers about …". */
  label: z.string().min(5),
  /** Why these findings are correlated. */
  note: z.string().min(10),
});
export type EffectGroup = z.infer<typeof ZEffectGroup>;

/** An option of a single- or multi-choice question. */
export const ZOption = z.object({ id: z.string().regex(/^[a-z0-9_]+$/), label: z.string().min(1) });
export type Option = z.infer<typeof ZOption>;

/** A question of the interview. */
export const ZQuestion = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    section: ZSection,
    text: z.string().min(8),
    help: z.string().optional(),
    type: ZAnswerType,
    options: z.array(ZOption).optional(),
    unit: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** Part of the red-flag screen: always asked first, never skipped by the adaptive logic. */
    redFlag: z.boolean().default(false),
    /**
     * A short plain-language name of what the question asks ("numbness around
     * the saddle area"), used where a runner is told which questions are still
     * open or were answered "not sure". Required for red-flag questions, so no
     * raw id ever reaches a runner.
     */
    topic: z.string().min(3).optional(),
    /** Asked only when this rule holds on earlier answers (a follow-up). */
    askIf: ZRule.optional(),
    effects: z.array(ZEffect).default([]),
  })
  .superRefine((q, ctx) => {
    const needsOptions = q.type === 'single' || q.type === 'multi';
    if (needsOptions && (!q.options || q.options.length < 2)) {
      ctx.addIssue({
        code: 'custom',
        message: `${q.id}: ${q.type} question needs two or more options`,
      });
    }
    if (q.redFlag && !q.topic) {
      ctx.addIssue({ code: 'custom', message: `${q.id}: red-flag question needs a topic` });
    }
    if (q.type === 'number' && (q.min === undefined || q.max === undefined || !q.unit)) {
      ctx.addIssue({ code: 'custom', message: `${q.id}: number question needs unit, min and max` });
    }
  });
export type Question = z.infer<typeof ZQuestion>;

/** Triage tiers, most urgent first. */
export const TRIAGE_TIERS = ['emergency', 'urgent_doctor', 'see_clinician', 'self_care'] as const;
export const ZTriageTier = z.enum(TRIAGE_TIERS);
export type TriageTier = z.infer<typeof ZTriageTier>;

/** Serious conditions the red-flag screen can raise (the vignette vocabulary). */
export const SERIOUS_CONDITIONS = [
  'cauda_equina',
  'spinal_fracture',
  'malignancy',
  'infection',
  'aaa',
  'inflammatory_axspa',
  'femoral_neck_stress_fracture',
  'bone_stress_injury',
  'red_s',
  'nerve_root_compromise',
] as const;
export const ZSeriousCondition = z.enum(SERIOUS_CONDITIONS);
export type SeriousCondition = z.infer<typeof ZSeriousCondition>;

/** A red flag: a rule over answers that sets a minimum triage tier. */
export const ZRedFlag = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().min(3),
  condition: ZSeriousCondition,
  tier: ZTriageTier,
  rule: ZRule,
  /** Shown as the reason: what in the answers raised the concern, in plain language. */
  reason: z.string().min(10),
  /** What to do now, in plain language. */
  action: z.string().min(10),
  basis: ZBasis,
  sources: z.array(ZSourceId).min(1),
});
export type RedFlag = z.infer<typeof ZRedFlag>;

/**
 * A non-red-flag triage rule (for example, nerve-root pain that warrants a
 * clinician visit). Same shape as a red flag without a serious condition.
 * `listsMinorFlags` marks the level-of-concern rules, whose reason is followed
 * by the minor warning signs that were found.
 */
export const ZTriageRule = ZRedFlag.omit({ name: true, condition: true }).extend({
  listsMinorFlags: z.boolean().optional(),
});

/**
 * A minor warning sign: weak on its own, but several together raise the level
 * of concern (the IFOMPT framework, Finucane 2020).
 */
export const ZMinorFlag = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** Plain-language name, shown to the runner when it counts. */
  label: z.string().min(3),
  rule: ZRule,
  basis: ZBasis,
  sources: z.array(ZSourceId).min(1),
});
export type MinorFlag = z.infer<typeof ZMinorFlag>;
export type TriageRule = z.infer<typeof ZTriageRule>;
