/**
 * The sections of the Training page under the weekly chart: week-to-week
 * change, long-run spikes, recent load with its caveats, hills, shoes with
 * the reminder, cadence and ground-contact balance, findings, and pain
 * against training. Each takes the report (distances in metres) and shows
 * distances in the runner's unit.
 */
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { useShoeReminder } from './training-queries.js';
import type { TrainingDto, TrainingPainDto } from '../../shared/api/types.js';
import { formatDate } from '../../shared/lib/dates.js';
import { describeSpike, formatRunDate, formatSignedPercent } from './training.js';
import {
  KM_PER_MILE,
  formatDistance,
  fromKm,
  toKm,
  type DistanceUnit,
} from '../../shared/lib/units.js';
import { ErrorMessage } from '../../shared/ErrorMessage.js';
import { RunValueChart, ShoeChart } from './TrainingCharts.js';
import './training.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function WeekChanges({ report, unit }: { report: TrainingDto; unit: DistanceUnit }) {
  const last = report.weekly.changes.at(-1);
  const monday = report.weekly.weeks.at(-1)?.monday;
  return (
    <>
      {last && last.changePct !== null && monday ? (
        <p>
          Week of {formatDate(monday)}: {formatDistance(last.distanceM / 1000, unit)},{' '}
          {formatSignedPercent(last.changePct)} on the week before (
          {formatDistance(last.previousDistanceM / 1000, unit)}).
        </p>
      ) : null}
      <p className="muted small">{report.weekly.caveat}</p>
    </>
  );
}

export function SpikesSection({ report, unit }: { report: TrainingDto; unit: DistanceUnit }) {
  const longest = report.longestRun30d;
  return (
    <section aria-labelledby="spikes-heading" className="card">
      <h2 id="spikes-heading">Long-run spikes</h2>
      <p>
        {longest
          ? `Your longest run of the last 30 days: ${formatDistance(longest.distanceM / 1000, unit)} on ${formatRunDate(longest.startTime)}${longest.name ? ` (“${longest.name}”)` : ''}.`
          : 'No runs with a start time in the last 30 days.'}
      </p>
      {report.spikes.length === 0 ? (
        <p>
          No run in these weeks was more than 10% longer than the longest run of the 30 days before
          it.
        </p>
      ) : (
        <>
          <p>
            {plural(report.spikes.length, 'run')} more than 10% longer than the longest of the 30
            days before:
          </p>
          <ul className="spikes">
            {report.spikes.map((s) => (
              <li key={s.activityId}>{describeSpike(s, unit)}</li>
            ))}
          </ul>
          <p className="muted small">
            Frandsen 2025 links these spikes with overuse injury in general, not with back pain
            specifically. A long run that builds gradually on the previous month is the safer step.
          </p>
        </>
      )}
    </section>
  );
}

