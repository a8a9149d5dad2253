import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { isUnauthenticated, useMe } from '../../shared/api/queries.js';
import { usePainDiary, useTraining, useTrainingPain } from './training-queries.js';
import type { TrainingDto, TrainingPainDto } from '../../shared/api/types.js';
import { ActivityList } from './ActivityList.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { ImportForm } from './ImportForm.js';
import { WeeklyLoadChart } from './TrainingCharts.js';
import { defaultChartEnd } from './training-charts.js';
import {
  FindingsSection,
  FormSection,
  HillsSection,
  LoadSection,
  PainSection,
  ShoesSection,
  SpikesSection,
  WeekChanges,
} from './TrainingSections.js';
import { UnitToggle } from '../../shared/UnitToggle.js';
import { useUnits } from '../../shared/use-units.js';
import { formatDate } from '../../shared/lib/dates.js';
import { formatRunDate, localDate, weeklyLoadRows, type PainDayInput } from './training.js';
import type { DistanceUnit } from '../../shared/lib/units.js';
import './training.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The runner's training: import files or a Strava export, then weekly load
 * against next-morning pain, long-run spikes, load with its caveats, hills,
 * shoes with the reminder, cadence and ground-contact balance, what the runs
 * tell the assessment, pain against training, and the imported runs.
 */
export function TrainingPage() {
  const me = useMe();
  const signedIn = Boolean(me.data);
  // Days and weeks in the runner's own time zone (the offset of today).
  const [utcOffsetMin] = useState(() => -new Date().getTimezoneOffset() || 0);
  // The runner's pick of the charts' end; until they pick, the period that has runs.
  const [pick, setPick] = useState<{ asOf: string | undefined } | null>(null);
  const upToToday = useTraining({ asOf: undefined, utcOffsetMin }, { enabled: signedIn });
  const lastRun = upToToday.data?.activities.lastRun ?? null;
  const asOf =
    pick?.asOf ??
    (pick === null
      ? defaultChartEnd(
          lastRun === null ? null : localDate(lastRun),
          upToToday.data?.weekly.weeks[0]?.monday,
        )
      : undefined);
  const training = useTraining(
    { asOf, utcOffsetMin },
    { enabled: signedIn && upToToday.data !== undefined },
  );
  const pain = useTrainingPain(utcOffsetMin, { enabled: signedIn });
  const diary = usePainDiary({ enabled: signedIn });
  const [unit, setUnit] = useUnits();

  if (me.isPending) {
    return (
      <>
        <h1>Training</h1>
        <Loading />
      </>
    );
  }
  if (!me.data) {
    return (
      <>
        <title>Training – Backtrack</title>
        <h1>Training</h1>
        {me.isError ? <ErrorMessage error={me.error} /> : null}
        <p>
          Import runs from your watch or a Strava export to see your weekly load, long-run spikes,
          shoes, cadence and balance next to your pain.
        </p>
        <p>
          Your runs are health data kept with your account:{' '}
          <Link to={`/account?next=${encodeURIComponent('/training')}`}>
            create an account or log in
          </Link>{' '}
          first.
        </p>
      </>
    );
  }

  return (
    <div className="training">
      <title>Training – Backtrack</title>
      <div className="page-head">
        <h1>Training</h1>
        <div className="page-head__tools">
          <UnitToggle unit={unit} onChange={setUnit} />
        </div>
      </div>
      <p className="lead">
        Your imported runs next to your pain. These figures describe your training; they do not say
        what causes your pain.
      </p>

      <section className="card">
        <ImportForm />
      </section>

      {training.isPending ? <Loading label="Loading your training…" /> : null}
      {upToToday.isError || training.isError ? (
        isUnauthenticated(upToToday.error ?? training.error) ? (
          <p>
            <Link to={`/account?next=${encodeURIComponent('/training')}`}>Log in</Link> to see your
            training.
          </p>
        ) : (
          <ErrorMessage
            error={upToToday.error ?? training.error}
            title="Could not load your training"
          />
        )
      ) : null}
      {training.data ? (
        <>
          <AsOfChoice
            lastRun={lastRun}
            firstMonday={upToToday.data?.weekly.weeks[0]?.monday}
            weeks={training.data.weekly.weeks.length}
            asOf={asOf}
            onChange={(value) => {
              setPick({ asOf: value });
            }}
          />
          <TrainingReportView
            report={training.data}
            pain={pain.data}
            diary={diary.days}
            unit={unit}
          />
        </>
      ) : null}
      {pain.isError && !isUnauthenticated(pain.error) ? (
        <ErrorMessage error={pain.error} title="Could not load pain against training" />
      ) : null}

      <ActivityList unit={unit} />

      <section aria-labelledby="diag-heading" className="notice">
        <h2 id="diag-heading">Not a diagnosis</h2>
        <p>
          Backtrack is not a diagnosis. These figures describe your training; they do not say what
          causes your pain. If a warning sign appears or the pain gets worse, seek care.
        </p>
      </section>
    </div>
  );
}

