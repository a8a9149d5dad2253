import {
  describeShared,
  formatDistance,
  SHARE_ITEM_LABELS,
  TIER_WORDING,
  type SummarySection,
} from '@backtrack/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { OutcomeInputDto } from '@backtrack/server/contract';
import { Link, useParams } from 'react-router';
import { ApiError, request } from '../../shared/api/client.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { formatDateTime } from '../../shared/lib/dates.js';
import { formatPercent } from '../../shared/lib/format.js';
import { useUnits } from '../../shared/use-units.js';
import { OutcomeForm } from '../outcomes/OutcomeForm.js';
import { OutcomeSeriesView } from '../outcomes/OutcomeSeriesView.js';
import { EditNotes } from '../plan/PlanView.js';
import { PlanEditForm } from './PlanEditForm.js';
import { clinicKeys, usePreVisitSummary } from './clinic-queries.js';
import './clinic.css';

/** One section of the summary: its content, or why there is none. */
function Part<T>({
  title,
  section,
  children,
}: {
  title: string;
  section: SummarySection<T>;
  children: (data: T) => ReactNode;
}) {
  const id = `summary-${title.toLowerCase().replaceAll(/[^a-z]+/g, '-')}`;
  return (
    <section className="card summary-part" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {section.status === 'shown' ? children(section.data) : null}
      {section.status === 'not_shared' ? (
        <p className="hint">
          Not shared: the runner did not share their {SHARE_ITEM_LABELS[section.item]}.
        </p>
      ) : null}
      {section.status === 'no_data' ? <p className="hint">No data yet.</p> : null}
    </section>
  );
}

const oneDecimal = (n: number | null) => (n === null ? '–' : n.toFixed(1));

