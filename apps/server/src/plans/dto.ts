/** What the API shows of saved plans, check-ins and adaptations. */
import {
  LEG_PAIN,
  weekOfDay,
  ZRunnerProfile,
  ZTriageTier,
  type KnowledgeBase,
  type Plan,
  type PlanEdit,
  type PlanEditChange,
  type WeekAdaptation,
} from '@backtrack/core';
import type { AdaptationRow, CheckInRow, PlanListRow, PlanRow } from '@backtrack/db';
import { z } from '@hono/zod-openapi';

/** A plan with the adaptations so far applied (the core's `Plan`). */
export const ZPlan = z.custom<Plan>().openapi('Plan', {
  type: 'object',
  description:
    'A plan (`Plan` in @backtrack/core) with the adaptations so far applied to its weeks.',
});
/** A check-in as the API shows it. */
export const ZCheckInOut = z
  .object({
    date: z.string(),
    day: z.number().int(),
    week: z.number().int(),
    painDuring: z.number().int(),
    painAfter: z.number().int(),
    painNextMorning: z.number().int(),
    sessionsDone: z.number().int(),
    sessionsPlanned: z.number().int(),
    distanceKm: z.number().nullable(),
    legPain: z.enum(LEG_PAIN).nullable(),
    note: z.string().nullable(),
  })
  .openapi('CheckIn');

/** The warning-sign re-check a check-in called for (core `checkInRecheck`). */
export const ZCheckInRecheck = z
  .object({
    reason: z.string(),
    action: z.string(),
    questionIds: z.array(z.string()),
    sources: z.array(z.string()),
  })
  .openapi('CheckInRecheck');
/** What a week's check-ins decided. */
export const ZDecision = z.enum(['progress', 'hold', 'step_back', 'stop_running', 'not_applied']);
/** Running stops: re-screen and see a clinician. */
export const ZSafetyStop = z
  .object({
    week: z.number().int(),
    reason: z.string(),
    rescreen: z.literal(true),
    seeClinician: z.string(),
  })
  .openapi('PlanSafetyStop', {
    description:
      'Check-ins called for stopping running: ask the warning-sign questions again and see a clinician.',
  });
/** An adaptation: after `week`, the next week moved from one level to another. */
export const ZAdaptation = z
  .object({
    week: z
      .number()
      .int()
      .openapi({ description: 'The week whose check-ins decided; week + 1 was rebuilt.' }),
    decision: ZDecision,
    reason: z.string(),
    fromLevel: z.number().int(),
    toLevel: z.number().int(),
    safetyStop: ZSafetyStop.optional(),
  })
  .openapi('Adaptation');
/** A clinician's edit of the plan: who, when, why, and what changed from which week. */
export const ZPlanEditOut = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    exerciseId: z.string(),
    exerciseName: z.string(),
    fromWeek: z.number().int(),
    change: z.custom<PlanEditChange>().openapi({
      type: 'object',
      description:
        '`{ kind: "dose", sets?, reps?, holdSeconds? }`, `{ kind: "swap", to: "easier" | "harder" }` or `{ kind: "pause" }`.',
    }),
    reason: z.string(),
    authorName: z.string().openapi({ description: 'The clinician, as the runner sees them.' }),
    at: z.string(),
  })
  .openapi('PlanEdit');
/** The fields of a saved plan that every view of it shows. */
const planHeaderShape = {
  id: z.uuid(),
  assessmentId: z.uuid(),
  startDate: z.string(),
  endDate: z.string(),
  createdAt: z.string(),
};
/** A saved plan with its adaptations applied. */
export const ZSavedPlan = z
  .object({
    ...planHeaderShape,
    profile: z.custom<z.input<typeof ZRunnerProfile>>().openapi({ type: 'object' }),
    plan: ZPlan,
    checkIns: z.array(ZCheckInOut),
    adaptations: z.array(ZAdaptation),
    edits: z.array(ZPlanEditOut).openapi({
      description:
        'Clinician edits, oldest first; `plan` already has them applied (after the check-in adaptations).',
    }),
    today: z.object({ date: z.string(), day: z.number().int(), week: z.number().int() }).nullable(),
  })
  .openapi('SavedPlan');
