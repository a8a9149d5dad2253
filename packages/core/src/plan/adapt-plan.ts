/**
 * Weekly adaptation by the pain-monitoring model (Silbernagel 2007): pain
 * during activity up to 2/10 is safe and up to 5/10 acceptable; what matters
 * most is that pain has settled by the next morning, compared with the
 * runner's own baseline. The next week progresses, holds or steps back, with
 * the reason. Severe pain (7/10 or more) or next-morning pain rising over the
 * week stops running, asks for the warning-sign questions again and advises
 * seeing a clinician, in every plan. The pain-guided steps are never applied
 * when bone stress is suspected: there, running must be pain-free and a
 * doctor decides. Every threshold is a knowledge-base record (`PLAN_RULES`).
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import { PLAN_RULES } from '../knowledge/plan-rules.js';
import { PAIN_MONITORING } from '../knowledge/running-rules.js';
import { buildWeek, LEVEL_MIN, levelMaxFor, longerOf, longestRunOf } from './generate-plan.js';
import type { Adaptation, AdaptationDecision, CheckIn, Plan, PlanSafetyStop } from './types.js';

/** A week needs at least this many check-ins before the plan progresses (knowledge base: `minCheckInsToProgress`). */
export const MIN_CHECK_INS_TO_PROGRESS = PLAN_RULES.minCheckInsToProgress.value;
/** Pain from which running stops (knowledge base: `stopRunningPain`). */
export const STOP_RUNNING_PAIN = PLAN_RULES.stopRunningPain.value;

/** The decision alone, from a week's check-ins. */
export interface Decision {
  decision: Exclude<AdaptationDecision, 'not_applied'>;
  reason: string;
  /** With `stop_running`: why, and the advice to re-screen and see a clinician. */
  stop?: { reason: string; seeClinician: string };
}

const byDay = (a: CheckIn, b: CheckIn) => a.day - b.day;

/**
 * Why a week's check-ins call for stopping running, or undefined. Pain of
 * `stopRunningPain` or more at any time, or next-morning pain rising by
 * `painRiseWeek` or more from the week's first check-in to its last and
 * ending above the runner's baseline (`null`: the week's first morning).
 */
export function safetyStopReason(
  checkIns: readonly CheckIn[],
  baselinePain: number | null,
): { reason: string; seeClinician: string } | undefined {
  if (checkIns.length === 0) return undefined;
  const worst = Math.max(
    ...checkIns.flatMap((c) => [c.painDuring, c.painAfter, c.painNextMorning]),
  );
  if (worst >= STOP_RUNNING_PAIN) {
    return {
      reason: `Pain reached ${worst}/10 this week. Pain that strong is a reason to stop running and find out why, not to keep training through it.`,
      seeClinician: `See a physiotherapist or doctor within the next few days: pain of ${worst}/10 during training needs a check by someone who can examine you. Answer the warning-sign questions again now; if any of them is yes, follow that advice first.`,
    };
  }
  const sorted = [...checkIns].sort(byDay);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const rise = PLAN_RULES.painRiseWeek.value;
  const baseline = baselinePain ?? first?.painNextMorning ?? 0;
  if (
    first &&
    last &&
    last.day > first.day &&
    last.painNextMorning - first.painNextMorning >= rise &&
    last.painNextMorning > baseline
  ) {
    return {
      reason: `Next-morning pain rose from ${first.painNextMorning}/10 to ${last.painNextMorning}/10 over the week, past your starting level of ${baseline}/10. Pain that keeps building is a reason to stop running and find out why.`,
      seeClinician: `See a physiotherapist or doctor within the next few days: your back is getting worse from day to day, and someone who can examine you should find out why. Answer the warning-sign questions again now; if any of them is yes, follow that advice first.`,
    };
  }
  return undefined;
}

/**
 * The decision from a week's check-ins. `baselinePain` is the runner's own
 * reference for next-morning pain (their `pain_now`, else their first
 * morning check-in); when null, the week's earliest morning is used.
 */
