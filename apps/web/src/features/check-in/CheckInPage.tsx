import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';
import { isUnauthenticated, useCheckIn, useSavedPlan } from '../../shared/api/queries.js';
import type { CheckInResponse, SavedPlan } from '../../shared/api/types.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { PainScale } from '../../shared/PainScale.js';
import { SafetyStopNotice, TodayList } from '../plan/PlanView.js';
import { useUnits } from '../../shared/use-units.js';
import { planToday, sessionsDoneOn } from '@backtrack/core';
import { formatDate, isCalendarDate, toIsoDate } from '../../shared/lib/dates.js';
import {
  callsForLegPainRecheck,
  CHECK_IN_NOTE_MAX,
  DECISION_LABELS,
  LEG_PAIN,
  LEG_PAIN_LABELS,
  LEG_PAIN_RECHECK,
  toKm,
  type LegPain,
} from '@backtrack/core';
import { ApiError } from '../../shared/api/client.js';
import { enqueueCheckIn } from '../today/offline-queue.js';
import { hasTicks, readTicks } from '../today/ticks.js';
import './check-in.css';

const PAIN_FIELDS = [
  { key: 'painDuring', legend: 'Pain during today’s exercise or run' },
  { key: 'painAfter', legend: 'Pain straight after it' },
  { key: 'painNextMorning', legend: 'Pain this morning, on waking (after yesterday’s session)' },
] as const;

type PainKey = (typeof PAIN_FIELDS)[number]['key'];

/** Said as soon as a check-in date after today is typed. */
const FUTURE_DATE_PROBLEM = 'That day has not come yet: check in for today or an earlier day.';
/** The plan day of `date` (the core's `planToday`), with what was ticked off on Today; null outside the plan. */
function planDayOf(saved: SavedPlan, date: string) {
  if (!isCalendarDate(date)) return null;
  const day = planToday(saved.plan, saved.startDate, date);
  if (day.status !== 'in_plan' || !day.position) return null;
  const ticked = hasTicks(saved.id, date) ? sessionsDoneOn(day, readTicks(saved.id, date)) : null;
  return {
    ...day.position,
    items: [...day.exercises, ...day.activities],
    sessionsPlanned: day.sessionsPlanned,
    ticked,
  };
}

