import { dateOfDay, planPosition } from '@backtrack/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useExercises } from '../../shared/api/queries.js';
import type {
  ExerciseDto,
  Plan,
  PlanEditDto,
  PlanItem,
  PlanSafetyStop,
  PlanWeek,
} from '../../shared/api/types.js';
import { formatDate } from '../../shared/lib/dates.js';
import { editChangeText, editNote } from './edit-text.js';
import { formatDose, formatPercent, formatPlanItem } from '../../shared/lib/format.js';
import type { DistanceUnit } from '../../shared/lib/units.js';
import { formatDistance } from '../../shared/lib/units.js';
import { ErrorMessage } from '../../shared/ErrorMessage.js';
import { Tabs } from '../../shared/Tabs.js';
import { DECISION_LABELS, describeLevel, type AdaptationDecision } from '@backtrack/core';
import './plan.css';

const PHASE_LABELS: Record<PlanWeek['phase'], string> = {
  settle: 'Settle',
  build: 'Build',
  progress: 'Progress',
};

const RUNNING_MODE_TEXT: Record<Plan['runningMode'], string> = {
  running: 'Keep running, easy and within the limits below, while the weak links are worked on.',
  return_to_run: 'Running returns gradually, with run/walk phases; move on only when pain allows.',
  no_running: 'No running for now: the plan keeps you active without running load.',
};

/** Check-ins stopped running: why, see a clinician, and answer the warning-sign questions again. */
export function SafetyStopNotice({ stop }: { stop: PlanSafetyStop }) {
  return (
    <div className="notice notice--warning" role="alert">
      <p className="notice__title">Running stopped: see a clinician</p>
      <p>{stop.reason}</p>
      <p>
        <strong>{stop.seeClinician}</strong>
      </p>
      <p>
        Before you run again, <Link to="/">take the assessment again</Link>: it asks the
        warning-sign questions first.
      </p>
    </div>
  );
}

/** What the plan could not dose for lack of an answer. */
function MissingNotice({ missing }: { missing: Plan['missing'] }) {
  if (missing.length === 0) return null;
  return (
    <section aria-labelledby="missing-heading" className="notice">
      <h2 id="missing-heading" className="notice__title">
        What this plan cannot dose yet
      </h2>
      <ul>
        {missing.map((m) => (
          <li key={m.field}>{m.why}</li>
        ))}
      </ul>
    </section>
  );
}

/** The items of one day, as a list. */
export function TodayList({ items, unit }: { items: readonly PlanItem[]; unit: DistanceUnit }) {
  if (items.length === 0) return <p>Rest day.</p>;
  return (
    <ul className="day__items">
      {items.map((item, i) => (
        <li key={`${item.kind}-${i}`} className={`item item--${item.kind}`}>
          {formatPlanItem(item, unit)}
        </li>
      ))}
    </ul>
  );
}

