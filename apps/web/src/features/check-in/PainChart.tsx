import { useId } from 'react';
import { describeTrend, layoutChart, SERIES, type PainPoint } from '../../shared/lib/chart.js';
import { useWidth } from '../../shared/use-width.js';
import './check-in.css';

const SHORT_DECISIONS: Record<string, string> = {
  progress: '↑',
  hold: '=',
  step_back: '↓',
  not_applied: '–',
};

function Marker({ kind, x, y }: { kind: (typeof SERIES)[number]['marker']; x: number; y: number }) {
  if (kind === 'circle') return <circle cx={x} cy={y} r={4.5} />;
  if (kind === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} />;
  return <path d={`M${x} ${y - 5} L${x + 5} ${y + 4} L${x - 5} ${y + 4} Z`} />;
}

/**
 * Pain over time against the plan's weeks: an SVG with a title and a
 * description (the trend in words), lines told apart by dash and marker as
 * well as colour, and the same numbers in a table below.
 */
export function PainChart({
  points,
  weeks,
  decisions,
}: {
  points: readonly (PainPoint & { date: string; week: number })[];
  weeks: number;
  decisions: ReadonlyMap<number, string>;
}) {
  const id = useId();
  const [ref, measured] = useWidth<HTMLElement>(720);
  const width = Math.max(280, Math.min(960, measured));
  const narrow = width < 560;
  const BOX = { width, height: narrow ? 260 : 320, left: 36, right: 10, top: 14, bottom: 48 };
  const layout = layoutChart(points, Math.max(1, weeks), BOX);
  const bottom = BOX.height - BOX.bottom;
  const decisionText = (d: string) => (narrow ? (SHORT_DECISIONS[d] ?? d) : d.replace('_', ' '));
  return (
    <figure className="chart" ref={ref}>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart__svg"
      >
        <title id={`${id}-title`}>Pain over time, by plan week</title>
        <desc id={`${id}-desc`}>{describeTrend(points)}</desc>
        {layout.weekBands.map((b) => (
          <g
            key={b.week}
            className={b.week % 2 === 0 ? 'chart__band chart__band--even' : 'chart__band'}
          >
            <rect x={b.x} y={BOX.top} width={b.width} height={bottom - BOX.top} />
            <text x={b.labelX} y={bottom + 18} textAnchor="middle">
              {b.width < 56 ? `W${b.week}` : `Week ${b.week}`}
            </text>
            {decisions.get(b.week) ? (
              <text x={b.labelX} y={bottom + 34} textAnchor="middle" className="chart__decision">
                {decisionText(decisions.get(b.week) ?? '')}
              </text>
            ) : null}
          </g>
        ))}
        {layout.yTicks.map((t) => (
          <g key={t.value} className="chart__grid">
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={t.y} y2={t.y} />
            <text x={BOX.left - 8} y={t.y + 4} textAnchor="end">
              {t.value}
            </text>
          </g>
        ))}
        {SERIES.map((s, i) => (
          <g key={s.key} className={`chart__series chart__series--${i}`}>
            <polyline
              points={layout.lines[s.key]}
              fill="none"
              strokeDasharray={s.dash || undefined}
            />
            {points.map((p) => (
              <Marker key={p.day} kind={s.marker} x={layout.x(p.day)} y={layout.y(p[s.key])} />
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="chart__legend">
          {SERIES.map((s, i) => (
            <li key={s.key}>
              <svg
                width="36"
                height="12"
                aria-hidden="true"
                className={`chart__series chart__series--${i}`}
              >
                <line x1="2" x2="34" y1="6" y2="6" strokeDasharray={s.dash || undefined} />
                <Marker kind={s.marker} x={18} y={6} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
        <span className="muted">
          Pain 0 (none) to 10 (worst imaginable).
          {narrow && decisions.size > 0 ? ' Under each week: ↑ progress, = hold, ↓ step back.' : ''}
        </span>
      </figcaption>
    </figure>
  );
}
