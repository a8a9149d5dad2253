/**
 * Reminder jobs, all through the durable job table and the one mailer:
 *
 * - `appointment-reminder`: mail 24 hours before an appointment, scheduled
 *   when it is booked, moved with a reschedule, cancelled with it;
 * - `booking-mail`: a booking's confirmation, change or cancellation, to the
 *   runner or the clinician, that could not be sent at once (the mail server
 *   was down), retried with backoff;
 * - `checkin-sweep`: once a day at {@link CHECKIN_REMINDER_HOUR_UTC}:00 UTC,
 *   finds runners with a plan running that day and no check-in yet, queues a
 *   `checkin-reminder` for each, and schedules tomorrow's sweep;
 * - `checkin-reminder`: mails one runner, unless they checked in meanwhile.
 */
import { addDays } from '@backtrack/core';
import type { AppointmentRow, JobRow, Repositories } from '@backtrack/db';
import {
  composeBookingMail,
  type BookingMailEvent,
  type BookingMailRecipient,
} from '../bookings/mail.js';
import type { Mailer } from '../mail/mailer.js';
import type { Logger } from '../http/logger.js';
import { createJobRunner, type JobHandler, type JobRunner } from './runner.js';

/** Job kinds. */
export const JOB_KINDS = {
  appointmentReminder: 'appointment-reminder',
  bookingMail: 'booking-mail',
  checkInSweep: 'checkin-sweep',
  checkInReminder: 'checkin-reminder',
} as const;

/** How long before an appointment its reminder goes out. */
export const APPOINTMENT_REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;
/**
 * The hour (UTC) of the daily check-in reminder: early evening in Europe,
 * afternoon in the Americas: late enough for the day's session, early
 * enough to check in. Runners' own time zones are not stored yet.
 */
export const CHECKIN_REMINDER_HOUR_UTC = 18;

const reminderKey = (appointmentId: string) => `appointment-reminder:${appointmentId}`;

/** Schedules the reminder of a booked appointment (none when it is less than 24 hours away). */
export async function scheduleAppointmentReminder(
  repos: Repositories,
  appointment: Pick<AppointmentRow, 'id' | 'startsAt'>,
  now: Date,
): Promise<void> {
  const runAt = new Date(appointment.startsAt.getTime() - APPOINTMENT_REMINDER_LEAD_MS);
  if (runAt.getTime() <= now.getTime()) return;
  await repos.jobs.enqueue({
    kind: JOB_KINDS.appointmentReminder,
    payload: { appointmentId: appointment.id },
    runAt,
    dedupeKey: reminderKey(appointment.id),
    now,
  });
}

/** Cancels the reminder of an appointment that was cancelled or moved. */
export async function cancelAppointmentReminder(
  repos: Repositories,
  appointmentId: string,
  now: Date,
): Promise<void> {
  await repos.jobs.cancelByKey(reminderKey(appointmentId), now);
}

/** Queues a booking mail (to the runner, or the clinician) to be retried by the runner. */
export async function queueBookingMail(
  repos: Repositories,
  appointmentId: string,
  event: BookingMailEvent,
  now: Date,
  options: { recipient?: BookingMailRecipient } = {},
): Promise<void> {
  const recipient = options.recipient ?? 'runner';
  await repos.jobs.enqueue({
    kind: JOB_KINDS.bookingMail,
    payload: { appointmentId, event, recipient },
    runAt: now,
    dedupeKey: `booking-mail:${appointmentId}:${event}${recipient === 'runner' ? '' : `:${recipient}`}`,
    now,
  });
}

/** The UTC date and instant of the next check-in sweep at or after `now`. */
export function nextSweep(now: Date): { date: string; runAt: Date } {
  const today = now.toISOString().slice(0, 10);
  const at = (date: string) =>
    new Date(`${date}T${String(CHECKIN_REMINDER_HOUR_UTC).padStart(2, '0')}:00:00.000Z`);
  const date = at(today).getTime() >= now.getTime() ? today : addDays(today, 1);
  return { date, runAt: at(date) };
}

/** Makes sure the next daily check-in sweep is queued (idempotent; called at start-up). */
export async function ensureCheckInSweep(repos: Repositories, now: Date): Promise<void> {
  const { date, runAt } = nextSweep(now);
  await repos.jobs.enqueue({
    kind: JOB_KINDS.checkInSweep,
    payload: { date },
    runAt,
    dedupeKey: `checkin-sweep:${date}`,
    now,
  });
}

function text(job: JobRow, key: string): string {
  const value = job.payload[key];
  if (typeof value !== 'string') throw new Error(`job ${job.id}: payload.${key} is not a string`);
  return value;
}

/** The handlers of the reminder jobs. */
export function reminderHandlers(deps: {
  repos: Repositories;
  mailer: Mailer;
  publicUrl: string;
}): Record<string, JobHandler> {
  const { repos, mailer } = deps;
  const base = deps.publicUrl.replace(/\/+$/, '');
  return {
    [JOB_KINDS.appointmentReminder]: async (job, now) => {
      const appointment = await repos.bookings.findById(text(job, 'appointmentId'));
      if (!appointment || appointment.status !== 'booked') return;
      const mail = await composeBookingMail(repos, appointment.id, 'reminder', now);
      if (mail) await mailer.send(mail);
    },
    [JOB_KINDS.bookingMail]: async (job, now) => {
      const event = text(job, 'event') as BookingMailEvent;
      // Jobs queued before clinicians were mailed carry no recipient: the runner's.
      const recipient = job.payload.recipient === 'clinician' ? 'clinician' : 'runner';
      const mail = await composeBookingMail(repos, text(job, 'appointmentId'), event, now, {
        recipient,
      });
      if (mail) await mailer.send(mail);
    },
    [JOB_KINDS.checkInSweep]: async (job, now) => {
      const date = text(job, 'date');
      for (const due of await repos.reminders.plansWithoutCheckIn(date))
        await repos.jobs.enqueue({
          kind: JOB_KINDS.checkInReminder,
          payload: { userId: due.userId, planId: due.planId, date },
          runAt: now,
          dedupeKey: `checkin-reminder:${due.userId}:${date}`,
          now,
        });
      await ensureCheckInSweep(repos, new Date(Math.max(now.getTime(), job.runAt.getTime()) + 1));
    },
    [JOB_KINDS.checkInReminder]: async (job) => {
      const date = text(job, 'date');
      const user = await repos.users.findById(text(job, 'userId'));
      if (!user || (await repos.reminders.hasCheckInOn(user.id, date))) return;
      await mailer.send({
        to: user.email,
        subject: 'How did today go? Your Backtrack check-in',
        text: [
          `You have not checked in for ${date} yet.`,
          'Three pain scores and the sessions you did take a minute, and they decide how next week’s plan moves.',
          '',
          `${base}/plans/${text(job, 'planId')}`,
          '',
          'If a warning sign has appeared, stop and answer the warning-sign questions again instead.',
        ].join('\n'),
      });
    },
  };
}

/** The server's job runner: the reminder handlers over the job table. */
export function reminderJobRunner(options: {
  repos: Repositories;
  mailer: Mailer;
  logger: Logger;
  publicUrl: string;
}): JobRunner {
  return createJobRunner({
    repos: options.repos,
    logger: options.logger,
    handlers: reminderHandlers(options),
  });
}
