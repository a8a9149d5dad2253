import { useMemo, useState } from 'react';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import type { ClinicDto, SlotDto } from '../../shared/api/types.js';
import { useSlots } from './booking-queries.js';
import { groupSlotsByDay } from './slots.js';
import './booking.css';

/**
 * Free slots of one appointment type, grouped by day in the runner's time
 * zone (the clinic's zone named when it differs): a row of days, the first
 * with free times chosen, and the chosen day's times as buttons.
 */
export function SlotPicker({
  clinic,
  appointmentTypeId,
  from,
  to,
  runnerZone,
  onPick,
}: {
  clinic: ClinicDto;
  appointmentTypeId: string;
  from: string;
  to: string;
  runnerZone: string;
  onPick: (slot: SlotDto) => void;
}) {
  const slots = useSlots({ clinicId: clinic.id, appointmentTypeId, from, to });
  const days = useMemo(
    () => groupSlotsByDay(slots.data?.slots ?? [], runnerZone, clinic.timeZone),
    [slots.data, runnerZone, clinic.timeZone],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const day = days.find((d) => d.date === chosen) ?? days[0];

  if (slots.isPending) return <Loading label="Loading free times…" />;
  if (slots.isError) return <ErrorMessage error={slots.error} title="Could not load free times" />;
  if (!day) {
    return (
      <p className="notice">
        No free times between these dates. Please try again later or call the clinic.
      </p>
    );
  }
  const zoneNote = day.slots.some((s) => s.clinicTime !== null);
  return (
    <div className="slots">
      <p className="muted">
        Times are in your time zone ({runnerZone}).
        {zoneNote ? ` The clinic is in ${clinic.timeZone}; its own time is shown after each.` : ''}
      </p>
      <h3 id="slot-days-heading">Day</h3>
      <ul className="slot-days" aria-labelledby="slot-days-heading">
        {days.map((d) => (
          <li key={d.date}>
            <button
              type="button"
              className="slot-day"
              aria-pressed={d.date === day.date}
              onClick={() => {
                setChosen(d.date);
              }}
            >
              {d.label}
              <span className="slot-day__count">
                {d.slots.length} {d.slots.length === 1 ? 'time' : 'times'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <h3 id="slot-times-heading">Free times on {day.label}</h3>
      <ul className="slot-times" aria-labelledby="slot-times-heading">
        {day.slots.map((s) => (
          <li key={`${s.slot.start}-${s.slot.clinicianId}`}>
            <button
              type="button"
              className="slot-time"
              onClick={() => {
                onPick(s.slot);
              }}
            >
              <strong>{s.time}</strong>
              {s.clinicTime ? <span className="muted"> ({s.clinicTime} at the clinic)</span> : null}
              <span className="slot-time__who">with {s.slot.clinicianName}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
