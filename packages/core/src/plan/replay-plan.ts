/**
 * Plan replay: the plan as adapted by a set of check-ins, computed in one
 * place for the CLI, the server and the web. It is a pure function of the
 * plan and the *set* of check-ins: the check-ins are sorted first, so the
 * order they were entered in cannot change the result.
 *
 * Every week from the first up to the horizon is decided in order, each from
 * its own check-ins and starting from the level the week before set. The
 * horizon is the latest week with a check-in, or (with `asOfDay`) the last
 * week that has fully passed, whichever is later. **A week without check-ins
 * holds**: nothing says the runner coped with more, so the next week stays
 * at the same level. (The clinically safer reading; the generated schedule's
 * rises are a projection, earned only by good check-ins.) Weeks after the
 * horizon are a projection: they follow the schedule's steps from the last
 * decided level. Once a week raises a safety stop, running stays stopped in
 * every later week.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import { adaptPlan } from './adapt-plan.js';
import { weekOfDay } from './calendar.js';
import { applyPlanEdits, type PlanEdit } from './edits.js';
import {
  buildWeek,
  LEVEL_MIN,
  levelMaxFor,
  longerOf,
  longestRunOf,
  scheduledLevel,
} from './generate-plan.js';
import type { Adaptation, CheckIn, Plan, PlanSafetyStop } from './types.js';

/** Options of `replayPlan`. */
export interface ReplayOptions {
  /**
   * Today's day of the plan (1-based). Weeks that ended before it are
   * decided even without check-ins (they hold). Without it, only weeks up to
   * the latest check-in are decided.
   */
  asOfDay?: number;
  /** Clinician edits, applied after the check-in adaptations in time order (any order given). */
  edits?: readonly PlanEdit[];
}

/** The adaptation decided after `week`. */
export type WeekAdaptation = Adaptation & { week: number };

/** Where the runner's baseline for next-morning pain comes from. */
export interface PainBaseline {
  pain: number;
  from: 'pain_now' | 'first_morning';
}

/** The plan as adapted by the check-ins. */
export interface ReplayedPlan {
  /** The plan with each decided week rebuilt, later weeks projected, and any safety stop. */
  plan: Plan;
  /**
   * One adaptation per decided week, in week order (week n's adaptation
   * rebuilt week n+1). The last week's, when decided, shows how the plan
   * would continue after its end.
   */
  adaptations: WeekAdaptation[];
  /** The baseline next-morning pain is compared with; null until it is known. */
  baseline: PainBaseline | null;
}

/** A total order on check-ins: by day, then by every value, so sorting is unique. */
function compareCheckIns(a: CheckIn, b: CheckIn): number {
  return (
    a.day - b.day ||
    a.painNextMorning - b.painNextMorning ||
    a.painDuring - b.painDuring ||
    a.painAfter - b.painAfter ||
    a.sessionsDone - b.sessionsDone ||
    a.sessionsPlanned - b.sessionsPlanned
  );
}

/**
 * The runner's own baseline for next-morning pain: their `pain_now` answer,
 * else the next-morning pain of their first check-in. Never an assumed number.
 */
export function painBaseline(plan: Plan, checkIns: readonly CheckIn[]): PainBaseline | null {
  if (plan.basis.baselinePain !== null) return { pain: plan.basis.baselinePain, from: 'pain_now' };
  const first = [...checkIns].sort(compareCheckIns)[0];
  return first ? { pain: first.painNextMorning, from: 'first_morning' } : null;
}

/** The check-ins of one plan week. */
export function checkInsOfWeek(checkIns: readonly CheckIn[], week: number): CheckIn[] {
  return checkIns.filter((c) => weekOfDay(c.day) === week);
}

/**
 * Replays `checkIns` over `plan` (as generated) and returns the adapted
 * plan, the adaptation of every decided week, and the pain baseline. Pure and
 * order-independent: any permutation of the same check-ins gives the same
 * result. Check-ins on days outside the plan are ignored.
 */
export function replayPlan(
  kb: KnowledgeBase,
  plan: Plan,
  checkIns: readonly CheckIn[],
  options: ReplayOptions = {},
): ReplayedPlan {
  const count = plan.weeks.length;
  const sorted = checkIns.filter((c) => c.day >= 1 && c.day <= count * 7).sort(compareCheckIns);
  const baseline = painBaseline(plan, sorted);
  const lastCheckInWeek = sorted.length === 0 ? 0 : weekOfDay(sorted[sorted.length - 1]?.day ?? 0);
  const passedWeeks = options.asOfDay === undefined ? 0 : weekOfDay(options.asOfDay) - 1;
  const horizon = Math.min(count, Math.max(lastCheckInWeek, passedWeeks));

  let current: Plan = plan;
  const adaptations: WeekAdaptation[] = [];
  let safetyStop: PlanSafetyStop | undefined;
  for (let week = 1; week <= horizon; week++) {
    const a = adaptPlan(kb, current, week, checkInsOfWeek(sorted, week), {
      baselinePain: baseline?.pain ?? null,
      runningStopped: safetyStop !== undefined,
    });
    adaptations.push({ week, ...a });
    safetyStop ??= a.safetyStop;
    // The last week's adaptation says how the plan would go on; it has no week to replace.
    current = { ...current, weeks: current.weeks.map((w, i) => (i === week ? a.nextWeek : w)) };
  }

  // Weeks after the horizon: the schedule's steps from the last decided level (a projection).
  if (horizon >= 1) {
    const library = new Map(kb.exercises.map((e) => [e.id, e]));
    const max = levelMaxFor(plan.basis.runningMode);
    const weeks = [...current.weeks];
    for (let i = horizon + 1; i < count; i++) {
      const before = weeks[i - 1];
      if (!before) break;
      const step =
        scheduledLevel(plan.basis.runningMode, i + 1) - scheduledLevel(plan.basis.runningMode, i);
      const level = Math.min(max, Math.max(LEVEL_MIN, before.level + step));
      const longest = weeks
        .slice(0, i)
        .reduce((km, w) => longerOf(km, longestRunOf(w)), plan.basis.longestRunKm);
      weeks[i] = buildWeek(library, plan.basis, plan.targets, i + 1, level, longest, {
        runningStopped: safetyStop !== undefined,
      });
    }
    current = { ...current, weeks };
  }

  // The clinician's edits, by time, over the adapted weeks.
  current = applyPlanEdits(kb, current, options.edits ?? []);

  return {
    plan: safetyStop ? { ...current, safetyStop } : current,
    adaptations,
    baseline,
  };
}
