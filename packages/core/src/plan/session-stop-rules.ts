/**
 * The stop rules shown during an exercise session, in plain words, from the
 * knowledge base's pain-monitoring model and plan rules. The server sends
 * them (`GET /api/stop-rules`); the web never writes a pain threshold itself.
 */
import { PLAN_RULES } from '../knowledge/plan-rules.js';
import { PAIN_MONITORING } from '../knowledge/running-rules.js';

/** A stop rule shown during a session, with its sources. */
export interface SessionStopRule {
  text: string;
  /** Ids of knowledge-base sources. */
  sources: string[];
}

/**
 * The pain limits of a session, in plain words, from the knowledge base's
 * pain-monitoring model (`PAIN_MONITORING`) and the plan rule that stops
 * running (`stopRunningPain`). Shown with each exercise's own `stopIf`.
 */
export function sessionStopRules(): SessionStopRule[] {
  const { safeMax, acceptableMax } = PAIN_MONITORING;
  const stop = PLAN_RULES.stopRunningPain.value;
  return [
    {
      text: `Pain up to ${safeMax}/10 while you exercise is fine; up to ${acceptableMax}/10 is acceptable if it has settled by the next morning.`,
      sources: [...PAIN_MONITORING.sources],
    },
    {
      text: `Pain above ${acceptableMax}/10: stop this exercise, try the easier version, and say so in today’s check-in (the plan then steps back).`,
      sources: [...PAIN_MONITORING.sources],
    },
    {
      text: `Pain of ${stop}/10 or more: stop the session and see a physiotherapist or doctor; answer the warning-sign questions again.`,
      sources: [...PLAN_RULES.stopRunningPain.sources],
    },
  ];
}