function WeekPanel({
  week,
  unit,
  startDate,
  today,
  decision,
}: {
  week: PlanWeek;
  unit: DistanceUnit;
  startDate?: string | undefined;
  today?: string | undefined;
  decision?: AdaptationDecision | undefined;
}) {
  return (
    <section aria-label={`Week ${week.week}`}>
      <h3>
        Week {week.week}: {PHASE_LABELS[week.phase]}
      </h3>
      <p>{week.focus}</p>
      <p className="muted">
        {/* The level in words, never a signed number ("level -1" read as jargon). */}
        Level: {describeLevel(week.level)}
        {week.runKm > 0 ? ` · running this week: ${formatDistance(week.runKm, unit)}` : ''}
        {decision ? ` · ${DECISION_LABELS[decision]}` : ''}
      </p>
      <ol className="days">
        {week.days.map((d) => {
          const date = startDate ? dateOfDay(startDate, (week.week - 1) * 7 + d.day) : undefined;
          const isToday = date !== undefined && date === today;
          return (
            <li
              key={d.day}
              className={isToday ? 'day day--today' : 'day'}
              aria-current={isToday ? 'date' : undefined}
            >
              <h4 className="day__title">
                Day {d.day}
                {date ? <span className="muted"> · {formatDate(date)}</span> : null}
                {isToday ? <span className="day__today"> · Today</span> : null}
              </h4>
              <TodayList items={d.items} unit={unit} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "Changed by <clinician>, <date>: <reason>" for each edit (the runner's plan and the clinician's summary). */
export function EditNotes({
  edits,
}: {
  edits: readonly Omit<PlanEditDto, 'planId' | 'exerciseId'>[];
}) {
  if (edits.length === 0) return null;
  return (
    <ul className="plan-edits">
      {edits.map((e) => (
        <li key={e.id} className="notice">
          {editNote(e)}{' '}
          <span className="muted">
            ({editChangeText(e)} from week {e.fromWeek})
          </span>
        </li>
      ))}
    </ul>
  );
}

function ExerciseCard({
  exercise,
  item,
  library,
  edits,
}: {
  exercise: ExerciseDto | undefined;
  item: Extract<PlanItem, { kind: 'exercise' }>;
  library: ReadonlyMap<string, ExerciseDto>;
  edits: readonly PlanEditDto[];
}) {
  const name = exercise?.name ?? item.name;
  const regression = exercise?.regression ? library.get(exercise.regression)?.name : undefined;
  const progression = exercise?.progression ? library.get(exercise.progression)?.name : undefined;
  return (
    <article className="exercise" aria-labelledby={`ex-${item.exerciseId}`}>
      <img
        src={`/api/exercises/${encodeURIComponent(item.exerciseId)}/illustration.svg`}
        alt={`${name}: drawing of the start and end positions`}
        width={640}
        height={280}
        decoding="async"
      />
      <div className="exercise__body">
        <h3 id={`ex-${item.exerciseId}`}>{name}</h3>
        <p className="exercise__dose">
          <strong>Dose:</strong> {formatDose(item.dose)}
        </p>
        <EditNotes edits={edits.filter((e) => e.exerciseId === item.exerciseId)} />
        {exercise ? (
          <>
            <p>{exercise.summary}</p>
            <h4>Cues</h4>
            <ul>
              {exercise.cues.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            <h4>Progressions</h4>
            <ul>
              <li>
                <strong>Too hard?</strong> {exercise.easier}
                {regression ? ` Or step back to: ${regression}.` : ''}
              </li>
              <li>
                <strong>Too easy?</strong> {exercise.harder}
                {progression ? ` Then move on to: ${progression}.` : ''}
              </li>
            </ul>
            <details>
              <summary>How to do it</summary>
              <ol>
                {exercise.steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
              <h4>Common mistakes</h4>
              <ul>
                {exercise.mistakes.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              <h4>Stop and change the plan if</h4>
              <ul>
                {exercise.stopIf.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              <p className="muted">{exercise.evidenceNote}</p>
            </details>
          </>
        ) : null}
        <p className="muted">{item.reason}</p>
      </div>
    </article>
  );
}

/**
 * A plan: what it works on, week tabs with the days, exercise cards, the
 * running rules and when to seek help. Prints as one document (all weeks).
 */
export function PlanView({
  plan,
  unit,
  startDate,
  today,
  decisions,
  edits = [],
}: {
  plan: Plan;
  unit: DistanceUnit;
  startDate?: string | undefined;
  /** Today's date (`YYYY-MM-DD`, the runner's calendar): marked in the week view, whose week opens first. */
  today?: string | undefined;
  decisions?: ReadonlyMap<number, AdaptationDecision>;
  /** A clinician's edits, shown next to their exercise (and all together, for paused or swapped ones). */
  edits?: readonly PlanEditDto[];
}) {
  const [week, setWeek] = useState(() => {
    const position = startDate && today ? planPosition(startDate, today) : null;
    return position && position.week <= plan.weeks.length ? position.week - 1 : 0;
  });
  const exercises = useExercises();
  const rootRef = useRef<HTMLDivElement>(null);
  const library = useMemo(
    () => new Map((exercises.data ?? []).map((e) => [e.id, e])),
    [exercises.data],
  );

  // Open every "How to do it" before printing, so the handout is complete.
  useEffect(() => {
    const open = () => {
      rootRef.current?.querySelectorAll('details').forEach((d) => {
        d.open = true;
      });
    };
    window.addEventListener('beforeprint', open);
    return () => {
      window.removeEventListener('beforeprint', open);
    };
  }, []);

  const selectedWeek = plan.weeks[week] ?? plan.weeks[0];
  // Each exercise once, with its dose in the selected week (or the first week it appears).
  const cards = useMemo(() => {
    const byId = new Map<string, Extract<PlanItem, { kind: 'exercise' }>>();
    const ordered = selectedWeek ? [selectedWeek, ...plan.weeks] : plan.weeks;
    for (const w of ordered) {
      for (const d of w.days) {
        for (const item of d.items) {
          if (item.kind === 'exercise' && !byId.has(item.exerciseId))
            byId.set(item.exerciseId, item);
        }
      }
    }
    return [...byId.values()];
  }, [plan.weeks, selectedWeek]);

  return (
    <div className="plan" ref={rootRef}>
      {plan.safetyStop ? <SafetyStopNotice stop={plan.safetyStop} /> : null}
      <MissingNotice missing={plan.missing} />
      {plan.adviceToBook ? (
        <div className="notice notice--warning">
          <p className="notice__title">Book a clinician as well</p>
          <p>{plan.adviceToBook}</p>
        </div>
      ) : null}
      <section aria-labelledby="targets-heading" className="card">
        <h2 id="targets-heading">What this plan works on</h2>
        <ul>
          {plan.targets.map((t) => (
            <li key={t.id}>
              {t.name} <span className="muted">({formatPercent(t.probability)} likely)</span>
            </li>
          ))}
        </ul>
        <p>{RUNNING_MODE_TEXT[plan.runningMode]}</p>
        {plan.adaptation === 'none' ? (
          <p>
            This plan is not adapted by pain: a bone stress injury is suspected, so running must
            stay pain-free and return only when a doctor clears it.
          </p>
        ) : (
          <p>Each week adapts to your daily check-ins: it moves up, holds or steps back.</p>
        )}
      </section>

      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">Week by week</h2>
        <Tabs
          label="Week"
          selected={week}
          onSelect={setWeek}
          tabs={plan.weeks.map((w) => ({
            key: String(w.week),
            title: (
              <>
                <span className="tabs__word">Week </span>
                {w.week}
              </>
            ),
            panel: (
              <WeekPanel
                week={w}
                unit={unit}
                startDate={startDate}
                today={today}
                decision={decisions?.get(w.week)}
              />
            ),
          }))}
        />
      </section>

      <section aria-labelledby="exercises-heading">
        <h2 id="exercises-heading">Your exercises</h2>
        {edits.length > 0 ? (
          <>
            <h3>Changes by your clinician</h3>
            <EditNotes edits={edits} />
          </>
        ) : null}
        {exercises.isError ? (
          <ErrorMessage error={exercises.error} title="Could not load exercise details" />
        ) : null}
        <div className="exercises">
          {cards.map((item) => (
            <ExerciseCard
              key={item.exerciseId}
              exercise={library.get(item.exerciseId)}
              item={item}
              library={library}
              edits={edits}
            />
          ))}
        </div>
      </section>

      {plan.runningRules.length > 0 ? (
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">Running rules</h2>
          <ul className="rules">
            {plan.runningRules.map((r) => (
              <li key={r.id} className="card">
                <h3>{r.title}</h3>
                <p>{r.text}</p>
                <p className="muted">Evidence: {r.evidence}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="help-heading" className="notice notice--emergency">
        <h2 id="help-heading">When to seek help</h2>
        <ul>
          {plan.whenToSeekHelp.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </section>

      <p className="muted">{plan.disclaimer}</p>
    </div>
  );
}
