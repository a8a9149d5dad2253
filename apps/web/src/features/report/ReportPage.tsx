import { NO_PLAN_REASON, reportParts, WEAK_LINKS_WORDING } from '@backtrack/core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { usePlanPreview } from '../plan/plan-queries.js';
import { isNotFound, useInterview, useKnowledge } from '../../shared/api/queries.js';
import type { SourceDto } from '../../shared/api/types.js';
import { BookingEntry } from '../booking/BookingEntry.js';
import { ContributorList } from './ContributorList.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { TodayList } from '../plan/PlanView.js';
import { TriageBanner } from './TriageBanner.js';
import { useUnits } from '../../shared/use-units.js';
import './report.css';

const RISK_LABELS: Record<'low' | 'medium' | 'high', string> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
};

const RISK_TEXT: Record<'low' | 'medium' | 'high', string> = {
  low: 'Low risk that the pain lasts: self-management and staying active usually suffice.',
  medium:
    'Medium risk that the pain lasts: physiotherapy focused on exercise is usually recommended.',
  high: 'High risk that the pain lasts: worries and mood are weighing on the pain. Care that addresses both the body and these worries tends to help most; mention it to your clinician.',
};

/**
 * The report, read at a glance: the urgency and what to do now first, then
 * today's exercises (where the triage allows a plan), booking, the weak links
 * in words (the top three in full, the rest folded), the risk screen. An
 * emergency shows only what to do now (`reportParts` in the core).
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const interview = useInterview(id);
  const knowledge = useKnowledge();
  const result = interview.data?.result;
  const parts = reportParts(result?.triage.tier ?? null);
  const plan = usePlanPreview(id, { enabled: result !== undefined && parts.plan });
  const [unit] = useUnits();
  const sources = useMemo(
    () => new Map<string, SourceDto>((knowledge.data?.sources ?? []).map((s) => [s.id, s])),
    [knowledge.data],
  );

  if (interview.isPending) {
    return (
      <>
        <h1>Your report</h1>
        <Loading label="Loading your report…" />
      </>
    );
  }
  if (interview.isError) {
    return (
      <>
        <title>Report – Backtrack</title>
        <h1>Your report</h1>
        {isNotFound(interview.error) ? (
          <p>This report was not found. It may belong to another browser or account.</p>
        ) : (
          <ErrorMessage error={interview.error} />
        )}
      </>
    );
  }
  if (!result) {
    return (
      <>
        <title>Report – Backtrack</title>
        <h1>Your report</h1>
        <p>The assessment is not finished yet.</p>
        <Link className="button button--primary" to={`/assessment/${id}`}>
          Back to the questions
        </Link>
      </>
    );
  }

  const warnings = result.issues.filter((i) => i.severity !== 'info');
  const fromRuns = new Set(
    result.contributors.flatMap((c) =>
      c.explanation.filter((s) => s.from).map((s) => s.questionId),
    ),
  ).size;
  const risk = result.risk;

  const tier = result.triage.tier;
  return (
    <div className="report">
      <title>Your report – Backtrack</title>
      <h1>Your report</h1>
      <TriageBanner triage={result.triage} />
      {parts.plan ? (
        <section aria-labelledby="today-heading" className="card">
          <h2 id="today-heading">What to do today</h2>
          {plan.data?.kind === 'plan' ? (
            <>
              <p>Day 1 of your plan:</p>
              <TodayList items={plan.data.weeks[0]?.days[0]?.items ?? []} unit={unit} />
            </>
          ) : plan.data?.kind === 'no_plan' ? (
            <p>{plan.data.reason}</p>
          ) : null}
          {plan.isError ? (
            <ErrorMessage error={plan.error} title="Could not load the plan" />
          ) : null}
          {plan.data?.kind === 'no_plan' ? null : (
            <p>
              <Link className="button button--primary" to={`/assessment/${id}/plan`}>
                See my plan
              </Link>
            </p>
          )}
        </section>
      ) : tier === 'urgent_doctor' ? (
        <section aria-labelledby="no-plan-heading" className="card">
          <h2 id="no-plan-heading">No exercise plan for now</h2>
          <p>{NO_PLAN_REASON.urgent_doctor}</p>
        </section>
      ) : null}
      <BookingEntry assessmentId={id} sources={sources} />

      {parts.weakLinks ? (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">Your likely weak links</h2>
          {tier === 'urgent_doctor' ? <p>{WEAK_LINKS_WORDING.urgent_doctor}</p> : null}
          <p className="muted">
            {WEAK_LINKS_WORDING.several} Open “Why we think so” to see which answers moved each one.
          </p>
          {fromRuns > 0 ? (
            <p className="why__from why__from--note">
              <span className="why__from-tag">From your imported runs:</span> {fromRuns}{' '}
              {fromRuns === 1 ? 'answer' : 'answers'} came from your runs, not from you. Open “Why
              we think so” to see each one, marked like this.
            </p>
          ) : null}
          <ContributorList contributors={result.contributors} sources={sources} />
        </section>
      ) : null}

      {parts.details ? (
        <section aria-labelledby="risk-heading" className="card">
          <h2 id="risk-heading">Risk screen</h2>
          {risk.level ? (
            <>
              <p>
                <strong>{RISK_LABELS[risk.level]}</strong>
                {risk.total !== null ? ` (score ${risk.total} of 9` : ''}
                {risk.psychosocial !== null
                  ? `, worry and mood ${risk.psychosocial} of 5)`
                  : risk.total !== null
                    ? ')'
                    : ''}
              </p>
              <p>{RISK_TEXT[risk.level]}</p>
            </>
          ) : (
            <p>
              Not scored: {risk.missing.length} of its nine questions were not answered or were
              answered “not sure”.
            </p>
          )}
          <p className="muted">{risk.note}</p>
        </section>
      ) : null}

      {parts.details && warnings.length > 0 ? (
        <section aria-labelledby="issues-heading" className="card">
          <h2 id="issues-heading">About your answers</h2>
          <ul>
            {warnings.map((i) => (
              <li key={`${i.code}-${i.questionId ?? ''}`}>
                {i.message.replace(/^[a-z0-9_]+: /, '')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="diag-heading" className="notice">
        <h2 id="diag-heading">Not a diagnosis</h2>
        <p>{result.disclaimer}</p>
      </section>

      {parts.plan && plan.data?.kind !== 'no_plan' ? (
        <p>
          <Link className="button button--primary" to={`/assessment/${id}/plan`}>
            See my plan
          </Link>
        </p>
      ) : null}
    </div>
  );
}
