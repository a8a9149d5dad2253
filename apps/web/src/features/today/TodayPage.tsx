import type { PlanExerciseItem } from '@backtrack/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useExercises } from '../../shared/api/queries.js';
import type { ExerciseDto, SavedPlan } from '../../shared/api/types.js';
import { formatDate } from '../../shared/lib/dates.js';
import { formatDose, formatPlanItem } from '../../shared/lib/format.js';
import { useUnits } from '../../shared/use-units.js';
import { LatestPlan } from './LatestPlan.js';
import { toggleActivity, toggleExercise } from './ticks.js';
import { useStopRules } from './today-queries.js';
import { usePlanDay, useTodayDate } from './use-day.js';
import './today.css';

/** An exercise's drawing of its start and end positions. */
export function ExerciseIllustration({ exerciseId, name }: { exerciseId: string; name: string }) {
  return (
    <img
      className="today-ex__img"
      src={`/api/exercises/${encodeURIComponent(exerciseId)}/illustration.svg`}
      alt={`${name}: drawing of the start and end positions`}
      width={640}
      height={280}
      decoding="async"
    />
  );
}

/** An exercise's cues from the library (nothing until the library has loaded). */
export function Cues({ exercise }: { exercise: ExerciseDto | undefined }) {
  if (!exercise) return null;
  return (
    <ul className="today-ex__cues" aria-label="Cues">
      {exercise.cues.map((c) => (
        <li key={c}>{c}</li>
      ))}
    </ul>
  );
}

function ExerciseRow({
  item,
  exercise,
  done,
  onTick,
}: {
  item: PlanExerciseItem;
  exercise: ExerciseDto | undefined;
  done: boolean;
  onTick: (done: boolean) => void;
}) {
  const headingId = `today-ex-${item.exerciseId}`;
  return (
    <li className={`today-ex card${done ? ' today-ex--done' : ''}`} aria-labelledby={headingId}>
      <ExerciseIllustration exerciseId={item.exerciseId} name={item.name} />
      <div className="today-ex__body">
        <h3 id={headingId}>{item.name}</h3>
        <p className="today-ex__dose">
          <strong>Dose:</strong> {formatDose(item.dose)}
        </p>
        <Cues exercise={exercise} />
        <label className="tick">
          <input
            type="checkbox"
            checked={done}
            onChange={(e) => {
              onTick(e.target.checked);
            }}
          />
          Done: {item.name}
        </label>
      </div>
    </li>
  );
}

function TodayView({ saved }: { saved: SavedPlan }) {
  const date = useTodayDate();
  const [unit] = useUnits();
  const exercises = useExercises();
  const library = useMemo(
    () => new Map((exercises.data ?? []).map((e) => [e.id, e])),
    [exercises.data],
  );
  const { today, ticks, sessionsDone, setTicks } = usePlanDay(saved, date);
  // Loaded here too, so the guided session has its stop rules offline.
  useStopRules();
  const checkIn = `/plans/${saved.id}/check-in`;

  if (today.status !== 'in_plan' || !today.position) {
    return (
      <p>
        {today.status === 'before_start'
          ? `Your plan starts on ${formatDate(saved.startDate)}, in ${today.daysUntilStart} day${today.daysUntilStart === 1 ? '' : 's'}.`
          : `Your plan ended on ${formatDate(saved.endDate)}.`}{' '}
        <Link to={`/plans/${saved.id}`}>See the plan</Link>.
      </p>
    );
  }
  const { week, dayOfWeek } = today.position;
  return (
    <>
      <p className="today__when">
        {formatDate(date)} · plan week {week}, day {dayOfWeek}
      </p>
      {saved.plan.safetyStop ? (
        <div className="notice notice--warning" role="alert">
          <p className="notice__title">Running stopped: see a clinician</p>
          <p>{saved.plan.safetyStop.seeClinician}</p>
        </div>
      ) : null}
      <p className="today__progress" aria-live="polite">
        {today.sessionsPlanned === 0
          ? 'Rest day: nothing planned today.'
          : `${sessionsDone} of ${today.sessionsPlanned} session${today.sessionsPlanned === 1 ? '' : 's'} done today.`}
      </p>
      {today.exercises.length > 0 ? (
        <section aria-labelledby="today-exercises">
          <div className="today__section-head">
            <h2 id="today-exercises">Exercises</h2>
            <Link className="button button--primary" to="/today/session">
              {ticks.sessionFinished ? 'Do the session again' : 'Start the guided session'}
            </Link>
          </div>
          <ul className="today-ex-list">
            {today.exercises.map((item) => (
              <ExerciseRow
                key={item.exerciseId}
                item={item}
                exercise={library.get(item.exerciseId)}
                done={ticks.sessionFinished || ticks.exercisesDone.includes(item.exerciseId)}
                onTick={(done) => {
                  setTicks((t) => ({
                    ...toggleExercise(t, item.exerciseId, done),
                    sessionFinished: done ? t.sessionFinished : false,
                  }));
                }}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {today.activities.length > 0 ? (
        <section aria-labelledby="today-activities">
          <h2 id="today-activities">
            {today.activities.some((a) => a.kind === 'run' || a.kind === 'run_walk')
              ? 'Run'
              : 'Activity'}
          </h2>
          <ul className="today-act-list">
            {today.activities.map((item, i) => (
              <li key={`${item.kind}-${i}`} className="card today-act">
                <label className="tick">
                  <input
                    type="checkbox"
                    checked={ticks.activitiesDone.includes(i)}
                    onChange={(e) => {
                      setTicks((t) => toggleActivity(t, i, e.target.checked));
                    }}
                  />
                  {formatPlanItem(item, unit)}
                </label>
                <p className="muted">{item.reason}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="actions">
        <Link className="button button--secondary" to={checkIn}>
          Daily check-in
        </Link>
        <Link className="button button--ghost" to={`/plans/${saved.id}`}>
          The whole plan
        </Link>
      </p>
    </>
  );
}

/** Today: the signed-in runner's exercises and run from their latest plan, to tick off or do guided. */
export function TodayPage() {
  return (
    <>
      <title>Today – Backtrack</title>
      <h1>Today</h1>
      <LatestPlan next="/today">{(saved) => <TodayView saved={saved} />}</LatestPlan>
    </>
  );
}
