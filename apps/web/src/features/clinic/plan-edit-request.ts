/** The clinician's plan-edit form as data: its inputs → the API's request, and an API error → the input it names. */
import type { EditableDoseField, PlanEditOption, PlanEditRequest } from '@backtrack/core';
import { ApiError } from '../../shared/api/client.js';

/** What the clinician changes: a dose, a swap to a variant, or a pause. */
export type ChangeKind = 'dose' | 'easier' | 'harder' | 'pause';

/** The form's inputs an API error can point at. */
export type FormField = 'exerciseId' | 'kind' | 'fromWeek' | 'reason' | EditableDoseField;

/**
 * The form input an API error names. The server starts every invalid-input
 * message with the request field (`change.reps: at most 12 for …`,
 * `reason: required …`); anything else is shown above the button.
 */
export function fieldOfError(error: unknown): FormField | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return null;
  const field = /^([\w.]+):/.exec(error.message)?.[1];
  switch (field) {
    case 'exerciseId':
    case 'fromWeek':
    case 'reason':
      return field;
    case 'change.sets':
      return 'sets';
    case 'change.reps':
      return 'reps';
    case 'change.holdSeconds':
      return 'holdSeconds';
    case 'change':
    case 'change.to':
    case 'change.kind':
      return 'kind';
    default:
      return null;
  }
}

/** The dose of an option as the form's text inputs (empty where the dose has none). */
export function doseDraft(option: PlanEditOption | undefined): Record<EditableDoseField, string> {
  const text = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    sets: text(option?.dose.sets),
    reps: text(option?.dose.reps),
    holdSeconds: text(option?.dose.holdSeconds),
  };
}

/** The request the form's inputs make: only the dose fields that differ from the current dose. */
export function toPlanEditRequest(
  option: PlanEditOption,
  draft: {
    kind: ChangeKind;
    dose: Record<EditableDoseField, string>;
    fromWeek: string;
    reason: string;
  },
): PlanEditRequest {
  const base = { exerciseId: option.exerciseId, fromWeek: Number(draft.fromWeek) };
  const reason = draft.reason;
  if (draft.kind === 'pause') return { ...base, reason, change: { kind: 'pause' } };
  if (draft.kind !== 'dose') return { ...base, reason, change: { kind: 'swap', to: draft.kind } };
  const change: Extract<PlanEditRequest['change'], { kind: 'dose' }> = { kind: 'dose' };
  for (const { field } of option.bounds) {
    const text = draft.dose[field].trim();
    if (text !== '' && Number(text) !== option.dose[field]) change[field] = Number(text);
  }
  return { ...base, reason, change };
}
