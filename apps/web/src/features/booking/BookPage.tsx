import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api/client.js';
import { isUnauthenticated, useMe } from '../../shared/api/queries.js';
import type { BookingPolicyDto } from '../../shared/api/types.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { runnerTimeZone, toIsoDate } from '../../shared/lib/dates.js';
import { useBook, useBookingPolicy, useClinics } from './booking-queries.js';
import { preselectedType } from './choices.js';
import { ConsentForm, NOTHING_SHARED, type Share } from './ConsentForm.js';
import { SlotPicker } from './SlotPicker.js';
import { TakenNotice } from './TakenNotice.js';
import { addDays, describeTime } from './slots.js';
import { useStepFocus } from './use-step-focus.js';
import './booking.css';

/** Days of free slots shown when the triage sets no window. */
const DEFAULT_WINDOW_DAYS = 14;

/** The dates to list slots for: the triage's window, else the next fortnight. */
function slotWindow(policy: BookingPolicyDto): { from: string; to: string } {
  if (policy.window) return policy.window;
  const today = toIsoDate(new Date());
  return { from: today, to: addDays(today, DEFAULT_WINDOW_DAYS - 1) };
}

/**
 * Booking from a report, in three taps: the report's booking link, a free
 * time (clinic and appointment type preselected), then confirm on the
 * consent screen. The choices live in the address (`?clinic&type&start&
 * clinician&cleared`), so signing in on the way comes back to the same step,
 * and a taken slot (409) goes back to the times with everything else kept.
 */
