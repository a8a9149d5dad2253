/**
 * Ranks contributors. Each contributor is an independent yes/no variable
 * (several can be true at once): its prior odds are multiplied by the
 * likelihood ratio of every answer that informs it (naive Bayes), except
 * that correlated findings are damped: within one effect group (or, without
 * a group, within the options of one question) only the strongest raising
 * and the strongest lowering factor per contributor count in full, and every
 * other one counts at half strength (its square root, the log halved). Every
 * multiplication is recorded so the runner sees why.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Association, Basis, ContributorId, Effect, Question } from '../knowledge/schema.js';
import { formatAnswer, testAnswer, type AnswerValue, type Answers } from './answers.js';
import { likelihoodBand, type LikelihoodBand } from './likelihood-band.js';

/** Why a factor was damped: it overlaps a stronger answer about the same thing. */
export interface Overlap {
  /** The effect group id, or `question:<id>` for options of one question. */
  group: string;
  /** Plain language: what the overlapping answers are about. */
  label: string;
  /** The knowledge base's ratio before damping. */
  fullFactor: number;
  /** The question whose answer counted in full. */
  countedInFull: string;
}

/** One answer's effect on one contributor. */
export interface ExplanationStep {
  questionId: string;
  question: string;
  answer: string;
  /** The likelihood ratio applied (>1 raises, <1 lowers), after any damping. */
  factor: number;
  /** Probability before and after this step, in [0, 1]. */
  before: number;
  after: number;
  basis: Basis;
  sources: string[];
  note?: string;
  /** Set when the ratio was derived from a published odds, hazard or risk ratio (shrunk to its square root). */
  association?: Association;
  /** Set when this answer overlaps a stronger one and so counted at half strength. */
  overlap?: Overlap;
  /** Where the answer came from when the runner did not give it, e.g. "From your imported runs: …". */
  from?: string;
}

/** A contributor with its probability, its likelihood in words, and the reasons for it. */
export interface RankedContributor {
  id: ContributorId;
  name: string;
  summary: string;
  prior: number;
  probability: number;
  /** The probability in words ('likely', 'possible', 'less likely'); show the number in the detail. */
  band: LikelihoodBand;
  explanation: ExplanationStep[];
}

const toOdds = (p: number) => p / (1 - p);
const toProbability = (odds: number) => (Number.isFinite(odds) ? odds / (1 + odds) : 1);

/** The key under which an effect's factor is damped with correlated ones. */
export function overlapKey(questionId: string, effect: Pick<Effect, 'contributor' | 'group'>) {
  return `${effect.contributor}|${effect.group ?? `question:${questionId}`}`;
}

interface Fired {
  question: Question;
  value: AnswerValue;
  effect: Effect;
  factor: number;
  key: string;
}

/**
 * For each overlap key, the fired factor that counts in full in each
 * direction: the largest raising and the smallest lowering one (the first
 * in question order on a tie).
 */
function strongest(fired: readonly Fired[]): Map<string, { up?: Fired; down?: Fired }> {
  const out = new Map<string, { up?: Fired; down?: Fired }>();
  for (const f of fired) {
    const entry = out.get(f.key) ?? {};
    if (f.factor > 1 && (!entry.up || f.factor > entry.up.factor)) entry.up = f;
    if (f.factor < 1 && (!entry.down || f.factor < entry.down.factor)) entry.down = f;
    out.set(f.key, entry);
  }
  return out;
}

/** The effects the answers fire (in question order), and which of them count in full. */
function fire(kb: KnowledgeBase, answers: Answers) {
  const fired: Fired[] = [];
  for (const { question, effects } of scoredEffects(kb)) {
    const value = answers[question.id];
    if (value === undefined || value === 'unsure') continue;
    for (const { effect, key } of effects) {
      const factor = testAnswer(value, effect.when) ? effect.lr : effect.lrElse;
      if (factor !== 1) fired.push({ question, value, effect, factor, key });
    }
  }
  return { fired, full: strongest(fired) };
}

