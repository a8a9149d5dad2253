/**
 * Ranks contributors. Each contributor is an independent yes/no variable
 * (several can be true at once): its prior odds are multiplied by the
 * likelihood ratio of every answer that informs it (naive Bayes). Every
 * multiplication is recorded so the runner sees why.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Association, Basis, ContributorId } from '../knowledge/schema.js';
import { formatAnswer, testAnswer, type Answers } from './answers.js';

/** One answer's effect on one contributor. */
export interface ExplanationStep {
  questionId: string;
  question: string;
  answer: string;
  /** The likelihood ratio applied (>1 raises, <1 lowers). */
  factor: number;
  /** Probability before and after this step, in [0, 1]. */
  before: number;
  after: number;
  basis: Basis;
  sources: string[];
  note?: string;
  /** Set when the ratio was derived from a published odds, hazard or risk ratio (shrunk to its square root). */
  association?: Association;
  /** Where the answer came from when the runner did not give it, e.g. "From your imported runs: …". */
  from?: string;
}

/** A contributor with its probability and the reasons for it. */
export interface RankedContributor {
  id: ContributorId;
  name: string;
  summary: string;
  prior: number;
  probability: number;
  explanation: ExplanationStep[];
}

const toOdds = (p: number) => p / (1 - p);
const toProbability = (odds: number) => (Number.isFinite(odds) ? odds / (1 + odds) : 1);

/** Probabilities for every contributor, most likely first (ties by id, so the order is stable). */
export function rankContributors(
  kb: KnowledgeBase,
  answers: Answers,
  provenance: Readonly<Record<string, string>> = {},
): RankedContributor[] {
  const ranked = kb.contributors.map((c) => ({
    id: c.id,
    name: c.name,
    summary: c.summary,
    prior: c.prior,
    odds: toOdds(c.prior),
    explanation: [] as ExplanationStep[],
  }));
  const byId = new Map(ranked.map((r) => [r.id, r]));
  for (const question of kb.questions) {
    const value = answers[question.id];
    if (value === undefined || value === 'unsure') continue;
    for (const effect of question.effects) {
      const factor = testAnswer(value, effect.when) ? effect.lr : effect.lrElse;
      const target = byId.get(effect.contributor);
      if (factor === 1 || !target) continue;
      const before = toProbability(target.odds);
      target.odds *= factor;
      target.explanation.push({
        questionId: question.id,
        question: question.text,
        answer: formatAnswer(question, value),
        factor,
        before,
        after: toProbability(target.odds),
        basis: effect.basis,
        sources: effect.sources,
        ...(effect.note === undefined ? {} : { note: effect.note }),
        ...(effect.association === undefined ? {} : { association: effect.association }),
        ...(provenance[question.id] === undefined ? {} : { from: provenance[question.id] }),
      });
    }
  }
  return ranked
    .map(({ odds, ...rest }) => ({ ...rest, probability: toProbability(odds) }))
    .sort((a, b) => b.probability - a.probability || a.id.localeCompare(b.id));
}
