/**
 * One imported activity: its facts, the route drawn from its positions (no
 * map tiles), pace, heart rate, elevation and cadence over distance (each
 * with its numbers as a table), laps and running dynamics.
 */
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useActivity } from './training-queries.js';
import {
  formatPace,
  layoutProfile,
  profileAtMarks,
  profileRows,
  routePolyline,
  type ProfileKey,
  type ProfilePointInput,
  type ProfileRow,
} from './activity-charts.js';
import { ChartSvg, ChartTable, tick } from './TrainingCharts.js';
import { formatDuration, formatRunDate } from './training.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { TableScroll } from '../../shared/TableScroll.js';
import { UnitToggle } from '../../shared/UnitToggle.js';
import { useUnits } from '../../shared/use-units.js';
import { useWidth } from '../../shared/use-width.js';
import { formatDistance, fromKm, type DistanceUnit } from '../../shared/lib/units.js';
import './training.css';

type ActivityData = NonNullable<ReturnType<typeof useActivity>['data']>;

const PROFILES: {
  key: ProfileKey;
  title: string;
  axis: (unit: DistanceUnit) => string;
  format: (value: number, unit: DistanceUnit) => string;
}[] = [
  {
    key: 'pace',
    title: 'Pace',
    axis: (unit) => `min/${unit}`,
    format: (v, unit) => `${formatPace(v)} /${unit}`,
  },
  {
    key: 'heartRate',
    title: 'Heart rate',
    axis: () => 'bpm',
    format: (v) => `${Math.round(v)} bpm`,
  },
  { key: 'altitude', title: 'Elevation', axis: () => 'm', format: (v) => `${Math.round(v)} m` },
  {
    key: 'cadence',
    title: 'Cadence',
    axis: () => 'steps/min',
    format: (v) => `${Math.round(v)} steps/min`,
  },
];

/** The facts that are known, as label and text. */
function known(facts: [string, string | null][]): [string, string][] {
  return facts.flatMap(([k, v]) => (v === null ? [] : [[k, v] as [string, string]]));
}

/** The page of one imported activity (`/training/activities/:id`). */
export function ActivityPage() {
  const { id = '' } = useParams();
  const activity = useActivity(id);
  const [unit, setUnit] = useUnits();
  return (
    <div className="training">
      <p>
        <Link to="/training" className="activity__link">
          ← Training
        </Link>
      </p>
      {activity.isPending ? (
        <>
          <h1>Activity</h1>
          <Loading />
        </>
      ) : null}
      {activity.isError ? (
        <>
          <h1>Activity</h1>
          <ErrorMessage error={activity.error} title="Could not load this activity" />
        </>
      ) : null}
      {activity.data ? (
        <ActivityView activity={activity.data} unit={unit} onUnit={setUnit} />
      ) : null}
    </div>
  );
}

