/**
 * The interview: which question comes next. The red-flag screen always comes
 * first and is never skipped by the adaptive logic; an emergency ends the
 * interview at once. After the screen, the full mode asks every applicable
 * question in order; the adaptive mode asks the question with the highest
 * expected information gain about the contributors near the top-three
 * boundary (`boundaryWeights`) and stops only when the
 * top three is settled: the third and fourth contributors are clearly apart
 * and the top three has held for a few answers, or no question is expected
 * to tell much more, or a cap is reached. Before it stops it always asks
 * what the plan needs (`PLAN_QUESTION_IDS`). The risk screen follows in both
 * modes unless disabled.
 */
import { ruleQuestionIds, type KnowledgeBase } from '../knowledge/index.js';
import type { Question } from '../knowledge/schema.js';
import { isApplicable, mayApply, testAnswer, type AnswerValue, type Answers } from './answers.js';
import { assess, withDerivedFacts, type AssessmentResult } from './assess.js';
import {
  contributorProbabilities,
  overlapKey,
  type ContributorProbability,
} from './rank-contributors.js';
import { triage } from './triage.js';

/** Interview options. */
export interface InterviewOptions {
  mode: 'adaptive' | 'full';
  /** Ask the nine risk-screen questions after the ranking questions (default true). */
  includeRiskScreen?: boolean;
  /**
   * Adaptive: stop when no question is expected to gain this many bits, each
   * contributor's bits weighted by its closeness to the top-three boundary
   * (default 0.01).
   */
  minGain?: number;
  /** Adaptive: ask at least this many ranking questions before testing stability (default 8). */
  minRankingQuestions?: number;
  /** Adaptive: the top three must have held for this many answers (default 3). */
  stableAfter?: number;
  /**
   * Adaptive: the third contributor must lead the fourth by this much, in
   * log-odds, before the interview may stop (default 0.4, an odds ratio of
   * about 1.5: one more ordinary answer could still swap two closer ones).
   */
  topThreeMargin?: number;
  /**
   * Adaptive: the log-odds distance from the third/fourth boundary over
   * which a contributor's weight in the information gain falls by a factor
   * e (default 1; see `boundaryWeights`).
   */
  boundaryScale?: number;
  /** Adaptive: never ask more questions after the warning-sign screen than this (default 16, plan questions included). */
  maxRankingQuestions?: number;
}

/** Where the interview stands: the answers and every question id asked so far (answered or skipped). */
export interface InterviewState {
  answers: Answers;
  asked: readonly string[];
}

/** Stages of the interview. */
export type Stage = 'red_flags' | 'ranking' | 'risk_screen';

/** The interview's next step. */
export type NextStep =
  | {
      done: false;
      question: Question;
      stage: Stage;
      progress: { asked: number; remainingEstimate: number };
    }
  | { done: true; reason: 'emergency' | 'stable' | 'complete' };

/**
 * How many questions the adaptive interview typically asks after the
 * warning-sign screen: about the median over the case cards (see
 * docs/architecture.md), used only for the progress estimate.
 */
export const TYPICAL_RANKING_QUESTIONS = 11;

/**
 * Questions the plan reads (generate-plan: the pain now sets the starting
 * level, how the pain behaves around runs decides whether running pauses,
 * the weekly distance sets the running volume). The adaptive interview asks
 * them before it stops, whatever their information gain; `weekly_km` is
 * skipped when the runner cannot run at the moment.
 */
export const PLAN_QUESTION_IDS = ['pain_now', 'run_pattern', 'weekly_km'] as const;

const DEFAULTS = {
  includeRiskScreen: true,
  minGain: 0.01,
  minRankingQuestions: 8,
  stableAfter: 3,
  topThreeMargin: 0.4,
  maxRankingQuestions: 16,
  boundaryScale: 1,
};

function entropy(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));
}

