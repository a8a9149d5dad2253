/**
 * Clinics: creating one (the creator becomes its admin, with the default
 * appointment types), listing them, free slots, invitations by mail, and
 * what the admin edits (working hours, absences, appointment types). Slots
 * come from the core's `freeSlots`; this service only gathers its inputs.
 */
import {
  addDays,
  DEFAULT_APPOINTMENT_TYPES,
  DomainError,
  fromLocalTime,
  freeSlots,
  parseClockTime,
  slotWindowProblems,
  type FreeSlot,
} from '@backtrack/core';
import type { ClinicMemberRow, ClinicRow, Repositories } from '@backtrack/db';
import type { z } from '@hono/zod-openapi';
import { normaliseEmail } from '../auth/service.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { AppDeps } from '../http/context.js';
import {
  toAppointmentTypeDto,
  toClinicDto,
  toWorkingHoursDto,
  type ZAcceptInvitation,
  type ZAppointmentTypeChanges,
  type ZException,
  type ZNewAppointmentType,
  type ZNewClinic,
  type ZNewException,
  type ZNewInvitation,
  type ZSlots,
  type ZWorkingHours,
} from './dto.js';

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** The currency new appointment types are priced in. */
export const DEFAULT_CURRENCY = 'EUR';

/** What the clinic service needs beyond the app's dependencies. */
export interface ClinicServiceOptions {
  /** The web app's address, for links in mail (`https://backtrack.example`). */
  publicUrl: string;
}

/** Gives a new clinic the default appointment types (call inside its transaction). */
export async function addDefaultAppointmentTypes(
  repos: Repositories,
  clinicId: string,
  now: Date,
): Promise<void> {
  for (const [i, t] of DEFAULT_APPOINTMENT_TYPES.entries())
    await repos.clinics.addAppointmentType({
      clinicId,
      key: t.key,
      name: t.name,
      durationMinutes: t.durationMinutes,
      priceCents: t.priceCents,
      currency: DEFAULT_CURRENCY,
      description: t.description,
      // A millisecond apart, so that the list keeps the defaults' order (free analysis first).
      now: new Date(now.getTime() + i),
    });
}

/** The clinic or a not_found error. */
export async function requireClinic(repos: Repositories, id: string): Promise<ClinicRow> {
  const clinic = await repos.clinics.findById(id);
  if (!clinic) throw new DomainError('not_found', `No clinic ${id}.`);
  return clinic;
}

/** The caller's membership of the clinic, or a not_found (not a member) / forbidden (not admin) error. */
export async function requireMember(
  repos: Repositories,
  clinicId: string,
  userId: string,
  options: { admin: boolean },
): Promise<ClinicMemberRow> {
  const member = await repos.clinics.findMember(clinicId, userId);
  if (!member) throw new DomainError('forbidden', 'Only the clinic’s members can do this.');
  if (options.admin && member.role !== 'clinic_admin')
    throw new DomainError('forbidden', 'Only the clinic’s admin can do this.');
  return member;
}

/**
 * The free slots of one appointment type in a window of local dates,
 * `except` an appointment (being rescheduled). Exported for the booking
 * service, which checks a requested start against the same computation.
 */
export async function clinicSlots(
  deps: Pick<AppDeps, 'repos' | 'clock'>,
  clinic: ClinicRow,
  input: {
    durationMinutes: number;
    from: string;
    to: string;
    clinicianId?: string | undefined;
    exceptAppointmentId?: string;
    ignoreAppointments?: boolean;
  },
): Promise<FreeSlot[]> {
  const problems = slotWindowProblems(input.from, input.to);
  if (problems.length > 0)
    throw new DomainError('invalid_input', `query parameter ${problems[0] ?? ''}`, problems);
  // A day either side covers every time zone's local dates.
  const spanFrom = new Date(Date.parse(`${addDays(input.from, -1)}T00:00:00Z`));
  const spanTo = new Date(Date.parse(`${addDays(input.to, 2)}T00:00:00Z`));
  const [hours, exceptions, booked] = await Promise.all([
    deps.repos.clinics.listWorkingHours(clinic.id),
    deps.repos.clinics.listExceptions(clinic.id, spanFrom, spanTo),
    input.ignoreAppointments
      ? Promise.resolve([])
      : deps.repos.bookings.listBookedForClinic(clinic.id, spanFrom, spanTo),
  ]);
  return freeSlots({
    timeZone: clinic.timeZone,
    from: input.from,
    to: input.to,
    durationMinutes: input.durationMinutes,
    bufferMinutes: clinic.bufferMinutes,
    nowMs: deps.clock.now().getTime(),
    minNoticeMinutes: clinic.minNoticeMinutes,
    workingHours: hours.map((h) => ({
      clinicianId: h.memberId,
      weekday: h.weekday,
      startMinutes: h.startMinutes,
      endMinutes: h.endMinutes,
    })),
    exceptions: exceptions.map((e) => ({
      clinicianId: e.memberId,
      startMs: e.startsAt.getTime(),
      endMs: e.endsAt.getTime(),
    })),
    appointments: booked
      .filter((a) => a.id !== input.exceptAppointmentId)
      .map((a) => ({
        clinicianId: a.clinicianId,
        startMs: a.startsAt.getTime(),
        endMs: a.blockedUntil.getTime(),
      })),
    ...(input.clinicianId === undefined ? {} : { clinicianIds: [input.clinicianId] }),
  });
}

