/**
 * Loads what a reader may see of a runner and builds the FHIR Bundle: the
 * runner sees everything; a clinician only the consented items (checked and
 * audited by the clinician service).
 */
import { addDays, type ShareScopes } from '@backtrack/core';
import type { Bundle } from '@medplum/fhirtypes';
import type { AppDeps } from '../http/context.js';
import { buildFhirBundle } from './bundle.js';
import { loadSharedRecord, type RecordPins } from '../clinician/shared-record.js';
import { toCoreOutcome } from '../outcomes/service.js';

/** Every item: what the runner sees of their own record. */
export const EVERYTHING: ShareScopes = {
  assessment: true,
  plan: true,
  checkins: true,
  training: true,
};

/** The FHIR export of a runner's record, limited to `scopes` (and to the assessment and plan `pins` name, for a clinic). */
export async function fhirRecord(
  deps: Pick<AppDeps, 'repos' | 'kb' | 'clock'>,
  runnerId: string,
  scopes: ShareScopes,
  options: { clinicIds?: readonly string[]; pins?: RecordPins } = {},
): Promise<Bundle | null> {
  const { repos, kb, clock } = deps;
  const runner = await repos.users.findById(runnerId);
  if (!runner) return null;
  const { assessment, plan: planRow } = await loadSharedRecord(
    repos,
    runnerId,
    scopes,
    options.pins,
  );
  const checkIns = planRow && scopes.checkins ? await repos.plans.listCheckIns(planRow.id) : [];
  // Outcome measures go with the check-ins; each names who recorded it.
  const outcomeRows = scopes.checkins ? await repos.workspace.outcomesOf(runnerId) : [];
  // A clinic sees its own appointments with the runner, not those of other clinics.
  const appointments = (await repos.bookings.listForRunner(runnerId)).filter(
    (ap) => options.clinicIds === undefined || options.clinicIds.includes(ap.clinicId),
  );
  return buildFhirBundle(kb, {
    runner: { id: runner.id, email: runner.email },
    generatedAt: clock.now().toISOString(),
    assessment: assessment
      ? {
          id: assessment.id,
          answers: assessment.answers,
          result: assessment.result ?? null,
          updatedAt: assessment.updatedAt.toISOString(),
        }
      : null,
    plan:
      planRow && scopes.plan
        ? {
            id: planRow.id,
            startDate: planRow.startDate,
            endDate: addDays(planRow.startDate, planRow.plan.weeks.length * 7 - 1),
            plan: planRow.plan,
          }
        : null,
    checkIns: checkIns.map((c) => ({ id: c.id, date: c.date, painNextMorning: c.painNextMorning })),
    appointments: appointments.map((ap) => ({
      id: ap.id,
      start: ap.startsAt.toISOString(),
      end: ap.endsAt.toISOString(),
      status: ap.status,
      description: ap.reason ?? 'Appointment',
    })),
    outcomes: outcomeRows.map((m) => ({
      ...toCoreOutcome(m),
      id: m.id,
      // The name stored with the measure, so a deleted clinician account still shows who took it.
      recordedBy: m.recordedByRole === 'runner' ? null : (m.recordedByName ?? UNKNOWN_CLINICIAN),
    })),
  });
}

/** Who recorded a clinician's measure when their name was not known (backfilled without a membership). */
const UNKNOWN_CLINICIAN = 'A clinician';