/** The pre-visit summary of one runner on one screen (printable). */
export function SummaryPage() {
  const { runnerId = '' } = useParams();
  const query = usePreVisitSummary(runnerId);
  const [unit] = useUnits();
  const client = useQueryClient();
  const recordOutcome = useMutation({
    mutationFn: (json: OutcomeInputDto) =>
      request('POST /api/clinician/runners/:runnerId/outcomes', { param: { runnerId }, json }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: clinicKeys.summary(runnerId) });
    },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const noAccess = query.error instanceof ApiError && query.error.code === 'forbidden';
    return (
      <>
        <h1>{noAccess ? 'No access' : 'Pre-visit summary'}</h1>
        <ErrorMessage error={query.error} />
        <p>
          <Link to="/clinic">Back to your appointments</Link>
        </p>
      </>
    );
  }
  const { summary: s, runnerEmail, generatedAt } = query.data;
  return (
    <div className="summary">
      <h1>Pre-visit summary: {runnerEmail}</h1>
      <p className="hint">
        Shared: {describeShared(s.shared)}. Made {formatDateTime(generatedAt)}. Not a diagnosis:
        what the runner answered and recorded, for the examination.
      </p>
      <Part title="Triage" section={s.triage}>
        {(t) => (
          <>
            <p>
              Urgency:{' '}
              <strong>{t.tier ? TIER_WORDING[t.tier].label : 'screen not finished'}</strong>
            </p>
            <p>{t.whatToDoNow}</p>
            {t.reasons.length > 0 ? (
              <ul>
                {t.reasons.map((r) => (
                  <li key={r.id}>{r.reason}</li>
                ))}
              </ul>
            ) : null}
            <h3>Warning signs answered “not sure”</h3>
            {t.notSure.length === 0 ? (
              <p>None.</p>
            ) : (
              <ul>
                {t.notSure.map((q) => (
                  <li key={q.id}>{q.topic}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </Part>
      <Part title="Pain map" section={s.painMap}>
        {(p) => <p>{p.answer}</p>}
      </Part>
      <Part title="Onset and course" section={s.onsetAndCourse}>
        {(items) => (
          <dl>
            {items.map((a) => (
              <div key={a.questionId}>
                <dt>{a.question}</dt>
                <dd>{a.answer}</dd>
              </div>
            ))}
          </dl>
        )}
      </Part>
      <Part title="Weak links" section={s.weakLinks}>
        {(links) => (
          <ol>
            {links.map((l) => (
              <li key={l.id}>
                <strong>{l.name}</strong> ({l.band}, {formatPercent(l.probability)})
                {l.because.length > 0 ? (
                  <ul>
                    {l.because.map((b) => (
                      <li key={`${b.question}-${b.answer}`}>
                        {b.question} — {b.answer}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Part>
      <Part title="Risk screen" section={s.risk}>
        {(r) => (
          <p>
            {r.level === null ? 'Not complete' : `${r.level} risk`}
            {r.total === null
              ? ''
              : ` (total ${String(r.total)}, psychosocial ${String(r.psychosocial)})`}
            . {r.note}
          </p>
        )}
      </Part>
      <Part title="Plan" section={s.plan}>
        {(p) => (
          <>
            <p>
              {p.weeks} weeks; running: {p.runningMode.replaceAll('_', ' ')}.
            </p>
            {p.safetyStop ? <p role="alert">Running stopped: {p.safetyStop}</p> : null}
            {p.decisions.length > 0 ? (
              <ul>
                {p.decisions.map((d) => (
                  <li key={d.week}>
                    After week {d.week}: {d.reason}
                  </li>
                ))}
              </ul>
            ) : null}
            {p.edits.length > 0 ? (
              <>
                <h3>Changes by clinicians</h3>
                <EditNotes edits={p.edits} />
              </>
            ) : null}
          </>
        )}
      </Part>
      {s.plan.status === 'shown' && s.plan.data.editOptions.length > 0 ? (
        <PlanEditForm
          runnerId={runnerId}
          weeks={s.plan.data.weeks}
          fromWeek={s.plan.data.editFromWeek}
          options={s.plan.data.editOptions}
        />
      ) : null}
      <Part title="Check-ins" section={s.checkIns}>
        {(c) => (
          <>
            <p>
              {c.checkIns} check-ins; sessions done {c.sessionsDone} of {c.sessionsPlanned}
              {c.adherence === null ? '' : ` (${formatPercent(c.adherence)})`}. Next-morning pain:
              first week {oneDecimal(c.firstWeekMean)}, last week {oneDecimal(c.lastWeekMean)}{' '}
              (0–10).
              {c.distanceKm === null ? '' : ` Running reported: ${oneDecimal(c.distanceKm)} km.`}
            </p>
            {c.legPainBelowKnee.length > 0 || c.legPainAboveKnee.length > 0 ? (
              <p>
                Pain reached the leg:
                {c.legPainBelowKnee.length > 0
                  ? ` below the knee on plan day ${c.legPainBelowKnee.join(', ')}`
                  : ''}
                {c.legPainBelowKnee.length > 0 && c.legPainAboveKnee.length > 0 ? ';' : ''}
                {c.legPainAboveKnee.length > 0
                  ? ` buttock or thigh on plan day ${c.legPainAboveKnee.join(', ')}`
                  : ''}
                .
              </p>
            ) : null}
            {c.notes.length > 0 ? (
              <>
                <h3>The runner’s notes</h3>
                <ul>
                  {c.notes.map((n) => (
                    <li key={n.day}>
                      Day {n.day}: {n.note}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </Part>
      <Part title="Outcome measures" section={s.outcomes}>
        {(series) => <OutcomeSeriesView series={series} />}
      </Part>
      {s.shared.checkins ? (
        <section className="card no-print" aria-labelledby="record-outcome-heading">
          <h2 id="record-outcome-heading">Record an outcome measure</h2>
          <OutcomeForm
            idPrefix="clinic-outcome"
            pending={recordOutcome.isPending}
            onSubmit={(input) => {
              recordOutcome.mutate(input);
            }}
          />
          {recordOutcome.isError ? <ErrorMessage error={recordOutcome.error} /> : null}
          {recordOutcome.isSuccess ? <p role="status">Recorded for the runner.</p> : null}
        </section>
      ) : null}
      <Part title="Training" section={s.training}>
        {(t) => (
          <>
            <p>
              Weekly distance:{' '}
              {t.weeks.map((w) => formatDistance(w.distanceM / 1000, unit)).join(' · ')}
            </p>
            <p>Long-run spikes: {t.spikes.length === 0 ? 'none' : t.spikes.length}.</p>
            <p>
              Shoes:{' '}
              {t.shoes.length === 0 ? 'none recorded' : t.shoes.map((x) => x.name).join(', ')}.
            </p>
          </>
        )}
      </Part>
      <p className="no-print">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.print();
          }}
        >
          Print
        </button>{' '}
        <a
          className="button button--secondary"
          href={`/api/clinician/runners/${runnerId}/summary.pdf?unit=${unit}`}
          download
        >
          Download as PDF
        </a>{' '}
        <Link to="/clinic">Back to your appointments</Link>
      </p>
    </div>
  );
}
