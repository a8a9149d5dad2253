import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  isNotFound,
  isUnauthenticated,
  useProgress,
  useSavedPlan,
} from '../../shared/api/queries.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { PlanView } from './PlanView.js';
import { PlanPageHead } from './PlanPageHead.js';
import { useUnits } from '../../shared/use-units.js';
import { formatDate, toIsoDate } from '../../shared/lib/dates.js';

/** A saved plan, adapted by the check-ins so far. */
export function SavedPlanPage() {
  const { planId = '' } = useParams();
  const saved = useSavedPlan(planId);
  const progress = useProgress(planId);
  const [unit, setUnit] = useUnits();
  const [today] = useState(() => toIsoDate(new Date()));
  const decisions = useMemo(
    () =>
      new Map(
        (progress.data?.weeks ?? []).flatMap((w) =>
          w.decision ? [[w.week, w.decision] as const] : [],
        ),
      ),
    [progress.data],
  );

  return (
    <>
      <PlanPageHead unit={unit} onUnitChange={setUnit} />
      {saved.isPending ? <Loading label="Loading your plan…" /> : null}
      {saved.isError ? (
        isUnauthenticated(saved.error) ? (
          <p>
            <Link to={`/account?next=${encodeURIComponent(`/plans/${planId}`)}`}>Log in</Link> to
            see your saved plan.
          </p>
        ) : isNotFound(saved.error) ? (
          <p>This plan was not found.</p>
        ) : (
          <ErrorMessage error={saved.error} />
        )
      ) : null}
      {saved.data ? (
        <>
          <p>
            Started {formatDate(saved.data.startDate)} · {saved.data.checkIns.length} check-in
            {saved.data.checkIns.length === 1 ? '' : 's'}
          </p>
          <p className="actions no-print">
            <Link className="button button--primary" to="/today">
              Today
            </Link>
            <Link className="button button--secondary" to={`/plans/${planId}/check-in`}>
              Daily check-in
            </Link>
            <Link className="button button--secondary" to={`/plans/${planId}/progress`}>
              Progress
            </Link>
          </p>
          <p className="actions no-print">
            <a
              className="button button--secondary"
              href={`/api/plans/${planId}/handout.pdf?unit=${unit}`}
              download
            >
              Download the handout (PDF)
            </a>
            <a
              className="button button--secondary"
              href={`/api/plans/${planId}/calendar.ics?unit=${unit}`}
              download
            >
              Add to my calendar (.ics)
            </a>
          </p>
          <PlanView
            plan={saved.data.plan}
            unit={unit}
            startDate={saved.data.startDate}
            today={today}
            decisions={decisions}
            edits={saved.data.edits}
          />
        </>
      ) : null}
    </>
  );
}
