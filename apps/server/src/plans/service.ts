/**
 * Saved plans: generated from a finished assessment, then adapted week by
 * week from the runner's check-ins by the core's `replayPlan`.
 *
 * A check-in on a date belongs to the plan week that date falls in (counted
 * from the start date). The plan as generated is stored once. Reading it
 * replays all its check-ins as of today (weeks that passed without
 * check-ins hold). After each check-in the stored adaptations are replaced
 * by the core's replay of all the plan's check-ins, so the order in which
 * they were entered cannot change them.
 */
import {
  addDays,
  checkInRecheck,
  DomainError,
  generatePlan,
  planDay,
  replayPlan,
  weekOfDay,
  type CheckIn,
  type KnowledgeBase,
  type PlanEdit,
  type ReplayedPlan,
  ZPlanEditRequest,
  type RunnerProfileInput,
  ZCheckIn,
} from '@backtrack/core';
import type { CheckInRow, PlanEditRow, PlanRow, Repositories } from '@backtrack/db';
import { planToIcs } from '@backtrack/documents';
import type { DistanceUnit } from '@backtrack/core';
import type { WorkPool } from '../work/pool.js';
import { readThrough, type Prepared, type ResponseCache } from '../http/response-cache.js';
import { answersForPlan } from '../assessments/service.js';
import type { AppDeps } from '../http/context.js';
import { invalidInput } from '../http/errors.js';
import {
  planHeader,
  replayedAdaptationDto,
  toCheckInDto,
  toPlanEditDto,
  toSummaryDto,
  type CheckInResponseDto,
  type ProgressDto,
  type SavedPlanDto,
  type SavedPlanSummaryDto,
} from './dto.js';

/** The body of a new plan. */

/** JSON with object keys sorted (the database's jsonb reorders keys). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The most plans one account keeps: bounds what one signed-in user can store. */
export const MAX_PLANS_PER_ACCOUNT = 100;

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

/** The UTC calendar date of an instant (the server's clock; plans count days on UTC dates). */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A stored check-in as the core's `CheckIn`. */
export function toCoreCheckIn(row: CheckInRow): CheckIn {
  return {
    day: row.day,
    painDuring: row.painDuring,
    painAfter: row.painAfter,
    painNextMorning: row.painNextMorning,
    sessionsDone: row.sessionsDone,
    sessionsPlanned: row.sessionsPlanned,
    ...(row.distanceKm === null ? {} : { distanceKm: row.distanceKm }),
    ...(row.legPain === null ? {} : { legPain: row.legPain }),
    ...(row.note === null ? {} : { note: row.note }),
  };
}

/** A stored clinician edit as the core's `PlanEdit`; undefined when the stored JSON does not parse. */
export function toCoreEdit(row: PlanEditRow): PlanEdit | undefined {
  const parsed = ZPlanEditRequest.safeParse(row.edit);
  if (!parsed.success) return undefined;
  return {
    ...parsed.data,
    id: row.id,
    at: row.createdAt.toISOString(),
    authorName: row.authorName,
  };
}

/** A plan's clinician edits as the core's `PlanEdit`s, in the order they were made. */
export async function loadPlanEdits(repos: Repositories, planId: string): Promise<PlanEdit[]> {
  return (await repos.workspace.planEditsOf(planId)).flatMap((row) => toCoreEdit(row) ?? []);
}

/**
 * A saved plan replayed by the core over its check-ins as of today's plan day
 * (weeks that ended without check-ins hold), then its clinician edits. Before
 * the start, only the check-ins count.
 */
export function replayAsOfToday(
  kb: KnowledgeBase,
  row: Pick<PlanRow, 'plan'>,
  checkIns: readonly CheckInRow[],
  todayDay: number,
  edits: readonly PlanEdit[] = [],
): ReplayedPlan {
  return replayPlan(kb, row.plan, checkIns.map(toCoreCheckIn), {
    ...(todayDay >= 1 ? { asOfDay: todayDay } : {}),
    edits,
  });
}

