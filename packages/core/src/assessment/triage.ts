/**
 * Triage: the most urgent tier any red flag or triage rule reaches. Tiers only
 * ever go up as answers are added (rules are monotone in the answers they
 * read), so no later answer can lower the tier.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import { TRIAGE_TIERS, type SeriousCondition, type TriageTier } from '../knowledge/schema.js';
import { evaluateRule, isApplicable, type Answers } from './answers.js';

/** One reason behind the triage tier. */
export interface TriageReason {
  /** Id of the red flag or triage rule that fired. */
  id: string;
  tier: TriageTier;
  /** Set for red flags: the serious condition to rule out. */
  condition?: SeriousCondition;
  reason: string;
  action: string;
  sources: string[];
}

/** The triage outcome. */
export interface Triage {
  tier: TriageTier;
  /** Every reason that fired, most urgent first. */
  reasons: TriageReason[];
  /** Serious conditions to rule out. */
  serious: SeriousCondition[];
  /** What to do now, for the tier reached. */
  whatToDoNow: string;
  /** Red-flag questions that apply but are unanswered or answered "unsure". */
  unresolvedRedFlagQuestions: string[];
}

/** Rank of a tier: 0 is the most urgent. */
export function tierRank(tier: TriageTier): number {
  return TRIAGE_TIERS.indexOf(tier);
}

/** The more urgent of two tiers. */
export function moreUrgent(a: TriageTier, b: TriageTier): TriageTier {
  return tierRank(a) <= tierRank(b) ? a : b;
}

const DEFAULT_ACTION: Record<TriageTier, string> = {
  emergency: 'Get emergency care now.',
  urgent_doctor: 'See a doctor within the next few days, and stop running until you are cleared.',
  see_clinician:
    'Book a physiotherapist or doctor within one to two weeks. You can keep active within comfort in the meantime.',
  self_care:
    'No warning signs in your answers. A self-management plan is a reasonable start; see a physiotherapist if it is not improving within a few weeks, and get help at once if any warning sign appears.',
};

/**
 * Triage from answers. `derived` carries facts the engine computed (the risk
 * level) that triage rules may read.
 */
export function triage(kb: KnowledgeBase, answers: Answers): Triage {
  const reasons: TriageReason[] = [];
  for (const flag of kb.redFlags) {
    if (evaluateRule(flag.rule, answers)) {
      reasons.push({
        id: flag.id,
        tier: flag.tier,
        condition: flag.condition,
        reason: flag.reason,
        action: flag.action,
        sources: flag.sources,
      });
    }
  }
  for (const rule of kb.triageRules) {
    if (evaluateRule(rule.rule, answers)) {
      reasons.push({
        id: rule.id,
        tier: rule.tier,
        reason: rule.reason,
        action: rule.action,
        sources: rule.sources,
      });
    }
  }

  const unresolved = kb.questions
    .filter(
      (q) =>
        q.redFlag &&
        isApplicable(q, answers) &&
        (answers[q.id] === undefined || answers[q.id] === 'unsure'),
    )
    .map((q) => q.id);
  const unsure = unresolved.filter((id) => answers[id] === 'unsure');
  if (unsure.length > 0) {
    reasons.push({
      id: 'unsure_warning_signs',
      tier: 'see_clinician',
      reason: `You were not sure about ${unsure.length === 1 ? 'one warning-sign question' : `${unsure.length} warning-sign questions`} (${unsure.join(', ')}); a clinician can check these in person.`,
      action:
        'Book a physiotherapist or doctor within one to two weeks, sooner if any warning sign becomes clear.',
      sources: ['finucane-2020'],
    });
  }

  reasons.sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
  const tier = reasons.reduce<TriageTier>((t, r) => moreUrgent(t, r.tier), 'self_care');
  const serious = [...new Set(reasons.flatMap((r) => (r.condition ? [r.condition] : [])))];
  const top = reasons.find((r) => r.tier === tier);
  return {
    tier,
    reasons,
    serious,
    whatToDoNow: top?.action ?? DEFAULT_ACTION[tier],
    unresolvedRedFlagQuestions: unresolved,
  };
}
