import { Link } from 'react-router';
import type { SourceDto, TriageTier } from '../../shared/api/types.js';
import { ErrorMessage } from '../../shared/ErrorMessage.js';
import { Sources } from '../report/Sources.js';
import { useBookingPolicy } from './booking-queries.js';
import './booking.css';

/** The booking link's wording for each tier that may book; an emergency has none. */
const LINK_TEXT: Record<Exclude<TriageTier, 'emergency'>, string> = {
  urgent_doctor: 'Book a follow-up once a doctor has cleared me',
  see_clinician: 'Choose a time with a physiotherapist',
  self_care: 'Book the free running analysis (optional)',
};

/**
 * On the report: what the triage allows to book, in the knowledge base's
 * words (`GET /api/bookings/policy`), with the link to book where it may.
 * An emergency shows only what to do now, and no booking link.
 */
export function BookingEntry({
  assessmentId,
  sources,
}: {
  assessmentId: string;
  sources: ReadonlyMap<string, SourceDto>;
}) {
  const policy = useBookingPolicy(assessmentId);
  if (policy.isPending) return null;
  if (policy.isError) return <ErrorMessage error={policy.error} title="Could not load booking" />;
  const rule = policy.data;
  const tier = rule.tier ?? 'self_care';
  return (
    <section
      aria-labelledby="booking-heading"
      className={`card booking__rule booking__rule--${rule.tier ?? 'none'}`}
    >
      <h2 id="booking-heading">{rule.headline}</h2>
      <p>{rule.text}</p>
      <details>
        <summary>Why</summary>
        <p>{rule.reason}</p>
        <Sources ids={rule.sources} sources={sources} />
      </details>
      {rule.canBook && tier !== 'emergency' ? (
        <p>
          <Link
            className={`button ${tier === 'self_care' ? 'button--secondary' : 'button--primary'}`}
            to={`/book/${assessmentId}`}
          >
            {LINK_TEXT[tier]}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
