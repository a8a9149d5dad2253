import { SCREEN_INCOMPLETE_WORDING, TIER_WORDING } from '@backtrack/core';
import type { NoPlan } from '../../shared/api/types.js';

/** Why there is no plan, and what to do instead. */
export function NoPlanView({ outcome }: { outcome: NoPlan }) {
  return (
    <section
      className={`triage triage--${outcome.tier ?? 'incomplete'}`}
      aria-labelledby="noplan-heading"
    >
      <h2 id="noplan-heading">No exercise plan for now</h2>
      <p>{outcome.reason}</p>
      <h3>
        {(outcome.tier === null ? SCREEN_INCOMPLETE_WORDING : TIER_WORDING[outcome.tier]).headline}
      </h3>
      <p>
        <strong>What to do now: </strong>
        {outcome.whatToDoNow}
      </p>
      {outcome.reasons.length > 0 ? (
        <ul>
          {outcome.reasons.map((r) => (
            <li key={r.id}>
              {r.reason} <strong>{r.action}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted">{outcome.disclaimer}</p>
    </section>
  );
}
