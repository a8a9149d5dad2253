/** The booking API's bodies (zod, documented in OpenAPI) and the row → DTO mapping. */
import { ZTriageTier } from '@backtrack/core';
import type { AppointmentRow, ConsentRow } from '@backtrack/db';
import { z } from '@hono/zod-openapi';

const ZShare = z
  .object({
    assessment: z.boolean(),
    plan: z.boolean(),
    checkins: z.boolean(),
    training: z.boolean(),
  })
  .strict()
  .openapi('Share', {
    description:
      'What the runner agrees to share with the clinic, item by item: the assessment, the plan, check-ins and imported training.',
  });

/** An instant with its offset, e.g. `2026-03-02T08:00:00.000Z`. */
const ZInstant = z.iso
  .datetime({
    offset: true,
    message: 'expected an ISO 8601 date-time such as 2026-03-02T08:00:00Z',
  })
  .openapi({ example: '2026-03-02T08:00:00.000Z' });

export const ZNewBooking = z
  .object({
    clinicId: z.uuid(),
    appointmentTypeId: z.uuid(),
    start: ZInstant,
    clinicianId: z.uuid().optional(),
    assessmentId: z.uuid().optional(),
    clearedByDoctor: z.boolean().default(false).openapi({
      description: 'Needed when the triage was urgent_doctor: a doctor has cleared the runner.',
    }),
    share: ZShare,
  })
  .strict();

export const ZReschedule = z.object({ start: ZInstant, clinicianId: z.uuid().optional() }).strict();

export const ZBooking = z
  .object({
    id: z.uuid(),
    clinicId: z.uuid(),
    clinicName: z.string(),
    timeZone: z.string(),
    appointmentTypeId: z.uuid(),
    appointmentTypeName: z.string(),
    clinicianId: z.uuid(),
    clinicianName: z.string(),
    start: z.string(),
    end: z.string(),
    status: z.enum(['booked', 'cancelled', 'rescheduled']),
    assessmentId: z.uuid().nullable(),
    tier: ZTriageTier.nullable(),
    reason: z.string().nullable(),
    rescheduledFrom: z.uuid().nullable(),
    cancelledAt: z.string().nullable(),
    share: ZShare.nullable(),
  })
  .openapi('Booking');

export const ZBookingPolicy = z
  .object({
    tier: ZTriageTier.nullable(),
    canBook: z.boolean(),
    needsDoctorClearance: z.boolean(),
    windowDays: z.number().int().nullable(),
    window: z.object({ from: z.string(), to: z.string() }).nullable(),
    suggestedType: z.string().nullable(),
    headline: z.string(),
    text: z.string(),
    reason: z.string(),
    sources: z.array(z.string()),
  })
  .openapi('BookingPolicy', {
    description: 'What the triage allows the runner to book (the knowledge base’s booking rule).',
  });

export const ZPolicyQuery = z.object({ assessmentId: z.uuid().optional() });

/** Names the DTO shows next to the ids. */
export interface BookingNames {
  clinicName: string;
  timeZone: string;
  appointmentTypeName: string;
  clinicianName: string;
}

/** An appointment as the API shows it. */
export function toBookingDto(
  row: AppointmentRow,
  names: BookingNames,
  consent: ConsentRow | undefined,
): z.infer<typeof ZBooking> {
  const tier = ZTriageTier.safeParse(row.tier);
  return {
    id: row.id,
    clinicId: row.clinicId,
    ...names,
    appointmentTypeId: row.appointmentTypeId,
    clinicianId: row.clinicianId,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    status: row.status,
    assessmentId: row.assessmentId,
    tier: tier.success ? tier.data : null,
    reason: row.reason,
    rescheduledFrom: row.rescheduledFrom,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    share:
      consent === undefined || consent.revokedAt !== null
        ? null
        : {
            assessment: consent.shareAssessment,
            plan: consent.sharePlan,
            checkins: consent.shareCheckins,
            training: consent.shareTraining,
          },
  };
}
