/**
 * The runner's own data: export everything as JSON, and delete the account
 * with everything in it (GDPR articles 15, 17 and 20).
 */
import { addDays, DomainError, replayPlan } from '@backtrack/core';
import { toActivityDto, type ActivityDto } from '../activities/dto.js';
import type { AppDeps } from '../http/context.js';
import { toInterviewDto, type InterviewDto } from '../assessments/dto.js';
import { toCoreCheckIn } from '../plans/service.js';
import {
  planHeader,
  toAdaptationDto,
  toCheckInDto,
  type AdaptationDto,
  type CheckInDto,
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
    /** The plan with the adaptations applied. */
    plan: Plan;
    checkIns: CheckInDto[];
    adaptations: (AdaptationDto & { nextWeek: Plan['weeks'][number] })[];
  })[];
  /** Imported activities with their laps and series, newest first. */
  activities: ActivityDto[];
  /** Shoe reminders. */
  shoes: { name: string; reminderKm: number | null; updatedAt: string }[];
  auditLog: { action: string; targetId: string | null; at: string }[];
}

/** The account use cases. */
export function accountService(deps: Pick<AppDeps, 'repos' | 'kb' | 'clock'>) {
  const { repos, kb, clock } = deps;
  return {
    async export(userId: string): Promise<AccountExport> {
      const user = await repos.users.findById(userId);
      if (!user) throw new DomainError('not_found', 'No such account.');
      const now = clock.now();
      await repos.audit.record({ userId, action: 'account.export', at: now });
      const [assessments, plans, activities, shoes, audit] = await Promise.all([
        repos.assessments.listForUser(userId),
        repos.plans.listForUser(userId),
        repos.activities.listAllForUser(userId),
        repos.shoes.listForUser(userId),
        repos.audit.listForUser(userId),
      ]);
      const fullPlans = await Promise.all(
        plans.map(async (row) => {
          const [checkIns, adaptations] = await Promise.all([
            repos.plans.listCheckIns(row.id),
            repos.plans.listAdaptations(row.id),
          ]);
          return {
            ...planHeader(row, addDays(row.startDate, row.plan.weeks.length * 7 - 1)),
            generated: row.plan,
            plan: replayPlan(kb, row.plan, checkIns.map(toCoreCheckIn)).plan,
            checkIns: checkIns.map(toCheckInDto),
            adaptations: adaptations.map((a) => ({ ...toAdaptationDto(a), nextWeek: a.nextWeek })),
          };
        }),
      );
      return {
        format: 'backtrack-export',
        version: 1,
        exportedAt: now.toISOString(),
        user: { id: user.id, email: user.email, createdAt: user.createdAt.toISOString() },
        assessments: assessments.map((a) => toInterviewDto(kb, a)),
        plans: fullPlans,
        activities: activities.map(toActivityDto),
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
      };
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
