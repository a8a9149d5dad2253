import { describeShared, TIER_WORDING, toLocalTime } from '@backtrack/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ClinicianAppointmentDto } from '@backtrack/server/contract';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { formatDateTime } from '../../shared/lib/dates.js';
import { Tabs } from '../../shared/Tabs.js';
import { useClinicianAppointments } from './clinic-queries.js';
import './clinic.css';

/** An appointment's start in its clinic's time zone ("Wed 4 Mar 2026, 00:30"). */
function clinicTime(a: ClinicianAppointmentDto): string {
  return formatDateTime(a.start, a.timeZone);
}

function AppointmentList({ appointments }: { appointments: ClinicianAppointmentDto[] }) {
  if (appointments.length === 0) return <p>No appointments.</p>;
  return (
    <ul className="appointments">
      {appointments.map((a) => (
        <li key={a.id} className="card appointment">
          <h3>
            <time dateTime={a.start}>{clinicTime(a)}</time> · {a.appointmentTypeName}
          </h3>
          <p>
            {a.runnerEmail} with {a.clinicianName}
            {a.tier ? ` · urgency: ${TIER_WORDING[a.tier].label}` : ''}
          </p>
          <p>
            {a.share
              ? `Shared: ${describeShared(a.share)}`
              : 'Nothing shared (or consent revoked).'}
          </p>
          {a.share ? (
            <Link className="button button--secondary" to={`/clinic/runners/${a.runnerId}`}>
              Pre-visit summary for {a.runnerEmail}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The clinician's day and week: booked appointments, each with its pre-visit summary. */
export function AppointmentsPage() {
  const [tab, setTab] = useState(0);
  const [now] = useState(() => new Date());
  const week = useClinicianAppointments();
  // "Today" is the clinic's today, as the list's dates are the clinic's.
  const todays =
    week.data?.filter((a) => a.localDate === toLocalTime(now.getTime(), a.timeZone).date) ?? [];

  return (
    <>
      <h1>Your appointments</h1>
      {week.isPending ? <Loading /> : null}
      {week.isError ? <ErrorMessage error={week.error} /> : null}
      {week.data ? (
        <Tabs
          label="Appointments"
          selected={tab}
          onSelect={setTab}
          tabs={[
            { key: 'today', title: 'Today', panel: <AppointmentList appointments={todays} /> },
            {
              key: 'week',
              title: 'This week',
              panel: <AppointmentList appointments={week.data} />,
            },
          ]}
        />
      ) : null}
    </>
  );
}
