import {
  sessionSteps,
  swapExercise,
  type PlanExerciseItem,
  type SessionStep,
  type SwapDirection,
} from '@backtrack/core';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useExercises } from '../../shared/api/queries.js';
import type { ExerciseDto, SavedPlan } from '../../shared/api/types.js';
import { formatDose } from '../../shared/lib/format.js';
import { LatestPlan } from './LatestPlan.js';
import { toggleExercise } from './ticks.js';
import {
  countdown,
  formatClock,
  isFinished,
  isRunning,
  pauseCountdown,
  remainingMs,
  secondsLeft,
  startCountdown,
  type Countdown,
} from './timer.js';
import { useStopRules } from './today-queries.js';
import { Cues, ExerciseIllustration } from './TodayPage.js';
import { usePlanDay, useTodayDate } from './use-day.js';
import './today.css';

/** The clock, re-read a few times a second while `active` and whenever the page becomes visible again. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const update = () => {
      setNow(Date.now());
    };
    document.addEventListener('visibilitychange', update);
    const timer = active ? window.setInterval(update, 250) : undefined;
    return () => {
      document.removeEventListener('visibilitychange', update);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [active]);
  return now;
}

/** The timer's length for a step, in seconds; null when the step is counted, not timed. */
function stepSeconds(step: SessionStep | undefined): number | null {
  if (!step) return null;
  if (step.kind === 'rest') return step.seconds ?? null;
  return step.holdSeconds ?? step.seconds ?? null;
}

/** A fresh timer for a step at `now` (a rest starts at once); null when the step is not timed. */
function timerFor(step: SessionStep | undefined, now: number): Countdown | null {
  const seconds = stepSeconds(step);
  if (seconds === null) return null;
  return step?.kind === 'rest' ? startCountdown(countdown(seconds), now) : countdown(seconds);
}

function stepTitle(step: SessionStep): string {
  if (step.kind === 'rest') return `Rest after set ${step.afterSet}`;
  const side = step.side ? `, ${step.side} side` : '';
  return `Set ${step.set} of ${step.sets}${side}`;
}

function Timer({
  timer,
  now,
  label,
  onChange,
}: {
  timer: Countdown;
  now: number;
  label: string;
  onChange: (timer: Countdown) => void;
}) {
  const running = isRunning(timer, now);
  return (
    <div className="timer" role="group" aria-label={label}>
      <p className="timer__clock" aria-hidden="true">
        {formatClock(secondsLeft(timer, now))}
      </p>
      <p className="visually-hidden">
        {label}: {secondsLeft(timer, now)} seconds left
      </p>
      <div className="timer__buttons">
        {running ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              onChange(pauseCountdown(timer, Date.now()));
            }}
          >
            Pause
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              const at = Date.now();
              onChange(
                isFinished(timer, at)
                  ? startCountdown(countdown(timer.durationMs / 1000), at)
                  : startCountdown(timer, at),
              );
            }}
          >
            {isFinished(timer, now)
              ? 'Again'
              : timer.startedAt === null && timer.elapsedMs > 0
                ? 'Resume'
                : 'Start'}
          </button>
        )}
      </div>
    </div>
  );
}

