/**
 * Booking: what the triage allows (the core's `bookingPolicy`), booking a
 * free slot with the runner's consent, rescheduling and cancelling (by the
 * runner or the clinic's members), and the `.ics` of a booking.
 *
 * The requested start is checked against the core's free-slot computation,
 * but what prevents double booking is the database: the insert runs into
 * the exclusion constraint when another booking took the time meanwhile,
 * and that (SQLSTATE 23P01) becomes a 409 with a clear message.
 */
import {
  assertBookingAllowed,
  BOOKING_RULES,
  bookingPolicy,
  DomainError,
  toLocalTime,
  type TriageTier,
} from '@backtrack/core';
import {
  isExclusionViolation,
  isRetryableConflict,
  type AppointmentRow,
  type Owner,
} from '@backtrack/db';
import type { z } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import { clinicSlots, requireClinic } from '../clinics/service.js';
import type { AppDeps } from '../http/context.js';
import {
  cancelAppointmentReminder,
  queueBookingMail,
  scheduleAppointmentReminder,
} from '../jobs/reminders.js';
import {
  bookingIcs,
  composeBookingMail,
  loadBookingContext,
  type BookingMailEvent,
  type BookingMailRecipient,
} from './mail.js';
import {
  toBookingDto,
  type ZBooking,
  type ZBookingPolicy,
  type ZNewBooking,
  type ZReschedule,
} from './dto.js';

/** How often a booking transaction aborted by a deadlock is run (see insertingBooking). */
const BOOKING_ATTEMPTS = 5;

/** The message of a 409 for a time someone else has just booked. */
export const SLOT_TAKEN_MESSAGE =
  'That time has just been booked by someone else. Please choose another time.';

type BookingDto = z.infer<typeof ZBooking>;