/**
 * Which weeks to show: up to today, or up to the last imported run. Shown
 * when the runs are older than the weeks up to today (then the last run is
 * the default) or once the runner picked.
 */
function AsOfChoice({
  lastRun,
  firstMonday,
  weeks,
  asOf,
  onChange,
}: {
  lastRun: string | null;
  firstMonday: string | undefined;
  weeks: number;
  asOf: string | undefined;
  onChange: (asOf: string | undefined) => void;
}) {
  if (lastRun === null) return null;
  const lastDay = localDate(lastRun);
  if (asOf === undefined && defaultChartEnd(lastDay, firstMonday) === undefined) return null;
  return (
    <fieldset className="as-of">
      <legend>Show the {weeks} weeks up to</legend>
      <label>
        <input
          type="radio"
          name="as-of"
          checked={asOf === undefined}
          onChange={() => {
            onChange(undefined);
          }}
        />{' '}
        today
      </label>
      <label>
        <input
          type="radio"
          name="as-of"
          checked={asOf !== undefined}
          onChange={() => {
            onChange(lastDay);
          }}
        />{' '}
        your last run ({formatDate(lastDay)})
      </label>
    </fieldset>
  );
}

function TrainingReportView({
  report,
  pain,
  diary,
  unit,
}: {
  report: TrainingDto;
  pain: TrainingPainDto | undefined;
  diary: PainDayInput[];
  unit: DistanceUnit;
}) {
  const a = report.activities;
  const rows = useMemo(
    () => weeklyLoadRows(report.weekly.weeks, diary),
    [report.weekly.weeks, diary],
  );
  if (a.total === 0) {
    return (
      <p className="card card--flat">
        No runs imported yet. Choose your files above; the charts appear here.
      </p>
    );
  }
  const left = [
    a.undatedRuns > 0
      ? `${plural(a.undatedRuns, 'run')} without a start time (counted for shoes only)`
      : null,
    a.afterAsOf > 0
      ? `${plural(a.afterAsOf, 'activity', 'activities')} after ${formatDate(localDate(report.asOf))}`
      : null,
  ].filter((x): x is string => x !== null);
  const weeks = report.weekly.weeks.length;
  const runsInWindow = rows.reduce((s, r) => s + r.runs, 0);
  return (
    <>
      <p>
        <strong>
          {plural(a.runs, 'run')}
          {a.firstRun && a.lastRun
            ? ` from ${formatRunDate(a.firstRun)} ${a.firstRun.slice(0, 4)} to ${formatRunDate(a.lastRun)} ${a.lastRun.slice(0, 4)}`
            : ''}
        </strong>{' '}
        ({plural(a.total, 'activity', 'activities')} imported).
        {left.length > 0 ? <span className="muted"> Left out: {left.join('; ')}.</span> : null}
      </p>

      <section aria-labelledby="weekly-heading">
        <h2 id="weekly-heading">Weekly distance and pain</h2>
        <p className="muted">
          The last {plural(weeks, 'week')}, Monday to Sunday. The line is the average next-morning
          pain of your check-ins in each week.
        </p>
        {runsInWindow === 0 && a.lastRun ? (
          <p className="notice">
            None of your imported runs falls in these {weeks} weeks: your last run was on{' '}
            {formatRunDate(a.lastRun)} {a.lastRun.slice(0, 4)}.
          </p>
        ) : null}
        <WeeklyLoadChart rows={rows} unit={unit} />
        <WeekChanges report={report} unit={unit} />
      </section>

      <SpikesSection report={report} unit={unit} />
      <LoadSection report={report} unit={unit} />
      <HillsSection report={report} unit={unit} />
      <ShoesSection report={report} unit={unit} />
      <FormSection report={report} />
      <FindingsSection report={report} />
      <PainSection pain={pain} />
    </>
  );
}