function StopRules({ exercise }: { exercise: ExerciseDto | undefined }) {
  const rules = useStopRules();
  return (
    <section className="notice stop-rules" aria-labelledby="stop-rules">
      <h3 id="stop-rules" className="notice__title">
        Stop rules
      </h3>
      <ul>
        {(rules.data ?? []).map((r) => (
          <li key={r.text}>{r.text}</li>
        ))}
        {(exercise?.stopIf ?? []).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}

function Session({ saved }: { saved: SavedPlan }) {
  const date = useTodayDate();
  const exercises = useExercises();
  const library = useMemo(
    () => new Map((exercises.data ?? []).map((e) => [e.id, e])),
    [exercises.data],
  );
  const { today, ticks, sessionsDone, setTicks } = usePlanDay(saved, date);
  const [items, setItems] = useState<PlanExerciseItem[]>(() => today.exercises);
  const [index, setIndex] = useState(0);
  const [stepIndex, setStepIndex] = useState(0);
  const [reps, setReps] = useState(0);
  const [timer, setTimer] = useState<Countdown | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [finished, setFinished] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const item = items[index];
  const exercise = item ? library.get(item.exerciseId) : undefined;
  const restOf = (id: string) => library.get(id)?.dose.restSeconds;
  const steps = useMemo(
    () => (item ? sessionSteps(item.dose, exercise?.dose.restSeconds) : []),
    [item, exercise],
  );
  const step = steps[stepIndex];
  // The first step of the first exercise is never a rest: its timer starts when asked.
  const shown = timer ?? (stepIndex === 0 && index === 0 ? timerFor(step, 0) : null);
  const now = useNow(shown !== null && shown.startedAt !== null);

  // When a timer reaches zero: say so once, and count a hold as a repetition.
  const onTimerEnd = useEffectEvent(() => {
    if (!step) return;
    if (step.kind === 'rest') {
      setAnnouncement('Rest over. Start the next set.');
    } else if (step.holdSeconds !== undefined && step.reps !== undefined) {
      const done = Math.min(step.reps, reps + 1);
      setReps(done);
      setAnnouncement(
        done >= step.reps
          ? `Hold over. Set done: ${done} of ${step.reps}.`
          : `Hold over. Repetition ${done} of ${step.reps}; rest briefly, then hold again.`,
      );
    } else {
      setAnnouncement('Time is up. Set done.');
    }
  });
  useEffect(() => {
    if (!timer || timer.startedAt === null) return;
    const left = remainingMs(timer, Date.now());
    if (left === 0) return;
    // A timeout, not ticks: it fires late at worst (a locked phone), and the clock shows the truth.
    const id = window.setTimeout(() => {
      onTimerEnd();
    }, left);
    return () => {
      window.clearTimeout(id);
    };
  }, [timer]);

  useEffect(() => {
    headingRef.current?.focus();
  }, [index, finished]);

  if (today.exercises.length === 0) {
    return (
      <p>
        No exercises today. <Link to="/today">Back to today</Link>.
      </p>
    );
  }

  const goToStep = (next: number, list: readonly SessionStep[] = steps) => {
    setStepIndex(next);
    setReps(0);
    setAnnouncement('');
    setTimer(timerFor(list[next], Date.now()));
  };
  const goToExercise = (next: number, options: { completed: boolean }) => {
    if (next >= items.length) {
      setFinished(true);
      // Skipping the last exercise ends the session without counting it as done.
      if (options.completed) setTicks((t) => ({ ...t, sessionFinished: true }));
      return;
    }
    setIndex(next);
    const nextItem = items[next];
    goToStep(0, nextItem ? sessionSteps(nextItem.dose, restOf(nextItem.exerciseId)) : []);
  };
  const completeExercise = () => {
    if (item) setTicks((t) => toggleExercise(t, item.exerciseId, true));
    goToExercise(index + 1, { completed: true });
  };
  const swap = (direction: SwapDirection) => {
    if (!item) return;
    const swapped = swapExercise(library, item, direction);
    if (!swapped) return;
    setItems(items.map((it, i) => (i === index ? swapped : it)));
    goToStep(0, sessionSteps(swapped.dose, restOf(swapped.exerciseId)));
    setAnnouncement(`Swapped to the ${direction} version: ${swapped.name}.`);
  };

  if (finished || !item) {
    return (
      <section aria-labelledby="session-done">
        <h2 id="session-done" ref={headingRef} tabIndex={-1}>
          Session done
        </h2>
        <p>
          Well done. {sessionsDone} of {today.sessionsPlanned} session
          {today.sessionsPlanned === 1 ? '' : 's'} done today; your check-in is filled in with it.
        </p>
        <p className="actions">
          <Link className="button button--primary" to={`/plans/${saved.id}/check-in`}>
            Daily check-in
          </Link>
          <Link className="button button--ghost" to="/today">
            Back to today
          </Link>
        </p>
      </section>
    );
  }

  const lastStep = stepIndex >= steps.length - 1;
  const canEasier = Boolean(exercise?.regression && library.has(exercise.regression));
  const canHarder = Boolean(exercise?.progression && library.has(exercise.progression));
  return (
    <section aria-labelledby="session-exercise" className="session">
      <p className="session__count">
        Exercise {index + 1} of {items.length}
        {ticks.exercisesDone.includes(item.exerciseId) ? ' · done before' : ''}
      </p>
      <h2 id="session-exercise" ref={headingRef} tabIndex={-1}>
        {item.name}
      </h2>
      <ExerciseIllustration exerciseId={item.exerciseId} name={item.name} />
      <p>
        <strong>Dose:</strong> {formatDose(item.dose)}
      </p>
      <Cues exercise={exercise} />
      {step ? (
        <div className="card session__step">
          <h3>{stepTitle(step)}</h3>
          {step.kind === 'work' && step.reps !== undefined ? (
            <div className="reps" role="group" aria-label="Repetitions">
              <p className="reps__count">
                {reps} of {step.reps} repetitions
                {step.holdSeconds ? `, hold ${step.holdSeconds} s each` : ''}
              </p>
              <div className="reps__buttons">
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label="One fewer repetition"
                  disabled={reps === 0}
                  onClick={() => {
                    setReps(Math.max(0, reps - 1));
                  }}
                >
                  −1
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label="One more repetition"
                  disabled={reps >= step.reps}
                  onClick={() => {
                    setReps(Math.min(step.reps ?? 0, reps + 1));
                  }}
                >
                  +1
                </button>
              </div>
            </div>
          ) : null}
          {step.kind === 'rest' && step.seconds === undefined ? (
            <p>Rest as long as you need.</p>
          ) : null}
          {shown ? (
            <Timer
              timer={shown}
              now={now}
              label={step.kind === 'rest' ? 'Rest timer' : 'Hold timer'}
              onChange={setTimer}
            />
          ) : null}
        </div>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="assertive">
        {announcement}
      </p>
      {announcement ? (
        <p className="session__announcement" aria-hidden="true">
          {announcement}
        </p>
      ) : null}
      <div className="actions session__nav">
        {lastStep ? (
          <button type="button" className="button button--primary" onClick={completeExercise}>
            {index + 1 < items.length ? 'Done: next exercise' : 'Done: finish the session'}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              goToStep(stepIndex + 1);
            }}
          >
            {steps[stepIndex + 1]?.kind === 'rest' ? 'Set done: rest' : 'Next'}
          </button>
        )}
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            goToExercise(index + 1, { completed: false });
          }}
        >
          Skip this exercise
        </button>
      </div>
      <div className="actions session__swap">
        <button
          type="button"
          className="button button--ghost"
          disabled={!canEasier}
          onClick={() => {
            swap('easier');
          }}
        >
          Easier version
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={!canHarder}
          onClick={() => {
            swap('harder');
          }}
        >
          Harder version
        </button>
      </div>
      {exercise ? (
        <p className="muted">
          Too hard? {exercise.easier} Too easy? {exercise.harder}
        </p>
      ) : null}
      <StopRules exercise={exercise} />
    </section>
  );
}

/** The guided session: today's exercises one at a time, with hold and rest timers, rep counting, easier/harder versions and the stop rules. */
export function GuidedSessionPage() {
  return (
    <>
      <title>Guided session – Backtrack</title>
      <h1>Today’s session</h1>
      <LatestPlan next="/today/session">{(saved) => <Session saved={saved} />}</LatestPlan>
    </>
  );
}
