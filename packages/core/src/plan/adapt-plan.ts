/**
 * Weekly adaptation by the pain-monitoring model (Silbernagel 2007): pain
 * during activity up to 2/10 is safe and up to 5/10 acceptable; what matters
 * most is that pain has settled by the next morning. The next week
 * progresses, holds or steps back, with the reason. Never applied when bone
 * stress is suspected: there, running must be pain-free and a doctor decides.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import { PAIN_MONITORING } from '../knowledge/running-rules.js';
import { buildWeek, LEVEL_MAX, LEVEL_MIN } from './generate-plan.js';
import type { Adaptation, CheckIn, Plan } from './types.js';

/** A week needs at least this many check-ins before the plan progresses. */
export const MIN_CHECK_INS_TO_PROGRESS = 3;

/** The decision alone, from a week's check-ins. Exposed for tests and explanations. */
export function decide(
  checkIns: readonly CheckIn[],
  baselinePain: number,
): { decision: 'progress' | 'hold' | 'step_back'; reason: string } {
  if (checkIns.length === 0) {
    return {
      decision: 'hold',
      reason: 'No check-ins this week, so the plan stays at the same level.',
    };
  }
  const worstMorning = Math.max(...checkIns.map((c) => c.painNextMorning));
  const worstDuring = Math.max(...checkIns.map((c) => c.painDuring));
  const worstAfter = Math.max(...checkIns.map((c) => c.painAfter));
  if (worstMorning > baselinePain + PAIN_MONITORING.morningRiseMax) {
    return {
      decision: 'step_back',
      reason: `Next-morning pain reached ${worstMorning}/10, above your starting level of ${baselinePain}/10: the load was more than your back could settle overnight, so next week steps back.`,
    };
  }
  if (worstDuring > PAIN_MONITORING.acceptableMax || worstAfter > PAIN_MONITORING.acceptableMax) {
    return {
      decision: 'step_back',
      reason: `Pain reached ${Math.max(worstDuring, worstAfter)}/10 during or after a session, above the acceptable 5/10, so next week steps back.`,
    };
  }
  const planned = checkIns.reduce((n, c) => n + c.sessionsPlanned, 0);
  const done = checkIns.reduce((n, c) => n + c.sessionsDone, 0);
  if (planned > 0 && done / planned < 0.6) {
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

/**
 * Adapts the plan after `week` (1-based) from that week's check-ins and
 * returns the rebuilt next week. The plan itself is not modified.
 */
export function adaptPlan(
  kb: KnowledgeBase,
  plan: Plan,
  week: number,
  checkIns: readonly CheckIn[],
): Adaptation {
  const current = plan.weeks[week - 1];
  if (!current) throw new RangeError(`week ${week} is not in the plan (1–${plan.weeks.length})`);
  const library = new Map(kb.exercises.map((e) => [e.id, e]));
  const earlier = plan.weeks.slice(0, week);
  const longest = Math.max(
    plan.basis.longestRunKm,
    ...earlier.flatMap((w) =>
      w.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'run' ? [i.distanceKm] : []))),
    ),
  );
  const rebuild = (level: number) =>
    buildWeek(library, plan.basis, plan.targets, week + 1, level, longest);

  if (plan.adaptation === 'none') {
    return {
      decision: 'not_applied',
      reason:
        'A bone stress injury is suspected, so the plan is not adapted by pain: running must stay pain-free and return only when a doctor clears it.',
      fromLevel: current.level,
      toLevel: current.level,
      nextWeek: rebuild(current.level),
    };
  }
  const { decision, reason } = decide(checkIns, plan.basis.baselinePain);
  const max = plan.runningMode === 'return_to_run' ? 5 : LEVEL_MAX;
  const toLevel =
    decision === 'progress'
      ? Math.min(max, current.level + 1)
      : decision === 'step_back'
        ? Math.max(LEVEL_MIN, current.level - 1)
        : current.level;
  return { decision, reason, fromLevel: current.level, toLevel, nextWeek: rebuild(toLevel) };
}
