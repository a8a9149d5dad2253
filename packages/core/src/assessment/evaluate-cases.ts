/**
 * Scores the engine against labelled case cards (the vignette method of
 * Semigran 2015 and Gilbert 2020): triage accuracy, under-triage, serious
 * conditions raised and top-3 contributor hits, in full or adaptive mode.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import type { TriageTier } from '../knowledge/schema.js';
import { validateAnswers, type Issue } from './answers.js';
import { assess, type AssessmentResult } from './assess.js';
import { runInterview } from './interview.js';
import { tierRank } from './triage.js';

/** A case card encoded as answers with its expected labels. */
export interface CaseFile {
  card: string;
  expected: {
    triage: TriageTier;
    serious: string[];
    contributors_primary: string[];
    contributors_secondary: string[];
  };
  answers: Record<string, unknown>;
}

/** The outcome of one case. */
export interface CaseOutcome {
  card: string;
  expectedTier: TriageTier;
  tier: TriageTier;
  /** Negative: less urgent than expected (under-triage). */
  tierDelta: number;
  seriousMissed: string[];
  top3: string[];
  primaryInTop3: boolean;
  /** Questions asked after the red-flag screen (adaptive mode), else undefined. */
  rankingQuestions?: number;
  questionsAsked?: string[];
  issues: Issue[];
}

/** Aggregate scores over a set of cases. */
export interface CaseReport {
  mode: 'full' | 'adaptive';
  cases: number;
  exactTriage: number;
  underTriaged: string[];
  redFlagCardsAtOrAboveTier: { hit: number; of: number };
  nonRedFlagCardsTriagedEmergency: string[];
  top3Hits: number;
  top3Rate: number;
  medianRankingQuestions?: number;
  outcomes: CaseOutcome[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs one case in the given mode. */
export function evaluateCase(
  kb: KnowledgeBase,
  c: CaseFile,
  mode: 'full' | 'adaptive',
): CaseOutcome {
  const { answers, issues } = validateAnswers(kb, c.answers);
  let result: AssessmentResult;
  let rankingQuestions: number | undefined;
  let questionsAsked: string[] | undefined;
  if (mode === 'full') {
    result = assess(kb, answers, issues);
  } else {
    const run = runInterview(kb, (q) => answers[q.id], {
      mode: 'adaptive',
      includeRiskScreen: false,
    });
    result = run.result;
    questionsAsked = run.questionsAsked;
    const redFlagIds = new Set(kb.questions.filter((q) => q.redFlag).map((q) => q.id));
    rankingQuestions = run.questionsAsked.filter((id) => !redFlagIds.has(id)).length;
  }
  const top3 = result.contributors.slice(0, 3).map((r) => r.id);
  const serious = new Set<string>(result.triage.serious);
  return {
    card: c.card,
    expectedTier: c.expected.triage,
    // An unfinished screen gives no verdict; scored as self-care (the least safe reading).
    tier: result.triage.tier ?? 'self_care',
    tierDelta: tierRank(c.expected.triage) - tierRank(result.triage.tier ?? 'self_care'),
    seriousMissed: c.expected.serious.filter((s) => !serious.has(s)),
    top3,
    primaryInTop3: c.expected.contributors_primary.some((p) =>
      top3.includes(p as (typeof top3)[number]),
    ),
    ...(rankingQuestions === undefined ? {} : { rankingQuestions }),
    ...(questionsAsked === undefined ? {} : { questionsAsked }),
    issues: result.issues,
  };
}

/** Runs every case and aggregates the scores. */
export function evaluateCases(
  kb: KnowledgeBase,
  cases: CaseFile[],
  mode: 'full' | 'adaptive',
): CaseReport {
  const outcomes = cases.map((c) => evaluateCase(kb, c, mode));
  const redFlag = outcomes.filter(
    (o) => o.expectedTier !== 'self_care' && o.expectedTier !== 'see_clinician',
  );
  const top3Hits = outcomes.filter((o) => o.primaryInTop3).length;
  const counts = outcomes.flatMap((o) =>
    o.rankingQuestions === undefined || o.tier === 'emergency' ? [] : [o.rankingQuestions],
  );
  return {
    mode,
    cases: outcomes.length,
    exactTriage: outcomes.filter((o) => o.tierDelta === 0).length,
    underTriaged: outcomes.filter((o) => o.tierDelta < 0).map((o) => o.card),
    redFlagCardsAtOrAboveTier: {
      hit: redFlag.filter((o) => o.tierDelta >= 0).length,
      of: redFlag.length,
    },
    nonRedFlagCardsTriagedEmergency: outcomes
      .filter((o) => o.expectedTier !== 'emergency' && o.tier === 'emergency')
      .map((o) => o.card),
    top3Hits,
    top3Rate: outcomes.length ? top3Hits / outcomes.length : 0,
    ...(counts.length ? { medianRankingQuestions: median(counts) } : {}),
    outcomes,
  };
}
