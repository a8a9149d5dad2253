/**
 * What each weekly decision of the plan means for the next week, in words:
 * one table for the CLI and the web. Pure data with a type-only import: the
 * web may import it as a value (see eslint.config.js).
 */
import type { AdaptationDecision } from './types.js';

/** What each weekly decision of the plan means for the next week. */
export const DECISION_LABELS: Readonly<Record<AdaptationDecision, string>> = {
  progress: 'Progress: next week moves up one step',
  hold: 'Hold: next week stays at the same level',
  step_back: 'Step back: next week is easier',
  stop_running: 'Stop running: see a clinician',
  not_applied: 'Not adapted by pain',
};

/**
 * A plan week's load level in words, never as a signed number ("level -1"
 * meant nothing to runners): 0 is the level the plan started at; each step
 * up or down changes doses and running (`PlanWeek.level`).
 */
export function describeLevel(level: number): string {
  if (level === 0) return 'starting level';
  const steps = Math.abs(level);
  const unit = steps === 1 ? 'step' : 'steps';
  return level > 0
    ? `${steps} ${unit} harder than the start`
    : `${steps} ${unit} easier than the start`;
}
