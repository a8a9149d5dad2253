import type { OutcomeSeries } from '@backtrack/core';
import { formatInstantDate } from '../../shared/lib/dates.js';

/** Each instrument's measures over time and the change, judged by the server against the minimal important change. */
export function OutcomeSeriesView({ series }: { series: readonly OutcomeSeries[] }) {
  return (
    <>
      {series.map((s) => (
        <div key={s.instrument} className="outcome-series">
          <h3>{s.name}</h3>
          <p>
            {s.measures
              .map((m) => `${formatInstantDate(m.recordedAt)}: ${String(m.score)}`)
              .join(' · ')}
          </p>
          {s.change ? (
            <p className={s.change.important ? 'outcome-change--important' : undefined}>
              {s.change.text}
            </p>
          ) : (
            <p className="hint">Record it again later to see the change.</p>
          )}
        </div>
      ))}
    </>
  );
}
