/** The clinic API's bodies: zod schemas (validated and documented in OpenAPI) and row → DTO mappers. */
import { formatClockTime, isTimeZone, parseClockTime } from '@backtrack/core';
import type { AppointmentTypeRow, ClinicMemberRow, ClinicRow } from '@backtrack/db';
import { z } from '@hono/zod-openapi';
import { ZIsoDate } from '../http/schemas.js';

/** An IANA time zone the server knows. */
export const ZTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'not an IANA time zone like Europe/Copenhagen')
  .openapi({ example: 'Europe/Copenhagen' });

/** `HH:MM`, 00:00–24:00. */
export const ZClockTime = z
  .string()
  .refine((t) => parseClockTime(t) !== undefined, 'expected a time as HH:MM (00:00–24:00)')
  .openapi({ example: '09:00' });

export const ZAppointmentType = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    durationMinutes: z.number().int(),
    priceCents: z.number().int().nullable(),
    currency: z.string(),
    description: z.string(),
    active: z.boolean(),
  })
  .openapi('AppointmentType');

export const ZClinician = z
  .object({ id: z.uuid(), displayName: z.string() })
  .openapi('Clinician', { description: 'A clinician (a clinic membership id and name).' });

export const ZClinic = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string(),
    timeZone: z.string(),
    bufferMinutes: z.number().int(),
    minNoticeMinutes: z.number().int(),
    appointmentTypes: z.array(ZAppointmentType),
    clinicians: z.array(ZClinician),
  })
  .openapi('Clinic');

export const ZNewClinic = z
  .object({
    name: z.string().trim().min(2).max(120),
    address: z.string().trim().min(2).max(300),
    timeZone: ZTimeZone,
    bufferMinutes: z.number().int().min(0).max(120).default(10),
    minNoticeMinutes: z
      .number()
      .int()
      .min(0)
      .max(14 * 24 * 60)
      .default(120),
    /** How the creator appears to runners. */
    displayName: z.string().trim().min(2).max(120),
  })
  .strict();

export const ZSlotsQuery = z.object({
  appointmentTypeId: z.uuid(),
  from: ZIsoDate,
  to: ZIsoDate,
  clinicianId: z.uuid().optional(),
});

export const ZSlot = z
  .object({
    start: z.string().openapi({ example: '2026-03-02T08:00:00.000Z' }),
    end: z.string(),
    clinicianId: z.uuid(),
    clinicianName: z.string(),
  })
  .openapi('Slot');

export const ZSlots = z
  .object({
    clinicId: z.uuid(),
    timeZone: z.string().openapi({ description: 'The clinic’s IANA time zone.' }),
    appointmentTypeId: z.uuid(),
    durationMinutes: z.number().int(),
    from: z.string(),
    to: z.string(),
    slots: z.array(ZSlot),
  })
  .openapi('Slots', {
    description:
      'Free slots as UTC instants, earliest first; show them in the runner’s time zone (and the clinic’s).',
  });

export const ZNewInvitation = z
  .object({
    email: z.email().max(254),
    role: z.enum(['clinician', 'clinic_admin']).default('clinician'),
  })
  .strict();
export const ZInvitation = z
  .object({ id: z.uuid(), email: z.string(), role: z.string(), expiresAt: z.string() })
  .openapi('Invitation');
export const ZAcceptInvitation = z
  .object({
    token: z.string().min(10).max(200),
    displayName: z.string().trim().min(2).max(120),
  })
  .strict();
export const ZMembership = z
  .object({ clinicId: z.uuid(), memberId: z.uuid(), role: z.string(), displayName: z.string() })
  .openapi('Membership');

const ZHoursBlock = z
  .object({ weekday: z.number().int().min(1).max(7), start: ZClockTime, end: ZClockTime })
  .strict()
  .refine(
    (b) => (parseClockTime(b.start) ?? 0) < (parseClockTime(b.end) ?? 0),
    'start must be before end',
  );
export const ZWorkingHours = z
  .object({ blocks: z.array(ZHoursBlock).max(50) })
  .strict()
  .openapi('WorkingHours', {
    description: 'Weekly working hours, local to the clinic: weekday 1 = Monday … 7 = Sunday.',
  });

export const ZNewException = z
  .object({
    memberId: z.uuid().nullable().openapi({ description: 'null: the whole clinic (a holiday).' }),
    from: ZIsoDate,
    to: ZIsoDate.openapi({ description: 'Last day away (inclusive), local to the clinic.' }),
    reason: z.string().trim().min(1).max(200),
  })
  .strict()
  .refine((e) => e.from <= e.to, { message: 'to must not be before from', path: ['to'] });
export const ZException = z
  .object({
    id: z.uuid(),
    memberId: z.uuid().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    reason: z.string(),
  })
  .openapi('AvailabilityException');

export const ZNewAppointmentType = z
  .object({
    key: z.string().regex(/^[a-z0-9_]{2,40}$/, 'lower-case letters, digits and _ (2–40)'),
    name: z.string().trim().min(2).max(120),
    durationMinutes: z.number().int().min(5).max(480),
    priceCents: z.number().int().min(0).max(10_000_000).nullable(),
    description: z.string().trim().min(1).max(1000),
  })
  .strict();
export const ZAppointmentTypeChanges = ZNewAppointmentType.omit({ key: true })
  .extend({ active: z.boolean() })
  .partial()
  .strict();

/** A stored appointment type as the API shows it. */
export function toAppointmentTypeDto(row: AppointmentTypeRow): z.infer<typeof ZAppointmentType> {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    durationMinutes: row.durationMinutes,
    priceCents: row.priceCents,
    currency: row.currency,
    description: row.description,
    active: row.active,
  };
}

/** A clinic with its types and clinicians as the API shows it. */
export function toClinicDto(
  clinic: ClinicRow,
  types: readonly AppointmentTypeRow[],
  members: readonly ClinicMemberRow[],
): z.infer<typeof ZClinic> {
  return {
    id: clinic.id,
    name: clinic.name,
    address: clinic.address,
    timeZone: clinic.timeZone,
    bufferMinutes: clinic.bufferMinutes,
    minNoticeMinutes: clinic.minNoticeMinutes,
    appointmentTypes: types.map(toAppointmentTypeDto),
    clinicians: members.map((m) => ({ id: m.id, displayName: m.displayName })),
  };
}

/** Stored working hours as the API shows them (`HH:MM`). */
export function toWorkingHoursDto(
  rows: readonly { weekday: number; startMinutes: number; endMinutes: number }[],
): z.infer<typeof ZWorkingHours> {
  return {
    blocks: rows.map((r) => ({
      weekday: r.weekday,
      start: formatClockTime(r.startMinutes),
      end: formatClockTime(r.endMinutes),
    })),
  };
}
