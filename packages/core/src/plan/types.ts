/**
 * The recovery plan's types and the runner profile schema. A plan is plain
 * serialisable data: the CLI saves it, the server stores it, and
 * `adaptPlan` rebuilds the next week from it.
 */
import { z } from 'zod';
import { ZEquipment } from '../knowledge/exercises/schema.js';
import {
  CHECK_IN_DISTANCE_MAX_KM,
  CHECK_IN_NOTE_MAX,
  LEG_PAIN,
} from '../knowledge/check-in-rules.js';
import type { RunningRule } from '../knowledge/running-rules.js';
import type { ContributorId, TriageTier } from '../knowledge/schema.js';
import type { TriageReason } from '../assessment/triage.js';

/** What the runner tells us about their running, for the plan. All optional. */
export const ZRunnerProfile = z
  .object({
    runningDaysPerWeek: z.number().int().min(0).max(7).default(3),
    /** Current weekly distance in kilometres. */
    weeklyKm: z.number().min(0).max(300).optional(),
    /** Longest single run of the last 30 days, in kilometres. */
    longestRunKm: z.number().min(0).max(200).optional(),
    /** Equipment at hand; a towel or belt counts as a strap. */
    equipment: z.array(ZEquipment).default(['mat', 'wall', 'chair', 'strap']),
    /** Units for display only; the plan stores kilometres. */
    units: z.enum(['km', 'mi']).default('km'),
  })
  .strict();
/** A parsed runner profile. */
export type RunnerProfile = z.infer<typeof ZRunnerProfile>;
/** A runner profile as written in a file or request (defaults not yet applied). */
export type RunnerProfileInput = z.input<typeof ZRunnerProfile>;

/** A dose of one exercise. */
export interface PlanDose {
  sets: number;
  reps?: number;
  holdSeconds?: number;
  minutes?: number;
  perSide: boolean;
}

/** Why an item is in the plan. */
interface ItemBase {
  /** Contributors this item addresses (always among the plan's targets). */
  targets: ContributorId[];
  reason: string;
}

/** One thing to do on a day. */
export type PlanItem =
  | (ItemBase & { kind: 'exercise'; exerciseId: string; name: string; dose: PlanDose })
  | (ItemBase & {
      kind: 'run';
      distanceKm: number;
      effort: 'easy' | 'steady';
      flatOnly: boolean;
      long: boolean;
    })
  | (ItemBase & {
      kind: 'run_walk';
      phase: number;
      walkMinutes: number;
      runMinutes: number;
      repeats: number;
    })
  | (ItemBase & { kind: 'walk'; minutes: number })
  | (ItemBase & {
      /** Low- or no-impact exercise in place of a run, where running has stopped. */
      kind: 'cross_train';
      minutes: number;
      /** What to choose from, in plain words (cycling, swimming, pool running). */
      activities: string[];
    });

/** A day of the week (1 = the first day of the plan's week). */
export interface PlanDay {
  day: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  items: PlanItem[];
}

/** One week of the plan. */
export interface PlanWeek {
  week: number;
  phase: 'settle' | 'build' | 'progress';
  /** Load level: 0 = starting level; each step up or down changes doses and running. */
  level: number;
  focus: string;
  days: PlanDay[];
  /** Planned running distance this week, km (0 when not running). */
  runKm: number;
}

/** A contributor the plan works on. */
export interface PlanTarget {
  id: ContributorId;
  name: string;
  probability: number;
}

/** How running is handled. */
export type RunningMode = 'running' | 'return_to_run' | 'no_running';

/** What a plan is built from, kept so that later weeks can be rebuilt on adaptation. */
export interface PlanBasis {
  exerciseIds: string[];
  runningMode: RunningMode;
  runningDaysPerWeek: number;
  /** Weekly km at level 0; null when the runner's weekly distance is unknown (no run doses then). */
  baseWeeklyKm: number | null;
  /**
   * Longest run of the 30 days before the plan, km; null when unknown (runs
   * are then spread evenly, with no longer run in the week).
   */
  longestRunKm: number | null;
  flatOnly: boolean;
  conservative: boolean;
  /**
   * Pain at rest when the plan was made (0–10, the `pain_now` answer), the
   * reference for next-morning pain; null when it was not asked, and then the
   * runner's first morning check-in is the reference (see `replayPlan`).
   */
  baselinePain: number | null;
}

