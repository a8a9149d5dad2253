/**
 * The clinician's workspace: their appointments, and a consenting runner's
 * pre-visit summary (the core's `buildPreVisitSummary` over what the runner
 * shared). Every read of a runner's data is written to the runner's audit
 * log, item by item.
 */
import {
  addDays,
  buildPreVisitSummary,
  daysBetween,
  toLocalTime,
  DomainError,
  buildTrainingReport,
  planDay,
  SHARE_ITEMS,
  validatePlanEdit,
  type DistanceUnit,
  type PlanEditRequest,
  type PreVisitInputs,
  type ShareScopes,
} from '@backtrack/core';
import type { CheckInRow, PlanRow } from '@backtrack/db';
import type { AppDeps } from '../http/context.js';
import type { WorkPool } from '../work/pool.js';
import {
  loadPlanEdits,
  replayAsOfToday,
  toCoreCheckIn,
  toCoreEdit,
  utcDate,
} from '../plans/service.js';
import { toPlanEditDto, type PlanEditDto } from '../plans/dto.js';
import { loadRunnerTraining, seriesSinceFor } from '../training/runner-training.js';
import { fhirRecord } from '../fhir/service.js';
import { loadSharedRecord, pinsOfConsents } from './shared-record.js';
import { toCoreOutcome } from '../outcomes/service.js';
import {
  clinicianAccess,
  consentScopes,
  NO_ACCESS_MESSAGE,
  requireMemberships,
  sharedItems,
} from './access.js';
import { bundleJson, type FhirBundleJson } from '../fhir/bundle.js';
import {
  toClinicianAppointmentDto,
  type ClinicianAppointmentDto,
  type PreVisitSummaryDto,
  type ZClinicMembership,
} from './dto.js';
import type { z } from '@hono/zod-openapi';

/** The longest window of the appointment list. */
export const MAX_APPOINTMENT_WINDOW_DAYS = 31;

