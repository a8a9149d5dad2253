import type { EditableDoseField, PlanEditOption, PlanEditRequest } from '@backtrack/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { request } from '../../shared/api/client.js';
import { ErrorMessage } from '../../shared/ErrorMessage.js';
import { editChangeText } from '../plan/edit-text.js';
import { clinicKeys } from './clinic-queries.js';
import {
  doseDraft,
  fieldOfError,
  toPlanEditRequest,
  type ChangeKind,
  type FormField,
} from './plan-edit-request.js';

/** The words for a dose field next to its input. */
const FIELD_LABELS: Record<EditableDoseField, string> = {
  sets: 'Sets',
  reps: 'Repetitions',
  holdSeconds: 'Hold (seconds)',
};

/**
 * The clinician's plan edit: one exercise of the shared plan, from a week on,
 * gets a new dose within the knowledge base's bounds (shown next to each
 * field, from the summary's `editOptions`), a swap to the easier or harder
 * variant the core allows, or a pause — always with a reason. The server
 * validates the edit; its message is shown next to the field it names, and
 * on success the summary reloads with the edit listed.
 */
export function PlanEditForm({
  runnerId,
  weeks,
  fromWeek,
  options,
}: {
  runnerId: string;
  /** The plan's length in weeks. */
  weeks: number;
  /** The week an edit starts from by default (the plan's current week). */
  fromWeek: number;
  options: readonly PlanEditOption[];
}) {
  const client = useQueryClient();
  const [exerciseId, setExerciseId] = useState(options[0]?.exerciseId ?? '');
  const option = options.find((o) => o.exerciseId === exerciseId) ?? options[0];
  const [kind, setKind] = useState<ChangeKind>('dose');
  // Dose drafts by exercise; an exercise not typed in yet shows its current dose.
  const [drafts, setDrafts] = useState<Record<string, Record<EditableDoseField, string>>>({});
  const [week, setWeek] = useState(String(fromWeek));
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: (json: PlanEditRequest) =>
      request('POST /api/clinician/runners/:runnerId/plan-edits', { param: { runnerId }, json }),
    onSuccess: () => {
      setReason('');
      setKind('dose');
      setDrafts({});
      void client.invalidateQueries({ queryKey: clinicKeys.summary(runnerId) });
    },
  });
  if (!option) return null;

  const dose = drafts[option.exerciseId] ?? doseDraft(option);
  const errorField = save.isError ? fieldOfError(save.error) : null;
  const problemOf = (field: FormField) =>
    errorField === field && save.error ? save.error.message : null;
  const id = (field: FormField) => `plan-edit-${field}`;
  /** An input's id, and its hint (when `hinted`) and problem (when there is one) as its description. */
  const fieldProps = (field: FormField) => {
    const hinted = field !== 'exerciseId' && field !== 'kind' && field !== 'reason';
    const problemText = problemOf(field);
    return {
      id: id(field),
      'aria-invalid': problemText ? true : undefined,
      'aria-describedby':
        [hinted ? `${id(field)}-hint` : '', problemText ? `${id(field)}-problem` : '']
          .filter(Boolean)
          .join(' ') || undefined,
    };
  };
  const problem = (field: FormField) => {
    const text = problemOf(field);
    return text ? (
      <p id={`${id(field)}-problem`} className="field-error" role="alert">
        {text}
      </p>
    ) : null;
  };
  const chooseExercise = (next: string) => {
    setExerciseId(next);
    setKind('dose');
    save.reset();
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(toPlanEditRequest(option, { kind, dose, fromWeek: week, reason }));
  };

  return (
    <section className="card no-print" aria-labelledby="plan-edit-heading">
      <h2 id="plan-edit-heading">Change the plan</h2>
      <p className="hint">
        Within the knowledge base’s bounds. The runner sees what changed, who changed it and why.
      </p>
      <form className="plan-edit" onSubmit={submit} noValidate aria-labelledby="plan-edit-heading">
        <div className="field">
          <label htmlFor={id('exerciseId')}>Exercise</label>
          <select
            {...fieldProps('exerciseId')}
            value={option.exerciseId}
            onChange={(e) => {
              chooseExercise(e.target.value);
            }}
          >
            {options.map((o) => (
              <option key={o.exerciseId} value={o.exerciseId}>
                {o.name}
              </option>
            ))}
          </select>
          {problem('exerciseId')}
        </div>
        <div className="field">
          <label htmlFor={id('kind')}>What to change</label>
          <select
            {...fieldProps('kind')}
            value={kind}
            onChange={(e) => {
              const next = e.target.value;
              if (next === 'dose' || next === 'easier' || next === 'harder' || next === 'pause')
                setKind(next);
            }}
          >
            <option value="dose">The dose</option>
            {option.swaps.map((s) => (
              <option key={s.to} value={s.to}>
                Swap for the {s.to} variant: {s.name}
              </option>
            ))}
            <option value="pause">Pause it</option>
          </select>
          {problem('kind')}
        </div>
        {kind === 'dose'
          ? option.bounds.map(({ field, min, max }) => (
              <div className="field" key={field}>
                <label htmlFor={id(field)}>{FIELD_LABELS[field]}</label>
                <p id={`${id(field)}-hint`} className="hint">
                  From {min} to {max}.
                </p>
                <input
                  {...fieldProps(field)}
                  type="number"
                  inputMode="numeric"
                  min={min}
                  max={max}
                  step={1}
                  value={dose[field]}
                  onChange={(e) => {
                    setDrafts({
                      ...drafts,
                      [option.exerciseId]: { ...dose, [field]: e.target.value },
                    });
                  }}
                />
                {problem(field)}
              </div>
            ))
          : null}
        <div className="field">
          <label htmlFor={id('fromWeek')}>From week</label>
          <p id={`${id('fromWeek')}-hint`} className="hint">
            From 1 to {weeks}; this is week {fromWeek}.
          </p>
          <input
            {...fieldProps('fromWeek')}
            type="number"
            inputMode="numeric"
            min={1}
            max={weeks}
            step={1}
            value={week}
            onChange={(e) => {
              setWeek(e.target.value);
            }}
          />
          {problem('fromWeek')}
        </div>
        <div className="field">
          <label htmlFor={id('reason')}>Reason (the runner reads it)</label>
          <textarea
            {...fieldProps('reason')}
            rows={3}
            required
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
          {problem('reason')}
        </div>
        {save.isError && errorField === null ? <ErrorMessage error={save.error} /> : null}
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save the change'}
        </button>
        {save.isSuccess ? (
          <p role="status">
            Saved: {editChangeText(save.data)} from week {save.data.fromWeek}.
          </p>
        ) : null}
      </form>
    </section>
  );
}
