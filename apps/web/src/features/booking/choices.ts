/**
 * The booking pages' pure choices: which appointment type to preselect, and
 * which appointments are upcoming.
 */
import type { BookingDto, ClinicDto } from '../../shared/api/types.js';

/** The appointment type the triage suggests at this clinic (by key), else its first active one. */
export function preselectedType(
  clinic: ClinicDto,
  suggested: string | null,
): ClinicDto['appointmentTypes'][number] | undefined {
  const active = clinic.appointmentTypes.filter((t) => t.active);
  return active.find((t) => t.key === suggested) ?? active[0];
}

/**
 * Upcoming appointments (booked and not yet over, soonest first) and the
 * past or cancelled ones (latest first). A booking moved to another time is
 * left out: its new booking stands for it.
 */
export function splitAppointments(
  bookings: readonly BookingDto[],
  nowMs: number,
): { upcoming: BookingDto[]; past: BookingDto[] } {
  const isUpcoming = (b: BookingDto) => b.status === 'booked' && Date.parse(b.end) > nowMs;
  const upcoming = bookings
    .filter(isUpcoming)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const past = bookings
    .filter((b) => !isUpcoming(b) && b.status !== 'rescheduled')
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return { upcoming, past };
}