/**
 * Expected reduction in total contributor entropy (bits) from asking a
 * question. Each effect is treated as a binary test: from its likelihood
 * ratios (lr when the test holds, lrElse otherwise) we recover the chance of
 * the test holding with and without the contributor; where lrElse is 1 the
 * chance without it is taken as 0.2 (a documented approximation). Effects
 * whose overlap key (`overlapKey`) is in `covered`, because an earlier answer
 * about the same thing already moved that contributor, count at half
 * strength, as the ranking will count them. `weights` (default 1 each)
 * scale each contributor's share of the gain.
 */
export function expectedInformationGain(
  question: Question,
  probabilities: ReadonlyMap<string, number>,
  covered: ReadonlySet<string> = new Set(),
  weights: ReadonlyMap<string, number> = new Map(),
): number {
  let gain = 0;
  for (const raw of question.effects) {
    const p = probabilities.get(raw.contributor);
    if (p === undefined || raw.lr === raw.lrElse) continue;
    // An answer that overlaps one already given counts at half strength (rankContributors).
    const effect = covered.has(overlapKey(question.id, raw))
      ? { lr: Math.sqrt(raw.lr), lrElse: Math.sqrt(raw.lrElse) }
      : raw;
    let q = (1 - effect.lrElse) / (effect.lr - effect.lrElse);
    if (!(q > 0.01 && q < 0.99)) q = 0.2;
    const s = Math.min(0.99, effect.lr * q);
    const pE = p * s + (1 - p) * q;
    if (pE <= 0 || pE >= 1) continue;
    const postE = (p * s) / pE;
    const postNotE = (p * (1 - s)) / (1 - pE);
    const weight = weights.get(raw.contributor) ?? 1;
    gain += weight * (entropy(p) - (pE * entropy(postE) + (1 - pE) * entropy(postNotE)));
  }
  return gain;
}

const logOdds = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));

/** How far the third contributor leads the fourth, in log-odds. */
function topThreeMargin(ranked: readonly ContributorProbability[]): number {
  const third = ranked[2];
  const fourth = ranked[3];
  return third && fourth ? logOdds(third.probability) - logOdds(fourth.probability) : Infinity;
}

/**
 * How much each contributor's uncertainty matters for the top three:
 * exp(−distance / scale), where distance is its log-odds distance from the
 * boundary between the third and fourth. Contributors near the boundary
 * (including an unlikely one that one answer could lift into the top three)
 * count most; settled leaders and far-off ones count less.
 */
export function boundaryWeights(
  ranked: readonly ContributorProbability[],
  scale: number,
): Map<string, number> {
  const third = ranked[2]?.probability ?? 0.5;
  const fourth = ranked[3]?.probability ?? 0.5;
  const boundary = (logOdds(third) + logOdds(fourth)) / 2;
  return new Map(
    ranked.map((c) => [c.id, Math.exp(-Math.abs(logOdds(c.probability) - boundary) / scale)]),
  );
}

/** Overlap keys (see `overlapKey`) that the given answers have already moved. */
function coveredKeys(kb: KnowledgeBase, answers: Answers): Set<string> {
  const keys = new Set<string>();
  for (const q of kb.questions) {
    const value = answers[q.id];
    if (value === undefined || value === 'unsure') continue;
    for (const e of q.effects)
      if ((testAnswer(value, e.when) ? e.lr : e.lrElse) !== 1) keys.add(overlapKey(q.id, e));
  }
  return keys;
}

function topThree(kb: KnowledgeBase, answers: Answers): string {
  return contributorProbabilities(kb, answers)
    .slice(0, 3)
    .map((c) => c.id)
    .sort()
    .join(',');
}

/**
 * Whether the top three contributors have stayed the same over the last
 * `window` ranking answers. The top three without the last k answers is
 * worked out once per k and kept, as one step asks for several windows.
 */
function stabilityTest(kb: KnowledgeBase, answers: Answers, rankingAsked: readonly string[]) {
  const withoutLast: string[] = [];
  const topWithoutLast = (k: number): string => {
    const known = withoutLast[k];
    if (known !== undefined) return known;
    const dropped = new Set(rankingAsked.slice(rankingAsked.length - k));
    const earlier =
      k === 0
        ? answers
        : Object.fromEntries(Object.entries(answers).filter(([id]) => !dropped.has(id)));
    const top = topThree(kb, earlier);
    withoutLast[k] = top;
    return top;
  };
  return (window: number): boolean => {
    if (rankingAsked.length < window) return false;
    const now = topWithoutLast(0);
    for (let k = 1; k <= window; k++) if (topWithoutLast(k) !== now) return false;
    return true;
  };
}

