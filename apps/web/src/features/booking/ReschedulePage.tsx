import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../shared/api/client.js';
import type { SlotDto } from '../../shared/api/types.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { runnerTimeZone, toIsoDate } from '../../shared/lib/dates.js';
import { useBooking, useClinics, useReschedule } from './booking-queries.js';
import { SlotPicker } from './SlotPicker.js';
import { TakenNotice } from './TakenNotice.js';
import { addDays, describeTime } from './slots.js';
import { useStepFocus } from './use-step-focus.js';
import './booking.css';

/** Days of free slots offered for a new time. */
const RESCHEDULE_DAYS = 14;

/** Moving an appointment: pick a new free time of the same type, then confirm. */
export function ReschedulePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const booking = useBooking(id);
  const clinics = useClinics();
  const move = useReschedule(id);
  const [picked, setPicked] = useState<SlotDto | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const zone = runnerTimeZone();
  const heading = useRef<HTMLHeadingElement>(null);
  useStepFocus(heading, booking.isSuccess && clinics.isSuccess, picked ? 'confirm' : 'times');

  const head = (
    <>
      <title>Reschedule – Backtrack</title>
      <h1 ref={heading} tabIndex={-1}>
        Choose a new time
      </h1>
    </>
  );
  if (booking.isPending || clinics.isPending) {
    return (
      <>
        {head}
        <Loading />
      </>
    );
  }
  if (booking.isError || clinics.isError) {
    return (
      <>
        {head}
        <ErrorMessage error={booking.error ?? clinics.error} />
      </>
    );
  }
  const b = booking.data;
  const clinic = clinics.data.find((c) => c.id === b.clinicId);
  if (b.status !== 'booked' || !clinic) {
    return (
      <>
        {head}
        <p>This appointment can no longer be moved.</p>
        <Link to={`/appointments/${b.id}`}>Back to the appointment</Link>
      </>
    );
  }
  const today = toIsoDate(new Date());

  return (
    <div className="booking">
      {head}
      <p>
        Now: {b.appointmentTypeName} with {b.clinicianName},{' '}
        {describeTime(b.start, zone, b.timeZone)}.
      </p>
      {taken ? <TakenNotice message={taken} next="The free times below are up to date." /> : null}
      {picked ? (
        <section className="card" aria-labelledby="move-heading">
          <h2 id="move-heading">Move to {describeTime(picked.start, zone, b.timeZone)}?</h2>
          <p>With {picked.clinicianName}.</p>
          {move.isError && !taken ? <ErrorMessage error={move.error} /> : null}
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              disabled={move.isPending}
              onClick={() => {
                setTaken(null);
                move.mutate(
                  { start: picked.start, clinicianId: picked.clinicianId },
                  {
                    onSuccess: (moved) => {
                      void navigate(`/appointments/${moved.id}?moved=1`);
                    },
                    onError: (error) => {
                      if (error instanceof ApiError && error.code === 'conflict') {
                        setTaken(error.message);
                        setPicked(null);
                      }
                    },
                  },
                );
              }}
            >
              Move my appointment
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setPicked(null);
              }}
            >
              Choose another time
            </button>
          </div>
        </section>
      ) : (
        <SlotPicker
          clinic={clinic}
          appointmentTypeId={b.appointmentTypeId}
          from={today}
          to={addDays(today, RESCHEDULE_DAYS - 1)}
          runnerZone={zone}
          onPick={setPicked}
        />
      )}
      <p>
        <Link to={`/appointments/${b.id}`}>Keep the current time</Link>
      </p>
    </div>
  );
}
