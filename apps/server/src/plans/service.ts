/**
 * Saved plans: generated from a finished assessment, then adapted week by
 * week from the runner's check-ins by the core's pain-monitoring model.
 *
 * A check-in on a date belongs to the plan week that date falls in (counted
 * from the start date). After each check-in the adaptation for that week
 * (which rebuilds the next week) is recomputed from the week's check-ins so
 * far, and so is every later week's, since each builds on the one before.
 * The plan as generated is stored once; reading it applies the adaptations.
 */
import {
  adaptPlan,
  DomainError,
  generatePlan,
  type CheckIn,
  type Plan,
  type RunnerProfileInput,
  ZCheckIn,
} from '@backtrack/core';
import type { AdaptationRow, CheckInRow, PlanRow, Repositories } from '@backtrack/db';
import { answersForPlan } from '../assessments/service.js';
import type { AppDeps } from '../http/context.js';
import { invalidInput } from '../http/errors.js';
import { addDays, planDay, utcDate, weekOfDay } from './calendar.js';
import {
  planHeader,
  toAdaptationDto,
  toCheckInDto,
  toSummaryDto,
  type AdaptationDto,
  type CheckInDto,
  type ProgressDto,
  type SavedPlanDto,
  type SavedPlanSummaryDto,
} from './dto.js';

/** The body of a new plan. */
export interface NewPlan {
  assessmentId: string;
  startDate: string;
  weeks: number;
  profile?: RunnerProfileInput | undefined;
}

/** The body of a check-in. */
export type NewCheckIn = Omit<CheckIn, 'day'> & { date: string };

/** How far ahead of the server's UTC date a check-in may be (time zones east of UTC). */
const FUTURE_TOLERANCE_DAYS = 1;

/** The plan with each stored adaptation's rebuilt week in place of the generated one. */
export function applyAdaptations(
  plan: Plan,
  adaptations: readonly Pick<AdaptationRow, 'week' | 'nextWeek'>[],
): Plan {
  const weeks = [...plan.weeks];
  for (const a of adaptations) if (a.week < weeks.length) weeks[a.week] = a.nextWeek;
  return { ...plan, weeks };
}

function toCoreCheckIn(row: CheckInRow): CheckIn {
  return {
    day: row.day,
    painDuring: row.painDuring,
    painAfter: row.painAfter,
    painNextMorning: row.painNextMorning,
    sessionsDone: row.sessionsDone,
    sessionsPlanned: row.sessionsPlanned,
  };
}