/** The saved-plan use cases. */
/** A file to download: its bytes or text and its name. */
export interface Download<T> {
  body: T;
  filename: string;
}

/**
 * The plan service. `work.pool` draws PDFs off the request thread; without
 * it the handout is refused (tests that do not need it may leave it out).
 * `work.answers` keeps saved plans ready to send (the embedded database
 * only: see http/response-cache.ts).
 */
export function planService(
  deps: Pick<AppDeps, 'repos' | 'kb' | 'clock'>,
  work: { pool?: WorkPool; answers?: ResponseCache | undefined } = {},
) {
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

  /** Today's plan day, from the server's clock. */
  const todayIn = (row: PlanRow) => {
    const date = utcDate(clock.now());
    return { date, day: planDay(row.startDate, date) };
  };

  function view(row: PlanRow, checkIns: CheckInRow[], edits: readonly PlanEdit[]): SavedPlanDto {
    const today = todayIn(row);
    const inPlan = today.day >= 1 && today.day <= row.plan.weeks.length * 7;
    const replayed = replayAsOfToday(kb, row, checkIns, today.day, edits);
    return {
      ...planHeader(row, endDate(row)),
      plan: replayed.plan,
      checkIns: checkIns.map(toCheckInDto),
      adaptations: replayed.adaptations.map(replayedAdaptationDto),
      edits: edits.map((e) => toPlanEditDto(kb, row.id, e)),
      today: inPlan ? { date: today.date, day: today.day, week: weekOfDay(today.day) } : null,
    };
  }

  /**
   * Replaces the stored adaptations with the core's replay of all the plan's
   * check-ins (not of today's date, so the stored rows depend only on the set
   * of check-ins). Returns the replay.
   */
  async function readapt(
    tx: Repositories,
    row: PlanRow,
  ): Promise<{ replayed: ReplayedPlan; checkIns: CheckInRow[] }> {
    const checkIns = await tx.plans.listCheckIns(row.id);
    const replayed = replayPlan(kb, row.plan, checkIns.map(toCoreCheckIn));
    await tx.plans.replaceAdaptationsFrom(
      row.id,
      1,
      replayed.adaptations.map((a) => ({
        week: a.week,
        decision: a.decision,
        reason: a.reason,
        fromLevel: a.fromLevel,
        toLevel: a.toLevel,
        nextWeek: a.nextWeek,
      })),
      clock.now(),
    );
    return { replayed, checkIns };
  }

  async function get(id: string, userId: string): Promise<SavedPlanDto> {
    // Stored adaptations are not read back: the view replays the check-ins as of today.
    const row = await loadWithDetails(id, userId);
    return view(row, row.checkIns, await loadPlanEdits(repos, row.id));
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
        await tx.plans.lockOwner(userId);
        // The same request again (a double click, a retry) gives back the plan it made.
        const same = (await tx.plans.findSame(userId, assessment.id, input.startDate)).find(
          (p) =>
            stableJson(p.profile) === stableJson(profile) &&
            p.plan.weeks.length === outcome.weeks.length,
        );
        if (same) return same;
        if ((await tx.plans.countForUser(userId)) >= MAX_PLANS_PER_ACCOUNT)
          throw new DomainError(
            'conflict',
            `An account keeps at most ${String(MAX_PLANS_PER_ACCOUNT)} plans; export your data and delete the account to start again, or keep using a saved plan.`,
          );
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

    get,

    /**
     * The saved plan ready to send: kept per plan and day (the view replays
     * as of today) until the plan's check-ins, adaptations or edits change,
     * and served from there only to its owner.
     */
    async getPrepared(id: string, userId: string): Promise<Prepared<SavedPlanDto>> {
      return readThrough(
        work.answers,
        { id, variant: utcDate(clock.now()), caller: { userId, sessionIdHash: null } },
        async () => ({ value: await get(id, userId), owner: { userId, sessionId: null } }),
      );
    },

    async checkIn(id: string, userId: string, input: NewCheckIn): Promise<CheckInResponseDto> {
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
        // One check-in per plan at a time: on PostgreSQL two concurrent ones
        // would otherwise both rebuild the adaptations and collide.
        await tx.plans.lock(row.id);
        const stored = await tx.plans.addCheckIn({
          planId: row.id,
          date: input.date,
          day,
          painDuring: input.painDuring,
          painAfter: input.painAfter,
          painNextMorning: input.painNextMorning,
          sessionsDone: input.sessionsDone,
          sessionsPlanned: input.sessionsPlanned,
          distanceKm: input.distanceKm ?? null,
          legPain: input.legPain ?? null,
          note: input.note ?? null,
          now: clock.now(),
        });
        if (!stored)
          throw new DomainError('conflict', `There is already a check-in for ${input.date}.`, [
            'date',
          ]);
        const { replayed, checkIns } = await readapt(tx, row);
        const mine = replayed.adaptations.find((a) => a.week === week);
        // The check-in before this one by date decides whether leg pain is new.
        const previous = checkIns.filter((c) => c.date < stored.date).at(-1);
        const recheck = checkInRecheck(
          kb,
          toCoreCheckIn(stored),
          previous && toCoreCheckIn(previous),
        );
        return {
          checkIn: toCheckInDto(stored),
          adaptation: mine ? replayedAdaptationDto(mine) : null,
          recheck: recheck === undefined ? null : { ...recheck, sources: [...recheck.sources] },
        };
      });
    },

    async progress(id: string, userId: string): Promise<ProgressDto> {
      const row = await loadWithDetails(id, userId);
      const { checkIns } = row;
      const { plan, adaptations } = replayAsOfToday(
        kb,
        row,
        checkIns,
        todayIn(row).day,
        await loadPlanEdits(repos, row.id),
      );
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

    /**
     * The plan as adapted so far (check-ins replayed as of today), as the
     * illustrated PDF handout the CLI prints too; drawn on the work pool
     * (429 when it is full).
     */
    async handout(id: string, userId: string, unit: DistanceUnit): Promise<Download<Uint8Array>> {
      if (!work.pool) throw new Error('planService: no work pool for PDFs');
      const row = await loadWithDetails(id, userId);
      const assessment = await repos.assessments.findForOwner(row.assessmentId, {
        userId,
        sessionIdHash: null,
      });
      if (!assessment?.result) throw new DomainError('not_found', `No plan ${id}.`, [id]);
      const { plan } = replayAsOfToday(
        kb,
        row,
        row.checkIns,
        todayIn(row).day,
        await loadPlanEdits(repos, row.id),
      );
      const { pdf } = await work.pool.run({
        kind: 'planPdf',
        result: assessment.result,
        outcome: plan,
        unit,
        startDate: row.startDate,
        madeOn: utcDate(clock.now()),
      });
      return { body: pdf, filename: `backtrack-plan-${row.startDate}.pdf` };
    },

    /** The plan as adapted so far as an iCalendar file: one all-day event per day with something planned. */
    async calendar(id: string, userId: string, unit: DistanceUnit): Promise<Download<string>> {
      const row = await loadWithDetails(id, userId);
      const { plan } = replayAsOfToday(
        kb,
        row,
        row.checkIns,
        todayIn(row).day,
        await loadPlanEdits(repos, row.id),
      );
      const categories = new Map(kb.exercises.map((e) => [e.id, e.category]));
      const ics = planToIcs(plan, {
        startDate: row.startDate,
        unit,
        categoryOf: (exerciseId) => categories.get(exerciseId),
      });
      return { body: ics, filename: `backtrack-plan-${row.startDate}.ics` };
    },
  };
}
/** The plan service. */
export type PlanService = ReturnType<typeof planService>;