export function LoadSection({ report, unit }: { report: TrainingDto; unit: DistanceUnit }) {
  const acwr = report.acuteChronic;
  return (
    <section aria-labelledby="load-heading" className="card">
      <h2 id="load-heading">Recent load</h2>
      <p>
        Last 7 days: {formatDistance(acwr.acuteM / 1000, unit)}. Weekly average of the last 4 weeks:{' '}
        {formatDistance(acwr.chronicWeeklyM / 1000, unit)}.{' '}
        {acwr.ratio === null ? (
          'No acute:chronic ratio: no running in the last 4 weeks.'
        ) : (
          <>
            Acute:chronic ratio <strong>{acwr.ratio.toFixed(2)}</strong>
            {acwr.uncoupledRatio === null
              ? ''
              : ` (uncoupled, against the 3 weeks before: ${acwr.uncoupledRatio.toFixed(2)})`}
            .
          </>
        )}
      </p>
      <h3 className="small-heading">What this ratio can and cannot say</h3>
      <ul className="caveats">
        {acwr.caveats.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </section>
  );
}

export function HillsSection({ report, unit }: { report: TrainingDto; unit: DistanceUnit }) {
  const h = report.hills;
  const km = (m: number) => formatDistance(m / 1000, unit);
  let text: string;
  if (h.runs === 0) text = `No runs in the last ${h.days} days.`;
  else if (h.downhillShare === null) {
    text = `${plural(h.runs, 'run')} in the last ${h.days} days, none with an altitude track (treadmill, or no GPS or barometer), so downhill running cannot be measured.`;
  } else {
    const climb =
      h.gainPerKmM === null
        ? ''
        : ` and ${Math.round(unit === 'km' ? h.gainPerKmM : h.gainPerKmM * KM_PER_MILE)} m of climb per ${unit === 'km' ? 'km' : 'mile'}`;
    text = `Last ${h.days} days: ${Math.round(h.downhillShare * 100)}% of the measured running was downhill (${km(h.downhillM)} of ${km(h.measuredM)} steeper than −2%), ${km(h.uphillM)} uphill${climb}, over ${plural(h.runs, 'run')}${h.runsWithoutProfile > 0 ? ` (${h.runsWithoutProfile} without altitude)` : ''}.`;
  }
  return (
    <section aria-labelledby="hills-heading" className="card">
      <h2 id="hills-heading">Hills and downhill running</h2>
      <p>{text}</p>
      <p className="muted small">
        Running downhill arches the lower back more (a lab study of 5° slopes, Levine 2007), which
        matters if bending backwards hurts.
      </p>
    </section>
  );
}

export function ShoesSection({ report, unit }: { report: TrainingDto; unit: DistanceUnit }) {
  const shoes = report.shoes.shoes;
  return (
    <section aria-labelledby="shoes-heading">
      <h2 id="shoes-heading">Shoes</h2>
      {shoes.length === 0 ? (
        <p>
          None of your imported runs names its shoes. A Strava export names the gear of each run.
        </p>
      ) : (
        <>
          <ShoeChart
            unit={unit}
            shoes={shoes.map((s) => ({
              name: s.name,
              distanceKm: s.distanceM / 1000,
              reminderKm: s.reminderKm,
              runs: s.runs,
              pastReminder: s.pastReminder,
            }))}
          />
          <p className="notice notice--warning shoe-caveat">{report.shoes.caveat}</p>
          <ShoeReminderForm names={shoes.map((s) => s.name)} unit={unit} />
        </>
      )}
    </section>
  );
}

function ShoeReminderForm({ names, unit }: { names: string[]; unit: DistanceUnit }) {
  const reminder = useShoeReminder();
  const [name, setName] = useState(names[0] ?? '');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const chosen = names.includes(name) ? name : (names[0] ?? '');
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number <= 0 || number > 10_000) {
      setProblem(`Enter a distance in ${unit === 'km' ? 'kilometres' : 'miles'}, like 600.`);
      return;
    }
    setProblem(null);
    setSaved(null);
    const km = Math.round(toKm(number, unit) * 10) / 10;
    reminder.mutate(
      { name: chosen, km },
      {
        onSuccess: () => {
          setSaved(`Reminder for ${chosen} set at ${formatDistance(km, unit)}.`);
          setValue('');
        },
      },
    );
  };
  return (
    <form
      className="card card--flat"
      onSubmit={submit}
      noValidate
      aria-labelledby="reminder-heading"
    >
      <h3 id="reminder-heading">Shoe reminder</h3>
      <p className="hint">
        Choose when Backtrack reminds you to look at a pair: at the distance you choose.
      </p>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="reminder-shoe">Shoes</label>
          <select
            id="reminder-shoe"
            value={chosen}
            onChange={(e) => {
              setName(e.target.value);
            }}
          >
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reminder-distance">Remind me at ({unit})</label>
          <input
            id="reminder-distance"
            type="number"
            inputMode="decimal"
            min={1}
            step={unit === 'km' ? 10 : 5}
            value={value}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'reminder-problem' : undefined}
            placeholder={String(Math.round(fromKm(600, unit)))}
            onChange={(e) => {
              setValue(e.target.value);
            }}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={reminder.isPending}>
          Set reminder
        </button>
      </div>
      {problem ? (
        <p id="reminder-problem" className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {reminder.isError ? <ErrorMessage error={reminder.error} /> : null}
      {saved ? <p role="status">{saved}</p> : null}
    </form>
  );
}

