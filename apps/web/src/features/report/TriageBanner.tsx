import { SCREEN_INCOMPLETE_WORDING, TIER_WORDING } from '@backtrack/core';
import type { AssessmentResult } from '../../shared/api/types.js';
import './report.css';

/**
 * The triage outcome, always first on the report: tier, what to do now, and
 * every reason. While the warning-sign screen is unfinished there is no tier:
 * the banner names the questions still to answer instead.
 */
export function TriageBanner({ triage }: { triage: AssessmentResult['triage'] }) {
  if (triage.tier === null) {
    return (
      <section className="triage triage--incomplete" aria-labelledby="triage-heading">
        <h2 id="triage-heading">
          {SCREEN_INCOMPLETE_WORDING.label}: {SCREEN_INCOMPLETE_WORDING.headline.toLowerCase()}
        </h2>
        <p className="triage__now">
          <strong>What to do now: </strong>
          {triage.whatToDoNow}
        </p>
        <h3>Still to answer</h3>
        <ul className="triage__reasons">
          {triage.missing.map((q) => (
            <li key={q.id}>{q.topic}</li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section className={`triage triage--${triage.tier}`} aria-labelledby="triage-heading">
      <p className="triage__tier">
        Urgency: <strong>{TIER_WORDING[triage.tier].label}</strong>
      </p>
      <h2 id="triage-heading">{TIER_WORDING[triage.tier].headline}</h2>
      <p className="triage__now">
        <strong>What to do now: </strong>
        {triage.whatToDoNow}
      </p>
      {triage.reasons.length > 0 ? (
        <>
          <h3>Why</h3>
          <ul className="triage__reasons">
            {triage.reasons.map((r) => (
              <li key={r.id}>
                {r.reason} <strong>{r.action}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
