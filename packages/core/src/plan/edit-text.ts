/**
 * A clinician's plan edit in words, the same on the runner's plan, the
 * clinician's summary page and the summary PDF.
 */
import { formatInstantDate } from '../dates.js';
import type { PlanEdit } from './edits.js';

/** What an edit changed, in words: "Bird dog: 8 reps", "paused Bird dog". */
export function describePlanEditChange(
  edit: Pick<PlanEdit, 'change'> & { exerciseName: string },
): string {
  const { change } = edit;
  if (change.kind === 'pause') return `paused ${edit.exerciseName}`;
  if (change.kind === 'swap') return `swapped ${edit.exerciseName} for its ${change.to} variant`;
  const parts = [
    change.sets !== undefined ? `${String(change.sets)} sets` : '',
    change.reps !== undefined ? `${String(change.reps)} reps` : '',
    change.holdSeconds !== undefined ? `${String(change.holdSeconds)} s hold` : '',
  ].filter(Boolean);
  return `${edit.exerciseName}: ${parts.join(', ')}`;
}

/** "Changed by <clinician>, <date>: <reason>", the date in `timeZone`. */
export function planEditNote(
  edit: Pick<PlanEdit, 'authorName' | 'at' | 'reason'>,
  timeZone: string,
): string {
  return `Changed by ${edit.authorName}, ${formatInstantDate(edit.at, timeZone)}: ${edit.reason}`;
}