/** The saved-plan use cases. */
export function planService(deps: Pick<AppDeps, 'repos' | 'kb' | 'clock'>) {
  const { repos, kb, clock } = deps;

  async function load(id: string, userId: string, tx: Repositories = repos): Promise<PlanRow> {
    const row = await tx.plans.findForUser(id, userId);
    if (!row) throw new DomainError('not_found', `No plan ${id}.`, [id]);
    return row;
  }

  async function loadWithDetails(id: string, userId: string) {
    const row = await repos.plans.findForUserWithDetails(id, userId);
    if (!row) throw new DomainError('not_found', `No plan ${id}.`, [id]);
    return row;
  }

  const endDate = (row: PlanRow) => addDays(row.startDate, row.plan.weeks.length * 7 - 1);

  function view(row: PlanRow, checkIns: CheckInRow[], adaptations: AdaptationRow[]): SavedPlanDto {
    const today = utcDate(clock.now());
    const day = planDay(row.startDate, today);
    const inPlan = day >= 1 && day <= row.plan.weeks.length * 7;
    return {
      ...planHeader(row, endDate(row)),
      plan: applyAdaptations(row.plan, adaptations),
      checkIns: checkIns.map(toCheckInDto),
      adaptations: adaptations.map(toAdaptationDto),
      today: inPlan ? { date: today, day, week: weekOfDay(day) } : null,
    };
  }

  /**
   * Recomputes the adaptations from `fromWeek` on: each week's decision from
   * its check-ins, applied to the plan as adapted so far. The last week has
   * no next week, so no adaptation.
   */
  async function readapt(
    tx: Repositories,
    row: PlanRow,
    fromWeek: number,
  ): Promise<AdaptationRow[]> {
    const kept = (await tx.plans.listAdaptations(row.id)).filter((a) => a.week < fromWeek);
    const checkIns = await tx.plans.listCheckIns(row.id);
    const lastWeek = Math.min(
      row.plan.weeks.length - 1,
      Math.max(0, ...checkIns.map((c) => weekOfDay(c.day))),
    );
    let plan = applyAdaptations(row.plan, kept);
    const fresh: Omit<AdaptationRow, 'id' | 'planId' | 'createdAt'>[] = [];
    for (let week = fromWeek; week <= lastWeek; week++) {
      const ofWeek = checkIns.filter((c) => weekOfDay(c.day) === week).map(toCoreCheckIn);
      const a = adaptPlan(kb, plan, week, ofWeek);
      fresh.push({ week, ...a });
      plan = applyAdaptations(plan, [{ week, nextWeek: a.nextWeek }]);
    }
    return tx.plans.replaceAdaptationsFrom(row.id, fromWeek, fresh, clock.now());
  }

  return {
    async create(userId: string, input: NewPlan): Promise<SavedPlanDto> {
      const assessment = await repos.assessments.findForOwner(input.assessmentId, {
        userId,
        sessionIdHash: null,
      });
      if (!assessment)
        throw new DomainError('not_found', `No assessment ${input.assessmentId}.`, [
          'assessmentId',
        ]);
      if (assessment.status !== 'done' || assessment.result === null) {
        throw new DomainError('conflict', 'Finish the assessment first.', ['assessmentId']);
      }
      const profile = input.profile ?? {};
      const outcome = generatePlan(kb, assessment.result, answersForPlan(assessment), profile, {
        weeks: input.weeks,
      });
      if (outcome.kind === 'no_plan') {
        throw new DomainError('conflict', `No plan can be saved: ${outcome.reason}`, [
          outcome.whatToDoNow,
        ]);
      }
      const now = clock.now();
      const row = await repos.transaction(async (tx) => {
        const created = await tx.plans.create({
          userId,
          assessmentId: assessment.id,
          profile,
          plan: outcome,
          startDate: input.startDate,
          now,
        });
        await tx.audit.record({ userId, action: 'plan.create', targetId: created.id, at: now });
        return created;
      });
      return view(row, [], []);
    },

    async list(userId: string): Promise<SavedPlanSummaryDto[]> {
      return (await repos.plans.listForUser(userId)).map((row) => toSummaryDto(row, endDate(row)));
    },

    async get(id: string, userId: string): Promise<SavedPlanDto> {
      const { checkIns, adaptations, ...row } = await loadWithDetails(id, userId);
      return view(row, checkIns, adaptations);
    },

    async checkIn(
      id: string,
      userId: string,
      input: NewCheckIn,
    ): Promise<{ checkIn: CheckInDto; adaptation: AdaptationDto | null }> {
      const row = await load(id, userId);
      const day = planDay(row.startDate, input.date);
      const days = row.plan.weeks.length * 7;
      // The core's own check-in rules (ranges, sessions done ≤ planned) on top of the HTTP schema.
      const { date, ...values } = input;
      const parsed = ZCheckIn.safeParse({ day: Math.min(Math.max(day, 1), 366), ...values });
      if (!parsed.success) throw invalidInput(parsed.error.issues);
      if (day < 1) {
        throw new DomainError(
          'invalid_input',
          `date: ${date} is before the plan starts (${row.startDate}).`,
        );
      }
      if (day > days) {
        throw new DomainError(
          'invalid_input',
          `date: ${input.date} is after the plan ends (${endDate(row)}).`,
        );
      }
      const latest = addDays(utcDate(clock.now()), FUTURE_TOLERANCE_DAYS);
      if (input.date > latest) {
        throw new DomainError('invalid_input', `date: ${input.date} is in the future.`);
      }
      const week = weekOfDay(day);
      return repos.transaction(async (tx) => {
        const stored = await tx.plans.addCheckIn({
          planId: row.id,
          date: input.date,
          day,
          painDuring: input.painDuring,
          painAfter: input.painAfter,
          painNextMorning: input.painNextMorning,
          sessionsDone: input.sessionsDone,
          sessionsPlanned: input.sessionsPlanned,
          now: clock.now(),
        });
        if (!stored)
          throw new DomainError('conflict', `There is already a check-in for ${input.date}.`, [
            'date',
          ]);
        const adaptations = await readapt(tx, row, week);
        const mine = adaptations.find((a) => a.week === week);
        return { checkIn: toCheckInDto(stored), adaptation: mine ? toAdaptationDto(mine) : null };
      });
    },

    async progress(id: string, userId: string): Promise<ProgressDto> {
      const { checkIns, adaptations, ...row } = await loadWithDetails(id, userId);
      const plan = applyAdaptations(row.plan, adaptations);
      const decisions = new Map(adaptations.map((a) => [a.week, a.decision]));
      return {
        points: checkIns.map((c) => ({
          date: c.date,
          day: c.day,
          week: weekOfDay(c.day),
          painDuring: c.painDuring,
          painAfter: c.painAfter,
          painNextMorning: c.painNextMorning,
        })),
        weeks: plan.weeks.map((w) => ({
          week: w.week,
          level: w.level,
          decision: decisions.get(w.week) ?? null,
        })),
      };
    },
  };
}
/** The plan service. */
export type PlanService = ReturnType<typeof planService>;
