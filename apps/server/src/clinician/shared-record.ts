/**
 * What a runner's record holds for a reader: the assessment and plan. A
 * clinician reads the ones linked to the runner's booking with their clinic
 * (the ones shared when booking), not whatever the runner did later; the
 * runner reads their newest.
 */
import type { ShareScopes } from '@backtrack/core';
import type { AssessmentRow, ConsentRow, PlanRow, Repositories } from '@backtrack/db';

/** The assessment and plan a booking links to (null: none recorded). */
export interface RecordPins {
  assessmentId: string | null;
  planId: string | null;
}

/**
 * The assessment and plan of the appointment behind the newest of these
 * consents (each consent is given with a booking and follows its
 * reschedules); null pins when no consent has a booking.
 */
export async function pinsOfConsents(
  repos: Repositories,
  consents: readonly ConsentRow[],
): Promise<RecordPins> {
  const newest = [...consents]
    .filter((c) => c.appointmentId !== null)
    .sort((a, b) => b.grantedAt.getTime() - a.grantedAt.getTime())[0];
  const appointment = newest?.appointmentId
    ? await repos.bookings.findById(newest.appointmentId)
    : undefined;
  return {
    assessmentId: appointment?.assessmentId ?? null,
    planId: appointment?.planId ?? null,
  };
}

/** A runner's finished assessment and plan within `scopes`. */
export interface SharedRecord {
  assessment: AssessmentRow | undefined;
  plan: PlanRow | undefined;
}

/**
 * The runner's finished assessment (when `scopes.assessment`) and plan (when
 * `scopes.plan` or `scopes.checkins`): the pinned ones when the booking
 * recorded them, else the newest (a booking made before the runner had one).
 */
export async function loadSharedRecord(
  repos: Repositories,
  runnerId: string,
  scopes: ShareScopes,
  pins: RecordPins | undefined,
): Promise<SharedRecord> {
  const done = (a: AssessmentRow) => a.status === 'done' && a.result !== null;
  let assessment: AssessmentRow | undefined;
  if (scopes.assessment) {
    const all = await repos.assessments.listForUser(runnerId);
    const pinned = pins?.assessmentId ? all.find((a) => a.id === pins.assessmentId) : undefined;
    assessment = pinned && done(pinned) ? pinned : [...all].reverse().find(done);
  }
  let plan: PlanRow | undefined;
  if (scopes.plan || scopes.checkins) {
    plan = pins?.planId ? await repos.plans.findForUser(pins.planId, runnerId) : undefined;
    plan ??= (await repos.plans.listForUser(runnerId))[0];
  }
  return { assessment, plan };
}