function ActivityView({
  activity: a,
  unit,
  onUnit,
}: {
  activity: ActivityData;
  unit: DistanceUnit;
  onUnit: (unit: DistanceUnit) => void;
}) {
  const points = useMemo(() => a.series?.points ?? [], [a.series]);
  const rows = useMemo(() => profileRows(points, unit), [points, unit]);
  const when = a.startTime ? `${formatRunDate(a.startTime)} ${a.startTime.slice(0, 4)}` : 'No date';
  const title = a.name ?? 'Activity';
  const time = a.movingTimeS ?? a.durationS;
  const d = a.dynamics;
  const facts = known([
    ['Distance', formatDistance(a.distanceM / 1000, unit)],
    ['Time', formatDuration(a.durationS)],
    [
      'Average pace',
      time !== null && a.distanceM > 0
        ? `${formatPace(time / fromKm(a.distanceM / 1000, unit))} /${unit}`
        : null,
    ],
    [
      'Heart rate',
      a.avgHeartRateBpm === null
        ? null
        : `${Math.round(a.avgHeartRateBpm)} bpm average${a.maxHeartRateBpm !== null ? `, ${Math.round(a.maxHeartRateBpm)} max` : ''}`,
    ],
    ['Cadence', a.avgCadenceSpm === null ? null : `${Math.round(a.avgCadenceSpm)} steps/min`],
    [
      'Climb',
      a.elevationGainM === null
        ? null
        : `${Math.round(a.elevationGainM)} m up, ${Math.round(a.elevationLossM ?? 0)} m down`,
    ],
    ['Shoes', a.shoe],
    ['File', a.file],
  ]);
  const dynamics = known([
    [
      'Ground contact time',
      d?.groundContactTimeMs === undefined ? null : `${Math.round(d.groundContactTimeMs)} ms`,
    ],
    [
      'Ground contact balance',
      d?.gctBalanceLeftPct === undefined
        ? null
        : `${d.gctBalanceLeftPct.toFixed(1)}% left / ${(100 - d.gctBalanceLeftPct).toFixed(1)}% right`,
    ],
    [
      'Vertical oscillation',
      d?.verticalOscillationMm === undefined
        ? null
        : `${(d.verticalOscillationMm / 10).toFixed(1)} cm`,
    ],
    [
      'Step length',
      d?.stepLengthMm === undefined ? null : `${(d.stepLengthMm / 1000).toFixed(2)} m`,
    ],
    [
      'Vertical ratio',
      d?.verticalRatioPct === undefined ? null : `${d.verticalRatioPct.toFixed(1)}%`,
    ],
  ]);
  return (
    <>
      <title>{`${when} – Backtrack`}</title>
      <div className="page-head">
        <h1>
          {when} · {title}
        </h1>
        <div className="page-head__tools">
          <UnitToggle unit={unit} onChange={onUnit} />
        </div>
      </div>
      <dl className="activity-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {a.warnings.length > 0 ? (
        <div className="notice notice--warning">
          <p>What the import had to repair or leave out:</p>
          <ul>
            {a.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="route-heading">
        <h2 id="route-heading">Route</h2>
        <RouteDrawing points={points} />
      </section>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Over the distance</h2>
        {PROFILES.filter((p) => rows.some((r) => r[p.key] !== null)).map((p) => (
          <ProfileChart key={p.key} rows={rows} profile={p} unit={unit} />
        ))}
        {rows.length === 0 ? <p>This file has no samples to draw.</p> : null}
      </section>

      {a.laps.length > 0 ? (
        <section aria-labelledby="laps-heading">
          <h2 id="laps-heading">Laps</h2>
          <TableScroll label="Laps">
            <table className="data-table">
              <caption className="visually-hidden">Laps</caption>
              <thead>
                <tr>
                  <th scope="col">Lap</th>
                  <th scope="col">Distance</th>
                  <th scope="col">Time</th>
                  <th scope="col">Pace</th>
                  <th scope="col">Heart rate</th>
                  <th scope="col">Cadence</th>
                </tr>
              </thead>
              <tbody>
                {a.laps.map((lap, i) => (
                  // Laps have no id; their order is their name.
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td>
                      {lap.distanceM !== undefined
                        ? formatDistance(lap.distanceM / 1000, unit)
                        : '–'}
                    </td>
                    <td>{formatDuration(lap.durationS)}</td>
                    <td>
                      {lap.durationS !== undefined && lap.distanceM
                        ? `${formatPace(lap.durationS / fromKm(lap.distanceM / 1000, unit))} /${unit}`
                        : '–'}
                    </td>
                    <td>
                      {lap.avgHeartRateBpm !== undefined
                        ? `${Math.round(lap.avgHeartRateBpm)} bpm`
                        : '–'}
                    </td>
                    <td>
                      {lap.avgCadenceSpm !== undefined ? `${Math.round(lap.avgCadenceSpm)}` : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}

      {dynamics.length > 0 ? (
        <section aria-labelledby="dynamics-heading">
          <h2 id="dynamics-heading">Running dynamics</h2>
          <p className="muted">Averages the watch recorded for the whole activity.</p>
          <dl className="activity-facts">
            {dynamics.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}

/** The route as a line drawn from the positions, north up; no map. */
function RouteDrawing({ points }: { points: readonly ProfilePointInput[] }) {
  const [ref, measured] = useWidth<HTMLElement>(600);
  const width = Math.max(260, Math.min(720, measured));
  const height = Math.round(width * 0.66);
  const line = routePolyline(points, width, height);
  if (line === null) {
    return <p>This file has no positions (a treadmill or an indoor run, or GPS off).</p>;
  }
  const [start] = line.split(' ');
  const end = line.slice(line.lastIndexOf(' ') + 1);
  const [sx, sy] = (start ?? '0,0').split(',').map(Number);
  const [ex, ey] = end.split(',').map(Number);
  return (
    <figure className="chart" ref={ref}>
      <ChartSvg
        width={width}
        height={height}
        title="Route"
        desc="The route drawn from the positions the watch recorded, north up, without a map. The circle is the start, the square the finish."
      >
        <polyline points={line} fill="none" className="route__line" />
        <circle cx={sx} cy={sy} r={6} className="route__start" />
        <rect x={(ex ?? 0) - 5} y={(ey ?? 0) - 5} width={10} height={10} className="route__end" />
      </ChartSvg>
    </figure>
  );
}

/** One measure over distance, with its numbers at each km or mile as a table. */
function ProfileChart({
  rows,
  profile,
  unit,
}: {
  rows: ProfileRow[];
  profile: (typeof PROFILES)[number];
  unit: DistanceUnit;
}) {
  const [ref, measured] = useWidth<HTMLElement>(720);
  const width = Math.max(280, Math.min(960, measured));
  const box = { width, height: 180, left: 46, right: 12, top: 22, bottom: 28 };
  const layout = layoutProfile(rows, profile.key, box);
  const values = rows.flatMap((r) => (r[profile.key] === null ? [] : [r[profile.key] ?? 0]));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const format = (v: number) => profile.format(v, unit);
  const yLabel = (v: number) => (profile.key === 'pace' ? formatPace(v) : tick(v));
  const marks = profileAtMarks(rows);
  return (
    <figure className="chart" ref={ref}>
      <ChartSvg
        width={box.width}
        height={box.height}
        title={`${profile.title} over distance`}
        desc={`${profile.title} from ${format(lo)} to ${format(hi)} over ${formatDistance(
          (rows.at(-1)?.distance ?? 0) / fromKm(1, unit),
          unit,
        )}.`}
      >
        <text x={4} y={14} textAnchor="start" className="chart__axis-title">
          {profile.axis(unit)}
        </text>
        {layout.yTicks.map((t) => (
          <g key={t.value} className="chart__grid">
            <line x1={box.left} x2={box.width - box.right} y1={t.y} y2={t.y} />
            <text x={box.left - 6} y={t.y + 4} textAnchor="end">
              {yLabel(t.value)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={t.value} x={t.x} y={layout.baseline + 18} textAnchor="middle">
            {tick(t.value)} {unit}
          </text>
        ))}
        <g className="chart__series--0">
          {layout.segments.map((points) => (
            <polyline key={points} points={points} fill="none" />
          ))}
        </g>
      </ChartSvg>
      <ChartTable label={`${profile.title} at each ${unit}`}>
        <table className="data-table">
          <caption className="visually-hidden">{`${profile.title} at each ${unit}`}</caption>
          <thead>
            <tr>
              <th scope="col">At</th>
              <th scope="col">{profile.title}</th>
            </tr>
          </thead>
          <tbody>
            {marks.map((r) => (
              <tr key={r.distance}>
                <th scope="row">{`${r.distance.toFixed(1)} ${unit}`}</th>
                <td>{r[profile.key] === null ? '–' : format(r[profile.key] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartTable>
    </figure>
  );
}