export function FormSection({ report }: { report: TrainingDto }) {
  const c = report.cadence.change;
  const g = report.gctBalance;
  return (
    <section aria-labelledby="form-heading">
      <h2 id="form-heading">Cadence and balance</h2>
      <h3 id="cadence-heading">Cadence (steps per minute)</h3>
      {report.cadence.runs.length === 0 ? (
        <p>
          No cadence in the runs of these weeks (it needs a watch, phone or pod that counts steps).
        </p>
      ) : (
        <RunValueChart
          title="Cadence per run"
          points={report.cadence.runs}
          format={(v) => `${Math.round(v)} steps/min`}
          axisUnit="steps/min"
          valueLabel="Cadence (steps/min)"
          minSpan={10}
        />
      )}
      <p>
        {c.recent === null
          ? 'No cadence in the runs of the last 4 weeks.'
          : `Last 4 weeks: ${Math.round(c.recent)} steps/min (${plural(c.recentRuns, 'run')})${
              c.baseline === null
                ? ''
                : `; the 8 weeks before: ${Math.round(c.baseline)} (${plural(c.baselineRuns, 'run')})`
            }${c.changePct === null ? '' : `, ${formatSignedPercent(c.changePct)}`}.`}
      </p>
      <p className="muted small">
        Raising cadence by 5–10% lowers the load on hips and knees in the lab (Heiderscheit 2011);
        no trial shows that it treats back pain.
      </p>

      <h3 id="balance-heading">Ground-contact balance (left / right)</h3>
      {g.points.length === 0 ? (
        <p>
          No ground-contact balance in the runs of these weeks (it needs a chest strap or pod that
          measures running dynamics).
        </p>
      ) : (
        <RunValueChart
          title="Ground-contact time on the left foot, per run"
          points={g.points}
          format={(v) => `${v.toFixed(1)}% left / ${(100 - v).toFixed(1)}% right`}
          axisUnit="% left"
          valueLabel="Left / right"
          reference={{ value: 50, label: 'even 50%' }}
          minSpan={4}
        />
      )}
      {g.recentMeanLeftPct === null ? null : (
        <p>
          Last 4 weeks: {g.recentMeanLeftPct.toFixed(1)}% left /{' '}
          {(100 - g.recentMeanLeftPct).toFixed(1)}% right ({plural(g.recentRuns, 'run')})
          {g.slopePer30Days === null
            ? ''
            : `; trend ${g.slopePer30Days >= 0 ? '+' : '−'}${Math.abs(g.slopePer30Days).toFixed(2)} points to the left per 30 days`}
          .
        </p>
      )}
      <p className="muted small">
        An even split is 50%. Sensors differ, and an uneven balance is something to watch, not a
        diagnosis.
      </p>
    </section>
  );
}

export function FindingsSection({ report }: { report: TrainingDto }) {
  const findings = report.findings;
  return (
    <section aria-labelledby="findings-heading" className="card">
      <h2 id="findings-heading">What your runs tell the assessment</h2>
      {findings.length === 0 ? (
        <p>
          Nothing yet: the findings need at least 3 runs with a start time in the last 4 weeks (and
          more for comparisons).
        </p>
      ) : (
        <>
          <ul className="findings">
            {findings.map((f) => (
              <li key={f.id} className={`finding finding--${f.level}`}>
                <span className="finding__tag">
                  {f.level === 'flag' ? 'Worth a look' : 'For information'}
                </span>
                <p className="finding__text">{f.text}</p>
                {f.caveat ? <p className="muted small">{f.caveat}</p> : null}
              </li>
            ))}
          </ul>
          <p className="muted small">
            Your assessment uses these for the questions you leave unanswered and marks them “From
            your imported runs”. Your own answers always win.
          </p>
        </>
      )}
    </section>
  );
}

const OUTCOMES = [
  { outcome: 'pain_after', heading: 'Pain after running' },
  { outcome: 'pain_next_morning', heading: 'Next-morning pain' },
] as const;

export function PainSection({ pain }: { pain: TrainingPainDto | undefined }) {
  if (!pain) return null;
  return (
    <section aria-labelledby="pain-heading" className="card">
      <h2 id="pain-heading">Pain against training</h2>
      {pain.status === 'no_check_ins' ? (
        <p>
          {pain.note} <Link to="/check-in">Check in</Link>.
        </p>
      ) : (
        <>
          <p>
            From {plural(pain.checkIns, 'check-in')}
            {pain.from && pain.to
              ? ` (${formatDate(pain.from)} to ${formatDate(pain.to)})`
              : ''}{' '}
            and {plural(pain.runs, 'run')} with a start time.
          </p>
          {OUTCOMES.map(({ outcome, heading }) => {
            const list = pain.comparisons.filter((c) => c.outcome === outcome);
            if (list.length === 0) return null;
            const estimated = list.filter((c) => c.status === 'estimated');
            const notYet = list.filter((c) => c.status === 'not_enough_data');
            return (
              <div key={outcome}>
                <h3 className="small-heading">{heading}</h3>
                {estimated.length > 0 ? (
                  <ul>
                    {estimated.map((c) => (
                      <li key={c.id}>{c.text}</li>
                    ))}
                  </ul>
                ) : null}
                {notYet.length > 0 ? (
                  <>
                    <p className="pain__not-yet">Not enough data yet:</p>
                    <ul className="muted">
                      {notYet.map((c) => (
                        <li key={c.id}>{c.text.replace(/^Not enough data yet to /, 'To ')}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </div>
            );
          })}
          <p className="muted small">{pain.note}</p>
        </>
      )}
    </section>
  );
}
