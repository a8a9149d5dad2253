/**
 * Triage: the most urgent tier any red flag or triage rule reaches, given only
 * once the warning-sign screen is complete. Rules are monotone in the answers
 * they read (no negation), so the tier they reach (`floor`) only ever goes up
 * as answers are added; "not sure" passes only the rules written for doubt,
 * which are at least as urgent as those for "no".
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import { TIER_WORDING } from '../knowledge/labels.js';
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

/** A warning-sign question named for a runner: its id (for programs) and its plain topic. */
export interface ScreenQuestion {
  id: string;
  topic: string;
}

/**
 * Whether the warning-sign screen is done: `complete` when every warning-sign
 * question that applies has an answer ("not sure" is an answer) or an
 * emergency sign is already present; otherwise `incomplete`.
 */
export type ScreenStatus = 'complete' | 'incomplete';

/** The triage outcome. */
export interface Triage {
  status: ScreenStatus;
  /**
   * The verdict. `null` while the screen is incomplete: no tier, no headline
   * and no plan until every warning-sign question that applies is answered.
   * An emergency is given at once, whatever is still unanswered.
   */
  tier: TriageTier | null;
  /**
   * The most urgent tier the rules reach on the answers so far, complete or
   * not. Monotone in the answers; for the engine and its tests, never shown
   * to a runner as a verdict while the screen is incomplete.
   */
  floor: TriageTier;
  /** Every reason that fired, most urgent first. */
  reasons: TriageReason[];
  /** Serious conditions to rule out. */
  serious: SeriousCondition[];
  /** What to do now: for the tier reached, or how to finish the screen. */
  whatToDoNow: string;
  /** Warning-sign questions that apply and have no answer yet. */
  missing: ScreenQuestion[];
  /** Warning-sign questions answered "not sure" (or with a "not sure" option). */
  unsure: ScreenQuestion[];
  /** Ids of the warning-sign questions that are missing or answered "not sure". */
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

/** Joins plain phrases: "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function isUnsure(value: Answers[string] | undefined): boolean {
  return value === 'unsure' || (Array.isArray(value) && value.includes('unsure'));
}

/**
 * Triage from answers (with the facts the engine derives, such as the risk
 * level, that triage rules may read).
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
  const minorFound = kb.minorFlags.filter((m) => evaluateRule(m.rule, answers)).map((m) => m.label);
  for (const rule of kb.triageRules) {
    if (evaluateRule(rule.rule, answers)) {
      reasons.push({
        id: rule.id,
        tier: rule.tier,
        reason: rule.listsMinorFlags
          ? `${rule.reason} Found: ${listInWords(minorFound)}.`
          : rule.reason,
        action: rule.action,
        sources: rule.sources,
      });
    }
  }

  const screen = kb.questions.filter((q) => q.redFlag && isApplicable(q, answers));
  const named = (q: (typeof screen)[number]): ScreenQuestion => ({
    id: q.id,
    topic: q.topic ?? q.id,
  });
  const missing = screen.filter((q) => answers[q.id] === undefined).map(named);
  const unsure = screen.filter((q) => isUnsure(answers[q.id])).map(named);
  if (unsure.length > 0) {
    reasons.push({
      id: 'unsure_warning_signs',
      tier: 'see_clinician',
      reason: `You were not sure about ${listInWords(unsure.map((q) => q.topic))}. A clinician can check ${unsure.length === 1 ? 'this' : 'these'} in person.`,
      action:
        'Book a physiotherapist or doctor within one to two weeks, sooner if any warning sign becomes clear.',
      sources: ['finucane-2020'],
    });
  }

  reasons.sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
  const floor = reasons.reduce<TriageTier>((t, r) => moreUrgent(t, r.tier), 'self_care');
  const status: ScreenStatus =
    missing.length === 0 || floor === 'emergency' ? 'complete' : 'incomplete';
  const tier = status === 'complete' ? floor : null;
  const serious = [...new Set(reasons.flatMap((r) => (r.condition ? [r.condition] : [])))];
  const top = reasons.find((r) => r.tier === floor);
  return {
    status,
    tier,
    floor,
    reasons,
    serious,
    whatToDoNow:
      tier === null
        ? `The warning-sign questions are not finished. Answer the rest before reading any result or starting a plan: ${listInWords(missing.map((q) => q.topic))}. "Not sure" is an answer.`
        : (top?.action ?? TIER_WORDING[tier].action),
    missing,
    unsure,
    unresolvedRedFlagQuestions: [...missing, ...unsure].map((q) => q.id),
  };
}