/** The clinician workspace's use cases. */
export function clinicianService(
  deps: Pick<AppDeps, 'repos' | 'kb' | 'clock'>,
  work: { pool?: WorkPool } = {},
) {
  const { repos, kb, clock } = deps;

  /** The shared plan as the summary reads it: replayed as of today with its check-ins and edits. */
  async function sharedPlan(
    planRow: PlanRow,
    checkIns: readonly CheckInRow[],
    now: Date,
  ): Promise<NonNullable<PreVisitInputs['plan']>> {
    const todayDay = planDay(planRow.startDate, utcDate(now));
    const edits = await loadPlanEdits(repos, planRow.id);
    return {
      replayed: replayAsOfToday(kb, planRow, checkIns, todayDay, edits),
      checkIns: checkIns.map(toCoreCheckIn),
      edits,
      todayDay,
    };
  }

  const service = {
    /** A consenting runner's record as a FHIR R4 Bundle, the consented items only; audited. */
    async fhir(userId: string, runnerId: string): Promise<FhirBundleJson> {
      const access = await clinicianAccess(repos, userId, runnerId);
      const bundle = await fhirRecord(deps, runnerId, access.scopes, {
        clinicIds: [access.member.clinicId],
        pins: await pinsOfConsents(repos, access.consents),
      });
      if (!bundle) throw new DomainError('forbidden', NO_ACCESS_MESSAGE);
      await repos.workspace.recordReads({
        runnerId,
        member: access.member,
        items: sharedItems(access.scopes),
        at: clock.now(),
      });
      return bundleJson(bundle);
    },

    /** The user's clinic memberships with the clinics' names (empty for a runner). */
    async memberships(userId: string): Promise<z.infer<typeof ZClinicMembership>[]> {
      const rows = await repos.workspace.membershipsOf(userId);
      const out: z.infer<typeof ZClinicMembership>[] = [];
      for (const m of rows) {
        const clinic = await repos.clinics.findById(m.clinicId);
        out.push({
          memberId: m.id,
          clinicId: m.clinicId,
          clinicName: clinic?.name ?? '',
          role: m.role,
          displayName: m.displayName,
        });
      }
      return out;
    },

    /**
     * The user's booked appointments (as any clinic's member) whose start
     * falls from `from` to `to` inclusive, both dates read in the clinic's
     * own time zone (default: the clinic's today and 6 days on), so an
     * appointment at 00:30 or 23:30 clinic time is on its clinic day.
     */
    async appointments(
      userId: string,
      query: { from?: string | undefined; to?: string | undefined },
    ): Promise<ClinicianAppointmentDto[]> {
      const memberships = await requireMemberships(repos, userId);
      const nowMs = clock.now().getTime();
      // Each clinic's dates: the query's, or its own today.
      const ranges = new Map<string, { from: string; to: string }>();
      for (const m of memberships) {
        if (ranges.has(m.clinicId)) continue;
        const clinic = await repos.clinics.findById(m.clinicId);
        const from = query.from ?? toLocalTime(nowMs, clinic?.timeZone ?? 'UTC').date;
        const to = query.to ?? addDays(from, 6);
        const days = daysBetween(from, to) + 1;
        if (days < 1) throw new DomainError('invalid_input', 'to: must not be before from.');
        if (days > MAX_APPOINTMENT_WINDOW_DAYS)
          throw new DomainError(
            'invalid_input',
            `to: at most ${String(MAX_APPOINTMENT_WINDOW_DAYS)} days after from.`,
          );
        ranges.set(m.clinicId, { from, to });
      }
      // A clinic admin sees every clinician's appointments of the clinic; a clinician their own.
      const adminOf = new Set(
        memberships.filter((m) => m.role === 'clinic_admin').map((m) => m.clinicId),
      );
      const memberIds = new Set(memberships.map((m) => m.id));
      for (const clinicId of adminOf)
        for (const m of await repos.clinics.listMembers(clinicId)) memberIds.add(m.id);
      // Fetch a day more either side of the UTC dates (no zone is 24 h off UTC), then keep
      // the appointments whose clinic-local date is in their clinic's range.
      const all = [...ranges.values()];
      const earliest = all.map((r) => r.from).sort()[0] ?? utcDate(clock.now());
      const latest =
        all
          .map((r) => r.to)
          .sort()
          .at(-1) ?? earliest;
      const fetched = await repos.workspace.appointmentsOf(
        [...memberIds],
        new Date(Date.parse(`${addDays(earliest, -1)}T00:00:00Z`)),
        new Date(Date.parse(`${addDays(latest, 2)}T00:00:00Z`)),
      );
      const rows = fetched.filter((row) => {
        const range = ranges.get(row.clinicId);
        const date = toLocalTime(row.startsAt.getTime(), row.clinicTimeZone).date;
        return range !== undefined && date >= range.from && date <= range.to;
      });
      const out: ClinicianAppointmentDto[] = [];
      for (const row of rows) {
        const consents = await repos.workspace.activeConsents(row.runnerId, [row.clinicId]);
        const share: ShareScopes = {
          assessment: false,
          plan: false,
          checkins: false,
          training: false,
        };
        for (const c of consents) {
          const each = consentScopes(c);
          for (const item of SHARE_ITEMS) share[item] ||= each[item];
        }
        out.push(toClinicianAppointmentDto(row, sharedItems(share).length > 0 ? share : null));
      }
      return out;
    },

    /**
     * One clinician edit of the plan the runner shared (the one linked to the
     * booking): 403 without plan consent, 404 without a plan, 400 naming the
     * field and the bound when the core's `validatePlanEdit` refuses it
     * against the plan as it stands today. Stored with the clinician's name
     * and audited in the runner's access log.
     */
    async editPlan(
      userId: string,
      runnerId: string,
      request: PlanEditRequest,
    ): Promise<PlanEditDto> {
      const access = await clinicianAccess(repos, userId, runnerId);
      if (!access.scopes.plan)
        throw new DomainError(
          'forbidden',
          'No access: this runner has not shared their plan with your clinic.',
        );
      const { plan: planRow } = await loadSharedRecord(
        repos,
        runnerId,
        { assessment: false, plan: true, checkins: false, training: false },
        await pinsOfConsents(repos, access.consents),
      );
      if (!planRow) throw new DomainError('not_found', 'This runner has no saved plan to edit.');
      const now = clock.now();
      return repos.transaction(async (tx) => {
        // One change of a plan at a time (check-ins take the same lock).
        await tx.plans.lock(planRow.id);
        const { plan } = replayAsOfToday(
          kb,
          planRow,
          await tx.plans.listCheckIns(planRow.id),
          planDay(planRow.startDate, utcDate(now)),
          await loadPlanEdits(tx, planRow.id),
        );
        const check = validatePlanEdit(kb, plan, request);
        if (!check.ok) throw new DomainError('invalid_input', check.message, [check.field]);
        const row = await tx.workspace.addPlanEdit({
          planId: planRow.id,
          authorMemberId: access.member.id,
          authorName: access.member.displayName,
          edit: request,
          createdAt: now,
        });
        await tx.workspace.recordAction({
          runnerId,
          member: access.member,
          action: 'clinician.plan_edit',
          targetId: row.id,
          at: now,
        });
        const edit = toCoreEdit(row);
        if (!edit) throw new Error('a stored plan edit does not read back');
        return toPlanEditDto(kb, planRow.id, edit);
      });
    },

    /** The pre-visit summary of a consenting runner; 403 without consent. Audited. */
    async summary(userId: string, runnerId: string): Promise<PreVisitSummaryDto> {
      const access = await clinicianAccess(repos, userId, runnerId);
      const { scopes } = access;
      const now = clock.now();
      const runner = await repos.users.findById(runnerId);
      if (!runner) throw new DomainError('not_found', `No runner ${runnerId}.`);

      // The assessment and plan shared with the booking, not ones made later.
      const { assessment, plan: planRow } = await loadSharedRecord(
        repos,
        runnerId,
        scopes,
        await pinsOfConsents(repos, access.consents),
      );
      const checkIns = planRow ? await repos.plans.listCheckIns(planRow.id) : [];
      const outcomes = scopes.checkins ? await repos.workspace.outcomesOf(runnerId) : [];
      const training = scopes.training
        ? await loadRunnerTraining(repos, runnerId, { seriesSince: seriesSinceFor(now) })
        : null;

      const summary = buildPreVisitSummary(kb, {
        shared: scopes,
        assessment: assessment
          ? { answers: assessment.answers, result: assessment.result ?? null }
          : null,
        plan: planRow ? await sharedPlan(planRow, checkIns, now) : null,
        training:
          training &&
          buildTrainingReport(training.activities, {
            asOf: now.toISOString(),
            utcOffsetMin: 0,
            shoes: training.shoes,
          }),
        outcomes: outcomes.map(toCoreOutcome),
      });
      await repos.workspace.recordReads({
        runnerId,
        member: access.member,
        items: sharedItems(scopes),
        at: now,
      });
      return {
        runnerId,
        runnerEmail: runner.email,
        generatedAt: now.toISOString(),
        summary,
      };
    },
  };
  return {
    ...service,
    /**
     * The pre-visit summary as a PDF: the same consent check and audited read
     * as the JSON summary (it is built by `summary`), then drawn on the work
     * pool (429 when it is full).
     */
    async summaryPdf(
      userId: string,
      runnerId: string,
      unit: DistanceUnit,
    ): Promise<{ body: Uint8Array; filename: string }> {
      if (!work.pool) throw new Error('clinicianService: no work pool for PDFs');
      const dto = await service.summary(userId, runnerId);
      const { pdf } = await work.pool.run({
        kind: 'summaryPdf',
        input: {
          runnerEmail: dto.runnerEmail,
          generatedAt: dto.generatedAt,
          summary: dto.summary,
          unit,
        },
      });
      return { body: pdf, filename: `pre-visit-summary-${dto.generatedAt.slice(0, 10)}.pdf` };
    },
  };
}
/** The clinician service. */
export type ClinicianService = ReturnType<typeof clinicianService>;