/** The clinic service. */
export function clinicService(deps: AppDeps, options: ClinicServiceOptions) {
  const { repos, clock } = deps;

  async function describe(clinic: ClinicRow) {
    const [types, members] = await Promise.all([
      repos.clinics.listAppointmentTypes([clinic.id]),
      repos.clinics.listMembers(clinic.id),
    ]);
    return toClinicDto(clinic, types, members);
  }

  return {
    async create(userId: string, input: z.output<typeof ZNewClinic>) {
      const now = clock.now();
      const clinic = await repos.transaction(async (tx) => {
        const created = await tx.clinics.create({
          name: input.name,
          address: input.address,
          timeZone: input.timeZone,
          bufferMinutes: input.bufferMinutes,
          minNoticeMinutes: input.minNoticeMinutes,
          now,
        });
        await tx.clinics.addMember({
          clinicId: created.id,
          userId,
          role: 'clinic_admin',
          displayName: input.displayName,
          now,
        });
        await addDefaultAppointmentTypes(tx, created.id, now);
        await tx.audit.record({ userId, action: 'clinic.create', targetId: created.id, at: now });
        return created;
      });
      return describe(clinic);
    },

    /** Every clinic with its active appointment types and its clinicians. */
    async list() {
      const clinics = await repos.clinics.list();
      const types = await repos.clinics.listAppointmentTypes(clinics.map((c) => c.id));
      const members = await Promise.all(clinics.map((c) => repos.clinics.listMembers(c.id)));
      return clinics.map((c, i) =>
        toClinicDto(
          c,
          types.filter((t) => t.clinicId === c.id),
          members[i] ?? [],
        ),
      );
    },

    async slots(
      clinicId: string,
      query: {
        appointmentTypeId: string;
        from: string;
        to: string;
        clinicianId?: string | undefined;
      },
    ): Promise<z.infer<typeof ZSlots>> {
      const clinic = await requireClinic(repos, clinicId);
      const type = await repos.clinics.findAppointmentType(clinicId, query.appointmentTypeId);
      if (!type || !type.active)
        throw new DomainError(
          'not_found',
          `The clinic has no appointment type ${query.appointmentTypeId}.`,
        );
      const [slots, members] = await Promise.all([
        clinicSlots(deps, clinic, {
          durationMinutes: type.durationMinutes,
          from: query.from,
          to: query.to,
          clinicianId: query.clinicianId,
        }),
        repos.clinics.listMembers(clinicId),
      ]);
      const names = new Map(members.map((m) => [m.id, m.displayName]));
      return {
        clinicId,
        timeZone: clinic.timeZone,
        appointmentTypeId: type.id,
        durationMinutes: type.durationMinutes,
        from: query.from,
        to: query.to,
        slots: slots.map((s) => ({
          start: new Date(s.startMs).toISOString(),
          end: new Date(s.endMs).toISOString(),
          clinicianId: s.clinicianId,
          clinicianName: names.get(s.clinicianId) ?? '',
        })),
      };
    },

    /** Invites someone by mail (admin only). The link holds a token; only its hash is stored. */
    async invite(userId: string, clinicId: string, input: z.output<typeof ZNewInvitation>) {
      const clinic = await requireClinic(repos, clinicId);
      await requireMember(repos, clinicId, userId, { admin: true });
      const now = clock.now();
      const token = newToken();
      const email = normaliseEmail(input.email);
      const row = await repos.clinics.createInvitation({
        clinicId,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        now,
      });
      const link = `${options.publicUrl.replace(/\/+$/, '')}/clinic/join?token=${encodeURIComponent(token)}`;
      await deps.mailer.send({
        to: email,
        subject: `You are invited to join ${clinic.name} on Backtrack`,
        text: [
          `You have been invited to join ${clinic.name} on Backtrack as ${input.role === 'clinic_admin' ? 'an admin' : 'a clinician'}.`,
          '',
          `Sign in (or create an account with this email address), then open this link to accept:`,
          link,
          '',
          `The link works for 7 days, until ${row.expiresAt.toISOString()}.`,
        ].join('\n'),
      });
      await repos.audit.record({ userId, action: 'clinic.invite', targetId: row.id, at: now });
      return {
        id: row.id,
        email: row.email,
        role: row.role,
        expiresAt: row.expiresAt.toISOString(),
      };
    },

    /** Accepts an invitation sent to the caller's email address. */
    async accept(user: { id: string; email: string }, input: z.output<typeof ZAcceptInvitation>) {
      const now = clock.now();
      return repos.transaction(async (tx) => {
        const invitation = await tx.clinics.acceptInvitation(hashToken(input.token), user.id, now);
        if (!invitation)
          throw new DomainError(
            'not_found',
            'This invitation link is not valid: it may have expired or been used already. Ask the clinic for a new one.',
          );
        if (invitation.email !== user.email)
          throw new DomainError(
            'forbidden',
            `This invitation was sent to ${invitation.email}; sign in with that address to accept it.`,
          );
        const existing = await tx.clinics.findMember(invitation.clinicId, user.id);
        const member = await tx.clinics.addMember({
          clinicId: invitation.clinicId,
          userId: user.id,
          // Accepting never demotes an admin.
          role: existing?.role === 'clinic_admin' ? 'clinic_admin' : invitation.role,
          displayName: input.displayName,
          now,
        });
        await tx.audit.record({
          userId: user.id,
          action: 'clinic.join',
          targetId: invitation.clinicId,
          at: now,
        });
        return {
          clinicId: member.clinicId,
          memberId: member.id,
          role: member.role,
          displayName: member.displayName,
        };
      });
    },

    /** Replaces a clinician's weekly hours (the clinic admin, or the clinician themself). */
    async setWorkingHours(
      userId: string,
      clinicId: string,
      memberId: string,
      input: z.output<typeof ZWorkingHours>,
    ) {
      await requireClinic(repos, clinicId);
      const caller = await requireMember(repos, clinicId, userId, { admin: false });
      const member = await repos.clinics.findMemberById(memberId);
      if (!member || member.clinicId !== clinicId)
        throw new DomainError('not_found', `The clinic has no member ${memberId}.`);
      if (caller.role !== 'clinic_admin' && caller.id !== memberId)
        throw new DomainError(
          'forbidden',
          'Only the clinic’s admin can change someone else’s hours.',
        );
      const rows = await repos.transaction((tx) =>
        tx.clinics.replaceWorkingHours(
          clinicId,
          memberId,
          input.blocks.map((b) => ({
            weekday: b.weekday,
            startMinutes: parseClockTime(b.start) ?? 0,
            endMinutes: parseClockTime(b.end) ?? 0,
          })),
        ),
      );
      return toWorkingHoursDto(rows);
    },

    /** Adds an absence (a member) or a holiday (the whole clinic), over whole local days. */
    async addException(
      userId: string,
      clinicId: string,
      input: z.output<typeof ZNewException>,
    ): Promise<z.infer<typeof ZException>> {
      const clinic = await requireClinic(repos, clinicId);
      await requireMember(repos, clinicId, userId, { admin: true });
      if (input.memberId !== null) {
        const member = await repos.clinics.findMemberById(input.memberId);
        if (!member || member.clinicId !== clinicId)
          throw new DomainError('not_found', `The clinic has no member ${input.memberId}.`);
      }
      const row = await repos.clinics.addException({
        clinicId,
        memberId: input.memberId,
        startsAt: new Date(fromLocalTime({ date: input.from, minutes: 0 }, clinic.timeZone)),
        endsAt: new Date(
          fromLocalTime({ date: addDays(input.to, 1), minutes: 0 }, clinic.timeZone),
        ),
        reason: input.reason,
        now: clock.now(),
      });
      return {
        id: row.id,
        memberId: row.memberId,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        reason: row.reason,
      };
    },

    async deleteException(userId: string, clinicId: string, exceptionId: string) {
      await requireClinic(repos, clinicId);
      await requireMember(repos, clinicId, userId, { admin: true });
      if (!(await repos.clinics.deleteException(clinicId, exceptionId)))
        throw new DomainError('not_found', `The clinic has no absence ${exceptionId}.`);
    },

    async addAppointmentType(
      userId: string,
      clinicId: string,
      input: z.output<typeof ZNewAppointmentType>,
    ) {
      await requireClinic(repos, clinicId);
      await requireMember(repos, clinicId, userId, { admin: true });
      const existing = await repos.clinics.listAppointmentTypes([clinicId], {
        includeInactive: true,
      });
      if (existing.some((t) => t.key === input.key))
        throw new DomainError(
          'conflict',
          `The clinic already has an appointment type ${input.key}.`,
        );
      return toAppointmentTypeDto(
        await repos.clinics.addAppointmentType({
          clinicId,
          ...input,
          currency: DEFAULT_CURRENCY,
          now: clock.now(),
        }),
      );
    },

    async updateAppointmentType(
      userId: string,
      clinicId: string,
      typeId: string,
      changes: z.output<typeof ZAppointmentTypeChanges>,
    ) {
      await requireClinic(repos, clinicId);
      await requireMember(repos, clinicId, userId, { admin: true });
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, v]) => v !== undefined),
      );
      const row = await repos.clinics.updateAppointmentType(clinicId, typeId, defined);
      if (!row) throw new DomainError('not_found', `The clinic has no appointment type ${typeId}.`);
      return toAppointmentTypeDto(row);
    },
  };
}

/** The clinic service's type. */
export type ClinicService = ReturnType<typeof clinicService>;
