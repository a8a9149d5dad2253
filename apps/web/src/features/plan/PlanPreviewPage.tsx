import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { usePlanPreview } from './plan-queries.js';
import { isNotFound, useMe, useSavePlan } from '../../shared/api/queries.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { NoPlanView } from './NoPlanView.js';
import { PlanView } from './PlanView.js';
import { RunningProfileForm } from './RunningProfileForm.js';
import { useTraining } from '../training/training-queries.js';
import { PlanPageHead } from './PlanPageHead.js';
import { useUnits } from '../../shared/use-units.js';
import type { RunnerProfileInput } from '../../shared/api/types.js';
import { isCalendarDate, toIsoDate } from '../../shared/lib/dates.js';
import { parseStoredProfile } from './profile.js';
import { readSetting, STORAGE_KEYS, writeSetting } from '../../shared/lib/storage.js';

/** The plan an assessment leads to, before it is saved; save it to an account from here. */
export function PlanPreviewPage() {
  const { id = '' } = useParams();
  // Kept in storage so that it survives signing in to save the plan.
  const [profile, setProfile] = useState<RunnerProfileInput | null>(() =>
    parseStoredProfile(readSetting(STORAGE_KEYS.planProfile), id),
  );
  const applyProfile = (next: RunnerProfileInput) => {
    writeSetting(STORAGE_KEYS.planProfile, JSON.stringify({ assessmentId: id, profile: next }));
    setProfile(next);
  };
  const outcome = usePlanPreview(id, { profile });
  const me = useMe();
  const save = useSavePlan();
  const navigate = useNavigate();
  const [unit, setUnit] = useUnits();
  const [startDate, setStartDate] = useState(() => toIsoDate(new Date()));
  const [dateProblem, setDateProblem] = useState<string | null>(null);

  const onSave = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isCalendarDate(startDate)) {
      setDateProblem('Enter the start date as a date, for example 2025-03-03.');
      return;
    }
    setDateProblem(null);
    save.mutate(
      { assessmentId: id, startDate, ...(profile ? { profile } : {}) },
      {
        onSuccess: (saved) => {
          void navigate(`/plans/${saved.id}`);
        },
      },
    );
  };

  // The weekly distance of the imported runs (core finding `weekly_distance`), offered for the runner to confirm.
  const [utcOffsetMin] = useState(() => -new Date().getTimezoneOffset() || 0);
  const training = useTraining({ utcOffsetMin }, { enabled: Boolean(me.data) });
  const weekly = training.data?.findings.find((f) => f.id === 'weekly_distance');
  const weeklyFromRuns =
    weekly?.numbers.weeklyKm !== undefined
      ? { km: weekly.numbers.weeklyKm, text: weekly.text }
      : null;

  return (
    <>
      <PlanPageHead unit={unit} onUnitChange={setUnit} />
      {outcome.isPending ? <Loading label="Building your plan…" /> : null}
      {outcome.isError ? (
        isNotFound(outcome.error) ? (
          <p>
            This assessment was not found. <Link to="/">Start a new assessment</Link>.
          </p>
        ) : (
          <ErrorMessage error={outcome.error} />
        )
      ) : null}
      {outcome.data?.kind === 'no_plan' ? <NoPlanView outcome={outcome.data} /> : null}
      {outcome.data?.kind === 'plan' ? (
        <>
          <RunningProfileForm
            unit={unit}
            initial={profile}
            fromRuns={weeklyFromRuns}
            busy={outcome.isPlaceholderData || outcome.isFetching}
            onApply={applyProfile}
          />
          <section className="card save no-print" aria-labelledby="save-heading">
            <h2 id="save-heading">Save this plan</h2>
            {me.data ? (
              <form onSubmit={onSave} noValidate className="inline-form">
                <div className="field">
                  <label htmlFor="start-date">Start date</label>
                  <input
                    id="start-date"
                    type="date"
                    value={startDate}
                    onChange={(e) => {
                      setStartDate(e.target.value);
                    }}
                    aria-invalid={dateProblem ? true : undefined}
                    aria-describedby={dateProblem ? 'start-date-problem' : undefined}
                  />
                </div>
                <button type="submit" className="button button--primary" disabled={save.isPending}>
                  {save.isPending ? 'Saving…' : 'Save plan'}
                </button>
                {dateProblem ? (
                  <p id="start-date-problem" className="field-error" role="alert">
                    {dateProblem}
                  </p>
                ) : null}
              </form>
            ) : (
              <p>
                To track this plan with daily check-ins,{' '}
                <Link to={`/account?next=${encodeURIComponent(`/assessment/${id}/plan`)}`}>
                  create an account or log in
                </Link>
                . Your assessment comes with you.
              </p>
            )}
            {save.isError ? (
              <ErrorMessage error={save.error} title="Could not save the plan" />
            ) : null}
          </section>
          <PlanView plan={outcome.data} unit={unit} />
        </>
      ) : null}
      <p className="no-print">
        <Link to={`/report/${id}`}>Back to my report</Link>
      </p>
    </>
  );
}
