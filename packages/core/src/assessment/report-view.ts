/**
 * How a report is read at a glance, the same in the CLI and the web: which
 * parts a triage tier shows, whether it allows a plan, and an explanation
 * in plain words with one line per answer.
 *
 * Presentation only: nothing here changes a triage tier, a ranking or a
 * probability. Type-only imports, no zod, so the web may import it as a value
 * (see eslint.config.js).
 */
import type { TriageTier } from '../knowledge/schema.js';
import type { ExplanationStep } from './rank-contributors.js';

/**
 * Whether a tier allows an exercise and running plan: `generatePlan`'s rule
 * (a test checks they agree), for adapters that must not offer a plan the
 * engine would refuse. No plan until an emergency has been seen or a doctor
 * has cleared an urgent warning sign (finucane-2020: red flags are referred
 * before exercise treatment).
 */
export const PLAN_ALLOWED: Readonly<Record<TriageTier, boolean>> = {
  emergency: false,
  urgent_doctor: false,
  see_clinician: true,
  self_care: true,
};

/** Why there is no plan, for each tier that forbids one. */
export const NO_PLAN_REASON: Readonly<Record<'emergency' | 'urgent_doctor', string>> = {
  emergency:
    'Your answers include a warning sign that needs emergency care. An exercise or running plan is not safe until you have been seen.',
  urgent_doctor:
    'Your answers include a warning sign that a doctor should check within days. No exercise or running plan until a doctor has cleared you.',
};

/** What the report says about the weak links for tiers that hold them back or put them second. */
export const WEAK_LINKS_WORDING = {
  /** An emergency report shows only what to do now. */
  emergency:
    'Not shown: get the warning sign checked first. The likely running-related causes can wait.',
  /** An urgent report shows them after the doctor. */
  urgent_doctor: 'See a doctor first; these are the likely weak links to discuss afterwards.',
  /** Why there are several, and why they do not add up. */
  several:
    'Several can be true at once: each is a separate estimate from your answers, not a measurement.',
} as const;

/** How many weak links a report explains in full before folding the rest away. */
export const WEAK_LINKS_SHOWN_FIRST = 3;

/** Which parts of the report a tier shows. */
export interface ReportParts {
  /** The ranked weak links (never on an emergency: they would distract from care). */
  weakLinks: boolean;
  /** Any percentage (never on an emergency). */
  numbers: boolean;
  /** A link to the plan or today's exercises (only where the tier allows a plan). */
  plan: boolean;
  /** The risk screen and notes on the answers (not on an emergency). */
  details: boolean;
}

/**
 * The parts of the report for a tier; `null` (warning-sign screen unfinished)
 * shows what to do now and no plan.
 */
export function reportParts(tier: TriageTier | null): ReportParts {
  if (tier === 'emergency')
    return { weakLinks: false, numbers: false, plan: false, details: false };
  if (tier === null) return { weakLinks: false, numbers: false, plan: false, details: true };
  return { weakLinks: true, numbers: true, plan: PLAN_ALLOWED[tier], details: true };
}

/** One answer's effect on a weak link, in words: all the steps one answer produced, together. */
export interface ReasonInWords {
  questionId: string;
  question: string;
  answer: string;
  /** What the answer did, as a runner reads it. */
  effect: 'made it more likely' | 'made it less likely' | 'did not change it';
  /** The factors of its steps multiplied (>1 raises, <1 lowers). */
  factor: number;
  /** Probability before its first step and after its last, in [0, 1]. */
  before: number;
  after: number;
  /** Every source of its steps, without repeats, in order. */
  sources: string[];
  /** Where the answer came from when the runner did not give it. */
  from?: string;
}

/**
 * The explanation with one line per answer: a multiple-choice answer whose
 * options each moved the estimate becomes one line (the steps' factors
 * multiplied), so the same answer is never listed twice. Order of first
 * appearance; reviewers' notes are left out (they stay in the JSON).
 */
export function reasonsInWords(steps: readonly ExplanationStep[]): ReasonInWords[] {
  const byKey = new Map<string, ReasonInWords>();
  for (const step of steps) {
    const key = `${step.questionId}\u0000${step.answer}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.factor *= step.factor;
      seen.after = step.after;
      for (const s of step.sources) if (!seen.sources.includes(s)) seen.sources.push(s);
      if (seen.from === undefined && step.from !== undefined) seen.from = step.from;
      continue;
    }
    byKey.set(key, {
      questionId: step.questionId,
      question: step.question,
      answer: step.answer,
      effect: 'did not change it',
      factor: step.factor,
      before: step.before,
      after: step.after,
      sources: [...new Set(step.sources)],
      ...(step.from === undefined ? {} : { from: step.from }),
    });
  }
  return [...byKey.values()].map((r) => ({ ...r, effect: effectOf(r.factor) }));
}

function effectOf(factor: number): ReasonInWords['effect'] {
  // Products of several ratios can land a hair off 1 by rounding.
  if (Math.abs(factor - 1) < 1e-9) return 'did not change it';
  return factor > 1 ? 'made it more likely' : 'made it less likely';
}
