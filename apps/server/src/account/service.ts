/**
 * The runner's own data: export everything as JSON (streamed), and delete the account
 * with everything in it (GDPR articles 15, 17 and 20).
 */
import { addDays, DomainError, replayPlan } from '@backtrack/core';
import { toActivityDto, type ActivityDto } from '../activities/dto.js';
import type { AppDeps } from '../http/context.js';
import type { Slots } from '../work/slots.js';
import { toInterviewDto, type InterviewDto } from '../assessments/dto.js';
import { loadPlanEdits, toCoreCheckIn } from '../plans/service.js';
import { toOutcomeDto, type OutcomeMeasureDto } from '../outcomes/dto.js';
import {
  planHeader,
  toAdaptationDto,
  toCheckInDto,
  toPlanEditDto,
  type AdaptationDto,
  type CheckInDto,
  type PlanEditDto,
} from '../plans/dto.js';
import type { Plan } from '@backtrack/core';

/** Every record of one runner. */
export interface AccountExport {
  format: 'backtrack-export';
  version: 1;
  exportedAt: string;
  user: { id: string; email: string; createdAt: string };
  assessments: InterviewDto[];
  plans: (ReturnType<typeof planHeader> & {
    /** The plan as generated. */
    generated: Plan;
    /** The plan with the adaptations and the clinicians' edits applied. */
    plan: Plan;
    checkIns: CheckInDto[];
    /** Clinicians' changes to the plan (who, when, what and why), oldest first. */
    edits: PlanEditDto[];
    adaptations: (AdaptationDto & { nextWeek: Plan['weeks'][number] })[];
  })[];
  /** Imported activities with their laps and series, newest first. */
  activities: ActivityDto[];
  /** Shoe reminders. */
  shoes: { name: string; reminderKm: number | null; updatedAt: string }[];
  auditLog: { action: string; targetId: string | null; at: string }[];
  /** Outcome measures (NPRS, PSFS), oldest first. */
  outcomes: OutcomeMeasureDto[];
}

/** Activities read from the database and written out at a time. */
const EXPORT_PAGE = 10;

/** The account use cases. */
export function accountService(
  deps: Pick<AppDeps, 'repos' | 'kb' | 'clock'>,
  work: { exports: Slots },
) {
  const { repos, kb, clock } = deps;
  return {
    /**
     * The export as JSON text in pieces: everything but the activities at
     * once, then the activities a page at a time, so a large history (tens
     * of MB) is never held whole, nor serialised in one go on the thread
     * that answers requests. Only a few run at once: more is `rate_limited`.
     * Throws before the first piece when there is no such account.
     */
    async export(userId: string): Promise<{ exportedAt: string; chunks: AsyncIterable<string> }> {
      const release = work.exports.take();
      try {
        const user = await repos.users.findById(userId);
        if (!user) throw new DomainError('not_found', 'No such account.');
        const now = clock.now();
        try {
          await repos.audit.record({ userId, action: 'account.export', at: now });
        } catch (error) {
          // The account was deleted since the lookup (a concurrent DELETE /api/me): not a server error.
          if (!(await repos.users.findById(userId)))
            throw new DomainError('not_found', 'No such account.');
          throw error;
        }
        const [assessments, plans, shoes, audit, outcomes] = await Promise.all([
          repos.assessments.listForUser(userId),
          repos.plans.listForUser(userId),
          repos.shoes.listForUser(userId),
          repos.audit.listForUser(userId),
          repos.workspace.outcomesOf(userId),
        ]);
        const head: Omit<AccountExport, 'plans' | 'activities'> = {
          format: 'backtrack-export',
          version: 1,
          exportedAt: now.toISOString(),
          user: { id: user.id, email: user.email, createdAt: user.createdAt.toISOString() },
          assessments: assessments.map((a) => toInterviewDto(kb, a)),
          shoes: shoes.map((shoe) => ({
            name: shoe.name,
            reminderKm: shoe.reminderKm,
            updatedAt: shoe.updatedAt.toISOString(),
          })),
          auditLog: audit.map((e) => ({
            action: e.action,
            targetId: e.targetId,
            at: e.at.toISOString(),
          })),
          outcomes: outcomes.map(toOutcomeDto),
        };
        async function* chunks(): AsyncGenerator<string> {
          try {
            yield JSON.stringify(head).slice(0, -1);
            yield ',"plans":[';
            for (const [i, row] of plans.entries()) {
              const [checkIns, adaptations, edits] = await Promise.all([
                repos.plans.listCheckIns(row.id),
                repos.plans.listAdaptations(row.id),
                loadPlanEdits(repos, row.id),
              ]);
              const plan: AccountExport['plans'][number] = {
                ...planHeader(row, addDays(row.startDate, row.plan.weeks.length * 7 - 1)),
                generated: row.plan,
                plan: replayPlan(kb, row.plan, checkIns.map(toCoreCheckIn), { edits }).plan,
                checkIns: checkIns.map(toCheckInDto),
                edits: edits.map((e) => toPlanEditDto(kb, row.id, e)),
                adaptations: adaptations.map((a) => ({
                  ...toAdaptationDto(a),
                  nextWeek: a.nextWeek,
                })),
              };
              yield (i > 0 ? ',' : '') + JSON.stringify(plan);
            }
            yield '],"activities":[';
            for (let offset = 0; ; offset += EXPORT_PAGE) {
              const page = await repos.activities.listAllForUser(userId, {
                limit: EXPORT_PAGE,
                offset,
              });
              if (page.length === 0) break;
              yield (
                (offset > 0 ? ',' : '') +
                page.map((r) => JSON.stringify(toActivityDto(r))).join(',')
              );
              if (page.length < EXPORT_PAGE) break;
            }
            yield ']}';
          } finally {
            release();
          }
        }
        return { exportedAt: head.exportedAt, chunks: chunks() };
      } catch (error) {
        release();
        throw error;
      }
    },

    /**
     * Deletes the account; sessions, assessments, plans, check-ins,
     * adaptations, imported activities, shoe reminders and audit entries go
     * with it (the database cascades).
     */
    async delete(userId: string): Promise<void> {
      const deleted = await repos.users.delete(userId);
      if (!deleted) throw new DomainError('not_found', 'No such account.');
      // Kept without the user id: that an account was deleted, not whose.
      await repos.audit.record({ userId: null, action: 'account.delete', at: clock.now() });
    },
  };
}
/** The account service. */
export type AccountService = ReturnType<typeof accountService>;
