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
