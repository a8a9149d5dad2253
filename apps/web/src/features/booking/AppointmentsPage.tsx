import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../shared/api/queries.js';
import type { BookingDto } from '../../shared/api/types.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { useBookings } from './booking-queries.js';
import { CancelBooking } from './CancelBooking.js';
import { splitAppointments } from './choices.js';
import { describeTime } from './slots.js';
import { runnerTimeZone } from '../../shared/lib/dates.js';
import './booking.css';

function AppointmentItem({ booking, upcoming }: { booking: BookingDto; upcoming: boolean }) {
  const when = describeTime(booking.start, runnerTimeZone(), booking.timeZone);
  return (
    <li className="card appointment">
      <h3>
        <Link to={`/appointments/${booking.id}`}>{when}</Link>
      </h3>
      <p>
        {booking.appointmentTypeName} with {booking.clinicianName}, {booking.clinicName}
        {booking.status === 'cancelled' ? ' — cancelled' : ''}
      </p>
      {upcoming ? (
        <div className="actions">
          <Link className="button button--secondary" to={`/appointments/${booking.id}/reschedule`}>
            Reschedule
          </Link>
          <CancelBooking booking={booking} label={`the appointment on ${when}`} />
        </div>
      ) : null}
    </li>
  );
}

/** My appointments: upcoming ones to move or cancel, and past or cancelled ones. */
export function AppointmentsPage() {
  const me = useMe();
  // "Now" is when the page opened: upcoming and past do not reshuffle while it is open.
  const [now] = useState(() => Date.now());
  const bookings = useBookings({ enabled: Boolean(me.data) });
  const head = (
    <>
      <title>My appointments – Backtrack</title>
      <h1>My appointments</h1>
    </>
  );
  if (me.isPending || (me.data && bookings.isPending)) {
    return (
      <>
        {head}
        <Loading label="Loading your appointments…" />
      </>
    );
  }
  if (!me.data) {
    return (
      <>
        {head}
        <p>Appointments belong to an account.</p>
        <Link className="button button--primary" to="/account?next=%2Fappointments">
          Sign in or create an account
        </Link>
      </>
    );
  }
  if (bookings.isError) {
    return (
      <>
        {head}
        <ErrorMessage error={bookings.error} />
      </>
    );
  }
  const { upcoming, past } = splitAppointments(bookings.data ?? [], now);
  return (
    <div className="booking">
      {head}
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming</h2>
        {upcoming.length === 0 ? (
          <p>
            No upcoming appointments. You can book one from your report when the triage allows it.
          </p>
        ) : (
          <ul className="appointments">
            {upcoming.map((b) => (
              <AppointmentItem key={b.id} booking={b} upcoming />
            ))}
          </ul>
        )}
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">Past and cancelled</h2>
          <ul className="appointments">
            {past.map((b) => (
              <AppointmentItem key={b.id} booking={b} upcoming={false} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
