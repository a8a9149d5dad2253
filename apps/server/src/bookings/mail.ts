/**
 * The mail about a booking: confirmation, change, cancellation and the
 * reminder a day before, each with the appointment as an `.ics` file
 * (METHOD:REQUEST, or CANCEL), its UID stable for the booking and its
 * SEQUENCE raised by every change. Times are written in the clinic's time
 * zone, named, so that nobody has to guess.
 */
import { appointmentToIcs } from '@backtrack/core';
import type {
  AppointmentRow,
  AppointmentTypeRow,
  ClinicMemberRow,
  ClinicRow,
  Repositories,
} from '@backtrack/db';
import type { MailMessage } from '../mail/mailer.js';

/** Why the mail is sent. */
export type BookingMailEvent = 'booked' | 'rescheduled' | 'cancelled' | 'reminder';

/** The calendar UID of a booking: the same for every reschedule of it. */
export function bookingUid(appointment: Pick<AppointmentRow, 'seriesId'>): string {
  return `booking-${appointment.seriesId}@backtrack`;
}

/** The calendar SEQUENCE of an appointment: its reschedule count, plus one once cancelled. */
export function bookingSequence(appointment: Pick<AppointmentRow, 'sequence' | 'status'>): number {
  return appointment.sequence + (appointment.status === 'cancelled' ? 1 : 0);
}

/** "Monday 2 March 2026, 09:00–09:30 (Europe/Copenhagen)" */
export function describeTime(start: Date, end: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  for (const p of date.formatToParts(start)) parts[p.type] = p.value;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const day = `${parts.weekday ?? ''} ${parts.day ?? ''} ${parts.month ?? ''} ${parts.year ?? ''}`;
  return `${day}, ${time.format(start)}–${time.format(end)} (${timeZone})`;
}

const SUBJECTS: Record<BookingMailEvent, string> = {
  booked: 'Booked',
  rescheduled: 'Moved',
  cancelled: 'Cancelled',
  reminder: 'Tomorrow',
};

const OPENINGS: Record<BookingMailEvent, string> = {
  booked: 'Your appointment is booked.',
  rescheduled: 'Your appointment has moved to a new time.',
  cancelled: 'Your appointment has been cancelled.',
  reminder: 'A reminder: your appointment is in about 24 hours.',
};

/** What an appointment's calendar file and mail name. */
export interface BookingContext {
  clinic: ClinicRow;
  type: AppointmentTypeRow;
  clinician: ClinicMemberRow;
}

/** Loads the clinic, type and clinician of an appointment; undefined when one is gone. */
export async function loadBookingContext(
  repos: Repositories,
  appointment: AppointmentRow,
): Promise<BookingContext | undefined> {
  const [clinic, type, clinician] = await Promise.all([
    repos.clinics.findById(appointment.clinicId),
    repos.clinics.findAppointmentType(appointment.clinicId, appointment.appointmentTypeId),
    repos.clinics.findMemberById(appointment.clinicianId),
  ]);
  return clinic && type && clinician ? { clinic, type, clinician } : undefined;
}

/**
 * The `.ics` of an appointment: REQUEST while booked, CANCEL once cancelled
 * (or when `options.cancel` says so: a moved appointment taken off the
 * calendar of the clinician who no longer sees it, one SEQUENCE on).
 */
export function bookingIcs(
  appointment: AppointmentRow,
  context: BookingContext,
  options: { now: Date; attendeeEmail?: string; cancel?: boolean },
): string {
  const { clinic, type, clinician } = context;
  const cancelled = appointment.status === 'cancelled';
  const cancel = cancelled || options.cancel === true;
  return appointmentToIcs({
    method: cancel ? 'CANCEL' : 'REQUEST',
    uid: bookingUid(appointment),
    sequence: bookingSequence(appointment) + (cancel && !cancelled ? 1 : 0),
    startMs: appointment.startsAt.getTime(),
    endMs: appointment.endsAt.getTime(),
    stampMs: options.now.getTime(),
    summary: `${type.name} with ${clinician.displayName}, ${clinic.name}`,
    description: `${type.description}\nBooked through Backtrack.`,
    location: `${clinic.name}, ${clinic.address}`,
    ...(options.attendeeEmail === undefined ? {} : { attendee: { email: options.attendeeEmail } }),
  });
}

const CLINICIAN_OPENINGS: Record<BookingMailEvent, string> = {
  booked: 'A runner has booked an appointment with you.',
  rescheduled: 'An appointment with you has moved to a new time.',
  cancelled: 'An appointment with you has been cancelled.',
  reminder: 'A reminder: you have an appointment in about 24 hours.',
};

/** Who a booking mail goes to: the runner who booked, or the clinician booked. */
export type BookingMailRecipient = 'runner' | 'clinician';

/**
 * The mail for an appointment, with its `.ics`, to the runner (default) or
 * the clinician; undefined when it or what it refers to is gone. The
 * clinician's copy names the runner by email only: no health data in mail.
 */
export async function composeBookingMail(
  repos: Repositories,
  appointmentId: string,
  event: BookingMailEvent,
  now: Date,
  options: { recipient?: BookingMailRecipient } = {},
): Promise<MailMessage | undefined> {
  const appointment = await repos.bookings.findById(appointmentId);
  if (!appointment) return undefined;
  const [context, runner] = await Promise.all([
    loadBookingContext(repos, appointment),
    repos.users.findById(appointment.runnerId),
  ]);
  if (!context || !runner) return undefined;
  const { clinic, type, clinician } = context;
  const when = describeTime(appointment.startsAt, appointment.endsAt, clinic.timeZone);
  const cancel = event === 'cancelled';
  const toClinician = options.recipient === 'clinician';
  const account = toClinician ? await repos.users.findById(clinician.userId) : runner;
  if (!account) return undefined;
  const ics = bookingIcs(appointment, context, {
    now,
    attendeeEmail: account.email,
    ...(toClinician ? { cancel } : {}),
  });
  return {
    to: account.email,
    subject: toClinician
      ? `${SUBJECTS[event]}: ${type.name} with ${runner.email}, ${when}`
      : `${SUBJECTS[event]}: ${type.name}, ${when}`,
    text: [
      (toClinician ? CLINICIAN_OPENINGS : OPENINGS)[event],
      '',
      `What: ${type.name} (${String(type.durationMinutes)} minutes)`,
      `When: ${when}`,
      toClinician ? `Runner: ${runner.email}` : `Who: ${clinician.displayName}`,
      `Where: ${clinic.name}, ${clinic.address}`,
      '',
      cancel
        ? 'The attached calendar file removes it from your calendar.'
        : `The attached calendar file adds it to your calendar. ${toClinician ? 'What the runner shares with the clinic is on your Clinic page in Backtrack.' : 'To move or cancel it, open your bookings in Backtrack.'}`,
    ].join('\n'),
    attachments: [
      {
        filename: 'appointment.ics',
        content: ics,
        contentType: `text/calendar; charset=utf-8; method=${cancel ? 'CANCEL' : 'REQUEST'}`,
      },
    ],
  };
}