const triageIdsCache = new WeakMap<KnowledgeBase, Set<string>>();

/** Ids of the non-red-flag questions that any triage rule reads, with the questions their follow-up conditions read. */
export function triageQuestionIds(kb: KnowledgeBase): Set<string> {
  const cached = triageIdsCache.get(kb);
  if (cached) return cached;
  const ids = new Set<string>();
  const byId = new Map(kb.questions.map((q) => [q.id, q]));
  const add = (id: string) => {
    const q = byId.get(id);
    if (!q || ids.has(id)) return;
    ids.add(id);
    if (q.askIf) ruleQuestionIds(q.askIf).forEach(add);
  };
  for (const rule of kb.triageRules) ruleQuestionIds(rule.rule).forEach(add);
  for (const id of [...ids]) if (byId.get(id)?.redFlag) ids.delete(id);
  triageIdsCache.set(kb, ids);
  return ids;
}

/** Chooses the next question, or says the interview is done and why. */
export function nextQuestion(
  kb: KnowledgeBase,
  state: InterviewState,
  options: InterviewOptions,
): NextStep {
  const opts = { ...DEFAULTS, ...options };
  const facts = withDerivedFacts(state.answers);
  if (triage(kb, facts).tier === 'emergency') return { done: true, reason: 'emergency' };
  const asked = new Set(state.asked);
  const open = kb.questions.filter((q) => !asked.has(q.id) && isApplicable(q, facts));
  const progress = (remaining: number) => ({
    asked: state.asked.length,
    remainingEstimate: remaining,
  });

  // For the progress estimate: every question that applies or still may (a
  // follow-up whose condition is not yet answered), so the estimate falls as
  // answers rule questions out rather than growing as they bring them in.
  const possible = kb.questions.filter((q) => !asked.has(q.id) && mayApply(q, facts, asked));

  const redFlagIds = new Set(kb.questions.filter((q) => q.redFlag).map((q) => q.id));
  const rankingAsked = state.asked.filter((id) => !redFlagIds.has(id) && !id.startsWith('sb_'));
  const risk = open.filter((q) => q.section === 'risk_screen');
  const riskPossible = possible.filter((q) => q.section === 'risk_screen').length;
  const riskLeft = opts.includeRiskScreen ? riskPossible : 0;
  const triageRead = triageQuestionIds(kb);
  const triageOpen = open.filter((q) => triageRead.has(q.id) && q.section !== 'risk_screen');
  const triagePossible = possible.filter(
    (q) => triageRead.has(q.id) && q.section !== 'risk_screen',
  ).length;
  /** Ranking questions (not warning signs, not the risk screen) that apply or may. */
  const rankingPossible = possible.filter((q) => !q.redFlag && q.section !== 'risk_screen');
  /** Questions still to come after the warning-sign screen (whole interview, not one stage). */
  const afterScreen = () =>
    opts.mode === 'full'
      ? rankingPossible.length + riskLeft
      : Math.max(triagePossible, TYPICAL_RANKING_QUESTIONS - rankingAsked.length) + riskLeft;

  const redFlag = open.find((q) => q.redFlag);
  if (redFlag) {
    return {
      done: false,
      question: redFlag,
      stage: 'red_flags',
      progress: progress(possible.filter((q) => q.redFlag).length + afterScreen()),
    };
  }
  // Questions that triage rules read come next in both modes, so the tier never
  // depends on which questions the adaptive logic happened to choose.
  const triageQuestion = triageOpen[0];
  if (triageQuestion) {
    return {
      done: false,
      question: triageQuestion,
      stage: 'ranking',
      progress: progress(afterScreen()),
    };
  }
  const riskStep = (): NextStep => {
    const first = opts.includeRiskScreen ? risk[0] : undefined;
    return first
      ? { done: false, question: first, stage: 'risk_screen', progress: progress(riskPossible) }
      : { done: true, reason: opts.mode === 'full' ? 'complete' : 'stable' };
  };
  const rankingOpen = open.filter((q) => q.section !== 'risk_screen');

  if (opts.mode === 'full') {
    const next = rankingOpen[0];
    return next
      ? {
          done: false,
          question: next,
          stage: 'ranking',
          progress: progress(rankingPossible.length + riskLeft),
        }
      : riskStep();
  }

  // What the plan needs is asked before the interview may stop (run_pattern first, so a
  // runner who cannot run is not asked for a weekly distance).
  const planQuestion = rankingOpen.find(
    (q) =>
      (PLAN_QUESTION_IDS as readonly string[]).includes(q.id) &&
      !(q.id === 'weekly_km' && facts.run_pattern === 'not_running'),
  );
  const planOrRisk = (): NextStep =>
    planQuestion
      ? {
          done: false,
          question: planQuestion,
          stage: 'ranking',
          progress: progress(
            rankingOpen.filter((q) => (PLAN_QUESTION_IDS as readonly string[]).includes(q.id))
              .length + riskLeft,
          ),
        }
      : riskStep();

  const ranked = contributorProbabilities(kb, facts);
  const planLeft = rankingOpen.filter(
    (q) =>
      (PLAN_QUESTION_IDS as readonly string[]).includes(q.id) &&
      !(q.id === 'weekly_km' && facts.run_pattern === 'not_running'),
  ).length;
  // Questions asked because a triage rule reads them are safety questions: they do
  // not use up the ranking's budget.
  const budgetUsed = rankingAsked.filter((id) => !triageRead.has(id)).length;
  if (budgetUsed + planLeft >= opts.maxRankingQuestions) return planOrRisk();
  // Settled: the third and fourth are clearly apart and the top three has held for a
  // few answers, or it has held for twice as many answers however close they are.
  const rankingStable = stabilityTest(kb, facts, rankingAsked);
  if (
    rankingAsked.length >= opts.minRankingQuestions &&
    ((topThreeMargin(ranked) >= opts.topThreeMargin && rankingStable(opts.stableAfter)) ||
      rankingStable(2 * opts.stableAfter))
  )
    return planOrRisk();

  const probabilities = new Map(ranked.map((c) => [c.id, c.probability]));
  const covered = coveredKeys(kb, facts);
  const weights = boundaryWeights(ranked, opts.boundaryScale);
  let best: Question | undefined;
  let bestGain = -1;
  for (const q of rankingOpen) {
    const gain = expectedInformationGain(q, probabilities, covered, weights);
    if (gain > bestGain) {
      best = q;
      bestGain = gain;
    }
  }
  if (!best || bestGain < opts.minGain) return planOrRisk();
  return {
    done: false,
    question: best,
    stage: 'ranking',
    progress: progress(
      Math.min(
        rankingOpen.length,
        opts.maxRankingQuestions - rankingAsked.length,
        Math.max(1, TYPICAL_RANKING_QUESTIONS - rankingAsked.length),
      ) + riskLeft,
    ),
  };
}

/** Result of a scripted interview. */
export interface InterviewRun {
  result: AssessmentResult;
  questionsAsked: string[];
  endedBecause: 'emergency' | 'stable' | 'complete';
}

/**
 * Runs a whole interview, asking `answerFor` each chosen question; an
 * undefined answer means the runner skipped it (unknown). Pure as long as
 * `answerFor` is.
 */
export function runInterview(
  kb: KnowledgeBase,
  answerFor: (question: Question) => AnswerValue | undefined,
  options: InterviewOptions,
): InterviewRun {
  const answers: Record<string, AnswerValue> = {};
  const asked: string[] = [];
  for (;;) {
    const step = nextQuestion(kb, { answers, asked }, options);
    if (step.done)
      return { result: assess(kb, answers), questionsAsked: asked, endedBecause: step.reason };
    asked.push(step.question.id);
    const value = answerFor(step.question);
    if (value !== undefined) answers[step.question.id] = value;
  }
}
