/** What the clinician workspace shows: the day's appointments and the pre-visit summary. */
import { toLocalTime, ZTriageTier, type PreVisitSummary } from '@backtrack/core';
import type { ClinicianAppointmentRow } from '@backtrack/db';
import { z } from '@hono/zod-openapi';
import { ZIsoDate } from '../http/schemas.js';

/** The items a runner shares, one switch each. */
export const ZShareScopes = z
  .object({
    assessment: z.boolean(),
    plan: z.boolean(),
    checkins: z.boolean(),
    training: z.boolean(),
  })
  .openapi('ShareScopes');

/** An appointment in the clinician's list. */
export const ZClinicianAppointment = z
  .object({
    id: z.uuid(),
    start: z.string(),
    end: z.string(),
    clinicId: z.uuid(),
    clinicName: z.string(),
    /** The clinic's IANA time zone; `localDate` and the list's `from`/`to` are local to it. */
    timeZone: z.string(),
    /** The start's date in the clinic's time zone (`YYYY-MM-DD`). */
    localDate: z.string(),
    clinicianName: z.string(),
    appointmentTypeName: z.string(),
    runnerId: z.uuid(),
    runnerEmail: z.string(),
    tier: ZTriageTier.nullable(),
    reason: z.string().nullable(),
    /** What the runner shares with the clinic now (null: nothing, or revoked). */
    share: ZShareScopes.nullable(),
  })
  .openapi('ClinicianAppointment');

/** A clinic membership of the signed-in user. */
export const ZClinicMembership = z
  .object({
    memberId: z.uuid(),
    clinicId: z.uuid(),
    clinicName: z.string(),
    role: z.enum(['clinician', 'clinic_admin']),
    displayName: z.string(),
  })
  .openapi('ClinicMembership');

/** `?from&to` of the appointment list: dates in each clinic's time zone, at most 31 days. */
export const ZAppointmentsQuery = z.object({
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});

/** The pre-visit summary (`PreVisitSummary` in @backtrack/core) with who it is about. */
export const ZPreVisitSummary = z
  .object({
    runnerId: z.uuid(),
    runnerEmail: z.string(),
    generatedAt: z.string(),
    summary: z.custom<PreVisitSummary>().openapi({
      type: 'object',
      description:
        'The pre-visit summary (`PreVisitSummary` in @backtrack/core): each section `shown`, `not_shared` or `no_data`.',
    }),
  })
  .openapi('PreVisitSummary');

/** `{runnerId}` in a path. */
export const ZRunnerParam = z.object({
  runnerId: z.uuid().openapi({ param: { name: 'runnerId', in: 'path' } }),
});

/** An appointment as the clinician's list shows it. */
export type ClinicianAppointmentDto = z.infer<typeof ZClinicianAppointment>;
/** The pre-visit summary as the API shows it. */
export type PreVisitSummaryDto = z.infer<typeof ZPreVisitSummary>;

/** A row → DTO. */
export function toClinicianAppointmentDto(
  row: ClinicianAppointmentRow,
  share: z.infer<typeof ZShareScopes> | null,
): ClinicianAppointmentDto {
  return {
    id: row.id,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    clinicId: row.clinicId,
    clinicName: row.clinicName,
    timeZone: row.clinicTimeZone,
    localDate: toLocalTime(row.startsAt.getTime(), row.clinicTimeZone).date,
    clinicianName: row.clinicianName,
    appointmentTypeName: row.appointmentTypeName,
    runnerId: row.runnerId,
    runnerEmail: row.runnerEmail,
    tier: ZTriageTier.safeParse(row.tier).data ?? null,
    reason: row.reason,
    share,
  };
}