export function decide(checkIns: readonly CheckIn[], baselinePain: number | null): Decision {
  if (checkIns.length === 0) {
    return {
      decision: 'hold',
      reason: 'No check-ins this week, so the plan stays at the same level.',
    };
  }
  const stop = safetyStopReason(checkIns, baselinePain);
  if (stop) {
    return {
      decision: 'stop_running',
      reason: `${stop.reason} Running stops from next week; exercises step back and walking or cross-training keep you active.`,
      stop,
    };
  }
  const baseline = baselinePain ?? [...checkIns].sort(byDay)[0]?.painNextMorning ?? 0;
  const worstMorning = Math.max(...checkIns.map((c) => c.painNextMorning));
  const worstDuring = Math.max(...checkIns.map((c) => c.painDuring));
  const worstAfter = Math.max(...checkIns.map((c) => c.painAfter));
  if (worstMorning > baseline + PAIN_MONITORING.morningRiseMax) {
    return {
      decision: 'step_back',
      reason: `Next-morning pain reached ${worstMorning}/10, above your own starting level of ${baseline}/10: the load was more than your back could settle overnight, so next week steps back.`,
    };
  }
  if (worstDuring > PAIN_MONITORING.acceptableMax || worstAfter > PAIN_MONITORING.acceptableMax) {
    return {
      decision: 'step_back',
      reason: `Pain reached ${Math.max(worstDuring, worstAfter)}/10 during or after a session, above the acceptable ${PAIN_MONITORING.acceptableMax}/10, so next week steps back.`,
    };
  }
  const planned = checkIns.reduce((n, c) => n + c.sessionsPlanned, 0);
  const done = checkIns.reduce((n, c) => n + c.sessionsDone, 0);
  if (planned > 0 && done / planned < PLAN_RULES.adherenceMin.value) {
    return {
      decision: 'hold',
      reason: `You did ${done} of ${planned} planned sessions; next week repeats this level so the body can adapt to it first.`,
    };
  }
  if (worstDuring > PAIN_MONITORING.safeMax || worstAfter > PAIN_MONITORING.safeMax) {
    return {
      decision: 'hold',
      reason: `Pain stayed within the acceptable range (at most ${Math.max(worstDuring, worstAfter)}/10) and settled by the next morning; next week holds the same level.`,
    };
  }
  if (checkIns.length < MIN_CHECK_INS_TO_PROGRESS) {
    return {
      decision: 'hold',
      reason: `Pain stayed low so far, but ${String(checkIns.length)} check-in${checkIns.length === 1 ? '' : 's'} this week is too few to be sure; with ${String(MIN_CHECK_INS_TO_PROGRESS)} or more good check-ins the next week moves up.`,
    };
  }
  return {
    decision: 'progress',
    reason: `Pain stayed at ${Math.max(worstDuring, worstAfter)}/10 or less and settled by each next morning; next week moves up one step.`,
  };
}

/** What the adaptation of one week knows of the weeks before it (`replayPlan` supplies it). */
export interface AdaptContext {
  /** The runner's baseline for next-morning pain; default the plan's `pain_now`. */
  baselinePain?: number | null;
  /** Running already stopped by an earlier week's safety stop. */
  runningStopped?: boolean;
}

/**
 * Adapts the plan after `week` (1-based) from that week's check-ins and
 * returns the rebuilt next week. The plan itself is not modified. Use
 * `replayPlan` for a whole plan: it supplies the context of earlier weeks.
 */
export function adaptPlan(
  kb: KnowledgeBase,
  plan: Plan,
  week: number,
  checkIns: readonly CheckIn[],
  context: AdaptContext = {},
): Adaptation {
  const current = plan.weeks[week - 1];
  if (!current) throw new RangeError(`week ${week} is not in the plan (1–${plan.weeks.length})`);
  const library = new Map(kb.exercises.map((e) => [e.id, e]));
  const longest = plan.weeks
    .slice(0, week)
    .reduce((km, w) => longerOf(km, longestRunOf(w)), plan.basis.longestRunKm);
  const stopped = context.runningStopped === true;
  const rebuild = (level: number, runningStopped: boolean) =>
    buildWeek(library, plan.basis, plan.targets, week + 1, level, longest, { runningStopped });
  const stopOf = (reason: string, seeClinician: string): PlanSafetyStop => ({
    week,
    reason,
    rescreen: true,
    seeClinician,
  });

  if (plan.adaptation === 'none') {
    // Not pain-guided, but severe or rising pain still calls for a re-screen and a clinician.
    const stop = safetyStopReason(
      checkIns,
      context.baselinePain === undefined ? plan.basis.baselinePain : context.baselinePain,
    );
    return {
      decision: stop ? 'stop_running' : 'not_applied',
      reason: stop
        ? `${stop.reason} Running is already paused while a bone stress injury is possible.`
        : 'A bone stress injury is suspected, so the plan is not adapted by pain: running must stay pain-free and return only when a doctor clears it.',
      fromLevel: current.level,
      toLevel: current.level,
      nextWeek: rebuild(current.level, stopped || stop !== undefined),
      ...(stop ? { safetyStop: stopOf(stop.reason, stop.seeClinician) } : {}),
    };
  }
  const baseline =
    context.baselinePain === undefined ? plan.basis.baselinePain : context.baselinePain;
  const decided = decide(checkIns, baseline);
  const { stop } = decided;
  let { decision, reason } = decided;
  // Walk/run starts only when the walking week met its start criteria (pain-free walking, low rest pain).
  const restMax = PLAN_RULES.returnToRunRestPainMax.value;
  if (
    decision === 'progress' &&
    plan.runningMode === 'return_to_run' &&
    current.level <= 0 &&
    checkIns.some((c) => c.painNextMorning > restMax)
  ) {
    decision = 'hold';
    reason = `Walking stayed within the limits, but walk/run starts only when next-morning pain is ${restMax}/10 or less on every day of the week; next week keeps walking.`;
  }
  const max = levelMaxFor(plan.runningMode);
  const toLevel =
    decision === 'progress'
      ? Math.min(max, current.level + 1)
      : decision === 'step_back' || decision === 'stop_running'
        ? Math.max(LEVEL_MIN, current.level - 1)
        : current.level;
  return {
    decision,
    reason,
    fromLevel: current.level,
    toLevel,
    nextWeek: rebuild(toLevel, stopped || decision === 'stop_running'),
    ...(stop ? { safetyStop: stopOf(stop.reason, stop.seeClinician) } : {}),
  };
}
