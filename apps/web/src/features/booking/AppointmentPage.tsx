import { useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isNotFound } from '../../shared/api/queries.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { icsUrl, useBooking, useClinics } from './booking-queries.js';
import { CancelBooking } from './CancelBooking.js';
import { describeTime } from './slots.js';
import { runnerTimeZone } from '../../shared/lib/dates.js';
import { useStepFocus } from './use-step-focus.js';
import './booking.css';

const STATUS_TEXT = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  rescheduled: 'Moved to another time',
} as const;

/**
 * One appointment, and the confirmation page after booking (`?booked=1`) or
 * moving it (`?moved=1`): date and time, clinician, address, the calendar
 * file, and reschedule or cancel.
 */
export function AppointmentPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const booking = useBooking(id);
  const clinics = useClinics();
  const heading = useRef<HTMLHeadingElement>(null);
  useStepFocus(heading, booking.isSuccess, 'appointment');

  if (booking.isPending) {
    return (
      <>
        <h1>Your appointment</h1>
        <Loading label="Loading your appointment…" />
      </>
    );
  }
  if (booking.isError) {
    return (
      <>
        <title>Appointment – Backtrack</title>
        <h1>Your appointment</h1>
        {isNotFound(booking.error) ? (
          <p>This appointment was not found. It may belong to another account.</p>
        ) : (
          <ErrorMessage error={booking.error} />
        )}
        <Link to="/appointments">My appointments</Link>
      </>
    );
  }
  const b = booking.data;
  const clinic = clinics.data?.find((c) => c.id === b.clinicId);
  const active = b.status === 'booked';
  const title = !active
    ? 'Your appointment'
    : params.get('booked') === '1'
      ? 'Your appointment is booked'
      : params.get('moved') === '1'
        ? 'Your appointment has moved'
        : 'Your appointment';
  return (
    <div className="booking">
      <title>{`${title} – Backtrack`}</title>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <section className="card" aria-labelledby="appointment-heading">
        <h2 id="appointment-heading">{b.appointmentTypeName}</h2>
        <dl className="booking__summary">
          <dt>When</dt>
          <dd>{describeTime(b.start, runnerTimeZone(), b.timeZone)}</dd>
          <dt>With</dt>
          <dd>{b.clinicianName}</dd>
          <dt>Where</dt>
          <dd>
            {b.clinicName}
            {clinic ? `, ${clinic.address}` : ''}
          </dd>
          <dt>Status</dt>
          <dd>{STATUS_TEXT[b.status]}</dd>
        </dl>
        <div className="actions">
          {active ? (
            <>
              <a className="button button--primary" href={icsUrl(b.id)} download="appointment.ics">
                Add to calendar (.ics)
              </a>
              <Link className="button button--secondary" to={`/appointments/${b.id}/reschedule`}>
                Reschedule
              </Link>
              <CancelBooking booking={b} label="this appointment" />
            </>
          ) : null}
        </div>
        {active ? (
          <p className="muted">We have also sent you a mail with the appointment.</p>
        ) : null}
      </section>
      <p>
        <Link to="/appointments">My appointments</Link>
      </p>
    </div>
  );
}
