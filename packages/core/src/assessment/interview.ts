/**
 * The interview: which question comes next. The red-flag screen always comes
 * first and is never skipped by the adaptive logic; an emergency ends the
 * interview at once. After the screen, the full mode asks every applicable
 * question in order; the adaptive mode asks the question with the highest
 * expected information gain about the contributors and stops when the
 * ranking is stable. The risk screen follows in both modes unless disabled.
 */
import { ruleQuestionIds, type KnowledgeBase } from '../knowledge/index.js';
import type { Question } from '../knowledge/schema.js';
import { isApplicable, type AnswerValue, type Answers } from './answers.js';
import { assess, withDerivedFacts, type AssessmentResult } from './assess.js';
import { rankContributors } from './rank-contributors.js';
import { triage } from './triage.js';

/** Interview options. */
export interface InterviewOptions {
  mode: 'adaptive' | 'full';
  /** Ask the nine risk-screen questions after the ranking questions (default true). */
  includeRiskScreen?: boolean;
  /** Adaptive: stop when no question is expected to gain this many bits (default 0.03). */
  minGain?: number;
  /** Adaptive: ask at least this many ranking questions before testing stability (default 5). */
  minRankingQuestions?: number;
  /** Adaptive: the top three must have held for this many answers (default 4). */
  stableAfter?: number;
  /** Adaptive: never ask more ranking questions than this (default 20). */
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
 * warning-sign screen: the median over the case cards (8.5, see
 * docs/architecture.md), used only for the progress estimate.
 */
export const TYPICAL_RANKING_QUESTIONS = 9;

const DEFAULTS = {
  includeRiskScreen: true,
  minGain: 0.03,
  minRankingQuestions: 5,
  stableAfter: 4,
  maxRankingQuestions: 20,
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
 * chance without it is taken as 0.2 (a documented approximation).
 */
export function expectedInformationGain(
  question: Question,
  probabilities: ReadonlyMap<string, number>,
): number {
  let gain = 0;
  for (const effect of question.effects) {
    const p = probabilities.get(effect.contributor);
    if (p === undefined || effect.lr === effect.lrElse) continue;
    let q = (1 - effect.lrElse) / (effect.lr - effect.lrElse);
    if (!(q > 0.01 && q < 0.99)) q = 0.2;
    const s = Math.min(0.99, effect.lr * q);
    const pE = p * s + (1 - p) * q;
    if (pE <= 0 || pE >= 1) continue;
    const postE = (p * s) / pE;
    const postNotE = (p * (1 - s)) / (1 - pE);
    gain += entropy(p) - (pE * entropy(postE) + (1 - pE) * entropy(postNotE));
  }
  return gain;
}

function topThree(kb: KnowledgeBase, answers: Answers): string {
  return rankContributors(kb, answers)
    .slice(0, 3)
    .map((c) => c.id)
    .sort()
    .join(',');
}

/** Whether the top three contributors have stayed the same over the last `window` ranking answers. */
function rankingStable(
  kb: KnowledgeBase,
  answers: Answers,
  rankingAsked: readonly string[],
  window: number,
): boolean {
  if (rankingAsked.length < window) return false;
  const now = topThree(kb, answers);
  for (let k = 1; k <= window; k++) {
    const dropped = new Set(rankingAsked.slice(rankingAsked.length - k));
    const earlier = Object.fromEntries(Object.entries(answers).filter(([id]) => !dropped.has(id)));
    if (topThree(kb, earlier) !== now) return false;
  }
  return true;
}

const triageIdsCache = new WeakMap<KnowledgeBase, Set<string>>();

/** Ids of the non-red-flag questions that any triage rule reads, with the questions their follow-up conditions read. */
function triageQuestionIds(kb: KnowledgeBase): Set<string> {
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

  const redFlagIds = new Set(kb.questions.filter((q) => q.redFlag).map((q) => q.id));
  const rankingAsked = state.asked.filter((id) => !redFlagIds.has(id) && !id.startsWith('sb_'));
  const risk = open.filter((q) => q.section === 'risk_screen');
  const riskLeft = opts.includeRiskScreen ? risk.length : 0;
  const triageRead = triageQuestionIds(kb);
  const triageOpen = open.filter((q) => triageRead.has(q.id) && q.section !== 'risk_screen');
  /** Questions still to come after the warning-sign screen (whole interview, not one stage). */
  const afterScreen = () =>
    opts.mode === 'full'
      ? open.filter((q) => !q.redFlag).length - risk.length + riskLeft
      : Math.max(triageOpen.length, TYPICAL_RANKING_QUESTIONS - rankingAsked.length) + riskLeft;

  const redFlag = open.find((q) => q.redFlag);
  if (redFlag) {
    return {
      done: false,
      question: redFlag,
      stage: 'red_flags',
      progress: progress(open.filter((q) => q.redFlag).length + afterScreen()),
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
      ? { done: false, question: first, stage: 'risk_screen', progress: progress(risk.length) }
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
          progress: progress(rankingOpen.length + riskLeft),
        }
      : riskStep();
  }

  if (rankingAsked.length >= opts.maxRankingQuestions) return riskStep();
  if (
    rankingAsked.length >= opts.minRankingQuestions &&
    rankingStable(kb, facts, rankingAsked, opts.stableAfter)
  )
    return riskStep();

  const probabilities = new Map(rankContributors(kb, facts).map((c) => [c.id, c.probability]));
  let best: Question | undefined;
  let bestGain = -1;
  for (const q of rankingOpen) {
    const gain = expectedInformationGain(q, probabilities);
    if (gain > bestGain) {
      best = q;
      bestGain = gain;
    }
  }
  if (!best || bestGain < opts.minGain) return riskStep();
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
