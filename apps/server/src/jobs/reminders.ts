/**
 * Reminder jobs, all through the durable job table and the one mailer:
 *
 * - `appointment-reminder`: mail 24 hours before an appointment, scheduled
 *   when it is booked, moved with a reschedule, cancelled with it;
 * - `booking-mail`: a booking's confirmation, change or cancellation, to the
 *   runner or the clinician, that could not be sent at once (the mail server
 *   was down), retried with backoff;
 * - `checkin-reminder`: for a runner who opted in, at their chosen hour on
 *   their local clock (DST-correct, the core's `nextLocalHour`): mails them
 *   if a plan runs that day with no check-in yet, with a link that turns
 *   the reminders off without signing in, and queues the next day's.
 */
import { nextLocalHour } from '@backtrack/core';
import type { AppointmentRow, JobRow, Repositories } from '@backtrack/db';
import {
  composeBookingMail,
  type BookingMailEvent,
  type BookingMailRecipient,
} from '../bookings/mail.js';
import type { Mailer } from '../mail/mailer.js';
import type { Logger } from '../http/logger.js';
import type { ReminderLinks } from '../reminders/links.js';
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

/** What a check-in reminder job carries: whom, for which local date, and the settings it was made under. */
interface CheckInReminderPayload {
  userId: string;
  date: string;
  hour: number;
  timeZone: string;
  [key: string]: unknown;
}

/**
 * Queues the runner's next daily check-in reminder after `afterMs`, at
 * `hour`:00 on their local clock (idempotent: one per runner, date and
 * settings). A job made under settings that later change does nothing.
 */
export async function scheduleCheckInReminder(
  repos: Repositories,
  settings: { userId: string; timeZone: string; hour: number },
  afterMs: number,
  now: Date,
): Promise<Date> {
  const { date, atMs } = nextLocalHour(afterMs, settings.timeZone, settings.hour);
  const payload: CheckInReminderPayload = { ...settings, date };
  await repos.jobs.enqueue({
    kind: JOB_KINDS.checkInReminder,
    payload,
    runAt: new Date(atMs),
    dedupeKey: `checkin-reminder:${settings.userId}:${date}:${String(settings.hour)}:${settings.timeZone}`,
    now,
  });
  return new Date(atMs);
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
  links: ReminderLinks;
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
    // The all-runners sweep of earlier versions: reminders are opt-in now; a queued sweep ends here.
    [JOB_KINDS.checkInSweep]: async () => {},
    [JOB_KINDS.checkInReminder]: async (job, now) => {
      const date = text(job, 'date');
      const timeZone = text(job, 'timeZone');
      const user = await repos.users.findById(text(job, 'userId'));
      const hour = user?.checkInReminderHour ?? null;
      // Turned off, or set to another hour or zone since: that setting has its own job.
      if (!user || hour === null || hour !== job.payload.hour || user.timeZone !== timeZone) return;
      const [due] = await repos.reminders.plansWithoutCheckIn(date, { userId: user.id });
      if (due) {
        const token = await deps.links.unsubscribeToken(user.id);
        await mailer.send({
          to: user.email,
          subject: 'How did today go? Your Backtrack check-in',
          text: [
            `You have not checked in for ${date} yet.`,
            'Three pain scores and the sessions you did take a minute, and they decide how next week’s plan moves.',
            '',
            `${base}/plans/${due.planId}`,
            '',
            'If a warning sign has appeared, stop and answer the warning-sign questions again instead.',
            '',
            `No more check-in reminders: ${base}/reminders/off?token=${encodeURIComponent(token)}`,
          ].join('\n'),
        });
      }
      await scheduleCheckInReminder(
        repos,
        { userId: user.id, timeZone, hour },
        Math.max(job.runAt.getTime(), now.getTime()),
        now,
      );
    },
  };
}

/** The server's job runner: the reminder handlers over the job table. */
export function reminderJobRunner(options: {
  repos: Repositories;
  mailer: Mailer;
  logger: Logger;
  publicUrl: string;
  links: ReminderLinks;
}): JobRunner {
  return createJobRunner({
    repos: options.repos,
    logger: options.logger,
    handlers: reminderHandlers(options),
  });
}