/** A saved plan in a list. */
export const ZSavedPlanSummary = z
  .object({
    ...planHeaderShape,
    weeks: z.number().int(),
    tier: ZTriageTier,
    targets: z.array(z.string()),
    checkIns: z.number().int(),
  })
  .openapi('SavedPlanSummary');
/** Pain over time and the level of each week. */
export const ZProgress = z
  .object({
    points: z.array(
      ZCheckInOut.omit({
        sessionsDone: true,
        sessionsPlanned: true,
        distanceKm: true,
        legPain: true,
        note: true,
      }),
    ),
    weeks: z.array(
      z.object({ week: z.number().int(), level: z.number().int(), decision: ZDecision.nullable() }),
    ),
  })
  .openapi('Progress');
/** What recording a check-in returns: the adaptation of next week so far (null in the last week). */
export const ZCheckInResponse = z
  .object({
    checkIn: ZCheckInOut,
    adaptation: ZAdaptation.nullable(),
    recheck: ZCheckInRecheck.nullable(),
  })
  .openapi('CheckInResponse');

/** What recording a check-in answers. */
export type CheckInResponseDto = z.infer<typeof ZCheckInResponse>;
/** A check-in as the API shows it. */
export type CheckInDto = z.infer<typeof ZCheckInOut>;
/** An adaptation as the API shows it (`safetyStop` with `stop_running`; absent on stored rows). */
export type AdaptationDto = z.infer<typeof ZAdaptation>;
/** A saved plan with its adaptations applied. */
export type SavedPlanDto = z.infer<typeof ZSavedPlan>;
/** A saved plan in a list. */
export type SavedPlanSummaryDto = z.infer<typeof ZSavedPlanSummary>;
/** Pain over time and the level of each week. */
export type ProgressDto = z.infer<typeof ZProgress>;

/** A clinician's plan edit as the API shows it. */
export type PlanEditDto = z.infer<typeof ZPlanEditOut>;

/** The API view of a clinician's plan edit. */
export function toPlanEditDto(kb: KnowledgeBase, planId: string, e: PlanEdit): PlanEditDto {
  return {
    id: e.id,
    planId,
    exerciseId: e.exerciseId,
    exerciseName: kb.exercises.find((x) => x.id === e.exerciseId)?.name ?? e.exerciseId,
    fromWeek: e.fromWeek,
    change: e.change,
    reason: e.reason,
    authorName: e.authorName,
    at: e.at,
  };
}

/** The API view of a check-in row. */
export function toCheckInDto(row: CheckInRow): CheckInDto {
  return {
    date: row.date,
    day: row.day,
    week: weekOfDay(row.day),
    painDuring: row.painDuring,
    painAfter: row.painAfter,
    painNextMorning: row.painNextMorning,
    sessionsDone: row.sessionsDone,
    sessionsPlanned: row.sessionsPlanned,
    distanceKm: row.distanceKm,
    legPain: row.legPain,
    note: row.note,
  };
}

/** The API view of an adaptation row. */
export function toAdaptationDto(row: AdaptationRow): AdaptationDto {
  return {
    week: row.week,
    decision: row.decision,
    reason: row.reason,
    fromLevel: row.fromLevel,
    toLevel: row.toLevel,
  };
}

/** The API view of an adaptation decided by the core's replay. */
export function replayedAdaptationDto(a: WeekAdaptation): AdaptationDto {
  return {
    week: a.week,
    decision: a.decision,
    reason: a.reason,
    fromLevel: a.fromLevel,
    toLevel: a.toLevel,
    ...(a.safetyStop ? { safetyStop: a.safetyStop } : {}),
  };
}

/** The API view of a plan in a list. */
export function toSummaryDto(row: PlanListRow, endDate: string): SavedPlanSummaryDto {
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    startDate: row.startDate,
    endDate,
    createdAt: row.createdAt.toISOString(),
    weeks: row.plan.weeks.length,
    tier: row.plan.tier,
    targets: row.plan.targets.map((t) => t.name),
    checkIns: row.checkInCount,
  };
}

/** Fields of a plan row that every view shares. */
export function planHeader(row: PlanRow, endDate: string) {
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    startDate: row.startDate,
    endDate,
    createdAt: row.createdAt.toISOString(),
    profile: row.profile,
  };
}
