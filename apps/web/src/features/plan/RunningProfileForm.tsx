import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { Equipment, RunnerProfileInput } from '../../shared/api/types.js';
import {
  convertDraft,
  draftFromProfile,
  EQUIPMENT_OPTIONS,
  parseProfileDraft,
  type ProfileDraft,
  type ProfileField,
} from './profile.js';
import { formatDistance, fromKm, type DistanceUnit } from '../../shared/lib/units.js';

const UNIT_WORD: Record<DistanceUnit, string> = { km: 'km', mi: 'miles' };

/**
 * "Your running": days a week, distances in the runner's unit and equipment,
 * collapsed behind a button. `onApply` gets a profile in kilometres. With
 * `fromRuns` (the weekly distance of the imported runs), the weekly field
 * offers that value; the runner fills it in with a button and confirms
 * with "Update my plan".
 */
export function RunningProfileForm({
  unit,
  initial,
  busy,
  onApply,
  fromRuns = null,
}: {
  unit: DistanceUnit;
  initial: RunnerProfileInput | null;
  busy: boolean;
  onApply: (profile: RunnerProfileInput) => void;
  fromRuns?: { km: number; text: string } | null;
}) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(initial, unit));
  const [draftUnit, setDraftUnit] = useState(unit);
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [applied, setApplied] = useState(initial !== null);
  const fieldRefs = useRef<Partial<Record<ProfileField, HTMLInputElement | null>>>({});

  // The runner switched units: re-express what they typed.
  if (draftUnit !== unit) {
    setDraft(convertDraft(draft, draftUnit, unit));
    setDraftUnit(unit);
  }

  const formId = `${uid}-form`;
  const headingId = `${uid}-heading`;
  const set = (field: ProfileField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const toggleEquipment = (id: Equipment, on: boolean) => {
    setDraft((d) => ({
      ...d,
      equipment: on ? [...d.equipment, id] : d.equipment.filter((e) => e !== id),
    }));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseProfileDraft(draft, unit);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setApplied(false);
      const first = (['runningDays', 'weekly', 'longest'] as const).find((f) => parsed.errors[f]);
      if (first) fieldRefs.current[first]?.focus();
      return;
    }
    setErrors({});
    setApplied(true);
    onApply(parsed.profile);
  };

  const numberField = (field: ProfileField, label: string, hint?: string) => {
    const id = `${uid}-${field}`;
    const problem = errors[field];
    const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null]
      .filter(Boolean)
      .join(' ');
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p id={`${id}-hint`} className="hint">
            {hint}
          </p>
        ) : null}
        <input
          id={id}
          ref={(el) => {
            fieldRefs.current[field] = el;
          }}
          type="text"
          inputMode={field === 'runningDays' ? 'numeric' : 'decimal'}
          value={draft[field]}
          onChange={(e) => {
            set(field, e.target.value);
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {problem ? (
          <p id={`${id}-problem`} className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <section className="card no-print" aria-labelledby={headingId}>
      <h2 id={headingId}>Your running</h2>
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        Adjust to your running
      </button>
      <form id={formId} hidden={!open} onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        {numberField('runningDays', 'Running days per week', 'From 0 to 7.')}
        {numberField(
          'weekly',
          `Current weekly distance (${UNIT_WORD[unit]})`,
          'Optional. About how far you run in a normal week now.',
        )}
        {fromRuns ? (
          <div className="from-runs">
            <p className="hint">{fromRuns.text}</p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                set('weekly', String(Math.round(fromKm(fromRuns.km, unit) * 10) / 10));
                fieldRefs.current.weekly?.focus();
              }}
            >
              Use {formatDistance(fromRuns.km, unit)} a week from my runs
            </button>
          </div>
        ) : null}
        {numberField(
          'longest',
          `Longest run in the last 30 days (${UNIT_WORD[unit]})`,
          'Optional.',
        )}
        <fieldset>
          <legend>What you have at home</legend>
          {EQUIPMENT_OPTIONS.map((option) => (
            <label key={option.id} className="checkbox">
              <input
                type="checkbox"
                checked={draft.equipment.includes(option.id)}
                onChange={(e) => {
                  toggleEquipment(option.id, e.target.checked);
                }}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Updating…' : 'Update my plan'}
        </button>
        <p role="status" className="hint">
          {Object.keys(errors).length > 0
            ? 'Check the fields marked above.'
            : applied && !busy
              ? 'Your plan below now uses these answers; saving keeps them.'
              : ''}
        </p>
      </form>
    </section>
  );
}
