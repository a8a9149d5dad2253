/** A clinician's plan edit in words, for the runner's plan. */
import { formatInstantDate } from '../../shared/lib/dates.js';
import type { PlanEditDto } from '../../shared/api/types.js';

/** What an edit changed, in words: "Bird dog: 8 reps", "paused Bird dog". */
export function editChangeText(edit: Pick<PlanEditDto, 'exerciseName' | 'change'>): string {
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

/** "Changed by <clinician>, <date>: <reason>", the date in the runner's time zone unless another is named. */
export function editNote(
  edit: Pick<PlanEditDto, 'authorName' | 'at' | 'reason'>,
  timeZone?: string,
): string {
  return `Changed by ${edit.authorName}, ${formatInstantDate(edit.at, timeZone)}: ${edit.reason}`;
}
