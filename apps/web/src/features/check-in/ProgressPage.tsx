import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { isUnauthenticated, useProgress, useSavedPlan } from '../../shared/api/queries.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { PainChart } from './PainChart.js';
import { TableScroll } from '../../shared/TableScroll.js';
import { formatShortDate } from '../../shared/lib/dates.js';
import { DECISION_LABELS, describeLevel } from '@backtrack/core';

/** Pain over time against the plan's weeks: chart, table, and each week's decision. */
export function ProgressPage() {
  const { planId = '' } = useParams();
  const progress = useProgress(planId);
  const saved = useSavedPlan(planId);
  const decisions = useMemo(
    () =>
      new Map(
        (progress.data?.weeks ?? []).flatMap((w) =>
          w.decision ? [[w.week, w.decision] as const] : [],
        ),
      ),
    [progress.data],
  );
  const planWeeks = saved.data?.plan.kind === 'plan' ? saved.data.plan.weeks.length : 0;
  const weeks = Math.max(planWeeks, progress.data?.weeks.length ?? 0, 1);
  const points = progress.data?.points ?? [];

  return (
    <>
      <title>Progress – Backtrack</title>
      <h1>Progress</h1>
      {progress.isPending ? <Loading /> : null}
      {progress.isError ? (
        isUnauthenticated(progress.error) ? (
          <p>
            <Link to={`/account?next=${encodeURIComponent(`/plans/${planId}/progress`)}`}>
              Log in
            </Link>{' '}
            to see your progress.
          </p>
        ) : (
          <ErrorMessage error={progress.error} />
        )
      ) : null}
      {progress.data ? (
        <>
          {points.length === 0 ? (
            <p>
              No check-ins yet. <Link to={`/plans/${planId}/check-in`}>Check in today</Link> to
              start the chart.
            </p>
          ) : null}
          <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">Pain over time</h2>
            <PainChart points={points} weeks={weeks} decisions={decisions} />
          </section>
          {progress.data.weeks.length > 0 ? (
            <section aria-labelledby="weeks-heading" className="card">
              <h2 id="weeks-heading">Week by week</h2>
              <ul>
                {progress.data.weeks.map((w) => (
                  <li key={w.week}>
                    Week {w.week}: {describeLevel(w.level)}
                    {w.decision ? ` · ${DECISION_LABELS[w.decision]}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {points.length > 0 ? (
            <section aria-labelledby="table-heading">
              <h2 id="table-heading">Your check-ins</h2>
              <TableScroll label="Check-in scores">
                <table className="data-table">
                  <caption className="visually-hidden">Pain scores of each check-in (0–10)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Plan day</th>
                      <th scope="col">During</th>
                      <th scope="col">After</th>
                      <th scope="col">Next morning</th>
                    </tr>
                  </thead>
                  <tbody>
                    {points.map((p) => (
                      <tr key={`${p.date}-${p.day}`}>
                        <th scope="row">{formatShortDate(p.date)}</th>
                        <td>{p.day}</td>
                        <td>{p.painDuring}</td>
                        <td>{p.painAfter}</td>
                        <td>{p.painNextMorning}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          ) : null}
          <p>
            <Link className="button button--primary" to={`/plans/${planId}/check-in`}>
              Daily check-in
            </Link>{' '}
            <Link className="button button--secondary" to={`/plans/${planId}`}>
              My plan
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}
