/** What the runner sees of their sharing: consents with their items, and who read what. */
import type { AccessLogRow, ConsentWithClinicRow } from '@backtrack/db';
import { z } from '@hono/zod-openapi';
import { consentScopes } from '../clinician/access.js';
import { ZShareScopes } from '../clinician/dto.js';

/** A consent to a clinic. */
export const ZConsent = z
  .object({
    id: z.uuid(),
    clinicId: z.uuid(),
    clinicName: z.string(),
    appointmentId: z.uuid().nullable(),
    share: ZShareScopes,
    grantedAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Consent');

/** One clinician read (or edit) of the runner's data. */
export const ZAccessEntry = z
  .object({
    id: z.uuid(),
    action: z.string(),
    /** The item read (`assessment`, `plan`, `checkins`, `training`) or what was changed. */
    what: z.string().nullable(),
    who: z.string().nullable(),
    clinicName: z.string().nullable(),
    at: z.string(),
  })
  .openapi('AccessEntry');

/** A consent as the API shows it. */
export type ConsentDto = z.infer<typeof ZConsent>;
/** An access-log entry as the API shows it. */
export type AccessEntryDto = z.infer<typeof ZAccessEntry>;

/** A consent row → DTO. */
export function toConsentDto(row: ConsentWithClinicRow): ConsentDto {
  return {
    id: row.id,
    clinicId: row.clinicId,
    clinicName: row.clinicName,
    appointmentId: row.appointmentId,
    share: consentScopes(row),
    grantedAt: row.grantedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** An audit row → access-log DTO. */
export function toAccessEntryDto(row: AccessLogRow): AccessEntryDto {
  return {
    id: row.id,
    action: row.action,
    what: row.targetId,
    who: row.actorName,
    clinicName: row.clinicName,
    at: row.at.toISOString(),
  };
}
