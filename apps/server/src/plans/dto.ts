/** What the API shows of saved plans, check-ins and adaptations. */
import {
  weekOfDay,
  type Plan,
  type PlanSafetyStop,
  type RunnerProfileInput,
  type WeekAdaptation,
} from '@backtrack/core';
import type { AdaptationRow, CheckInRow, PlanListRow, PlanRow } from '@backtrack/db';

/** A check-in as the API shows it. */
export interface CheckInDto {
  date: string;
  day: number;
  week: number;
  painDuring: number;
  painAfter: number;
  painNextMorning: number;
  sessionsDone: number;
  sessionsPlanned: number;
}

/** An adaptation as the API shows it: after `week`, the next week moved from one level to another. */
export interface AdaptationDto {
  week: number;
  decision: AdaptationRow['decision'];
  reason: string;
  fromLevel: number;
  toLevel: number;
  /** With `stop_running`: running stops, re-screen, see a clinician (absent on stored rows). */
  safetyStop?: PlanSafetyStop;
}

/** A saved plan with its adaptations applied. */
export interface SavedPlanDto {
  id: string;
  assessmentId: string;
  startDate: string;
  endDate: string;
  createdAt: string;
  profile: RunnerProfileInput;
  plan: Plan;
  checkIns: CheckInDto[];
  adaptations: AdaptationDto[];
  /** Where today falls in the plan, or null before the start and after the end. */
  today: { date: string; day: number; week: number } | null;
}

/** A saved plan in a list. */
export interface SavedPlanSummaryDto {
  id: string;
  assessmentId: string;
  startDate: string;
  endDate: string;
  createdAt: string;
  weeks: number;
  tier: Plan['tier'];
  targets: string[];
  checkIns: number;
}

/** Pain over time and the level of each week. */
export interface ProgressDto {
  points: {
    date: string;
    day: number;
    week: number;
    painDuring: number;
    painAfter: number;
    painNextMorning: number;
  }[];
  weeks: { week: number; level: number; decision: AdaptationRow['decision'] | null }[];
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