/** Per question, its effects on known contributors with their overlap keys. */
type ScoredEffects = { question: Question; effects: { effect: Effect; key: string }[] }[];
const scoredEffectsCache = new WeakMap<KnowledgeBase, ScoredEffects>();

/** The questions' effects on known contributors, keyed once per knowledge base. */
function scoredEffects(kb: KnowledgeBase): ScoredEffects {
  let out = scoredEffectsCache.get(kb);
  if (!out) {
    const ids = new Set(kb.contributors.map((c) => c.id));
    out = kb.questions.map((question) => ({
      question,
      effects: question.effects
        .filter((effect) => ids.has(effect.contributor))
        .map((effect) => ({ effect, key: overlapKey(question.id, effect) })),
    }));
    scoredEffectsCache.set(kb, out);
  }
  return out;
}

/**
 * The factor a fired effect applies: in full, or its square root when a
 * stronger one overlaps it (`countedInFull`, that stronger one).
 */
function appliedFactor(
  f: Fired,
  full: ReturnType<typeof strongest>,
): { factor: number; countedInFull?: Fired } {
  const winner = f.factor > 1 ? full.get(f.key)?.up : full.get(f.key)?.down;
  return winner !== undefined && winner !== f
    ? { factor: Math.sqrt(f.factor), countedInFull: winner }
    : { factor: f.factor };
}

/** Most likely first, ties by id, so the order is stable. */
const byLikelihood = (
  a: { id: string; probability: number },
  b: { id: string; probability: number },
) => b.probability - a.probability || a.id.localeCompare(b.id);

/** A contributor's id and probability, without the explanation. */
export interface ContributorProbability {
  id: ContributorId;
  probability: number;
}

/**
 * The probabilities `rankContributors` gives, in the same order and to the
 * last bit (the same factors multiplied in the same order), without building
 * the explanations: what the interview needs to choose its next question,
 * many times per step.
 */
export function contributorProbabilities(
  kb: KnowledgeBase,
  answers: Answers,
): ContributorProbability[] {
  const odds = new Map(kb.contributors.map((c) => [c.id, toOdds(c.prior)]));
  const { fired, full } = fire(kb, answers);
  for (const f of fired) {
    const before = odds.get(f.effect.contributor);
    if (before !== undefined)
      odds.set(f.effect.contributor, before * appliedFactor(f, full).factor);
  }
  return [...odds].map(([id, o]) => ({ id, probability: toProbability(o) })).sort(byLikelihood);
}

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
  const { fired, full } = fire(kb, answers);
  const labels = new Map(kb.effectGroups.map((g) => [g.id, g.label]));
  for (const f of fired) {
    const target = byId.get(f.effect.contributor);
    if (!target) continue;
    const { factor, countedInFull } = appliedFactor(f, full);
    const before = toProbability(target.odds);
    target.odds *= factor;
    const { effect, question } = f;
    const overlap: Overlap | undefined = countedInFull
      ? {
          group: effect.group ?? `question:${question.id}`,
          label:
            (effect.group === undefined ? undefined : labels.get(effect.group)) ??
            'your other answers to this question',
          fullFactor: f.factor,
          countedInFull: countedInFull.question.id,
        }
      : undefined;
    target.explanation.push({
      questionId: question.id,
      question: question.text,
      answer: formatAnswer(question, f.value),
      factor,
      before,
      after: toProbability(target.odds),
      basis: effect.basis,
      sources: effect.sources,
      ...(effect.note === undefined ? {} : { note: effect.note }),
      ...(effect.association === undefined ? {} : { association: effect.association }),
      ...(overlap === undefined ? {} : { overlap }),
      ...(provenance[question.id] === undefined ? {} : { from: provenance[question.id] }),
    });
  }
  return ranked
    .map(({ odds, ...rest }) => {
      const probability = toProbability(odds);
      return { ...rest, probability, band: likelihoodBand(probability) };
    })
    .sort(byLikelihood);
}