export function BookPage() {
  const { assessmentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const policy = useBookingPolicy(assessmentId);
  const clinics = useClinics();
  const me = useMe();
  const book = useBook();
  const [share, setShare] = useState<Share>(NOTHING_SHARED);
  const [taken, setTaken] = useState<string | null>(null);
  const zone = runnerTimeZone();
  const heading = useRef<HTMLHeadingElement>(null);
  const start = params.get('start');
  useStepFocus(heading, policy.isSuccess && clinics.isSuccess, start ?? 'times');

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const head = (
    <>
      <title>Book an appointment – Backtrack</title>
      <h1>Book an appointment</h1>
    </>
  );
  if (policy.isPending || clinics.isPending) {
    return (
      <>
        {head}
        <Loading label="Loading what you can book…" />
      </>
    );
  }
  if (policy.isError || clinics.isError) {
    return (
      <>
        {head}
        <ErrorMessage error={policy.error ?? clinics.error} />
        <Link to={`/report/${assessmentId}`}>Back to your report</Link>
      </>
    );
  }
  const rule = policy.data;
  if (!rule.canBook) {
    return (
      <>
        <title>What to do now – Backtrack</title>
        <h1>{rule.headline}</h1>
        <section className="notice notice--emergency">
          <p>{rule.text}</p>
        </section>
        <Link to={`/report/${assessmentId}`}>Back to your report</Link>
      </>
    );
  }

  const clinic = clinics.data.find((c) => c.id === params.get('clinic')) ?? clinics.data[0];
  if (!clinic) {
    return (
      <>
        {head}
        <p>No clinic takes bookings through Backtrack yet.</p>
      </>
    );
  }
  const type =
    clinic.appointmentTypes.find((t) => t.active && t.id === params.get('type')) ??
    preselectedType(clinic, rule.suggestedType);
  const cleared = params.get('cleared') === '1';
  const clinicianId = params.get('clinician');
  const clinician = clinic.clinicians.find((c) => c.id === clinicianId);
  const window = slotWindow(rule);

  const confirm = () => {
    if (!type || !start) return;
    setTaken(null);
    book.mutate(
      {
        clinicId: clinic.id,
        appointmentTypeId: type.id,
        start,
        ...(clinician ? { clinicianId: clinician.id } : {}),
        assessmentId,
        clearedByDoctor: cleared,
        share,
      },
      {
        onSuccess: (booking) => {
          void navigate(`/appointments/${booking.id}?booked=1`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'conflict') {
            setTaken(error.message);
            update({ start: null, clinician: null });
          }
        },
      },
    );
  };

  return (
    <div className="booking">
      <title>Book an appointment – Backtrack</title>
      <h1 ref={heading} tabIndex={-1}>
        {start ? 'Check and confirm' : 'Choose a time'}
      </h1>
      <section className={`card booking__rule booking__rule--${rule.tier ?? 'none'}`}>
        <h2>{rule.headline}</h2>
        <p>{rule.text}</p>
        <p className="muted">{rule.reason}</p>
      </section>

      {rule.needsDoctorClearance ? (
        <label className="checkbox booking__cleared">
          <input
            type="checkbox"
            checked={cleared}
            onChange={(e) => {
              update({ cleared: e.target.checked ? '1' : null });
            }}
          />
          A doctor has seen me and cleared me for physiotherapy
        </label>
      ) : null}

      {taken ? (
        <TakenNotice
          message={taken}
          next="The free times below are up to date; your other choices are kept."
        />
      ) : null}

      {rule.needsDoctorClearance && !cleared ? (
        <p>Once a doctor has cleared you, tick the box above to see free times for a follow-up.</p>
      ) : !type ? (
        <p>{clinic.name} has no appointment types open for booking.</p>
      ) : start ? (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">Your appointment</h2>
          <dl className="booking__summary">
            <dt>When</dt>
            <dd>{describeTime(start, zone, clinic.timeZone)}</dd>
            <dt>What</dt>
            <dd>
              {type.name} ({type.durationMinutes} minutes
              {type.priceCents === null || type.priceCents === 0 ? ', free' : ''})
            </dd>
            {clinician ? (
              <>
                <dt>With</dt>
                <dd>{clinician.displayName}</dd>
              </>
            ) : null}
            <dt>Where</dt>
            <dd>
              {clinic.name}, {clinic.address}
            </dd>
          </dl>
          <ConsentForm clinicName={clinic.name} share={share} onChange={setShare} />
          {book.isError && !taken ? <ErrorMessage error={book.error} /> : null}
          {me.data ? (
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                disabled={book.isPending}
                onClick={confirm}
              >
                {book.isPending ? 'Booking…' : 'Confirm the appointment'}
              </button>
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  update({ start: null, clinician: null });
                }}
              >
                Choose another time
              </button>
            </div>
          ) : (
            <div className="notice" role={isUnauthenticated(book.error) ? 'alert' : undefined}>
              <p>
                To book, sign in or create an account. Your assessment comes with you, and you come
                back here.
              </p>
              <Link
                className="button button--primary"
                to={`/account?next=${encodeURIComponent(location.pathname + location.search)}`}
              >
                Sign in or create an account
              </Link>
            </div>
          )}
        </section>
      ) : (
        <section aria-labelledby="times-heading">
          <h2 id="times-heading">
            {type.name} at {clinic.name}
          </h2>
          {clinics.data.length > 1 || clinic.appointmentTypes.filter((t) => t.active).length > 1 ? (
            <div className="inline-form">
              {clinics.data.length > 1 ? (
                <div className="field">
                  <label htmlFor="book-clinic">Clinic</label>
                  <select
                    id="book-clinic"
                    value={clinic.id}
                    onChange={(e) => {
                      update({ clinic: e.target.value, type: null });
                    }}
                  >
                    {clinics.data.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <div className="field">
                <label htmlFor="book-type">Appointment</label>
                <select
                  id="book-type"
                  value={type.id}
                  onChange={(e) => {
                    update({ type: e.target.value });
                  }}
                >
                  {clinic.appointmentTypes
                    .filter((t) => t.active)
                    .map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                </select>
              </div>
            </div>
          ) : null}
          <p className="muted">{type.description}</p>
          <SlotPicker
            clinic={clinic}
            appointmentTypeId={type.id}
            from={window.from}
            to={window.to}
            runnerZone={zone}
            onPick={(slot) => {
              setTaken(null);
              update({
                clinic: clinic.id,
                type: type.id,
                start: slot.start,
                clinician: slot.clinicianId,
              });
            }}
          />
        </section>
      )}
      <p>
        <Link to={`/report/${assessmentId}`}>Back to your report</Link>
      </p>
    </div>
  );
}
