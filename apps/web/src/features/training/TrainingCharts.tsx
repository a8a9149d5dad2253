import { useId, type ReactNode } from 'react';
import {
  layoutShoes,
  layoutTimeSeries,
  layoutWeeklyLoad,
  type ShoeInput,
  type TimePoint,
} from './training-charts.js';
import {
  describeRunValues,
  describeWeeklyLoad,
  formatDuration,
  formatRunDate,
  type WeekLoadRow,
} from './training.js';
import { formatShortDate } from '../../shared/lib/dates.js';
import { formatDistance, type DistanceUnit } from '../../shared/lib/units.js';
import { TableScroll } from '../../shared/TableScroll.js';
import { useWidth } from '../../shared/use-width.js';
import './training.css';

/** A number for an axis: whole where it is whole, else one decimal. */
export function tick(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The numbers behind a chart, for anyone who cannot or would rather not read it. */
export function ChartTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="chart__data">
      <summary>Show the numbers</summary>
      <TableScroll label={label}>{children}</TableScroll>
    </details>
  );
}

/** A chart's SVG with its title and description (both read out as the image's name). */
export function ChartSvg({
  width,
  height,
  title,
  desc,
  children,
}: {
  width: number;
  height: number;
  title: string;
  desc: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart__svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}

/**
 * Distance per ISO week as bars (left axis) with the week's mean
 * next-morning pain from check-ins as a line with square markers (right
 * axis, 0–10), the two told apart by shape as well as colour.
 */
export function WeeklyLoadChart({ rows, unit }: { rows: WeekLoadRow[]; unit: DistanceUnit }) {
  const [ref, measured] = useWidth<HTMLElement>(720);
  const width = Math.max(280, Math.min(960, measured));
  const narrow = width < 560;
  const box = { width, height: narrow ? 240 : 300, left: 40, right: 36, top: 26, bottom: 30 };
  const layout = layoutWeeklyLoad(rows, box, unit);
  const hasPain = layout.pain.length > 0;
  return (
    <figure className="chart" ref={ref}>
      <ChartSvg
        width={box.width}
        height={box.height}
        title={`Distance per week${hasPain ? ' and next-morning pain' : ''}`}
        desc={describeWeeklyLoad(rows, unit)}
      >
        <text x={4} y={14} textAnchor="start" className="chart__axis-title">
          {unit}
        </text>
        <text x={box.width - 4} y={14} textAnchor="end" className="chart__axis-title">
          pain
        </text>
        {layout.distanceTicks.map((t) => (
          <g key={t.value} className="chart__grid">
            <line x1={box.left} x2={box.width - box.right} y1={t.y} y2={t.y} />
            <text x={box.left - 8} y={t.y + 4} textAnchor="end">
              {tick(t.value)}
            </text>
          </g>
        ))}
        {layout.painTicks.map((t) => (
          <text
            key={t.value}
            x={box.width - box.right + 8}
            y={t.y + 4}
            textAnchor="start"
            className="chart__pain-tick"
          >
            {t.value}
          </text>
        ))}
        <g className="chart__bars">
          {layout.bars.map((b) => (
            <rect key={b.week} x={b.x} y={b.y} width={b.width} height={Math.max(0, b.height)} />
          ))}
        </g>
        <g className="chart__pain">
          {layout.painSegments.map((points) => (
            <polyline key={points} points={points} fill="none" strokeDasharray="6 3" />
          ))}
          {layout.pain.map((p) => (
            <rect key={p.week} x={p.x - 5} y={p.y - 5} width={10} height={10} />
          ))}
        </g>
        {layout.labels.map((l) => (
          <text key={l.x} x={l.x} y={layout.baseline + 20} textAnchor="middle">
            {l.text}
          </text>
        ))}
      </ChartSvg>
      <figcaption>
        <ul className="chart__legend">
          <li>
            <svg width="24" height="14" aria-hidden="true" className="chart__bars">
              <rect x="6" y="1" width="12" height="13" />
            </svg>
            Distance per week ({unit}, left axis)
          </li>
          <li>
            <svg width="36" height="14" aria-hidden="true" className="chart__pain">
              <line x1="2" x2="34" y1="7" y2="7" strokeDasharray="6 3" />
              <rect x="13" y="2" width="10" height="10" />
            </svg>
            Next-morning pain, weekly average (0–10, right axis)
          </li>
        </ul>
        {hasPain ? null : (
          <span className="muted">No check-ins with next-morning pain in these weeks yet.</span>
        )}
      </figcaption>
      <ChartTable label="Distance and pain per week">
        <table className="data-table">
          <caption className="visually-hidden">Distance, time and pain per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Distance</th>
              <th scope="col">Runs</th>
              <th scope="col">Time</th>
              <th scope="col">Next-morning pain</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.week}>
                <th scope="row">{formatShortDate(r.monday)}</th>
                <td>{formatDistance(r.distanceKm, unit)}</td>
                <td>{r.runs}</td>
                <td>{r.runs > 0 ? formatDuration(r.durationS) : '–'}</td>
                <td>
                  {r.pain === null
                    ? '–'
                    : `${r.pain.toFixed(1)} (${r.painDays} day${r.painDays === 1 ? '' : 's'})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartTable>
    </figure>
  );
}

/** One pair of shoes as the chart shows it. */
export interface ShoeRow extends ShoeInput {
  runs: number;
  pastReminder: boolean;
}

/** Distance per pair of shoes as horizontal bars, with the runner's reminder as a dashed line. */
export function ShoeChart({ shoes, unit }: { shoes: ShoeRow[]; unit: DistanceUnit }) {
  const [ref, measured] = useWidth<HTMLElement>(720);
  const width = Math.max(280, Math.min(960, measured));
  const layout = layoutShoes(shoes, width, unit, { left: 10, right: 20 });
  const desc = shoes
    .map(
      (s) =>
        `${s.name}: ${formatDistance(s.distanceKm, unit)}${
          s.reminderKm === null
            ? ', no reminder set'
            : `, reminder at ${formatDistance(s.reminderKm, unit)}${s.pastReminder ? ' (reached)' : ''}`
        }.`,
    )
    .join(' ');
  return (
    <figure className="chart" ref={ref}>
      <ChartSvg width={width} height={layout.height} title="Distance per pair of shoes" desc={desc}>
        {layout.ticks.map((t, i) => {
          const lastTick = i === layout.ticks.length - 1;
          return (
            <g key={t.value} className="chart__grid">
              <line x1={t.x} x2={t.x} y1={2} y2={layout.axisY} />
              <text
                x={lastTick ? width - 4 : t.x}
                y={layout.axisY + 16}
                textAnchor={lastTick ? 'end' : i === 0 ? 'start' : 'middle'}
              >
                {lastTick ? `${tick(t.value)} ${unit}` : tick(t.value)}
              </text>
            </g>
          );
        })}
        {layout.rows.map((r, i) => {
          const shoe = shoes[i];
          return (
            <g key={r.name}>
              <text x={layout.left} y={r.y + 15} className="chart__label">
                {r.name}: {formatDistance(shoe?.distanceKm ?? 0, unit)}
                {shoe?.pastReminder ? ' – reminder reached' : ''}
              </text>
              <rect
                x={layout.left}
                y={r.barY}
                width={Math.max(1, r.barWidth)}
                height={r.barHeight}
                className={shoe?.pastReminder ? 'chart__shoe chart__shoe--past' : 'chart__shoe'}
              />
              {r.reminderX === null ? null : (
                <line
                  x1={r.reminderX}
                  x2={r.reminderX}
                  y1={r.barY - 5}
                  y2={r.barY + r.barHeight + 5}
                  className="chart__reminder"
                />
              )}
            </g>
          );
        })}
      </ChartSvg>
      <figcaption>
        <ul className="chart__legend">
          <li>
            <svg width="24" height="14" aria-hidden="true">
              <rect x="2" y="2" width="20" height="10" className="chart__shoe" />
            </svg>
            Distance run in them
          </li>
          {shoes.some((s) => s.pastReminder) ? (
            <li>
              <svg width="24" height="14" aria-hidden="true">
                <rect
                  x="2"
                  y="2"
                  width="20"
                  height="10"
                  className="chart__shoe chart__shoe--past"
                />
              </svg>
              Past your reminder
            </li>
          ) : null}
          <li>
            <svg width="24" height="18" aria-hidden="true">
              <line x1="12" x2="12" y1="1" y2="17" className="chart__reminder" />
            </svg>
            Your reminder
          </li>
        </ul>
      </figcaption>
      <ChartTable label="Distance per pair of shoes">
        <table className="data-table">
          <caption className="visually-hidden">
            Distance, runs and reminder per pair of shoes
          </caption>
          <thead>
            <tr>
              <th scope="col">Shoes</th>
              <th scope="col">Distance</th>
              <th scope="col">Runs</th>
              <th scope="col">Reminder</th>
            </tr>
          </thead>
          <tbody>
            {shoes.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                <td>{formatDistance(s.distanceKm, unit)}</td>
                <td>{s.runs}</td>
                <td>
                  {s.reminderKm === null
                    ? 'none'
                    : `${formatDistance(s.reminderKm, unit)}${s.pastReminder ? ' (reached)' : ''}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartTable>
    </figure>
  );
}

/** One value per run against its date (cadence, ground-contact balance), with an optional reference line. */
export function RunValueChart({
  title,
  points,
  format,
  axisUnit,
  valueLabel,
  reference,
  minSpan,
}: {
  title: string;
  points: TimePoint[];
  format: (value: number) => string;
  axisUnit: string;
  valueLabel: string;
  reference?: { value: number; label: string };
  minSpan?: number;
}) {
  const [ref, measured] = useWidth<HTMLElement>(720);
  const width = Math.max(280, Math.min(960, measured));
  const box = { width, height: width < 560 ? 200 : 240, left: 44, right: 14, top: 26, bottom: 30 };
  const layout = layoutTimeSeries(points, box, {
    ...(reference ? { reference: reference.value } : {}),
    ...(minSpan === undefined ? {} : { minSpan }),
  });
  const desc =
    describeRunValues(points, format) + (reference ? ` Dashed line: ${reference.label}.` : '');
  return (
    <figure className="chart" ref={ref}>
      <ChartSvg width={box.width} height={box.height} title={title} desc={desc}>
        <text x={4} y={14} textAnchor="start" className="chart__axis-title">
          {axisUnit}
        </text>
        {layout.yTicks.map((t) => (
          <g key={t.value} className="chart__grid">
            <line x1={box.left} x2={box.width - box.right} y1={t.y} y2={t.y} />
            <text x={box.left - 8} y={t.y + 4} textAnchor="end">
              {tick(t.value)}
            </text>
          </g>
        ))}
        {layout.referenceY === null || !reference ? null : (
          <g className="chart__reference">
            <line
              x1={box.left}
              x2={box.width - box.right}
              y1={layout.referenceY}
              y2={layout.referenceY}
            />
            <text x={box.width - box.right - 4} y={layout.referenceY - 6} textAnchor="end">
              {reference.label}
            </text>
          </g>
        )}
        <g className="chart__series chart__series--0">
          <polyline points={layout.line} fill="none" />
          {layout.points.map((p) => (
            <circle key={`${p.startTime}-${p.x}`} cx={p.x} cy={p.y} r={4.5} />
          ))}
        </g>
        {layout.xLabels.map((l) => (
          <text key={l.text + l.anchor} x={l.x} y={layout.baseline + 20} textAnchor={l.anchor}>
            {l.text}
          </text>
        ))}
      </ChartSvg>
      <ChartTable label={title}>
        <table className="data-table">
          <caption className="visually-hidden">{title}, per run</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={`${p.startTime}-${p.value}`}>
                <th scope="row">{formatRunDate(p.startTime)}</th>
                <td>{format(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartTable>
    </figure>
  );
}
