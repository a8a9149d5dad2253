/**
 * The whole assessment from a set of answers: triage first, then the
 * contributor ranking, the risk screen and any issues with the answers.
 * Pure: same answers, same result.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import { findContradictions, isApplicable, type Answers, type Issue } from './answers.js';
import { likelihoodBand } from './likelihood-band.js';
import { rankContributors, type RankedContributor } from './rank-contributors.js';
import { scoreRisk, type RiskResult } from './score-risk.js';
import { triage, type Triage } from './triage.js';

/** Shown with every result: Backtrack does not diagnose. */
export const DISCLAIMER =
  'Backtrack is not a diagnosis and does not replace an examination by a clinician. It estimates which weak links are likely from your answers. If a warning sign appears or the pain gets worse, seek care.';

/** The outcome of an assessment. */
export interface AssessmentResult {
  /**
   * `incomplete` while a warning-sign question that applies has no answer:
   * then `triage.tier` is null (unless an emergency sign is present) and no
   * plan may be made. Adapters show `missing` instead of a verdict.
   */
  status: Triage['status'];
  /** Ids of the warning-sign questions still to answer (empty when complete). */
  missing: string[];
  triage: Triage;
  contributors: RankedContributor[];
  risk: RiskResult;
  issues: Issue[];
  disclaimer: string;
}

/** Options of `assess`. */
export interface AssessOptions {
  /**
   * For answers that came from imported training data rather than from the
   * runner: question id → a plain-language statement of where it came from,
   * shown in every explanation step that answer produced.
   */
  provenance?: Readonly<Record<string, string>>;
}

/**
 * Raises the contributors that fired warning signs point to (the knowledge
 * base's warning-sign links), once per link, with an explanation step, and
 * re-sorts. Pure.
 */
export function linkWarningSigns(
  kb: KnowledgeBase,
  ranked: RankedContributor[],
  result: Triage,
): RankedContributor[] {
  const fired = new Map(result.reasons.map((r) => [r.id, r]));
  const out = ranked.map((c) => {
    const link = kb.warningSignLinks.find(
      (l) => l.contributor === c.id && l.rules.some((id) => fired.has(id)),
    );
    if (!link) return c;
    const sign = link.rules.map((id) => fired.get(id)).find((r) => r !== undefined);
    const before = c.probability;
    const odds = (before / (1 - before)) * link.lr;
    const probability = odds / (1 + odds);
    return {
      ...c,
      probability,
      band: likelihoodBand(probability),
      explanation: [
        ...c.explanation,
        {
          questionId: sign?.id ?? link.rules[0] ?? c.id,
          question: link.label,
          answer: sign?.reason ?? 'yes',
          factor: link.lr,
          before,
          after: probability,
          basis: link.basis,
          sources: link.sources,
          note: link.note,
        },
      ],
    };
  });
  return out.sort((a, b) => b.probability - a.probability || a.id.localeCompare(b.id));
}

/** Answers plus the facts the engine derives from them (read by triage rules). */
export function withDerivedFacts(answers: Answers): Answers {
  const own = Object.fromEntries(Object.entries(answers).filter(([k]) => !k.startsWith('__')));
  const risk = scoreRisk(own);
  return risk.level === null ? own : { ...own, __risk_level: risk.level };
}

/**
 * Assesses validated answers. `extraIssues` (for example from validation)
 * are passed through into the result.
 */
export function assess(
  kb: KnowledgeBase,
  answers: Answers,
  extraIssues: readonly Issue[] = [],
  options: AssessOptions = {},
): AssessmentResult {
  const facts = withDerivedFacts(answers);
  const result = triage(kb, facts);
  const issues: Issue[] = [...extraIssues, ...findContradictions(facts)];
  for (const q of result.missing) {
    issues.push({
      code: 'missing',
      severity: 'warning',
      questionId: q.id,
      message: `${q.id}: warning-sign question (${q.topic}) not answered; no triage verdict until it is`,
    });
  }
  for (const q of kb.questions) {
    if (facts[q.id] !== undefined && !isApplicable(q, facts)) {
      issues.push({
        code: 'not_applicable',
        severity: 'info',
        questionId: q.id,
        message: `${q.id}: answered, though it only applies when an earlier answer calls for it; the answer is still used`,
      });
    }
  }
  return {
    status: result.status,
    missing: result.missing.map((q) => q.id),
    triage: result,
    contributors: linkWarningSigns(kb, rankContributors(kb, facts, options.provenance), result),
    risk: scoreRisk(facts),
    issues,
    disclaimer: DISCLAIMER,
  };
}