function CheckInForm({ saved }: { saved: SavedPlan }) {
  const checkIn = useCheckIn(saved.id);
  const [unit] = useUnits();
  const id = useId();
  const [date, setDate] = useState(() => toIsoDate(new Date()));
  const [pain, setPain] = useState<Record<PainKey, string>>({
    painDuring: '',
    painAfter: '',
    painNextMorning: '',
  });
  const today = planDayOf(saved, date);
  const plannedDefault = String(today?.sessionsPlanned ?? 1);
  const [planned, setPlanned] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [distance, setDistance] = useState('');
  const [legPain, setLegPain] = useState<LegPain | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [response, setResponse] = useState<CheckInResponse | null>(null);
  /** A check-in kept on this device while offline: its date and where the pain reached. */
  const [queued, setQueued] = useState<{ date: string; legPain?: LegPain } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const plannedValue = planned ?? plannedDefault;
  // Ticked off on Today (or in the guided session): that many; otherwise all of them.
  const doneValue = done ?? (today?.ticked != null ? String(today.ticked) : plannedValue);

  useEffect(() => {
    if (response || queued) resultRef.current?.focus();
  }, [response, queued]);

  // A day that has not come yet is refused as it is typed, not only on Save (the server refuses it too).
  const todayIso = toIsoDate(new Date());
  const futureDate = isCalendarDate(date) && date > todayIso;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isCalendarDate(date)) {
      setProblem('Enter the date of this check-in.');
      return;
    }
    if (futureDate) {
      // Already said at the field: take the runner there.
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    const missing = PAIN_FIELDS.find((f) => pain[f.key] === '');
    if (missing) {
      setProblem(`Choose a number for “${missing.legend}”.`);
      return;
    }
    const sessionsPlanned = Number(plannedValue);
    const sessionsDone = Number(doneValue);
    if (!Number.isInteger(sessionsPlanned) || sessionsPlanned < 0 || sessionsPlanned > 10) {
      setProblem('Sessions planned: enter a whole number from 0 to 10.');
      return;
    }
    if (!Number.isInteger(sessionsDone) || sessionsDone < 0 || sessionsDone > 10) {
      setProblem('Sessions done: enter a whole number from 0 to 10.');
      return;
    }
    if (sessionsPlanned > 0 && sessionsDone > sessionsPlanned) {
      setProblem('Sessions done cannot be more than sessions planned.');
      return;
    }
    const ran = distance.trim() === '' ? undefined : Number(distance);
    if (ran !== undefined && (!Number.isFinite(ran) || ran < 0)) {
      setProblem(
        `Distance run: enter a number of ${unit === 'mi' ? 'miles' : 'kilometres'}, or leave it empty.`,
      );
      return;
    }
    setProblem(null);
    setResponse(null);
    setQueued(null);
    const body = {
      date,
      painDuring: Number(pain.painDuring),
      painAfter: Number(pain.painAfter),
      painNextMorning: Number(pain.painNextMorning),
      sessionsDone,
      sessionsPlanned,
      ...(ran === undefined ? {} : { distanceKm: Math.round(toKm(ran, unit) * 100) / 100 }),
      ...(legPain === '' ? {} : { legPain }),
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    };
    const clear = () => {
      setPain({ painDuring: '', painAfter: '', painNextMorning: '' });
      setPlanned(null);
      setDone(null);
      setDistance('');
      setLegPain('');
      setNote('');
    };
    checkIn.mutate(body, {
      onSuccess: (r) => {
        setResponse(r);
        clear();
      },
      onError: (error) => {
        // Offline: keep it on this device and send it when the network returns.
        if (!(error instanceof ApiError && error.code === 'network')) return;
        void enqueueCheckIn(saved.id, body).then(() => {
          setQueued({ date, ...(body.legPain === undefined ? {} : { legPain: body.legPain }) });
          clear();
        });
      },
    });
  };

  return (
    <>
      <form className="checkin" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            // No check-in for a day that has not come yet (the server refuses it too).
            max={todayIso}
            aria-invalid={futureDate ? true : undefined}
            {...(futureDate ? { 'aria-describedby': `${id}-date-problem` } : {})}
            onChange={(e) => {
              setDate(e.target.value);
              setPlanned(null);
              setDone(null);
            }}
          />
          {futureDate ? (
            <p id={`${id}-date-problem`} className="field-error" role="alert">
              {FUTURE_DATE_PROBLEM}
            </p>
          ) : null}
        </div>
        {today ? (
          <div className="card card--flat">
            <p>
              Plan week {today.week}, day {today.dayOfWeek} ({formatDate(date)}):
            </p>
            <TodayList items={today.items} unit={unit} />
          </div>
        ) : (
          <p className="muted">
            This date is outside the plan, which runs from {formatDate(saved.startDate)} to{' '}
            {formatDate(saved.endDate)}.
          </p>
        )}
        {PAIN_FIELDS.map((f) => (
          <fieldset key={f.key} className="scale-field">
            <legend>{f.legend} (0–10)</legend>
            <PainScale
              name={`${id}-${f.key}`}
              value={pain[f.key]}
              onChange={(v) => {
                setPain({ ...pain, [f.key]: v });
              }}
            />
          </fieldset>
        ))}
        {today?.ticked != null && done === null ? (
          <p className="muted">
            Sessions done is filled in from what you ticked off on <Link to="/today">Today</Link>.
          </p>
        ) : null}
        <div className="two-fields">
          <div className="field">
            <label htmlFor={`${id}-planned`}>Sessions planned today</label>
            <input
              id={`${id}-planned`}
              type="number"
              inputMode="numeric"
              min={0}
              max={10}
              step={1}
              value={plannedValue}
              onChange={(e) => {
                setPlanned(e.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-done`}>Sessions done</label>
            <input
              id={`${id}-done`}
              type="number"
              inputMode="numeric"
              min={0}
              max={10}
              step={1}
              value={doneValue}
              onChange={(e) => {
                setDone(e.target.value);
              }}
            />
          </div>
        </div>
        <fieldset className="checkin__leg">
          <legend>Where did the pain reach today? (optional)</legend>
          {LEG_PAIN.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${id}-leg`}
                value={value}
                checked={legPain === value}
                onChange={() => {
                  setLegPain(value);
                }}
              />
              {LEG_PAIN_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-distance`}>
            Distance run today, {unit === 'mi' ? 'miles' : 'km'} (optional)
          </label>
          <input
            id={`${id}-distance`}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={distance}
            onChange={(e) => {
              setDistance(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>A note for your physiotherapist (optional)</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={CHECK_IN_NOTE_MAX}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
        </div>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        {checkIn.isError && !queued ? (
          <ErrorMessage error={checkIn.error} title="Check-in not saved" />
        ) : null}
        <button type="submit" className="button button--primary" disabled={checkIn.isPending}>
          {checkIn.isPending ? 'Saving…' : 'Save check-in'}
        </button>
      </form>
      <div ref={resultRef} tabIndex={-1} role="status" className="checkin__result">
        {queued ? (
          <div className="card">
            <h2>Check-in kept on this device for {formatDate(queued.date)}</h2>
            <p>You are offline. It is sent when you are back online; nothing is lost.</p>
            {/* Offline, the last check-in is not at hand: the core's rule then asks. */}
            {callsForLegPainRecheck(queued, undefined) ? (
              <RecheckNotice reason={LEG_PAIN_RECHECK.reason} action={LEG_PAIN_RECHECK.action} />
            ) : null}
          </div>
        ) : null}
        {response ? (
          <div className="card">
            <h2>Check-in saved for {formatDate(response.checkIn.date)}</h2>
            {response.adaptation ? (
              <>
                <p className="decision">
                  <strong>{DECISION_LABELS[response.adaptation.decision]}</strong>
                </p>
                <p>{response.adaptation.reason}</p>
                {response.adaptation.safetyStop ? (
                  <SafetyStopNotice stop={response.adaptation.safetyStop} />
                ) : null}
              </>
            ) : (
              <p>The plan adapts at the end of each week, from that week’s check-ins.</p>
            )}
            {response.recheck ? (
              <RecheckNotice reason={response.recheck.reason} action={response.recheck.action} />
            ) : null}
            <p>
              <Link to={`/plans/${saved.id}/progress`}>See your progress</Link>
            </p>
          </div>
        ) : null}
      </div>
    </>
  );
}

/** The warning-sign re-check a check-in calls for (HAZ-25): why, what to do, where to answer. */
function RecheckNotice({ reason, action }: { reason: string; action: string }) {
  return (
    <div className="notice notice--warning" role="alert">
      <p className="notice__title">{LEG_PAIN_RECHECK.heading}</p>
      <p>{reason}</p>
      <p>
        <strong>{action}</strong>
      </p>
      <p>
        <Link to="/">Answer the warning-sign questions</Link>: a new assessment asks them first.
      </p>
    </div>
  );
}

/** The daily check-in: pain during, after and next morning, and sessions done; then the plan's decision. */
export function CheckInPage() {
  const { planId = '' } = useParams();
  const saved = useSavedPlan(planId);
  return (
    <>
      <title>Daily check-in – Backtrack</title>
      <h1>Daily check-in</h1>
      <p>
        How did your back feel? Your answers decide whether next week moves up, holds or steps back.
        If pain rises sharply or a warning sign appears, stop and{' '}
        <Link to={`/plans/${planId}`}>see when to seek help</Link>.
      </p>
      {saved.isPending ? <Loading /> : null}
      {saved.isError ? (
        isUnauthenticated(saved.error) ? (
          <p>
            <Link to={`/account?next=${encodeURIComponent(`/plans/${planId}/check-in`)}`}>
              Log in
            </Link>{' '}
            to check in.
          </p>
        ) : (
          <ErrorMessage error={saved.error} />
        )
      ) : null}
      {saved.data ? <CheckInForm saved={saved.data} /> : null}
    </>
  );
}