/** Inputs the plan needs and did not get. */
export type PlanInput = 'pain_now' | 'weekly_km' | 'longest_run_km';

/** Something the plan cannot dose because an input is missing, and what the runner can do. */
export interface PlanMissing {
  field: PlanInput;
  /** In plain words: what is withheld and how to get it. */
  why: string;
}

/**
 * A safety stop raised by the check-ins: running stops in the adapted plan,
 * the warning-sign questions must be answered again, and the runner is
 * advised to see a clinician.
 */
export interface PlanSafetyStop {
  /** The week whose check-ins raised it; running stops from the next week on. */
  week: number;
  /** What in the check-ins raised it, in plain words. */
  reason: string;
  /** The warning-sign (red-flag) questions must be asked again. */
  rescreen: true;
  /** Advice to see a clinician, with the reason, in plain words. */
  seeClinician: string;
}

/** A plan. */
export interface Plan {
  kind: 'plan';
  tier: TriageTier;
  /** True for `see_clinician`: gentler doses, and the advice to book. */
  conservative: boolean;
  adviceToBook?: string;
  targets: PlanTarget[];
  runningMode: RunningMode;
  weeks: PlanWeek[];
  runningRules: RunningRule[];
  /** Whether weekly adaptation by the pain-monitoring model applies (not with suspected bone stress). */
  adaptation: 'pain_monitoring' | 'none';
  whenToSeekHelp: string[];
  basis: PlanBasis;
  /** What the plan cannot dose for lack of an answer (empty when nothing is missing). */
  missing: PlanMissing[];
  /** Set by `replayPlan` when check-ins call for stopping running and being seen. */
  safetyStop?: PlanSafetyStop;
  disclaimer: string;
}

/** No plan: triage forbids one, or the warning-sign screen is not finished (`tier` null). */
export interface NoPlan {
  kind: 'no_plan';
  tier: TriageTier | null;
  /** With an unfinished screen: ids of the warning-sign questions still to answer. */
  missing?: string[];
  reason: string;
  whatToDoNow: string;
  reasons: TriageReason[];
  disclaimer: string;
}

/** The plan generator's outcome. */
export type PlanOutcome = Plan | NoPlan;

/** A daily check-in (pain on 0–10; sessions done of those planned that day). */
export const ZCheckIn = z
  .object({
    /** Day of the plan, 1-based (day 1 = first day of week 1). */
    day: z.number().int().min(1).max(366),
    painDuring: z.number().int().min(0).max(10),
    painAfter: z.number().int().min(0).max(10),
    painNextMorning: z.number().int().min(0).max(10),
    sessionsDone: z.number().int().min(0).max(10),
    sessionsPlanned: z.number().int().min(0).max(10),
    /** Kilometres actually run that day. */
    distanceKm: z.number().min(0).max(CHECK_IN_DISTANCE_MAX_KM).optional(),
    /** Where the pain reached (knowledge base `check-in-rules.ts`). */
    legPain: z.enum(LEG_PAIN).optional(),
    /** The runner's own words for the day, for their physiotherapist. */
    note: z.string().trim().min(1).max(CHECK_IN_NOTE_MAX).optional(),
  })
  .strict()
  .refine((c) => c.sessionsDone <= c.sessionsPlanned || c.sessionsPlanned === 0, {
    message: 'sessionsDone cannot exceed sessionsPlanned',
    path: ['sessionsDone'],
  });
/** A validated check-in. */
export type CheckIn = z.infer<typeof ZCheckIn>;

/** What a week's check-ins decide for the next week. */
export type AdaptationDecision = 'progress' | 'hold' | 'step_back' | 'stop_running' | 'not_applied';

/** The decision for the next week. */
export interface Adaptation {
  decision: AdaptationDecision;
  reason: string;
  fromLevel: number;
  toLevel: number;
  nextWeek: PlanWeek;
  /** Set with `stop_running`: re-screen and see a clinician. */
  safetyStop?: PlanSafetyStop;
}