/** The booking service. */
export function bookingService(deps: AppDeps) {
  const { repos, clock, logger } = deps;

  async function tierOf(assessmentId: string, owner: Owner): Promise<TriageTier | null> {
    const assessment = await repos.assessments.findForOwner(assessmentId, owner);
    if (!assessment) throw new DomainError('not_found', `No assessment ${assessmentId}.`);
    if (assessment.status !== 'done' || !assessment.result)
      throw new DomainError(
        'invalid_input',
        'assessmentId: finish the assessment first, so that the triage can say what to book.',
      );
    return assessment.result.triage.tier;
  }

  async function toDto(row: AppointmentRow): Promise<BookingDto> {
    const [context, consents] = await Promise.all([
      loadBookingContext(repos, row),
      repos.bookings.consentsForAppointments([row.id]),
    ]);
    return toBookingDto(
      row,
      {
        clinicName: context?.clinic.name ?? '',
        timeZone: context?.clinic.timeZone ?? 'UTC',
        appointmentTypeName: context?.type.name ?? '',
        clinicianName: context?.clinician.displayName ?? '',
      },
      consents[0],
    );
  }

  /** The appointment if the user may see it: its runner, or a member of its clinic. */
  async function visible(id: string, userId: string): Promise<AppointmentRow> {
    const row = await repos.bookings.findById(id);
    const member = row ? await repos.clinics.findMember(row.clinicId, userId) : undefined;
    if (!row || (row.runnerId !== userId && !member))
      throw new DomainError('not_found', `No booking ${id}.`);
    return row;
  }

  /**
   * The clinician whose free slot starts at `start`, or an error: 409 when
   * the time would be free but for other bookings, 400 when it is no slot at
   * all (outside working hours, in the past, off the grid).
   */
  async function pickClinician(input: {
    clinicId: string;
    appointmentTypeId: string;
    start: Date;
    clinicianId?: string | undefined;
    exceptAppointmentId?: string;
  }): Promise<{ clinicianId: string; end: Date; blockedUntil: Date }> {
    const clinic = await requireClinic(repos, input.clinicId);
    const type = await repos.clinics.findAppointmentType(clinic.id, input.appointmentTypeId);
    if (!type || !type.active)
      throw new DomainError(
        'not_found',
        `The clinic has no appointment type ${input.appointmentTypeId}.`,
      );
    const date = toLocalTime(input.start.getTime(), clinic.timeZone).date;
    const query = {
      durationMinutes: type.durationMinutes,
      from: date,
      to: date,
      clinicianId: input.clinicianId,
      ...(input.exceptAppointmentId === undefined
        ? {}
        : { exceptAppointmentId: input.exceptAppointmentId }),
    };
    const starting = (slots: { startMs: number; clinicianId: string }[]) =>
      slots.filter((s) => s.startMs === input.start.getTime());
    const free = starting(await clinicSlots(deps, clinic, query));
    const chosen = free[0];
    if (!chosen) {
      const anyDay = starting(
        await clinicSlots(deps, clinic, { ...query, ignoreAppointments: true }),
      );
      if (anyDay.length > 0) throw new DomainError('conflict', SLOT_TAKEN_MESSAGE);
      throw new DomainError(
        'invalid_input',
        `start: ${input.start.toISOString()} is not a free slot of this appointment type (outside working hours, too soon, or off the ${clinic.timeZone} grid); list the free slots with GET /api/clinics/${clinic.id}/slots.`,
      );
    }
    const end = new Date(input.start.getTime() + type.durationMinutes * 60_000);
    return {
      clinicianId: chosen.clinicianId,
      end,
      blockedUntil: new Date(end.getTime() + clinic.bufferMinutes * 60_000),
    };
  }

  /**
   * Runs the transaction `work`; an overlap with another booking becomes a
   * 409. On PostgreSQL two bookings racing for one slot can deadlock inside
   * the exclusion check (each waits for the other's uncommitted row); the
   * victim runs again and then meets the winner's row as a plain overlap.
   */
  async function insertingBooking<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (isExclusionViolation(error, 'appointments_no_overlap'))
          throw new DomainError('conflict', SLOT_TAKEN_MESSAGE);
        if (attempt < BOOKING_ATTEMPTS && isRetryableConflict(error)) continue;
        throw error;
      }
    }
  }

  /**
   * Sends a booking mail now, to the runner and the clinician (each with the
   * `.ics`); a mail the server refuses is queued for the job runner.
   */
  async function notify(
    appointmentId: string,
    event: BookingMailEvent,
    options: { recipients?: readonly BookingMailRecipient[] } = {},
  ): Promise<void> {
    const now = clock.now();
    for (const recipient of options.recipients ?? (['runner', 'clinician'] as const)) {
      try {
        const mail = await composeBookingMail(repos, appointmentId, event, now, { recipient });
        if (mail) await deps.mailer.send(mail);
      } catch (error) {
        logger.error(
          `Booking mail (${event}, to the ${recipient}) for ${appointmentId} failed; queued for retry:`,
          error,
        );
        await queueBookingMail(repos, appointmentId, event, now, { recipient });
      }
    }
  }

  /** The appointment if the user may change it: its runner, or a member of its clinic. */
  async function changeable(id: string, userId: string): Promise<AppointmentRow> {
    const row = await visible(id, userId);
    if (row.status !== 'booked')
      throw new DomainError(
        'conflict',
        `This booking is ${row.status} already; nothing to change.`,
      );
    return row;
  }

  return {
    /** What the triage of an assessment (or none) allows. */
    async policy(
      assessmentId: string | undefined,
      owner: Owner,
    ): Promise<z.infer<typeof ZBookingPolicy>> {
      const tier = assessmentId === undefined ? null : await tierOf(assessmentId, owner);
      const policy = bookingPolicy(tier, clock.now().toISOString().slice(0, 10));
      return {
        tier: policy.tier,
        canBook: policy.canBook,
        needsDoctorClearance: policy.needsDoctorClearance,
        windowDays: policy.windowDays,
        window: policy.window,
        suggestedType: policy.suggestedType,
        headline: policy.headline,
        text: policy.text,
        reason: policy.reason,
        sources: [...policy.sources],
      };
    },

    async book(
      owner: Owner & { userId: string },
      input: z.output<typeof ZNewBooking>,
    ): Promise<BookingDto> {
      const tier =
        input.assessmentId === undefined ? null : await tierOf(input.assessmentId, owner);
      assertBookingAllowed(tier, { clearedByDoctor: input.clearedByDoctor });
      const start = new Date(input.start);
      const picked = await pickClinician({ ...input, start });
      const now = clock.now();
      const id = randomUUID();
      // The plan shared is the one the runner has now; a later plan is not shared by this booking.
      const planId =
        input.share.plan || input.share.checkins
          ? ((await repos.plans.newestIdForUser(owner.userId)) ?? null)
          : null;
      const row = await insertingBooking(() =>
        repos.transaction(async (tx) => {
          const created = await tx.bookings.create({
            id,
            seriesId: id,
            clinicId: input.clinicId,
            clinicianId: picked.clinicianId,
            runnerId: owner.userId,
            appointmentTypeId: input.appointmentTypeId,
            startsAt: start,
            endsAt: picked.end,
            blockedUntil: picked.blockedUntil,
            status: 'booked',
            assessmentId: input.assessmentId ?? null,
            planId,
            tier,
            reason: BOOKING_RULES[tier ?? 'self_care'].reason,
            clearedByDoctor: input.clearedByDoctor,
            now,
          });
          await tx.bookings.createConsent({
            runnerId: owner.userId,
            clinicId: input.clinicId,
            appointmentId: created.id,
            shareAssessment: input.share.assessment,
            sharePlan: input.share.plan,
            shareCheckins: input.share.checkins,
            shareTraining: input.share.training,
            grantedAt: now,
          });
          await scheduleAppointmentReminder(tx, created, now);
          await tx.audit.record({
            userId: owner.userId,
            action: 'booking.create',
            targetId: created.id,
            at: now,
          });
          return created;
        }),
      );
      await notify(row.id, 'booked');
      return toDto(row);
    },

    /** The user's bookings (as a runner), by start time. */
    async listMine(userId: string): Promise<BookingDto[]> {
      const rows = await repos.bookings.listForRunner(userId);
      return Promise.all(rows.map(toDto));
    },

    /** One booking, for its runner or the clinic's members. */
    async get(id: string, userId: string): Promise<BookingDto> {
      return toDto(await visible(id, userId));
    },

    async reschedule(
      id: string,
      userId: string,
      input: z.output<typeof ZReschedule>,
    ): Promise<BookingDto> {
      const old = await changeable(id, userId);
      const start = new Date(input.start);
      const picked = await pickClinician({
        clinicId: old.clinicId,
        appointmentTypeId: old.appointmentTypeId,
        start,
        clinicianId: input.clinicianId,
        exceptAppointmentId: old.id,
      });
      const now = clock.now();
      const row = await insertingBooking(() =>
        repos.transaction(async (tx) => {
          const finished = await tx.bookings.finish(old.id, {
            status: 'rescheduled',
            by: userId,
            at: now,
          });
          if (!finished)
            throw new DomainError('conflict', 'This booking was changed meanwhile; reload it.');
          const created = await tx.bookings.create({
            id: randomUUID(),
            seriesId: old.seriesId,
            sequence: old.sequence + 1,
            clinicId: old.clinicId,
            clinicianId: picked.clinicianId,
            runnerId: old.runnerId,
            appointmentTypeId: old.appointmentTypeId,
            startsAt: start,
            endsAt: picked.end,
            blockedUntil: picked.blockedUntil,
            status: 'booked',
            assessmentId: old.assessmentId,
            planId: old.planId,
            tier: old.tier,
            reason: old.reason,
            clearedByDoctor: old.clearedByDoctor,
            rescheduledFrom: old.id,
            now,
          });
          await tx.bookings.moveConsent(old.id, created.id);
          await cancelAppointmentReminder(tx, old.id, now);
          await scheduleAppointmentReminder(tx, created, now);
          await tx.audit.record({
            userId,
            action: 'booking.reschedule',
            targetId: created.id,
            at: now,
          });
          return created;
        }),
      );
      await notify(row.id, 'rescheduled');
      // Moved to another clinician: the first one's calendar loses it.
      if (row.clinicianId !== old.clinicianId)
        await notify(old.id, 'cancelled', { recipients: ['clinician'] });
      return toDto(row);
    },

    async cancel(id: string, userId: string): Promise<BookingDto> {
      await changeable(id, userId);
      const now = clock.now();
      const row = await repos.transaction(async (tx) => {
        const finished = await tx.bookings.finish(id, { status: 'cancelled', by: userId, at: now });
        if (!finished)
          throw new DomainError('conflict', 'This booking was changed meanwhile; reload it.');
        await cancelAppointmentReminder(tx, id, now);
        await tx.audit.record({ userId, action: 'booking.cancel', targetId: id, at: now });
        return finished;
      });
      await notify(row.id, 'cancelled');
      return toDto(row);
    },

    /** The booking as an `.ics` file (REQUEST, or CANCEL once cancelled). */
    async ics(id: string, userId: string): Promise<string> {
      const row = await visible(id, userId);
      const context = await loadBookingContext(repos, row);
      if (!context) throw new DomainError('not_found', `No booking ${id}.`);
      return bookingIcs(row, context, { now: clock.now() });
    },
  };
}

/** The booking service's type. */
export type BookingService = ReturnType<typeof bookingService>;
