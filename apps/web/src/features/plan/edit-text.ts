/** A clinician's plan edit in words, for the runner's plan (the core's wording, the runner's time zone). */
import { describePlanEditChange, planEditNote } from '@backtrack/core';
import { runnerTimeZone } from '../../shared/lib/dates.js';
import type { PlanEditDto } from '../../shared/api/types.js';

/** What an edit changed, in words: "Bird dog: 8 reps", "paused Bird dog". */
export function editChangeText(edit: Pick<PlanEditDto, 'exerciseName' | 'change'>): string {
  return describePlanEditChange(edit);
}

/** "Changed by <clinician>, <date>: <reason>", the date in the runner's time zone unless another is named. */
export function editNote(
  edit: Pick<PlanEditDto, 'authorName' | 'at' | 'reason'>,
  timeZone: string = runnerTimeZone(),
): string {
  return planEditNote(edit, timeZone);
}
