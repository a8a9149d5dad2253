/**
 * The warning-sign re-check a check-in can call for (knowledge base
 * `LEG_PAIN_RECHECK`): pain that reaches below the knee when the runner's
 * previous check-in did not say so (or on the first check-in that says it).
 */
import { ruleQuestionIds, type KnowledgeBase } from '../knowledge/index.js';
import {
  callsForLegPainRecheck,
  LEG_PAIN_RECHECK,
  type LegPain,
} from '../knowledge/check-in-rules.js';

/** What the runner is asked to do, and the questions to answer again. */
export interface CheckInRecheck {
  reason: string;
  action: string;
  /** Warning-sign question ids, in the knowledge base's order. */
  questionIds: string[];
  sources: readonly string[];
}

/**
 * The re-check `today` calls for, given the check-in before it (by date),
 * or undefined. Pain below the knee again, after a check-in that said so
 * already, does not ask again.
 */
export function checkInRecheck(
  kb: KnowledgeBase,
  today: { legPain?: LegPain | undefined },
  previous: { legPain?: LegPain | undefined } | undefined,
): CheckInRecheck | undefined {
  if (!callsForLegPainRecheck(today, previous)) return undefined;
  const flags = new Set<string>(LEG_PAIN_RECHECK.redFlags);
  const ids = new Set(
    kb.redFlags.filter((f) => flags.has(f.id)).flatMap((f) => ruleQuestionIds(f.rule)),
  );
  return {
    reason: LEG_PAIN_RECHECK.reason,
    action: LEG_PAIN_RECHECK.action,
    questionIds: kb.questions.filter((q) => ids.has(q.id)).map((q) => q.id),
    sources: LEG_PAIN_RECHECK.sources,
  };
}
